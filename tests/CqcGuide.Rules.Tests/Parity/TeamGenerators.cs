using System.Text.Json;
using CqcGuide.Rules.ScoringModels;
using CsCheck;

namespace CqcGuide.Rules.Tests.Parity;

/// <summary>Generated teams for the team-assessment model: the options of a real scoring model, a few questions, up to a dozen people.</summary>
public static class TeamGenerators
{
    private static readonly string[] Ids = ["q1", "q2", "q3", "safe.learning-culture", "__proto__", "constructor", "toString", ""];

    private static readonly (AnswerOption[] Answers, AnswerOption? Keep)[] Scales =
    [
        (CqcRules.AnswerOptions.ToArray(), CqcSaf.KeepBaseline),
        (CqcRules.AnswerOptions.ToArray(), null),
        (LearningMaturity.Answers.ToArray(), null),
        ([], null),
    ];

    /// <summary>Values a person may give: the scales' own, one no model has, and (null) no answer.</summary>
    private static readonly string?[] Values = ["1", "2", "3", "4", "not-assessed", "not-reassessed", "na", "5", "", null];

    private static AnswersBaseline B(string? on, params (string Id, string Score)[] scores) =>
        new(on, scores.ToDictionary(s => s.Id, s => s.Score, StringComparer.Ordinal));

    /// <summary>Last published scores a file may start from: none, and a few that share or differ in date or a score.</summary>
    private static readonly AnswersBaseline?[] Baselines =
    [
        null, B("2026-01-01", ("q1", "2"), ("safe.learning-culture", "3")), B("2026-01-01", ("q1", "2")), B(null, ("q1", "2")),
        B("2026-02-01", ("q1", "2"), ("safe.learning-culture", "3")), B("2026-01-01", ("q1", "3"), ("__proto__", "1"), ("q2", "2")),
    ];

    private static Gen<TeamMember> Member(string[] items, Gen<AnswersBaseline?> baseline) =>
        Gen.Select(Gen.Frequency((1, Gen.Const((string?)null)), (4, Gen.OneOf(Values))).Array[items.Length], baseline)
            .Select((values, b) => new TeamMember(items.Select((id, i) => (id, values[i])).Where(p => p.Item2 is not null)
                .GroupBy(p => p.id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Item2!, StringComparer.Ordinal), b));

    /// <summary>Half the teams start from one baseline (often all files the same), half from each person's own.</summary>
    public static readonly Gen<string> Input =
        Gen.Select(Gen.Int[0, Scales.Length - 1], Gen.OneOf(Ids).Array[0, 6], Gen.Int[0, 12], Gen.Int[0, Baselines.Length - 1], Gen.Bool).SelectMany((scale, items, members, shared, same) =>
            Member(items, same ? Gen.Const(Baselines[shared]) : Gen.OneOf(Baselines)).Array[members]
                .Select(people => Json(new TeamInput(Scales[scale].Answers, Scales[scale].Keep, items, people))));

    public static string Json(TeamInput input) => JsonSerializer.Serialize(input, RulesJson.Compact);

    /// <summary>No people; one person; ties at every even count; every pair of scores; only answers that do not score.</summary>
    public static IEnumerable<string> Boundaries()
    {
        var saf = CqcRules.AnswerOptions.ToArray();
        TeamMember M(string? v) => new(v is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["q"] = v });
        yield return Json(new TeamInput(saf, CqcSaf.KeepBaseline, ["q"], []));
        yield return Json(new TeamInput(saf, CqcSaf.KeepBaseline, [], [M("3")]));
        string?[] values = ["1", "2", "3", "4", "not-assessed", "not-reassessed", null];
        foreach (var a in values)
        foreach (var b in values)
        {
            yield return Json(new TeamInput(saf, CqcSaf.KeepBaseline, ["q"], [M(a), M(b)]));
            foreach (var c in values)
                yield return Json(new TeamInput(saf, CqcSaf.KeepBaseline, ["q", "other"], [M(a), M(b), M(c)]));
        }
    }
}
