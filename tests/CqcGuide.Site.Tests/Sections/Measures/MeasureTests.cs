using AngleSharp.Html.Parser;

namespace CqcGuide.Site.Tests.Sections.Measures;

/// <summary>Measures (input/measures/*.yml): checked by the SPC rules at their lines, drawn as accessible charts, and
/// joined to the learning log actions they monitor.</summary>
public class MeasureTests
{
    private static string Measure(string data, string extra = "") => $"""
        title: Late discrepancies
        summary: Late medicines discrepancies after a discharge.
        numerator: Returns with a late discrepancy
        unit: a month
        direction: decrease
        period: month
        target: "0"
        minimum: "0"
        maximum: "100"
        {extra}
        data:
        {data}
        """;

    /// <summary>14 months, 2025-01 to 2026-02, with a run of low values at the end.</summary>
    private static string Series(params (string Period, string Value)[] replace)
    {
        var periods = Enumerable.Range(0, 14).Select(i => new DateOnly(2025, 1, 1).AddMonths(i).ToString("yyyy-MM")).ToArray();
        var values = new[] { "5", "6", "4", "7", "5", "6", "5", "4", "6", "5", "7", "6", "1", "0" };
        return string.Join("\n", periods.Select((p, i) =>
        {
            var (period, value) = replace.FirstOrDefault(r => r.Period == p) is { Period: not null } r ? r : (p, values[i]);
            return $"  - {{ period: {period}, value: {value} }}";
        }));
    }

