using System.Globalization;
using System.Text.Json;
using CqcGuide.Rules.ScoringModels;
using F = CqcGuide.Rules.LearningLogs.LogFormat;

namespace CqcGuide.Rules.LearningLogs;

// The JSON contract of the governance model (camelCase). Dates are YYYY-MM-DD strings, compared as day numbers;
// enumerations are the kebab-case values of LogFormat.

/// <summary>What a governance report reads: a period, the day it is read on, the published logs and the measures.</summary>
/// <param name="From">The period's first day.</param>
/// <param name="To">The period's last day.</param>
/// <param name="Today">The day the report is made: a period that has not ended is read as at today.</param>
/// <param name="WindowDays">How close in time two logs must be for a shared theme to count as recurring.</param>
public sealed record GovernanceInput(string From, string To, string Today, int WindowDays, GovernanceLog[] Logs, GovernanceMeasure[] Measures)
{
    /// <summary>Reads an input from JSON (camelCase). Throws <see cref="JsonException"/> on malformed input.</summary>
    public static GovernanceInput FromJson(string json) =>
        JsonSerializer.Deserialize<GovernanceInput>(json, RulesJson.Options) ?? throw new JsonException("A governance input must be a JSON object.");
}

/// <summary>A published learning log as governance reads it.</summary>
/// <param name="GovernanceReviewed">The date of its governance review, or null.</param>
/// <param name="TeachingExample">A log written to show a pitfall: never counted.</param>
/// <param name="OpenFindings">Its pitfall-checklist findings that nobody has acknowledged.</param>
public sealed record GovernanceLog(
    string Id, string Title, string Status, string Identified, string? NextReview, string? GovernanceReviewed, bool TeachingExample,
    string[] Statements, GovernanceFactor[] Factors, GovernanceAction[] Actions, GovernanceFinding[] OpenFindings);

public sealed record GovernanceFactor(string Id, string Area, bool Systemic);

public sealed record GovernanceAction(
    string Id, string Description, string Status, string? Kind, string? Due, string? Completed, string[] Addresses, GovernanceReview[] Reviews);

public sealed record GovernanceReview(string Date, string Decision);

public sealed record GovernanceFinding(string Code, string Message);

/// <summary>A measure: its points, each with the first and last day of its period and what the SPC rules found.</summary>
public sealed record GovernanceMeasure(string Id, string Title, GovernancePoint[] Points);

/// <param name="Signal">improvement, concern or neutral for a special-cause point; empty for common cause.</param>
public sealed record GovernancePoint(string Period, string Label, string Start, string End, string Signal, string Cause);

/// <summary>One action of one log, read as at a day.</summary>
public sealed record GovernanceActionAt(GovernanceLog Log, GovernanceAction Action, string AsOf);

/// <summary>What decides the state of an action or a plan item on a day: its status, due and completion dates, and the day.</summary>
public sealed record DatedStatus(string Status, string? Due, string? Completed, string AsOf);

/// <summary>The logs a thematic review looks across, and the recurrence window.</summary>
public sealed record GovernanceScope(GovernanceLog[] Logs, int WindowDays);

/// <summary>A date and a period, as day numbers (days since 1970-01-01).</summary>
public sealed record GovernanceDateIn(string? Date, int From, int To);

/// <summary>What a report looks at (report-frame): the period and the day as day numbers, the logs in scope, those open, every action, the thematic scope.</summary>
public sealed record GovernanceFrame(string From, string To, int FromDay, int ToDay, int AsOfDay, string AsOf, int WindowDays,
    GovernanceLog[] Logs, GovernanceLog[] Open, GovernanceActionAt[] Actions, GovernanceScope Scope, GovernanceMeasure[] Measures);

/// <summary>The lists a report needs more than once, computed once.</summary>
public sealed record GovernanceParts(GovernanceFrame Frame, GovernanceActionRef[] Overdue, GovernanceActionRef[] ReviewsDue,
    GovernanceLogRef[] ReviewOverdueLogs, GovernanceLogRef[] OpenWithoutGovernance, GovernanceSignalRef[] Signals, GovernanceFindingRef[] Findings,
    GovernanceTheme[] Themes, GovernanceTheme[] StatementThemes);

/// <summary>One theme's logs and the actions that answer it, before the theme rule reads them.</summary>
public sealed record GovernanceThemeInput(string Key, string Label, GovernanceLog[] Logs, int Factors, GovernanceAction[] Actions, int WindowDays);

