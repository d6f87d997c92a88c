using AngleSharp.Html.Parser;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Sections;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Tests.Pipeline;

/// <summary>
/// How the site is extended without touching the pipeline: a new content type is one section, one registration line
/// and one layout (docs/decisions/007-registered-sections.md shows this example); a page with its own layout, the
/// menus, and the sitemap and robots.txt are theme and configuration, not C#.
/// </summary>
public class ExtensionTests
{
    // ---- the example section: notices (input/notices/*.md) ----------------------------------------------------

    public sealed record NoticeFrontMatter : IFrontMatter
    {
        public required string Title { get; init; }
        public string Summary { get; init; } = "";
        public int Order { get; init; } = 1000;
        /// <summary>The notice is out of date after this day.</summary>
        public DateOnly? Until { get; init; }
    }

    public sealed class NoticesSection : Section<ContentDocument>
    {
        public static readonly ContentType Notice = ContentType.Markdown<NoticeFrontMatter>("notice", "notices", "/notices/");

        public override string Name => "notices";

        public override IReadOnlyList<ContentType> ContentTypes => [Notice];

        public override ContentDocument? Check(ContentDocument document, CheckContext context)
        {
            if (document.Front<NoticeFrontMatter>().Until is { } until && until < context.Today)
                context.Diagnostics.Warning(Codes.ReviewOverdue, $"this notice ended on {until:yyyy-MM-dd}", document.At("until"), "remove it, or move 'until' on");
            return document;
        }

        public override void Index(IReadOnlyList<ContentDocument> documents, IndexBuilder index)
        {
            index.Menu(50, "Notices", index.Href("/notices/"), "notices");
            foreach (var doc in documents)
                index.Page(new PagePlan { Url = doc.Url, Layout = "notice", Type = "notice", Document = doc, Model = doc });
        }

        public override PageView View(PagePlan plan, SiteIndex site)
        {
            var doc = (ContentDocument)plan.Model!;
            return site.NewPage(plan, doc.Title, "notice", "notices", doc.Front<NoticeFrontMatter>().Summary, indexed: true) with { Breadcrumbs = [site.Home] };
        }
    }

