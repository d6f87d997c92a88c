using System.Text.Json;
using AngleSharp.Html.Parser;
using CqcGuide.Site.Output;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Tests.Pipeline;

namespace CqcGuide.Site.Tests.Output;

/// <summary>The service worker, its lists and the web app manifest that the build writes (issue 17).</summary>
public class OfflineFilesTests
{
    private static TempDir Fixture(Func<string, string>? siteYml = null)
    {
        var input = TempDir.CopyOf(Repo.Fixture("site"));
        var yml = File.ReadAllText(input["site.yml"]).Replace("search: false", "search: true");
        File.WriteAllText(input["site.yml"], siteYml?.Invoke(yml) ?? yml);
        return input;
    }

    private static JsonElement Json(string file) => JsonDocument.Parse(File.ReadAllBytes(file)).RootElement;

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static string FileOf(string site, string url)
    {
        var rel = Uri.UnescapeDataString(url["/guide/".Length..]);
        return Path.Combine(site, rel.Length == 0 || rel.EndsWith('/') ? rel + "index.html" : rel);
    }

    [Fact]
    public void The_build_lists_what_is_stored_at_install_and_what_saving_adds_and_every_address_is_a_file_of_the_site()
    {
        using var input = Fixture();
        input.Write("assets/files/care plan #2 (v2) ü.txt", "A download whose name a URL must encode.");
        using var out_ = new TempDir();
        var result = SiteBuilder.Build(Builds.Options(input.Path, out_["site"]) with { Search = true });
        Assert.True(result.Success, Builds.Errors(result));
        var site = out_["site"];
        var list = Json(Path.Combine(site, "offline.json"));
        var install = Strings(list.GetProperty("install"));
        var save = Strings(list.GetProperty("save"));

        // The shell, the checklists, the compiled stylesheets and scripts and what every search needs: at install.
        Assert.Contains("/guide/", install);
        Assert.Contains("/guide/search/", install);
        Assert.Contains("/guide/offline/unavailable/", install);
        Assert.Contains("/guide/checklists/pitfalls/", install);
        Assert.Contains(install, u => u.StartsWith("/guide/assets/js/site.", StringComparison.Ordinal));
        Assert.Contains(install, u => u.StartsWith("/guide/assets/css/site.", StringComparison.Ordinal));
        Assert.Contains("/guide/pagefind/pagefind.js", install);
        Assert.Contains("/guide/pagefind/pagefind-entry.json", install);
        Assert.Contains(install, u => u.StartsWith("/guide/pagefind/wasm.", StringComparison.Ordinal));
        Assert.Contains("/guide/manifest.webmanifest", install);
        // Guidance and the index chunks come when read, or with "save for offline"; Pagefind's unused interfaces never.
        Assert.Contains("/guide/guidance/alpha/", save);
        Assert.Contains("/guide/assets/files/care%20plan%20%232%20(v2)%20%C3%BC.txt", save);
        Assert.Contains(save, u => u.StartsWith("/guide/pagefind/index/", StringComparison.Ordinal));
        Assert.Contains(save, u => u.StartsWith("/guide/pagefind/fragment/", StringComparison.Ordinal));
        Assert.DoesNotContain(install.Concat(save), u => u.Contains("pagefind-ui", StringComparison.Ordinal) || u.EndsWith(".xml", StringComparison.Ordinal));
        Assert.Empty(install.Intersect(save));
        Assert.Equal(install.Order(StringComparer.Ordinal), install);

        // Every address is a file, and the sizes add up.
        long Size(IEnumerable<string> urls) => urls.Sum(u => new FileInfo(FileOf(site, u)).Length);
        foreach (var url in install.Concat(save)) Assert.True(File.Exists(FileOf(site, url)), url);
        Assert.Equal(Size(install), list.GetProperty("installBytes").GetInt64());
        Assert.Equal(Size(save), list.GetProperty("saveBytes").GetInt64());
        Assert.Equal(Size(save.Where(u => u.StartsWith("/guide/pagefind/", StringComparison.Ordinal))), list.GetProperty("searchBytes").GetInt64());
        var pages = Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories).Count();
        Assert.Equal(pages, list.GetProperty("pages").GetInt32());

        // The worker carries the same version, its scope and addresses under the base path.
        var worker = File.ReadAllText(Path.Combine(site, "sw.js"));
        var version = list.GetProperty("version").GetString()!;
        Assert.Matches("^[0-9a-f]{20}$", version);
        Assert.StartsWith("'use strict';\n", worker);
        Assert.Contains($"const BUILD = {{\"version\":\"{version}\",\"scope\":\"/guide/\",\"list\":\"/guide/offline.json\",\"fallback\":\"/guide/offline/unavailable/\"}};", worker);
        Assert.Contains("addEventListener('fetch'", worker);