/// <summary>What the meeting looks at: the counts the questions are asked from.</summary>
public sealed record GovernanceQuestionsInput(
    GovernanceActionRef[] Overdue, GovernanceActionRef[] ReviewsDue, GovernanceLogRef[] ReviewOverdueLogs, GovernanceSignalRef[] Signals,
    GovernanceTheme[] Themes, GovernanceFindingRef[] Findings, GovernanceLogRef[] OpenWithoutGovernance);

/// <summary>A governance report for one period (see <see cref="LearningGovernance"/>).</summary>
/// <param name="AsOf">The day statuses are read on: the period's last day, or today when the period has not ended.</param>
public sealed record GovernanceReport(
    string From, string To, string AsOf, int WindowDays,
    GovernanceLogRef[] LogsOpened, GovernanceLogRef[] LogsClosed, GovernanceLogRef[] LogsOpen, GovernanceLogRef[] ReviewOverdueLogs,
    GovernanceLogRef[] OpenWithoutGovernance,
    GovernanceActionRef[] ActionsDue, GovernanceActionRef[] ActionsDone, GovernanceActionRef[] ActionsOverdue, GovernanceActionRef[] ActionsDropped,
    GovernanceReviewRef[] ReviewsDone, GovernanceActionRef[] ReviewsDue,
    GovernanceSignalRef[] Signals, GovernanceFindingRef[] Findings, GovernanceTheme[] Themes, GovernanceTheme[] StatementThemes, string[] Questions);

/// <param name="Date">The date that puts the log in its list: identified, closed, or the next review.</param>
public sealed record GovernanceLogRef(string Id, string Title, string Date);

public sealed record GovernanceActionRef(string Log, string LogTitle, string Id, string Description, string State, string? Due, string? Completed, bool Systemic);

public sealed record GovernanceReviewRef(string Log, string LogTitle, string Action, string Date, string Decision);

public sealed record GovernanceSignalRef(string Measure, string Title, string Period, string Label, string Signal, string Cause);

public sealed record GovernanceFindingRef(string Log, string LogTitle, string Code, string Message);

/// <summary>A theme across logs: a work-system area (SEIPS) or a quality statement.</summary>
/// <param name="Key">The area's value or the statement's id.</param>
/// <param name="Logs">The ids of the logs it comes up in.</param>
/// <param name="Factors">How many contributory factors fall in it (areas) or 0 (statements).</param>
/// <param name="Recurring">It comes up in two or more logs identified within the window of each other.</param>
/// <param name="Actions">Actions (not dropped) answering it.</param>
/// <param name="SystemChanges">Of those, the actions that change the system (kind: system-change).</param>
/// <param name="NoSystemChange">It recurs and no action answering it changes the system: the meeting should ask why.</param>
public sealed record GovernanceTheme(string Key, string Label, string[] Logs, int Factors, bool Recurring, int Actions, int SystemChanges, string First, string Last, bool NoSystemChange);

/// <summary>
/// Governance across the learning journal: the state of every action and log as at a day, a report per period (logs
/// opened, closed and open; actions due, done, overdue and dropped; effectiveness reviews done and due; special-cause
/// signals in the measures; open pitfall findings), the thematic review (recurring work-system areas and quality
/// statements across logs) and the questions the meeting should ask. CqcGuide's own model, not a CQC method.
/// </summary>
public sealed class LearningGovernance : RuleModel
{
    public const string ModelId = "learning-governance";
    public const string ModelVersion = "1.0.1";

    public const string Open = "open";
    public const string Overdue = "overdue";
    public const string Done = "done";
    public const string Dropped = "dropped";

    /// <summary>A review is due when the log's next review falls within this many days.</summary>
    public const int ReviewNoticeDays = 30;

    /// <summary>The recurrence window when the site does not set one.</summary>
    public const int DefaultWindowDays = 365;

    private static readonly RuleSource[] Own = [Sources.LearningLogFormat];
    private static readonly RuleSource[] Psirf = [Sources.PsirfToolkit, Sources.LearningLogFormat];

    private static readonly string[] AreaValues = F.WorkSystemAreas.All.Select(o => o.Value).ToArray();
    private static readonly string[] AreaLabels = F.WorkSystemAreas.All.Select(o => o.Label).ToArray();

