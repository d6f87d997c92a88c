using CqcGuide.Rules.ScoringModels;
using static CqcGuide.Rules.ScoringModels.Rating;

namespace CqcGuide.Rules.Tests.ModelTests;

/// <summary>Hand-worked examples of quality-statement scoring, with the arithmetic in comments.</summary>
public class CqcSafTests
{
    private static SafScoreResult Score(IEnumerable<(string, string)> answers, bool? limiters = null) =>
        (SafScoreResult)CqcSaf.Instance.Score(Answers.File(CqcSaf.ModelId, answers, limiters));

    private static KeyQuestionResult Safe(SafScoreResult result) => result.KeyQuestions.Single(k => k.Id == "safe");

    [Fact]
    public void Safe_scored_75_percent_is_good_in_the_middle_third()
    {
        // 3+3+2+3+4+3+3+3 = 24 of a possible 8 × 4 = 32 → 24/32 = 75% → good (63–87).
        // Position: (75 − 63) / (87 − 63) = 12/24 = 0.5; 3 × 12 = 36 is not < 24 and not > 48 → middle third.
        // A statement scored 2 caps at good, which changes nothing here.
        var safe = Safe(Score(Answers.Scores("safe", 3, 3, 2, 3, 4, 3, 3, 3)));
        Assert.Equal((8, 0, 24, 32), (safe.Scored, safe.NotAssessed, safe.Sum, safe.Maximum));
        Assert.Equal(75.0, safe.Percentage);
        Assert.Equal(75, safe.RoundedPercentage);
        Assert.Equal(Good, safe.RatingBeforeLimiters);
        Assert.Equal(Good, safe.Rating);
        Assert.Null(safe.Limiter);
        Assert.Equal(0.5, safe.PositionInBand);
        Assert.Equal("middle", safe.PositionInBandThird);
        Assert.Equal("Good", safe.RatingLabel);
    }

    [Fact]
    public void Exactly_62_5_percent_rounds_up_to_good()
    {
        // 3+3+3+3+2+2+2+2 = 20/32 = 62.5% → whole-percent rounding (halves away from zero) → 63% → good, bottom of the band.
        var safe = Safe(Score(Answers.Scores("safe", 3, 3, 3, 3, 2, 2, 2, 2)));
        Assert.Equal(62.5, safe.Percentage);
        Assert.Equal(63, safe.RoundedPercentage);
        Assert.Equal(Good, safe.Rating);
        Assert.Equal(0.0, safe.PositionInBand);
        Assert.Equal("lower", safe.PositionInBandThird);
    }

    [Fact]
    public void Exactly_87_5_percent_rounds_up_to_outstanding()
    {
        // 4+4+4+4+3+3+3+3 = 28/32 = 87.5% → 88% → outstanding (88+), position 0 in 88–100.
        var safe = Safe(Score(Answers.Scores("safe", 4, 4, 4, 4, 3, 3, 3, 3)));
        Assert.Equal(87.5, safe.Percentage);
        Assert.Equal(88, safe.RoundedPercentage);
        Assert.Equal(Outstanding, safe.Rating);
    }

    [Fact]
    public void Six_statements_at_62_5_percent()
    {
        // Effective has 6 statements (maximum 24): 3+3+3+2+2+2 = 15/24 = 62.5% → 63% → good.
        var effective = Score(Answers.Scores("effective", 3, 3, 3, 2, 2, 2)).KeyQuestions.Single(k => k.Id == "effective");
        Assert.Equal((62.5, 63, Good), (effective.Percentage, effective.RoundedPercentage, effective.Rating));
    }

