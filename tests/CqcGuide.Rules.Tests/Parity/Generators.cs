// Input generators for the C# / JavaScript parity properties. This file depends only on CsCheck and CqcGuide.Rules
// (no Jint, no xunit) so that a browser test project can link it and run the same comparison in Chromium:
//   <Compile Include="..\CqcGuide.Rules.Tests\Parity\Generators.cs" Link="Parity\Generators.cs" />
// then: foreach (var c in Generators.Cases("cqc-saf", 1000)) { ... run c.InputJson in the page, compare with c.ExpectedJson ... }
// In the page, JSON.stringify(score(JSON.parse(c.InputJson)), null, 2) + "\n" is byte-identical to c.ExpectedJson
// (JsonTextParityTests checks this in Jint); when c.ExpectedError is set, the page must throw too.
using System.Globalization;
using System.Text;
using System.Text.Json;
using CqcGuide.Rules.LearningLogs;
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
        if (modelId == LearningLogValidation.ModelId)
        {
            try
            {
                return new(modelId, inputJson, ScoreReport.ToJson(LearningLogValidation.Validate(LogValidationInput.FromJson(inputJson))), null);
            }
            catch (Exception e)
            {
                return new(modelId, inputJson, null, e.GetType().FullName);
            }
        }
        if (modelId == LearningGovernance.ModelId)
        {
            try
            {
                return new(modelId, inputJson, ScoreReport.ToJson(LearningGovernance.ReportOf(GovernanceInput.FromJson(inputJson))), null);
            }
            catch (Exception e)
            {
                return new(modelId, inputJson, null, e.GetType().FullName);
            }
        }
        if (modelId == ImprovementPlan.ModelId)
        {
            try
            {
                return new(modelId, inputJson, ScoreReport.ToJson(ImprovementPlan.SummaryOf(PlanInput.FromJson(inputJson))), null);
            }
            catch (Exception e)
            {
                return new(modelId, inputJson, null, e.GetType().FullName);
            }
        }
        if (modelId == TeamAssessment.ModelId)
        {
            try
            {
                return new(modelId, inputJson, ScoreReport.ToJson(TeamAssessment.SummaryOf(TeamInput.FromJson(inputJson))), null);
            }
            catch (Exception e)
            {
                return new(modelId, inputJson, null, e.GetType().FullName);
            }
        }
        if (modelId == PersonalDataDetection.ModelId)
        {
            try
            {
                return new(modelId, inputJson, ScoreReport.ToJson(PersonalDataDetection.Find(PersonalDataInput.FromJson(inputJson))), null);
            }
            catch (Exception e)
            {
                return new(modelId, inputJson, null, e.GetType().FullName);
            }
        }
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
        CqcSaf.ModelId => Answers(modelId, CqcSaf.Instance.Groups.Select(g => ItemsOf(CqcSaf.Instance, g.Id)).ToArray(), SafValues, Baseline),
        CqcSafEvidence.ModelId => Answers(modelId, CqcSafEvidence.Catalogue.SelectMany(g => g.Statements.Select(s => s.ItemIds.ToArray())).ToArray(), EvidenceValues),
        LearningMaturity.ModelId => Answers(modelId, LearningMaturity.Instance.Groups.Select(g => ItemsOf(LearningMaturity.Instance, g.Id)).ToArray(), MaturityValues),
        LearningLogQuality.ModelId => LearningLog,
        LearningLogValidation.ModelId => ValidationInput,
        PersonalDataDetection.ModelId => PersonalDataInputJson,
        Spc.ModelId => SpcGenerators.Input,
        LearningGovernance.ModelId => GovernanceGenerators.Input,
        ImprovementPlan.ModelId => GovernanceGenerators.PlanInputJson,
        TeamAssessment.ModelId => TeamGenerators.Input,
        _ => throw new ArgumentException($"Unknown model {modelId}", nameof(modelId)),
    };

    /// <summary>Inputs every run checks: exact halves, empty and single answers, every combination of ratings, white space.</summary>
    public static IEnumerable<string> BoundaryInputs(string modelId) => modelId switch
    {
        CqcSaf.ModelId => SafBoundaries(),
        CqcSafEvidence.ModelId => EvidenceBoundaries(),
        LearningMaturity.ModelId => MaturityBoundaries(),
        LearningLogQuality.ModelId => LogBoundaries(),
        LearningLogValidation.ModelId => ValidationBoundaries().Select(ValidationJson),
        PersonalDataDetection.ModelId => PersonalDataBoundaries(),
        Spc.ModelId => SpcGenerators.Boundaries(),
        LearningGovernance.ModelId => GovernanceGenerators.Boundaries(),
        ImprovementPlan.ModelId => GovernanceGenerators.PlanBoundaries(),
        TeamAssessment.ModelId => TeamGenerators.Boundaries(),
        _ => throw new ArgumentException($"Unknown model {modelId}", nameof(modelId)),
    };

    // ------------------------------------------------------------------ answers models

    private static readonly string?[] SafValues = ["1", "2", "3", "4", "not-assessed", "not-reassessed", null];
    private static readonly string?[] EvidenceValues = ["1", "2", "3", "4", "not-assessed", null];

    /// <summary>No baseline half the time; otherwise published scores for a random part of the 34 statements.</summary>
    private static readonly Gen<AnswersBaseline?> Baseline = Gen.Frequency(
        (1, Gen.Const((AnswersBaseline?)null)),
        (1, Gen.Select(Gen.Frequency((3, Gen.Int[0, 4]), (1, Gen.Const(1))).Array[CqcSaf.Instance.Items.Count], Gen.Bool,
            (scores, dated) => (AnswersBaseline?)new AnswersBaseline(dated ? "2026-03-14" : null,
                CqcSaf.Instance.Items.Select((item, i) => (item.QuestionId, scores[i])).Where(p => p.Item2 > 0)
                    .ToDictionary(p => p.QuestionId, p => p.Item2.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal)))));
    private static readonly string?[] MaturityValues = ["1", "2", "3", "4", "na", null];

    private static readonly string?[] Notes =
        [null, "", "Evidence in the March audit.", "Ünïcödé — “quotes” and \"escapes\" \\ / <tags>", "__proto__", "line\nbreak", "\u0085\u00a0\ufeff"];

    private static string[] ItemsOf(ScoringModel model, string groupId) =>
        model.Items.Where(i => i.GroupId == groupId).Select(i => i.QuestionId).ToArray();

    /// <summary>
    /// Answers drawn group by group, each group with its own random weights over the values (so some groups are all
    /// high, some all missing, some mixed), with random notes and options.
    /// </summary>
    private static Gen<string> Answers(string modelId, string[][] groups, string?[] values, Gen<AnswersBaseline?>? baseline = null)
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
        return Gen.Select(all, note.Array[groups.Sum(g => g.Length)], Options, Gen.Int[0, 5000], baseline ?? Gen.Const((AnswersBaseline?)null),
            (chosen, notes, options, revision, published) =>
        {
            var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
            var n = 0;
            for (var g = 0; g < groups.Length; g++)
                for (var i = 0; i < groups[g].Length; i++, n++)
                    if (chosen[g][i] is { } value)
                        answers[groups[g][i]] = new Answer(value, notes[n]);
            return File(modelId, answers, options, revision, published);
        });
    }

    private static readonly Gen<ScoreOptions?> Options =
        Gen.OneOf<ScoreOptions?>(null, new ScoreOptions(null), new ScoreOptions(true), new ScoreOptions(false));

    public static string File(string modelId, IReadOnlyDictionary<string, Answer> answers, ScoreOptions? options = null, int revision = 1, AnswersBaseline? baseline = null) =>
        new AnswersFile(AnswersFile.FormatId, new ModelRef(modelId + "-self-assessment", "1.0.0"), new ModelRef(modelId, "1.0.0"),
            Created, Updated, revision, answers, options) { Baseline = baseline }.ToJson();

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
        // A baseline: every answer to a statement with and without a published score, and the same totals both ways.
        var first = model.Items[0].QuestionId;
        foreach (var published in new[] { null, "1", "2", "3", "4" })
            foreach (var value in new[] { null, "1", "3", "not-assessed", "not-reassessed" })
                yield return File(model.Id, value is null ? new Dictionary<string, Answer>() : Values([(first, value)]), null, 1,
                    new AnswersBaseline("2026-03-14", published is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [first] = published }));
        // Safe re-assessed in part: three new scores, five kept, at the 62.5% edge; and every key question from the baseline alone.
        var safeIds = ItemsOf(model, "safe");
        var baseline = new AnswersBaseline(null, model.Items.ToDictionary(i => i.QuestionId, i => i.GroupId is "safe" or "well-led" ? "2" : "3", StringComparer.Ordinal));
        yield return File(model.Id, Values([(safeIds[0], "3"), (safeIds[2], "3"), (safeIds[7], "3")]), null, 1, baseline);
        yield return File(model.Id, Values([(safeIds[0], "3"), (safeIds[2], "3"), (safeIds[7], "3"), (safeIds[1], "not-reassessed"), (safeIds[3], "not-assessed")]), new(false), 1, baseline);
        yield return File(model.Id, new Dictionary<string, Answer>(), null, 1, baseline);
        yield return File(model.Id, new Dictionary<string, Answer>(), null, 1, new AnswersBaseline(null, new Dictionary<string, string>()));
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

    /// <summary>Descriptions with and without the wordings of weaker actions, in every case a rule must tell apart.</summary>
    private static readonly string[] Descriptions =
    [
        "Update the falls care plan", "", "Remind staff to check the sling", "remind everyone at handover", "Retrain the carer",
        "Staff to be more careful", "Update the plan to reflect the new rota", "Reflect on the incident in supervision", "Re-issue the policy",
        "REMIND staff", "re-train", "Raise awareness of the 48-hour rule", "reminder\u00a0notice", "Remind",
    ];

    private static readonly string?[] Kinds = [null, "repair", "system-change", "training", "reminder", "policy", "other", "System-change", ""];

    private static readonly Gen<LogAction> Action =
        Gen.Select(Gen.OneOf("a1", "a2", "a3", "", "__proto__"), Gen.OneOf(Descriptions),
            Gen.OneOf(FactorIds).Array[0, 3], Gen.OneOf(TrickyText), Gen.OneOf(TrickyText),
            Gen.OneOf(ActionStatuses), Gen.OneOf(TrickyText), Gen.Int[-1, 3],
            (id, description, addresses, owner, due, status, measure, reviews) =>
                new LogAction(id, description, addresses, owner, due, status, measure, reviews, null))
        .SelectMany(a => Gen.Frequency((3, Gen.Const((string?)null)), (6, Gen.OneOf(Kinds))).Select(kind => a with { Kind = kind }));

    /// <summary>A Regulation 20(9) answer: mostly valid, sometimes missing or written another way.</summary>
    public static readonly Gen<string?> CandourAnswerGen = Gen.Frequency(
        (16, Gen.Const<string?>("no")), (3, Gen.Const<string?>("yes")), (3, Gen.Const<string?>("unknown")),
        (1, Gen.Const((string?)null)), (1, Gen.Const<string?>("Yes")), (1, Gen.Const<string?>("")));

    public static readonly Gen<LogCandourOutcomes?> CandourOutcomesGen = Gen.Frequency(
        (1, Gen.Const((LogCandourOutcomes?)null)),
        (5, CandourAnswerGen.Array[7].Select(a => (LogCandourOutcomes?)new LogCandourOutcomes(a[0], a[1], a[2], a[3], a[4], a[5], a[6]))));

    private static readonly Gen<LogNotification> LintNotification =
        Gen.Select(Gen.OneOf("cqc", "safeguarding", "riddor", "other", "CQC", ""), Gen.OneOf<string?>(null, "", "2025-03-01", " "),
            (to, date) => new LogNotification(to, date));

    private static readonly string?[] Harms = [null, "none", "low", "moderate", "severe", "fatal", "Moderate"];

    /// <summary>What a measure shows about an action: variations (0-4) and assurance (0-4) as the spc model numbers them,
    /// a change index inside, at either end of, and past the points, adopted or not.</summary>
    private static readonly Gen<LogMeasureEvidence> MeasureEvidence =
        Gen.Select(Gen.OneOf("a1", "a2", ""), Gen.Bool, Gen.Int[0, 4].Array[0, 16], Gen.Int[0, 17], Gen.Int[0, 4],
            (id, adopted, variations, change, assurance) => new LogMeasureEvidence(id, "Falls at night", adopted, change, variations, assurance));

    private static readonly Gen<string> LearningLog =
        Gen.Select(Gen.OneOf(Statuses), Factor.Array[0, 5], Action.Array[0, 5], Gen.OneOf(TrickyText), Gen.OneOf(Harms), CandourOutcomesGen, LintNotification.Array[0, 3],
            (status, factors, actions, reflection, harm, outcomes, notifications) =>
                new LearningLogInput(status, factors, actions, reflection, harm, outcomes, notifications))
        .SelectMany(log => Gen.Frequency((2, Gen.Const((LogMeasureEvidence[]?)null)), (3, MeasureEvidence.Array[0, 3].Select(m => (LogMeasureEvidence[]?)m)))
            .Select(m => LogJson(log with { Measures = m })));

    public static string LogJson(LearningLogInput input) => JsonSerializer.Serialize(input, RulesJson.Compact);

    /// <summary>A lint input with no harm, no candour answers and no notifications.</summary>
    public static LearningLogInput Log(string status, LogFactor[] factors, LogAction[] actions, string? reflection) =>
        new(status, factors, actions, reflection, null, null, []);

    private static IEnumerable<string> LogBoundaries()
    {
        foreach (var status in Statuses)
            yield return LogJson(Log(status, [], [], null));
        foreach (var text in TrickyText)
        {
            yield return LogJson(Log("closed", [new("f1", "tasks", true)],
                [new("a1", "Do it", ["f1"], text, text, "done", text, 0, null)], text));
            yield return LogJson(Log("monitoring", [new("f1", "person", false)],
                [new("a1", "Do it", ["f2"], "Manager", "2025-03-31", "dropped", text, 1, null)], text));
        }
        yield return LogJson(Log("closed",
            [new("f1", "person", true), new("f2", "organisation", true)],
            [new("a1", "Retrain", ["f1"], "Trainer", "2025-01-31", "done", "Audit", 1, null), new("a2", "Fix rota", ["f2"], null, null, "dropped", null, 0, null)],
            "Reviewed at the governance meeting."));
        // Governance reflection by status; every systemic factor, answered or not; repairs and measures.
        foreach (var status in Statuses)
            yield return LogJson(Log(status, [new("f1", "tasks", true), new("f2", "organisation", true), new("f2", "organisation", true)],
                [new("a1", "Fix it", ["f1"], "Manager", "2025-03-31", "planned", null, 0, "repair")], null));
        // Weaker actions: each kind and wording, with and without a system change on the same factor.
        foreach (var kind in Kinds)
            foreach (var description in Descriptions)
            {
                var weak = new LogAction("a1", description, ["f1", "f2"], "Manager", "2025-03-31", "in-progress", "m", 0, kind);
                yield return LogJson(Log("actions-open", [new("f1", "tasks", true), new("f2", "tasks", true)], [weak], "ok"));
                yield return LogJson(Log("actions-open", [new("f1", "tasks", true), new("f2", "tasks", true)],
                    [weak, weak with { Id = "a2", Description = "Redesign the handover sheet", Addresses = ["f2"], Kind = "system-change" }], "ok"));
                yield return LogJson(Log("actions-open", [new("f1", "tasks", true)],
                    [weak, weak with { Id = "a2", Description = "Redesign the handover sheet", Addresses = ["f1"], Kind = "system-change", Status = "dropped" }], "ok"));
            }
        // A death or serious injury, with and without a CQC notification.
        var allNo = new LogCandourOutcomes("no", "no", "no", "no", "no", "no", "no");
        LogCandourOutcomes?[] outcomes = [null, allNo, allNo with { Death = "yes" }, allNo with { BodyStructure = "yes" }, allNo with { BodyStructure = "unknown" }, allNo with { Death = "Yes" }];
        LogNotification[][] notifications =
            [[], [new("cqc", "2025-03-01")], [new("cqc", null)], [new("cqc", "")], [new("safeguarding", "2025-03-01")], [new("CQC", "2025-03-01")]];
        foreach (var harm in Harms)
            foreach (var o in outcomes)
                foreach (var n in notifications)
                    yield return LogJson(new LearningLogInput("monitoring", [new("f1", "tasks", true)],
                        [new("a1", "Fix it", ["f1"], "Manager", "2025-03-31", "done", "m", 1, "system-change")], "ok", harm, o, n));
    }

    // ------------------------------------------------------------------ learning-log validation

    private static readonly string[] Todays = ["2025-03-15", "2024-02-29", "2025-01-01", "2024-12-31", "2025-03-31"];

    /// <summary>Strings that are not real dates: impossible days, short forms, padding, other digits, other formats.</summary>
    public static readonly string[] BadDates =
        ["2025-02-30", "2025-02-29", "2025-3-01", "2025-13-01", "2025-00-10", "not a date", " 2025-01-01", "0000-01-01", "2025-01-01T00:00", "\u0662\u0660\u0662\u0665-01-01"];

    private static readonly string[] BadOccurred = ["2025-13", "2025-1", "", "2025-00", "202-01", "\u0662\u0660\u0662\u0665-01", "2025-02-30", "2025-2-28", "25-02", "2025-02 "];

    public static string Day(string today, int offset) =>
        DateOnly.ParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date near today (a few days after it at most), or absent (null, ""), or not a real date.</summary>
    private static readonly Gen<Func<string, string?>> DateNear = Gen.Frequency(
        (14, Gen.Int[-45, 3].Select(o => (Func<string, string?>)(t => Day(t, o)))),
        (2, Gen.Const<Func<string, string?>>(_ => null)),
        (1, Gen.Const<Func<string, string?>>(_ => "")),
        (1, Gen.OneOf(BadDates).Select(b => (Func<string, string?>)(_ => b))));

    private static readonly Gen<Func<string, (string Occurred, string Precision)>> Occurred = Gen.Frequency(
        (6, Gen.Select(Gen.Int[-60, 3], Gen.Frequency((6, "day"), (2, "month"), (1, "Month")),
            (o, p) => (Func<string, (string, string)>)(t => (Day(t, o), p)))),
        (4, Gen.Select(Gen.Int[-80, 40], Gen.Frequency((6, "month"), (2, "day")),
            (o, p) => (Func<string, (string, string)>)(t => (Day(t, o).Substring(0, 7), p)))),
        (1, Gen.Select(Gen.OneOf(BadOccurred), Gen.OneOf("day", "month"), (b, p) => (Func<string, (string, string)>)(_ => (b, p)))));

    private static readonly string[] ValidationStatuses = ["draft", "learning-in-progress", "actions-open", "monitoring", "closed", "Closed", ""];
    private static readonly string[] EventTypes = ["incident", "near-miss", "risk", "poor-outcome", "good-care", "Incident"];
    private static readonly string[] ValidationFactorIds = ["f1", "f2", "f3", "f1", "__proto__", ""];
    private static readonly string[] AddressIds = ["f1", "f2", "f3", "f9", "__proto__", "", "constructor"];

    private static readonly Gen<LogUnableToNotify?> Unable = Gen.Frequency(
        (6, Gen.Const((LogUnableToNotify?)null)),
        (2, Gen.Select(Gen.OneOf<string?>("could-not-be-contacted", "declined", "Declined", "", null), Gen.OneOf(TrickyText),
            (reason, attempts) => (LogUnableToNotify?)new LogUnableToNotify(reason, attempts))));

    /// <summary>A date near today, mostly absent: for the fields a record usually leaves out.</summary>
    private static readonly Gen<Func<string, string?>> SometimesDate = Gen.Frequency(
        (2, Gen.Const<Func<string, string?>>(_ => null)), (3, DateNear));

    private static readonly Gen<Func<string, LogCandourInput?>> Candour = Gen.Frequency(
        (2, Gen.Const<Func<string, LogCandourInput?>>(_ => null)),
        (5, Gen.Select(CandourOutcomesGen, Gen.Frequency((4, Gen.Const<string?>("GP")), (1, Gen.OneOf(TrickyText))), SometimesDate, SometimesDate, SometimesDate, Unable,
            Gen.Frequency((8, Gen.Const((bool?)null)), (1, Gen.Const<bool?>(true)), (1, Gen.Const<bool?>(false))),
            Gen.Frequency((8, Gen.Const<Func<string, string?>>(_ => null)), (1, DateNear)),
            (outcomes, role, opinion, inPerson, written, unable, applies, completed) => (Func<string, LogCandourInput?>)(t =>
                new LogCandourInput(outcomes, role, opinion(t), inPerson(t), written(t), unable, "Notes", applies, completed(t))))));

    private static readonly string[] Recipients = ["cqc", "safeguarding", "riddor", "mhra", "coroner", "commissioner", "police", "other", "CQC", ""];

    private static readonly Gen<Func<string, LogValidationNotification>> Notification =
        Gen.Select(Gen.OneOf(Recipients), Gen.Frequency((3, Gen.Const((string?)null)), (1, Gen.OneOf(TrickyText))), SometimesDate,
            Gen.Frequency((5, Gen.Const((string?)null)), (2, Gen.Const<string?>("Not reportable: no work activity was involved")), (1, Gen.OneOf(TrickyText))),
            (to, recipient, date, notNotified) => (Func<string, LogValidationNotification>)(t => new LogValidationNotification(to, recipient, date(t), notNotified)));

    /// <summary>A text a log must fill in: mostly given, sometimes absent, empty or only blanks.</summary>
    private static readonly Gen<string?> RequiredText = Gen.Frequency((8, Gen.Const<string?>("Handover sheet has no falls field")), (2, Gen.OneOf(TrickyText)));

    private static readonly string?[] EvidenceCategoryValues =
        ["people-experience", "staff-leaders-feedback", "partners-feedback", "observation", "processes", "outcomes", "Outcomes", "", " processes", "experience"];

    private static readonly Gen<Func<string, LogValidationAction>> ValidationAction =
        Gen.Select(ValidationActionCore(), Gen.Frequency((5, Gen.Const((string?)null)), (4, Gen.OneOf(EvidenceCategoryValues))),
            (f, category) => (Func<string, LogValidationAction>)(t => f(t) with { EvidenceCategory = category }));

    private static Gen<Func<string, LogValidationAction>> ValidationActionCore() =>
        Gen.Select(Gen.OneOf("a1", "a2", "a3", "a1", "__proto__", ""), Gen.OneOf(AddressIds).Array[0, 3],
            Gen.Frequency((3, "planned"), (3, "in-progress"), (4, "done"), (2, "dropped"), (1, "Done")),
            DateNear, Gen.OneOf(TrickyText), Gen.OneOf(TrickyText), DateNear.Array[0, 3],
            Gen.Frequency((6, Gen.Const((string?)null)), (3, Gen.OneOf(Kinds))), RequiredText,
            (id, addresses, status, completed, evidence, dropped, reviews, kind, description) => (Func<string, LogValidationAction>)(t =>
                new LogValidationAction(id, addresses, status, completed(t), evidence, dropped, reviews.Select(r => new LogValidationReview(r(t)!, "Falls went down", "adopt")).ToArray(), kind, description)));

    private static readonly Gen<string> LogIds = Gen.Frequency((8, Gen.Const("ll-2025-001")), (1, Gen.OneOf("", "LL-2025-001", "-ll", "ll 1", "ll_1", "ll-2025-001\n", "ç")));

    private static readonly Gen<Func<string, LogRedactionInput?>> Redaction = Gen.Frequency(
        (2, Gen.Const<Func<string, LogRedactionInput?>>(_ => null)),
        (6, Gen.Select(Gen.Frequency((5, true), (1, false)), Gen.Frequency((4, Gen.Const<string?>("Registered manager")), (1, Gen.OneOf(TrickyText))), SometimesDate,
            (confirmed, by, date) => (Func<string, LogRedactionInput?>)(t => new LogRedactionInput(confirmed, by, date(t))))));

    private static readonly Gen<Func<string, LogGovernanceInput?>> Governance = Gen.Frequency(
        (3, Gen.Const<Func<string, LogGovernanceInput?>>(_ => null)),
        (2, Gen.Select(RequiredText, SometimesDate, (forum, date) => (Func<string, LogGovernanceInput?>)(t => new LogGovernanceInput(forum, date(t))))));

    private static readonly Gen<string> ValidationInput =
        Gen.Select(Gen.OneOf(Todays), Gen.Frequency((3, 0), (2, 1), (1, 2)), Gen.OneOf(ValidationStatuses), Gen.OneOf(EventTypes), Occurred, DateNear,
            Gen.OneOf(Harms), Gen.Select(Candour, Notification.Array[0, 3], (c, n) => (Candour: c, Notifications: n)),
            Gen.Select(Gen.OneOf(ValidationFactorIds), RequiredText, (id, description) => new LogValidationFactor(id, description)).Array[0, 4], ValidationAction.Array[0, 4],
            Gen.Select(DateNear, LogIds, RequiredText, RequiredText, Redaction, Governance, (next, id, title, summary, redaction, governance) => (next, id, title, summary, redaction, governance)),
            (today, file, status, eventType, occurred, identified, harm, told, factors, actions, more) =>
            {
                var (o, precision) = occurred(today);
                return ValidationJson(new LogValidationInput(
                    more.id, file switch { 0 => "ll-2025-001", 1 => null, _ => "ll-2025-01" }, status, eventType, o, precision,
                    identified(today)!, harm, told.Candour(today), told.Notifications.Select(n => n(today)).ToArray(),
                    factors, actions.Select(a => a(today)).ToArray(), more.next(today), today, more.title, more.summary, more.redaction(today), more.governance(today)));
            });

    public static string ValidationJson(LogValidationInput input) => JsonSerializer.Serialize(input, RulesJson.Compact);

    /// <summary>Every Regulation 20(9) answer no.</summary>
    public static LogCandourOutcomes AllNo { get; } = new("no", "no", "no", "no", "no", "no", "no");

    /// <summary>A Regulation 20(9) assessment that finds no notifiable safety incident, given by a GP on 2025-03-02.</summary>
    public static LogCandourInput NotNotifiable { get; } = new(AllNo, "GP", "2025-03-02", null, null, null, null, null, null);

    /// <summary>A log the validation accepts, as of 2025-03-15: the starting point of the boundary cases.</summary>
    public static LogValidationInput ValidLog { get; } = new(
        "ll-2025-001", "ll-2025-001", "actions-open", "incident", "2025-03-01", "day", "2025-03-02", "low", NotNotifiable, [],
        [new("f1", "Handover sheet has no field for falls"), new("f2", "Night staff cover two floors")],
        [new("a1", ["f1"], "planned", null, null, null, [], null, "Add a falls field to the handover sheet"),
            new("a2", ["f2"], "done", "2025-03-10", "Audit of 12 records", null, [new("2025-03-14", "No missed handovers in 12 records", "adopt")], "system-change", "Roster a second night carer")],
        null, "2025-03-15", "Fall on the stairs at night", "A resident fell on the stairs at night; staff found them at 03:00.",
        new LogRedactionInput(true, "Registered manager", "2025-03-15"), null);

    /// <summary>Every rule's edge: a day either side of each date comparison, each status, each harm against each event type.</summary>
    public static IEnumerable<LogValidationInput> ValidationBoundaries()
    {
        var log = ValidLog;
        yield return log;
        // The three cases the draft form used to accept and the build refused.
        yield return log with { Identified = "2025-03-16" };
        yield return log with { Actions = [log.Actions[0], log.Actions[1] with { Completed = "2025-03-01" }] };
        yield return log with { Actions = [log.Actions[0], log.Actions[1] with { Reviews = [new("2025-03-14", "Falls went down", "adopt"), new("2025-03-16", "Falls went down", "adopt")] }] };
        // Each date comparison, a day either side and on the day.
        foreach (var identified in new[] { "2025-02-28", "2025-03-01", "2025-03-14", "2025-03-15", "2025-03-16" })
            yield return log with { Identified = identified };
        foreach (var occurred in new[] { "2025-03-14", "2025-03-15", "2025-03-16", "2025-03", "2025-04", "2025-02", "2024-12" })
            foreach (var precision in new[] { "day", "month" })
                yield return log with { Occurred = occurred, OccurredPrecision = precision, Identified = "2025-03-01" };
        yield return log with { Occurred = "2025-03", OccurredPrecision = "month", Identified = "2025-02-28" };
        foreach (var completed in new[] { "2025-03-01", "2025-03-02", "2025-03-03" })
            yield return log with { Actions = [log.Actions[0], log.Actions[1] with { Completed = completed }] };
        foreach (var review in new[] { "2025-03-15", "2025-03-16" })
            yield return log with { Actions = [log.Actions[0] with { Reviews = [new(review, "Falls went down", "adopt")] }, log.Actions[1]] };
        foreach (var today in new[] { "2025-02-28", "2025-03-01", "2025-03-02", "2025-03-09", "2025-03-10", "2025-03-14", "2024-02-29" })
            yield return log with { Today = today };
        // Occurred written every wrong way.
        foreach (var bad in BadOccurred.Concat(BadDates))
            foreach (var precision in new[] { "day", "month" })
                yield return log with { Occurred = bad, OccurredPrecision = precision };
        // Malformed dates (the form only).
        foreach (var bad in BadDates.Append("").Append(null))
        {
            yield return log with { Identified = bad! };
            yield return log with { NextReview = bad };
            yield return log with { Actions = [log.Actions[0] with { Completed = bad, Reviews = [new(bad!, "Falls went down", "adopt")] }, log.Actions[1]] };
            yield return log with { DutyOfCandour = NotNotifiable with { OpinionDate = bad, NotifiedInPerson = bad, WrittenNotification = bad }, Status = "monitoring" };
            yield return log with { Notifications = [new("cqc", null, bad, null)] };
        }
        // Harm against every event type: the harm grade never decides candour.
        foreach (var eventType in EventTypes)
            foreach (var harm in Harms)
            {
                yield return log with { EventType = eventType, Harm = harm };
                yield return log with { EventType = eventType, Harm = harm, DutyOfCandour = null };
            }
        // The Regulation 20(9) assessment: each answer of each question, whose opinion, and the notification record by status.
        foreach (var i in Enumerable.Range(0, 7))
            foreach (var answer in new[] { "yes", "no", "unknown", "Yes", "", null })
            {
                var answers = new[] { "no", "no", "no", "no", "no", "no", "no" }.Cast<string?>().ToArray();
                answers[i] = answer;
                var outcomes = new LogCandourOutcomes(answers[0], answers[1], answers[2], answers[3], answers[4], answers[5], answers[6]);
                foreach (var status in new[] { "draft", "learning-in-progress", "actions-open", "closed", "" })
                    yield return log with { DutyOfCandour = NotNotifiable with { Outcomes = outcomes }, Status = status };
                yield return log with { DutyOfCandour = NotNotifiable with { Outcomes = outcomes, NotifiedInPerson = "2025-03-03" } };
                yield return log with { DutyOfCandour = NotNotifiable with { Outcomes = outcomes, NotifiedInPerson = "2025-03-03", WrittenNotification = "2025-03-05" } };
            }
        var applies = NotNotifiable with { Outcomes = AllNo with { BodyStructure = "yes" } };
        var unknown = new LogCandourOutcomes("unknown", "unknown", "unknown", "unknown", "unknown", "unknown", "unknown");
        foreach (var role in TrickyText)
            foreach (var opinion in new[] { null, "", "2025-03-02" })
            {
                yield return log with { DutyOfCandour = applies with { ProfessionalRole = role, OpinionDate = opinion } };
                yield return log with { DutyOfCandour = applies with { Outcomes = unknown, ProfessionalRole = role, OpinionDate = opinion } };
            }
        foreach (var reason in new[] { "could-not-be-contacted", "declined", "Declined", "", null })
            foreach (var attempts in TrickyText)
                yield return log with { DutyOfCandour = applies with { UnableToNotify = new(reason, attempts) } };
        // The old format: applies and completed, with and without the new answers.
        foreach (var old in new LogCandourInput[]
        {
            new(null, null, null, null, null, null, "Low harm", false, null), new(null, null, null, null, null, null, null, true, "2025-03-05"),
            new(null, null, null, null, null, null, null, true, null), applies with { Applies = true, Completed = "2025-03-05" },
            new(null, null, null, null, null, null, "A near miss", null, null),
        })
        {
            yield return log with { DutyOfCandour = old };
            yield return log with { DutyOfCandour = old, EventType = "near-miss", Harm = "none" };
        }
        // Candour dates a day either side of the event, today and each other.
        foreach (var date in new[] { "2025-02-28", "2025-03-01", "2025-03-15", "2025-03-16" })
        {
            yield return log with { DutyOfCandour = applies with { OpinionDate = date } };
            yield return log with { DutyOfCandour = applies with { NotifiedInPerson = date, WrittenNotification = "2025-03-10" } };
            yield return log with { DutyOfCandour = applies with { NotifiedInPerson = "2025-03-10", WrittenNotification = date } };
            yield return log with { DutyOfCandour = applies with { NotifiedInPerson = "2025-03-01", WrittenNotification = date }, Occurred = "2025-03", OccurredPrecision = "month" };
        }
        // Notifications: every recipient, made, decided against, both or neither, dated either side of the event and today.
        foreach (var to in Recipients)
            foreach (var recipient in new[] { null, " ", "Local health protection team" })
            {
                yield return log with { Notifications = [new(to, recipient, "2025-03-03", null)] };
                yield return log with { Notifications = [new(to, recipient, null, "Not reportable")] };
                yield return log with { Notifications = [new(to, recipient, "2025-03-03", "Not reportable")] };
                yield return log with { Notifications = [new(to, recipient, null, " \u0085 ")] };
                yield return log with { Notifications = [new(to, recipient, "", null)] };
            }
        foreach (var date in new[] { "2025-02-28", "2025-03-01", "2025-03-15", "2025-03-16" })
            yield return log with { Notifications = [new("cqc", null, date, null), new("safeguarding", null, date, null)] };
        // Action kinds.
        foreach (var kind in Kinds)
            yield return log with { Actions = [log.Actions[0] with { Kind = kind }, log.Actions[1]] };
        // Statuses: closed with none, one and two open actions, with and without reviews; monitoring with and without next_review.
        foreach (var status in ValidationStatuses)
        {
            yield return log with { Status = status };
            yield return log with { Status = status, NextReview = "2025-06-01" };
            yield return log with { Status = status, NextReview = "" };
            yield return log with { Status = status, Actions = [] };
            yield return log with { Status = status, Actions = [log.Actions[0], log.Actions[0] with { Id = "a3", Status = "in-progress" }] };
            yield return log with { Status = status, Actions = [log.Actions[1] with { Reviews = [] }, log.Actions[0] with { Status = "dropped", DroppedReason = "Superseded" }] };
        }
        // Duplicate and unknown ids, actions with no factors, done and dropped without their records.
        yield return log with { Factors = [new("f1", "x"), new("f1", "x"), new("f2", "x"), new("f1", "x")] };
        yield return log with { Factors = [] };
        yield return log with { Factors = [new("__proto__", "x"), new("constructor", "x")], Actions = [log.Actions[0] with { Addresses = ["__proto__", "toString", "f1"] }] };
        yield return log with { Actions = [log.Actions[0], log.Actions[0], log.Actions[1] with { Id = "a1" }] };
        yield return log with { Actions = [log.Actions[0] with { Addresses = [] }, log.Actions[1] with { Addresses = ["f2", "f9", "f2", "f8"] }] };
        foreach (var text in TrickyText)
        {
            yield return log with { Actions = [log.Actions[1] with { Evidence = text, Completed = text }] };
            yield return log with { Actions = [log.Actions[0] with { Status = "dropped", DroppedReason = text }] };
        }
        // The id and the file name.
        yield return log with { FileSlug = null };
        yield return log with { FileSlug = "ll-2025-002" };
        yield return log with { Id = "", FileSlug = "x" };
        foreach (var id in new[] { "LL-2025-001", "-ll", "ll 1", "ll_1", "ll-2025-001\n", "ç", "0", "a-" })
        {
            yield return log with { Id = id };
            yield return log with { Id = id, FileSlug = id };
        }
        // What every log must fill in, each missing, empty or blank.
        foreach (var text in TrickyText)
        {
            yield return log with { Title = text };
            yield return log with { Summary = text };
            yield return log with { EventType = text! };
            yield return log with { Occurred = text! };
            yield return log with { Factors = [log.Factors[0] with { Description = text }, log.Factors[1]] };
            yield return log with { Actions = [log.Actions[0] with { Description = text }, log.Actions[1] with { Reviews = [new("2025-03-14", text, "adopt")] }] };
            yield return log with { Actions = [log.Actions[0], log.Actions[1] with { Reviews = [new(text!, "Falls went down", text)] }] };
            yield return log with { GovernanceReview = new LogGovernanceInput(text, "2025-03-15") };
            yield return log with { GovernanceReview = new LogGovernanceInput("Governance meeting", text) };
            yield return log with { RedactionCheck = new LogRedactionInput(true, text, "2025-03-15") };
            yield return log with { RedactionCheck = new LogRedactionInput(true, "Registered manager", text) };
        }
        // The redaction check by status: missing, unconfirmed, confirmed.
        foreach (var status in ValidationStatuses)
            foreach (var redaction in new LogRedactionInput?[] { null, new(false, null, null), new(false, "Registered manager", "2025-03-15"), new(true, null, null), log.RedactionCheck })
                yield return log with { Status = status, RedactionCheck = redaction };
    }

    // ------------------------------------------------------------------ personal data

    /// <summary>
    /// Pieces of care-log text that exercise every pattern of the detector and its edges: names of every shape (O'Brien,
    /// McDonald, Smith-Jones, Zoë, word-like given names), titles, roles, known terms, stop words, dates in every format
    /// (valid and impossible), NHS numbers (valid, invalid, placeholder, inside longer numbers), ages and age limits, and
    /// characters .NET and JavaScript regular expressions could disagree on (İ, ſ, K (Kelvin), non-breaking and other
    /// white space, line separators, curly quotes, combining marks).
    /// </summary>
    public static readonly string[] PersonalDataPieces =
    [
        "Sarah", "Sarah Jones", "Jones", "carer", "Carer", "night nurse", "Nurse", "Sister", "Matron", "the", "told", "said", "with",
        "Mrs", "Mr.", "Dr", "Ms", "Miss", "Prof.", "J.", "A", "Patel", "O'Brien", "O’Brien", "McDonald", "Smith-Jones", "Zoë", "Siân",
        "Ngozi", "Adeyemi", "Grace", "Will", "Hope", "Rose", "Victoria", "Florence Nightingale", "Abbey Pain Scale", "Oliver McGowan",
        "Registered Manager", "After Action Review", "Example House", "Duty of Candour", "Care Quality Commission", "Elizabeth Ward",
        "St Mary's Hospital", "St", "Monday", "June", "May", "Milton Keynes", "in", "at", "our", "deputy manager", "daughter", "GP",
        "resident", "Resident", "(senior carer)", ", the night nurse,", "— agency nurse", "DOB", "D.O.B.", "born on", "born in",
        "date of birth:", "birthday", "12/03/1937", "3rd March 1937", "March 3, 1937", "1937-03-12", "14.02.48", "31/02/1950",
        "1929", "2031", "4 May", "June 1941", "aged 87", "aged 18 or over", "aged 65+", "aged 18-25", "87-year-old", "92 years old",
        "under 18 years old", "age: 90", "page 5", "943 476 5919", "943-476-5919", "9434765919", "943 476 5918", "0000000000",
        "1111111111", "19434765919", "401 023 2137", "401-023 2137", "01632 960123", "100%", "1,000",
        "İ", "İsmail", "ſ", "\u212a", "\u00a0", "\u2028", "\u2029", "\r\n", "\t", "\u3000", "e\u0301", "“", "”", "’", "-", "—", "#", "**",
        "[Sarah](/x)", "Sarah's", "Sarah’s", "Sam Taylor Way", "Łukasz", "Małgorzata", "ÀÉÎÕÜ", "àéîõü", "ß", "x", "",
    ];

    private static readonly string[] PersonalDataSeparators = [" ", " ", " ", ", ", ". ", "\n", "\n\n## ", " (", ") ", " - ", "\t", "\u00a0", ": ", "; ", "", "-", "'s "];

    private static readonly Gen<string> PersonalDataText =
        Gen.Select(Gen.OneOf(PersonalDataPieces).Array[0, 14], Gen.OneOf(PersonalDataSeparators).Array[14], (pieces, separators) =>
        {
            var text = new System.Text.StringBuilder();
            for (var i = 0; i < pieces.Length; i++)
            {
                if (i > 0) text.Append(separators[i - 1]);
                text.Append(pieces[i]);
            }
            return text.ToString();
        });

    private static readonly string?[] PersonalDataMarks =
        ["Sam Taylor Way", "Sarah", "Sarah Jones", "Jones", "943 476 5919", "aged 87", "Mrs Patel", "", null, "arah", "Sarah Jones said", "x"];

    private static readonly Gen<PersonalDataField> PersonalDataFieldGen =
        Gen.Select(Gen.OneOf("summary", "body", "actions[0].owner_role", "learning_response.roles[1]", "__proto__"), PersonalDataText, Gen.Frequency((4, false), (1, true)),
            (path, text, role) => new PersonalDataField(path, text, role));

    private static readonly Gen<string> PersonalDataInputJson =
        Gen.Select(PersonalDataFieldGen.Array[1, 3], Gen.OneOf(PersonalDataMarks).Array[0, 3],
            (fields, marks) => PersonalDataJson(new PersonalDataInput(fields, marks!)));

    public static string PersonalDataJson(PersonalDataInput input) => JsonSerializer.Serialize(input, RulesJson.Compact);

    /// <summary>Each piece on its own and in a sentence, as text and as a role field, and the marking cases.</summary>
    private static IEnumerable<string> PersonalDataBoundaries()
    {
        foreach (var piece in PersonalDataPieces)
            foreach (var role in new[] { false, true })
            {
                yield return PersonalDataJson(new([new("body", piece, role)], []));
                yield return PersonalDataJson(new([new("body", "We told " + piece + ", the night nurse, about " + piece + " today.", role)], []));
            }
        yield return PersonalDataJson(new([], []));
        yield return PersonalDataJson(new([new("body", "She lives on Sam Taylor Way; carer Sam Taylor visits.", false)], ["Sam Taylor Way"]));
        yield return PersonalDataJson(new([new("body", "carer Sarah Jones", false), new("summary", "Sarah Jones", false)], ["Sarah Jones", "Sarah"]));
        yield return PersonalDataJson(new([new("body", "Sarah", false)], [null!, "", "Sarah Jones"]));
    }
}

