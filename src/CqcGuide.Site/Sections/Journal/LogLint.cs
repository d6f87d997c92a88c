using CqcGuide.Rules.LearningLogs;
using System.Globalization;
using CqcGuide.Rules.ScoringModels;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Yaml;

namespace CqcGuide.Site.Sections.Journal;

/// <summary>A lint finding and, when the team acknowledged it, their reason.</summary>
public sealed record LintedFinding(LogFinding Finding, string? Acknowledged);

/// <summary>Runs the compiled <c>learning-log-quality</c> rules on a log: findings are warnings naming the pitfall
/// (errors under --strict) unless acknowledged with a reason; drafts only advise.</summary>
public static class LogLint
{
    public const string LintFinding = Codes.LintFinding;
    public const string StaleAcknowledgement = Codes.StaleAcknowledgement;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The same input the browser's draft form passes to the compiled <c>lint()</c>.</summary>
    public static LearningLogInput InputOf(LearningLogFrontMatter log) => new(
        LogFormat.Value(log.Status),
        log.Factors.Select(f => new LogFactor(f.Id, LogFormat.Value(f.Area), f.Systemic)).ToArray(),
        log.Actions.Select(a => new LogAction(a.Id, a.Description, a.Addresses.ToArray(), a.OwnerRole,
            a.Due?.ToString("yyyy-MM-dd", Invariant), LogFormat.Value(a.Status), a.Measure, a.Reviews.Count, a.Kind is { } k ? LogFormat.Value(k) : null)).ToArray(),
        log.GovernanceReview?.Reflection,
        log.Harm is { } h ? LogFormat.Value(h) : null,
        LogChecks.OutcomesOf(log.DutyOfCandour?.Outcomes),
        log.Notifications.Select(n => new LogNotification(LogFormat.Value(n.To), n.Date?.ToString("yyyy-MM-dd", Invariant))).ToArray());

    /// <summary>The findings about what a log's measures show (LLQ009–LLQ011): known only once the site's measures are
    /// analysed, so they are linted in the View phase (<see cref="LintMeasures"/>), not with the rest in Check.</summary>
    public static bool IsMeasureFinding(string code) => code is "LLQ009" or "LLQ010" or "LLQ011";

    public static IReadOnlyList<LintedFinding> Lint(ContentDocument doc, LearningLogFrontMatter log, DiagnosticBag diagnostics) =>
        Report(doc, log, LearningLogQuality.Lint(InputOf(log)), diagnostics, measures: false);

    /// <summary>Lints what the log's measures show (given by the measures section) and reports the findings.</summary>
    public static IReadOnlyList<LintedFinding> LintMeasures(ContentDocument doc, LearningLogFrontMatter log, LogMeasureEvidence[] measures, DiagnosticBag diagnostics) =>
        measures.Length == 0 ? [] : Report(doc, log, LearningLogQuality.Lint(InputOf(log) with { Measures = measures }).Where(f => IsMeasureFinding(f.Code)).ToArray(), diagnostics, measures: true);

    private static IReadOnlyList<LintedFinding> Report(ContentDocument doc, LearningLogFrontMatter log, IReadOnlyList<LogFinding> findings, DiagnosticBag diagnostics, bool measures)
    {
        var used = new bool[log.Acknowledged.Count];
        var result = new List<LintedFinding>();
        foreach (var f in findings)
        {
            var ack = log.Acknowledged.Select((a, i) => (a, i)).FirstOrDefault(x => x.a.Code == f.Code && (x.a.Action is null || x.a.Action == f.ActionId));
            if (ack.a is not null) used[ack.i] = true;
            result.Add(new LintedFinding(f, ack.a?.Reason));
            if (ack.a is not null) continue;
            var index = f.ActionId is null ? -1 : log.Actions.ToList().FindIndex(a => a.Id == f.ActionId);
            // Drafts are not published, so their findings advise without failing a --strict build.
            Action<string, string, SourceSpan, string?> report = log.Status == LogStatus.Draft ? diagnostics.Advice : diagnostics.Warning;
            report(LintFinding, $"{f.Code} {f.Pitfall}: {f.Message}", doc.At(index >= 0 ? $"actions[{index}]" : ""),
                $"guidance: {f.Guidance} (or acknowledge it: 'acknowledged: [{{ code: {f.Code}, reason: ... }}]')");
        }
        for (var i = 0; i < used.Length; i++)
            if (!used[i] && IsMeasureFinding(log.Acknowledged[i].Code) == measures && (!measures || log.Actions.Any(a => a.MeasureId is not null)))
                diagnostics.Warning(StaleAcknowledgement, $"acknowledgement of {log.Acknowledged[i].Code} matches no finding in this log", doc.At($"acknowledged[{i}]"),
                    "remove it: the log no longer has that problem");
        return result;
    }
}
