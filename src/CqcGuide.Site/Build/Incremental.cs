using System.Diagnostics;
using CqcGuide.Site.Content;
using CqcGuide.Site.Templates;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Build;

/// <summary>What <c>serve</c> keeps between rebuilds: the site graph, templates, link index and the built files.</summary>
public sealed class BuildSession(BuildOptions options, SiteContext site, ThemeEngine theme, SiteView siteView, LinkStage links, BuildResult result)
{
    internal BuildOptions Options { get; } = options;
    internal SiteContext Site { get; } = site;
    internal ThemeEngine Theme { get; } = theme;
    internal SiteView SiteView { get; } = siteView;
    internal LinkStage Links { get; } = links;
    internal Dictionary<string, ContentDocument> Documents { get; } = site.Documents.ToDictionary(d => d.Source.FullPath, StringComparer.Ordinal);
    internal Dictionary<string, SitePage> PagesByDocument { get; } = site.Pages.Where(p => p.Document is not null)
        .GroupBy(p => p.Document!.Source.FullPath).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    public BuildResult Result { get; internal set; } = result;
}

/// <summary>
/// The fast path of <c>serve</c>: when an edit changes only a page's body — its front matter, headings and anchors
/// are as before, so no other page can change — only that page is parsed, link-checked and rendered again.
/// Anything else (front matter, a new or deleted file, templates, editions with comparison pages) takes a full build.
/// </summary>
public static class Incremental
{
    /// <summary>Returns the updated result, or null when a full build is needed.</summary>
    public static BuildResult? TryRebuild(BuildSession session, string changedFile)
    {
        var clock = Stopwatch.StartNew();
        var full = Path.GetFullPath(changedFile);
        if (!session.Documents.TryGetValue(full, out var old) || !File.Exists(full)) return null;
        if (!session.PagesByDocument.TryGetValue(full, out var page) || old.Markdown is null) return null;
        // Comparison pages between editions quote the text of every edition's page.
        if (old.Kind == ContentKind.Guidance && session.Site.Config.Versions.Count > 0) return null;

        var diagnostics = new DiagnosticBag { Strict = session.Options.Strict };
        var discovered = new ContentLoader.Discovered(full, old.Source.RelativePath, old.Kind, old.Edition, old.Slug);
        var doc = ContentLoader.Parse(discovered, diagnostics);
        if (doc?.Markdown is null || diagnostics.HasErrors) return null;
        if (doc.FrontMatterText != old.FrontMatterText || !doc.Markdown.Anchors.SetEquals(old.Markdown.Anchors)
            || !doc.Markdown.Headings.Select(h => (h.Level, h.Text, h.Id)).SequenceEqual(old.Markdown.Headings.Select(h => (h.Level, h.Text, h.Id))))
            return null;

        // Links of the edited page, checked against the unchanged rest of the site.
        var linkDiagnostics = new DiagnosticBag { Strict = session.Options.Strict };
        session.Links.ResolveLinksOf(doc, linkDiagnostics);
        if (linkDiagnostics.HasErrors)
        {
            return session.Result with
            {
                Diagnostics = linkDiagnostics.Sorted(), Elapsed = clock.Elapsed, Files = session.Result.Files, Stages = [("incremental", clock.Elapsed)],
            };
        }
        var updated = new SitePage
        {
            Url = page.Url, Layout = page.Layout, View = page.View, Document = doc, Type = page.Type, ExtraAnchors = page.ExtraAnchors,
            InSitemap = page.InSitemap, Html = page.Html, Transform = page.Transform,
        };
        var bytes = SiteBuilder.RenderPage(updated, session.Theme, session.SiteView, session.Options);
        if (bytes is null) return null;
        var files = new Dictionary<string, byte[]>(session.Result.Files, StringComparer.Ordinal) { [updated.OutputPath] = bytes };
        session.Documents[full] = doc;
        session.PagesByDocument[full] = updated;
        session.Result = session.Result with
        {
            Files = files, Elapsed = clock.Elapsed, Stages = [("incremental", clock.Elapsed)],
            Diagnostics = session.Result.Diagnostics.Where(d => d.Path != doc.Path).Concat(linkDiagnostics.Sorted()).ToArray(),
        };
        return session.Result;
    }
}