    [Fact]
    public void Rounding_rule_handles_38_5_percent_and_other_halves()
    {
        // 38.5% falls between the inadequate (25–38) and requires improvement (39–62) bands: it rounds to 39%.
        Assert.Equal(39, CqcRules.WholePercentRounding.Evaluate(38.5));
        Assert.Equal(RequiresImprovement, CqcRules.PercentageBand.Evaluate(CqcRules.WholePercentRounding.Evaluate(38.5)));
        Assert.Equal(69, CqcRules.WholePercentRounding.Evaluate(68.75)); // CQC's own example: 11/16 = 68.75% printed as 69%.
        Assert.Equal(38, CqcRules.WholePercentRounding.Evaluate(38.4999));
        Assert.Equal(Inadequate, CqcRules.PercentageBand.Evaluate(38));
        Assert.Equal(Outstanding, CqcRules.PercentageBand.Evaluate(88));
        Assert.Equal(Good, CqcRules.PercentageBand.Evaluate(87));
    }

    [Fact]
    public void A_statement_scored_1_limits_an_outstanding_key_question_to_requires_improvement()
    {
        // 4×7 + 1 = 29/32 = 90.625% → 91% → outstanding by percentage; a statement scored 1 caps at requires improvement.
        var limited = Safe(Score(Answers.Scores("safe", 4, 4, 4, 4, 4, 4, 4, 1)));
        Assert.Equal((91, Outstanding, RequiresImprovement, "statement-scored-1"), (limited.RoundedPercentage, limited.RatingBeforeLimiters, limited.Rating, limited.Limiter));
        // The same answers with limiters switched off keep the percentage's rating.
        var unlimited = Safe(Score(Answers.Scores("safe", 4, 4, 4, 4, 4, 4, 4, 1), limiters: false));
        Assert.Equal((Outstanding, Outstanding, (string?)null), (unlimited.RatingBeforeLimiters, unlimited.Rating, unlimited.Limiter));
    }

    [Fact]
    public void A_statement_scored_2_limits_an_outstanding_key_question_to_good()
    {
        // 4×7 + 2 = 30/32 = 93.75% → 94% → outstanding, capped at good by the statement scored 2.
        var safe = Safe(Score(Answers.Scores("safe", 4, 4, 4, 4, 4, 4, 4, 2)));
        Assert.Equal((94, Outstanding, Good, "statement-scored-2"), (safe.RoundedPercentage, safe.RatingBeforeLimiters, safe.Rating, safe.Limiter));
        // Position in band is that of the percentage (94 in 88–100: 6/12 = 0.5, middle third).
        Assert.Equal((0.5, "middle"), (safe.PositionInBand, safe.PositionInBandThird));
    }

    [Fact]
    public void A_limiter_that_would_not_lower_the_rating_is_not_reported()
    {
        // 2+2+2+2+1+1+1+1 = 12/32 = 37.5% → 38% → inadequate; a statement scored 1 caps at requires improvement, which is higher.
        var safe = Safe(Score(Answers.Scores("safe", 2, 2, 2, 2, 1, 1, 1, 1)));
        Assert.Equal((38, Inadequate, (string?)null), (safe.RoundedPercentage, safe.Rating, safe.Limiter));
    }

    [Fact]
    public void Nothing_scored_is_not_rated_never_zero_percent()
    {
        var result = Score([]);
        Assert.All(result.KeyQuestions, k =>
        {
            Assert.Equal(NotRated, k.Rating);
            Assert.Null(k.Percentage);
            Assert.Null(k.RoundedPercentage);
            Assert.Equal("Not rated", k.RatingLabel);
        });
        Assert.Equal(NotRated, result.Overall.Rating);
        Assert.Equal("overall-needs-all-five", result.Overall.DecidedBy);
        Assert.Contains("Safe, Effective, Caring, Responsive, Well-led", result.Overall.Reason);
        Assert.True(result.LimitersApplied);
    }

    [Fact]
    public void A_single_statement()
    {
        // One statement scored 2: 2/4 = 50% → requires improvement (47–54 is the middle third of 39–62).
        var result = Score([("safe.learning-culture", "2"), ("safe.safeguarding", "not-assessed")]);
        var safe = Safe(result);
        Assert.Equal((1, 7, 50.0, RequiresImprovement, "middle"), (safe.Scored, safe.NotAssessed, safe.Percentage!.Value, safe.Rating, safe.PositionInBandThird));
        Assert.Equal(NotRated, result.Overall.Rating);
        Assert.EndsWith("Not rated: Effective, Caring, Responsive, Well-led.", result.Overall.Reason);
    }