        // Every page registers it and links the manifest; the offline page is linked from the footer.
        var home = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.Equal("/guide/sw.js", home.DocumentElement.GetAttribute("data-sw"));
        Assert.Equal("/guide/offline/", home.DocumentElement.GetAttribute("data-offline-page"));
        Assert.Equal("/guide/manifest.webmanifest", home.QuerySelector("link[rel=manifest]")!.GetAttribute("href"));
        Assert.NotNull(home.QuerySelector(".site-footer a[href='/guide/offline/']"));
        LinkCrawler.AssertAllResolve(site, "/guide/");
    }

    [Fact]
    public void Any_change_to_the_site_gives_a_new_version_and_the_same_input_the_same_worker()
    {
        using var input = Fixture();
        using var out_ = new TempDir();
        string Worker(string dir)
        {
            var result = SiteBuilder.Build(Builds.Options(input.Path, out_[dir]) with { Search = true });
            Assert.True(result.Success, Builds.Errors(result));
            return File.ReadAllText(Path.Combine(out_[dir], "sw.js"));
        }
        var a = Worker("a");
        Assert.Equal(a, Worker("b"));
        File.AppendAllText(input["guidance/alpha.md"], "\nOne more sentence.\n");
        var c = Worker("c");
        Assert.NotEqual(a, c);
        Assert.Equal(Json(out_["c/offline.json"]).GetProperty("version").GetString(), c.Split('"')[3]);
    }

    [Fact]
    public void Offline_false_in_site_yml_publishes_no_worker_no_offline_page_and_pages_do_not_register_one()
    {
        using var input = Fixture(yml => yml + "offline: false\n");
        using var out_ = new TempDir();
        var result = SiteBuilder.Build(Builds.Options(input.Path, out_["site"]));
        Assert.True(result.Success, Builds.Errors(result));
        Assert.False(File.Exists(out_["site/sw.js"]));
        Assert.False(File.Exists(out_["site/offline.json"]));
        Assert.False(Directory.Exists(out_["site/offline"]));
        var home = new HtmlParser().ParseDocument(File.ReadAllText(out_["site/index.html"]));
        Assert.False(home.DocumentElement.HasAttribute("data-sw"));
        Assert.False(home.DocumentElement.HasAttribute("data-offline-page"));
        Assert.True(File.Exists(out_["site/manifest.webmanifest"]), "the site can still be added to a home screen");
    }

    [Fact]
    public void Serve_mode_pages_never_register_the_worker()
    {
        using var input = Fixture();
        using var out_ = new TempDir();
        // Written to disk (serve itself builds in memory), so the absence of sw.js means something.
        var result = SiteBuilder.Build(Builds.Options(input.Path, out_["site"]) with { LiveReloadScript = "/_cqcguide/livereload.js" });
        Assert.True(result.Success, Builds.Errors(result));
        var home = new HtmlParser().ParseDocument(File.ReadAllText(out_["site/index.html"]));
        Assert.False(home.DocumentElement.HasAttribute("data-sw"));
        Assert.Equal("/guide/offline/", home.DocumentElement.GetAttribute("data-offline-page"));
        Assert.False(File.Exists(out_["site/sw.js"]));
        Assert.True(File.Exists(out_["site/index.html"]));
    }

    [Fact]
    public void A_wrong_offline_setting_is_an_error_at_its_line()
    {
        using var input = Fixture(yml => yml + "offline: sometimes\n");
        using var out_ = new TempDir();
        var result = SiteBuilder.Build(Builds.Options(input.Path, out_["site"]));
        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.EndsWith("site.yml", d.Path);
        Assert.Equal(10, d.Line);
        Assert.False(Directory.Exists(out_["site"]));
    }

    [Fact]
    public void The_manifest_names_the_site_in_its_brand_colour_and_survives_hostile_titles()
    {
        using var input = Fixture(yml => yml.Replace("title: Fixture Guide", "title: \"Care \\\"Guide\\\" </script><b>&amp; a very long name for a home screen\""));
        input.Write("organisation.yml", "brand_colour: \"#1d4e89\"\n");
        using var out_ = new TempDir();
        var result = SiteBuilder.Build(Builds.Options(input.Path, out_["site"]));
        Assert.True(result.Success, Builds.Errors(result));
        var manifest = Json(out_["site/manifest.webmanifest"]);
        Assert.Equal("Care \"Guide\" </script><b>&amp; a very long name for a home screen", manifest.GetProperty("name").GetString());
        Assert.True(manifest.GetProperty("short_name").GetString()!.Length <= 24);
        Assert.Equal("/guide/", manifest.GetProperty("start_url").GetString());
        Assert.Equal("/guide/", manifest.GetProperty("scope").GetString());
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        var colour = manifest.GetProperty("theme_color").GetString()!;
        Assert.NotEqual(Branding.DefaultDark, colour);
        Assert.Contains($"fill=\"{colour}\"", File.ReadAllText(out_["site/icon.svg"]));
        Assert.Equal("/guide/icon.svg", manifest.GetProperty("icons")[0].GetProperty("src").GetString());
        var home = new HtmlParser().ParseDocument(File.ReadAllText(out_["site/index.html"]));
        Assert.Equal(colour, home.QuerySelector("meta[name=theme-color]")!.GetAttribute("content"));
    }
}
