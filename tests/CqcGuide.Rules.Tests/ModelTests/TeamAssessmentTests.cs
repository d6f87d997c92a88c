using CqcGuide.Rules.ScoringModels;

namespace CqcGuide.Rules.Tests.ModelTests;

public class TeamAssessmentTests
{
    private static readonly AnswerOption[] Saf = CqcRules.AnswerOptions.ToArray();

    private static TeamItem One(params string?[] values) =>
        TeamAssessment.SummaryOf(new TeamInput(Saf, CqcSaf.KeepBaseline, ["q"],
            values.Select(v => new TeamMember(v is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["q"] = v })).ToArray())).Items.Single();

    [Theory]
    [InlineData("3", "3")]
    [InlineData("2 3", "2")]          // a tie between two middle scores takes the lower
    [InlineData("3 2", "2")]
    [InlineData("1 4", "1")]
    [InlineData("2 3 4", "3")]
    [InlineData("4 4 1 1", "1")]
    [InlineData("4 4 1", "4")]
    [InlineData("1 2 3 4 4", "3")]
    [InlineData("3 3 2 2 4 4", "3")]
    public void The_median_is_the_middle_score_and_the_lower_middle_one_on_a_tie(string scores, string median)
    {
        var item = One(scores.Split(' '));
        Assert.Equal(median, item.Median);
        Assert.Equal(median, item.Consensus);
    }

    [Fact]
    public void Scores_two_steps_apart_are_flagged_and_one_step_is_not()
    {
        var near = One("2", "3", "3");
        Assert.False(near.Discuss);
        Assert.Equal(1, near.Spread);
        var far = One("2", "3", "4");
        Assert.True(far.Discuss);
        Assert.Equal((2, "2", "4"), (far.Spread, far.Lowest, far.Highest));
        Assert.Equal("Scores are 2 steps apart: from “2 – Some shortfalls” to “4 – Exceptional standard”.", Assert.Single(far.Reasons).Text);
        Assert.Equal([0, 1, 1, 1], far.Scores.Select(s => s.Count));
        Assert.Equal(["1", "2", "3", "4"], far.Scores.Select(s => s.Value));
    }

    [Fact]
    public void Not_assessed_beside_a_score_is_flagged_and_counted_apart()
    {
        var item = One("3", "not-assessed", null, "not-assessed");
        Assert.True(item.Discuss);
        Assert.Equal(TeamAssessment.NotScoredReason, Assert.Single(item.Reasons).Code);
        Assert.Equal("Not everyone scored it: 2 answered “Not assessed”.", item.Reasons[0].Text);
        Assert.Equal((1, 1), (item.Scored, item.Unanswered));
        Assert.Equal(("not-assessed", 2), (item.Other.Single().Value, item.Other.Single().Count));
        Assert.Equal("3", item.Consensus);
    }

    [Fact]
    public void When_nobody_scored_it_the_consensus_is_the_one_answer_everyone_gave_or_none()
    {
        var same = One("not-assessed", "not-assessed", null);
        Assert.False(same.Discuss);
        Assert.Null(same.Median);
        Assert.Equal("not-assessed", same.Consensus);

        var mixed = One("not-assessed", "not-reassessed");
        Assert.True(mixed.Discuss);
        Assert.Null(mixed.Consensus);
        Assert.Contains("“Not re-assessed: keep the last published score”", mixed.Reasons.Single().Text, StringComparison.Ordinal);

        var nobody = One(null, null);
        Assert.False(nobody.Discuss);
        Assert.Null(nobody.Consensus);
        Assert.Equal((0, 2, 0), (nobody.Scored, nobody.Unanswered, nobody.Spread));
    }

    [Fact]
    public void Both_reasons_can_apply_and_the_result_counts_the_flagged_questions()
    {
        var result = TeamAssessment.SummaryOf(new TeamInput(Saf, null, ["a", "b", "c"],
        [
            new(new Dictionary<string, string> { ["a"] = "1", ["b"] = "3", ["c"] = "3", ["ignored"] = "1" }),
            new(new Dictionary<string, string> { ["a"] = "4", ["b"] = "3", ["c"] = "not-assessed" }),
            new(new Dictionary<string, string> { ["a"] = "not-assessed", ["b"] = "3" }),
        ]));
        Assert.Equal(3, result.Members);
        Assert.Equal(["a", "b", "c"], result.Items.Select(i => i.Id));
        Assert.Equal([TeamAssessment.SpreadReason, TeamAssessment.NotScoredReason], result.Items[0].Reasons.Select(r => r.Code));
        Assert.Equal(2, result.Discuss);
    }

    [Fact]
    public void A_maturity_scale_reads_its_own_options()
    {
        var result = TeamAssessment.SummaryOf(new TeamInput(LearningMaturity.Answers.ToArray(), null, ["x"],
            [new(new Dictionary<string, string> { ["x"] = "na" }), new(new Dictionary<string, string> { ["x"] = "1" }), new(new Dictionary<string, string> { ["x"] = "4" })]));
        var item = result.Items.Single();
        Assert.Equal("1", item.Median);
        Assert.Equal("Not everyone scored it: 1 answered “Not applicable”.", item.Reasons[1].Text);
        Assert.Equal("Scores are 3 steps apart: from “1 – Reactive” to “4 – Embedded”.", item.Reasons[0].Text);
    }

    private static AnswersBaseline B(string? on, params (string Id, string Score)[] scores) =>
        new(on, scores.ToDictionary(s => s.Id, s => s.Score, StringComparer.Ordinal));

    private static TeamResult Team(params AnswersBaseline?[] baselines) =>
        TeamAssessment.SummaryOf(new TeamInput(Saf, CqcSaf.KeepBaseline, ["q1", "q2"],
            baselines.Select(b => new TeamMember(new Dictionary<string, string> { ["q1"] = "not-reassessed" }, b)).ToArray()));

    [Fact]
    public void The_agreed_answers_start_from_the_baseline_every_file_shares()
    {
        var shared = Team(B("2026-03-14", ("q1", "2"), ("q2", "3")), B("2026-03-14", ("q2", "3"), ("q1", "2")), B("2026-03-14", ("q1", "2"), ("q2", "3"), ("gone", "4")));
        Assert.Equal("2026-03-14", shared.Baseline!.PublishedOn);
        Assert.Equal("2", shared.Baseline.Scores["q1"]);
        Assert.False(shared.BaselinesDiffer);
    }

    [Fact]
    public void Another_date_another_score_or_a_file_without_one_means_no_shared_baseline_and_says_so()
    {
        var date = Team(B("2026-03-14", ("q1", "2")), B("2025-09-01", ("q1", "2")));
        var score = Team(B("2026-03-14", ("q1", "2")), B("2026-03-14", ("q1", "3")));
        var missing = Team(B("2026-03-14", ("q1", "2")), null);
        var missingFirst = Team(null, B("2026-03-14", ("q1", "2")));
        foreach (var r in new[] { date, score, missing, missingFirst })
        {
            Assert.Null(r.Baseline);
            Assert.True(r.BaselinesDiffer);
        }
        var none = Team(null, null);
        Assert.Null(none.Baseline);
        Assert.False(none.BaselinesDiffer);
        Assert.Null(Team().Baseline);
    }
}
