namespace CqcGuide.Site.Views;

/// <summary>What every layout sees as <c>site</c>.</summary>
public sealed record SiteView
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Language { get; init; }
    public required string HomeUrl { get; init; }
    public required string SearchUrl { get; init; }
    public required bool SearchEnabled { get; init; }
    public string? Organisation { get; init; }
    /// <summary>The organisation, else the site's title: whose service printouts and reports name.</summary>
    public required string Publisher { get; init; }
    public string? FooterNote { get; init; }
    public required string CurrentVersion { get; init; }
    /// <summary>The header menu (site.yml <c>menu:</c>, or each section's default entry).</summary>
    public IReadOnlyList<LinkView> Sections { get; init; } = [];
    /// <summary>The footer links (site.yml <c>footer:</c>, or pages marked <c>footer: true</c> and each section's default links).</summary>
    public IReadOnlyList<LinkView> FooterLinks { get; init; } = [];
    /// <summary>The sitemap's absolute address, when the site's address is known (robots.txt names it).</summary>
    public string? SitemapUrl { get; init; }
    /// <summary>The organisation's logo (an address), shown in the header with the site title as its text.</summary>
    public string? LogoUrl { get; init; }
    /// <summary>The stylesheet that applies the organisation's brand colour, when it has one.</summary>
    public string? BrandStylesheet { get; init; }
    /// <summary>The organisation's contact details, when organisation.yml gives them.</summary>
    public ContactView? Contact { get; init; }
    /// <summary>True while the site publishes the fictional example content (input/examples/).</summary>
    public bool Examples { get; init; }
    /// <summary>The web app manifest, so the site can be added to a home screen.</summary>
    public required string ManifestUrl { get; init; }
    public required string IconUrl { get; init; }
    /// <summary>The header's colour (the brand's dark shade), for the browser's own interface.</summary>
    public required string ThemeColour { get; init; }
    /// <summary>The service worker pages register (null in serve mode or with <c>offline: false</c>).</summary>
    public string? ServiceWorkerUrl { get; init; }
    /// <summary>The "use this site offline" page, when offline use is on.</summary>
    public string? OfflineUrl { get; init; }
}
