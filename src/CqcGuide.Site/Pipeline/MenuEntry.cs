namespace CqcGuide.Site.Pipeline;

/// <summary>A link in the header menu or the footer, as written in <c>site.yml</c> (<c>menu:</c>, <c>footer:</c>).</summary>
public sealed record MenuEntry
{
    public required string Title { get; init; }
    /// <summary>A site address (<c>/journal/</c>) or an external URL.</summary>
    [WebAddress]
    public required string Url { get; init; }
}
