// Input generators for the C# / JavaScript parity properties. This file depends only on CsCheck and CqcGuide.Rules
// (no Jint, no xunit) so that a browser test project can link it and run the same comparison in Chromium:
//   <Compile Include="..\CqcGuide.Rules.Tests\Parity\Generators.cs" Link="Parity\Generators.cs" />
// then: foreach (var c in Generators.Cases("cqc-saf", 1000)) { ... run c.InputJson in the page, compare with c.ExpectedJson ... }
// In the page, JSON.stringify(score(JSON.parse(c.InputJson)), null, 2) + "\n" is byte-identical to c.ExpectedJson
// (JsonTextParityTests checks this in Jint); when c.ExpectedError is set, the page must throw too.
using System.Text.Json;
using CqcGuide.Rules.ScoringModels;
using CsCheck;

namespace CqcGuide.Rules.Tests.Parity;

/// <summary>
/// One parity case: the input JSON the JavaScript entry function receives (through JSON.parse) and what .NET produced
/// for it: the result JSON, or the name of the exception .NET threw (then JavaScript must throw too).
/// </summary>
public sealed record ParityCase(string ModelId, string InputJson, string? ExpectedJson, string? ExpectedError);

public static class Generators
{
    public const string Created = "2025-01-06T09:00:00Z";
    public const string Updated = "2025-02-03T16:45:30.5+00:00";

    /// <summary>
    /// <paramref name="count"/> deterministic cases for a model: the forced boundary cases first (as many as fit), then
    /// generated inputs from <paramref name="seed"/>.
    /// </summary>
    public static IReadOnlyList<ParityCase> Cases(string modelId, int count, ulong seed = 20250106)
    {
        var cases = new List<ParityCase>(count);
        foreach (var input in BoundaryInputs(modelId))
        {
            if (cases.Count == count)
                return cases;
            cases.Add(Expected(modelId, input));
        }
        var gen = InputJson(modelId);
        var pcg = new PCG(1, seed);
        while (cases.Count < count)
            cases.Add(Expected(modelId, gen.Generate(pcg, null, out _)));
        return cases;
    }

    /// <summary>
    /// Runs .NET on one input: an answers file is parsed with <see cref="AnswersFile.Parse"/> as the CLI does; an SPC input
    /// is read with <see cref="SpcInput.FromJson"/> and the result written with <see cref="SpcReport.ToJson"/>.
    /// </summary>
    public static ParityCase Expected(string modelId, string inputJson)
    {
        AnswersFile? file = null;
        if (modelId != LearningLogQuality.ModelId && modelId != Spc.ModelId)
        {
            var parsed = AnswersFile.Parse(inputJson);
            if (!parsed.Success)
                throw new ArgumentException("The answers file does not parse: " + string.Join("; ", parsed.Errors), nameof(inputJson));
            file = parsed.File!;
        }
        try
        {
            if (modelId == Spc.ModelId)
                return new(modelId, inputJson, SpcReport.ToJson(Spc.Analyse(SpcInput.FromJson(inputJson))), null);
            return file is null
                ? new(modelId, inputJson, ScoreReport.ToJson(LearningLogQuality.Lint(LearningLogInput.FromJson(inputJson))), null)
                : new(modelId, inputJson, ScoreReport.ToJson(Models.FindScoring(modelId)!.Score(file)), null);
        }
        catch (Exception e)
        {
            return new(modelId, inputJson, null, e.GetType().FullName);
        }
    }

    /// <summary>A CsCheck generator of input JSON for a model.</summary>
    public static Gen<string> InputJson(string modelId) => modelId switch
    {
        CqcSaf.ModelId => Answers(modelId, CqcSaf.Instance.Groups.Select(g => ItemsOf(CqcSaf.Instance, g.Id)).ToArray(), SafValues),
        CqcSafEvidence.ModelId => Answers(modelId, CqcSafEvidence.Catalogue.SelectMany(g => g.Statements.Select(s => s.ItemIds.ToArray())).ToArray(), SafValues),
        LearningMaturity.ModelId => Answers(modelId, LearningMaturity.Instance.Groups.Select(g => ItemsOf(LearningMaturity.Instance, g.Id)).ToArray(), MaturityValues),
        LearningLogQuality.ModelId => LearningLog,
        Spc.ModelId => SpcGenerators.Input,
        _ => throw new ArgumentException($"Unknown model {modelId}", nameof(modelId)),
    };

