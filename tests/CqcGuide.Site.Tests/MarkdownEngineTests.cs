using CqcGuide.Site.Markdown;

namespace CqcGuide.Site.Tests;

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
        var html = MarkdownEngine.Render(MarkdownEngine.Parse("> [!WARNING]\n> Careful.\n\n| a |\n|---|\n| 1 |\n\n- [x] done\n", 1).Ast);
        Assert.Contains("markdown-alert-warning", html);
        Assert.Contains("<div class=\"table-scroll\" role=\"region\" aria-label=\"Table 1\" tabindex=\"0\">", html);
        Assert.Contains("<span class=\"visually-hidden\">Done: </span>", html);
        Assert.DoesNotContain("<input", html);
    }
}