    public static readonly Rule<DatedStatus, string> StateOn = new(
        "state-on",
        RuleKind.OwnMethod,
        """
        The state of something planned on a day: dropped when it was dropped (no date is recorded for that); done when
        it is done and was completed on or before the day; otherwise overdue when its due date is before the day, and
        open when it is not. So a task finished in October was still open, or overdue, at the end of September. Log
        actions (action-state) and improvement-plan items use this one rule.
        """,
        Own,
        c => c.Status == F.ActionStatuses.Dropped.Value ? Dropped
            : Expr.Let<int?, string>(Expr.DayNumber(c.AsOf), asOf => Expr.Let<int?, string>(Expr.DayNumber(c.Completed), completed =>
                c.Status == F.ActionStatuses.Done.Value && (!completed.HasValue || !asOf.HasValue || completed.Value <= asOf.Value) ? Done
                : Expr.Let<int?, string>(Expr.DayNumber(c.Due), due => due.HasValue && asOf.HasValue && due.Value < asOf.Value ? Overdue : Open))));

    public static readonly Rule<GovernanceActionAt, string> ActionState = new(
        "action-state",
        RuleKind.OwnMethod,
        "A log action's state on a day, by state-on: dropped, done (completed on or before the day), overdue or open.",
        Own,
        c => StateOn.Evaluate(new DatedStatus(c.Action.Status, c.Action.Due, c.Action.Completed, c.AsOf)));

    public static readonly Rule<GovernanceActionAt, bool> ReviewDue = new(
        "review-due",
        RuleKind.OwnMethod,
        """
        A finished action is due an effectiveness review on a day when it has none dated on or before that day, or when
        its log is being monitored and the log's next review falls within 30 days. Checking that a change worked, not
        only that it was made, is what turns an action into learning.
        """,
        [Sources.FirstCommunityPsirp, Sources.LearningLogFormat],
        c => ActionState.Evaluate(c) == Done
            && Expr.Let(Expr.DayNumber(c.AsOf), asOf =>
                !c.Action.Reviews.Any(r => Expr.Let(Expr.DayNumber(r.Date), d => d.HasValue && asOf.HasValue && d.Value <= asOf.Value))
                || Expr.Let(Expr.DayNumber(c.Log.NextReview), next =>
                    c.Log.Status == F.Statuses.Monitoring.Value && next.HasValue && asOf.HasValue && next.Value <= asOf.Value + ReviewNoticeDays)));

    public static readonly Rule<GovernanceDateIn, bool> InPeriod = new(
        "in-period",
        RuleKind.OwnMethod,
        "A date falls in a period when it is a real date on or after the period's first day and on or before its last; a missing date falls in none.",
        Own,
        d => Expr.Let(Expr.DayNumber(d.Date), day => day.HasValue && day.Value >= d.From && day.Value <= d.To));

    public static readonly Rule<GovernanceLog, string?> ClosedOn = new(
        "closed-on",
        RuleKind.OwnMethod,
        """
        The day a closed log counts as closed: the latest date in its record of effectiveness reviews, completed actions
        and governance review (a log can be closed only once an action has been reviewed, so this is when the last
        check was made). The format has no closing date of its own. A log that is not closed has none.
        """,
        Own,
        l => l.Status == F.Statuses.Closed.Value
            ? Expr.Let(
                l.Actions.SelectMany(a => a.Reviews.Select(r => r.Date))
                    .Concat(l.Actions.Where(a => !string.IsNullOrEmpty(a.Completed)).Select(a => a.Completed!))
                    .Concat(string.IsNullOrEmpty(l.GovernanceReviewed) ? new string[0] : new[] { l.GovernanceReviewed })
                    .Where(d => Expr.DayNumber(d).HasValue).ToArray(),
                dates => dates.Length == 0 ? l.Identified
                    : Expr.Let(dates.Max(d => Expr.DayNumber(d)!.Value), last => dates.FirstOrDefault(d => Expr.DayNumber(d) == last)))
            : null);

    public static readonly Rule<GovernanceActionAt, GovernanceActionRef> ActionRef = new(
        "action-ref",
        RuleKind.OwnMethod,
        "An action as a report lists it: its log, its description, its state on the report's day (action-state), its dates, and whether it changes the system.",
        Own,
        c => new GovernanceActionRef(c.Log.Id, c.Log.Title, c.Action.Id, c.Action.Description, ActionState.Evaluate(c), c.Action.Due, c.Action.Completed,
            c.Action.Kind == F.ActionKinds.SystemChange.Value));

