using System.Text.Json;
using CqcGuide.Rules.LearningLogs;
using F = CqcGuide.Rules.LearningLogs.LogFormat;

namespace CqcGuide.Rules.ScoringModels;

/// <summary>
/// The learning-log fields the linter reads. JSON (camelCase) is the contract with the browser form and the site build.
/// </summary>
/// <param name="Status">draft | learning-in-progress | actions-open | monitoring | closed</param>
/// <param name="GovernanceReflection">The documented governance reflection, if any.</param>
/// <param name="Harm">none | low | moderate | severe | fatal, or null when not graded.</param>
/// <param name="CandourOutcomes">The Regulation 20(9) answers, if recorded.</param>
/// <param name="Notifications">Who was told (a date) or decided against (no date).</param>
public sealed record LearningLogInput(
    string Status,
    LogFactor[] Factors,
    LogAction[] Actions,
    string? GovernanceReflection,
    string? Harm,
    LogCandourOutcomes? CandourOutcomes,
    LogNotification[] Notifications,
    LogMeasureEvidence[]? Measures = null)
{
    /// <summary>Reads a learning-log input from JSON (camelCase). Throws <see cref="JsonException"/> on malformed input.</summary>
    public static LearningLogInput FromJson(string json) =>
        JsonSerializer.Deserialize<LearningLogInput>(json, RulesJson.Options) ?? throw new JsonException("A learning log must be a JSON object.");
}

/// <param name="Area">SEIPS work-system area: person | tasks | tools-technology | organisation | internal-environment | external-environment</param>
/// <param name="Systemic">Whether the problem lives in everyday work, not just this event.</param>
public sealed record LogFactor(string Id, string Area, bool Systemic);

/// <param name="Addresses">Ids of the factors the action answers.</param>
/// <param name="Due">yyyy-mm-dd</param>
/// <param name="Status">planned | in-progress | done | dropped</param>
/// <param name="Reviews">How many effectiveness reviews have been recorded.</param>
/// <param name="Kind">repair | system-change | training | reminder | policy | other, or null when not given.</param>
public sealed record LogAction(
    string Id,
    string Description,
    string[] Addresses,
    string? OwnerRole,
    string? Due,
    string Status,
    string? Measure,
    int Reviews,
    string? Kind);

/// <param name="To">cqc | safeguarding | riddor | mhra | coroner | commissioner | police | other</param>
/// <param name="Date">When they were told; null or empty when the log records a decision not to tell them.</param>
public sealed record LogNotification(string To, string? Date);

/// <summary>
/// What a measure's SPC analysis says about an action that names it (<c>measure_id</c>): given by the site build, which
/// has the measure; the draft form has no measures and leaves it out.
/// </summary>
/// <param name="ActionId">The action the measure monitors.</param>
/// <param name="Adopted">Whether an effectiveness review decided to adopt the change.</param>
/// <param name="ChangeIndex">The index of the first point after the action's change took effect (the measure's change that names
/// the action), or 0 when the measure names no change for it.</param>
/// <param name="Variations">Each point's variation (the <c>spc</c> model's SpcVariation numbers).</param>
/// <param name="Assurance">The latest segment's assurance (the <c>spc</c> model's SpcAssurance number).</param>
public sealed record LogMeasureEvidence(string ActionId, string MeasureTitle, bool Adopted, int ChangeIndex, int[] Variations, int Assurance);

/// <summary>A wording that marks a weaker action, and the phrase as the finding quotes it.</summary>
public sealed record VaguePhrase(string Match, string Phrase);

/// <summary>One finding of the learning-log linter.</summary>
public sealed record LogFinding(string Code, string Severity, string Pitfall, string Message, string Guidance, string? ActionId);

/// <summary>
/// <c>learning-log-quality</c>: checks one learning log for the common pitfalls of learning from failure. Its JavaScript
/// entry point is <c>lint(input)</c>; in .NET call <see cref="Lint"/>.
/// </summary>
public sealed class LearningLogQuality : RuleModel
{
    public const string ModelId = "learning-log-quality";
    public const string ModelVersion = "2.1.0";

