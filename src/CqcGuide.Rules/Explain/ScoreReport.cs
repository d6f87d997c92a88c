using System.Globalization;
using System.Text;
using System.Text.Json;
using CqcGuide.Rules.ScoringModels;

namespace CqcGuide.Rules;

/// <summary>Renders score results as JSON (the same shape the JavaScript module returns) or as plain text.</summary>
public static class ScoreReport
{
    /// <summary>The result as stable, indented camelCase JSON (enums as numbers, keys in declaration order).</summary>
    public static string ToJson(ScoreResult result) => JsonSerializer.Serialize(result, result.GetType(), RulesJson.Options) + "\n";

    /// <summary>The lint findings as stable camelCase JSON.</summary>
    public static string ToJson(IReadOnlyList<LogFinding> findings) => JsonSerializer.Serialize(findings, RulesJson.Options) + "\n";

    /// <summary>The learning-log validation's issues as stable camelCase JSON (what <c>validate(input)</c> returns).</summary>
    public static string ToJson(IReadOnlyList<LearningLogs.LogIssue> issues) => JsonSerializer.Serialize(issues, RulesJson.Options) + "\n";

    /// <summary>The personal-data findings as stable camelCase JSON (what <c>findPersonalData(input)</c> returns).</summary>
    public static string ToJson(IReadOnlyList<LearningLogs.PersonalDataFinding> findings) => JsonSerializer.Serialize(findings, RulesJson.Options) + "\n";

    /// <summary>A governance report as stable camelCase JSON (what <c>report(input)</c> returns).</summary>
    public static string ToJson(LearningLogs.GovernanceReport report) => JsonSerializer.Serialize(report, RulesJson.Options) + "\n";

    /// <summary>An improvement plan's states as JSON (camelCase), as the compiled <c>plan()</c> returns them.</summary>
    public static string ToJson(LearningLogs.PlanSummary summary) => JsonSerializer.Serialize(summary, RulesJson.Options) + "\n";

    /// <summary>A team's answers side by side as JSON (camelCase), as the compiled <c>aggregate()</c> returns them.</summary>
    public static string ToJson(ScoringModels.TeamResult result) => JsonSerializer.Serialize(result, RulesJson.Options) + "\n";

    /// <summary>The result as plain text for a registered manager. Always says it is a self-assessment.</summary>
    public static string ToText(ScoreResult result) => result switch
    {
        SafScoreResult saf => Saf(saf.Model, saf.Notice, saf.LimitersApplied, saf.KeyQuestions, saf.Overall, null, saf.Baseline, saf.Notes),
        EvidenceScoreResult ev => Saf(ev.Model, ev.Notice, ev.LimitersApplied, ev.KeyQuestions, ev.Overall, ev.StatementsByKeyQuestion, null, []),
        MaturityScoreResult m => Maturity(m),
        _ => throw new ArgumentException($"Unknown result type {result.GetType().Name}.", nameof(result)),
    };

    /// <summary>Lint findings as plain text.</summary>
    public static string ToText(IReadOnlyList<LogFinding> findings)
    {
        if (findings.Count == 0)
            return "No findings: the learning log shows none of the common pitfalls we check for.\n";
        var text = new StringBuilder();
        foreach (var f in findings)
        {
            text.Append(f.Severity).Append(' ').Append(f.Code).Append(f.ActionId is null ? "" : $" (action {f.ActionId})").Append(": ").Append(f.Message).Append('\n');
            text.Append("  See ").Append(f.Guidance).Append('\n');
        }
        return text.ToString();
    }

