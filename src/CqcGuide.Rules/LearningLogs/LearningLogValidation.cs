using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
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
/// <param name="DutyOfCandour">The duty of candour record, or null when none is given.</param>
/// <param name="Notifications">Who was told (CQC, safeguarding, RIDDOR…), or decided against.</param>
/// <param name="NextReview">When effectiveness is next reviewed, if set.</param>
/// <param name="Today">The build's date (<c>--date</c> or <c>SOURCE_DATE_EPOCH</c>), or the browser's local date.</param>
/// <param name="Title">The log's title (empty or blank counts as missing).</param>
/// <param name="Summary">The log's summary.</param>
/// <param name="RedactionCheck">The check that the log holds no personal data, or null when none is recorded.</param>
/// <param name="GovernanceReview">The governance review, or null when none is recorded.</param>
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
    LogValidationNotification[] Notifications,
    LogValidationFactor[] Factors,
    LogValidationAction[] Actions,
    string? NextReview,
    string Today,
    string? Title,
    string? Summary,
    LogRedactionInput? RedactionCheck,
    LogGovernanceInput? GovernanceReview)
{
    /// <summary>Reads an input from JSON (camelCase). Throws <see cref="JsonException"/> on malformed input.</summary>
    public static LogValidationInput FromJson(string json) =>
        JsonSerializer.Deserialize<LogValidationInput>(json, RulesJson.Options) ?? throw new JsonException("A learning log must be a JSON object.");
}

/// <summary>
/// The duty of candour as a log records it: the Regulation 20(9) answers, whose opinion they are, and the notification
/// record. Whether the duty applies is decided by the rules from the answers (<see cref="LearningLogValidation.CandourApplies"/>).
/// </summary>
/// <param name="Outcomes">The seven Regulation 20(9) answers, or null when the test has not been recorded.</param>
/// <param name="ProfessionalRole">The role of the health care professional whose opinion the answers are.</param>
/// <param name="OpinionDate">When they gave it.</param>
/// <param name="NotifiedInPerson">When the relevant person was told in person (Regulation 20(3)).</param>
/// <param name="WrittenNotification">When the written notification was sent (Regulation 20(4)).</param>
/// <param name="UnableToNotify">Instead of the two dates: why the relevant person was not told, and the attempts made (Regulation 20(5)).</param>
/// <param name="Reason">Notes in the team's own words (optional).</param>
/// <param name="Applies">The old format's own yes or no: no longer used (the answers decide); reported so a log can be migrated.</param>
/// <param name="Completed">The old format's date of the written notification: now <paramref name="WrittenNotification"/>.</param>
public sealed record LogCandourInput(
    LogCandourOutcomes? Outcomes,
    string? ProfessionalRole,
    string? OpinionDate,
    string? NotifiedInPerson,
    string? WrittenNotification,
    LogUnableToNotify? UnableToNotify,
    string? Reason,
    bool? Applies,
    string? Completed);

/// <summary>
/// The Regulation 20(9) answers, each <c>yes</c>, <c>no</c> or <c>unknown</c> (null when not answered), in the order of
/// <see cref="LogFormat.Outcomes"/>. Shared by the validation and the quality checks.
/// </summary>
public sealed record LogCandourOutcomes(
    string? Death,
    string? Impairment,
    string? BodyStructure,
    string? ProlongedPain,
    string? ProlongedPsychologicalHarm,
    string? ShortenedLifeExpectancy,
    string? TreatmentNeeded);

/// <param name="Reason">could-not-be-contacted | declined</param>
/// <param name="Attempts">The written record of the attempts to contact or speak to the relevant person.</param>
public sealed record LogUnableToNotify(string? Reason, string? Attempts);

/// <summary>A notification the log records: made on a date, or decided against with a reason.</summary>
/// <param name="To">cqc | safeguarding | riddor | mhra | coroner | commissioner | police | other</param>
/// <param name="Recipient">Who, in words (required for <c>other</c>).</param>
/// <param name="Date">When they were told.</param>
/// <param name="NotNotified">Instead of a date: the decision not to tell them, and why.</param>
public sealed record LogValidationNotification(string To, string? Recipient, string? Date, string? NotNotified);

/// <summary>The check that a log holds no personal data: confirmed or not, by whom (a role) and when.</summary>
public sealed record LogRedactionInput(bool Confirmed, string? By, string? Date);

/// <summary>The governance review of a log: the forum and the date it met.</summary>
public sealed record LogGovernanceInput(string? Forum, string? Date);

/// <param name="Description">What the factor is (empty or blank counts as missing).</param>
public sealed record LogValidationFactor(string Id, string? Description);

