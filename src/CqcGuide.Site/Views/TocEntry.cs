namespace CqcGuide.Site.Views;

public sealed record TocEntry
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public IReadOnlyList<TocEntry> Children { get; init; } = [];
}
