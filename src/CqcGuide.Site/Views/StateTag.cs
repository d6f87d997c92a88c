using CqcGuide.Rules.LearningLogs;

namespace CqcGuide.Site.Views;

/// <summary>How pages show a state from the <c>state-on</c> rule (an action or a plan item: open, overdue, done, dropped).</summary>
public static class StateTag
{
    /// <summary>The state's label, as the improvement-plan model names it (the plan page uses the same labels).</summary>
    public static string Label(string state) => ImprovementPlan.Format.States.FirstOrDefault(s => s.Value == state)?.Label ?? state;

    /// <summary>The tag's colour class.</summary>
    public static string ClassOf(string state) => state switch
    {
        LearningGovernance.Overdue => "tag--overdue",
        LearningGovernance.Done => "tag--done",
        LearningGovernance.Dropped => "tag--grey",
        _ => "tag--blue",
    };
}