    private static readonly RuleSource[] Article = [Sources.LearningFromFailure];

    /// <summary>
    /// Wordings that ask people to remember or try harder: each phrase in lower case and with a capital first letter
    /// (the rules compare ordinally: case mapping is not identical in .NET and JavaScript).
    /// </summary>
    public static IReadOnlyList<string> VagueWordings { get; } =
    [
        "remind", "retrain", "re-train", "refresher", "re-issue", "reissue", "reiterate", "re-iterate", "recirculate", "re-circulate",
        "raise awareness", "raising awareness", "be more careful", "take more care", "be vigilant", "be more vigilant", "reflect on",
    ];

    public static IReadOnlyList<VaguePhrase> VaguePhrases { get; } = VagueWordings
        .SelectMany(p => new[] { new VaguePhrase(p, p), new VaguePhrase(char.ToUpperInvariant(p[0]) + p[1..], p) })
        .ToArray();

    public static readonly Rule<LearningLogInput, LogFinding[]> OnlyQuickFixes = new(
        "llq001-only-quick-fixes",
        RuleKind.OwnMethod,
        """
        LLQ001: every contributory factor marked as systemic needs at least one action (other than a dropped one). One
        finding names the systemic factors no action addresses; when no factor is marked as systemic at all, the finding
        says so instead. Actions that only answer the immediate event are quick fixes; learning addresses the conditions
        that allowed it, and each systemic factor is one of those conditions.
        """,
        [Sources.LearningFromFailure, Sources.PsirfToolkit],
        x => Expr.Let(x.Factors.Where(f => f.Systemic).Select(f => f.Id).Distinct().ToArray(), systemic =>
            Expr.Let(systemic.Where(id => !x.Actions.Any(a => a.Status != F.ActionStatuses.Dropped.Value && a.Addresses.Contains(id))).ToArray(), unanswered =>
                systemic.Length == 0
                    ? new[]
                    {
                        new LogFinding("LLQ001", "warning", "quick-fixes",
                            "No contributory factor is marked as systemic, so the actions may fix this event without changing the conditions that allowed it. Ask which factors are present in everyday work, mark them as systemic and give each an action.",
                            "/guidance/common-pitfalls/#quick-fixes", null),
                    }
                    : unanswered.Length > 0
                        ? new[]
                        {
                            new LogFinding("LLQ001", "warning", "quick-fixes",
                                (unanswered.Length == 1 ? "Systemic factor " + unanswered[0] + " has" : "Systemic factors " + string.Join(", ", unanswered) + " have")
                                + " no action, so the conditions " + (unanswered.Length == 1 ? "it describes" : "they describe") + " are still there. Give every systemic factor at least one action.",
                                "/guidance/common-pitfalls/#quick-fixes", null),
                        }
                        : new LogFinding[0])));

    public static readonly Rule<LearningLogInput, LogFinding[]> IndividualsOnly = new(
        "llq002-individuals-only",
        RuleKind.OwnMethod,
        """
        LLQ002: raised when no contributory factor is recorded, or when every factor is in the "person" area of the
        SEIPS work system. Causes attributed only to individuals rarely lead to learning; look at tasks, tools and
        technology, the organisation and the environments too.
        """,
        [Sources.LearningFromFailure, Sources.PsirfToolkit],
        x => x.Factors.Length == 0
            ? new[]
            {
                new LogFinding("LLQ002", "warning", "blaming-individuals",
                    "No contributory factors are recorded. Record what in the work system (tasks, tools and technology, organisation, environment) contributed, not only who was involved.",
                    "/guidance/common-pitfalls/#blaming-individuals", null),
            }
            : x.Factors.All(f => f.Area == F.WorkSystemAreas.Person.Value)
                ? new[]
                {
                    new LogFinding("LLQ002", "warning", "blaming-individuals",
                        "Every contributory factor is about an individual (the \"person\" area). Look at the tasks, tools and technology, organisation and environments as well.",
                        "/guidance/common-pitfalls/#blaming-individuals", null),
                }
                : new LogFinding[0]);

