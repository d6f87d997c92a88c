using System.Globalization;
using System.Text.Json;
using CqcGuide.Rules.ScoringModels;
using F = CqcGuide.Rules.LearningLogs.LogFormat;

namespace CqcGuide.Rules.LearningLogs;

/// <summary>
/// The learning-log fields the validation reads. JSON (camelCase) is the contract with the draft form and the site
/// build. Enumerations are the kebab-case values of <see cref="LogFormat"/>; dates are <c>YYYY-MM-DD</c> strings
/// (null or empty when absent), compared as day numbers by the rules.
/// </summary>
/// <param name="Id">The log's id.</param>
/// <param name="FileSlug">The file's name without <c>.md</c> (the build), or null when there is no file yet (the draft form).</param>
/// <param name="Status">draft | learning-in-progress | actions-open | monitoring | closed</param>
/// <param name="EventType">incident | near-miss | risk | poor-outcome | good-care</param>
/// <param name="Occurred">As written: <c>YYYY-MM-DD</c>, or <c>YYYY-MM</c> when only the month is known.</param>
/// <param name="OccurredPrecision">day | month</param>
/// <param name="Identified">When the problem was identified.</param>
/// <param name="Harm">none | low | moderate | severe | fatal, or null when not graded.</param>
/// <param name="DutyOfCandour">The duty of candour decision, or null when none is recorded.</param>
/// <param name="NextReview">When effectiveness is next reviewed, if set.</param>
/// <param name="Today">The build's date (<c>--date</c> or <c>SOURCE_DATE_EPOCH</c>), or the browser's local date.</param>
public sealed record LogValidationInput(
    string Id,
    string? FileSlug,
    string Status,
    string EventType,
    string Occurred,
    string OccurredPrecision,
    string Identified,
    string? Harm,
    LogCandourInput? DutyOfCandour,
    LogValidationFactor[] Factors,
    LogValidationAction[] Actions,
    string? NextReview,
    string Today)
{
    /// <summary>Reads an input from JSON (camelCase). Throws <see cref="JsonException"/> on malformed input.</summary>
    public static LogValidationInput FromJson(string json) =>
        JsonSerializer.Deserialize<LogValidationInput>(json, RulesJson.Options) ?? throw new JsonException("A learning log must be a JSON object.");
}

/// <param name="Completed">When the written notification was sent, if recorded.</param>
public sealed record LogCandourInput(bool Applies, string? Completed, string? Reason);

public sealed record LogValidationFactor(string Id);

/// <param name="Addresses">The ids of the factors the action answers.</param>
/// <param name="Status">planned | in-progress | done | dropped</param>
/// <param name="Completed">When the action was completed, if recorded.</param>
public sealed record LogValidationAction(
    string Id,
    string[] Addresses,
    string Status,
    string? Completed,
    string? Evidence,
    string? DroppedReason,
    LogValidationReview[] Reviews);

/// <summary>An effectiveness review: only its date is validated.</summary>
public sealed record LogValidationReview(string Date);

/// <summary>
/// One problem with a learning log. <see cref="Path"/> is the front-matter key path the build reports it at
/// (<c>identified</c>, <c>actions[0].status</c>); <see cref="Message"/> and <see cref="Hint"/> are the build's wording.
/// </summary>
/// <param name="Code">LLV001…: which check raised it (the build reports every one as CG802).</param>
/// <param name="Severity">error | warning</param>
public sealed record LogIssue(string Code, string Severity, string Path, string Message, string? Hint);

/// <summary>One action of a log being checked, with its index and key path (<c>actions[2]</c>).</summary>
public sealed record LogActionContext(LogValidationInput Log, LogValidationAction Action, int Index, string Path);

/// <summary>
/// <c>learning-log-validation</c>: the errors and warnings that stop a learning log being published, exactly as the
/// build reports them and as the draft form shows them. Its JavaScript entry point is <c>validate(input)</c>; in .NET
/// call <see cref="Validate"/>. The module also exports the log format's option lists as <c>logFormat</c>.
/// Not checked here: YAML syntax and types (the parser), unknown quality statements (the site, with "did you mean"
/// hints) and personal data (the site).
/// </summary>
public sealed class LearningLogValidation : RuleModel
{
    public const string ModelId = "learning-log-validation";
    public const string ModelVersion = "1.0.0";

    public const string Error = "error";
    public const string Warning = "warning";

    private static readonly RuleSource[] Format = [Sources.LearningLogFormat];