    [Fact]
    public void A_new_content_type_is_one_section_one_registration_line_and_one_layout()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        input.Write("notices/closure.md", "---\ntitle: Visiting on Friday\nsummary: Changed hours.\nuntil: 2026-01-01\n---\nThe lounge is closed for painting; see [Alpha](../guidance/alpha.md#second-part).\n");
        input.Write("notices/index.md", "---\ntitle: Notices\n---\nWhat is changing.\n");
        input.Write("_theme/layouts/notice.liquid", "<article class=\"notice\"><h1>{{ page.title }}</h1>{{ page.content | raw }}</article>\n");
        using var output = new TempDir();
        var sections = SectionRegistry.Create().Append(new NoticesSection()).ToArray();   // the registration line
        var result = SiteBuilder.Build(Builds.Options(input.Path, output.Path), sections, out _);
        Assert.True(result.Success, Builds.Errors(result));
        Assert.Equal(2, result.PageCounts["notice"]);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == Codes.ReviewOverdue);
        Assert.EndsWith("notices/closure.md", warning.Path);
        Assert.Equal(4, warning.Line);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(output["notices/closure/index.html"]));
        Assert.Equal("Visiting on Friday", page.QuerySelector("article.notice h1")!.TextContent);
        Assert.Equal("/guide/guidance/alpha/#second-part", page.QuerySelector("article.notice a")!.GetAttribute("href"));
        Assert.Contains("Notices", page.QuerySelectorAll("header nav a").Select(a => a.TextContent));
        Assert.Contains("https://example.org/guide/notices/closure/", File.ReadAllText(output["sitemap.xml"]));
    }

    [Fact]
    public void Without_the_section_registered_its_files_are_stray()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        input.Write("notices/closure.md", "---\ntitle: Visiting on Friday\n---\nText.\n");
        using var output = new TempDir();
        var result = Builds.Run(input.Path, output.Path);
        Assert.Contains(result.Diagnostics, d => d.Code == Codes.StrayFile && d.Path.EndsWith("notices/closure.md"));
    }

    // ---- pages with their own layout, menus, site-wide outputs ------------------------------------------------

    [Fact]
    public void A_page_with_its_own_layout_needs_a_markdown_file_and_a_template()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        input.Write("pages/team.md", "---\ntitle: Our team\nlayout: team\n---\nWho we are.\n");
        input.Write("_theme/layouts/team.liquid", "<section class=\"team\">{{ page.content | raw }}</section>\n");
        using var output = new TempDir();
        var result = Builds.Run(input.Path, output.Path);
        Assert.True(result.Success, Builds.Errors(result));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(output["team/index.html"]));
        Assert.Equal("Who we are.", page.QuerySelector("section.team p")!.TextContent);

        input.Write("pages/team.md", "---\ntitle: Our team\nlayout: teams\n---\nWho we are.\n");
        var broken = Builds.Run(input.Path, output.Path);
        var d = Assert.Single(broken.Diagnostics, d => d.IsError);
        Assert.Equal(Codes.MissingTemplate, d.Code);
        Assert.EndsWith("pages/team.md", d.Path);
        Assert.Equal(3, d.Line);
    }

    [Fact]
    public void The_menu_and_the_footer_can_be_set_in_site_yml_and_their_links_are_checked()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        File.AppendAllText(input["site.yml"], "menu:\n  - title: Start here\n    url: /guidance/\n  - title: Lists\n    url: /checklists/\nfooter:\n  - title: About us\n    url: /about/\n");
        using var output = new TempDir();
        var result = Builds.Run(input.Path, output.Path);
        Assert.True(result.Success, Builds.Errors(result));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(output["index.html"]));
        Assert.Equal(["Start here", "Lists"], page.QuerySelectorAll("header nav a").Select(a => a.TextContent.Trim()).Where(t => t is "Start here" or "Lists" or "Guidance" or "Checklists"));
        Assert.Contains("About us", page.QuerySelector("footer")!.TextContent);

        File.AppendAllText(input["site.yml"], "  - title: Gone\n    url: /nowhere/\n");
        var broken = Builds.Run(input.Path, output.Path);
        var d = Assert.Single(broken.Diagnostics, d => d.IsError);
        Assert.Equal(Codes.BrokenLink, d.Code);
        Assert.EndsWith("site.yml", d.Path);
        Assert.Equal(File.ReadAllLines(input["site.yml"]).Length, d.Line);
    }

    [Fact]
    public void The_sitemap_and_robots_txt_are_theme_templates_a_fork_can_override()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        input.Write("_theme/layouts/robots.txt.liquid", "User-agent: *\nDisallow: /v/\n{% if site.sitemap_url %}Sitemap: {{ site.sitemap_url | raw }}\n{% endif %}");
        using var output = new TempDir();
        var result = Builds.Run(input.Path, output.Path);
        Assert.True(result.Success, Builds.Errors(result));
        Assert.Equal("User-agent: *\nDisallow: /v/\nSitemap: https://example.org/guide/sitemap.xml\n", File.ReadAllText(output["robots.txt"]));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset", File.ReadAllText(output["sitemap.xml"]));
    }

    [Fact]
    public void A_site_without_a_journal_still_publishes_the_answers_schema()
    {
        using var input = TempDir.CopyOf(Path.Combine(Repo.Root, "input"));
        Directory.Delete(input["journal"], recursive: true);
        File.WriteAllText(input["organisation.yml"], File.ReadAllText(input["organisation.yml"]).Replace("examples: true", "examples: false"));
        using var output = new TempDir();
        var result = Builds.Run(input.Path, output.Path);
        Assert.True(result.Success, Builds.Errors(result));
        Assert.True(File.Exists(output["schemas/answers.schema.json"]));
        Assert.False(Directory.Exists(output["journal"]));
        Assert.DoesNotContain("Learning journal", File.ReadAllText(output["index.html"]));
    }
}