// ------------------------------------------------------------------ the SPC model
// Kept in this file (not a file of its own) because the browser test project links only this file.

/// <summary>Generated SPC inputs: series of every shape, sometimes as CSV text, sometimes with mistakes.</summary>
public static class SpcGenerators
{
    private static readonly string[] Kinds = ["week", "month", "quarter"];

    /// <summary>The n-th period after a start, in the canonical text of its kind (weeks: every year has 52 here, plus 2026's W53).</summary>
    public static string Period(string kind, int year, int number, int offset) => kind switch
    {
        "month" => Month(year, number - 1 + offset),
        "quarter" => $"{year + (number - 1 + offset) / 4:D4}-Q{(number - 1 + offset) % 4 + 1}",
        _ => Week(year, number, offset),
    };

    private static string Month(int year, int index) => $"{year + index / 12:D4}-{index % 12 + 1:D2}";

    private static string Week(int year, int week, int offset)
    {
        for (var i = 0; i < offset; i++)
        {
            week++;
            if (week > ISOWeek.GetWeeksInYear(year))
            {
                week = 1;
                year++;
            }
        }
        return $"{year:D4}-W{week:D2}";
    }

    private static string Number(double value) => value.ToString("G15", CultureInfo.InvariantCulture) switch
    {
        var t when t.Contains('E') => decimal.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        var t => t,
    };