    public static readonly Rule<LearningLogInput, LogFinding[]> NoGovernanceReflection = new(
        "llq003-no-governance-reflection",
        RuleKind.OwnMethod,
        """
        LLQ003: raised when the log is being monitored or is closed and the governance reflection is missing or blank
        (only spaces or other white space, as .NET defines it). Documented reflection shows the provider is analysing
        issues and using the analysis to inform change. It is due once the log reaches monitoring: by then the changes
        are in place and the governance forum should have looked at what the event says about oversight, escalation and
        information flow. While the learning response is under way or actions are still open it is not a finding.
        """,
        Article,
        x => (x.Status == F.Statuses.Monitoring.Value || x.Status == F.Statuses.Closed.Value) && string.IsNullOrWhiteSpace(x.GovernanceReflection)
            ? new[]
            {
                new LogFinding("LLQ003", "warning", "undocumented-learning",
                    "There is no documented governance reflection. Write down what the review found about decisions, escalation, oversight and information flow.",
                    "/guidance/common-pitfalls/#undocumented-learning", null),
            }
            : new LogFinding[0]);

    public static readonly Rule<LearningLogInput, LogFinding[]> ActionWithoutMeasure = new(
        "llq004-action-without-measure",
        RuleKind.OwnMethod,
        """
        LLQ004: one finding for each action (other than dropped ones and one-off repairs) with no measure of
        effectiveness. Without a measure nobody can tell whether the change worked. A one-off repair (kind: repair)
        puts something back as it was, so it needs no measure; if the same thing keeps breaking, that is a systemic
        factor with an action of its own.
        """,
        [Sources.LearningFromFailure, Sources.FirstCommunityPsirp],
        x => x.Actions
            .Where(a => a.Status != F.ActionStatuses.Dropped.Value && a.Kind != F.ActionKinds.Repair.Value && string.IsNullOrWhiteSpace(a.Measure))
            .Select(a => new LogFinding("LLQ004", "warning", "unmonitored-changes",
                "Action " + a.Id + " has no measure of effectiveness. Say what you will measure to know whether it worked.",
                "/guidance/common-pitfalls/#unmonitored-changes", a.Id))
            .ToArray());

    public static readonly Rule<LearningLogInput, LogFinding[]> ActionWithoutOwnerOrDate = new(
        "llq005-action-without-owner-or-date",
        RuleKind.OwnMethod,
        """
        LLQ005: one finding for each action with no owner role or no due date (blank counts as missing). Actions without
        an owner or a date are a known cause of actions not being done.
        """,
        [Sources.DsptImprovementPlans, Sources.LearningFromFailure],
        x => x.Actions
            .Where(a => string.IsNullOrWhiteSpace(a.OwnerRole) || string.IsNullOrWhiteSpace(a.Due))
            .Select(a => new LogFinding("LLQ005", "warning", "unowned-actions",
                "Action " + a.Id
                + (string.IsNullOrWhiteSpace(a.OwnerRole) && string.IsNullOrWhiteSpace(a.Due) ? " has no owner role and no due date."
                    : string.IsNullOrWhiteSpace(a.OwnerRole) ? " has no owner role." : " has no due date.")
                + " Give every action an owner role and a date to be completed by.",
                "/guidance/practice-change/", a.Id))
            .ToArray());

