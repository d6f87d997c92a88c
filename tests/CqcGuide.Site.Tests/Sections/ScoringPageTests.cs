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
        // Rule headings read as words; the id stays beside the rule, for the command line.
        var rule = main.QuerySelector("#rule-overall-two-or-more-inadequate")!;
        Assert.StartsWith("Overall two or more inadequate", rule.QuerySelector("h3")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(rule.QuerySelector("h3 code"));
        Assert.Equal("overall-two-or-more-inadequate", rule.QuerySelector(".rule__id code")!.TextContent);
    }

    [Theory]
    [InlineData("overall-needs-all-five", "Overall needs all five")]
    [InlineData("llq004-action-without-measure", "LLQ004: Action without measure")]
    [InlineData("nhs-check-digit", "NHS check digit")]
    [InlineData("id-matches-file", "ID matches file")]
    [InlineData("csv-lines", "CSV lines")]
    [InlineData("mean", "Mean")]
    public void A_rule_id_reads_as_a_heading(string name, string title)
    {
        Assert.Equal(title, CqcGuide.Site.Sections.Scoring.ScoringSection.TitleOf(name));
    }
}