    public static readonly Rule<GovernanceThemeInput, GovernanceTheme> Theme = new(
        "theme",
        RuleKind.OwnMethod,
        """
        One theme across logs: the logs it comes up in, when it was first and last identified, the actions answering
        it and how many of them change the system (kind: system-change). It is recurring when two of its logs were
        identified within the window of each other, and flagged when it recurs and no action answering it changes the
        system.
        """,
        Psirf,
        t => Expr.Let(t.Logs.Select(l => Expr.DayNumber(l.Identified) ?? 0).ToArray(), days =>
            Expr.Let(days.Select((a, i) => days.Select((b, j) => j != i && Math.Abs(a - b) <= t.WindowDays).Any(r => r)).Any(r => r), recurring =>
            new GovernanceTheme(t.Key, t.Label, t.Logs.Select(l => l.Id).ToArray(), t.Factors,
                recurring,
                t.Actions.Length,
                t.Actions.Count(a => a.Kind == F.ActionKinds.SystemChange.Value),
                days.Length == 0 ? "" : Expr.Let(days.Min(), d => t.Logs.Select((l, i) => days[i] == d ? l.Identified : "").FirstOrDefault(v => v != "") ?? ""),
                days.Length == 0 ? "" : Expr.Let(days.Max(), d => t.Logs.Select((l, i) => days[i] == d ? l.Identified : "").FirstOrDefault(v => v != "") ?? ""),
                recurring && !t.Actions.Any(a => a.Kind == F.ActionKinds.SystemChange.Value)))));

    public static readonly Rule<GovernanceScope, GovernanceTheme[]> AreaThemes = new(
        "area-themes",
        RuleKind.OwnMethod,
        """
        The thematic review by work-system area (SEIPS: person, tasks, tools and technology, organisation, internal and
        external environment): for each area, the logs with a contributory factor in it, how many factors, and the actions
        (not dropped) that answer those factors, of which how many change the system (kind: system-change). An area is
        recurring when it comes up in two or more logs identified within the window (365 days unless the site sets
        another) of each other: a pattern that one log on its own cannot show. Teaching examples are left out.
        """,
        Psirf,
        s => AreaValues.Select((area, i) => Expr.Let(
                s.Logs.Where(l => !l.TeachingExample && l.Factors.Any(f => f.Area == area)).ToArray(), logs =>
                Expr.Let(logs.SelectMany(l => l.Actions.Where(a => a.Status != F.ActionStatuses.Dropped.Value
                        && a.Addresses.Any(id => l.Factors.Any(f => f.Id == id && f.Area == area)))).ToArray(), actions =>
                    Theme.Evaluate(new GovernanceThemeInput(area, AreaLabels[i], logs, logs.Sum(l => l.Factors.Count(f => f.Area == area)), actions, s.WindowDays)))))
            .Where(t => t.Logs.Length > 0).ToArray());

    public static readonly Rule<GovernanceScope, GovernanceTheme[]> StatementThemes = new(
        "statement-themes",
        RuleKind.OwnMethod,
        """
        The thematic review by quality statement: for each statement the logs name, those logs, their actions (not
        dropped) and how many change the system. A statement is recurring under the same window as an area.
        Teaching examples are left out.
        """,
        Psirf,
        s => s.Logs.Where(l => !l.TeachingExample).SelectMany(l => l.Statements).Distinct().Select(statement => Expr.Let(
                s.Logs.Where(l => !l.TeachingExample && l.Statements.Contains(statement)).ToArray(), logs =>
                Expr.Let(logs.SelectMany(l => l.Actions.Where(a => a.Status != F.ActionStatuses.Dropped.Value)).ToArray(), actions =>
                    Theme.Evaluate(new GovernanceThemeInput(statement, statement, logs, 0, actions, s.WindowDays)))))
            .ToArray());

