namespace CqcGuide.Site.Views;

/// <summary>A group of links on a list page (an index, a taxonomy page).</summary>
public sealed record ListGroup
{
    public string? Title { get; init; }
    public string? Id { get; init; }
    public string? Intro { get; init; }
    public IReadOnlyList<ListItem> Items { get; init; } = [];
}
