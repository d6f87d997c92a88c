using System.Globalization;
using CqcGuide.Rules.Domain;
using CqcGuide.Rules.LearningLogs;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Governance;

/// <summary>A <c>learning-governance</c> report as its page shows it: labels, links and dates; no decision of its own.</summary>
public static class GovernanceReportViews
{
    private static DateView? Day(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? DateView.Of(d) : null;

    private static string LogUrl(SiteIndex site, string id) => site.Href($"/journal/{id}/");

    private static GovernanceRowView LogRow(SiteIndex site, GovernanceLogRef l, string dateLabel) =>
        new() { Link = new LinkView { Title = l.Title, Url = LogUrl(site, l.Id) }, Detail = l.Id, Date = Day(l.Date), DateLabel = dateLabel };

    private static GovernanceRowView ActionRow(SiteIndex site, GovernanceActionRef a, bool completed = false) => new()
    {
        Link = new LinkView { Title = $"{a.Id}: {a.Description}", Url = LogUrl(site, a.Log) + "#action-" + a.Id },
        Detail = a.LogTitle + (a.Systemic ? " · system change" : ""),
        Date = Day(completed ? a.Completed : a.Due), DateLabel = completed ? "Completed" : "Due",
        State = StateTag.Label(a.State),
        StateClass = StateTag.ClassOf(a.State),
    };

    private static GovernanceThemeView ThemeOf(SiteIndex site, GovernanceTheme t, bool statement)
    {
        var s = statement ? Framework.FindStatement(t.Key) : null;
        return new()
        {
            Label = s is null ? t.Label : $"{Framework.FindKeyQuestion(s.KeyQuestionId)!.Name}: {s.Name}",
            Url = s is null ? null : site.Href($"/journal/evidence/{s.Id}/"),
            Logs = t.Logs.Select(id => new LinkView { Title = id, Url = LogUrl(site, id) }).ToArray(),
            Factors = t.Factors, Actions = t.Actions, SystemChanges = t.SystemChanges, Recurring = t.Recurring, NoSystemChange = t.NoSystemChange, First = Day(t.First), Last = Day(t.Last),
        };
    }

    /// <summary>The report in figures, in the order the page's summary and the CLI's meeting paper show them.</summary>
    public static IReadOnlyList<(string Group, string Label, int Count, string Anchor)> Figures(GovernanceReport r) =>
    [
        ("Learning logs", "Opened", r.LogsOpened.Length, "logs-opened"), ("Learning logs", "Closed", r.LogsClosed.Length, "logs-closed"),
        ("Learning logs", "Still open", r.LogsOpen.Length, "logs-open"), ("Learning logs", "Past their review date", r.ReviewOverdueLogs.Length, "logs-review-overdue"),
        ("Learning logs", "Not yet reviewed by governance", r.OpenWithoutGovernance.Length, "logs-no-governance"),
        ("Actions", "Overdue", r.ActionsOverdue.Length, "actions-overdue"), ("Actions", "Due", r.ActionsDue.Length, "actions-due"),
        ("Actions", "Done", r.ActionsDone.Length, "actions-done"), ("Actions", "Dropped", r.ActionsDropped.Length, "actions-dropped"),
        ("Effectiveness reviews", "Done", r.ReviewsDone.Length, "reviews-done"), ("Effectiveness reviews", "Due", r.ReviewsDue.Length, "reviews-due"),
        ("Measures", "Special-cause signals", r.Signals.Length, "signals"), ("Pitfall findings", "Still open", r.Findings.Length, "findings"),
    ];

    public static GovernanceReportView Of(SiteIndex site, GovernanceReport r, string service, GovernancePeriod? period)
    {
        GovernanceListView List(string id, string title, string empty, IEnumerable<GovernanceRowView> rows, string? hint = null) =>
            new() { Id = id, Title = title, Empty = empty, Hint = hint, Rows = rows.ToArray() };
        var lists = new[]
        {
            List("logs-opened", "Learning logs opened", "No learning log was opened in this period.", r.LogsOpened.Select(l => LogRow(site, l, "Identified"))),
            List("logs-closed", "Learning logs closed", "No learning log was closed in this period.", r.LogsClosed.Select(l => LogRow(site, l, "Closed")),
                "A closed log counts as closed on the last date in its record: its latest effectiveness review, completed action or governance review."),
            List("logs-open", "Learning logs still open", "No learning log is open.", r.LogsOpen.Select(l => LogRow(site, l, "Identified"))),
            List("logs-review-overdue", "Monitored logs past their review date", "No monitored log is past its review date.", r.ReviewOverdueLogs.Select(l => LogRow(site, l, "Review was due"))),
            List("logs-no-governance", "Open logs not yet reviewed by governance", "Every open log has had a governance review.", r.OpenWithoutGovernance.Select(l => LogRow(site, l, "Identified"))),
            List("actions-overdue", "Actions overdue", "No action is overdue.", r.ActionsOverdue.Select(a => ActionRow(site, a))),
            List("actions-due", "Actions due in the period", "No action fell due in this period.", r.ActionsDue.Select(a => ActionRow(site, a))),
            List("actions-done", "Actions done in the period", "No action was finished in this period.", r.ActionsDone.Select(a => ActionRow(site, a, completed: true))),
            List("actions-dropped", "Actions dropped", "No action was dropped.", r.ActionsDropped.Select(a => ActionRow(site, a)),
                "The format records no date for dropping an action: it counts in the period it was due, or, with no due date, the period its log was identified in."),
            List("reviews-done", "Effectiveness reviews done", "No effectiveness review was recorded in this period.", r.ReviewsDone.Select(v => new GovernanceRowView
            {
                Link = new LinkView { Title = $"Action {v.Action} of {v.LogTitle}", Url = LogUrl(site, v.Log) + "#action-" + v.Action },
                Detail = LogFormat.TryParse<ReviewDecision>(v.Decision, out var decision) ? LogFormat.Label(decision) : v.Decision, Date = Day(v.Date), DateLabel = "Reviewed",
            })),
            List("reviews-due", "Actions due an effectiveness review", "No finished action is waiting for an effectiveness review.", r.ReviewsDue.Select(a => ActionRow(site, a, completed: true)),
                "Finished actions with no review yet, and finished actions whose log's next review falls within 30 days."),
            List("signals", "Measures with a special-cause signal", "No measure showed special cause variation in this period.", r.Signals.Select(s => new GovernanceRowView
            {
                Link = new LinkView { Title = s.Title, Url = site.Href($"/measures/{s.Measure}/") }, Detail = s.Cause, DateLabel = s.Label,
                State = s.Signal switch { "improvement" => "Improvement", "concern" => "Concern", _ => "Special cause" },
                StateClass = s.Signal switch { "improvement" => "tag--done", "concern" => "tag--overdue", _ => "tag--grey" },
            })),
            List("findings", "Pitfall findings still open", "No open log has an unacknowledged pitfall finding.", r.Findings.Select(f => new GovernanceRowView
            {
                Link = new LinkView { Title = f.LogTitle, Url = LogUrl(site, f.Log) + "#findings" }, Detail = $"{f.Code}: {f.Message}",
            })),
        };
        var counts = Figures(r).Select(c => new GovernanceCountView { Group = c.Group, Label = c.Label, Count = c.Count, Anchor = c.Anchor }).ToArray();
        var asOf = Day(r.AsOf)!;
        return new GovernanceReportView
        {
            Service = service, AsOf = asOf, WindowDays = r.WindowDays,
            Period = period is null ? null : new GovernancePeriodView { Title = period.Title, From = DateView.Of(period.From), To = DateView.Of(period.To) },
            Partial = period is not null && asOf.Iso != LearningGovernance.Date(period.To),
            Counts = period is null ? [] : counts, Lists = period is null ? [] : lists, Questions = period is null ? [] : r.Questions,
            Themes = r.Themes.Select(t => ThemeOf(site, t, false)).ToArray(),
            StatementThemes = r.StatementThemes.Select(t => ThemeOf(site, t, true)).OrderByDescending(t => t.Logs.Count).ThenBy(t => t.Label, StringComparer.Ordinal).ToArray(),
            ThemesUrl = site.Href("/governance/themes/"), TrackerUrl = site.Href("/journal/actions/"), IndexUrl = site.Href("/governance/"),
        };
    }
}