    private static (CqcGuide.Site.Pipeline.BuildResult Result, TempDir Output) Build(string measure, string? log = null)
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        input.Write("measures/late.yml", measure);
        if (log is not null) Journal.JournalTests.WriteLog(input, log);
        var output = new TempDir();
        return (Builds.Run(input.Path, output.Path), output);
    }

    [Theory]
    [InlineData("2025-03", "2025-02", "SPC011", 14)] // a period written twice
    [InlineData("2025-03", "2025-01", "SPC012", 14)] // out of order (and repeated)
    public void A_period_problem_is_an_error_at_the_period(string period, string replacement, string rule, int line)
    {
        var data = Series().Replace($"period: {period},", $"period: {replacement},");
        var (result, output) = Build(Measure(data));
        using var _ = output;
        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Code == Codes.InvalidMeasure && d.Message.Contains(rule) && d.Line == line && d.Path.EndsWith("measures/late.yml"));
    }

    [Fact]
    public void A_gap_a_value_that_is_not_a_number_one_out_of_range_and_a_rebase_without_data_are_errors_at_their_lines()
    {
        var data = Series(("2025-02", "six"), ("2025-05", "120")).Replace("  - { period: 2025-08, value: 4 }\n", "");
        var (result, output) = Build(Measure(data, "changes:\n  - period: 2025-08\n    label: Checklist\n    rebase: true"));
        using var _ = output;
        var errors = result.Diagnostics.Where(d => d.IsError).Select(d => (d.Message[(d.Message.LastIndexOf('(') + 1)..^1], d.Line)).ToArray();
        Assert.Contains(("SPC020", 16), errors);   // "six"
        Assert.Contains(("SPC023", 19), errors);   // 120 > maximum 100
        Assert.Contains(errors, e => e.Item1 == "SPC013");  // the gap
        Assert.Contains(("SPC041", 11), errors);   // rebase at a period with no data
    }

    [Fact]
    public void The_chart_marks_every_special_cause_point_by_shape_and_label_not_only_colour()
    {
        var (result, output) = Build(Measure(Series(("2026-01", "20"))));
        using var _ = output;
        Assert.True(result.Success, Builds.Errors(result));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output.Path, "measures/late/index.html")));
        var svg = page.QuerySelector("figure.spc-chart svg[role=img]")!;
        Assert.NotNull(svg.QuerySelector("title"));
        Assert.Contains("special cause", svg.QuerySelector("desc")!.TextContent);
        var special = page.QuerySelectorAll("table.data-table tbody tr").Where(r => r.QuerySelector("strong") is not null).ToArray();
        Assert.NotEmpty(special);
        // Each special-cause point has a shaped marker (a path, not the plain dot), and each run of them a text label.
        var shaped = svg.QuerySelectorAll("path.spc-chart__point").ToArray();
        Assert.Equal(special.Length, shaped.Length);
        Assert.All(shaped, p => Assert.Matches("spc-chart__point--(improvement|concern|neutral)", p.ClassName!));
        Assert.NotEmpty(svg.QuerySelectorAll("text.spc-chart__point-label"));
        Assert.Contains("Above the upper process limit", page.QuerySelector("table.data-table")!.TextContent);
    }

    [Fact]
    public void A_log_action_shows_the_chart_of_its_measure_and_an_unknown_measure_is_an_error_at_its_line()
    {
        var log = Journal.JournalTests.Valid.Replace("    measure: Late discrepancies per month (target 0).", "    measure: Late discrepancies per month (target 0).\n    measure_id: late");
        var (result, output) = Build(Measure(Series()), log);
        using var _ = output;
        Assert.True(result.Success, Builds.Errors(result));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output.Path, "journal/ll-test/index.html")));
        Assert.NotNull(page.QuerySelector("#action-a1"));
        Assert.NotNull(page.QuerySelector(".log-measure figure.spc-chart"));
        var measure = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output.Path, "measures/late/index.html")));
        Assert.Contains("action a1", measure.QuerySelector("#actions + ul")!.TextContent);

        var (broken, brokenOut) = Build(Measure(Series()), log.Replace("measure_id: late", "measure_id: lateness"));
        using var __ = brokenOut;
        var d = Assert.Single(broken.Diagnostics, d => d.IsError);
        Assert.Equal(Codes.UnknownMeasure, d.Code);
        Assert.EndsWith("journal/ll-test.md", d.Path);
    }

    [Fact]
    public void An_adopted_action_is_judged_against_what_its_measure_shows_since_the_change()
    {
        var log = Journal.JournalTests.Valid.Replace("    measure: Late discrepancies per month (target 0).", "    measure: Late discrepancies per month (target 0).\n    measure_id: late");
        var change = "changes:\n  - period: 2026-01\n    label: Checklist\n    action: ll-test#a1";
        string[] Findings(CqcGuide.Site.Pipeline.BuildResult r) => r.Diagnostics.Where(d => d.Code == Codes.LintFinding && d.Path.EndsWith("journal/ll-test.md"))
            .Select(d => d.Message[..6]).Where(c => c is "LLQ009" or "LLQ010" or "LLQ011").ToArray();

        // Fourteen points, the last two below the lower process limit, no change recorded: improvement, enough points.
        var (good, goodOut) = Build(Measure(Series()), log);
        using var _ = goodOut;
        Assert.Empty(Findings(good));

        // The change took effect at 2026-01: two points since then, however good they look.
        var (thin, thinOut) = Build(Measure(Series(), change), log);
        using var __ = thinOut;
        Assert.Equal(["LLQ011"], Findings(thin));
        var finding = Assert.Single(thin.Diagnostics, d => d.Message.StartsWith("LLQ011"));
        Assert.Contains("has only 2 points since the change", finding.Message);

        // No improvement in the data at all: the adopted change is not shown to work.
        var (flat, flatOut) = Build(Measure(Series(("2026-01", "5"), ("2026-02", "6"))), log);
        using var ___ = flatOut;
        Assert.Equal(["LLQ009"], Findings(flat));

        // Acknowledged with a reason: kept on the page, not a warning.
        var acknowledged = log.Replace("redaction_check:", "acknowledged:\n  - code: LLQ009\n    reason: Too early to tell; reviewed again in March.\nredaction_check:");
        var (ack, ackOut) = Build(Measure(Series(("2026-01", "5"), ("2026-02", "6"))), acknowledged);
        using var ____ = ackOut;
        Assert.Empty(Findings(ack));
        Assert.DoesNotContain(ack.Diagnostics, d => d.Code == Codes.StaleAcknowledgement);
    }

    [Fact]
    public void A_change_names_a_real_learning_log_action()
    {
        var (result, output) = Build(Measure(Series(), "changes:\n  - period: 2026-01\n    label: Checklist\n    action: ll-none#a1"));
        using var _ = output;
        var d = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(Codes.BrokenLink, d.Code);
        Assert.Equal(13, d.Line);
    }
}
