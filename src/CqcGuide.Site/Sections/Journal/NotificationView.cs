using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Journal;

/// <summary>One notification on a log's page: who, when (or the decision not to), their reference and what they decided.</summary>
public sealed record NotificationView
{
    public required string To { get; init; }
    public DateView? Date { get; init; }
    public string? Reference { get; init; }
    public string? Outcome { get; init; }
    /// <summary>The decision not to notify, and why.</summary>
    public string? NotNotified { get; init; }
}
