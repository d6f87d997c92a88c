using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Checklists;

public sealed record ChecklistView
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public IReadOnlyList<ChecklistItemView> Items { get; init; } = [];
}
