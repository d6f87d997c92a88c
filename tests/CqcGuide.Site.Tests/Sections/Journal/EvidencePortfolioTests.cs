using AngleSharp.Html.Parser;

namespace CqcGuide.Site.Tests.Sections.Journal;

/// <summary>The evidence portfolio of a quality statement: log actions and measures grouped by CQC's evidence categories.</summary>
public class EvidencePortfolioTests
{
    private const string Measure = """
        title: Late discrepancies
        summary: Late medicines discrepancies after a discharge.
        numerator: Returns with a late discrepancy
        unit: a month
        direction: decrease
        period: month
        quality_statements: [safe.medicines-optimisation]
        data:
          - { period: 2026-01, value: 3 }
          - { period: 2026-02, value: 2 }
          - { period: 2026-03, value: 4 }
        """;

    [Fact]
    public void Actions_and_measures_are_grouped_by_category_and_teaching_examples_are_left_out()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        JournalTests.WriteLog(input, JournalTests.Valid.Replace("    evidence: Checklist in use;", "    evidence_category: processes\n    evidence: Checklist in use;"));
        var teaching = JournalTests.Valid.Replace("id: ll-test", "id: ll-teaching").Replace("title: Medicine missed after discharge", "title: A teaching example\nteaching_example: true")
            .Replace("    evidence: Checklist in use;", "    evidence_category: observation\n    evidence: Teaching evidence;");
        input.Write("journal/ll-teaching.md", teaching);
        input.Write("measures/late.yml", Measure);
        using var output = new TempDir();
        var result = Builds.Run(input.Path, output.Path);
        Assert.True(result.Success, Builds.Errors(result));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(output["journal/evidence/safe.medicines-optimisation/index.html"]));
        string Section(string id) => page.GetElementById(id)!.ParentElement!.TextContent;
        Assert.Contains("a1: Reconcile every discharge letter within 4 hours.", Section("processes"));
        Assert.Contains("Checklist in use; audit of 12 discharges.", Section("processes"));
        Assert.Contains("Nothing recorded in this category yet.", Section("observation"));
        Assert.Contains("Late discrepancies", Section("outcomes")); // a measure's default category
        Assert.NotNull(page.QuerySelector("#outcomes ~ section svg.spc-chart__svg"));
        Assert.DoesNotContain("Teaching", page.QuerySelector("main")!.TextContent.Replace("Teaching examples (logs written to show a pitfall)", ""));
        Assert.Equal("2", page.QuerySelectorAll(".report-meta dd").Last().TextContent);
        // The log page says which category the evidence is.
        var log = new HtmlParser().ParseDocument(File.ReadAllText(output["journal/ll-test/index.html"]));
        Assert.Contains("Evidence (Processes): Checklist in use", log.QuerySelector(".actions-table")!.TextContent);
    }

    [Fact]
    public void An_unknown_category_is_an_error_at_its_line()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        JournalTests.WriteLog(input, JournalTests.Valid.Replace("    evidence: Checklist in use;", "    evidence_category: hearsay\n    evidence: Checklist in use;"));
        using var output = new TempDir();
        var result = Builds.Run(input.Path, output.Path);
        var d = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((Codes.InvalidValue, 35), (d.Code, d.Line)); // the evidence_category line
        Assert.Contains("allowed: people-experience, staff-leaders-feedback, partners-feedback, observation, processes, outcomes", d.Hint);
    }
}
