using CqcGuide.Site.Loading;
using CqcGuide.Site.Markdown;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Sections.Journal;

namespace CqcGuide.Site.Tests.Sections.Journal;

/// <summary>Issue 15 item 14: the allow-list keeps everything Markdown writes and nothing that impersonates the site.</summary>
public class SanitiserTests
{
    private static ContentDocument Log(string body)
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, "input", "examples", "journal", "ll-2026-004.md"));
        text = text[..(text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)] + body;
        var rel = "journal/ll-2026-004.md";
        var d = new DocumentLoader.Discovered("/x/" + rel, rel, JournalSection.Log, JournalSection.Log.Match(rel.Split('/'))!, new JournalSection());
        var bag = new DiagnosticBag();
        return DocumentLoader.Load(d, new SourceFile("/x/" + rel, rel, rel, text), bag) ?? throw new InvalidOperationException(string.Join("\n", bag.Sorted()));
    }

    [Fact]
    public void Everything_markdown_writes_survives_unchanged()
    {
        var body = File.ReadAllText(Path.Combine(Repo.Fixture("site"), "guidance", "alpha.md")).Split("\n---\n", 2)[1]
            + "\n```csharp\nvar x = 1;\n```\n\n| Left | Centre |\n|:--|:-:|\n| a | b |\n\n> [!WARNING]\n> Careful.\n";
        var doc = Log(body);
        var html = MarkdownEngine.Render(doc.Markdown!, _ => null);
        // The same document (the sanitiser writes HTML back in its own spelling: <hr>, styles without the last ';').
        static string Dom(string fragment) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + fragment.Replace(";\"", "\"", StringComparison.Ordinal)).Body!.InnerHtml;
        Assert.Equal(Dom(html), Dom(Sanitiser.For(doc)(html)));
        Assert.Contains("<svg", html);
        foreach (var kept in new[] { "id=\"first-part\"", "markdown-alert-note", "table-scroll", "task-mark", "fn:1", "language-csharp", "text-align" })
            Assert.Contains(kept, html);
        var bag = new DiagnosticBag();
        Sanitiser.Warnings(doc, bag);
        Assert.Empty(bag.Sorted());
    }

    [Fact]
    public void Each_removal_is_one_warning_at_its_line()
    {
        var doc = Log("Intro.\n\n<p id=\"main-content\" class=\"skip-link\" style=\"position:fixed\">x</p>\n\n<a href=\"https://example.org\" target=\"_blank\">y</a>\n");
        var bag = new DiagnosticBag();
        Sanitiser.Warnings(doc, bag);
        var warnings = bag.Sorted();
        var first = doc.Markdown!.RawHtml[0].Line;
        Assert.Equal(3, warnings.Count(w => w.Line == first));       // id, class, style
        Assert.Single(warnings, w => w.Message.Contains("target", StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.Equal(Codes.UnsafeHtml, w.Code));
        var html = Sanitiser.For(doc)(MarkdownEngine.Render(doc.Markdown, _ => null));
        Assert.DoesNotContain("main-content", html);
        Assert.DoesNotContain("skip-link", html);
        Assert.DoesNotContain("position", html);
        Assert.DoesNotContain("_blank", html);
    }
}