    public static readonly Rule<GovernanceQuestionsInput, string[]> Questions = new(
        "meeting-questions",
        RuleKind.OwnMethod,
        """
        The questions the governance meeting should ask, from what the report found, in this order: overdue actions
        (what is stopping them), finished actions without an effectiveness review (when and how will they be checked),
        monitored logs whose review date has passed, each measure with special-cause concern (what changed) or improvement
        (is the change written down so it lasts) in the period, recurring themes (is there a common cause one log cannot see,
        and, where no action changes the system, why not), pitfall findings still open, and open logs that have not
        yet been to a governance meeting. When there is nothing to chase, one question: what would show that the
        changes are still working?
        """,
        [Sources.LearningFromFailure, Sources.LearningLogFormat],
        q => (q.Overdue.Length > 0
                ? new[] { q.Overdue.Length.ToString(CultureInfo.InvariantCulture) + (q.Overdue.Length == 1 ? " action is" : " actions are") + " overdue (" + string.Join(", ", q.Overdue.Select(a => a.Log + " " + a.Id)) + "): what is stopping " + (q.Overdue.Length == 1 ? "it" : "each") + ", who will unblock " + (q.Overdue.Length == 1 ? "it" : "them") + ", and does the due date still hold?" }
                : new string[0])
            .Concat(q.ReviewsDue.Length > 0
                ? new[] { q.ReviewsDue.Length.ToString(CultureInfo.InvariantCulture) + (q.ReviewsDue.Length == 1 ? " finished action is" : " finished actions are") + " due an effectiveness review (" + string.Join(", ", q.ReviewsDue.Select(a => a.Log + " " + a.Id)) + "), with no review yet or with its log's next review within 30 days: when will " + (q.ReviewsDue.Length == 1 ? "it" : "each") + " be checked, and against which measure?" }
                : new string[0])
            .Concat(q.ReviewOverdueLogs.Length > 0
                ? new[] { q.ReviewOverdueLogs.Length.ToString(CultureInfo.InvariantCulture) + (q.ReviewOverdueLogs.Length == 1 ? " log being monitored is" : " logs being monitored are") + " past " + (q.ReviewOverdueLogs.Length == 1 ? "its" : "their") + " review date (" + string.Join(", ", q.ReviewOverdueLogs.Select(l => l.Id)) + "): is the change still working, and who will say so?" }
                : new string[0])
            .Concat(q.Signals.Select(s => s.Measure).Distinct().SelectMany(id => Expr.Let(q.Signals.Where(s => s.Measure == id).ToArray(), mine =>
                (mine.Any(s => s.Signal == "concern")
                    ? new[] { mine[0].Title + " shows special cause concern in " + string.Join(", ", mine.Where(s => s.Signal == "concern").Select(s => s.Label)) + ": what changed in the work, and is a learning log open for it?" }
                    : new string[0])
                .Concat(mine.Any(s => s.Signal == "improvement")
                    ? new[] { mine[0].Title + " shows special cause improvement in " + string.Join(", ", mine.Where(s => s.Signal == "improvement").Select(s => s.Label)) + ": is the change behind it written down and part of how the work is done, so that it lasts?" }
                    : new string[0]))))
            .Concat(q.Themes.Where(t => t.Recurring).Select(t => t.Label + " comes up in " + t.Logs.Length.ToString(CultureInfo.InvariantCulture) + " logs (" + string.Join(", ", t.Logs) + "): is there a common cause that no single log can see?"
                + (t.NoSystemChange ? " None of the actions answering it changes the system: why not?" : "")))
            .Concat(q.Findings.Length > 0
                ? new[] { q.Findings.Length.ToString(CultureInfo.InvariantCulture) + (q.Findings.Length == 1 ? " pitfall finding is" : " pitfall findings are") + " still open in the logs: which will the team put right before the next meeting?" }
                : new string[0])
            .Concat(q.OpenWithoutGovernance.Length > 0
                ? new[] { q.OpenWithoutGovernance.Length.ToString(CultureInfo.InvariantCulture) + (q.OpenWithoutGovernance.Length == 1 ? " open log has" : " open logs have") + " not been to a governance meeting yet (" + string.Join(", ", q.OpenWithoutGovernance.Select(l => l.Id)) + "): which will this meeting review?" }
                : new string[0])
            .Concat(q.Overdue.Length == 0 && q.ReviewsDue.Length == 0 && q.ReviewOverdueLogs.Length == 0 && !q.Signals.Any(s => s.Signal == "concern")
                    && !q.Themes.Any(t => t.Recurring) && q.Findings.Length == 0 && q.OpenWithoutGovernance.Length == 0
                ? new[] { "Nothing is overdue or unreviewed. What would show the meeting that the changes made are still working?" }
                : new string[0])
            .ToArray());

