using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Journal;

public sealed record ActionView
{
    public required string Id { get; init; }
    public required string Description { get; init; }
    /// <summary>The action's kind as the log format labels it ("System change"), if given.</summary>
    public string? Kind { get; init; }
    public required string Addresses { get; init; }
    public string? OwnerRole { get; init; }
    public DateView? Due { get; init; }
    public required string Status { get; init; }
    public required string StatusClass { get; init; }
    public DateView? Completed { get; init; }
    public string? Evidence { get; init; }
    /// <summary>The evidence's category as CQC names it ("Processes"), if given.</summary>
    public string? EvidenceCategory { get; init; }
    public string? Measure { get; init; }
    public string? DroppedReason { get; init; }
    public bool Overdue { get; init; }
    public IReadOnlyList<ReviewView> Reviews { get; init; } = [];
    /// <summary>For the tracker: the log the action belongs to.</summary>
    public LinkView? Log { get; init; }
    /// <summary>The chart and reading of the measure the action names (<c>measure_id</c>).</summary>
    public MeasureCard? MeasureCard { get; init; }
}