    // Hint texts built from the format's own values, so they list exactly what a log may say.
    private static readonly string HarmHint = "add 'harm: " + string.Join(" | ", F.Harms.All.Select(h => h.Value)) + "'";

    public static readonly Rule<LogValidationInput, int?> OccurredStart = new(
        "occurred-start",
        RuleKind.OwnMethod,
        """
        The first day the event could have happened: the date itself when occurred is a full date (YYYY-MM-DD), the
        first day of the month when it is a month (YYYY-MM), and nothing when it is neither. Dates are compared as day
        numbers.
        """,
        Format,
        x => Expr.Let(Expr.DayNumber(x.Occurred), day =>
            day.HasValue ? day
            : x.Occurred != null && x.Occurred.Length == 7 ? Expr.DayNumber(x.Occurred + "-01")
            : null));

    public static readonly Rule<string?, bool> MalformedDate = new(
        "malformed-date",
        RuleKind.OwnMethod,
        "A date is malformed when it is given (not null or empty) but is not a real date written YYYY-MM-DD.",
        Format,
        s => !string.IsNullOrEmpty(s) && !Expr.DayNumber(s).HasValue);

    public static readonly Rule<LogValidationInput, LogIssue[]> DatesAreReal = new(
        "dates-are-real",
        RuleKind.OwnMethod,
        """
        LLV025: every date given (identified, the duty of candour's completion, each action's completion and review
        dates, next_review) must be a real date written YYYY-MM-DD. The build's YAML reader already refuses such a
        file, so this check only ever speaks in the draft form.
        """,
        Format,
        x => (MalformedDate.Evaluate(x.Identified) ? new[] { new LogIssue("LLV025", Error, "identified", "identified '" + x.Identified + "' is not a real date (YYYY-MM-DD)", null) } : new LogIssue[0])
            .Concat(x.DutyOfCandour != null && MalformedDate.Evaluate(x.DutyOfCandour.Completed)
                ? new[] { new LogIssue("LLV025", Error, "duty_of_candour.completed", "completed '" + x.DutyOfCandour.Completed + "' is not a real date (YYYY-MM-DD)", null) }
                : new LogIssue[0])
            .Concat(x.Actions.SelectMany((a, i) =>
                (MalformedDate.Evaluate(a.Completed)
                    ? new[] { new LogIssue("LLV025", Error, "actions[" + i.ToString(CultureInfo.InvariantCulture) + "].completed", "completed '" + a.Completed + "' is not a real date (YYYY-MM-DD)", null) }
                    : new LogIssue[0])
                .Concat(a.Reviews.SelectMany((r, k) => MalformedDate.Evaluate(r.Date)
                    ? new[]
                    {
                        new LogIssue("LLV025", Error, "actions[" + i.ToString(CultureInfo.InvariantCulture) + "].reviews[" + k.ToString(CultureInfo.InvariantCulture) + "].date",
                            "date '" + r.Date + "' is not a real date (YYYY-MM-DD)", null),
                    }
                    : new LogIssue[0]))))
            .Concat(MalformedDate.Evaluate(x.NextReview) ? new[] { new LogIssue("LLV025", Error, "next_review", "next_review '" + x.NextReview + "' is not a real date (YYYY-MM-DD)", null) } : new LogIssue[0])
            .ToArray());

    public static readonly Rule<LogValidationInput, LogIssue[]> IdMatchesFile = new(
        "id-matches-file",
        RuleKind.OwnMethod,
        """
        LLV001: the log's id must be its file's name, because the file name is the log's address on the site. Only the
        build checks this; the draft form names the downloaded file after the id.
        """,
        Format,
        x => x.FileSlug != null && x.Id != x.FileSlug
            ? new[]
            {
                new LogIssue("LLV001", Error, "id", "the id '" + x.Id + "' does not match the file name '" + x.FileSlug + ".md'",
                    "rename the file to " + x.Id + ".md, or set 'id: " + x.FileSlug + "'"),
            }
            : new LogIssue[0]);