    /// <summary>Series shapes: noise, steps (shifts), trends, constants, values on the mean and on the limits, wide and tiny scales.</summary>
    private static readonly Gen<double[]> Values = Gen.Int[0, 9].SelectMany(shape => Gen.Frequency(
            (1, Gen.Int[0, 4]), (5, Gen.Int[5, 11]), (12, Gen.Int[12, 30]), (3, Gen.Int[31, 48]))
        .SelectMany(n => shape switch
        {
            0 => Gen.Int[0, 20].Array[n].Select(a => a.Select(v => (double)v).ToArray()),
            1 => Gen.Int[-500, 500].Array[n].Select(a => a.Select(v => v / 10.0).ToArray()),
            2 => Gen.Select(Gen.Int[0, Math.Max(0, n - 1)], Gen.Int[-3, 3].Array[n], (at, noise) =>
                noise.Select((e, i) => (i < at ? 50.0 : 42.0) + e).ToArray()),
            3 => Gen.Select(Gen.Int[0, Math.Max(0, n - 1)], Gen.Int[-2, 2].Array[n], Gen.Bool, (at, noise, up) =>
                noise.Select((e, i) => 100.0 + e + (i >= at && i < at + 8 ? (up ? 3 : -3) * (i - at) : 0)).ToArray()),
            4 => Gen.Double[-1e6, 1e6].Select(c => Enumerable.Repeat(Math.Round(c, 2), n).ToArray()),
            // Symmetric around 7, so the mean is exactly 7 and some points lie on it.
            5 => Gen.Int[-3, 3].Array[(n + 1) / 2].Select(d => d.Concat(d.Reverse().Select(x => -x)).Take(n).Select(x => 7.0 + x).ToArray()),
            // A baseline alternating -25 and 25 (mean 0, average moving range 50, limits exactly ±133, close at ±88.67).
            6 => Gen.OneOf(0.0, 25, -25, 133, -133, 134, -134, 88, 89, -89, 200).Array[n].Select(rest =>
                Enumerable.Range(0, n).Select(i => i < 12 ? (i % 2 == 0 ? -25.0 : 25.0) : rest[i]).ToArray()),
            7 => Gen.Int[1, 999999].Array[n].Select(a => a.Select(v => v / 1000.0).ToArray()),
            8 => Gen.Double[-1, 1].Array[n].Select(a => a.Select(v => Math.Round(v, 6)).ToArray()),
            _ => Gen.Long[-99999999999999, 99999999999999].Array[n].Select(a => a.Select(v => (double)v).ToArray()),
        }));