    public static readonly Rule<LearningLogInput, LogFinding[]> ClosedWithoutReview = new(
        "llq006-closed-without-review",
        RuleKind.OwnMethod,
        """
        LLQ006: when the log is closed, one finding for each action (other than dropped ones) with no effectiveness
        review. Close a log only after each change has been reviewed and adopted, adapted or abandoned.
        """,
        [Sources.FirstCommunityPsirp, Sources.LearningFromFailure],
        x => x.Status == F.Statuses.Closed.Value
            ? x.Actions
                .Where(a => a.Status != F.ActionStatuses.Dropped.Value && a.Reviews <= 0)
                .Select(a => new LogFinding("LLQ006", "warning", "unmonitored-changes",
                    "The log is closed but action " + a.Id + " has no effectiveness review. Record whether it worked and whether to adopt, adapt or abandon it.",
                    "/guidance/common-pitfalls/#unmonitored-changes", a.Id))
                .ToArray()
            : new LogFinding[0]);

    public static readonly Rule<LearningLogInput, LogFinding[]> SeriousIncidentNotNotified = new(
        "llq007-serious-incident-not-notified",
        RuleKind.OwnMethod,
        """
        LLQ007: raised when a log describes a death or a serious injury and records no notification to CQC with a date.
        A log describes a death when its harm is fatal or the Regulation 20(9) answer on death is yes, and a serious
        injury when its harm is severe or the answer on changes to the structure of the body (such as a fracture) is
        yes. CQC must be told of a death without delay (Registration Regulations 2009, regulation 16) and of a serious
        injury (regulation 18). A decision not to notify CQC does not clear the finding: if the team is sure, it can
        acknowledge the finding with its reason.
        """,
        [Sources.CqcDeathNotification, Sources.WhoMustBeTold],
        x => Expr.Let(x.Harm == F.Harms.Fatal.Value || x.CandourOutcomes != null && x.CandourOutcomes.Death == F.CandourAnswers.Yes.Value, death =>
            (death || x.Harm == F.Harms.Severe.Value || x.CandourOutcomes != null && x.CandourOutcomes.BodyStructure == F.CandourAnswers.Yes.Value)
                && !x.Notifications.Any(n => n.To == F.NotificationRecipients.Cqc.Value && !string.IsNullOrEmpty(n.Date))
                ? new[]
                {
                    new LogFinding("LLQ007", "warning", "missed-notification",
                        death
                            ? "This log describes a death, but no notification to CQC is recorded. A provider must tell CQC about the death of a person using the service without delay. Record it under notifications (to: cqc) with the date it was sent."
                            : "This log describes a serious injury, but no notification to CQC is recorded. A provider must tell CQC about a serious injury, such as a broken bone, without delay. Record it under notifications (to: cqc) with the date it was sent.",
                        death ? "/guidance/who-must-be-told/#1-has-the-person-died" : "/guidance/who-must-be-told/#2-is-there-a-serious-injury", null),
                }
                : new LogFinding[0]));

    public static readonly Rule<LogAction, string?> WeakerAction = new(
        "weaker-action",
        RuleKind.OwnMethod,
        $"""
        Why an action counts as a weaker action, or nothing when it does not. A system change or a one-off repair never
        does. A reminder (kind: reminder) always does. Any other action does when its description asks people to
        remember or try harder: it contains, in lower case or with a capital first letter, one of
        {string.Join(", ", VagueWordings.Select(w => "\"" + w + "\""))}. Training and policy actions that say
        specifically what changes are not weaker by their wording alone.
        """,
        [Sources.HssibRecommendations, Sources.CcpsSustainableActions],
        a => a.Kind == F.ActionKinds.SystemChange.Value || a.Kind == F.ActionKinds.Repair.Value ? null
            : a.Kind == F.ActionKinds.Reminder.Value ? "it is a reminder"
            : Expr.Let(VaguePhrases.FirstOrDefault(v => a.Description.Contains(v.Match, StringComparison.Ordinal)), phrase =>
                phrase == null ? null : "it asks people to remember or try harder (\"" + phrase.Phrase + "\")"));