    public static readonly Rule<GovernanceInput, GovernanceFrame> Frame = new(
        "report-frame",
        RuleKind.OwnMethod,
        """
        What a report looks at. The day it reads statuses on is the period's last day, or today when the period has not
        ended. The logs are those identified by that day, teaching examples left out (none for a period that has not
        started yet: there is nothing to report); a log is open on that day unless
        it was closed on or before it (closed-on). The thematic review looks at the logs identified up to that day and
        no earlier than one window before the period starts.
        """,
        Own,
        x => Expr.Let<int, GovernanceFrame>(Expr.DayNumber(x.From) ?? 0, from => Expr.Let<int, GovernanceFrame>(Expr.DayNumber(x.To) ?? 0, to =>
            Expr.Let<int, GovernanceFrame>(Expr.DayNumber(x.Today) ?? to, today =>
            Expr.Let<GovernanceLog[], GovernanceFrame>(
                today < from ? new GovernanceLog[0] : x.Logs.Where(l => !l.TeachingExample && (Expr.DayNumber(l.Identified) ?? 0) <= (today < to ? today : to)).ToArray(), logs =>
                new GovernanceFrame(x.From, x.To, from, to, today < to ? today : to, today < to ? x.Today : x.To, x.WindowDays, logs,
                    logs.Where(l => !InPeriod.Evaluate(new GovernanceDateIn(ClosedOn.Evaluate(l), int.MinValue, today < to ? today : to))).ToArray(),
                    logs.SelectMany(l => l.Actions.Select(a => new GovernanceActionAt(l, a, today < to ? x.Today : x.To))).ToArray(),
                    new GovernanceScope(logs.Where(l => (Expr.DayNumber(l.Identified) ?? 0) >= from - x.WindowDays).ToArray(), x.WindowDays),
                    x.Measures))))));

    public static readonly Rule<GovernanceParts, GovernanceReport> Assemble = new(
        "report-lists",
        RuleKind.OwnMethod,
        "The report's lists, each in the order of the logs and their actions, and the meeting's questions from them.",
        Own,
        p => new GovernanceReport(p.Frame.From, p.Frame.To, p.Frame.AsOf, p.Frame.WindowDays,
            p.Frame.Logs.Where(l => InPeriod.Evaluate(new GovernanceDateIn(l.Identified, p.Frame.FromDay, p.Frame.ToDay)))
                .Select(l => new GovernanceLogRef(l.Id, l.Title, l.Identified)).ToArray(),
            p.Frame.Logs.Where(l => InPeriod.Evaluate(new GovernanceDateIn(ClosedOn.Evaluate(l), p.Frame.FromDay, p.Frame.ToDay)))
                .Select(l => new GovernanceLogRef(l.Id, l.Title, ClosedOn.Evaluate(l)!)).ToArray(),
            p.Frame.Open.Select(l => new GovernanceLogRef(l.Id, l.Title, l.Identified)).ToArray(),
            p.ReviewOverdueLogs,
            p.OpenWithoutGovernance,
            p.Frame.Actions.Where(c => InPeriod.Evaluate(new GovernanceDateIn(c.Action.Due, p.Frame.FromDay, p.Frame.ToDay))).Select(c => ActionRef.Evaluate(c)).ToArray(),
            p.Frame.Actions.Where(c => c.Action.Status == F.ActionStatuses.Done.Value && InPeriod.Evaluate(new GovernanceDateIn(c.Action.Completed, p.Frame.FromDay, p.Frame.ToDay)))
                .Select(c => ActionRef.Evaluate(c)).ToArray(),
            p.Overdue,
            p.Frame.Actions.Where(c => c.Action.Status == F.ActionStatuses.Dropped.Value
                    && InPeriod.Evaluate(new GovernanceDateIn(string.IsNullOrEmpty(c.Action.Due) ? c.Log.Identified : c.Action.Due, p.Frame.FromDay, p.Frame.ToDay)))
                .Select(c => ActionRef.Evaluate(c)).ToArray(),
            p.Frame.Actions.SelectMany(c => c.Action.Reviews.Where(r => InPeriod.Evaluate(new GovernanceDateIn(r.Date, p.Frame.FromDay, p.Frame.ToDay)))
                .Select(r => new GovernanceReviewRef(c.Log.Id, c.Log.Title, c.Action.Id, r.Date, r.Decision))).ToArray(),
            p.ReviewsDue,
            p.Signals,
            p.Findings,
            p.Themes,
            p.StatementThemes,
            Questions.Evaluate(new GovernanceQuestionsInput(p.Overdue, p.ReviewsDue, p.ReviewOverdueLogs, p.Signals, p.Themes, p.Findings, p.OpenWithoutGovernance))));