    public static readonly Rule<LogValidationInput, LogIssue[]> OccurredDate = new(
        "occurred-date",
        RuleKind.OwnMethod,
        """
        When the event occurred may be a full date, or only a month when that is all anyone knows, and
        occurred_precision must say which: LLV002 for a full date marked 'month', LLV003 for a month marked 'day', and
        LLV004 when occurred is neither a real date (YYYY-MM-DD) nor a real month (YYYY-MM).
        """,
        Format,
        x => Expr.DayNumber(x.Occurred).HasValue
            ? (x.OccurredPrecision == F.DatePrecisions.Month.Value
                ? new[]
                {
                    new LogIssue("LLV002", Error, "occurred_precision", "occurred is a full date (" + x.Occurred + ") but occurred_precision is 'month'",
                        "write 'occurred: " + x.Occurred.Substring(0, 7) + "' or 'occurred_precision: day'"),
                }
                : new LogIssue[0])
            : OccurredStart.Evaluate(x).HasValue
                ? (x.OccurredPrecision != F.DatePrecisions.Month.Value
                    ? new[]
                    {
                        new LogIssue("LLV003", Error, "occurred", "occurred is a month (" + x.Occurred + ") but occurred_precision is 'day'",
                            "add 'occurred_precision: month', or give the full date"),
                    }
                    : new LogIssue[0])
                : new[]
                {
                    new LogIssue("LLV004", Error, "occurred",
                        "occurred '" + x.Occurred + "' is not a real date (YYYY-MM-DD, or YYYY-MM when only the month is known)", null),
                });

    public static readonly Rule<LogValidationInput, LogIssue[]> IdentifiedAfterOccurred = new(
        "identified-after-occurred",
        RuleKind.OwnMethod,
        """
        LLV005: a problem cannot be identified before it happened, so identified must be on or after the first day
        the event could have occurred (the month's first day when only the month is known).
        """,
        Format,
        x => Expr.Let(OccurredStart.Evaluate(x), occurred => Expr.Let(Expr.DayNumber(x.Identified), identified =>
            occurred.HasValue && identified.HasValue && identified.Value < occurred.Value
                ? new[]
                {
                    new LogIssue("LLV005", Error, "identified", "identified (" + x.Identified + ") is before the event occurred (" + x.Occurred + ")",
                        "a problem cannot be identified before it happened"),
                }
                : new LogIssue[0])));

    public static readonly Rule<LogValidationInput, LogIssue[]> NoFutureDates = new(
        "no-future-dates",
        RuleKind.OwnMethod,
        """
        A log records what has already happened: LLV006 when the event occurred after today (for a month, when the
        month has not started yet) and LLV007 when it was identified after today. Today is the build's date, or the
        date on the device in the draft form.
        """,
        Format,
        x => Expr.Let(OccurredStart.Evaluate(x), occurred => Expr.Let(Expr.DayNumber(x.Identified), identified => Expr.Let(Expr.DayNumber(x.Today), today =>
            (occurred.HasValue && today.HasValue && occurred.Value > today.Value
                ? new[] { new LogIssue("LLV006", Error, "occurred", "occurred (" + x.Occurred + ") is in the future", null) }
                : new LogIssue[0])
            .Concat(identified.HasValue && today.HasValue && identified.Value > today.Value
                ? new[] { new LogIssue("LLV007", Error, "identified", "identified (" + x.Identified + ") is in the future", null) }
                : new LogIssue[0])
            .ToArray()))));

    public static readonly Rule<LogValidationInput, LogIssue[]> HarmFitsEvent = new(
        "harm-fits-event",
        RuleKind.OwnMethod,
        """
        The harm grade must fit the kind of event: LLV008 when an incident has no harm grade, and LLV009 when a near
        miss or good care has a harm grade other than none (a near miss caused no harm, and good care is not an
        incident; if someone was harmed, record an incident).
        """,
        [Sources.NhsHarmRecording, Sources.LearningLogFormat],
        x => x.EventType == F.EventTypes.Incident.Value && x.Harm == null
            ? new[] { new LogIssue("LLV008", Error, "event_type", "an incident needs a harm grade", HarmHint) }
            : (x.EventType == F.EventTypes.NearMiss.Value || x.EventType == F.EventTypes.GoodCare.Value) && x.Harm != null && x.Harm != F.Harms.None.Value
                ? new[]
                {
                    new LogIssue("LLV009", Error, "harm", "a " + x.EventType + " cannot have harm '" + x.Harm + "'",
                        "a near miss caused no harm and good care is not an incident; record it as an incident if someone was harmed"),
                }
                : new LogIssue[0]);

