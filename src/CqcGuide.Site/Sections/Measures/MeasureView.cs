using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Measures;

/// <summary>The data of the <c>measure</c> layout.</summary>
public sealed record MeasureView
{
    public required MeasureCard Card { get; init; }
    public required string Numerator { get; init; }
    public string? Denominator { get; init; }
    public required string Unit { get; init; }
    public required string Direction { get; init; }
    public string? Target { get; init; }
    public string? OwnerRole { get; init; }
    public required string PeriodName { get; init; }
    public IReadOnlyList<MeasureRowView> Rows { get; init; } = [];
    public IReadOnlyList<MeasureChangeView> Changes { get; init; } = [];
    public IReadOnlyList<SegmentView> Segments { get; init; } = [];
    /// <summary>Learning log actions this measure monitors (from the logs' <c>measure_id</c> and the changes' <c>action</c>).</summary>
    public IReadOnlyList<ListItem> Actions { get; init; } = [];
    /// <summary>The measure file, for a team to copy and keep its own data.</summary>
    public required string SourcePath { get; init; }
}

public sealed record MeasureRowView
{
    public required string Period { get; init; }
    public required string Value { get; init; }
    public string? Note { get; init; }
    public required string Variation { get; init; }
    public bool SpecialCause { get; init; }
}

public sealed record MeasureChangeView
{
    public required string Period { get; init; }
    public required string Label { get; init; }
    public bool Rebase { get; init; }
    public LinkView? Action { get; init; }
}

public sealed record SegmentView
{
    public required string Label { get; init; }
    public required string Centre { get; init; }
    public string? Limits { get; init; }
    public required string Reading { get; init; }
}

/// <summary>The data of the measures index: each measure's latest variation and assurance.</summary>
public sealed record MeasuresIndexView
{
    public IReadOnlyList<MeasureCard> Measures { get; init; } = [];
    public required string CheckUrl { get; init; }
}
