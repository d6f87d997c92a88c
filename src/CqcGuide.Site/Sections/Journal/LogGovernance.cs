using CqcGuide.Rules.LearningLogs;

namespace CqcGuide.Site.Sections.Journal;

/// <summary>A published learning log as the <c>learning-governance</c> rules read it (shared with the governance section).</summary>
public static class LogGovernance
{
    /// <summary>The key under which the journal shares its logs, oldest first.</summary>
    public const string SharedKey = "governance:logs";

    public static GovernanceLog Of(CheckedLog c)
    {
        var log = c.Log;
        static string? D(DateOnly? d) => LearningLogValidation.Date(d);
        return new GovernanceLog(log.Id, log.Title, LogFormat.Value(log.Status), LearningLogValidation.Date(log.Identified), D(log.NextReview),
            log.GovernanceReview is { } g ? LearningLogValidation.Date(g.Date) : null, log.TeachingExample, log.QualityStatements.ToArray(),
            log.Factors.Select(f => new GovernanceFactor(f.Id, LogFormat.Value(f.Area), f.Systemic)).ToArray(),
            log.Actions.Select(a => new GovernanceAction(a.Id, a.Description, LogFormat.Value(a.Status), a.Kind is { } k ? LogFormat.Value(k) : null,
                D(a.Due), D(a.Completed), a.Addresses.ToArray(),
                a.Reviews.Select(r => new Rules.LearningLogs.GovernanceReview(LearningLogValidation.Date(r.Date), LogFormat.Value(r.Decision))).ToArray())).ToArray(),
            c.Findings.Where(f => f.Acknowledged is null).Select(f => new GovernanceFinding(f.Finding.Code, f.Finding.Message)).ToArray());
    }

    /// <summary>Each action of a log, read as at <paramref name="day"/>, in the log's order.</summary>
    public static IReadOnlyList<GovernanceActionAt> ActionsAt(CheckedLog c, DateOnly day)
    {
        var log = Of(c);
        return log.Actions.Select(a => new GovernanceActionAt(log, a, LearningLogValidation.Date(day))).ToArray();
    }
}
