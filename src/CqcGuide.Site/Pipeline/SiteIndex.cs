using CqcGuide.Site.Views;

namespace CqcGuide.Site.Pipeline;

/// <summary>
/// The whole site as the View phase sees it, once every section has indexed: every planned page with its anchors,
/// every taxonomy entry, the menus, and the link resolver. Read-only and safe to use from parallel view builders.
/// </summary>
public sealed class SiteIndex
{
    private readonly ILookup<(string Axis, string Key), TaxonomyEntry> tags;
    private readonly Dictionary<string, PagePlan> plansByUrl;
    private LinkResolver? links;
    private readonly IReadOnlyDictionary<string, object> shared;

    internal SiteIndex(BuildOptions options, SiteConfig config, DiagnosticBag diagnostics, string basePath, string? absoluteBase,
        IReadOnlyList<PagePlan> plans, IReadOnlyList<TaxonomyEntry> tagged, IReadOnlyList<LinkView> menu, IReadOnlyList<LinkView> footer,
        IReadOnlyDictionary<string, object> shared)
    {
        this.shared = shared;
        Options = options;
        Config = config;
        Diagnostics = diagnostics;
        BasePath = basePath;
        AbsoluteBase = absoluteBase;
        Plans = plans;
        plansByUrl = new Dictionary<string, PagePlan>(StringComparer.Ordinal);
        foreach (var p in plans)
        {
            if (!plansByUrl.TryAdd(p.Url, p))
                diagnostics.Error(Codes.DuplicateUrl, $"two pages would be written to {p.Url}",
                    SourceSpan.File(p.Document?.Path ?? plansByUrl[p.Url].Document?.Path ?? "input"), "rename the file, or remove the clashing page");
        }
        Tagged = tagged;
        tags = tagged.ToLookup(e => (e.Axis, e.Key));
        Menu = menu;
        Footer = footer;
    }

    public BuildOptions Options { get; }
    public SiteConfig Config { get; }
    public DateOnly Today => Options.Today;
    public DiagnosticBag Diagnostics { get; }
    /// <summary>URL path prefix of the site ("/" or "/guide/").</summary>
    public string BasePath { get; }
    /// <summary>Absolute site address for canonical links and the sitemap, when known.</summary>
    public string? AbsoluteBase { get; }
    /// <summary>Every planned page, ordered by URL.</summary>
    public IReadOnlyList<PagePlan> Plans { get; }
    public IReadOnlyDictionary<string, PagePlan> PlansByUrl => plansByUrl;
    public IReadOnlyList<TaxonomyEntry> Tagged { get; }
    public IReadOnlyList<LinkView> Menu { get; }
    public IReadOnlyList<LinkView> Footer { get; }

    public LinkResolver Links => links ?? throw new InvalidOperationException("links are resolved once the theme is loaded");

    internal void Attach(LinkResolver resolver) => links = resolver;

    public bool HasPage(string url) => plansByUrl.ContainsKey(url);

    /// <summary>What a section offered under <paramref name="key"/> in its Index phase (see <see cref="IndexBuilder.Share"/>), or null.</summary>
    public T? Shared<T>(string key) where T : class => shared.GetValueOrDefault(key) as T;

    public IEnumerable<TaxonomyEntry> TaggedWith(string axis, string key) => tags[(axis, key)];

    /// <summary>A taxonomy page's groups: entries under one key, grouped by heading, de-duplicated and sorted.</summary>
    public IReadOnlyList<ListGroup> GroupsOf(string axis, string key, Func<TaxonomyEntry, bool>? where = null) => TaggedWith(axis, key)
        .Where(e => where?.Invoke(e) ?? true)
        .GroupBy(e => (e.GroupOrder, e.Group))
        .OrderBy(g => g.Key.GroupOrder).ThenBy(g => g.Key.Group, StringComparer.Ordinal)
        .Select(g => new ListGroup
        {
            Title = g.Key.Group,
            Id = Slug(g.Key.Group),
            Items = g.Select(e => e.Item).DistinctBy(i => i.Url + "|" + i.Title)
                .OrderBy(i => i.Title, StringComparer.Ordinal).ThenBy(i => i.Url, StringComparer.Ordinal).ToArray(),
        }).ToArray();

    /// <summary>A site-relative URL ("/guidance/") as written in HTML (with the base path).</summary>
    public string Href(string url) => url.StartsWith('/') ? BasePath + url[1..] : url;

    public string Absolute(string url) => (AbsoluteBase ?? BasePath) + url.TrimStart('/');

    /// <summary>Resolves a link written in data (e.g. a checklist item's <c>guidance:</c>) as the page should show it;
    /// a broken link is reported at <paramref name="at"/> and shown as written.</summary>
    public string Link(string raw, ContentDocument? from, SourceSpan at) => Links.Resolve(raw, from, at) ?? raw;

    public LinkView Home => new() { Title = "Home", Url = Href("/") };

    public string Csp(bool wasm = false) =>
        "default-src 'self'; script-src 'self'" + (wasm ? " 'wasm-unsafe-eval'" : "") +
        "; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>The page factory: a view with the plan's address, canonical link, policy and search type filled in.</summary>
    public PageView NewPage(PagePlan plan, string title, string kind, string section, string summary = "", bool indexed = false) => new()
    {
        Title = title, Summary = summary, Url = Href(plan.Url), CanonicalUrl = Absolute(plan.Url), Kind = kind, Section = section,
        SourcePath = plan.Document?.Path, Csp = Csp(),
        Search = new SearchView { Indexed = indexed, Type = plan.Type },
    };

    public static string Slug(string text) =>
        string.Concat(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-');
}
