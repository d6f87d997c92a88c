using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Journal;

public sealed record JournalEntryView
{
    public required string Title { get; init; }
    public required string Url { get; init; }
    public required LogView Log { get; init; }
}
