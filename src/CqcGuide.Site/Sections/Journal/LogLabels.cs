using CqcGuide.Rules.LearningLogs;

namespace CqcGuide.Site.Sections.Journal;

/// <summary>How the log format's values read on the site: the labels come from the rules' <see cref="LogFormat"/>, the
/// one source the draft form's option lists also come from.</summary>
public static class LogLabels
{
    public static string StatusLabel(LogStatus s) => LogFormat.Label(s);

    public static string StatusClass(LogStatus s) => s switch
    {
        LogStatus.Closed => "tag--done",
        LogStatus.Monitoring => "tag--blue",
        _ => "tag--grey",
    };

    public static string EventLabel(EventType e) => LogFormat.Label(e);

    public static string MethodLabel(ResponseMethod m) => LogFormat.Label(m);

    public static string AreaLabel(WorkSystemArea a) => LogFormat.Label(a);

    public static string HarmLabel(Harm h) => LogFormat.Label(h);
}
