using CqcGuide.Rules.ScoringModels;
using CqcGuide.Rules.Tests.Parity;

namespace CqcGuide.Rules.Tests.ModelTests;

/// <summary>Builds answers files for hand-worked examples.</summary>
internal static class Answers
{
    public static AnswersFile File(string modelId, IEnumerable<(string Id, string Value)> values, bool? applyLimiters = null, AnswersBaseline? baseline = null)
    {
        var answers = values.ToDictionary(v => v.Id, v => new Answer(v.Value, null), StringComparer.Ordinal);
        var parsed = AnswersFile.Parse(Generators.File(modelId, answers, applyLimiters is null ? null : new ScoreOptions(applyLimiters), baseline: baseline));
        Assert.True(parsed.Success, string.Join("\n", parsed.Errors));
        return parsed.File!;
    }

    /// <summary>The statement ids of a CQC key question, in order.</summary>
    public static string[] Statements(string keyQuestion) =>
        CqcSaf.Instance.Items.Where(i => i.GroupId == keyQuestion).Select(i => i.QuestionId).ToArray();

    public static IEnumerable<(string, string)> Scores(string keyQuestion, params int[] scores) =>
        Statements(keyQuestion).Zip(scores, (id, s) => (id, s.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Every statement of each key question scored with the rating's number (0 = not assessed).</summary>
    public static IEnumerable<(string, string)> Uniform(params Rating[] ratings) =>
        CqcSaf.Instance.Groups.SelectMany((g, i) => ratings[i] == Rating.NotRated
            ? []
            : Statements(g.Id).Select(id => (id, ((int)ratings[i]).ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