    [Theory]
    [InlineData(new[] { Outstanding, Outstanding, Good, Good, Good }, Outstanding, "overall-outstanding")]
    [InlineData(new[] { Outstanding, Outstanding, Good, Good, RequiresImprovement }, Good, "overall-good")] // the principles overlap: good wins
    [InlineData(new[] { Outstanding, Outstanding, Outstanding, Outstanding, Outstanding }, Outstanding, "overall-outstanding")]
    [InlineData(new[] { Outstanding, Good, Good, Good, Good }, Good, "overall-good")]
    [InlineData(new[] { Good, Good, Good, Good, Good }, Good, "overall-good")]
    [InlineData(new[] { Good, Good, RequiresImprovement, Good, Good }, Good, "overall-good")]
    [InlineData(new[] { RequiresImprovement, RequiresImprovement, Good, Outstanding, Outstanding }, RequiresImprovement, "overall-two-or-more-requires-improvement")]
    [InlineData(new[] { Inadequate, Inadequate, Good, Good, Outstanding }, Inadequate, "overall-two-or-more-inadequate")]
    [InlineData(new[] { Inadequate, Inadequate, RequiresImprovement, RequiresImprovement, Good }, Inadequate, "overall-two-or-more-inadequate")]
    [InlineData(new[] { Inadequate, Good, Good, Good, Good }, RequiresImprovement, "overall-one-inadequate")]
    [InlineData(new[] { Inadequate, RequiresImprovement, Outstanding, Outstanding, Good }, RequiresImprovement, "overall-one-inadequate")]
    [InlineData(new[] { Inadequate, RequiresImprovement, RequiresImprovement, Good, Good }, RequiresImprovement, "overall-two-or-more-requires-improvement")]
    [InlineData(new[] { Good, Good, Good, Good, NotRated }, NotRated, "overall-needs-all-five")]
    public void Overall_rating_follows_the_principles_in_order(Rating[] keyQuestions, Rating expected, string decidedBy)
    {
        var result = Score(Answers.Uniform(keyQuestions));
        Assert.Equal(keyQuestions, result.KeyQuestions.Select(k => k.Rating));
        Assert.Equal((expected, decidedBy), (result.Overall.Rating, result.Overall.DecidedBy));
    }

    [Fact]
    public void Every_combination_of_five_ratings_is_decided_by_a_named_principle()
    {
        Rating[] ratings = [Inadequate, RequiresImprovement, Good, Outstanding];
        foreach (var combination in Parity.Generators.Combinations(4, 5))
        {
            var rs = combination.Select(i => ratings[i]).ToArray();
            var decided = CqcRules.OverallRating.Evaluate(rs.Select((r, i) => Kq(i, r)).ToArray());
            Assert.NotEqual("overall-rating", decided.DecidedBy);
            Assert.Equal(Independent(rs), decided.Rating);
        }
    }

    // The aggregation principles written out again, plainly, as an independent check.
    private static Rating Independent(Rating[] rs)
    {
        int Count(Rating r) => rs.Count(x => x == r);
        if (Count(Inadequate) >= 2) return Inadequate;
        if (Count(RequiresImprovement) >= 2) return RequiresImprovement;
        if (Count(Outstanding) >= 2 && Count(Outstanding) + Count(Good) == 5) return Outstanding;
        if (Count(Inadequate) == 0) return Good; // at most one requires improvement here
        return RequiresImprovement; // exactly one inadequate, at most one requires improvement
    }

    private static KeyQuestionResult Kq(int i, Rating r) =>
        new($"kq{i}", $"KQ {i}", [], 1, 0, 1, 4, 25, 25, r, null, r, r.ToString(), 0, "lower");
}
