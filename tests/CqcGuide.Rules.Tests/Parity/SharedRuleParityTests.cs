using CqcGuide.Rules.ScoringModels;
using CqcGuide.Rules.Translation;

namespace CqcGuide.Rules.Tests.Parity;

/// <summary>The shared CQC rules emitted on their own and run on boundary values the models cannot reach (e.g. 38.5%).</summary>
public class SharedRuleParityTests
{
    private static readonly double[] Percentages = [25, 37.5, 38.4999, 38.5, 38.5000001, 43.75, 62.4999, 62.5, 68.75, 81.25, 87.5, 87.4999, 88, 99.5, 100];

    private static void Agree<TIn, TOut>(Rule<TIn, TOut> rule, IEnumerable<TIn> inputs)
    {
        var host = new JsHost(JsTranslator.Emit("shared", "1.0.0", "Shared", new ModuleEntry("run", rule)), "run");
        foreach (var input in inputs)
        {
            var expected = Translation.Tiny.Literal(rule.Evaluate(input));
            var actual = host.RunLiteral(Translation.Tiny.Literal(input));
            Assert.Null(actual.Error);
            Assert.Null(JsCompare.Difference(host.Evaluate(expected), actual.Value!));
        }
    }

    [Fact]
    public void Rounding_band_and_position_agree_at_every_boundary()
    {
        Agree(CqcRules.WholePercentRounding, Percentages);
        Assert.Equal([25, 38, 38, 39, 39, 44, 62, 63, 69, 81, 88, 87, 88, 100, 100], Percentages.Select(CqcRules.WholePercentRounding.Evaluate));
        Agree(CqcRules.PercentageBand, Enumerable.Range(0, 101));
        Agree(LearningMaturity.MaturityBand, Enumerable.Range(0, 101));
        Agree(CqcRules.PositionInBand, Enumerable.Range(25, 76).Select(p => new PercentInBand(p, CqcRules.RatingBandLimits.Evaluate(CqcRules.PercentageBand.Evaluate(p)))));
    }

    [Fact]
    public void Overall_rating_agrees_for_every_combination_of_five_ratings()
    {
        var combinations = Generators.Combinations(5, 5)
            .Select(c => (IReadOnlyList<KeyQuestionResult>)c.Select((r, i) => new KeyQuestionResult($"kq{i}", $"Key question {i}", [], 1, 0, r, 4, null, null, (Rating)r, null, (Rating)r, "x", null, null)).ToArray());
        Agree(CqcRules.OverallRating, combinations);
    }

    [Fact]
    public void Generated_cases_are_deterministic_for_the_browser_project()
    {
        foreach (var model in CqcGuide.Rules.Models.All)
        {
            var first = Generators.Cases(model.Id, 40);
            var second = Generators.Cases(model.Id, 40);
            Assert.Equal(first, second);
            Assert.All(first, c => Assert.NotNull(c.ExpectedJson));
        }
        Assert.Equal(300, Generators.Cases("learning-log-quality", 300).Count);
    }
}