    private static readonly Gen<string> BadValue = Gen.OneOf("", " ", "abc", "1,234", "1e3", "12%", "5.", "-", "−3", "0x10", "1 000", "1234567890123456", ". 5", "NaN");

    private static readonly Gen<string?> Setting = Gen.Frequency((6, Gen.Const((string?)null)), (1, Gen.Const<string?>("")), (1, Gen.Const<string?>("abc")));

    /// <summary>One generated input: a series with its settings, sometimes as CSV text, sometimes with mistakes.</summary>
    public static readonly Gen<string> Input =
        Gen.Select(Gen.Frequency((30, Gen.OneOf(Kinds)), (1, Gen.OneOf("", "Month", "year"))), Gen.Int[2018, 2027], Gen.Int[1, 52], Values, Gen.Int[0, 29])
        .SelectMany(t => Gen.Select(
            Gen.Frequency((20, Gen.Const(-1)), (1, Gen.Int[0, Math.Max(0, t.Item4.Length - 1)])),     // a row with a mistake
            Gen.Int[0, 7],                                                                                // which mistake
            BadValue,
            Gen.Frequency((20, Gen.OneOf("increase", "decrease", "neutral")), (1, Gen.OneOf("", "up", "Increase"))),
            Gen.Frequency((8, Gen.Const((string?)null)), (8, Gen.Double[-10, 250].Select(d => (string?)Number(Math.Round(d)))), (1, Setting)),
            Gen.Frequency((16, Gen.Const(((string?)null, (string?)null))), (1, Gen.Const<(string?, string?)>(("0", "100"))), (1, Gen.Const<(string?, string?)>(("-5", "60"))), (1, Gen.Const<(string?, string?)>(("10", "1")))),
            Gen.Frequency((16, Gen.Const((int?)null)), (4, Gen.Const<int?>(12)), (2, Gen.Const<int?>(15)), (1, Gen.Const<int?>(11))),
            Gen.Frequency((12, Gen.Const((int?)null)), (4, Gen.Const<int?>(6)), (2, Gen.Const<int?>(7)), (1, Gen.Const<int?>(5))),
            (mistakeRow, mistake, badValue, direction, target, range, fixAfter, runLength) =>
                (t, mistakeRow, mistake, badValue, direction, target, range, fixAfter, runLength)))
        .SelectMany(u => Gen.Select(
            Gen.Frequency((6, Gen.Const((bool?)null)), (1, Gen.Const<bool?>(false)), (1, Gen.Const<bool?>(true))),
            Gen.Select(Gen.Frequency((1, Gen.Int[-2, -1]), (12, Gen.Int[0, Math.Max(0, u.t.Item4.Length)])), Gen.Frequency((2, Gen.Const(true)), (1, Gen.Const(false))), Gen.OneOf(Generators.TrickyText))
                .Array[Gen.Frequency((5, Gen.Const(0)), (3, Gen.Int[1, 3]))],
            Gen.Frequency((4, Gen.Const(-1)), (1, Gen.Int[0, 5])),                                      // CSV layout (-1: rows)
            (screen, annotations, csv) => Build(u.t.Item1, u.t.Item2, u.t.Item3, u.t.Item4, u.t.Item5, u.mistakeRow, u.mistake, u.badValue, u.direction,
                u.target, u.range, u.fixAfter, u.runLength, screen, annotations, csv)));

