using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Sections.Assessments;

/// <summary>A self-assessment definition: <c>input/assessments/&lt;id&gt;.yml</c> (see docs/content-spec.md).</summary>
public sealed record AssessmentDefinition : IFrontMatter
{
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required string Version { get; init; }
    /// <summary>The scoring model: cqc-saf, cqc-saf-evidence or learning-maturity.</summary>
    public required string Model { get; init; }
    public int Order { get; init; } = 1000;
    public string? TimeNeeded { get; init; }
    /// <summary>Markdown shown on the start page.</summary>
    public string? Introduction { get; init; }
    public required IReadOnlyList<SectionDefinition> Sections { get; init; }
    /// <summary>
    /// Lets the answers start from the scores of the service's last published CQC report (only for a model that accepts a
    /// baseline: cqc-saf). Statements not re-assessed keep their published scores in the totals.
    /// </summary>
    public BaselineDefinition? Baseline { get; init; }
}

public sealed record BaselineDefinition
{
    /// <summary>Markdown shown where the form asks for the last published scores.</summary>
    public required string Intro { get; init; }
}

public sealed record SectionDefinition
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>Markdown shown at the top of the section page.</summary>
    public string? Intro { get; init; }
    public required IReadOnlyList<AssessmentQuestion> Questions { get; init; }
}

public enum ExtraQuestionType { Text, YesNo, YesPartlyNo }

public sealed record AssessmentQuestion
{
    public required string Id { get; init; }
    /// <summary>Optional for model questions (the model's wording is the default).</summary>
    public string? Text { get; init; }
    public string? Hint { get; init; }
    public string? EvidencePrompt { get; init; }
    [WebAddress]
    public IReadOnlyList<string> Guidance { get; init; } = [];
    /// <summary>Only for extra questions, which the model does not score.</summary>
    public ExtraQuestionType? Type { get; init; }
    public ShowIf? ShowIf { get; init; }
    /// <summary>Quality statements this question addresses (model questions of the CQC models address their own).</summary>
    public IReadOnlyList<string> QualityStatements { get; init; } = [];
}

public sealed record ShowIf
{
    public required string Question { get; init; }
    public required IReadOnlyList<string> In { get; init; }
}
