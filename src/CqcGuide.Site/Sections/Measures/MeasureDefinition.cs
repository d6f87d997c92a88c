using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Sections.Measures;

// A measure: input/measures/<id>.yml (see docs/content-spec.md). Keys are the snake_case property names. Numbers are
// kept as written (text) so that the measure file, a CSV and the browser's form are read by the same rules.

/// <summary>Something a service counts over time to see whether a change worked, analysed with an XmR chart.</summary>
public sealed record MeasureDefinition : IFrontMatter
{
    public required string Title { get; init; }
    public required string Summary { get; init; }
    /// <summary>What is counted, in plain words.</summary>
    public required string Numerator { get; init; }
    /// <summary>What it is counted out of, when it is a rate or a percentage.</summary>
    public string? Denominator { get; init; }
    /// <summary>How a value reads, e.g. "discrepancies a month", "% of night shifts", "falls per 1,000 occupied bed days".</summary>
    public required string Unit { get; init; }
    /// <summary>increase | decrease | neutral: which way is better.</summary>
    public required string Direction { get; init; }
    public required string Period { get; init; }
    public string? Target { get; init; }
    public string? Minimum { get; init; }
    public string? Maximum { get; init; }
    /// <summary>Compute the limits from the first n points of each segment (at least 12).</summary>
    public int? FixAfter { get; init; }
    /// <summary>Points in a row for a shift or a trend: 7 (default) or 6.</summary>
    public int? RunLength { get; init; }
    public string? OwnerRole { get; init; }
    public IReadOnlyList<string> QualityStatements { get; init; } = [];
    /// <summary>Which of CQC's six evidence categories the measure is evidence in (default: outcomes).</summary>
    public Rules.LearningLogs.CategoryOfEvidence EvidenceCategory { get; init; } = Rules.LearningLogs.CategoryOfEvidence.Outcomes;
    public int Order { get; init; } = 1000;
    public required IReadOnlyList<MeasurePoint> Data { get; init; }
    public IReadOnlyList<MeasureChange> Changes { get; init; } = [];
}

public sealed record MeasurePoint
{
    public required string Period { get; init; }
    public required string Value { get; init; }
    public string? Note { get; init; }
}

/// <summary>A dated change in how the work is done (e.g. "discharge checklist introduced").</summary>
public sealed record MeasureChange
{
    public required string Period { get; init; }
    public required string Label { get; init; }
    /// <summary>The learning log action behind it: <c>ll-2026-004#a1</c>.</summary>
    public string? Action { get; init; }
    /// <summary>Recalculate the limits from this period on (the process has changed).</summary>
    public bool Rebase { get; init; }
}
