using CqcGuide.Rules.LearningLogs;

namespace CqcGuide.Rules.Tests.ModelTests;

public class ImprovementPlanTests
{
    private static PlanSummary On(string today, params PlanItemInput[] items) => ImprovementPlan.SummaryOf(new PlanInput(today, items));

    [Fact]
    public void An_item_is_overdue_only_from_the_day_after_its_due_date_and_done_only_from_its_completion()
    {
        var plan = On("2026-12-02",
            new("due-today", "planned", "2026-12-02", null),
            new("due-yesterday", "in-progress", "2026-12-01", null),
            new("done-tomorrow", "done", "2026-11-01", "2026-12-03"),
            new("done-today", "done", "2026-11-01", "2026-12-02"),
            new("done-undated", "done", null, null),
            new("dropped-late", "dropped", "2020-01-01", null),
            new("no-due", "planned", null, null));
        Assert.Equal(
            ["due-today:open", "due-yesterday:overdue", "done-tomorrow:overdue", "done-today:done", "done-undated:done", "dropped-late:dropped", "no-due:open"],
            plan.Items.Select(i => $"{i.Id}:{i.State}"));
        Assert.Equal((2, 2, 2, 1), (plan.Open, plan.Overdue, plan.Done, plan.Dropped));
    }

    [Fact]
    public void A_plan_item_and_a_log_action_with_the_same_dates_are_in_the_same_state()
    {
        var log = new GovernanceLog("ll", "A log", "actions-open", "2026-01-01", null, null, false, [], [], [], []);
        foreach (var (status, due, completed) in new[] { ("planned", "2026-06-30", (string?)null), ("done", "2026-06-01", "2026-07-02"), ("dropped", null, null), ("in-progress", "2026-07-01", null) })
        {
            var action = new GovernanceAction("a", "An action", status, "system-change", due, completed, [], []);
            var asAction = LearningGovernance.ActionState.Evaluate(new GovernanceActionAt(log, action, "2026-07-01"));
            var asItem = On("2026-07-01", new PlanItemInput("p", status, due, completed)).Items.Single().State;
            Assert.Equal(asAction, asItem);
        }
    }

    [Fact]
    public void The_plan_format_offers_the_log_action_statuses()
    {
        Assert.Equal(LogFormat.ActionStatuses.All.Select(o => o.Value), ImprovementPlan.Format.Statuses.Select(s => s.Value));
        Assert.Matches(ImprovementPlan.Format.IdPattern, "p1");
        Assert.DoesNotMatch(ImprovementPlan.Format.IdPattern, "__proto__");
    }
}