    public static readonly Rule<LearningLogInput, LogFinding[]> WeakActionsOnly = new(
        "llq008-weak-actions-only",
        RuleKind.OwnMethod,
        """
        LLQ008: one finding for each weaker action (weaker-action; dropped actions aside) when no system change (kind:
        system-change, not dropped) addresses any of the same factors. The hierarchy of actions ranks what works: the
        strongest actions remove a hazard or redesign the work, and the weakest are training, reminders and policies,
        because they rely on people remembering. A weaker action alongside a system change is fine; on its own it
        rarely stops the problem coming back.
        """,
        [Sources.HssibRecommendations, Sources.CcpsSustainableActions, Sources.LearningFromFailure],
        x => x.Actions
            .Where(a => a.Status != F.ActionStatuses.Dropped.Value
                && !a.Addresses.Any(id => x.Actions.Any(b => b.Status != F.ActionStatuses.Dropped.Value && b.Kind == F.ActionKinds.SystemChange.Value && b.Addresses.Contains(id))))
            .SelectMany(a => Expr.Let(WeakerAction.Evaluate(a), why =>
                why == null
                    ? new LogFinding[0]
                    : new[]
                    {
                        new LogFinding("LLQ008", "warning", "weak-actions",
                            "Action " + a.Id + " is a weaker action: " + why + ", and no system change addresses the same factors. In the hierarchy of actions, removing a hazard or redesigning the work is strongest; training, reminders and policies are weakest, because they rely on people remembering. Add an action that changes the work itself, or set this action's kind to system-change if it already does.",
                            "/guidance/practice-change/#stronger-and-weaker-actions", a.Id),
                    }))
            .ToArray());

    /// <summary>SpcVariation's "special cause improvement" (higher or lower values).</summary>
    private const int ImprovementHigh = 2, ImprovementLow = 3;

    /// <summary>SpcAssurance's "hit and miss".</summary>
    private const int HitAndMiss = 3;

    /// <summary>Points after a change before a measure's limits mean much (NHSRplotthedots' threshold).</summary>
    public const int EnoughPoints = 12;

    public static readonly Rule<LearningLogInput, LogFinding[]> UnprovenChange = new(
        "llq009-unproven-change",
        RuleKind.OwnMethod,
        """
        LLQ009: one finding for each action whose measure (measure_id) shows no special cause improvement since the change
        took effect, when the action was adopted after an effectiveness review or the log is closed. Adopting a change the
        data does not yet show to work is the pitfall of not monitoring whether a change worked: a run of points on the
        better side of the mean, a trend, or a point beyond the process limit is what shows a real improvement.
        """,
        [Sources.LearningFromFailure, Sources.MakingDataCount],
        x => x.Measures == null
            ? new LogFinding[0]
            : x.Measures
                .Where(m => (m.Adopted || x.Status == F.Statuses.Closed.Value)
                    && !m.Variations.Select((v, i) => i >= m.ChangeIndex && (v == ImprovementHigh || v == ImprovementLow)).Any(b => b))
                .Select(m => new LogFinding("LLQ009", "warning", "unmonitored-changes",
                    "Action " + m.ActionId + " is treated as done and working, but its measure (" + m.MeasureTitle + ") shows no special cause improvement since the change: the data does not yet show that it worked. Keep monitoring, or review the action again.",
                    "/guidance/is-it-working/", m.ActionId))
                .ToArray());

    public static readonly Rule<LearningLogInput, LogFinding[]> HitAndMissTarget = new(
        "llq010-hit-and-miss-target",
        RuleKind.OwnMethod,
        """
        LLQ010: one finding for each action whose measure's target is hit and miss (the target lies within the process
        limits of the latest segment), when the action was adopted or the log is closed: the process as it now runs will
        meet the target some months and miss it in others, so the change has not yet made the target reliable.
        """,
        [Sources.LearningFromFailure, Sources.MakingDataCount],
        x => x.Measures == null
            ? new LogFinding[0]
            : x.Measures
                .Where(m => (m.Adopted || x.Status == F.Statuses.Closed.Value) && m.Assurance == HitAndMiss)
                .Select(m => new LogFinding("LLQ010", "warning", "unmonitored-changes",
                    "Action " + m.ActionId + "'s measure (" + m.MeasureTitle + ") meets its target only some of the time: the target lies within the process limits, so the process will keep hitting and missing it until the work itself changes again.",
                    "/guidance/is-it-working/", m.ActionId))
                .ToArray());

