using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Tests.Pipeline;

/// <summary>End to end: builds the fixture site and checks the HTML's structure through AngleSharp.</summary>
public class BuildTests
{
    private static readonly HtmlParser Parser = new();

    private static IHtmlDocument Page(string output, string relative) => Parser.ParseDocument(File.ReadAllText(Path.Combine(output, relative)));

    [Fact]
    public void Builds_the_fixture_site_with_accessible_structure()
    {
        using var out_ = new TempDir();
        var result = Builds.Run(Repo.Fixture("site"), out_["site"]);
        Assert.True(result.Success, Builds.Errors(result));
        var site = out_["site"];
        foreach (var page in new[] { "index.html", "guidance/index.html", "guidance/alpha/index.html", "checklists/pitfalls/index.html", "quality-statements/safe.learning-culture/index.html", "404.html" })
        {
            var doc = Page(site, page);
            Assert.Equal("en-GB", doc.DocumentElement.GetAttribute("lang"));
            Assert.Single(doc.QuerySelectorAll("h1"));
            Assert.Single(doc.QuerySelectorAll("main#main-content"));
            Assert.NotNull(doc.QuerySelector("a.skip-link[href='#main-content']"));
            Assert.NotNull(doc.QuerySelector("header"));
            Assert.NotNull(doc.QuerySelector("footer"));
            Assert.NotNull(doc.QuerySelector("nav[aria-label='Main']"));
            Assert.Empty(doc.QuerySelectorAll("[style]"));
            Assert.All(doc.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src"), "no inline script"));
            Assert.Empty(doc.QuerySelectorAll("style"));
            var csp = doc.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("object-src 'none'", csp);
        }
        var alpha = Page(site, "guidance/alpha/index.html");
        Assert.Equal("Alpha page", alpha.QuerySelector("h1")!.TextContent);
        // Breadcrumbs, side navigation with the current page marked, previous/next and a table of contents.
        Assert.Equal(["Home", "Start here", "Alpha page"], alpha.QuerySelectorAll("nav[aria-label='Breadcrumb'] li").Select(li => li.TextContent.Trim()));
        Assert.Equal("/guide/guidance/alpha/", alpha.QuerySelector(".side-nav [aria-current='page']")!.GetAttribute("href"));
        Assert.Equal("/guide/guidance/", alpha.QuerySelector("a[rel='prev']")!.GetAttribute("href"));
        Assert.Equal("/guide/guidance/topic/", alpha.QuerySelector("a[rel='next']")!.GetAttribute("href"));
        Assert.Equal(["#first-part", "#second-part"], alpha.QuerySelectorAll(".toc a").Select(a => a.GetAttribute("href")));
        // Review dates, owner and sources from the front matter.
        Assert.Equal("2027-01-10", alpha.QuerySelector(".page-meta time[datetime='2027-01-10']")!.GetAttribute("datetime"));
        Assert.Contains("Registered manager", alpha.QuerySelector(".page-meta")!.TextContent);
        Assert.Equal("https://example.org/source", alpha.QuerySelector(".sources a")!.GetAttribute("href"));
        // Markdown links were rewritten to the site's addresses (with the base path).
        Assert.NotNull(alpha.QuerySelector(".prose a[href='/guide/guidance/#first-part']"));
        Assert.NotNull(alpha.QuerySelector(".prose a[href='/guide/quality-statements/safe.learning-culture/']"));
        // The canonical link is absolute.
        Assert.Equal("https://example.org/guide/guidance/alpha/", alpha.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        // Hashed assets exist.
        var css = alpha.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Matches(@"^/guide/assets/css/site\.[0-9a-f]{10}\.css$", css);
        Assert.True(File.Exists(Path.Combine(site, css["/guide/".Length..])));
        Assert.True(File.Exists(Path.Combine(site, "sitemap.xml")));
        Assert.Contains("Sitemap: https://example.org/guide/sitemap.xml", File.ReadAllText(Path.Combine(site, "robots.txt")));
        var sitemap = File.ReadAllText(Path.Combine(site, "sitemap.xml"));
        Assert.Contains("<loc>https://example.org/guide/guidance/alpha/</loc><lastmod>2026-01-10</lastmod>", sitemap);
        Assert.DoesNotContain("/v/1.0/", sitemap);
    }

    [Fact]
    public void Every_internal_link_and_anchor_in_the_built_site_resolves()
    {
        using var out_ = new TempDir();
        var result = Builds.Run(Repo.Fixture("site"), out_["site"]);
        Assert.True(result.Success, Builds.Errors(result));
        LinkCrawler.AssertAllResolve(out_["site"], "/guide/");
    }

    [Fact]
    public void The_default_site_builds_clean_under_strict_and_every_link_resolves()
    {
        using var out_ = new TempDir();
        var result = Builds.Run(Path.Combine(Repo.Root, "input"), out_["site"], strict: true);
        Assert.True(result.Success, Builds.Errors(result));
        Assert.Empty(result.Diagnostics);
        LinkCrawler.AssertAllResolve(out_["site"], "/");
    }

    [Fact]
    public void Two_builds_of_the_same_input_are_byte_identical()
    {
        using var out_ = new TempDir();
        // With the search index: Pagefind's output is deterministic too.
        var options = Builds.Options(Path.Combine(Repo.Root, "input"), out_["a"]) with { Search = true };
        Assert.True(SiteBuilder.Build(options).Success);
        Assert.True(SiteBuilder.Build(options with { OutputDir = out_["b"] }).Success);
        Assert.True(File.Exists(Path.Combine(out_["a"], "pagefind", "pagefind.js")));
        var a = Builds.Hashes(out_["a"]);
        var b = Builds.Hashes(out_["b"]);
        Assert.True(a.Count > 100);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Files_that_must_work_do_bom_crlf_and_non_ascii()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        foreach (var f in Directory.EnumerateFiles(Repo.Fixture("good"), "*", SearchOption.AllDirectories))
            input.Write(Path.GetRelativePath(Repo.Fixture("good"), f), File.ReadAllBytes(f));
        using var out_ = new TempDir();
        var result = Builds.Run(input.Path, out_.Path);
        Assert.True(result.Success, Builds.Errors(result));
        Assert.Equal("With a BOM", Page(out_.Path, "guidance/bom/index.html").QuerySelector("h1")!.TextContent);
        Assert.NotNull(Page(out_.Path, "guidance/crlf/index.html").QuerySelector("a[href='/guide/guidance/alpha/#second-part']"));
        var nonAscii = Page(out_.Path, "guidance/non-ascii/index.html");
        Assert.Equal("Café, naïve, Zoë – “quotes” 😀", nonAscii.QuerySelector("h1")!.TextContent);
        Assert.Equal("Résumé des étapes", nonAscii.QuerySelector(".prose h2")!.TextContent);
    }

    [Fact]
    public void A_theme_file_under_input_theme_overrides_the_built_in_one()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        input.Write("_theme/partials/breadcrumbs.liquid", "<p class=\"my-crumbs\">Custom breadcrumbs for {{ page.title }}</p>");
        using var out_ = new TempDir();
        var result = Builds.Run(input.Path, out_.Path);
        Assert.True(result.Success, Builds.Errors(result));
        Assert.Equal("Custom breadcrumbs for Alpha page", Page(out_.Path, "guidance/alpha/index.html").QuerySelector(".my-crumbs")!.TextContent);
    }

    [Fact]
    public void An_undefined_template_variable_is_an_error_at_its_line()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        input.Write("_theme/partials/breadcrumbs.liquid", "<p>\n{{ page.titel }}</p>");
        using var out_ = new TempDir();
        var result = Builds.Run(input.Path, out_.Path);
        var d = Assert.Single(result.Diagnostics, d => d.Code == Codes.UndefinedVariable);
        Assert.EndsWith("_theme/partials/breadcrumbs.liquid", d.Path);
        Assert.Equal(2, d.Line);
        Assert.Contains("titel", d.Message);
        Assert.False(Directory.Exists(out_.Path) && Directory.EnumerateFiles(out_.Path).Any());
    }

    [Fact]
    public void Liquid_syntax_errors_are_reported_with_their_position()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        input.Write("_theme/partials/breadcrumbs.liquid", "<p>\n{% if page.title %}unclosed</p>");
        using var out_ = new TempDir();
        var result = Builds.Run(input.Path, out_.Path);
        Assert.Contains(result.Diagnostics, d => d.Code == Codes.TemplateSyntax && d.Path.EndsWith("breadcrumbs.liquid"));
    }

    [Fact]
    public void Check_mode_writes_nothing()
    {
        using var out_ = new TempDir();
        var target = out_["never"];
        var result = SiteBuilder.Build(Builds.Options(Repo.Fixture("site"), target, write: false));
        Assert.True(result.Success, Builds.Errors(result));
        Assert.False(Directory.Exists(target));
        Assert.True(result.Files.ContainsKey("guidance/alpha/index.html"));
    }
}