    private static string Saf(ModelRef model, string notice, bool limiters, IReadOnlyList<KeyQuestionResult> kqs, OverallResult overall,
        IReadOnlyList<EvidenceGroupResult>? evidence, BaselineResult? baseline, IReadOnlyList<string> notes)
    {
        var text = new StringBuilder();
        var title = Models.Find(model.Id)?.Title ?? model.Id;
        text.Append(title).Append(" — ").Append(model.Id).Append(' ').Append(model.Version).Append('\n');
        text.Append(notice).Append(".\n\n");
        if (baseline is { Used: true })
        {
            Explanation.Wrap(text, "Started from the last published scores" + (baseline.PublishedOn is { } on ? $" (published {on})" : "") + ": "
                + Count(baseline.NewScores, "new score") + ", " + Count(baseline.BaselineScores, "last published score") + " kept, "
                + baseline.NotAssessed.ToString(CultureInfo.InvariantCulture) + " not assessed.", "");
            text.Append('\n');
        }
        text.Append("Overall: ").Append(overall.RatingLabel).Append('\n');
        Explanation.Wrap(text, $"{overall.Reason} (rule {overall.DecidedBy})", "  ");
        text.Append('\n');
        foreach (var kq in kqs)
        {
            text.Append(kq.Name).Append(": ").Append(kq.RatingLabel);
            if (kq.Percentage is { } pct)
            {
                text.Append(" — ").Append(kq.RoundedPercentage!.Value.ToString(CultureInfo.InvariantCulture)).Append('%');
                text.Append(" (").Append(kq.Sum.ToString(CultureInfo.InvariantCulture)).Append(" of ").Append(kq.Maximum.ToString(CultureInfo.InvariantCulture));
                text.Append(" = ").Append(pct.ToString("0.##", CultureInfo.InvariantCulture)).Append("%, ");
                text.Append(kq.Scored.ToString(CultureInfo.InvariantCulture)).Append(kq.Scored == 1 ? " statement scored" : " statements scored");
                if (kq.NotAssessed > 0)
                    text.Append(", ").Append(kq.NotAssessed.ToString(CultureInfo.InvariantCulture)).Append(" not assessed");
                text.Append(")\n");
                text.Append("  ").Append(Capitalise(kq.PositionInBandThird!)).Append(" third of the ")
                    .Append(CqcRules.RatingLabel.Evaluate(kq.RatingBeforeLimiters).ToLowerInvariant()).Append(" band");
                var limits = CqcRules.RatingBandLimits.Evaluate(kq.RatingBeforeLimiters);
                text.Append(" (").Append(limits.Lower.ToString(CultureInfo.InvariantCulture)).Append('–').Append(limits.Upper.ToString(CultureInfo.InvariantCulture)).Append("%).\n");
                if (kq.Limiter is not null)
                    text.Append("  Limited from ").Append(CqcRules.RatingLabel.Evaluate(kq.RatingBeforeLimiters)).Append(" to ").Append(kq.RatingLabel)
                        .Append(" by the unverified limiter '").Append(kq.Limiter).Append("'.\n");
            }
            else
                text.Append(" — no statement scored (").Append(kq.NotAssessed.ToString(CultureInfo.InvariantCulture)).Append(" not assessed)\n");
            if (baseline is { Used: true })
            {
                var kept = baseline.Statements.Where(s => s.KeyQuestionId == kq.Id && s.Source == CqcSaf.BaselineSource).Select(s => $"{s.Id} ({s.Score})").ToArray();
                if (kept.Length > 0)
                    Explanation.Wrap(text, "Last published scores kept: " + string.Join(", ", kept), "  ");
            }
            var low = kq.Statements.Where(s => s.Score is 1 or 2).Select(s => $"{s.Id} ({s.Score})").ToArray();
            if (low.Length > 0)
                Explanation.Wrap(text, "Statements scored 1 or 2: " + string.Join(", ", low), "  ");
        }
        text.Append('\n');
        text.Append(limiters
            ? "Limiters (unverified) were applied: a statement scored 1 caps its key question at requires improvement, a statement scored 2 at good.\n"
            : "Limiters were switched off (applyLimiters: false): ratings come from the percentages alone.\n");
        foreach (var note in notes)
            Explanation.Wrap(text, note, "");
        if (evidence is not null)
            text.Append("Statement scores were converted from evidence category scores (").Append(evidence.Sum(g => g.Statements.Count(s => s.Score > 0)).ToString(CultureInfo.InvariantCulture)).Append(" statements assessed).\n");
        return text.ToString();
    }

    private static string Maturity(MaturityScoreResult m)
    {
        var text = new StringBuilder();
        text.Append(LearningMaturity.Instance.Title).Append(" — ").Append(m.Model.Id).Append(' ').Append(m.Model.Version).Append('\n');
        text.Append(m.Notice).Append(".\n\n");
        Group(text, m.Overall, "Overall");
        text.Append('\n');
        foreach (var theme in m.Themes)
            Group(text, theme, theme.Name);
        text.Append('\n');
        if (m.Pitfalls.Count == 0)
            text.Append("No common pitfall is suggested by these answers.\n");
        else
        {
            text.Append("Common pitfalls suggested by these answers:\n");
            foreach (var p in m.Pitfalls)
            {
                text.Append("- ").Append(p.Pitfall).Append(" (see ").Append(p.Guidance).Append(")\n");
                Explanation.Wrap(text, "raised by: " + string.Join(", ", p.TriggeredBy), "    ");
            }
        }
        if (m.Watch.Count > 0)
        {
            text.Append("Worth watching (statements answered 2, Developing):\n");
            foreach (var w in m.Watch)
            {
                text.Append("- ").Append(w.Title).Append(" (see ").Append(w.Guidance).Append(")\n");
                Explanation.Wrap(text, w.NextStep, "    ");
                Explanation.Wrap(text, "from: " + string.Join(", ", w.TriggeredBy), "    ");
            }
        }
        return text.ToString();
    }

    private static void Group(StringBuilder text, MaturityGroupResult g, string name)
    {
        text.Append(name).Append(": ").Append(g.BandLabel);
        if (g.Percentage is { } pct)
            text.Append(" — ").Append(g.RoundedPercentage!.Value.ToString(CultureInfo.InvariantCulture)).Append("% (")
                .Append(g.Sum.ToString(CultureInfo.InvariantCulture)).Append(" of ").Append(g.Maximum.ToString(CultureInfo.InvariantCulture))
                .Append(" = ").Append(pct.ToString("0.##", CultureInfo.InvariantCulture)).Append("%, ")
                .Append(Capitalise(g.PositionInBandThird!).ToLowerInvariant()).Append(" third of the band)");
        else
            text.Append(" — every statement not applicable or unanswered");
        text.Append('\n');
    }

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