    public static readonly Rule<GovernanceInput, GovernanceReport> Report = new(
        "governance-report",
        RuleKind.OwnMethod,
        """
        A governance report for a period (report-frame says which logs and which day). Logs: opened (identified in the
        period), closed (closed-on in the period), open at the end, monitored logs whose next review has passed, and
        open logs with no governance review yet. Actions: due in the period, done in the period, overdue at the end
        (action-state), and dropped (counted in the period the action was due, or the log was identified when it had no
        due date). Effectiveness reviews dated in the period, and actions due one (review-due). Measures: each point of a
        period that ends within the report's period and is special cause. Pitfall findings nobody has acknowledged, in
        logs still open. The thematic review (area-themes, statement-themes), and the questions for the meeting
        (meeting-questions).
        """,
        Own,
        x => Expr.Let<GovernanceFrame, GovernanceReport>(Frame.Evaluate(x), f => Assemble.Evaluate(new GovernanceParts(f,
            f.Actions.Where(c => ActionState.Evaluate(c) == Overdue).Select(c => ActionRef.Evaluate(c)).ToArray(),
            f.Actions.Where(c => ReviewDue.Evaluate(c)).Select(c => ActionRef.Evaluate(c)).ToArray(),
            f.Open.Where(l => l.Status == F.Statuses.Monitoring.Value && InPeriod.Evaluate(new GovernanceDateIn(l.NextReview, int.MinValue, f.AsOfDay - 1)))
                .Select(l => new GovernanceLogRef(l.Id, l.Title, l.NextReview!)).ToArray(),
            f.Open.Where(l => string.IsNullOrEmpty(l.GovernanceReviewed)).Select(l => new GovernanceLogRef(l.Id, l.Title, l.Identified)).ToArray(),
            f.Measures.SelectMany(m => m.Points.Where(p => p.Signal != "" && InPeriod.Evaluate(new GovernanceDateIn(p.End, f.FromDay, f.ToDay)))
                .Select(p => new GovernanceSignalRef(m.Id, m.Title, p.Period, p.Label, p.Signal, p.Cause))).ToArray(),
            f.Open.SelectMany(l => l.OpenFindings.Select(o => new GovernanceFindingRef(l.Id, l.Title, o.Code, o.Message))).ToArray(),
            AreaThemes.Evaluate(f.Scope),
            StatementThemes.Evaluate(f.Scope)))));

    /// <summary>The report for a period.</summary>
    public static GovernanceReport ReportOf(GovernanceInput input) => Report.Evaluate(input);

    /// <summary>A date as the rules read it.</summary>
    public static string Date(DateOnly date) => LearningLogValidation.Date(date);

    public static LearningGovernance Instance => instance.Value;

    private static readonly Lazy<LearningGovernance> instance = new(() => new LearningGovernance());

    private LearningGovernance()
        : base(new ModelDescriptor
        {
            Id = ModelId,
            Version = ModelVersion,
            Title = "Learning governance",
            Summary = "CqcGuide's own model, not a CQC method: what a governance meeting needs from the learning journal — "
                + "which actions are open, overdue or done on a given day, which finished actions still need an effectiveness review, "
                + "when a closed log counts as closed, a report per period (logs, actions, reviews, special-cause signals in the measures, "
                + "open pitfall findings), the thematic review that flags work-system areas and quality statements recurring across logs, "
                + "and the questions the meeting should ask. The action tracker, the governance reports and the thematic review pages "
                + "all use these rules.",
            IsCqcMethod = false,
            Entry = new("report", Report),
            Rules = [Report, Frame, Assemble, ActionState, StateOn, ReviewDue, ClosedOn, InPeriod, ActionRef, AreaThemes, StatementThemes, Theme, Questions],
        })
    {
    }
}