    private static string Build(string kind, int year, int number, double[] values, int offsetSeed, int mistakeRow, int mistake, string badValue,
        string? direction, string? target, (string? Min, string? Max) range, int? fixAfter, int? runLength, bool? screen,
        (int At, bool Rebase, string? Label)[] annotations, int csv)
    {
        var start = kind switch { "month" => (number - 1) % 12 + 1, "quarter" => (number - 1) % 4 + 1, _ => number };
        var periods = Enumerable.Range(0, values.Length).Select(i => Period(kind is "week" or "quarter" ? kind : "month", year, start, i)).ToList();
        var texts = values.Select(Number).ToList();
        if (mistakeRow >= 0 && mistakeRow < values.Length)
        {
            switch (mistake)
            {
                case 0: texts[mistakeRow] = badValue; break;
                case 1 when mistakeRow > 0: periods[mistakeRow] = periods[mistakeRow - 1]; break;                     // duplicate
                case 2 when mistakeRow > 0: (periods[mistakeRow], periods[mistakeRow - 1]) = (periods[mistakeRow - 1], periods[mistakeRow]); break; // order
                case 3: periods[mistakeRow] = Period(kind is "week" or "quarter" ? kind : "month", year, start, mistakeRow + 1 + offsetSeed % 3); break; // gap
                case 4: periods[mistakeRow] = periods[mistakeRow].Replace("-", "/"); break;
                case 5: periods[mistakeRow] = periods[mistakeRow].ToLowerInvariant(); break;                       // q and w accepted
                case 6: texts[mistakeRow] = " " + texts[mistakeRow] + "\t"; break;
                default: periods[mistakeRow] = ""; break;
            }
        }
        var notes = annotations.Select(a => new SpcAnnotation(
            a.At < 0 ? (a.At == -1 ? "" : "2031-13") : a.At < periods.Count ? periods[a.At] : Period(kind is "week" or "quarter" ? kind : "month", year, start, a.At + 2),
            a.Label, a.Rebase)).ToArray();
        string? csvText = null;
        SpcRow[]? rows = texts.Select((v, i) => new SpcRow(periods[i], v)).ToArray();
        if (csv >= 0)
        {
            var newline = csv % 3 == 0 ? "\n" : csv % 3 == 1 ? "\r\n" : "\r";
            var header = csv switch { 0 => "period,value", 1 => "Period, Value", 2 => "PERIOD,VALUE", 3 => "\ufeffperiod,value", 4 => "date,value", _ => " period , value " };
            var text = new StringBuilder(header);
            for (var i = 0; i < periods.Count; i++)
            {
                text.Append(newline);
                if (i == periods.Count / 2 && csv % 2 == 1)
                    text.Append("  ").Append(newline);
                text.Append(csv == 5 ? $"\"{periods[i]}\", \"{texts[i]}\"" : $"{periods[i]},{texts[i]}");
            }
            if (csv % 2 == 0)
                text.Append(newline);
            csvText = text.ToString();
            rows = csv == 2 ? rows : null;
        }
        return new SpcInput(csvText, rows, kind, direction, target, range.Min, range.Max, notes.Length == 0 && csv == 1 ? null : notes,
            fixAfter, runLength, screen).ToJson();
    }

