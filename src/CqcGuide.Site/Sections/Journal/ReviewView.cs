using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Journal;

public sealed record ReviewView
{
    public required DateView Date { get; init; }
    public required string Result { get; init; }
    public required string Decision { get; init; }
}
