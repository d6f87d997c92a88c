using System.Diagnostics;

namespace CqcGuide.Site.Pipeline;

/// <summary>
/// The fast path of <c>serve</c>: when an edit changes only a page's body (its front matter, headings and anchors are
/// as before, so no other page and nothing in the site index can change), the file is loaded and checked again by its
/// section (every rule of that content type: personal data, sanitising, review dates...) and its pages are rendered
/// again. The file's own problems are replaced; every other file's are kept. Anything else (front matter, a new or
/// deleted file, templates, guidance with comparison pages between editions) takes a full build.
/// </summary>
public static class Incremental
{
    /// <summary>Returns the updated result, or null when a full build is needed.</summary>
    public static BuildResult? TryRebuild(BuildSession session, string changedFile)
    {
        var clock = Stopwatch.StartNew();
        var stage = StageTiming.Start();
        var full = Path.GetFullPath(changedFile);
        // Only a regular file (a link, FIFO or device takes the full build, which checks it): a FIFO would block the read.
        if (!session.Documents.TryGetValue(full, out var old) || Loading.SafeFiles.Kind(full, follow: false) != Loading.EntryKind.Regular) return null;
        var (oldDoc, discovered) = old;
        if (oldDoc.Markdown is null) return null;
        // Comparison pages between editions quote the text of every edition's page.
        if (oldDoc.Type.Folder is "guidance" or "versions" && session.Site.Config.Versions.Count > 0) return null;
        var pages = session.Pages.Values.Where(p => ReferenceEquals(p.Plan.Document, oldDoc)).ToArray();

        var loadDiagnostics = new DiagnosticBag { Strict = session.Options.Strict };
        var doc = DocumentLoader.Load(discovered, loadDiagnostics);
        if (doc?.Markdown is null || loadDiagnostics.All.Any()) return null;
        if (doc.FrontMatterText != oldDoc.FrontMatterText || !doc.Markdown.Anchors.SetEquals(oldDoc.Markdown.Anchors)
            || doc.Markdown.RawHtml.Any(h => h.Html.Contains("id=", StringComparison.OrdinalIgnoreCase))
            || oldDoc.Markdown.RawHtml.Any(h => h.Html.Contains("id=", StringComparison.OrdinalIgnoreCase))
            || !doc.Markdown.Headings.Select(h => (h.Level, h.Text, h.Id)).SequenceEqual(oldDoc.Markdown.Headings.Select(h => (h.Level, h.Text, h.Id))))
            return null;

        // Check the document again: everything its section checks, as a full build would.
        var checkDiagnostics = new DiagnosticBag { Strict = session.Options.Strict };
        var context = new CheckContext(session.Options, session.Site.Config, checkDiagnostics);
        var checkedDoc = discovered.Section.Check(doc, context);
        if (context.IsUnpublished || (checkedDoc is null && !checkDiagnostics.HasErrors)) return null;

        // A page whose new text has a broken link keeps its last good version until the link is fixed.
        var files = new Dictionary<string, byte[]>(session.Result.Files, StringComparer.Ordinal);
        var rendered = new List<(Pipeline.PagePlan Plan, Views.PageView View, Diagnostic[] Diagnostics)>();
        foreach (var (plan, view) in pages)
        {
            var updated = plan with { Document = doc };
            var report = new DiagnosticBag { Strict = session.Options.Strict };
            var bytes = SiteBuilder.RenderPage(updated, view, session.Theme, session.SiteView, session.Site, session.Options, report);
            if (bytes is null) return null;
            if (!report.HasErrors) files[updated.OutputPath] = bytes;
            rendered.Add((updated, view, report.All.ToArray()));
        }

        session.Documents[full] = (doc, discovered);
        session.CheckDiagnostics[full] = checkDiagnostics.All.ToArray();
        foreach (var (plan, view, diagnostics) in rendered)
        {
            session.Pages[plan.Url] = (plan, view);
            session.RenderDiagnostics[plan.Url] = diagnostics;
        }
        session.Result = session.Result with
        {
            Files = files, Elapsed = clock.Elapsed, Stages = [stage.Lap("incremental")], Diagnostics = session.AllDiagnostics(),
        };
        return session.Result;
    }
}
