using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Sections.Checklists;

// Keys are the snake_case property names. Unknown keys, wrong types and missing `required` members are errors at
// the YAML node (see YamlBinder).

/// <summary>Front matter of a pitfall checklist (<c>input/checklists/*.md</c>).</summary>
public sealed record ChecklistFrontMatter : IFrontMatter
{
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public int Order { get; init; } = 1000;
    public string? Owner { get; init; }
    public DateOnly? LastReviewed { get; init; }
    public DateOnly? NextReview { get; init; }
    public IReadOnlyList<string> KeyQuestions { get; init; } = [];
    public IReadOnlyList<string> QualityStatements { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public required IReadOnlyList<ChecklistItem> Items { get; init; }
}

/// <summary>One item of a checklist.</summary>
public sealed record ChecklistItem
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public required string Explanation { get; init; }
    [WebAddress]
    public string? Guidance { get; init; }
    public IReadOnlyList<string> QualityStatements { get; init; } = [];
}
