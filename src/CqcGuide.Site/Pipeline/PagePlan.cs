namespace CqcGuide.Site.Pipeline;

/// <summary>
/// A page a section will publish, declared in its Index phase: the address, layout and anchors every other page may
/// link to, and the model its View phase builds the page from.
/// </summary>
public sealed record PagePlan
{
    private static readonly IReadOnlySet<string> NoAnchors = new HashSet<string>();

    /// <summary>Site-relative URL, e.g. <c>/journal/</c> or <c>/sitemap.xml</c>.</summary>
    public required string Url { get; init; }

    /// <summary>The theme layout (<c>layouts/&lt;name&gt;.liquid</c>). A name with an extension (<c>feed.xml</c>) is rendered
    /// on its own; any other page is wrapped in <c>layouts/base.liquid</c>.</summary>
    public required string Layout { get; init; }

    /// <summary>Content type in the build summary, e.g. "guidance", "taxonomy".</summary>
    public required string Type { get; init; }

    /// <summary>The document whose Markdown body is the page's content.</summary>
    public ContentDocument? Document { get; init; }

    /// <summary>Ids the page has besides its Markdown headings and the templates' literal ids (e.g. checklist items).</summary>
    public IReadOnlySet<string> Anchors { get; init; } = NoAnchors;

    public bool InSitemap { get; init; } = true;

    /// <summary>What the owning section needs to build the view (e.g. the checked learning log).</summary>
    public object? Model { get; init; }

    /// <summary>Applied to the rendered Markdown body (e.g. sanitising provider-authored HTML).</summary>
    public Func<string, string>? Transform { get; init; }

    /// <summary>Where the layout was chosen, when a document chose it (<c>layout:</c>), for the missing-layout error.</summary>
    public SourceSpan? LayoutAt { get; init; }

    /// <summary>The section that planned the page (set by the pipeline).</summary>
    public ISection? Owner { get; init; }

    public string OutputPath => OutputPathOf(Url);

    public bool Standalone => Layout.Contains('.', StringComparison.Ordinal);

    public static string OutputPathOf(string url) => url.EndsWith('/') ? url[1..] + "index.html" : url[1..];
}
