using CqcGuide.Rules.LearningLogs;

namespace CqcGuide.Rules.Tests.ModelTests;

public class LearningGovernanceTests
{
    private static GovernanceAction Action(string id, string status, string? due = null, string? completed = null, string? kind = "system-change",
        string[]? addresses = null, params GovernanceReview[] reviews) =>
        new(id, "Action " + id, status, kind, due, completed, addresses ?? ["f1"], reviews);

    private static GovernanceLog Log(string id, string status, string identified, GovernanceFactor[]? factors = null, params GovernanceAction[] actions) =>
        new(id, "Log " + id, status, identified, null, null, false, ["safe.safe-systems-pathways-transitions"], factors ?? [new GovernanceFactor("f1", "tasks", true)], actions, []);

    private static string State(GovernanceAction a, string asOf) => LearningGovernance.ActionState.Evaluate(new(Log("l", "actions-open", "2026-01-01"), a, asOf));

    [Fact]
    public void An_action_is_overdue_the_day_after_it_was_due_and_done_only_from_its_completion()
    {
        Assert.Equal("open", State(Action("a", "planned", due: "2026-08-15"), "2026-08-15"));
        Assert.Equal("overdue", State(Action("a", "in-progress", due: "2026-08-15"), "2026-08-16"));
        Assert.Equal("open", State(Action("a", "planned"), "2030-01-01"));
        // Finished in October: at the end of September it was still overdue.
        Assert.Equal("overdue", State(Action("a", "done", due: "2026-09-01", completed: "2026-10-02"), "2026-09-30"));
        Assert.Equal("done", State(Action("a", "done", due: "2026-09-01", completed: "2026-10-02"), "2026-10-02"));
        Assert.Equal("dropped", State(Action("a", "dropped", due: "2020-01-01"), "2026-10-02"));
    }

    [Fact]
    public void A_closed_log_counts_as_closed_on_the_last_date_in_its_record()
    {
        var log = Log("l", "closed", "2026-01-10", null,
            Action("a1", "done", completed: "2026-02-01", reviews: new GovernanceReview("2026-05-20", "adopt")),
            Action("a2", "done", completed: "2026-03-01", reviews: new GovernanceReview("2026-04-02", "adapt"))) with { GovernanceReviewed = "2026-05-03" };
        Assert.Equal("2026-05-20", LearningGovernance.ClosedOn.Evaluate(log));
        Assert.Null(LearningGovernance.ClosedOn.Evaluate(log with { Status = "monitoring" }));
    }