    public static readonly Rule<LogValidationInput, LogIssue[]> DutyOfCandour = new(
        "duty-of-candour",
        RuleKind.OwnMethod,
        """
        The duty of candour must be decided and recorded: LLV010 when harm is moderate or worse and the log does not
        say whether the duty applies; LLV011 when it says the duty does not apply despite moderate or worse harm but
        gives no reason; LLV012 when the duty applies but no completion date (when the written notification was sent)
        is recorded once the log is past learning in progress.
        """,
        [Sources.DutyOfCandour, Sources.LearningLogFormat],
        x => Expr.Let(x.Harm == F.Harms.Moderate.Value || x.Harm == F.Harms.Severe.Value || x.Harm == F.Harms.Fatal.Value, serious =>
            (serious && x.DutyOfCandour == null
                ? new[]
                {
                    new LogIssue("LLV010", Error, "harm", "moderate or worse harm: say whether the duty of candour applies",
                        "add 'duty_of_candour: { applies: true, completed: YYYY-MM-DD }' or 'applies: false' with a reason"),
                }
                : serious && !x.DutyOfCandour!.Applies && string.IsNullOrWhiteSpace(x.DutyOfCandour.Reason)
                    ? new[]
                    {
                        new LogIssue("LLV011", Error, "duty_of_candour.applies",
                            "the duty of candour does not apply despite moderate or worse harm, but no reason is given", "add 'reason: ...'"),
                    }
                    : new LogIssue[0])
            .Concat(x.DutyOfCandour != null && x.DutyOfCandour.Applies && string.IsNullOrEmpty(x.DutyOfCandour.Completed)
                    && x.Status != F.Statuses.Draft.Value && x.Status != F.Statuses.LearningInProgress.Value
                ? new[]
                {
                    new LogIssue("LLV012", Error, "duty_of_candour", "the duty of candour applies but no completion date is recorded",
                        "add 'completed: YYYY-MM-DD' (when the written notification was sent)"),
                }
                : new LogIssue[0])
            .ToArray()));

    public static readonly Rule<LogValidationInput, LogIssue[]> FactorIdsUnique = new(
        "factor-ids-unique",
        RuleKind.OwnMethod,
        "LLV013: each contributory factor needs its own id, because actions name the factors they address. Every repeat of an id is reported.",
        Format,
        x => x.Factors.SelectMany((f, i) => x.Factors.Select((g, j) => j < i && g.Id == f.Id).Any(earlier => earlier)
                ? new[] { new LogIssue("LLV013", Error, "factors[" + i.ToString(CultureInfo.InvariantCulture) + "].id", "factor id '" + f.Id + "' is used twice", null) }
                : new LogIssue[0])
            .ToArray());

    public static readonly Rule<LogActionContext, LogIssue[]> ActionIdUnique = new(
        "action-id-unique",
        RuleKind.OwnMethod,
        "LLV014: each action needs its own id, because quality-check findings and acknowledgements name actions by id. Every repeat is reported.",
        Format,
        c => c.Log.Actions.Select((b, j) => j < c.Index && b.Id == c.Action.Id).Any(earlier => earlier)
            ? new[] { new LogIssue("LLV014", Error, c.Path + ".id", "action id '" + c.Action.Id + "' is used twice", null) }
            : new LogIssue[0]);

    public static readonly Rule<LogActionContext, LogIssue[]> ActionAddressesFactors = new(
        "action-addresses-factors",
        RuleKind.OwnMethod,
        """
        Every action should answer a finding: LLV015 when an action addresses no contributory factor, and LLV016 for
        each factor id it names that is not a factor of the log (the hint lists the log's factor ids).
        """,
        [Sources.LearningFromFailure, Sources.LearningLogFormat],
        c => (c.Action.Addresses.Length == 0
                ? new[]
                {
                    new LogIssue("LLV015", Error, c.Path + ".id", "action '" + c.Action.Id + "' addresses no contributory factor",
                        "add 'addresses: [factor id]': every action should answer a finding"),
                }
                : new LogIssue[0])
            .Concat(c.Action.Addresses.SelectMany((id, k) => c.Log.Factors.Any(f => f.Id == id)
                ? new LogIssue[0]
                : new[]
                {
                    new LogIssue("LLV016", Error, c.Path + ".addresses[" + k.ToString(CultureInfo.InvariantCulture) + "]",
                        "action '" + c.Action.Id + "' addresses '" + id + "', which is not a factor of this log",
                        c.Log.Factors.Length > 0 ? "factors: " + string.Join(", ", c.Log.Factors.Select(f => f.Id).Distinct()) : "add the factor under 'factors:'"),
                }))
            .ToArray());

