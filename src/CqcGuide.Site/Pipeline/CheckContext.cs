namespace CqcGuide.Site.Pipeline;

/// <summary>What a section's <c>Check</c> may see: the document's own diagnostics, the options and the site settings.</summary>
public sealed class CheckContext(BuildOptions options, SiteConfig config, DiagnosticBag diagnostics)
{
    public BuildOptions Options { get; } = options;
    public SiteConfig Config { get; } = config;
    /// <summary>Problems of this document (kept per file, so <c>serve</c> can replace them when the file changes).</summary>
    public DiagnosticBag Diagnostics { get; } = diagnostics;
    public DateOnly Today => Options.Today;

    /// <summary>
    /// How overdue review dates of this document are reported: content the organisation wrote or changed (or all
    /// content, when organisation.yml says <c>review_dates: all</c>) warns, an error under --strict; upstream's
    /// unchanged content only advises, so upstream's schedule never fails a fork's deploy.
    /// </summary>
    public bool OwnsReviewDates(ContentDocument document) =>
        Config.Org.ReviewDates == ReviewPolicy.All || !Config.Upstream.IsUnchanged(document.Source.RelativePath, document.Source.Text);

    /// <summary>True once the section has said the document is deliberately not published (e.g. a draft).</summary>
    public bool IsUnpublished { get; private set; }

    /// <summary>Leaves the document out of the site (links to it are then broken links) without it being an error.</summary>
    public void Unpublished() => IsUnpublished = true;
}