    /// <summary>Inputs every run checks: each validation error, the worked examples' shapes, exact limits, short and constant series.</summary>
    public static IEnumerable<string> Boundaries()
    {
        SpcInput Series(double[] values, string kind = "month", string direction = "increase", string? target = null, int? fixAfter = null,
            int? runLength = null, bool? screen = null, SpcAnnotation[]? annotations = null, string? min = null, string? max = null) =>
            new(null, values.Select((v, i) => new SpcRow(Period(kind, 2025, kind == "week" ? 50 : 1, i), Number(v))).ToArray(), kind, direction, target,
                min, max, annotations, fixAfter, runLength, screen);
        double[] Alternating(int n, double low, double high) => Enumerable.Range(0, n).Select(i => i % 2 == 0 ? low : high).ToArray();

        yield return new SpcInput(null, null, null, null, null, null, null, null, null, null, null).ToJson();
        yield return new SpcInput("", null, "month", "increase", null, null, null, null, null, null, null).ToJson();
        yield return new SpcInput("period,value\n", null, "month", "increase", null, null, null, null, null, null, null).ToJson();
        yield return new SpcInput("period,value\r\n2025-01,1\r\n2025-02,\"1,234\"\r\n2025-04,x\r\n", null, "month", "increase", null, null, null, null, null, null, null).ToJson();
        yield return Series([], "quarter").ToJson();
        yield return Series([5]).ToJson();
        yield return Series([5, 5]).ToJson();
        foreach (var n in new[] { 11, 12, 13 })
        {
            yield return Series(Enumerable.Repeat(3.5, n).ToArray()).ToJson();
            yield return Series(Alternating(n, -25, 25), target: "133").ToJson();
        }
        // Constant baseline, then a different value judged against the fixed limits.
        yield return Series([.. Enumerable.Repeat(5.0, 12), 5, 6, 4], fixAfter: 12).ToJson();
        // Exact limits ±133 and close lines: on a limit, beyond it, on the mean.
        yield return Series([.. Alternating(12, -25, 25), 133, -133, 133.0000000001, 0, 88.67, 89, 89, 0], fixAfter: 12, target: "-133", direction: "decrease").ToJson();
        // Shifts and trends of 6 and 7, with each run length.
        foreach (var run in new int?[] { null, 6 })
        {
            yield return Series([.. Alternating(12, 10, 11), 11, 11, 11, 11, 11, 11, 10.5, 11, 11, 11, 11, 11, 11, 11], fixAfter: 12, runLength: run).ToJson();
            yield return Series([.. Alternating(12, 10, 11), 8, 9, 10, 11, 12, 13, 13, 12, 11, 10, 9, 8, 7], fixAfter: 12, runLength: run, direction: "neutral").ToJson();
        }
        // Rebases: at the first point, mid-series, at a period without data, and a plain change outside the data.
        var steps = Enumerable.Range(0, 30).Select(i => (i < 15 ? 20.0 : 12.0) + i % 3).ToArray();
        yield return Series(steps, annotations: [new("2025-01", "Start", true), new("2026-04", "Checklist introduced", true), new("2024-06", "Before the data", false)]).ToJson();
        yield return Series(steps, direction: "decrease", target: "15", annotations: [new("2026-04", "Checklist", true), new("2027-12", "Late", true)]).ToJson();
        yield return Series(steps, kind: "week", fixAfter: 12, annotations: [new("2025-W52", "Week 52", true), new("2026-W53", "Week 53", false)]).ToJson();
        // Settings errors.
        yield return Series(steps, kind: "year").ToJson();
        yield return Series(steps, direction: "up", target: "1,5", min: "x", max: "1e3").ToJson();
        yield return Series(steps, min: "30", max: "10", fixAfter: 6, runLength: 8).ToJson();
        yield return Series([-1, 50, 101, 100, 0], min: "0", max: "100").ToJson();
        // The largest values the rules read (15 digits before the point) and the smallest decimals.
        yield return Series([999999999999999, 999999999999998, -999999999999999, 1, 0, 5e14, 7e14, 999999999999999, 3, 2, 1, 0]).ToJson();
        yield return Series([0.000000000000001, 0.000000000000002, 0, 0.000000000000001, 0.000000000000003, 0, 0, 0, 0.000000000000001, 0, 0, 0.000000000000002]).ToJson();
    }
}
