using CqcGuide.Rules.ScoringModels;

namespace CqcGuide.Rules.Tests.ModelTests;

/// <summary>Hand-worked examples of the pre-December-2024 evidence-category method.</summary>
public class CqcSafEvidenceTests
{
    private static string Item(string statement, string category) => CqcSafEvidence.ItemId(statement, category);

    private static EvidenceScoreResult Score(IEnumerable<(string, string)> answers, bool? limiters = null) =>
        (EvidenceScoreResult)CqcSafEvidence.Instance.Score(Answers.File(CqcSafEvidence.ModelId, answers, limiters));

    private static EvidenceStatementResult Statement(EvidenceScoreResult result, string id) =>
        result.StatementsByKeyQuestion.SelectMany(g => g.Statements).Single(s => s.Id == id);

    [Fact]
    public void Cqc_worked_example_infection_prevention_and_control()
    {
        // Four relevant categories scored 3, 3, 2, 3: 11 of 4 × 4 = 16 → 68.75% → 69% → good → statement score 3.
        const string ipc = "safe.infection-prevention-control";
        var result = Score([
            (Item(ipc, "people-experience"), "3"), (Item(ipc, "staff-leaders-feedback"), "3"),
            (Item(ipc, "observation"), "2"), (Item(ipc, "processes"), "3"),
            (Item(ipc, "partners-feedback"), "not-assessed"),
        ]);
        var statement = Statement(result, ipc);
        Assert.Equal((4, 2, 11, 16, 68.75, 69, 3), (statement.Scored, statement.NotAssessed, statement.Sum, statement.Maximum, statement.Percentage!.Value, statement.RoundedPercentage!.Value, statement.Score));
        // Safe then has one scored statement (3/4 = 75% → good).
        var safe = result.KeyQuestions.Single(k => k.Id == "safe");
        Assert.Equal((1, 75.0, Rating.Good), (safe.Scored, safe.Percentage!.Value, safe.Rating));
    }

    [Theory]
    [InlineData(new[] { 3, 3, 2, 2 }, 62.5, 63, 3)] // 10/16 = 62.5% → 63% → score 3
    [InlineData(new[] { 4, 4, 3, 3 }, 87.5, 88, 4)] // 14/16 = 87.5% → 88% → score 4
    [InlineData(new[] { 2, 2, 1, 1, 1, 1 }, 33.333333333333336, 33, 1)] // 8/24 = 33.3% → 33% → score 1
    [InlineData(new[] { 1, 1, 1, 1, 1, 2 }, 29.166666666666668, 29, 1)] // 7/24 → 29% → score 1
    [InlineData(new[] { 2, 2, 2, 3, 3, 3 }, 62.5, 63, 3)] // 15/24 = 62.5% → 63% → score 3
    public void Statement_percentage_is_converted_back_to_a_score(int[] categories, double percentage, int rounded, int score)
    {
        const string id = "well-led.freedom-to-speak-up";
        var answers = CqcSafEvidence.Categories.Zip(categories, (c, s) => (Item(id, c.Id), s.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var statement = Statement(Score(answers), id);
        Assert.Equal((percentage, rounded, score), (statement.Percentage!.Value, statement.RoundedPercentage!.Value, statement.Score));
    }

    [Fact]
    public void A_statement_with_no_scored_category_is_not_assessed()
    {
        var result = Score([(Item("caring.kindness-compassion-dignity", "observation"), "not-assessed")]);
        var statement = Statement(result, "caring.kindness-compassion-dignity");
        Assert.Equal((0, 6, 0, (double?)null), (statement.Scored, statement.NotAssessed, statement.Score, statement.Percentage));
        Assert.Equal(Rating.NotRated, result.KeyQuestions.Single(k => k.Id == "caring").Rating);
    }

    [Fact]
    public void Key_questions_and_overall_reuse_the_current_rules()
    {
        var rules = CqcSafEvidence.Instance.Rules;
        Assert.Contains(CqcRules.KeyQuestionRating, rules);
        Assert.Contains(CqcRules.OverallRating, rules);
        Assert.Contains(CqcRules.RatingLimiters, rules);
        // All six categories of every Safe statement scored 4 except one statement scored 1 throughout:
        // seven statements score 4 and one scores 1 → 29/32 → 91% → outstanding, limited to requires improvement.
        var answers = Answers.Statements("safe").SelectMany((s, i) => CqcSafEvidence.Categories.Select(c => (Item(s, c.Id), i == 7 ? "1" : "4")));
        var safe = Score(answers).KeyQuestions.Single(k => k.Id == "safe");
        Assert.Equal((91, Rating.Outstanding, Rating.RequiresImprovement, "statement-scored-1"), (safe.RoundedPercentage!.Value, safe.RatingBeforeLimiters, safe.Rating, safe.Limiter));
    }
}
