using System.Text.Json;
using F = CqcGuide.Rules.LearningLogs.LogFormat;

namespace CqcGuide.Rules.ScoringModels;

/// <summary>
/// The learning-log fields the linter reads. JSON (camelCase) is the contract with the browser form and the site build.
/// </summary>
/// <param name="Status">draft | learning-in-progress | actions-open | monitoring | closed</param>
/// <param name="GovernanceReflection">The documented governance reflection, if any.</param>
public sealed record LearningLogInput(string Status, LogFactor[] Factors, LogAction[] Actions, string? GovernanceReflection)
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
public sealed record LogAction(
    string Id,
    string Description,
    string[] Addresses,
    string? OwnerRole,
    string? Due,
    string Status,
    string? Measure,
    int Reviews);

/// <summary>One finding of the learning-log linter.</summary>
public sealed record LogFinding(string Code, string Severity, string Pitfall, string Message, string Guidance, string? ActionId);

/// <summary>
/// <c>learning-log-quality</c>: checks one learning log for the common pitfalls of learning from failure. Its JavaScript
/// entry point is <c>lint(input)</c>; in .NET call <see cref="Lint"/>.
/// </summary>
public sealed class LearningLogQuality : RuleModel
{
    public const string ModelId = "learning-log-quality";
    public const string ModelVersion = "1.0.0";

    private static readonly RuleSource[] Article = [Sources.LearningFromFailure];

    public static readonly Rule<LearningLogInput, LogFinding[]> OnlyQuickFixes = new(
        "llq001-only-quick-fixes",
        RuleKind.OwnMethod,
        """
        LLQ001: raised when no action (other than dropped ones) addresses a contributory factor marked as systemic. Actions
        that only answer the immediate event are quick fixes; learning addresses the conditions that allowed it.
        """,
        [Sources.LearningFromFailure, Sources.PsirfToolkit],
        x => x.Actions.Any(a => a.Status != F.ActionStatuses.Dropped.Value && a.Addresses.Any(id => x.Factors.Any(f => f.Systemic && f.Id == id)))
            ? new LogFinding[0]
            : new[]
            {
                new LogFinding("LLQ001", "warning", "quick-fixes",
                    "No action addresses a systemic factor, so the actions may fix this event without changing the conditions that allowed it. Link at least one action to a factor marked as systemic.",
                    "/guidance/common-pitfalls/#quick-fixes", null),
            });

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
        LLQ003: raised when the governance reflection is missing or blank (only spaces or other white space, as .NET
        defines it). Documented reflection shows the provider is analysing issues and using the analysis to inform
        change.
        """,
        Article,
        x => string.IsNullOrWhiteSpace(x.GovernanceReflection)
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
        LLQ004: one finding for each action (other than dropped ones) with no measure of effectiveness. Without a
        measure nobody can tell whether the change worked.
        """,
        [Sources.LearningFromFailure, Sources.FirstCommunityPsirp],
        x => x.Actions
            .Where(a => a.Status != F.ActionStatuses.Dropped.Value && string.IsNullOrWhiteSpace(a.Measure))
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

    public static readonly Rule<LearningLogInput, LogFinding[]> LintLog = new(
        "lint-learning-log",
        RuleKind.OwnMethod,
        """
        Checks one learning log for the common pitfalls of learning from failure. The findings are warnings, never
        errors, and come in a fixed order: LLQ001, LLQ002, LLQ003, then the per-action findings LLQ004, LLQ005 and
        LLQ006, each in the order the actions are listed.
        """,
        Article,
        x => OnlyQuickFixes.Evaluate(x)
            .Concat(IndividualsOnly.Evaluate(x))
            .Concat(NoGovernanceReflection.Evaluate(x))
            .Concat(ActionWithoutMeasure.Evaluate(x))
            .Concat(ActionWithoutOwnerOrDate.Evaluate(x))
            .Concat(ClosedWithoutReview.Evaluate(x))
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
                + "and changes that are not monitored.",
            IsCqcMethod = false,
            Entry = new("lint", LintLog),
            Rules = [LintLog, OnlyQuickFixes, IndividualsOnly, NoGovernanceReflection, ActionWithoutMeasure, ActionWithoutOwnerOrDate, ClosedWithoutReview],
        })
    {
    }
}
