using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Forms;

/// <summary>The data of the <c>form</c> layout: the form's sections and fields, and its definition as JSON for the
/// browser code that saves, exports, prints and turns it into a learning log.</summary>
public sealed record FormView
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Version { get; init; }
    public string IntroductionHtml { get; init; } = "";
    public LinkView? Guidance { get; init; }
    public required IReadOnlyList<FormSectionView> Sections { get; init; }
    public required string DefinitionJson { get; init; }
    /// <summary>The draft learning-log form, when this form can pre-fill it.</summary>
    public string? LearningLogUrl { get; init; }
    public required string IndexUrl { get; init; }
}

public sealed record FormSectionView
{
    public required string Id { get; init; }
    public required int Number { get; init; }
    public required string Title { get; init; }
    public string IntroHtml { get; init; } = "";
    public IReadOnlyList<FormFieldView> Fields { get; init; } = [];
}

public sealed record FormFieldView
{
    public required string Id { get; init; }
    /// <summary>The element id (<c>field-&lt;id&gt;</c>), also the error summary's link target.</summary>
    public required string Anchor { get; init; }
    /// <summary>text, long-text, date, number, choice, yes-no or rows.</summary>
    public required string Type { get; init; }
    public required string Label { get; init; }
    public string? Hint { get; init; }
    public bool Required { get; init; }
    public IReadOnlyList<string> Options { get; init; } = [];
    public IReadOnlyList<FormColumnView> Columns { get; init; } = [];
    public int StartRows { get; init; } = 1;
}

public sealed record FormColumnView
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required string Label { get; init; }
    public string? Hint { get; init; }
    public IReadOnlyList<string> Options { get; init; } = [];
}
