namespace CqcGuide.Site.Pipeline;

/// <summary>A source a page draws on (title and web address).</summary>
public sealed record SourceRef
{
    public required string Title { get; init; }
    [WebAddress]
    public required string Url { get; init; }
}
