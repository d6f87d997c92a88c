using CqcGuide.Rules.ScoringModels;

namespace CqcGuide.Site.Views;

/// <summary>
/// A measure as other pages show it (a learning log next to the action the measure monitors, the evidence pages): its
/// chart, the rules' reading of the latest point, and where the measure's own page is. Shared by the measures section
/// under the key <c>measure:&lt;id&gt;</c>.
/// </summary>
public sealed record MeasureCard
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Url { get; init; }
    public required string Unit { get; init; }
    public required string Reading { get; init; }
    public required string VariationLabel { get; init; }
    public required string AssuranceLabel { get; init; }
    public required SpcChartView Chart { get; init; }
    /// <summary>The quality statements it is evidence for, and its evidence category (a value of the log format's list).</summary>
    public IReadOnlyList<string> QualityStatements { get; init; } = [];
    public string EvidenceCategory { get; init; } = "outcomes";
    /// <summary>The measure's changes that name a learning log action (<c>ll-2026-004#a1</c>), with the index of the first
    /// point after each took effect.</summary>
    public IReadOnlyList<MeasureChangeRef> Changes { get; init; } = [];
    /// <summary>The full analysis, for rules that judge a log's claims against the data (not for templates).</summary>
    public required SpcResult Analysis { get; init; }
}

/// <summary>A change to how the work is done that a measure records, with the learning log action behind it.</summary>
public sealed record MeasureChangeRef(string Action, int PointIndex);
