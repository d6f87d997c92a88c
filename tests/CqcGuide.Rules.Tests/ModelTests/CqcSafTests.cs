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
    public void Next_steps_list_1s_then_2s_then_not_assessed_key_question_by_key_question_with_notes_in_plain_words()
    {
        var answers = Answers.Scores("safe", 3, 3, 3, 3, 2, 2, 2, 2).Concat(Answers.Scores("effective", 4, 4, 1, 4, 2, 4))
            .Select(a => a.Item1 == "effective.consent" ? (a.Item1, "not-assessed") : a);
        var r = Score(answers);
        Assert.Equal(
            ["safe:2", "safe:2", "safe:2", "safe:2", "effective:1", "effective:2", "effective:0"],
            r.NextSteps.Select(n => $"{n.GroupId}:{n.Score}"));
        var effective = r.KeyQuestions.Single(k => k.Id == "effective");
        Assert.Equal([effective.Statements.Single(s => s.Score == 1).Id], r.NextSteps.Where(n => n.Score == 1).Select(n => n.Id));
        // Statements nobody has answered yet are still to do, not a finding: only the one answered "not assessed" is listed.
        Assert.DoesNotContain(r.NextSteps, n => n.GroupId is not ("safe" or "effective"));
        Assert.Contains("Safe is exactly 62.5%, halfway between two ratings: rounded up to 63% it is “Good”, and at 62% it would be “Requires improvement”. CQC publishes no rounding rule, so treat this result as on the edge.", r.Notes);
        Assert.Contains(r.Notes, n => n.StartsWith("One statement scored 1, so Effective cannot be better than “Requires improvement” in this self-assessment;", StringComparison.Ordinal)
            && n.EndsWith("CQC has not confirmed that it applies this rule.", StringComparison.Ordinal));
        Assert.DoesNotContain(r.Notes, n => n.Contains("internal", StringComparison.Ordinal) || n.Contains("statement-scored", StringComparison.Ordinal));
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

    // ---- starting from the last published scores ------------------------------------------------------------------

    /// <summary>
    /// The last published report: Safe 2, 2, 2, 2, 2, 3, 2, 2 (17 of 32 = 53.125% → 53%, requires improvement); Effective,
    /// Caring and Responsive all 3 (good); Well-led all 2 (16 of 32 = 50%, requires improvement). Two key questions
    /// require improvement, so the overall rating was requires improvement.
    /// </summary>
    private static AnswersBaseline LastReport => new("2026-03-14", CqcSaf.Instance.Items.ToDictionary(
        i => i.QuestionId,
        i => i.GroupId == "well-led" ? "2" : i.GroupId == "safe" ? (i.QuestionId == "safe.safe-effective-staffing" ? "3" : "2") : "3",
        StringComparer.Ordinal));

    private static SafScoreResult WithBaseline(IEnumerable<(string, string)> answers, AnswersBaseline? baseline = null) =>
        (SafScoreResult)CqcSaf.Instance.Score(Answers.File(CqcSaf.ModelId, answers, baseline: baseline ?? LastReport));

    [Fact]
    public void Re_assessing_three_statements_of_safe_and_keeping_five_baseline_scores_gives_cqcs_totals()
    {
        // The team re-assesses learning culture, safeguarding and medicines optimisation, each 2 → 3, and leaves the other
        // five Safe statements alone. CQC's method counts the 3 new scores with the 5 previous ones:
        //   new 3 + 3 + 3 = 9; kept 2 (pathways) + 2 (involving people) + 2 (environments) + 3 (staffing) + 2 (infection control) = 11;
        //   9 + 11 = 20 of 8 × 4 = 32 → 62.5% → 63% (halves round up) → good (63–87), bottom of the band.
        //   A statement still scored 2 caps Safe at good (the unverified limiter), which changes nothing.
        // Well-led is still requires improvement, but only one key question now does, so the overall rating is good.
        var reassessed = new[] { ("safe.learning-culture", "3"), ("safe.safeguarding", "3"), ("safe.medicines-optimisation", "3") };
        var result = WithBaseline(reassessed);
        var safe = Safe(result);
        Assert.Equal((8, 0, 20, 32, 62.5, 63, Good), (safe.Scored, safe.NotAssessed, safe.Sum, safe.Maximum, safe.Percentage!.Value, safe.RoundedPercentage!.Value, safe.Rating));
        Assert.Equal((Good, "overall-good"), (result.Overall.Rating, result.Overall.DecidedBy));

        // CQC's method, worked by hand: the same eight scores entered directly give the same totals and ratings.
        var cqc = Score(Answers.Scores("safe", 3, 2, 3, 2, 2, 3, 2, 3).Concat(Answers.Scores("effective", 3, 3, 3, 3, 3, 3))
            .Concat(Answers.Scores("caring", 3, 3, 3, 3, 3)).Concat(Answers.Scores("responsive", 3, 3, 3, 3, 3, 3, 3))
            .Concat(Answers.Scores("well-led", 2, 2, 2, 2, 2, 2, 2, 2)));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(cqc.KeyQuestions, RulesJson.Options), System.Text.Json.JsonSerializer.Serialize(result.KeyQuestions, RulesJson.Options));
        Assert.Equal(cqc.Overall, result.Overall);

        // The result says which scores are new and which are the last published ones.
        Assert.Equal((true, "2026-03-14", 3, 31, 0), (result.Baseline.Used, result.Baseline.PublishedOn, result.Baseline.NewScores, result.Baseline.BaselineScores, result.Baseline.NotAssessed));
        var safeSources = result.Baseline.Statements.Where(s => s.KeyQuestionId == "safe").Select(s => (s.Id, s.Score, s.Source, s.BaselineScore)).ToArray();
        Assert.Equal(
        [
            ("safe.learning-culture", 3, "new", (int?)2), ("safe.safe-systems-pathways-transitions", 2, "baseline", 2), ("safe.safeguarding", 3, "new", 2),
            ("safe.involving-people-to-manage-risks", 2, "baseline", 2), ("safe.safe-environments", 2, "baseline", 2), ("safe.safe-effective-staffing", 3, "baseline", 3),
            ("safe.infection-prevention-control", 2, "baseline", 2), ("safe.medicines-optimisation", 3, "new", 2),
        ], safeSources);

        // "Not re-assessed" chosen explicitly keeps the baseline exactly as leaving the statement unanswered does.
        var explicitly = WithBaseline(reassessed.Concat(new[] { "safe.safe-systems-pathways-transitions", "safe.involving-people-to-manage-risks", "safe.safe-environments",
            "safe.safe-effective-staffing", "safe.infection-prevention-control" }.Select(id => (id, "not-reassessed"))));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(result.KeyQuestions, RulesJson.Options), System.Text.Json.JsonSerializer.Serialize(explicitly.KeyQuestions, RulesJson.Options));
        Assert.Equal(result.Baseline.Statements, explicitly.Baseline.Statements);
    }

    [Fact]
    public void The_baseline_alone_gives_the_last_published_ratings()
    {
        // Nothing re-assessed: Safe 17/32 = 53.125% → 53% → requires improvement; Well-led 16/32 = 50% → requires improvement;
        // two key questions require improvement → requires improvement overall.
        var result = WithBaseline([]);
        Assert.Equal((17, 53, RequiresImprovement), (Safe(result).Sum, Safe(result).RoundedPercentage!.Value, Safe(result).Rating));
        Assert.Equal((RequiresImprovement, "overall-two-or-more-requires-improvement"), (result.Overall.Rating, result.Overall.DecidedBy));
        Assert.Equal((0, 34, 0), (result.Baseline.NewScores, result.Baseline.BaselineScores, result.Baseline.NotAssessed));
    }

    [Fact]
    public void Not_assessed_leaves_a_statement_out_even_when_it_has_a_baseline_score()
    {
        // Learning culture left out: 7 statements, 2+2+2+2+3+2+2 = 15 of 28 = 53.57% → 54% → requires improvement.
        var result = WithBaseline([("safe.learning-culture", "not-assessed")]);
        Assert.Equal((7, 1, 15, 28, 54), (Safe(result).Scored, Safe(result).NotAssessed, Safe(result).Sum, Safe(result).Maximum, Safe(result).RoundedPercentage!.Value));
        var statement = result.Baseline.Statements.Single(s => s.Id == "safe.learning-culture");
        Assert.Equal((0, "not-assessed", (int?)2), (statement.Score, statement.Source, statement.BaselineScore));
    }

    [Fact]
    public void Without_a_baseline_nothing_is_kept()
    {
        // No baseline: "not re-assessed" has nothing to keep, so the statement is not assessed.
        var result = Score([("safe.learning-culture", "not-reassessed"), ("safe.safeguarding", "3")]);
        Assert.Equal((1, 7, 3), (Safe(result).Scored, Safe(result).NotAssessed, Safe(result).Sum));
        Assert.Equal((false, null, 1, 0, 33), (result.Baseline.Used, result.Baseline.PublishedOn, result.Baseline.NewScores, result.Baseline.BaselineScores, result.Baseline.NotAssessed));
        Assert.All(result.Baseline.Statements, s => Assert.Null(s.BaselineScore));
        // A baseline covering some statements only: the others are not assessed unless answered.
        var partial = WithBaseline([], new AnswersBaseline(null, new Dictionary<string, string> { ["safe.safeguarding"] = "4" }));
        Assert.Equal((1, 4, 1, 33), (Safe(partial).Scored, Safe(partial).Sum, partial.Baseline.BaselineScores, partial.Baseline.NotAssessed));
        Assert.Equal(NotRated, partial.Overall.Rating);
    }

    [Fact]
    public void The_text_report_names_the_kept_scores()
    {
        // Lines are wrapped at 100 characters: compare with the white space collapsed.
        var text = System.Text.RegularExpressions.Regex.Replace(
            ScoreReport.ToText(WithBaseline([("safe.learning-culture", "3"), ("safe.safeguarding", "3"), ("safe.medicines-optimisation", "3")])), "\\s+", " ");
        Assert.Contains("Started from the last published scores (published 2026-03-14): 3 new scores, 31 last published scores kept, 0 not assessed.", text);
        Assert.Contains("Last published scores kept: safe.safe-systems-pathways-transitions (2), safe.involving-people-to-manage-risks (2),", text);
        Assert.DoesNotContain("Started from the last published scores", ScoreReport.ToText(Score([("safe.learning-culture", "3")])));
    }
}