/// <param name="Addresses">The ids of the factors the action answers.</param>
/// <param name="Status">planned | in-progress | done | dropped</param>
/// <param name="Completed">When the action was completed, if recorded.</param>
/// <param name="Kind">repair | system-change | training | reminder | policy | other, or null when not given.</param>
/// <param name="Description">What the action is (empty or blank counts as missing).</param>
public sealed record LogValidationAction(
    string Id,
    string[] Addresses,
    string Status,
    string? Completed,
    string? Evidence,
    string? DroppedReason,
    LogValidationReview[] Reviews,
    string? Kind,
    string? Description,
    string? EvidenceCategory = null);

/// <summary>An effectiveness review: its date, what the measure showed and the decision (adopt | adapt | abandon).</summary>
public sealed record LogValidationReview(string Date, string? Result, string? Decision);

/// <summary>
/// One problem with a learning log. <see cref="Path"/> is the front-matter key path the build reports it at
/// (<c>identified</c>, <c>actions[0].status</c>); <see cref="Message"/> and <see cref="Hint"/> are the build's wording.
/// </summary>
/// <param name="Code">LLV001…: which check raised it (the build reports every one as CG802).</param>
/// <param name="Severity">error | warning</param>
public sealed record LogIssue(string Code, string Severity, string Path, string Message, string? Hint);

/// <summary>A field a log must fill in: its key path, its value, and what the build and the draft form say when it is missing.</summary>
public sealed record LogRequiredField(string Path, string? Value, string Message, string? Hint);

/// <summary>One action of a log being checked, with its index and key path (<c>actions[2]</c>).</summary>
public sealed record LogActionContext(LogValidationInput Log, LogValidationAction Action, int Index, string Path);

/// <summary>One notification of a log being checked, with its key path (<c>notifications[1]</c>).</summary>
public sealed record LogNotificationContext(LogValidationInput Log, LogValidationNotification Notification, string Path);

