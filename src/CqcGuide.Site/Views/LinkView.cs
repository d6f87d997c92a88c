namespace CqcGuide.Site.Views;

public sealed record LinkView
{
    public required string Title { get; init; }
    /// <summary>As written in HTML: content links are resolved when the view is built.</summary>
    public required string Url { get; init; }
    public bool Current { get; init; }
    /// <summary>Extra text such as a quality statement's key question or a count.</summary>
    public string? Hint { get; init; }
    public string? Id { get; init; }
}
