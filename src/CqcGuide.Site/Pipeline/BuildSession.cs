using System.Collections.Concurrent;
using CqcGuide.Site.Templates;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Pipeline;

/// <summary>
/// What <c>serve</c> keeps between rebuilds: the sections, the site index, the templates, every page's plan and view,
/// and the diagnostics by where they came from (each document's check, each page's render, the rest), so that a
/// rebuild of one file replaces exactly that file's problems.
/// </summary>
public sealed class BuildSession
{
    internal BuildSession(BuildOptions options, IReadOnlyList<ISection> sections, SiteIndex site, ThemeEngine theme, SiteView siteView,
        IReadOnlyList<PagePlan> plans, IReadOnlyList<PageView> views, IReadOnlyList<ContentDocument?> documents, IReadOnlyList<DocumentLoader.Discovered> discovered,
        IReadOnlyDictionary<string, DiagnosticBag> checkDiagnostics, ConcurrentDictionary<string, DiagnosticBag> renderDiagnostics, DiagnosticBag other, BuildResult result)
    {
        Options = options;
        Sections = sections;
        Site = site;
        Theme = theme;
        SiteView = siteView;
        for (var i = 0; i < plans.Count; i++) Pages[plans[i].Url] = (plans[i], views[i]);
        for (var i = 0; i < discovered.Count; i++)
            if (documents[i] is { } d) Documents[discovered[i].FullPath] = (d, discovered[i]);
        foreach (var (path, bag) in checkDiagnostics) CheckDiagnostics[path] = bag.All.ToArray();
        foreach (var (url, bag) in renderDiagnostics) RenderDiagnostics[url] = bag.All.ToArray();
        OtherDiagnostics = other.All.ToArray();
        Result = result;
    }

    internal BuildOptions Options { get; }
    internal IReadOnlyList<ISection> Sections { get; }
    internal SiteIndex Site { get; }
    internal ThemeEngine Theme { get; }
    internal SiteView SiteView { get; }
    internal Dictionary<string, (PagePlan Plan, PageView View)> Pages { get; } = new(StringComparer.Ordinal);
    /// <summary>Loaded documents by full path.</summary>
    internal Dictionary<string, (ContentDocument Document, DocumentLoader.Discovered Discovered)> Documents { get; } = new(StringComparer.Ordinal);
    /// <summary>What each document's check reported, by full path.</summary>
    internal Dictionary<string, Diagnostic[]> CheckDiagnostics { get; } = new(StringComparer.Ordinal);
    /// <summary>What rendering each page reported (its Markdown links, its templates), by URL.</summary>
    internal Dictionary<string, Diagnostic[]> RenderDiagnostics { get; } = new(StringComparer.Ordinal);
    /// <summary>Everything else (loading, indexing, views, the theme).</summary>
    internal Diagnostic[] OtherDiagnostics { get; }

    public BuildResult Result { get; internal set; }

    internal IReadOnlyList<Diagnostic> AllDiagnostics() =>
        DiagnosticBag.Order(OtherDiagnostics.Concat(CheckDiagnostics.Values.SelectMany(d => d)).Concat(RenderDiagnostics.Values.SelectMany(d => d)));
}