/// <summary>A date field of a log being checked against the event and today: its key path, its name and its value.</summary>
public sealed record LogDateField(LogValidationInput Log, string Path, string Name, string? Value);

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
    public const string ModelVersion = "2.2.1";

    public const string Error = "error";
    public const string Warning = "warning";

    private static readonly RuleSource[] Format = [Sources.LearningLogFormat];

    // Hint texts built from the format's own values, so they list exactly what a log may say.
    private static readonly string HarmHint = "add 'harm: " + string.Join(" | ", F.Harms.All.Select(h => h.Value)) + "'";

    private static readonly RuleSource[] Candour = [Sources.DutyOfCandour, Sources.LearningLogFormat];

    private static readonly string[] CandourValues = F.CandourAnswers.All.Select(o => o.Value).ToArray();
    private static readonly string[] UnableReasons = F.UnableToNotifyReasons.All.Select(o => o.Value).ToArray();
    private static readonly string[] RecipientValues = F.NotificationRecipients.All.Select(o => o.Value).ToArray();
    private static readonly string[] KindValues = F.ActionKinds.All.Select(o => o.Value).ToArray();
    private static readonly string[] EvidenceCategoryValues = F.EvidenceCategories.All.Select(o => o.Value).ToArray();

    private static readonly string CandourAnswerHint = "answer " + string.Join(", ", CandourValues.Take(CandourValues.Length - 1)) + " or " + CandourValues[^1]
        + " (unknown counts as yes until a health care professional has decided)";

    private static readonly string RecipientHint = "allowed: " + string.Join(", ", RecipientValues);

    private static readonly string DecisionHint = "add 'decision: " + string.Join(" | ", F.ReviewDecisions.All.Select(d => d.Value)) + "'";

    private static readonly string EventTypeHint = "add 'event_type: " + string.Join(" | ", F.EventTypes.All.Select(e => e.Value)) + "'";

    private const string RedactionHint = "read the whole log for names, dates of birth, NHS numbers and anything else that could identify someone, then set "
        + "'redaction_check: { confirmed: true, by: <role>, date: YYYY-MM-DD }' (or keep 'status: draft')";

    // Exactly what an old log (or a new one) must add: the format's own keys.
    private static readonly string AssessmentHint =
        "add 'outcomes:' under 'duty_of_candour:' with the seven Regulation 20(9) questions ("
        + string.Join(", ", F.Outcomes.All.Select(o => o.Key)) + "), each answered " + string.Join(", ", CandourValues.Take(CandourValues.Length - 1)) + " or " + CandourValues[^1]
        + ", and 'professional_role: ...' and 'opinion_date: YYYY-MM-DD' for the health care professional whose opinion they are";

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
        LLV025: every date given (identified, the duty of candour's opinion and notification dates, each notification's
        date, each action's completion and review dates, next_review) must be a real date written YYYY-MM-DD. The
        build's YAML reader already refuses such a file, so this check only ever speaks in the draft form.
        """,
        Format,
        x => (MalformedDate.Evaluate(x.Identified) ? new[] { new LogIssue("LLV025", Error, "identified", "identified '" + x.Identified + "' is not a real date (YYYY-MM-DD)", null) } : new LogIssue[0])
            .Concat(x.DutyOfCandour != null
                ? (MalformedDate.Evaluate(x.DutyOfCandour.OpinionDate)
                        ? new[] { new LogIssue("LLV025", Error, "duty_of_candour.opinion_date", "opinion_date '" + x.DutyOfCandour.OpinionDate + "' is not a real date (YYYY-MM-DD)", null) }
                        : new LogIssue[0])
                    .Concat(MalformedDate.Evaluate(x.DutyOfCandour.NotifiedInPerson)
                        ? new[] { new LogIssue("LLV025", Error, "duty_of_candour.notified_in_person", "notified_in_person '" + x.DutyOfCandour.NotifiedInPerson + "' is not a real date (YYYY-MM-DD)", null) }
                        : new LogIssue[0])
                    .Concat(MalformedDate.Evaluate(x.DutyOfCandour.WrittenNotification)
                        ? new[] { new LogIssue("LLV025", Error, "duty_of_candour.written_notification", "written_notification '" + x.DutyOfCandour.WrittenNotification + "' is not a real date (YYYY-MM-DD)", null) }
                        : new LogIssue[0])
                : new LogIssue[0])
            .Concat(x.Notifications.SelectMany((n, i) => MalformedDate.Evaluate(n.Date)
                ? new[] { new LogIssue("LLV025", Error, "notifications[" + i.ToString(CultureInfo.InvariantCulture) + "].date", "date '" + n.Date + "' is not a real date (YYYY-MM-DD)", null) }
                : new LogIssue[0]))
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

    private static readonly Regex IdPattern = new("^[a-z0-9][a-z0-9\\-]*(?![\\d\\D])", RegexOptions.ECMAScript);

    public static readonly Rule<LogRequiredField, LogIssue[]> RequiredField = new(
        "required-field",
        RuleKind.OwnMethod,
        "LLV037: a field the log must fill in is missing when it is absent, empty or only blanks.",
        Format,
        f => string.IsNullOrWhiteSpace(f.Value) ? new[] { new LogIssue("LLV037", Error, f.Path, f.Message, f.Hint) } : new LogIssue[0]);

    public static readonly Rule<LogValidationInput, LogIssue[]> RequiredFields = new(
        "required-fields",
        RuleKind.OwnMethod,
        """
        What every log must fill in (required-field): its id, title, type of event, when the event occurred, when it was
        identified and a summary; each factor and each action a description; each effectiveness review its date, what
        the measure showed and its decision; a governance review its forum and date. The build's reader refuses a missing key first, so for a missing
        key this speaks in the draft form; an empty value ("") is caught here in both.
        """,
        Format,
        x => RequiredField.Evaluate(new LogRequiredField("id", x.Id, "the log has no id", "add 'id: ...', the file's name without .md"))
            .Concat(RequiredField.Evaluate(new LogRequiredField("title", x.Title, "the log has no title", "add 'title: ...', what happened in a few words, without names")))
            .Concat(RequiredField.Evaluate(new LogRequiredField("event_type", x.EventType, "the log does not say what type of event it was", EventTypeHint)))
            .Concat(RequiredField.Evaluate(new LogRequiredField("occurred", x.Occurred, "the log does not say when the event occurred",
                "add 'occurred: YYYY-MM-DD' (or YYYY-MM with 'occurred_precision: month' when only the month is known)")))
            .Concat(RequiredField.Evaluate(new LogRequiredField("identified", x.Identified, "the log does not say when the problem was identified", "add 'identified: YYYY-MM-DD'")))
            .Concat(RequiredField.Evaluate(new LogRequiredField("summary", x.Summary, "the log has no summary", "add 'summary: ...', what happened in two or three plain sentences")))
            .Concat(x.Factors.SelectMany((f, i) => RequiredField.Evaluate(new LogRequiredField(
                "factors[" + i.ToString(CultureInfo.InvariantCulture) + "].description", f.Description, "factor '" + f.Id + "' has no description", "add 'description: ...'"))))
            .Concat(x.Actions.SelectMany((a, i) => RequiredField.Evaluate(new LogRequiredField(
                    "actions[" + i.ToString(CultureInfo.InvariantCulture) + "].description", a.Description, "action '" + a.Id + "' has no description", "add 'description: ...'"))
                .Concat(a.Reviews.SelectMany((r, k) => Expr.Let("actions[" + i.ToString(CultureInfo.InvariantCulture) + "].reviews[" + k.ToString(CultureInfo.InvariantCulture) + "]", path =>
                    RequiredField.Evaluate(new LogRequiredField(path + ".date", r.Date, "an effectiveness review of action '" + a.Id + "' has no date", "add 'date: YYYY-MM-DD'"))
                        .Concat(RequiredField.Evaluate(new LogRequiredField(path + ".result", r.Result,
                            "an effectiveness review of action '" + a.Id + "' does not say what the measure showed", "add 'result: ...'")))
                        .Concat(RequiredField.Evaluate(new LogRequiredField(path + ".decision", r.Decision,
                            "an effectiveness review of action '" + a.Id + "' has no decision", DecisionHint)))
                        .ToArray())))))
            .Concat(x.GovernanceReview != null
                ? RequiredField.Evaluate(new LogRequiredField("governance_review.forum", x.GovernanceReview.Forum, "the governance review does not name its forum",
                        "add 'forum: ...', for example 'Clinical governance meeting'"))
                    .Concat(RequiredField.Evaluate(new LogRequiredField("governance_review.date", x.GovernanceReview.Date, "the governance review has no date", "add 'date: YYYY-MM-DD'")))
                : new LogIssue[0])
            .ToArray());

    public static readonly Rule<LogValidationInput, LogIssue[]> IdFormat = new(
        "id-format",
        RuleKind.OwnMethod,
        """
        LLV038: a log's id becomes its file's name and its address on the site, so it may use only lower-case letters,
        digits and hyphens, and starts with a letter or a digit.
        """,
        Format,
        x => !string.IsNullOrEmpty(x.Id) && !IdPattern.IsMatch(x.Id)
            ? new[] { new LogIssue("LLV038", Error, "id", "the id '" + x.Id + "' can only use lower-case letters, digits and hyphens", "for example ll-2026-016") }
            : new LogIssue[0]);

    public static readonly Rule<LogValidationInput, LogIssue[]> RedactionChecked = new(
        "redaction-checked",
        RuleKind.OwnMethod,
        """
        A log meant for publication (any status but draft) must record that someone read it for personal data: LLV039
        when the redaction check is missing or not confirmed (the build reports it as CG809). A confirmed check must say
        who made it, by role, and when (LLV040), so the journal shows who is accountable for it.
        """,
        Format,
        x => (x.Status != F.Statuses.Draft.Value && (x.RedactionCheck == null || !x.RedactionCheck.Confirmed)
                ? new[]
                {
                    new LogIssue("LLV039", Error, x.RedactionCheck == null ? "status" : "redaction_check.confirmed",
                        x.RedactionCheck == null
                            ? "a log meant for publication needs a redaction check: someone must confirm that no personal data remains"
                            : "the redaction check is not confirmed, so this log cannot be published",
                        RedactionHint),
                }
                : new LogIssue[0])
            .Concat(x.RedactionCheck != null && x.RedactionCheck.Confirmed && (string.IsNullOrWhiteSpace(x.RedactionCheck.By) || string.IsNullOrEmpty(x.RedactionCheck.Date))
                ? new[]
                {
                    new LogIssue("LLV040", Error, string.IsNullOrWhiteSpace(x.RedactionCheck.By) ? "redaction_check.by" : "redaction_check.date",
                        "the redaction check does not say who made it (a role) and when", "add 'by: <role>' and 'date: YYYY-MM-DD' under 'redaction_check:'"),
                }
                : new LogIssue[0])
            .ToArray());

    public static readonly Rule<LogValidationInput, LogIssue[]> IdMatchesFile = new(
        "id-matches-file",
        RuleKind.OwnMethod,
        """
        LLV001: the log's id must be its file's name, because the file name is the log's address on the site. Only the
        build checks this; the draft form names the downloaded file after the id.
        """,
        Format,
        x => x.FileSlug != null && !string.IsNullOrEmpty(x.Id) && x.Id != x.FileSlug
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
        x => string.IsNullOrEmpty(x.Occurred) ? new LogIssue[0]
            : Expr.DayNumber(x.Occurred).HasValue
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

    public static readonly Rule<LogCandourOutcomes, string?[]> CandourAnswers = new(
        "candour-answers",
        RuleKind.OwnMethod,
        """
        The seven Regulation 20(9) answers in the regulation's order: death, impairment, changes to the structure of the
        body, prolonged pain, prolonged psychological harm, shortened life expectancy, and treatment needed to prevent
        one of these.
        """,
        Candour,
        o => new[] { o.Death, o.Impairment, o.BodyStructure, o.ProlongedPain, o.ProlongedPsychologicalHarm, o.ShortenedLifeExpectancy, o.TreatmentNeeded });

    public static readonly Rule<LogCandourOutcomes?, bool> CandourApplies = new(
        "candour-applies",
        RuleKind.Interpretation,
        """
        Care homes and home care agencies are not health service bodies, so Regulation 20(9) decides whether an incident
        is a notifiable safety incident: in the reasonable opinion of a health care professional, it appears to have
        resulted in death (directly from the incident), an impairment lasting or likely to last 28 days, changes to the
        structure of the body, prolonged pain or psychological harm (28 days), or shortened life expectancy, or it needs
        treatment by a health care professional to prevent one of these. The duty of candour applies when any answer is
        yes, or "unknown", which counts as yes until a health care professional has decided. When every answer is no it
        does not apply (the general duty to be open always does). The harm grade plays no part.
        """,
        Candour,
        o => o != null && CandourAnswers.Evaluate(o).Any(a => F.CandourAnswers.Notifiable.Contains(a)),
        new RuleInterpretation(
            "unknown counts as yes",
            "The regulation turns on a health care professional's opinion, which may not exist yet when an incident is logged "
            + "(a bruise may hide a fracture; distress may or may not last 28 days). Treating \"not known yet\" as yes means the "
            + "notification is never held back by a missing opinion; the answer is changed when the professional decides. "
            + "We apply 20(9) to every log because CqcGuide is written for care providers, not health service bodies (20(8))."));

    public static readonly Rule<LogCandourOutcomes, string[]> NotifiableOutcomes = new(
        "notifiable-outcomes",
        RuleKind.OwnMethod,
        "The Regulation 20(9) questions answered yes or not known yet, each as \"question: yes\" or \"question: not known yet\", in the regulation's order.",
        Candour,
        o => Expr.Let(CandourAnswers.Evaluate(o), answers => F.Outcomes.All
            .Select((q, i) => answers[i] == F.CandourAnswers.Yes.Value ? q.Label + ": yes"
                : answers[i] == F.CandourAnswers.Unknown.Value ? q.Label + ": not known yet"
                : "")
            .Where(text => text != "")
            .ToArray()));

    public static readonly Rule<LogValidationInput, LogIssue[]> CandourAssessment = new(
        "candour-assessment",
        RuleKind.OwnMethod,
        """
        An incident needs the Regulation 20(9) assessment, whatever its harm grade: LLV010 when the log has no
        duty_of_candour.outcomes (the hint lists exactly what to add, so a log written in the old format knows how to
        migrate). Other events may record it too. Each of the seven answers must be yes, no or unknown (LLV011, one per
        question; the build's reader refuses other values first, so this speaks in the draft form). Once any question
        is answered yes or no, the answers are someone's opinion: LLV027 when the health care professional's role or
        the date of their opinion is missing. The old format's own decision ('applies', LLV028) and its date of the
        written notification ('completed', LLV029) are no longer read, and each says what replaces it.
        """,
        Candour,
        x => Expr.Let(x.DutyOfCandour, c =>
            (x.EventType == F.EventTypes.Incident.Value && (c == null || c.Outcomes == null)
                ? new[] { new LogIssue("LLV010", Error, c == null ? "event_type" : "duty_of_candour", "an incident needs the Regulation 20(9) assessment of the duty of candour (the harm grade does not decide it)", AssessmentHint) }
                : new LogIssue[0])
            .Concat(c != null && c.Outcomes != null
                ? Expr.Let(CandourAnswers.Evaluate(c.Outcomes), answers =>
                    F.Outcomes.All.SelectMany((q, i) => CandourValues.Contains(answers[i])
                        ? new LogIssue[0]
                        : new[]
                        {
                            new LogIssue("LLV011", Error, "duty_of_candour.outcomes." + q.Key,
                                string.IsNullOrEmpty(answers[i])
                                    ? "the Regulation 20(9) question '" + q.Key + "' (" + q.Label + ") is not answered"
                                    : "'" + q.Key + "' cannot be '" + answers[i] + "'",
                                CandourAnswerHint),
                        })
                    .Concat(answers.Any(a => a == F.CandourAnswers.Yes.Value || a == F.CandourAnswers.No.Value)
                            && (string.IsNullOrWhiteSpace(c.ProfessionalRole) || string.IsNullOrEmpty(c.OpinionDate))
                        ? new[]
                        {
                            new LogIssue("LLV027", Error, string.IsNullOrWhiteSpace(c.ProfessionalRole) ? "duty_of_candour.professional_role" : "duty_of_candour.opinion_date", "the Regulation 20(9) answers do not say whose opinion they are",
                                (string.IsNullOrWhiteSpace(c.ProfessionalRole) ? "add 'professional_role: ...' (the health care professional, for example GP, hospital doctor or registered nurse)" : "")
                                + (string.IsNullOrWhiteSpace(c.ProfessionalRole) && string.IsNullOrEmpty(c.OpinionDate) ? " and " : "")
                                + (string.IsNullOrEmpty(c.OpinionDate) ? "add 'opinion_date: YYYY-MM-DD' (when they gave their opinion)" : "")),
                        }
                        : new LogIssue[0]))
                : new LogIssue[0])
            .Concat(c != null && c.Applies.HasValue
                ? new[]
                {
                    new LogIssue("LLV028", Error, "duty_of_candour.applies",
                        "'applies' is no longer used: the Regulation 20(9) answers decide whether the duty of candour applies",
                        "remove 'applies:' and answer the questions under 'outcomes:'"),
                }
                : new LogIssue[0])
            .Concat(c != null && !string.IsNullOrEmpty(c.Completed)
                ? new[]
                {
                    new LogIssue("LLV029", Error, "duty_of_candour.completed",
                        "'completed' is now 'written_notification' (the date the written notification was sent)",
                        "rename it to 'written_notification:', and add 'notified_in_person: YYYY-MM-DD' (when you told the relevant person in person)"),
                }
                : new LogIssue[0])
            .ToArray()));

    public static readonly Rule<LogValidationInput, LogIssue[]> CandourNotification = new(
        "candour-notification",
        RuleKind.Interpretation,
        """
        When the duty of candour applies (candour-applies), the log records the notification once it is past learning in
        progress: LLV012 when the in-person notification has no date (notified_in_person, Regulation 20(3)) and LLV026
        when the written notification has none (written_notification, Regulation 20(4)). Instead of the two dates a log
        may record that the relevant person could not be contacted or declined to speak (unable_to_notify, Regulation
        20(5)); then LLV030 asks for the reason (could-not-be-contacted or declined) and the written record of the
        attempts.
        """,
        Candour,
        x => Expr.Let(x.DutyOfCandour, c =>
            (c != null && c.UnableToNotify == null && CandourApplies.Evaluate(c.Outcomes)
                    && x.Status != F.Statuses.Draft.Value && x.Status != F.Statuses.LearningInProgress.Value
                ? Expr.Let(string.Join("; ", NotifiableOutcomes.Evaluate(c.Outcomes!)), why =>
                    (string.IsNullOrEmpty(c.NotifiedInPerson)
                        ? new[]
                        {
                            new LogIssue("LLV012", Error, "duty_of_candour.notified_in_person", "the duty of candour applies (" + why + ") but the in-person notification is not recorded",
                                "add 'notified_in_person: YYYY-MM-DD' (when you told the relevant person), or 'unable_to_notify: { reason: could-not-be-contacted | declined, attempts: ... }'"),
                        }
                        : new LogIssue[0])
                    .Concat(string.IsNullOrEmpty(c.WrittenNotification)
                        ? new[]
                        {
                            new LogIssue("LLV026", Error, "duty_of_candour.written_notification", "the duty of candour applies (" + why + ") but the written notification is not recorded",
                                "add 'written_notification: YYYY-MM-DD' (when the letter was sent), or 'unable_to_notify: { reason: could-not-be-contacted | declined, attempts: ... }'"),
                        }
                        : new LogIssue[0]))
                : new LogIssue[0])
            .Concat(c != null && c.UnableToNotify != null
                ? (UnableReasons.Contains(c.UnableToNotify.Reason)
                        ? new LogIssue[0]
                        : new[]
                        {
                            new LogIssue("LLV030", Error, "duty_of_candour.unable_to_notify.reason",
                                string.IsNullOrEmpty(c.UnableToNotify.Reason)
                                    ? "say why the relevant person was not told: they could not be contacted, or declined to speak to you"
                                    : "'reason' cannot be '" + c.UnableToNotify.Reason + "'",
                                "add 'reason: " + string.Join(" | ", UnableReasons) + "'"),
                        })
                    .Concat(string.IsNullOrWhiteSpace(c.UnableToNotify.Attempts)
                        ? new[]
                        {
                            new LogIssue("LLV030", Error, "duty_of_candour.unable_to_notify",
                                "the written record of the attempts to contact or speak to the relevant person is missing (Regulation 20(5))",
                                "add 'attempts: ...': each attempt's date, how, by which role, and what happened"),
                        }
                        : new LogIssue[0])
                : new LogIssue[0])
            .ToArray()),
        new RuleInterpretation(
            "notification recorded once learning is done",
            "The regulation asks for the notification as soon as reasonably practicable and sets no number of days. A log is "
            + "often started before the conversation has happened, so the dates are required once the log is past learning in "
            + "progress (actions open, monitoring or closed), and the draft form shows the fields from the start."));

    public static readonly Rule<LogDateField, LogIssue[]> EventDate = new(
        "event-date",
        RuleKind.OwnMethod,
        """
        LLV031: a date that records something done about the event (the professional's opinion, the candour
        notifications, each notification) cannot be before the event occurred (the first day of its month when only the
        month is known) or after today.
        """,
        Format,
        d => Expr.Let(Expr.DayNumber(d.Value), day => Expr.Let(OccurredStart.Evaluate(d.Log), occurred => Expr.Let(Expr.DayNumber(d.Log.Today), today =>
            day.HasValue && occurred.HasValue && day.Value < occurred.Value
                ? new[] { new LogIssue("LLV031", Error, d.Path, d.Name + " (" + d.Value + ") is before the event occurred (" + d.Log.Occurred + ")", null) }
                : day.HasValue && today.HasValue && day.Value > today.Value
                    ? new[] { new LogIssue("LLV031", Error, d.Path, d.Name + " (" + d.Value + ") is in the future", null) }
                    : new LogIssue[0]))));

    public static readonly Rule<LogValidationInput, LogIssue[]> CandourDates = new(
        "candour-dates",
        RuleKind.OwnMethod,
        """
        The duty of candour's dates must be possible: the opinion, the in-person and the written notification each
        between the event and today (event-date, LLV031), and the written notification not before the in-person one
        (LLV032), because Regulation 20(4) says the written notification follows it.
        """,
        Candour,
        x => x.DutyOfCandour == null
            ? new LogIssue[0]
            : EventDate.Evaluate(new LogDateField(x, "duty_of_candour.opinion_date", "opinion_date", x.DutyOfCandour.OpinionDate))
                .Concat(EventDate.Evaluate(new LogDateField(x, "duty_of_candour.notified_in_person", "notified_in_person", x.DutyOfCandour.NotifiedInPerson)))
                .Concat(EventDate.Evaluate(new LogDateField(x, "duty_of_candour.written_notification", "written_notification", x.DutyOfCandour.WrittenNotification)))
                .Concat(Expr.Let(Expr.DayNumber(x.DutyOfCandour.NotifiedInPerson), inPerson => Expr.Let(Expr.DayNumber(x.DutyOfCandour.WrittenNotification), written =>
                    inPerson.HasValue && written.HasValue && written.Value < inPerson.Value
                        ? new[]
                        {
                            new LogIssue("LLV032", Error, "duty_of_candour.written_notification",
                                "the written notification (" + x.DutyOfCandour.WrittenNotification + ") is dated before the in-person notification (" + x.DutyOfCandour.NotifiedInPerson + ")",
                                "the written notification follows the conversation (Regulation 20(4))"),
                        }
                        : new LogIssue[0])))
                .ToArray());

    public static readonly Rule<LogNotificationContext, LogIssue[]> CheckNotification = new(
        "check-notification",
        RuleKind.OwnMethod,
        """
        Each notification names who was told (LLV033 when 'to' is not one of the format's values: the build's reader
        refuses it first), and is either made, with a date, or decided against, with the reason under not_notified
        (LLV034 when it has neither, or both). 'to: other' needs a recipient saying who (LLV035). Its date must be
        between the event and today (event-date, LLV031).
        """,
        [Sources.WhoMustBeTold, Sources.LearningLogFormat],
        n => (RecipientValues.Contains(n.Notification.To)
                ? new LogIssue[0]
                : new[] { new LogIssue("LLV033", Error, n.Path + ".to", "'to' cannot be '" + n.Notification.To + "'", RecipientHint) })
            .Concat(string.IsNullOrEmpty(n.Notification.Date) && string.IsNullOrWhiteSpace(n.Notification.NotNotified)
                ? new[]
                {
                    new LogIssue("LLV034", Error, n.Path, "the notification to '" + n.Notification.To + "' has neither a date nor a decision not to notify",
                        "add 'date: YYYY-MM-DD' (when you told them), or 'not_notified: ...' (why you decided not to)"),
                }
                : !string.IsNullOrEmpty(n.Notification.Date) && !string.IsNullOrWhiteSpace(n.Notification.NotNotified)
                    ? new[]
                    {
                        new LogIssue("LLV034", Error, n.Path, "the notification to '" + n.Notification.To + "' has both a date and a decision not to notify",
                            "keep 'date:' if you told them, or 'not_notified:' if you decided not to"),
                    }
                    : new LogIssue[0])
            .Concat(n.Notification.To == F.NotificationRecipients.Other.Value && string.IsNullOrWhiteSpace(n.Notification.Recipient)
                ? new[] { new LogIssue("LLV035", Error, n.Path + ".recipient", "a notification to 'other' needs to say who was told", "add 'recipient: ...', for example 'Local health protection team'") }
                : new LogIssue[0])
            .Concat(EventDate.Evaluate(new LogDateField(n.Log, n.Path + ".date", "date", n.Notification.Date)))
            .ToArray());

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
                    new LogIssue("LLV017", Error, c.Path + ".evidence", "action '" + c.Action.Id + "' is done but has no completion evidence",
                        "add 'evidence: ...' saying how you know it was done"),
                }
                : new LogIssue[0])
            .Concat(c.Action.Status == F.ActionStatuses.Done.Value && string.IsNullOrEmpty(c.Action.Completed)
                ? new[] { new LogIssue("LLV018", Error, c.Path + ".completed", "action '" + c.Action.Id + "' is done but has no completion date", "add 'completed: YYYY-MM-DD'") }
                : new LogIssue[0])
            .Concat(c.Action.Status == F.ActionStatuses.Dropped.Value && string.IsNullOrWhiteSpace(c.Action.DroppedReason)
                ? new[] { new LogIssue("LLV019", Error, c.Path + ".dropped_reason", "action '" + c.Action.Id + "' was dropped without a reason", "add 'dropped_reason: ...'") }
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

    public static readonly Rule<LogActionContext, LogIssue[]> ActionKindKnown = new(
        "action-kind",
        RuleKind.OwnMethod,
        "LLV036: an action's kind, when given, must be one of the format's kinds (the build's reader refuses others first).",
        Format,
        c => !string.IsNullOrEmpty(c.Action.Kind) && !KindValues.Contains(c.Action.Kind)
            ? new[] { new LogIssue("LLV036", Error, c.Path + ".kind", "'kind' cannot be '" + c.Action.Kind + "'", "allowed: " + string.Join(", ", KindValues)) }
            : new LogIssue[0]);

    public static readonly Rule<LogActionContext, LogIssue[]> EvidenceCategoryKnown = new(
        "action-evidence-category",
        RuleKind.OwnMethod,
        "LLV041: an action's evidence category, when given, must be one of CQC's six evidence categories (the build's reader refuses others first).",
        [Sources.CqcEvidenceCategories, Sources.LearningLogFormat],
        c => !string.IsNullOrEmpty(c.Action.EvidenceCategory) && !EvidenceCategoryValues.Contains(c.Action.EvidenceCategory)
            ? new[] { new LogIssue("LLV041", Error, c.Path + ".evidence_category", "'evidence_category' cannot be '" + c.Action.EvidenceCategory + "'", "allowed: " + string.Join(", ", EvidenceCategoryValues)) }
            : new LogIssue[0]);

    public static readonly Rule<LogActionContext, LogIssue[]> CheckAction = new(
        "check-action",
        RuleKind.OwnMethod,
        """
        Each action is checked in turn, its findings together and in this order: its id (action-id-unique), its kind
        (action-kind), its evidence category (action-evidence-category), the factors it addresses (action-addresses-factors), its completion record (action-completion)
        and its dates (action-dates).
        """,
        Format,
        c => ActionIdUnique.Evaluate(c)
            .Concat(ActionKindKnown.Evaluate(c))
            .Concat(EvidenceCategoryKnown.Evaluate(c))
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
        LLV024, a warning. They come in a fixed order: dates that are not real dates (LLV025, which the build's reader
        refuses first), the fields every log must fill in (required-fields), the log's id, when it occurred, the order
        of its dates, harm, the duty of candour (its assessment, its notification record and its dates), each
        notification in turn (check-notification), the factors, then each action in turn (check-action), whether a
        closed or monitored log is ready for that status, and last the redaction check of a log meant for publication.
        """,
        Format,
        x => DatesAreReal.Evaluate(x)
            .Concat(RequiredFields.Evaluate(x))
            .Concat(IdFormat.Evaluate(x))
            .Concat(IdMatchesFile.Evaluate(x))
            .Concat(OccurredDate.Evaluate(x))
            .Concat(IdentifiedAfterOccurred.Evaluate(x))
            .Concat(NoFutureDates.Evaluate(x))
            .Concat(HarmFitsEvent.Evaluate(x))
            .Concat(CandourAssessment.Evaluate(x))
            .Concat(CandourNotification.Evaluate(x))
            .Concat(CandourDates.Evaluate(x))
            .Concat(x.Notifications.SelectMany((n, i) => CheckNotification.Evaluate(new LogNotificationContext(x, n, "notifications[" + i.ToString(CultureInfo.InvariantCulture) + "]"))))
            .Concat(FactorIdsUnique.Evaluate(x))
            .Concat(x.Actions.SelectMany((a, i) => CheckAction.Evaluate(new LogActionContext(x, a, i, "actions[" + i.ToString(CultureInfo.InvariantCulture) + "]"))))
            .Concat(ClosedLog.Evaluate(x))
            .Concat(MonitoredLog.Evaluate(x))
            .Concat(RedactionChecked.Evaluate(x))
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
                + "a missing title, summary or description, dates in the wrong order or in the future, harm that does not fit the event, a duty of candour without its "
                + "Regulation 20(9) answers or its notification record, notifications without a date or a reason, "
                + "actions that answer no factor or are finished without a record, logs closed too early, and a log meant "
                + "for publication without a confirmed redaction check. The build runs these rules on every log, and the "
                + "draft form runs them before it lets you download the file.",
            IsCqcMethod = false,
            Entry = new("validate", ValidateLog),
            Rules =
            [
                ValidateLog, DatesAreReal, MalformedDate, RequiredFields, RequiredField, IdFormat, IdMatchesFile, OccurredDate, OccurredStart, IdentifiedAfterOccurred, NoFutureDates,
                HarmFitsEvent, CandourAssessment, CandourAnswers, CandourApplies, NotifiableOutcomes, CandourNotification, CandourDates, EventDate,
                CheckNotification, FactorIdsUnique, CheckAction, ActionIdUnique, ActionKindKnown, EvidenceCategoryKnown, ActionAddressesFactors, ActionCompletion,
                ActionDates, ClosedLog, MonitoredLog, RedactionChecked,
            ],
            Exports =
            [
                new ModuleExport("logFormat", "The learning log format's option lists: each field's allowed values, labels and hints.", LogFormat.Options),
            ],
        })
    {
    }
}
