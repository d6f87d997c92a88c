using CqcGuide.Site.Markdown;

namespace CqcGuide.Site.Tests.Markdown;

public class MarkdownEngineTests
{
    [Fact]
    public void Collects_headings_links_and_anchors_with_file_lines()
    {
        var md = MarkdownEngine.Parse("Intro [a](x.md#y).\n\n## The 5 whys\n\nText[^1] and [b](/q/).\n\n[^1]: Note.\n", firstLine: 6);
        var h = Assert.Single(md.Headings);
        Assert.Equal(("the-5-whys", 8), (h.Id, h.Line));
        Assert.Equal([("x.md#y", 6, 7), ("/q/", 10, 14)], md.Links.Select(l => (l.Url, l.Line, l.Column)));
        Assert.Contains("fn:1", md.Anchors);
        Assert.Contains("the-5-whys", md.Anchors);
    }

    [Fact]
    public void Renders_alerts_tables_and_task_lists_accessibly()
    {
        var html = MarkdownEngine.Render(MarkdownEngine.Parse("> [!WARNING]\n> Careful.\n\n| a |\n|---|\n| 1 |\n\n- [x] done\n", 1), _ => null);
        Assert.Contains("markdown-alert-warning", html);
        Assert.Contains("<div class=\"table-scroll\" role=\"region\" aria-label=\"Table 1\" tabindex=\"0\">", html);
        Assert.Contains("<span class=\"visually-hidden\">Done: </span>", html);
        Assert.DoesNotContain("<input", html);
    }
}

public class MarkdownRenderTests
{
    [Fact]
    public void Rendering_parses_again_and_resolves_the_same_links_in_order_as_it_writes_them()
    {
        var md = MarkdownEngine.Parse("[a](x.md) <https://example.org> [b](y.md#h) ![i](pic.png)\n", 1);
        Assert.Equal(["x.md", "y.md#h", "pic.png"], md.Links.Select(l => l.Url));
        var seen = new List<string>();
        var html = MarkdownEngine.Render(md, link =>
        {
            seen.Add(link.Url);
            return link.Url switch { "x.md" => "/guidance/x/", "pic.png" => "/assets/pic.png", _ => null };
        });
        Assert.Equal(md.Links.Select(l => l.Url), seen);
        Assert.Contains("<a href=\"/guidance/x/\">a</a>", html);
        Assert.Contains("<a href=\"y.md#h\">b</a>", html);
        Assert.Contains("src=\"/assets/pic.png\"", html);
        Assert.Contains("href=\"https://example.org\"", html);
    }
}