    /// <summary>Inputs every run checks: exact halves, empty and single answers, every combination of ratings, white space.</summary>
    public static IEnumerable<string> BoundaryInputs(string modelId) => modelId switch
    {
        CqcSaf.ModelId => SafBoundaries(),
        CqcSafEvidence.ModelId => EvidenceBoundaries(),
        LearningMaturity.ModelId => MaturityBoundaries(),
        LearningLogQuality.ModelId => LogBoundaries(),
        Spc.ModelId => SpcGenerators.Boundaries(),
        _ => throw new ArgumentException($"Unknown model {modelId}", nameof(modelId)),
    };

    // ------------------------------------------------------------------ answers models

    private static readonly string?[] SafValues = ["1", "2", "3", "4", "not-assessed", null];
    private static readonly string?[] MaturityValues = ["1", "2", "3", "4", "na", null];

    private static readonly string?[] Notes =
        [null, "", "Evidence in the March audit.", "Ünïcödé — “quotes” and \"escapes\" \\ / <tags>", "__proto__", "line\nbreak", "\u0085\u00a0\ufeff"];

    private static string[] ItemsOf(ScoringModel model, string groupId) =>
        model.Items.Where(i => i.GroupId == groupId).Select(i => i.QuestionId).ToArray();

    /// <summary>
    /// Answers drawn group by group, each group with its own random weights over the values (so some groups are all
    /// high, some all missing, some mixed), with random notes and options.
    /// </summary>
    private static Gen<string> Answers(string modelId, string[][] groups, string?[] values)
    {
        var weights = Gen.Int[0, 4].Array[values.Length];
        Gen<string?[]> Group(int size) => weights.SelectMany(w =>
        {
            var pairs = values.Select((v, i) => (w[i], v)).Where(p => p.Item1 > 0).ToArray();
            var value = pairs.Length == 0 ? Gen.OneOf(values) : Gen.Frequency(pairs);
            return value.Array[size];
        });
        var all = groups.Aggregate(Gen.Const(new List<string?[]>()), (acc, g) =>
            acc.SelectMany(list => Group(g.Length).Select(v => new List<string?[]>(list) { v })));
        // Notes never affect a score; most answers have none, so large files stay quick to parse on both sides.
        var note = Gen.Frequency(Notes.Select(n => (n is null ? 12 * Notes.Length : 1, n)).ToArray());
        return Gen.Select(all, note.Array[groups.Sum(g => g.Length)], Options, Gen.Int[0, 5000], (chosen, notes, options, revision) =>
        {
            var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
            var n = 0;
            for (var g = 0; g < groups.Length; g++)
                for (var i = 0; i < groups[g].Length; i++, n++)
                    if (chosen[g][i] is { } value)
                        answers[groups[g][i]] = new Answer(value, notes[n]);
            return File(modelId, answers, options, revision);
        });
    }

    private static readonly Gen<ScoreOptions?> Options =
        Gen.OneOf<ScoreOptions?>(null, new ScoreOptions(null), new ScoreOptions(true), new ScoreOptions(false));

    public static string File(string modelId, IReadOnlyDictionary<string, Answer> answers, ScoreOptions? options = null, int revision = 1) =>
        new AnswersFile(AnswersFile.FormatId, new ModelRef(modelId + "-self-assessment", "1.0.0"), new ModelRef(modelId, "1.0.0"),
            Created, Updated, revision, answers, options).ToJson();

    private static Dictionary<string, Answer> Values(IEnumerable<(string Id, string Value)> values) =>
        values.ToDictionary(v => v.Id, v => new Answer(v.Value, null), StringComparer.Ordinal);

