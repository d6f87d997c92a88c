using System.CommandLine;
using System.Globalization;
using System.Text;
using CqcGuide.Rules;
using CqcGuide.Rules.LearningLogs;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Sections.Governance;

namespace CqcGuide.Cli.Commands;

/// <summary>
/// <c>cqcguide report governance --from --to</c>: the governance report for any period, from the site's published logs and
/// measures, computed by the same <c>learning-governance</c> rules as the site's report pages.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new SiteOptions();
        var from = new Option<string>("--from") { Description = "The period's first day, YYYY-MM-DD.", Required = true };
        var to = new Option<string>("--to") { Description = "The period's last day, YYYY-MM-DD.", Required = true };
        var format = new Option<string>("--format") { Description = "markdown (a meeting paper) or json (the rules' whole result).", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "json");
        var governance = new Command("governance", "The governance report for a period: learning logs opened, closed and open; actions due, done, overdue and dropped; effectiveness reviews done and due; special-cause signals in the measures; open pitfall findings; recurring themes; and the questions for the meeting.")
            { from, to, format };
        options.AddTo(governance, output: false, search: false);
        governance.SetAction(parse =>
        {
            var first = Day(parse.GetValue(from)!, "--from");
            var last = Day(parse.GetValue(to)!, "--to");
            if (last < first) throw new UsageException($"--to ({last:yyyy-MM-dd}) is before --from ({first:yyyy-MM-dd})");
            var today = CliApp.Today(parse.GetValue(options.Date));
            if (first > today) throw new UsageException($"the period starts after today ({today:yyyy-MM-dd}): there is nothing to report yet");
            var result = SiteBuilder.Build(options.Read(parse, write: false, null), out var session);
            BuildCommands.Report(result, error, parse.GetValue(options.Verbose));
            if (!result.Success || session is null)
            {
                error.WriteLine("No report: the site has errors (above).");
                return CliApp.ContentErrors;
            }
            if (GovernanceSection.ReportFor(session, first, last) is not { } report)
            {
                error.WriteLine("No report: this site has no learning journal (input/journal/).");
                return CliApp.ContentErrors;
            }
            var service = GovernanceSection.ServiceOf(session);
            output.Write(parse.GetValue(format) == "json" ? ScoreReport.ToJson(report) : Markdown(report, service));
            return CliApp.Ok;
        });
        return new Command("report", "Reports from the site's content, computed by the same rules as its pages.") { governance };
    }

    private static DateOnly Day(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new UsageException($"{option} '{text}' is not a date written YYYY-MM-DD");

    private static string Text(string iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : iso;

    /// <summary>The report as a Markdown meeting paper.</summary>
    public static string Markdown(GovernanceReport r, string service)
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"# Governance report: {Text(r.From)} to {Text(r.To)}\n\n");
        s.Append(CultureInfo.InvariantCulture, $"- Service: {service}\n- Period: {Text(r.From)} to {Text(r.To)}\n- Statuses as at: {Text(r.AsOf)}\n\n");
        s.Append("## Summary\n\n| Record | What | Number |\n| --- | --- | ---: |\n");
        foreach (var (group, what, n, _) in GovernanceReportViews.Figures(r))
            s.Append(CultureInfo.InvariantCulture, $"| {group} | {what} | {n} |\n");
        s.Append("\n## Questions for the meeting\n\n");
        for (var i = 0; i < r.Questions.Length; i++) s.Append(CultureInfo.InvariantCulture, $"{i + 1}. {r.Questions[i]}\n");
        void Logs(string title, GovernanceLogRef[] logs, string date)
        {
            s.Append(CultureInfo.InvariantCulture, $"\n## {title} ({logs.Length})\n\n");
            foreach (var l in logs) s.Append(CultureInfo.InvariantCulture, $"- {l.Id}: {l.Title} ({date} {Text(l.Date)})\n");
            if (logs.Length == 0) s.Append("None.\n");
        }
        void Actions(string title, GovernanceActionRef[] actions, bool completed = false)
        {
            s.Append(CultureInfo.InvariantCulture, $"\n## {title} ({actions.Length})\n\n");
            foreach (var a in actions)
            {
                var date = completed ? a.Completed : a.Due;
                s.Append(CultureInfo.InvariantCulture, $"- {a.Log} {a.Id}: {a.Description} ({a.State}{(date is null ? "" : (completed ? ", completed " : ", due ") + Text(date))})\n");
            }
            if (actions.Length == 0) s.Append("None.\n");
        }
        Logs("Learning logs opened", r.LogsOpened, "identified");
        Logs("Learning logs closed", r.LogsClosed, "closed");
        Logs("Learning logs still open", r.LogsOpen, "identified");
        Logs("Monitored logs past their review date", r.ReviewOverdueLogs, "review was due");
        Logs("Open logs not yet reviewed by governance", r.OpenWithoutGovernance, "identified");
        Actions("Actions overdue", r.ActionsOverdue);
        Actions("Actions due in the period", r.ActionsDue);
        Actions("Actions done in the period", r.ActionsDone, completed: true);
        Actions("Actions dropped", r.ActionsDropped);
        s.Append(CultureInfo.InvariantCulture, $"\n## Effectiveness reviews done ({r.ReviewsDone.Length})\n\n");
        foreach (var v in r.ReviewsDone) s.Append(CultureInfo.InvariantCulture, $"- {v.Log} {v.Action}: {v.Decision} ({Text(v.Date)})\n");
        if (r.ReviewsDone.Length == 0) s.Append("None.\n");
        Actions("Actions due an effectiveness review", r.ReviewsDue, completed: true);
        s.Append(CultureInfo.InvariantCulture, $"\n## Measures with a special-cause signal ({r.Signals.Length})\n\n");
        foreach (var g in r.Signals) s.Append(CultureInfo.InvariantCulture, $"- {g.Title}, {g.Label}: {g.Signal} ({g.Cause})\n");
        if (r.Signals.Length == 0) s.Append("None.\n");
        s.Append(CultureInfo.InvariantCulture, $"\n## Pitfall findings still open ({r.Findings.Length})\n\n");
        foreach (var f in r.Findings) s.Append(CultureInfo.InvariantCulture, $"- {f.Log} {f.Code}: {f.Message}\n");
        if (r.Findings.Length == 0) s.Append("None.\n");
        s.Append(CultureInfo.InvariantCulture, $"\n## Themes (recurrence window {r.WindowDays} days)\n\n| Work-system area | Logs | Factors | Actions | System changes | Recurring |\n| --- | --- | ---: | ---: | ---: | --- |\n");
        foreach (var t in r.Themes)
            s.Append(CultureInfo.InvariantCulture, $"| {t.Label} | {string.Join(", ", t.Logs)} | {t.Factors} | {t.Actions} | {t.SystemChanges} | {(t.Recurring ? "Recurring" : "No")} |\n");
        s.Append("\n| Quality statement | Logs | Actions | System changes | Recurring |\n| --- | --- | ---: | ---: | --- |\n");
        foreach (var t in r.StatementThemes)
            s.Append(CultureInfo.InvariantCulture, $"| {t.Label} | {string.Join(", ", t.Logs)} | {t.Actions} | {t.SystemChanges} | {(t.Recurring ? "Recurring" : "No")} |\n");
        return s.ToString();
    }
}
