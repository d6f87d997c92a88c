using System.Text.Json;
using Jint;
using CqcGuide.Rules.ScoringModels;
using CqcGuide.Rules.Tests.Parity;

namespace CqcGuide.Rules.Tests.ModelTests;

/// <summary>
/// Each scoring model's presentation (answer labels, bands, results layout) is one piece of data: the rules read the
/// bands, the module exports the same values, and the layout names fields the result really has.
/// </summary>
public class PresentationTests
{
    public static TheoryData<string> ScoringIds() => new(CqcGuide.Rules.Models.Scoring.Select(m => m.Id));

    [Theory]
    [MemberData(nameof(ScoringIds))]
    public void Module_exports_exactly_the_csharp_presentation(string id)
    {
        var model = CqcGuide.Rules.Models.FindScoring(id)!;
        var host = new JsHost(model.Module, "score");
        var exported = host.Module.Get("presentation");
        Assert.Null(JsCompare.Difference(exported, JsonSerializer.Serialize(model.Presentation, RulesJson.Compact)));
        // Byte for byte: JSON.stringify in the browser writes what .NET writes.
        Assert.Equal(JsonSerializer.Serialize(model.Presentation, RulesJson.Compact), host.Evaluate("(v) => JSON.stringify(v)").Call(exported).AsString());
        // Frozen all the way down.
        Assert.True(host.Evaluate("(p) => Object.isFrozen(p) && Object.isFrozen(p.answers) && p.answers.every(Object.isFrozen) && p.bands.every(Object.isFrozen) && Object.isFrozen(p.result)")
            .Call(exported).AsBoolean());
        Assert.Same(model.Presentation, model.Exports[0].Value);
        Assert.Equal("presentation", model.Exports[0].Name);
    }

    [Fact]
    public void Rating_bands_are_the_data_the_rules_use()
    {
        Assert.Equal([25, 39, 63, 88], CqcRules.RatingBands.Select(b => b.Lower));
        Assert.Equal([38, 62, 87, 100], CqcRules.RatingBands.Select(b => b.Upper));
        for (var p = 0; p <= 100; p++)
        {
            var band = CqcRules.RatingBands.LastOrDefault(b => p >= b.Lower) ?? CqcRules.RatingBands[0];
            Assert.Equal(band.Rating, CqcRules.PercentageBand.Evaluate(p));
        }
        foreach (var band in CqcRules.RatingBands)
        {
            Assert.Equal(new BandLimits(band.Lower, band.Upper), CqcRules.RatingBandLimits.Evaluate(band.Rating));
            Assert.Equal(band.Label, CqcRules.RatingLabel.Evaluate(band.Rating));
        }
        Assert.Equal(CqcRules.NotRatedLabel, CqcRules.RatingLabel.Evaluate(Rating.NotRated));
        AssertContiguous(CqcRules.RatingBands.Select(b => (b.Lower, b.Upper)));
    }

    [Fact]
    public void Maturity_bands_are_the_data_the_rules_use()
    {
        Assert.Equal([25, 44, 63, 82], LearningMaturity.Levels.Select(b => b.Lower));
        for (var p = 0; p <= 100; p++)
        {
            var level = LearningMaturity.Levels.LastOrDefault(b => p >= b.Lower) ?? LearningMaturity.Levels[0];
            Assert.Equal(level.Band, LearningMaturity.MaturityBand.Evaluate(p));
        }
        foreach (var level in LearningMaturity.Levels)
        {
            Assert.Equal(new BandLimits(level.Lower, level.Upper), LearningMaturity.MaturityBandLimits.Evaluate(level.Band));
            Assert.Equal(level.Label, LearningMaturity.MaturityLabel.Evaluate(level.Band));
        }
        Assert.Equal(LearningMaturity.NotScoredLabel, LearningMaturity.MaturityLabel.Evaluate(Maturity.NotRated));
        AssertContiguous(LearningMaturity.Levels.Select(b => (b.Lower, b.Upper)));
    }

    private static void AssertContiguous(IEnumerable<(int Lower, int Upper)> bands)
    {
        var list = bands.ToList();
        Assert.Equal(100, list[^1].Upper);
        for (var i = 1; i < list.Count; i++)
            Assert.Equal(list[i - 1].Upper + 1, list[i].Lower);
    }