    public static readonly Rule<LogActionContext, LogIssue[]> ActionCompletion = new(
        "action-completion",
        RuleKind.OwnMethod,
        """
        A finished action needs its record: LLV017 when an action is done but has no completion evidence (blank counts
        as missing), LLV018 when it is done but has no completion date, and LLV019 when it was dropped without a
        reason.
        """,
        [Sources.DsptImprovementPlans, Sources.LearningLogFormat],
        c => (c.Action.Status == F.ActionStatuses.Done.Value && string.IsNullOrWhiteSpace(c.Action.Evidence)
                ? new[]
                {
                    new LogIssue("LLV017", Error, c.Path + ".status", "action '" + c.Action.Id + "' is done but has no completion evidence",
                        "add 'evidence: ...' saying how you know it was done"),
                }
                : new LogIssue[0])
            .Concat(c.Action.Status == F.ActionStatuses.Done.Value && string.IsNullOrEmpty(c.Action.Completed)
                ? new[] { new LogIssue("LLV018", Error, c.Path + ".status", "action '" + c.Action.Id + "' is done but has no completion date", "add 'completed: YYYY-MM-DD'") }
                : new LogIssue[0])
            .Concat(c.Action.Status == F.ActionStatuses.Dropped.Value && string.IsNullOrWhiteSpace(c.Action.DroppedReason)
                ? new[] { new LogIssue("LLV019", Error, c.Path + ".status", "action '" + c.Action.Id + "' was dropped without a reason", "add 'dropped_reason: ...'") }
                : new LogIssue[0])
            .ToArray());

    public static readonly Rule<LogActionContext, LogIssue[]> ActionDates = new(
        "action-dates",
        RuleKind.OwnMethod,
        """
        An action's dates must be possible: LLV020 when it was completed before the problem was identified, and LLV021
        for each effectiveness review dated after today.
        """,
        Format,
        c => Expr.Let(Expr.DayNumber(c.Action.Completed), completed => Expr.Let(Expr.DayNumber(c.Log.Identified), identified =>
            Expr.Let(Expr.DayNumber(c.Log.Today), today =>
                (completed.HasValue && identified.HasValue && completed.Value < identified.Value
                    ? new[] { new LogIssue("LLV020", Error, c.Path + ".completed", "action '" + c.Action.Id + "' was completed before the problem was identified", null) }
                    : new LogIssue[0])
                .Concat(c.Action.Reviews.SelectMany((r, k) => Expr.Let(Expr.DayNumber(r.Date), date =>
                    date.HasValue && today.HasValue && date.Value > today.Value
                        ? new[]
                        {
                            new LogIssue("LLV021", Error, c.Path + ".reviews[" + k.ToString(CultureInfo.InvariantCulture) + "].date",
                                "an effectiveness review is dated in the future", null),
                        }
                        : new LogIssue[0])))
                .ToArray()))));

    public static readonly Rule<LogActionContext, LogIssue[]> CheckAction = new(
        "check-action",
        RuleKind.OwnMethod,
        """
        Each action is checked in turn, its findings together and in this order: its id (action-id-unique), the factors
        it addresses (action-addresses-factors), its completion record (action-completion) and its dates
        (action-dates).
        """,
        Format,
        c => ActionIdUnique.Evaluate(c)
            .Concat(ActionAddressesFactors.Evaluate(c))
            .Concat(ActionCompletion.Evaluate(c))
            .Concat(ActionDates.Evaluate(c))
            .ToArray());

    public static readonly Rule<LogValidationInput, LogIssue[]> ClosedLog = new(
        "closed-log",
        RuleKind.OwnMethod,
        """
        A log can be closed only when the work is finished and its effect checked: LLV022 when any action is still
        planned or in progress (they are named), and LLV023 when no action has an effectiveness review.
        """,
        [Sources.FirstCommunityPsirp, Sources.LearningLogFormat],
        x => x.Status == F.Statuses.Closed.Value
            ? Expr.Let(x.Actions.Where(a => a.Status == F.ActionStatuses.Planned.Value || a.Status == F.ActionStatuses.InProgress.Value).Select(a => a.Id).ToArray(), open =>
                (open.Length > 0
                    ? new[]
                    {
                        new LogIssue("LLV022", Error, "status",
                            "the log is closed but action" + (open.Length == 1 ? "" : "s") + " " + string.Join(", ", open) + " " + (open.Length == 1 ? "is" : "are") + " still open",
                            "finish or drop the actions, or set the status to 'actions-open' or 'monitoring'"),
                    }
                    : new LogIssue[0])
                .Concat(!x.Actions.Any(a => a.Reviews.Length > 0)
                    ? new[]
                    {
                        new LogIssue("LLV023", Error, "status", "the log is closed but no action has an effectiveness review",
                            "record at least one review (adopt, adapt or abandon) before closing"),
                    }
                    : new LogIssue[0])
                .ToArray())
            : new LogIssue[0]);

