using CqcGuide.Site.Yaml;

namespace CqcGuide.Site.Pipeline;

// Keys are the snake_case property names. Unknown keys, wrong types and missing `required` members are errors at
// the YAML node (see YamlBinder).

/// <summary><c>input/site.yml</c>.</summary>
public sealed record SiteConfig
{
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public string Language { get; init; } = "en-GB";
    /// <summary>The public address, used for canonical links and the sitemap. <c>--base-url</c> overrides it.</summary>
    [WebAddress]
    public string BaseUrl { get; init; } = "/";
    /// <summary>The organisation publishing the site (shown in the footer).</summary>
    public string? Organisation { get; init; }
    /// <summary>Who publishes the site as pages and reports name it: the organisation, else the site's title.</summary>
    public string Publisher => Organisation ?? Title;
    /// <summary>The current guidance edition, published at /guidance/.</summary>
    public required string CurrentVersion { get; init; }
    public string? CurrentVersionTitle { get; init; }
    public DateOnly? CurrentVersionDate { get; init; }
    /// <summary>Older editions, frozen under input/versions/&lt;v&gt;/.</summary>
    public IReadOnlyList<VersionEntry> Versions { get; init; } = [];
    /// <summary>An extra theme folder (relative to the input folder) whose files override the built-in theme.</summary>
    public string? Theme { get; init; }
    public bool Search { get; init; } = true;
    /// <summary>Pages register a service worker, so the site works offline after a first visit (issue 17).</summary>
    public bool Offline { get; init; } = true;
    public string? FooterNote { get; init; }
    /// <summary>The header menu; when absent, each section's default entry (Guidance, Checklists...).</summary>
    public IReadOnlyList<MenuEntry>? Menu { get; init; }
    /// <summary>The footer links; when absent, plain pages marked <c>footer: true</c> and each section's default links.</summary>
    public IReadOnlyList<MenuEntry>? Footer { get; init; }
    /// <summary>Where each value was written (for errors about settings found after loading, e.g. a broken menu link).</summary>
    [YamlIgnore]
    public SourceMap Map { get; init; } = new("input/site.yml");
    /// <summary>The organisation's own settings (<c>input/organisation.yml</c>), already applied to the values above.</summary>
    [YamlIgnore]
    public OrganisationSettings Org { get; init; } = new();
    [YamlIgnore]
    public SourceMap OrganisationMap { get; init; } = new("input/organisation.yml");
    /// <summary>Which content came from upstream unchanged (<c>input/.upstream-content</c>).</summary>
    [YamlIgnore]
    public UpstreamContent Upstream { get; init; } = UpstreamContent.None;
}

/// <summary>An older, frozen edition of the guidance.</summary>
public sealed record VersionEntry
{
    public required string Version { get; init; }
    public string? Title { get; init; }
    public DateOnly? Date { get; init; }
}