    [Fact]
    public void Presented_bands_carry_the_rule_limits_and_the_chart_zones_the_results_page_drew()
    {
        // The zones assessment.js used to hard-code as CQC_BANDS and MATURITY_BANDS.
        var cqc = CqcSaf.Instance.Presentation.Bands;
        Assert.Equal([(25.0, 38.5, "Inadequate"), (38.5, 62.5, "Requires improvement"), (62.5, 87.5, "Good"), (87.5, 100.0, "Outstanding")],
            cqc.Select(b => (b.From, b.To, b.Name)));
        Assert.Equal(CqcRules.RatingBands.Select(b => ((int)b.Rating, b.Lower, b.Upper)), cqc.Select(b => (b.Value, b.Lower, b.Upper)));
        // The two CQC models show answers and results alike; only cqc-saf starts from published scores.
        Assert.Equal(CqcSaf.Instance.Presentation with { Baseline = null }, CqcSafEvidence.Instance.Presentation);
        Assert.Null(CqcSafEvidence.Instance.Presentation.Baseline);
        Assert.Null(LearningMaturity.Instance.Presentation.Baseline);
        var maturity = LearningMaturity.Instance.Presentation.Bands;
        Assert.Equal([(25.0, 43.5, "Reactive"), (43.5, 62.5, "Developing"), (62.5, 81.5, "Established"), (81.5, 100.0, "Embedded")],
            maturity.Select(b => (b.From, b.To, b.Name)));
        Assert.Equal(LearningMaturity.Levels.Select(b => ((int)b.Band, b.Lower, b.Upper)), maturity.Select(b => (b.Value, b.Lower, b.Upper)));
    }

    [Theory]
    [MemberData(nameof(ScoringIds))]
    public void Answer_options_label_every_allowed_value_and_match_the_scores(string id)
    {
        var model = CqcGuide.Rules.Models.FindScoring(id)!;
        var answers = model.Presentation.Answers;
        // Every allowed value is labelled: by the answers, or (cqc-saf) by the baseline's "keep" answer, which a form adds only where there is a baseline score.
        var keep = model.Presentation.Baseline?.Keep;
        Assert.Equal(model.Items.SelectMany(i => i.AllowedValues).Distinct().Order(StringComparer.Ordinal),
            answers.Select(a => a.Value).Concat(keep is null ? [] : [keep.Value]).Order(StringComparer.Ordinal));
        Assert.Equal(id == CqcSaf.ModelId, keep is not null);
        var score = id == LearningMaturity.ModelId ? LearningMaturity.AnswerScore : CqcRules.AnswerScore;
        foreach (var option in answers)
        {
            var numeric = int.TryParse(option.Value, out var n);
            Assert.Equal(!numeric, option.Divider);
            Assert.Equal(numeric ? n : 0, score.Evaluate(new AnswerKey(new Dictionary<string, Answer> { ["q"] = new(option.Value, null) }, "q")));
            Assert.False(string.IsNullOrWhiteSpace(option.Label));
        }
        Assert.Equal(answers, model.AnswerOptions(model.Items[0]));
        // Dividers come last, so a form can put one "or" before the first of them.
        Assert.Equal(answers.OrderBy(a => a.Divider), answers);
    }

    [Fact]
    public void Answer_wording_is_the_wording_the_forms_show()
    {
        Assert.Equal(
            ["1 – Significant shortfalls", "2 – Some shortfalls", "3 – Good standard", "4 – Exceptional standard", "Not assessed"],
            CqcSaf.Instance.Presentation.Answers.Select(a => a.Label));
        Assert.Equal("Leave this statement out of the score.", CqcSaf.Instance.Presentation.Answers[^1].Hint);
        Assert.Equal(
            ["1 – Reactive", "2 – Developing", "3 – Established", "4 – Embedded", "Not applicable"],
            LearningMaturity.Instance.Presentation.Answers.Select(a => a.Label));
        Assert.Equal("We have started, but it is patchy or depends on a few people.", LearningMaturity.Instance.Presentation.Answers[1].Hint);
        Assert.Equal(CqcRules.Notice, CqcSaf.Instance.Presentation.Notice);
        Assert.Equal(LearningMaturity.Notice, LearningMaturity.Instance.Presentation.Notice);
    }

    [Theory]
    [MemberData(nameof(ScoringIds))]
    public void The_result_layout_names_fields_the_result_has(string id)
    {
        var model = CqcGuide.Rules.Models.FindScoring(id)!;
        var layout = model.Presentation.Result;
        Assert.Equal(id == LearningMaturity.ModelId ? ResultLayout.MaturityBands : ResultLayout.CqcRatings, layout.Layout);
        var file = AnswersFile.Parse(Generators.File(id, new Dictionary<string, Answer> { [model.Items[0].QuestionId] = new("3", null) })).File!;
        using var json = JsonDocument.Parse(ScoreReport.ToJson(model.Score(file)));
        var groups = json.RootElement.GetProperty(layout.GroupsField);
        Assert.Equal(model.Groups.Count, groups.GetArrayLength());
        foreach (var group in groups.EnumerateArray())
        {
            Assert.Equal(JsonValueKind.String, group.GetProperty(layout.LabelField).ValueKind);
            Assert.Equal(JsonValueKind.Number, group.GetProperty(layout.NotScoredField).ValueKind);
        }
        var overall = json.RootElement.GetProperty("overall");
        Assert.Equal(JsonValueKind.String, overall.GetProperty(layout.LabelField).ValueKind);
    }
}
