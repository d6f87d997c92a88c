using CqcGuide.Site.Yaml;

namespace CqcGuide.Site.Sections.Journal;

/// <summary>How the log format's values read on the site.</summary>
public static class LogLabels
{
    public static string StatusLabel(LogStatus s) => s switch
    {
        LogStatus.Draft => "Draft",
        LogStatus.LearningInProgress => "Learning in progress",
        LogStatus.ActionsOpen => "Actions open",
        LogStatus.Monitoring => "Monitoring",
        _ => "Closed",
    };

    public static string StatusClass(LogStatus s) => s switch
    {
        LogStatus.Closed => "tag--done",
        LogStatus.Monitoring => "tag--blue",
        _ => "tag--grey",
    };

    public static string EventLabel(EventType e) => e switch
    {
        EventType.Incident => "Incident",
        EventType.NearMiss => "Near miss",
        EventType.Risk => "Risk",
        EventType.PoorOutcome => "Poor outcome",
        _ => "Good care",
    };

    public static string MethodLabel(ResponseMethod m) => m switch
    {
        ResponseMethod.AfterActionReview => "After Action Review",
        ResponseMethod.SwarmHuddle => "SWARM huddle",
        ResponseMethod.MdtReview => "Multidisciplinary team review",
        ResponseMethod.ThematicReview => "Thematic review",
        ResponseMethod.Psii => "Patient safety incident investigation",
        _ => "Other learning response",
    };

    public static string AreaLabel(WorkSystemArea a) => a switch
    {
        WorkSystemArea.Person => "Person",
        WorkSystemArea.Tasks => "Tasks",
        WorkSystemArea.ToolsTechnology => "Tools and technology",
        WorkSystemArea.Organisation => "Organisation",
        WorkSystemArea.InternalEnvironment => "Internal environment",
        _ => "External environment",
    };
}
