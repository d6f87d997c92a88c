using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Journal;

/// <summary>The evidence portfolio of one quality statement: what the site holds, by CQC's six evidence categories.</summary>
public sealed record EvidenceView
{
    public required LinkView Statement { get; init; }
    public required string KeyQuestion { get; init; }
    public IReadOnlyList<EvidenceCategoryView> Categories { get; init; } = [];
    /// <summary>Actions with evidence whose log does not say which category it is.</summary>
    public IReadOnlyList<EvidenceActionView> Uncategorised { get; init; } = [];
    public int Count { get; init; }
    public IReadOnlyList<ListItem> Logs { get; init; } = [];
    public IReadOnlyList<ListGroup> Related { get; init; } = [];
    public string? AssessmentsUrl { get; init; }
}

public sealed record EvidenceCategoryView
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Hint { get; init; }
    public IReadOnlyList<EvidenceActionView> Actions { get; init; } = [];
    public IReadOnlyList<MeasureCard> Measures { get; init; } = [];
}

/// <summary>A log action and its evidence.</summary>
public sealed record EvidenceActionView
{
    public required LinkView Log { get; init; }
    public required string Url { get; init; }
    public required string Id { get; init; }
    public required string Description { get; init; }
    public required string Status { get; init; }
    public required string StatusClass { get; init; }
    public required string Evidence { get; init; }
    public DateView? Completed { get; init; }
    public string? Measure { get; init; }
}
