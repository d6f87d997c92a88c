using System.Text.Json;
using CqcGuide.Rules.ScoringModels;
using F = CqcGuide.Rules.LearningLogs.LogFormat;

namespace CqcGuide.Rules.LearningLogs;

// The JSON contract of the improvement-plan model (camelCase). Dates are YYYY-MM-DD strings; statuses are the
// kebab-case values of a log action's status (planned, in-progress, done, dropped).

/// <summary>What the plan rules read: the day, and each plan item's id, status and dates.</summary>
public sealed record PlanInput(string Today, PlanItemInput[] Items)
{
    /// <summary>Reads an input from JSON (camelCase). Throws <see cref="JsonException"/> on malformed input.</summary>
    public static PlanInput FromJson(string json) =>
        JsonSerializer.Deserialize<PlanInput>(json, RulesJson.Options) ?? throw new JsonException("A plan input must be a JSON object.");
}

/// <summary>A plan item as the rules read it.</summary>
public sealed record PlanItemInput(string Id, string Status, string? Due, string? Completed);

/// <summary>A plan item's state on the day: open, overdue, done or dropped.</summary>
public sealed record PlanItemState(string Id, string State);

/// <summary>The plan on a day: each item's state and how many items are in each state.</summary>
public sealed record PlanSummary(PlanItemState[] Items, int Open, int Overdue, int Done, int Dropped);

/// <summary>The limits and option lists of a plan item, shared by the answers-file parser and the browser's plan page.</summary>
/// <param name="Statuses">A plan item's statuses: those of a log action, so a plan item and the action it becomes read alike.</param>
/// <param name="IdPattern">What an item id looks like (a regular expression both sides accept).</param>
/// <param name="States">What plan() returns for an item (open, overdue, done, dropped) and how pages name it.</param>
public sealed record PlanFormat(LogOption[] Statuses, LogOption[] States, string IdPattern, int MaxItems, int MaxWhat, int MaxText, int MaxOwner);

/// <summary>
/// The improvement plan a team keeps with its self-assessment answers: the state of each item on a day, by the same
/// rule as a log action (<see cref="LearningGovernance.StateOn"/>), and the limits of the plan's fields. CqcGuide's
/// own model, not a CQC method.
/// </summary>
public sealed class ImprovementPlan : RuleModel
{
    public const string ModelId = "improvement-plan";
    public const string ModelVersion = "1.0.0";

    /// <summary>The plan's fields and limits (exported to the browser as <c>planFormat</c>).</summary>
    public static readonly PlanFormat Format = new(
        F.ActionStatuses.All.Select(o => o.Untyped()).ToArray(),
        [new(LearningGovernance.Open, "Open", null), new(LearningGovernance.Overdue, "Overdue", null), new(LearningGovernance.Done, "Done", null), new(LearningGovernance.Dropped, "Dropped", null)],
        "^[a-z0-9][a-z0-9-]{0,39}$",
        MaxItems: 100, MaxWhat: 300, MaxText: 2000, MaxOwner: 200);

    public static readonly Rule<PlanInput, PlanSummary> States = new(
        "plan-summary",
        RuleKind.OwnMethod,
        """
        Each plan item's state on the day, by state-on (the rule log actions use): dropped, done (completed on or before
        the day), overdue (due before the day and not done) or open; and the number of items in each state. A plan item
        has the statuses of a log action, so an item that becomes an action in a learning log keeps its meaning.
        """,
        [Sources.DsptImprovementPlans, Sources.LearningLogFormat],
        x => Expr.Let<PlanItemState[], PlanSummary>(
            x.Items.Select(i => new PlanItemState(i.Id, LearningGovernance.StateOn.Evaluate(new DatedStatus(i.Status, i.Due, i.Completed, x.Today)))).ToArray(),
            states => new PlanSummary(states,
                states.Count(s => s.State == LearningGovernance.Open),
                states.Count(s => s.State == LearningGovernance.Overdue),
                states.Count(s => s.State == LearningGovernance.Done),
                states.Count(s => s.State == LearningGovernance.Dropped))));

    /// <summary>The plan's states on a day.</summary>
    public static PlanSummary SummaryOf(PlanInput input) => States.Evaluate(input);

    public static ImprovementPlan Instance => instance.Value;

    private static readonly Lazy<ImprovementPlan> instance = new(() => new ImprovementPlan());

    private ImprovementPlan()
        : base(new ModelDescriptor
        {
            Id = ModelId,
            Version = ModelVersion,
            Title = "Improvement plan",
            Summary = "CqcGuide's own model, not a CQC method: the improvement plan a team keeps with its self-assessment answers "
                + "(what, why, owner role, due date, measure, status). Each item is open, overdue, done or dropped on a given day by "
                + "the same rule as a learning log's actions; the model also sets the plan's limits. The plan page in the browser "
                + "and the progress pages the build draws use these rules.",
            IsCqcMethod = false,
            Entry = new("plan", States),
            Rules = [States, LearningGovernance.StateOn],
            Exports =
            [
                new ModuleExport("planFormat", "A plan item's statuses (those of a log action), the states plan() returns with their labels, the id pattern and the length limits.", Format),
            ],
        })
    {
    }
}
