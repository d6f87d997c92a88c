namespace CqcGuide.Site.Views;

/// <summary>A page in the sitemap: its absolute address and, when known, when its content was last reviewed.</summary>
public sealed record SitemapEntry
{
    public required string Loc { get; init; }
    public string? LastModified { get; init; }
}