    [Fact]
    public void An_area_recurs_in_two_logs_within_the_window_and_not_in_one()
    {
        GovernanceFactor[] F(string area) => [new GovernanceFactor("f1", area, true)];
        var logs = new[]
        {
            Log("a", "actions-open", "2026-01-01", F("tasks"), Action("a1", "planned", kind: "training")),
            Log("b", "actions-open", "2026-06-01", F("tasks"), Action("b1", "planned", kind: "reminder")),
            Log("c", "actions-open", "2026-06-02", F("person"), Action("c1", "planned")),
            Log("d", "actions-open", "2026-06-03", F("person")) with { TeachingExample = true },
        };
        var themes = LearningGovernance.AreaThemes.Evaluate(new GovernanceScope(logs, 365));
        var tasks = Assert.Single(themes, t => t.Key == "tasks");
        Assert.True(tasks.Recurring);
        Assert.Equal(["a", "b"], tasks.Logs);
        Assert.Equal((2, 0, "2026-01-01", "2026-06-01"), (tasks.Actions, tasks.SystemChanges, tasks.First, tasks.Last));
        var person = Assert.Single(themes, t => t.Key == "person");
        Assert.False(person.Recurring); // the teaching example does not count
        Assert.Equal(["c"], person.Logs);
        Assert.False(Assert.Single(LearningGovernance.AreaThemes.Evaluate(new GovernanceScope(logs, 100)), t => t.Key == "tasks").Recurring);
        var questions = LearningGovernance.ReportOf(new GovernanceInput("2026-06-01", "2026-06-30", "2026-07-15", 365, logs, [])).Questions;
        Assert.Contains(questions, q => q.StartsWith("Tasks comes up in 2 logs (a, b)", StringComparison.Ordinal) && q.Contains("None of the actions answering it changes the system", StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_counts_what_happened_in_its_period_as_at_its_last_day()
    {
        var input = new GovernanceInput("2026-07-01", "2026-09-30", "2026-12-01", 365,
        [
            Log("opened", "actions-open", "2026-07-05", null,
                Action("o1", "planned", due: "2026-08-01"), Action("o2", "done", due: "2026-09-01", completed: "2026-09-10"),
                Action("o3", "dropped", due: "2026-09-20")),
            Log("closed", "closed", "2026-03-01", null,
                Action("c1", "done", due: "2026-05-01", completed: "2026-04-20", reviews: new GovernanceReview("2026-08-03", "adopt"))) with { GovernanceReviewed = "2026-04-25" },
            Log("later", "actions-open", "2026-10-01", null, Action("l1", "planned", due: "2026-10-05")),
        ],
        [new GovernanceMeasure("falls", "Falls at night", [
            new GovernancePoint("2026-06", "June 2026", "2026-06-01", "2026-06-30", "concern", "Above"),
            new GovernancePoint("2026-08", "August 2026", "2026-08-01", "2026-08-31", "improvement", "Below the lower process limit"),
            new GovernancePoint("2026-09", "September 2026", "2026-09-01", "2026-09-30", "", "")])]);
        var r = LearningGovernance.ReportOf(input);
        Assert.Equal("2026-09-30", r.AsOf);
        Assert.Equal(["opened"], r.LogsOpened.Select(l => l.Id));
        Assert.Equal(["closed"], r.LogsClosed.Select(l => l.Id));
        Assert.Equal("2026-08-03", r.LogsClosed[0].Date);
        Assert.Equal(["opened"], r.LogsOpen.Select(l => l.Id));
        Assert.Equal(["o1", "o2", "o3"], r.ActionsDue.Select(a => a.Id));
        Assert.Equal(["o2"], r.ActionsDone.Select(a => a.Id));
        Assert.Equal(["o1"], r.ActionsOverdue.Select(a => a.Id));
        Assert.Equal(["o3"], r.ActionsDropped.Select(a => a.Id));
        Assert.Equal(["c1"], r.ReviewsDone.Select(a => a.Action));
        Assert.Equal(["o2"], r.ReviewsDue.Select(a => a.Id));
        Assert.Equal(["2026-08"], r.Signals.Select(s => s.Period));
        Assert.Equal(["opened"], r.OpenWithoutGovernance.Select(l => l.Id));
        Assert.StartsWith("1 action is overdue (opened o1)", r.Questions[0], StringComparison.Ordinal);
        Assert.Contains(r.Questions, q => q.StartsWith("Falls at night shows special cause improvement in August 2026", StringComparison.Ordinal));

        // The same period read in the middle of it: o2 is not done yet, and nothing after today counts.
        var mid = LearningGovernance.ReportOf(input with { Today = "2026-09-05" });
        Assert.Equal("2026-09-05", mid.AsOf);
        Assert.Equal(["o1", "o2"], mid.ActionsOverdue.Select(a => a.Id));
    }

    [Fact]
    public void A_period_that_has_not_started_has_nothing_to_report()
    {
        var input = new GovernanceInput("2027-04-01", "2027-06-30", "2026-12-31", 365,
            [Log("open", "actions-open", "2026-07-05", null, Action("a1", "planned", due: "2026-08-01"))], []);
        var r = LearningGovernance.ReportOf(input);
        Assert.Equal((0, 0, 0), (r.LogsOpen.Length, r.ActionsOverdue.Length, r.ReviewsDue.Length));
        // The same log in a period that has started: open, with an overdue action.
        var started = LearningGovernance.ReportOf(input with { From = "2026-10-01", To = "2026-12-31" });
        Assert.Equal((1, 1), (started.LogsOpen.Length, started.ActionsOverdue.Length));
    }

    [Fact]
    public void A_quiet_period_asks_whether_the_changes_still_work()
    {
        var r = LearningGovernance.ReportOf(new GovernanceInput("2026-07-01", "2026-09-30", "2026-12-01", 365, [], []));
        Assert.Equal(["Nothing is overdue or unreviewed. What would show the meeting that the changes made are still working?"], r.Questions);
    }
}