    public static readonly Rule<LogValidationInput, LogIssue[]> MonitoredLog = new(
        "monitored-log",
        RuleKind.OwnMethod,
        "LLV024 (a warning): a log being monitored should say when effectiveness is next reviewed (next_review).",
        [Sources.FirstCommunityPsirp, Sources.LearningLogFormat],
        x => x.Status == F.Statuses.Monitoring.Value && string.IsNullOrEmpty(x.NextReview)
            ? new[] { new LogIssue("LLV024", Warning, "status", "a log being monitored should say when effectiveness is next reviewed", "add 'next_review: YYYY-MM-DD'") }
            : new LogIssue[0]);

    public static readonly Rule<LogValidationInput, LogIssue[]> ValidateLog = new(
        "validate-learning-log",
        RuleKind.OwnMethod,
        """
        Checks one learning log for the problems that stop it being published. Every finding is an error except
        LLV024, a warning. They come in a fixed order, the order the build has always reported them in: the log's id,
        when it occurred, the order of its dates, harm and the duty of candour, the factors, then each action in turn
        (check-action), then whether a closed or monitored log is ready for that status. Dates that are not real dates
        (LLV025) come first; the build never sees them.
        """,
        Format,
        x => DatesAreReal.Evaluate(x)
            .Concat(IdMatchesFile.Evaluate(x))
            .Concat(OccurredDate.Evaluate(x))
            .Concat(IdentifiedAfterOccurred.Evaluate(x))
            .Concat(NoFutureDates.Evaluate(x))
            .Concat(HarmFitsEvent.Evaluate(x))
            .Concat(DutyOfCandour.Evaluate(x))
            .Concat(FactorIdsUnique.Evaluate(x))
            .Concat(x.Actions.SelectMany((a, i) => CheckAction.Evaluate(new LogActionContext(x, a, i, "actions[" + i.ToString(CultureInfo.InvariantCulture) + "]"))))
            .Concat(ClosedLog.Evaluate(x))
            .Concat(MonitoredLog.Evaluate(x))
            .ToArray());

    /// <summary>Validates one learning log: its errors and warnings, in the order the build reports them.</summary>
    public static IReadOnlyList<LogIssue> Validate(LogValidationInput input) => ValidateLog.Evaluate(input);

    /// <summary>A date as the validation reads it: <c>YYYY-MM-DD</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date as the validation reads it: <c>YYYY-MM-DD</c>, or null.</summary>
    public static string? Date(DateOnly? date) => date is { } d ? Date(d) : null;

    /// <summary>The model. Built on first use, after every static rule above exists (so declaration order does not matter).</summary>
    public static LearningLogValidation Instance => instance.Value;

    private static readonly Lazy<LearningLogValidation> instance = new(() => new LearningLogValidation());

    private LearningLogValidation()
        : base(new ModelDescriptor
        {
            Id = ModelId,
            Version = ModelVersion,
            Title = "Learning log validation",
            Summary = "CqcGuide's own checks, not a CQC method: the problems that stop a learning log being published — "
                + "dates in the wrong order or in the future, harm that does not fit the event, an undecided duty of candour, "
                + "actions that answer no factor or are finished without a record, and logs closed too early. The build "
                + "and the draft form run these same rules.",
            IsCqcMethod = false,
            Entry = new("validate", ValidateLog),
            Rules =
            [
                ValidateLog, DatesAreReal, MalformedDate, IdMatchesFile, OccurredDate, OccurredStart, IdentifiedAfterOccurred, NoFutureDates,
                HarmFitsEvent, DutyOfCandour, FactorIdsUnique, CheckAction, ActionIdUnique, ActionAddressesFactors, ActionCompletion,
                ActionDates, ClosedLog, MonitoredLog,
            ],
            Exports =
            [
                new ModuleExport("logFormat", "The learning log format's option lists: each field's allowed values, labels and hints.", LogFormat.Options),
            ],
        })
    {
    }
}
