using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using CqcGuide.Site.Assets;
using CqcGuide.Site.Loading;
using CqcGuide.Site.Markdown;
using CqcGuide.Site.Output;
using CqcGuide.Site.Sections;
using CqcGuide.Site.Templates;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Pipeline;

/// <summary>
/// Runs the pipeline: discover → load → check → index → link → views → render → write → search index → offline → swap
/// (the theme's templates and the rules' modules are prepared on other threads while the input loads).
/// Every stage that works per file or per page runs in parallel; each section's phases run over every section, and
/// results are gathered in a fixed order, so the output is the same bytes every time.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options) => Build(options, out _);

    /// <summary>Builds the site. In memory (serve, check) it also returns a <see cref="BuildSession"/> that
    /// <see cref="Incremental.TryRebuild"/> can update when one file changes.</summary>
    public static BuildResult Build(BuildOptions options, out BuildSession? session) =>
        Build(options, SectionRegistry.Create(), out session);

    /// <summary>Builds with a given set of sections (tests add their own).</summary>
    public static BuildResult Build(BuildOptions options, IReadOnlyList<ISection> sections, out BuildSession? session)
    {
        session = null;
        var total = Stopwatch.StartNew();
        var stages = new List<StageTiming>();
        var diagnostics = new DiagnosticBag { Strict = options.Strict };
        var stage = StageTiming.Start();
        void Done(string name)
        {
            stages.Add(stage.Lap(name));
            options.Progress?.Report(name);
        }
        var checkBags = new Dictionary<string, DiagnosticBag>(StringComparer.Ordinal);
        var renderBags = new ConcurrentDictionary<string, DiagnosticBag>(StringComparer.Ordinal);
        BuildResult Finish(IReadOnlyDictionary<string, int>? counts = null, IReadOnlyDictionary<string, byte[]>? files = null) => new()
        {
            Diagnostics = DiagnosticBag.Merge([diagnostics, .. checkBags.Values, .. renderBags.Values]),
            PageCounts = counts ?? new Dictionary<string, int>(), Elapsed = total.Elapsed, Stages = stages,
            Files = files ?? new Dictionary<string, byte[]>(),
        };

        StagingSink? staging = null;
        Task? background = null;
        var doing = "reading the input";
        var where = SourceSpan.File(SourceSpan.DisplayPath(Path.GetFullPath(options.InputDir)));
        try
        {
            return Run(ref session);
        }
        catch (Exception thrown)
        {
            // Parallel loops wrap what failed: report that.
            var e = thrown is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : thrown;
            // A failure of the build itself (a bug, memory, the disk): CG900 naming what was being processed, and the
            // previous output left exactly as it was.
            if (e is OutputEscapeException escape) diagnostics.Error(Codes.OutputEscape, escape.Message, where, "this is a bug in CqcGuide: a path was not validated; please report it");
            else if (e is IOException or UnauthorizedAccessException && doing.StartsWith("writing", StringComparison.Ordinal))
                diagnostics.Error(Codes.OutputWrite, $"cannot write the site: {e.Message}", SourceSpan.File(SourceSpan.DisplayPath(Path.GetFullPath(options.OutputDir))),
                    "check that the output folder's parent is writable and the disk has room; the previous output is unchanged");
            else diagnostics.Internal(doing, where, e);
            // The work started on other threads finishes before the diagnostics are gathered; a failure of its own (not
            // the one just reported) is reported too.
            try { background?.Wait(); }
            catch (AggregateException failed) when (failed.Flatten().InnerExceptions.FirstOrDefault(x => !ReferenceEquals(x, e)) is { } other)
            {
                diagnostics.Internal("preparing the theme and the rules' modules", where, other);
            }
            staging?.Discard();
            session = null;
            return Finish();
        }

        BuildResult Run(ref BuildSession? session)
        {
        var inputDir = Path.GetFullPath(options.InputDir);
        options = options with { InputDir = inputDir };
        if (!Directory.Exists(inputDir))
        {
            diagnostics.Error(Codes.SiteConfig, "the input folder does not exist", SourceSpan.File(options.InputDir), "pass --input DIR, or run from the repository root");
            return Finish();
        }
        if (options.Write)
        {
            // The output folder must be one the build may replace (never the input, theme or project); nothing is touched otherwise.
            if (OutputFolder.Check(options.OutputDir, new OutputFolder.Protected(inputDir, options.ResolvedThemeDir, null, Directory.GetCurrentDirectory()), options.Force) is { } refused)
            {
                diagnostics.Add(refused);
                return Finish();
            }
            doing = "writing the site (removing the staging a failed run left)";
            OutputFolder.CleanLeftovers(options.OutputDir);
        }
        doing = "reading site.yml";
        var config = DocumentLoader.LoadConfig(inputDir, diagnostics);
        if (config is null) return Finish();
        if (options.Write && config.Theme is { } overrideTheme
            && OutputFolder.Check(options.OutputDir, new OutputFolder.Protected(inputDir, options.ResolvedThemeDir, Path.Combine(inputDir, overrideTheme), Directory.GetCurrentDirectory()), options.Force) is { } refusedTheme)
        {
            diagnostics.Add(refusedTheme);
            return Finish();
        }

        // The rules' JavaScript modules, compiled while the input loads (the sections publish the ones they use): the
        // translation is the largest single-threaded step of a small site's build.
        var modules = Task.Run(() => Parallel.ForEach(Rules.Models.All, model => _ = model.Module));

        // The theme (regular files inside each theme folder only, like the input): its layers and templates, read while
        // the input loads, as nothing in them depends on the content. Asset addresses are known after the index.
        var (basePath, absoluteBase) = BaseOf(options.BaseUrl ?? config.BaseUrl);
        var themeDir = Path.GetFullPath(options.ResolvedThemeDir);
        Func<string, string?>? assetHref = null;
        var themeTask = Task.Run(() =>
        {
            var layers = new ThemeLayers([
                Path.Combine(inputDir, "_theme"),
                .. config.Theme is { } t ? [Path.GetFullPath(Path.Combine(inputDir, t))] : Array.Empty<string>(),
                themeDir,
            ], diagnostics);
            ThemeOverrides.Check(layers.Roots.Where(r => !string.Equals(r, themeDir, StringComparison.Ordinal)), themeDir, diagnostics);
            if (!File.Exists(Path.Combine(themeDir, "layouts", "base.liquid")))
                diagnostics.Error(Codes.MissingTemplate, $"no theme at {themeDir}", SourceSpan.File(themeDir), "pass --theme DIR, or run from the repository root");
            return (layers, new ThemeEngine(layers, basePath,
                name => (assetHref ?? throw new InvalidOperationException("asset addresses are bound after the index"))(name), diagnostics));
        });
        background = Task.WhenAll(modules, themeTask);

        // Discover and load
        doing = "finding the input files";
        var (discovered, inputAssets) = DocumentLoader.Discover(inputDir, config, sections, diagnostics);
        var loaded = new ContentDocument?[discovered.Count];
        Parallel.For(0, discovered.Count, i => Guard(diagnostics, "reading the file", FileAt(discovered[i].FullPath), () => loaded[i] = DocumentLoader.Load(discovered[i], diagnostics)));
        Done("parse");

        // Check: each document on its own, its problems kept with it
        var checkedDocs = new object?[discovered.Count];
        var unpublished = new bool[discovered.Count];
        var bags = new DiagnosticBag[discovered.Count];
        Parallel.For(0, discovered.Count, i =>
        {
            bags[i] = new DiagnosticBag { Strict = options.Strict };
            if (loaded[i] is not { } doc) return;
            Guard(bags[i], "checking the file", FileAt(discovered[i].FullPath), () =>
            {
                var context = new CheckContext(options, config, bags[i]);
                checkedDocs[i] = discovered[i].Section.Check(doc, context);
                unpublished[i] = context.IsUnpublished;
            });
        });
        for (var i = 0; i < discovered.Count; i++) checkBags[discovered[i].FullPath] = bags[i];
        var linkable = Enumerable.Range(0, discovered.Count).Where(i => loaded[i] is not null && !unpublished[i]).Select(i => loaded[i]!).ToArray();
        Validation.UniqueUrls(linkable, diagnostics);
        // Two files at one address are reported; only the first is published.
        var seenUrls = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < discovered.Count; i++)
            if (loaded[i] is { } d && !unpublished[i] && !seenUrls.Add(d.Url)) unpublished[i] = true;
        linkable = linkable.DistinctBy(d => d.Url, StringComparer.Ordinal).ToArray();
        Done("check");

        // Index: every section, over its own checked documents
        doing = "compiling the rules' modules";
        modules.GetAwaiter().GetResult();
        var shared = new IndexBuilder.Shared();
        foreach (var section in sections)
        {
            doing = $"indexing the {section.Name} section";
            var mine = Enumerable.Range(0, discovered.Count)
                .Where(i => ReferenceEquals(discovered[i].Section, section) && checkedDocs[i] is not null && !unpublished[i])
                .Select(i => checkedDocs[i]!).ToArray();
            section.Index(mine, new IndexBuilder(shared, section, options, config, diagnostics, basePath));
        }
        var tagged = shared.Tags.ToArray();
        foreach (var section in sections)
        {
            doing = $"indexing the {section.Name} section";
            section.IndexFromTags(tagged, new IndexBuilder(shared, section, options, config, diagnostics, basePath));
        }
        Done("index");

        // Theme and assets
        doing = "reading the theme";
        where = SourceSpan.File(SourceSpan.DisplayPath(themeDir));
        var (layers, theme) = themeTask.GetAwaiter().GetResult();
        var assets = new AssetPipeline();
        foreach (var (rel, full) in layers.List("assets"))
            if (layers.Read(full, SafeFiles.MaxAssetBytes) is { } bytes) assets.Add(rel["assets/".Length..], bytes, SourceSpan.DisplayPath(full));
        foreach (var (name, bytes) in shared.Assets.OrderBy(kv => kv.Key, StringComparer.Ordinal)) assets.Add(name, bytes, "generated");
        if (Branding.Stylesheet(config.Org) is { } brand) assets.Add(Branding.StylesheetName, Encoding.UTF8.GetBytes(brand), "organisation.yml");
        assets.Build(diagnostics);
        // Hosts cache the folders of content-hashed files for a year (netlify.toml): an organisation's own file there,
        // copied under its own name, would never be fetched again after a change.
        var hashedFolders = assets.Built.Select(a => a.OutputPath.Split('/')[..^1]).Where(p => p.Length > 1).Select(p => p[1]).ToHashSet(StringComparer.Ordinal);
        foreach (var (rel, full) in inputAssets.Where(a => a.Relative.Split('/') is { Length: > 2 } parts && hashedFolders.Contains(parts[1])))
            diagnostics.Error(Codes.ReservedAssetFolder, $"assets/{rel.Split('/')[1]}/ is where the theme publishes its content-hashed files, which hosts cache for a year: a file of yours there would stay stale after a change",
                SourceSpan.File(SourceSpan.DisplayPath(full)), $"move it to another folder under input/assets/ (not {string.Join(", ", hashedFolders.Order(StringComparer.Ordinal).Select(f => f + "/"))})");

        // The site index: every plan, tag and menu entry, and the link resolver over them
        doing = "linking the pages";
        var site = new SiteIndex(options, config, diagnostics, basePath, absoluteBase,
            shared.Plans.OrderBy(p => p.Url, StringComparer.Ordinal).ToArray(), tagged,
            MenuOf(config.Menu, shared.Menu, basePath), MenuOf(config.Footer, shared.Footer, basePath), shared.Offered);
        Func<string, string?> assetAddress = name => assets.OutputPathOf(name) is { } p ? site.Href("/" + p) : null;
        assetHref = assetAddress;
        if (config.Org.Logo is { } logo && !inputAssets.Any(a => a.Relative == logo.TrimStart('/')))
            diagnostics.Error(Codes.BrokenLink, $"the logo '{logo}' is not a file under input/assets/", config.OrganisationMap["logo"], "put the image in input/assets/ and write e.g. 'logo: assets/logo.svg'");
        var outputFiles = new HashSet<string>(StringComparer.Ordinal);
        outputFiles.UnionWith(assets.Built.Select(a => a.OutputPath));
        outputFiles.UnionWith(inputAssets.Select(a => a.Relative));
        outputFiles.UnionWith(shared.Files.Keys);
        outputFiles.UnionWith(["sitemap.xml", "robots.txt", AppManifest.ManifestPath, AppManifest.IconPath]);
        if (Offline(config, options)) outputFiles.UnionWith([OfflineFiles.WorkerPath, OfflineFiles.ListPath]);
        var unparsed = Enumerable.Range(0, discovered.Count).Where(i => loaded[i] is null).Select(i => discovered[i].Relative).ToHashSet(StringComparer.Ordinal);
        var docsByPath = linkable.ToDictionary(d => d.Source.RelativePath, StringComparer.Ordinal);
        site.Attach(new LinkResolver(site.PlansByUrl, docsByPath, unparsed, theme.TemplateIds, outputFiles.Contains, site.Href, diagnostics));
        foreach (var (url, at) in theme.TemplateLinks) site.Links.Resolve(url, null, at);
        foreach (var (raw, from, at) in shared.LinkChecks) site.Links.Resolve(raw, from, at);
        CheckMenu(config.Menu, "menu", site);
        CheckMenu(config.Footer, "footer", site);
        foreach (var plan in site.Plans.Where(p => !theme.HasLayout(p.Layout)))
            diagnostics.Error(Codes.MissingTemplate, $"no layout '{plan.Layout}' for {plan.Url}", plan.LayoutAt ?? new SourceSpan(plan.Document?.Path ?? "theme/layouts", 1, 1),
                $"add layouts/{plan.Layout}.liquid to the theme (or under input/_theme/layouts/)");
        foreach (var plan in site.Plans.Where(p => !OutputPaths.IsSafe(p.OutputPath)))
            diagnostics.Error(Codes.OutputEscape, $"the page {plan.Url} would be written outside the output folder: refused",
                SourceSpan.File(plan.Document?.Path ?? "input"), "this is a bug in CqcGuide: a value that becomes a path was not validated; please report it");
        Done("link");

        // Views: each section builds the pages it planned, reading the whole site's index
        var plans = site.Plans;
        var views = new PageView[plans.Count];
        SourceSpan AtOf(PagePlan plan) => plan.Document is { } doc ? FileAt(doc.Source.FullPath)
            : FileAt(layers.Find($"layouts/{plan.Layout}.liquid") ?? themeDir);
        Parallel.For(0, plans.Count, i => Guard(diagnostics, $"building the page {plans[i].Url}", AtOf(plans[i]),
            () => views[i] = plans[i].Owner!.View(plans[i], site)));
        var siteView = SiteView(site, assetAddress);
        Done("views");

        // Render (and write, when the build can still succeed)
        IOutputSink sink;
        MemorySink? memory = null;
        bool HasErrors() => diagnostics.HasErrors || checkBags.Values.Any(b => b.HasErrors) || renderBags.Values.Any(b => b.HasErrors);
        doing = "writing the site";
        where = SourceSpan.File(SourceSpan.DisplayPath(Path.GetFullPath(options.OutputDir)));
        if (options.Write && !HasErrors()) sink = staging = new StagingSink(options.OutputDir);
        else sink = memory = new MemorySink();
        // Offline use (issue 17): every written file is recorded, for the service worker's version and lists. Serve mode
        // never has a service worker (it would cache the pages being edited).
        var ledger = staging is not null && Offline(config, options) ? new LedgerSink(sink) : null;
        if (ledger is not null) sink = ledger;
        var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var writeFailure = new ConcurrentQueue<Exception>();
        Parallel.For(0, plans.Count, i =>
        {
            var bag = renderBags[plans[i].Url] = new DiagnosticBag { Strict = options.Strict };
            if (views[i] is null || !theme.HasLayout(plans[i].Layout)) return; // reported already
            byte[]? bytes = null;
            Guard(bag, $"rendering the page {plans[i].Url}", AtOf(plans[i]),
                () => bytes = RenderPage(plans[i], views[i], theme, siteView, site, options, bag));
            if (bytes is null) return;
            try
            {
                sink.Write(plans[i].OutputPath, bytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or OutputEscapeException)
            {
                writeFailure.Enqueue(e);
                return;
            }
            counts.AddOrUpdate(plans[i].Type, 1, (_, n) => n + 1);
        });
        if (writeFailure.TryDequeue(out var failure)) throw failure;
        Done("render");

        foreach (var asset in assets.Built) sink.Write(asset.OutputPath, asset.Bytes);
        foreach (var (rel, full) in inputAssets) sink.Copy(rel, full);
        foreach (var (rel, bytes) in shared.Files.OrderBy(kv => kv.Key, StringComparer.Ordinal)) sink.Write(rel, bytes);
        foreach (var (path, bytes) in Outputs(site, plans, views, theme, siteView, diagnostics)) sink.Write(path, bytes);
        foreach (var (path, bytes) in AppFiles(site, layers, themeDir, diagnostics)) sink.Write(path, bytes);
        Done("write");

        if (staging is not null)
        {
            if (!HasErrors() && options.Search && config.Search)
            {
                doing = "indexing the site for search";
                Pagefind.Run(themeDir, staging.StagingDir, diagnostics, options.Progress, options.ToolTimeout);
                Done("search index");
            }
            if (ledger is not null && !HasErrors())
            {
                doing = "writing the service worker";
                WriteServiceWorker(staging, ledger, plans, basePath, layers, themeDir, diagnostics);
                Done("offline");
            }
            doing = "writing the site (swapping it into place)";
            if (HasErrors()) staging.Discard();
            else staging.Commit();
            Done("swap");
        }
        var ordered = new SortedDictionary<string, int>(counts, StringComparer.Ordinal);
        var result = Finish(ordered, memory?.Files.ToDictionary(StringComparer.Ordinal));
        if (memory is not null && result.Success)
            session = new BuildSession(options, sections, site, theme, siteView, plans, views, loaded, discovered, checkBags, renderBags, diagnostics, result);
        return result;
        }
    }

    /// <summary>Runs one file's or page's work; an unexpected exception becomes CG900 at that file, and the others go on.</summary>
    private static void Guard(DiagnosticBag report, string doing, SourceSpan at, Action work)
    {
        try
        {
            work();
        }
        catch (Exception e) when (e is not OutputEscapeException)
        {
            report.Internal(doing, at, e);
        }
    }

    private static SourceSpan FileAt(string fullPath) => SourceSpan.File(SourceSpan.DisplayPath(fullPath));

    /// <summary>One page: its Markdown body (parsed again, links resolved as they are written) inside its layout.</summary>
    internal static byte[]? RenderPage(PagePlan plan, PageView view, ThemeEngine theme, SiteView siteView, SiteIndex site, BuildOptions options, DiagnosticBag report)
    {
        if (plan.Document?.Markdown is { } md)
        {
            var doc = plan.Document;
            var html = MarkdownEngine.Render(md, link => site.Links.ResolveMarkdownLink(doc, link, report));
            view = view with { Content = plan.Transform is { } transform ? transform(html) : html };
        }
        var rendered = theme.RenderPage(plan.Layout, view, siteView, standalone: plan.Standalone, report);
        if (rendered is null) return null;
        if (options.LiveReloadScript is { } script && !plan.Standalone)
            rendered = rendered.Replace("</body>", $"<script type=\"module\" src=\"{script}\"></script>\n</body>", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(rendered);
    }

    /// <summary>Files about the whole site, from the theme's standalone layouts: the sitemap and robots.txt.</summary>
    private static IEnumerable<(string Path, byte[] Bytes)> Outputs(SiteIndex site, IReadOnlyList<PagePlan> plans, IReadOnlyList<PageView> views,
        ThemeEngine theme, SiteView siteView, DiagnosticBag diagnostics)
    {
        var sitemap = new SitemapView
        {
            Entries = plans.Select((p, i) => (Plan: p, View: views[i])).Where(x => x.Plan.InSitemap && x.View is not null) // null: its failure is reported
                .Select(x => new SitemapEntry { Loc = site.Absolute(x.Plan.Url), LastModified = x.View.LastReviewed?.Iso }).ToArray(),
        };
        foreach (var (url, data) in new (string, object)[] { ("/sitemap.xml", sitemap), ("/robots.txt", sitemap) })
        {
            var layout = url[1..];
            var page = new PageView
            {
                Title = layout, Url = site.Href(url), CanonicalUrl = site.Absolute(url), Kind = layout, Section = "site", Csp = site.Csp(),
                Search = new SearchView { Indexed = false, Type = "site" }, Data = data,
            };
            if (theme.RenderPage(layout, page, siteView, standalone: true, diagnostics) is { } text)
                yield return (layout, Encoding.UTF8.GetBytes(text));
        }
    }

    /// <summary>Whether built pages register the service worker: on unless site.yml says <c>offline: false</c>, and never in serve mode.</summary>
    internal static bool Offline(SiteConfig config, BuildOptions options) => config.Offline && options.LiveReloadScript is null;

    /// <summary>
    /// The service worker and its lists (offline.json), after Pagefind so its index is in them: the theme's
    /// app/service-worker.js, published without comments like the theme's other scripts.
    /// </summary>
    private static void WriteServiceWorker(StagingSink staging, LedgerSink ledger, IReadOnlyList<PagePlan> plans, string basePath, ThemeLayers layers,
        string themeDir, DiagnosticBag diagnostics)
    {
        ledger.AddWritten(staging.StagingDir, "pagefind");
        var types = plans.ToDictionary(p => p.OutputPath, p => p.Type, StringComparer.Ordinal);
        var manifest = OfflineFiles.Plan(ledger.Files, types, basePath, OfflineFiles.SearchLanguages(staging.StagingDir));
        var path = layers.Find(OfflineFiles.WorkerTemplate);
        if (path is null || layers.Read(path, SafeFiles.MaxTextBytes) is not { } template)
        {
            diagnostics.Error(Codes.MissingTemplate, $"the theme has no {OfflineFiles.WorkerTemplate}", SourceSpan.File(SourceSpan.DisplayPath(themeDir)),
                $"restore theme/{OfflineFiles.WorkerTemplate}, or set 'offline: false' in input/site.yml");
            return;
        }
        var worker = ScriptCompactor.Compact(Encoding.UTF8.GetString(template), "the service worker", SourceSpan.DisplayPath(path), diagnostics, module: false);
        staging.Write(OfflineFiles.ListPath, OfflineFiles.ListJson(manifest));
        staging.Write(OfflineFiles.WorkerPath, OfflineFiles.Worker(manifest, basePath, worker));
    }

    /// <summary>The web app manifest and its icon (the theme's app/icon.svg in the organisation's brand colour).</summary>
    private static IEnumerable<(string Path, byte[] Bytes)> AppFiles(SiteIndex site, ThemeLayers layers, string themeDir, DiagnosticBag diagnostics)
    {
        var colour = Branding.Dark(site.Config.Org);
        yield return (AppManifest.ManifestPath, AppManifest.Json(site.Config, site.BasePath, colour));
        var icon = layers.Find(AppManifest.IconTemplate) is { } path ? layers.Read(path, SafeFiles.MaxTextBytes) : null;
        if (icon is null)
        {
            diagnostics.Error(Codes.MissingTemplate, $"the theme has no {AppManifest.IconTemplate}", SourceSpan.File(SourceSpan.DisplayPath(themeDir)),
                $"restore theme/{AppManifest.IconTemplate}");
            yield break;
        }
        yield return (AppManifest.IconPath, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(icon).Replace(Branding.DefaultDark, colour, StringComparison.Ordinal)));
    }

    private static ContactView? ContactOf(SiteConfig config)
    {
        var org = config.Org;
        if (org.Contact is null && org.DataController is null) return null;
        return new ContactView
        {
            Name = config.Publisher, Email = org.Contact?.Email, Phone = org.Contact?.Phone, Address = org.Contact?.Address,
            Url = org.Contact?.Url, DataController = org.DataController,
        };
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

    private static IReadOnlyList<LinkView> MenuOf(IReadOnlyList<MenuEntry>? configured, IEnumerable<IndexBuilder.MenuItem> defaults, string basePath)
    {
        string Href(string url) => url.StartsWith('/') ? basePath + url[1..] : url;
        if (configured is not null)
            return configured.Select(m => new LinkView { Title = m.Title, Url = Href(m.Url), Id = m.Url.Trim('/').Split('/')[0] }).ToArray();
        return defaults.OrderBy(m => m.Rank).ThenBy(m => m.Order).ThenBy(m => m.Link.Title, StringComparer.Ordinal).Select(m => m.Link).ToArray();
    }

    private static void CheckMenu(IReadOnlyList<MenuEntry>? entries, string key, SiteIndex site)
    {
        if (entries is null) return;
        for (var i = 0; i < entries.Count; i++) site.Links.Resolve(entries[i].Url, null, site.Config.Map[$"{key}[{i}].url"]);
    }

    private static SiteView SiteView(SiteIndex site, Func<string, string?> asset) => new()
    {
        LogoUrl = site.Config.Org.Logo is { } logo ? site.Href("/" + logo.TrimStart('/')) : null,
        BrandStylesheet = site.Config.Org.BrandColour is not null ? asset(Branding.StylesheetName) : null,
        Contact = ContactOf(site.Config),
        Examples = site.Config.Org.Examples,
        Title = site.Config.Title, Description = site.Config.Description, Language = site.Config.Language,
        HomeUrl = site.Href("/"), SearchUrl = site.Href("/search/"), SearchEnabled = site.Config.Search,
        Organisation = site.Config.Organisation, Publisher = site.Config.Publisher, FooterNote = site.Config.FooterNote,
        CurrentVersion = site.Config.CurrentVersion, Sections = site.Menu, FooterLinks = site.Footer,
        SitemapUrl = site.AbsoluteBase is not null ? site.Absolute("/sitemap.xml") : null,
        ManifestUrl = site.Href("/" + AppManifest.ManifestPath), IconUrl = site.Href("/" + AppManifest.IconPath),
        ThemeColour = Branding.Dark(site.Config.Org),
        ServiceWorkerUrl = Offline(site.Config, site.Options) ? site.Href("/" + OfflineFiles.WorkerPath) : null,
        OfflineUrl = site.Config.Offline ? site.Href("/offline/") : null,
    };
}
