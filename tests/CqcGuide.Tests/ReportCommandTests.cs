using System.Text.Json;

namespace CqcGuide.Tests;

/// <summary><c>cqcguide report governance</c> on tests/fixtures/governance: the counts checked by hand in the site's tests.</summary>
public class ReportCommandTests
{
    private static TempDir Input() => GovernanceFixture.Input();

    private static CliResult Report(TempDir input, params string[] extra) =>
        Cli.Run(["report", "governance", "--input", input.Path, "--theme", Repo.Theme, "--date", "2026-12-02", .. extra]);

    [Fact]
    public void The_json_report_for_a_quarter_has_the_hand_checked_counts()
    {
        using var input = Input();
        var r = Report(input, "--from", "2026-07-01", "--to", "2026-09-30", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        using var json = JsonDocument.Parse(r.Output);
        int Count(string name) => json.RootElement.GetProperty(name).GetArrayLength();
        Assert.Equal((1, 1, 1, 0), (Count("logsOpened"), Count("logsClosed"), Count("logsOpen"), Count("reviewOverdueLogs")));
        Assert.Equal((1, 3, 1, 1), (Count("actionsOverdue"), Count("actionsDue"), Count("actionsDone"), Count("actionsDropped")));
        Assert.Equal((1, 1, 1, 3), (Count("reviewsDone"), Count("reviewsDue"), Count("signals"), Count("findings")));
        Assert.Equal("2026-09-30", json.RootElement.GetProperty("asOf").GetString());
    }

    [Fact]
    public void The_markdown_report_is_a_meeting_paper_for_any_two_dates()
    {
        using var input = Input();
        var r = Report(input, "--from", "2026-09-01", "--to", "2026-12-31");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.StartsWith("# Governance report: 1 September 2026 to 31 December 2026\n", r.Output);
        Assert.Contains("- Service: Example Care Home (governance fixture)\n", r.Output);
        Assert.Contains("- Statuses as at: 2 December 2026\n", r.Output); // the period has not ended
        Assert.Contains("| Learning logs | Opened | 1 |", r.Output); // ll-c, identified 1 October
        Assert.Contains("- ll-c c1: Fit a longer call bell lead in every room. (overdue, due 5 October 2026)", r.Output);
        Assert.DoesNotContain("ll-d", r.Output); // the teaching example
    }

    [Fact]
    public void Bad_dates_are_usage_errors_and_a_broken_site_gives_no_report()
    {
        using var input = Input();
        var r = Report(input, "--from", "2026-09-31", "--to", "2026-12-31");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--from '2026-09-31' is not a date written YYYY-MM-DD", r.Error);
        r = Report(input, "--from", "2026-10-01", "--to", "2026-09-30");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--to (2026-09-30) is before --from (2026-10-01)", r.Error);
        r = Report(input, "--from", "2027-01-01", "--to", "2027-03-31");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("the period starts after today (2026-12-02): there is nothing to report yet", r.Error);
        input.Write("journal/ll-a.md", File.ReadAllText(input["journal/ll-a.md"]).Replace("identified: 2026-07-05", "identified: 2026-07-35"));
        r = Report(input, "--from", "2026-07-01", "--to", "2026-09-30");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("ll-a.md:", r.Error);
        Assert.Contains("No report: the site has errors (above).", r.Error);
        Assert.Equal("", r.Output);
    }

    [Fact]
    public void A_site_without_a_journal_says_so()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        var r = Report(input, "--from", "2026-07-01", "--to", "2026-09-30");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("No report: this site has no learning journal", r.Error);
    }
}