    private static IEnumerable<string> SafBoundaries()
    {
        var model = CqcSaf.Instance;
        ScoreOptions?[] options = [null, new(false)];
        foreach (var o in options)
            yield return File(model.Id, new Dictionary<string, Answer>(), o);
        foreach (var value in new[] { "1", "2", "3", "4", "not-assessed" })
            yield return File(model.Id, Values([(model.Items[0].QuestionId, value)]));
        // Exact halves and band edges in an 8-statement key question (maximum 32) and a 6-statement one (maximum 24).
        int[][] safe = [[3, 3, 3, 3, 2, 2, 2, 2], [4, 4, 4, 4, 3, 3, 3, 3], [4, 4, 4, 4, 4, 4, 2, 2], [2, 2, 2, 2, 1, 1, 1, 1], [3, 3, 3, 3, 3, 3, 3, 1], [4, 4, 4, 4, 4, 4, 4, 3]];
        foreach (var scores in safe)
            foreach (var o in options)
                yield return File(model.Id, Values(ItemsOf(model, "safe").Zip(scores, (id, s) => (id, s.ToString(System.Globalization.CultureInfo.InvariantCulture)))), o);
        int[][] effective = [[3, 3, 3, 2, 2, 2], [4, 4, 4, 3, 3, 3], [2, 2, 2, 1, 1, 1]];
        foreach (var scores in effective)
            yield return File(model.Id, Values(ItemsOf(model, "effective").Zip(scores, (id, s) => (id, s.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        // Every combination of the five key question ratings (including not rated): each key question answered uniformly.
        foreach (var combination in Combinations(5, 5))
            yield return File(model.Id, Values(model.Groups.SelectMany((g, k) => Uniform(ItemsOf(model, g.Id), combination[k]))));
    }

    private static IEnumerable<string> EvidenceBoundaries()
    {
        var model = CqcSafEvidence.Instance;
        yield return File(model.Id, new Dictionary<string, Answer>());
        yield return File(model.Id, Values([(model.Items[0].QuestionId, "3")]));
        var first = CqcSafEvidence.Catalogue[0].Statements[0].ItemIds;
        int[][] statement = [[3, 3, 2, 2], [4, 4, 3, 3], [2, 2, 1, 1, 1, 1], [4, 4, 4, 4, 4, 1], [1, 1, 1, 1, 1, 2]];
        foreach (var scores in statement)
            foreach (var o in new ScoreOptions?[] { null, new(false) })
                yield return File(model.Id, Values(first.Zip(scores, (id, s) => (id, s.ToString(System.Globalization.CultureInfo.InvariantCulture)))), o);
        foreach (var combination in Combinations(5, 5))
            yield return File(model.Id, Values(model.Groups.SelectMany((g, k) => Uniform(model.Items.Where(i => i.GroupId == g.Id).Select(i => i.QuestionId).ToArray(), combination[k]))));
    }

    private static IEnumerable<string> MaturityBoundaries()
    {
        var model = LearningMaturity.Instance;
        yield return File(model.Id, new Dictionary<string, Answer>());
        yield return File(model.Id, Values(model.Items.Select(i => (i.QuestionId, "na"))));
        foreach (var item in model.Items)
            foreach (var value in new[] { "1", "2", "4" })
                yield return File(model.Id, Values([(item.QuestionId, value)]));
        // Every total of the four-statement theme (43.75% → 44, 62.5% → 63, 81.25% → 81) and of the whole assessment.
        var leadership = ItemsOf(model, "leadership");
        for (var sum = 4; sum <= 16; sum++)
        {
            var scores = Spread(sum, leadership.Length);
            yield return File(model.Id, Values(leadership.Zip(scores, (id, s) => (id, s))));
        }
        var all = model.Items.Select(i => i.QuestionId).ToArray();
        for (var sum = all.Length; sum <= 4 * all.Length; sum += 3)
            yield return File(model.Id, Values(all.Zip(Spread(sum, all.Length), (id, s) => (id, s))));
    }

    private static string[] Spread(int sum, int count)
    {
        var scores = new string[count];
        for (var i = 0; i < count; i++)
        {
            var remaining = count - i - 1;
            var s = Math.Min(4, sum - remaining);
            scores[i] = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sum -= s;
        }
        return scores;
    }

    private static IEnumerable<(string Id, string Value)> Uniform(string[] ids, int rating) =>
        rating == 0 ? [] : ids.Select(id => (id, rating.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Every tuple of <paramref name="length"/> values in 0..<paramref name="radix"/>-1.</summary>
    public static IEnumerable<int[]> Combinations(int radix, int length)
    {
        var total = (int)Math.Pow(radix, length);
        for (var n = 0; n < total; n++)
        {
            var digits = new int[length];
            var rest = n;
            for (var i = length - 1; i >= 0; i--)
            {
                digits[i] = rest % radix;
                rest /= radix;
            }
            yield return digits;
        }
    }

    // ------------------------------------------------------------------ learning logs

    /// <summary>White space that .NET and JavaScript disagree on, plus ordinary text.</summary>
    public static readonly string?[] TrickyText =
    [
        null, "", " ", "\t\r\n", "\u0085", "\u00a0", "\ufeff", "\u200b", "\u180e", "\u2028", "\u3000", " \u0085 \u00a0 ",
        "Registered manager", "2025-03-31", "Falls per 1,000 bed days", "x",
    ];

    private static readonly string[] Statuses = ["draft", "learning-in-progress", "actions-open", "monitoring", "closed", "Closed", ""];
    private static readonly string[] Areas = ["person", "tasks", "tools-technology", "organisation", "internal-environment", "external-environment", "Person", "other"];
    private static readonly string[] ActionStatuses = ["planned", "in-progress", "done", "dropped", "Dropped"];
    private static readonly string[] FactorIds = ["f1", "f2", "f3", "f4", "__proto__", "constructor", ""];

    private static readonly Gen<LogFactor> Factor =
        Gen.Select(Gen.OneOf(FactorIds), Gen.Frequency((3, "person"), (1, "tasks"), (1, "organisation"), (1, "tools-technology"), (1, "internal-environment"), (1, "external-environment"), (1, "Person"), (1, "other")), Gen.Bool,
            (id, area, systemic) => new LogFactor(id, area, systemic));

    private static readonly Gen<LogAction> Action =
        Gen.Select(Gen.OneOf("a1", "a2", "a3", "", "__proto__"), Gen.OneOf("Update the falls care plan", ""),
            Gen.OneOf(FactorIds).Array[0, 3], Gen.OneOf(TrickyText), Gen.OneOf(TrickyText),
            Gen.OneOf(ActionStatuses), Gen.OneOf(TrickyText), Gen.Int[-1, 3],
            (id, description, addresses, owner, due, status, measure, reviews) =>
                new LogAction(id, description, addresses, owner, due, status, measure, reviews));

    private static readonly Gen<string> LearningLog =
        Gen.Select(Gen.OneOf(Statuses), Factor.Array[0, 5], Action.Array[0, 5], Gen.OneOf(TrickyText),
            (status, factors, actions, reflection) => LogJson(new LearningLogInput(status, factors, actions, reflection)));

    public static string LogJson(LearningLogInput input) => JsonSerializer.Serialize(input, RulesJson.Compact);

    private static IEnumerable<string> LogBoundaries()
    {
        foreach (var status in Statuses)
            yield return LogJson(new LearningLogInput(status, [], [], null));
        foreach (var text in TrickyText)
        {
            yield return LogJson(new LearningLogInput("closed", [new("f1", "tasks", true)],
                [new("a1", "Do it", ["f1"], text, text, "done", text, 0)], text));
            yield return LogJson(new LearningLogInput("monitoring", [new("f1", "person", false)],
                [new("a1", "Do it", ["f2"], "Manager", "2025-03-31", "dropped", text, 1)], text));
        }
        yield return LogJson(new LearningLogInput("closed",
            [new("f1", "person", true), new("f2", "organisation", true)],
            [new("a1", "Retrain", ["f1"], "Trainer", "2025-01-31", "done", "Audit", 1), new("a2", "Fix rota", ["f2"], null, null, "dropped", null, 0)],
            "Reviewed at the governance meeting."));
    }
}
