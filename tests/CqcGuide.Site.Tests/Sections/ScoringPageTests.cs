using AngleSharp.Html.Parser;

namespace CqcGuide.Site.Tests.Sections;

/// <summary>"How scoring works" pages lead with the plain-English summary and keep the model id, module and source hash in a technical section at the end (issue 13 item 4).</summary>
public class ScoringPageTests
{
    [Fact]
    public void A_scoring_page_reads_summary_first_and_technical_detail_last()
    {
        using var out_ = new TempDir();
        var result = Builds.Run(Path.Combine(Repo.Root, "input"), out_.Path);
        Assert.True(result.Success, Builds.Errors(result));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(out_.Path, "scoring", "cqc-saf", "index.html")));
        var headings = page.QuerySelectorAll("main h2").Select(h => h.TextContent).ToArray();
        Assert.Equal(["The rules, in order", "Technical detail"], headings);
        var main = page.QuerySelector("main")!;
        var firstParagraph = main.QuerySelectorAll("p").First(p => !p.ClassList.Contains("tag"));
        Assert.DoesNotContain("cqc-saf", firstParagraph.TextContent, StringComparison.Ordinal);
        var technical = main.QuerySelector("h2:last-of-type + dl")!;
        Assert.Contains(CqcGuide.Rules.ScoringModels.CqcSaf.Instance.SourceHash, technical.TextContent, StringComparison.Ordinal);
        Assert.NotNull(technical.QuerySelector("a[href^='/assets/rules/cqc-saf.']"));
    }
}
