namespace CqcGuide.Site.Views;

/// <summary>The data of the <c>sitemap.xml</c> and <c>robots.txt</c> layouts: every page listed in the sitemap.</summary>
public sealed record SitemapView
{
    public IReadOnlyList<SitemapEntry> Entries { get; init; } = [];
}
