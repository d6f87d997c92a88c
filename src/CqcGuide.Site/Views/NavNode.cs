namespace CqcGuide.Site.Views;

public sealed record NavNode
{
    public required string Title { get; init; }
    public required string Url { get; init; }
    public bool Current { get; init; }
    public bool Expanded { get; init; }
    public IReadOnlyList<NavNode> Children { get; init; } = [];
}