    public static readonly Rule<LearningLogInput, LogFinding[]> ThinEvidence = new(
        "llq011-thin-evidence",
        RuleKind.OwnMethod,
        """
        LLQ011: one finding for each action whose measure has fewer than 12 points since the change took effect, when the
        action was adopted or the log is closed: with so few points the evidence that the change worked is still thin,
        whatever the chart shows so far.
        """,
        [Sources.MakingDataCount],
        x => x.Measures == null
            ? new LogFinding[0]
            : x.Measures
                .Where(m => (m.Adopted || x.Status == F.Statuses.Closed.Value) && m.Variations.Length - m.ChangeIndex < EnoughPoints)
                .Select(m => new LogFinding("LLQ011", "warning", "unmonitored-changes",
                    "Action " + m.ActionId + "'s measure (" + m.MeasureTitle + ") has only " + (m.Variations.Length - m.ChangeIndex).ToString(System.Globalization.CultureInfo.InvariantCulture) + " points since the change: the evidence is still thin. Twelve points or more give process limits worth reading.",
                    "/guidance/is-it-working/", m.ActionId))
                .ToArray());

    public static readonly Rule<LearningLogInput, LogFinding[]> LintLog = new(
        "lint-learning-log",
        RuleKind.OwnMethod,
        """
        Checks one learning log for the common pitfalls of learning from failure. The findings are warnings, never
        errors, and come in a fixed order: the log-level findings LLQ001, LLQ002, LLQ003 and LLQ007, then the
        per-action findings LLQ004, LLQ005, LLQ006 and LLQ008, each in the order the actions are listed, then what the
        measures say (LLQ009, LLQ010, LLQ011), in the order the measures are given.
        """,
        Article,
        x => OnlyQuickFixes.Evaluate(x)
            .Concat(IndividualsOnly.Evaluate(x))
            .Concat(NoGovernanceReflection.Evaluate(x))
            .Concat(SeriousIncidentNotNotified.Evaluate(x))
            .Concat(ActionWithoutMeasure.Evaluate(x))
            .Concat(ActionWithoutOwnerOrDate.Evaluate(x))
            .Concat(ClosedWithoutReview.Evaluate(x))
            .Concat(WeakActionsOnly.Evaluate(x))
            .Concat(UnprovenChange.Evaluate(x))
            .Concat(HitAndMissTarget.Evaluate(x))
            .Concat(ThinEvidence.Evaluate(x))
            .ToArray());

    /// <summary>Lints one learning log.</summary>
    public static IReadOnlyList<LogFinding> Lint(LearningLogInput input) => LintLog.Evaluate(input);

    /// <summary>The model. Built on first use, after every static rule above exists (so declaration order does not matter).</summary>
    public static LearningLogQuality Instance => instance.Value;

    private static readonly Lazy<LearningLogQuality> instance = new(() => new LearningLogQuality());

    private LearningLogQuality()
        : base(new ModelDescriptor
        {
            Id = ModelId,
            Version = ModelVersion,
            Title = "Learning log quality checks",
            Summary = "CqcGuide's own checks, not a CQC method: warnings on a learning log that shows one of the common pitfalls of "
                + "learning from failure — quick fixes instead of underlying causes, blaming individuals, undocumented reflection, "
                + "changes that are not monitored, weaker actions with no system change, and a death or serious injury with no "
                + "notification to CQC.",
            IsCqcMethod = false,
            Entry = new("lint", LintLog),
            Rules =
            [
                LintLog, OnlyQuickFixes, IndividualsOnly, NoGovernanceReflection, SeriousIncidentNotNotified, ActionWithoutMeasure,
                ActionWithoutOwnerOrDate, ClosedWithoutReview, WeakActionsOnly, WeakerAction, UnprovenChange, HitAndMissTarget, ThinEvidence,
            ],
        })
    {
    }
}
