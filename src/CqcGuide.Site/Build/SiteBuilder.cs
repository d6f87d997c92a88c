using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using CqcGuide.Site.Assets;
using CqcGuide.Site.Content;
using CqcGuide.Site.Markdown;
using CqcGuide.Site.Output;
using CqcGuide.Site.Templates;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Build;

/// <summary>
/// Runs the pipeline: load → parse → validate → link → render → write → index. Every stage that works per file
/// runs in parallel; results are gathered in a fixed order so the output is the same bytes every time.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options) => Build(options, out _);

    /// <summary>
    /// Builds the site. In memory (serve, check) it also returns a <see cref="BuildSession"/> that
    /// <see cref="Incremental.TryRebuild"/> can update when one file changes.
    /// </summary>
    public static BuildResult Build(BuildOptions options, out BuildSession? session)
    {
        session = null;
        var total = Stopwatch.StartNew();
        var stages = new List<(string, TimeSpan)>();
        var diagnostics = new DiagnosticBag { Strict = options.Strict };
        var stage = Stopwatch.StartNew();
        void Done(string name)
        {
            stages.Add((name, stage.Elapsed));
            options.Progress?.Report(name);
            stage.Restart();
        }
        BuildResult Finish(IReadOnlyDictionary<string, int>? counts = null, IReadOnlyDictionary<string, byte[]>? files = null) => new()
        {
            Diagnostics = diagnostics.Sorted(), PageCounts = counts ?? new Dictionary<string, int>(), Elapsed = total.Elapsed, Stages = stages,
            Files = files ?? new Dictionary<string, byte[]>(),
        };

        var inputDir = Path.GetFullPath(options.InputDir);
        if (!Directory.Exists(inputDir))
        {
            diagnostics.Error(Codes.SiteConfig, "the input folder does not exist", SourceSpan.File(options.InputDir), "pass --input DIR, or run from the repository root");
            return Finish();
        }
        var config = ContentLoader.LoadConfig(inputDir, diagnostics);
        if (config is null) return Finish();

        // Load and parse
        var (discovered, inputAssets) = ContentLoader.Discover(inputDir, config, diagnostics);
        var parsed = new ContentDocument?[discovered.Count];
        Parallel.For(0, discovered.Count, i => parsed[i] = ContentLoader.Parse(discovered[i], diagnostics));
        var documents = parsed.OfType<ContentDocument>().Where(d => d.Kind != ContentKind.Guidance || !d.Front<GuidanceFrontMatter>().Draft).ToArray();
        Validation.UniqueUrls(documents, diagnostics);
        documents = documents.DistinctBy(d => d.Url, StringComparer.Ordinal).ToArray(); // clashes are reported; keep the first
        Done("parse");

        var (basePath, absoluteBase) = BaseOf(options.BaseUrl ?? config.BaseUrl);
        var site = new SiteContext
        {
            Options = options with { InputDir = inputDir }, Config = config, Diagnostics = diagnostics,
            BasePath = basePath, AbsoluteBase = absoluteBase, Documents = documents,
            UnparsedFiles = discovered.Where((d, i) => parsed[i] is null).Select(d => d.Relative).ToHashSet(StringComparer.Ordinal),
        };
        foreach (var (rel, full) in inputAssets) site.StaticFiles[rel] = full;

        // Sections contribute pages (and validate their content)
        var editions = GuidanceSection.Editions(config);
        GuidanceSection.Contribute(site);
        Sections.Checklists(site);
        Sections.Pages(site);
        Sections.SitePages(site, editions);
        AssessmentSection.Contribute(site);
        JournalSection.Contribute(site);
        ScoringSection.Contribute(site);
        Taxonomy.Contribute(site);
        Done("validate");

        // Theme and assets
        var themeDir = Path.GetFullPath(options.ResolvedThemeDir);
        var layers = new ThemeLayers([
            Path.Combine(inputDir, "_theme"),
            .. config.Theme is { } t ? [Path.GetFullPath(Path.Combine(inputDir, t))] : Array.Empty<string>(),
            themeDir,
        ]);
        if (!File.Exists(Path.Combine(themeDir, "layouts", "base.liquid")))
            diagnostics.Error(Codes.MissingTemplate, $"no theme at {themeDir}", SourceSpan.File(themeDir), "pass --theme DIR, or run from the repository root");
        var assets = new AssetPipeline();
        foreach (var (rel, full) in layers.List("assets")) assets.Add(rel["assets/".Length..], File.ReadAllBytes(full), SourceSpan.DisplayPath(full));
        foreach (var (name, bytes) in site.GeneratedAssets) assets.Add(name, bytes, "generated");
        assets.Build(diagnostics);
        var theme = new ThemeEngine(layers, basePath, name => assets.OutputPathOf(name) is { } p ? site.Href("/" + p) : null, diagnostics);

        // Link
        var outputFiles = new HashSet<string>(StringComparer.Ordinal);
        outputFiles.UnionWith(assets.Built.Select(a => a.OutputPath));
        outputFiles.UnionWith(site.StaticFiles.Keys);
        outputFiles.UnionWith(site.ExtraFiles.Keys);
        outputFiles.UnionWith(["sitemap.xml", "robots.txt", "404.html"]);
        var links = new LinkStage(site, theme.TemplateIds, outputFiles.Contains);
        links.Run();
        links.CheckTemplateLinks(theme.TemplateLinks);
        Done("link");

        // Render (and write, when the build can still succeed)
        IOutputSink sink;
        StagingSink? staging = null;
        MemorySink? memory = null;
        if (options.Write && !diagnostics.HasErrors) sink = staging = new StagingSink(options.OutputDir);
        else sink = memory = new MemorySink();
        var siteView = SiteView(site);
        var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var pages = site.Pages.OrderBy(p => p.Url, StringComparer.Ordinal).ToArray();
        Parallel.ForEach(pages, page =>
        {
            if (RenderPage(page, theme, siteView, options) is not { } bytes) return;
            sink.Write(page.OutputPath, bytes);
            counts.AddOrUpdate(page.Type, 1, (_, n) => n + 1);
        });
        Done("render");

        foreach (var asset in assets.Built) sink.Write(asset.OutputPath, asset.Bytes);
        foreach (var (rel, full) in site.StaticFiles) sink.Copy(rel, full);
        foreach (var (rel, bytes) in site.ExtraFiles.OrderBy(kv => kv.Key, StringComparer.Ordinal)) sink.Write(rel, bytes);
        sink.Write("sitemap.xml", Encoding.UTF8.GetBytes(Sitemap(site, pages)));
        sink.Write("robots.txt", Encoding.UTF8.GetBytes(Robots(site)));
        Done("write");

        if (staging is not null)
        {
            if (!diagnostics.HasErrors && options.Search && config.Search)
            {
                Pagefind.Run(themeDir, staging.StagingDir, diagnostics, options.Progress);
                Done("search index");
            }
            if (diagnostics.HasErrors) staging.Discard();
            else staging.Commit();
            Done("swap");
        }
        var ordered = new SortedDictionary<string, int>(counts, StringComparer.Ordinal);
        var result = Finish(ordered, memory?.Files.ToDictionary(StringComparer.Ordinal));
        if (memory is not null && result.Success)
            session = new BuildSession(options with { InputDir = inputDir }, site, theme, siteView, links, result);
        return result;
    }

    /// <summary>One page through Markdown (parsed again, links resolved) and its layout, as UTF-8 bytes.</summary>
    internal static byte[]? RenderPage(SitePage page, ThemeEngine theme, SiteView siteView, BuildOptions options)
    {
        if (page.Document?.Markdown is { } md)
            page.View.Content = page.Transform is { } transform ? transform(MarkdownEngine.Render(md)) : MarkdownEngine.Render(md);
        else if (page.Html is not null) page.View.Content = page.Html;
        var html = theme.RenderPage(page.Layout, page.View, siteView);
        if (html is null) return null;
        if (options.LiveReloadScript is { } script)
            html = html.Replace("</body>", $"<script type=\"module\" src=\"{script}\"></script>\n</body>", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(html);
    }

    public static (string BasePath, string? Absolute) BaseOf(string baseUrl)
    {
        if (Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
            return (path, uri.GetLeftPart(UriPartial.Authority) + path);
        }
        var p = "/" + baseUrl.Trim('/');
        return (p == "/" ? "/" : p + "/", null);
    }

    private static SiteView SiteView(SiteContext site)
    {
        var sections = new List<LinkView>
        {
            new() { Title = "Guidance", Url = site.Href("/guidance/"), Id = "guidance" },
            new() { Title = "Checklists", Url = site.Href("/checklists/"), Id = "checklists" },
        };
        sections.AddRange(site.NavSections);
        sections.Add(new LinkView { Title = "Quality statements", Url = site.Href("/quality-statements/"), Id = "quality-statements" });
        var footer = site.OfKind(ContentKind.Page).OrderBy(d => d.Order).ThenBy(d => d.Title, StringComparer.Ordinal)
            .Select(d => new LinkView { Title = d.Title, Url = site.Href(d.Url) })
            .Append(new LinkView { Title = "Editions", Url = site.Href("/versions/") })
            .Concat(site.FooterLinks)
            .ToArray();
        return new SiteView
        {
            Title = site.Config.Title, Description = site.Config.Description, Language = site.Config.Language,
            HomeUrl = site.Href("/"), SearchUrl = site.Href("/search/"), SearchEnabled = site.Config.Search,
            Organisation = site.Config.Organisation, FooterNote = site.Config.FooterNote,
            CurrentVersion = site.Config.CurrentVersion, Sections = sections, FooterLinks = footer,
        };
    }

    private static string Sitemap(SiteContext site, IEnumerable<SitePage> pages)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var page in pages.Where(p => p.InSitemap))
        {
            sb.Append("  <url><loc>").Append(System.Security.SecurityElement.Escape(site.Absolute(page.Url))).Append("</loc>");
            if (page.View.LastReviewed is { } d) sb.Append("<lastmod>").Append(d.Iso).Append("</lastmod>");
            sb.Append("</url>\n");
        }
        return sb.Append("</urlset>\n").ToString();
    }

    private static string Robots(SiteContext site) =>
        "User-agent: *\nAllow: /\n" + (site.AbsoluteBase is not null ? $"Sitemap: {site.Absolute("/sitemap.xml")}\n" : "");
}
