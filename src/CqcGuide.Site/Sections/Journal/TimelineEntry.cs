using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Journal;

public sealed record TimelineEntry
{
    public required DateView Date { get; init; }
    public required string Text { get; init; }
    public bool Future { get; init; }
}
