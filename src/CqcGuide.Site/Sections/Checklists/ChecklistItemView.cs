using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Checklists;

public sealed record ChecklistItemView
{
    public required string Id { get; init; }
    public required string Anchor { get; init; }
    public required string Text { get; init; }
    public required string Explanation { get; init; }
    public LinkView? Guidance { get; init; }
    public IReadOnlyList<LinkView> QualityStatements { get; init; } = [];
}
