namespace CqcGuide.Site.Views;

public sealed record ListItem
{
    public required string Title { get; init; }
    public required string Url { get; init; }
    public string? Summary { get; init; }
    public string? Meta { get; init; }
}
