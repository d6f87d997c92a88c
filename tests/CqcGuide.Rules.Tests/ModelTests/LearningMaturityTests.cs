using CqcGuide.Rules.ScoringModels;

namespace CqcGuide.Rules.Tests.ModelTests;

/// <summary>Hand-worked examples of CqcGuide's own learning-maturity model.</summary>
public class LearningMaturityTests
{
    private static MaturityScoreResult Score(IEnumerable<(string, string)> answers) =>
        (MaturityScoreResult)LearningMaturity.Instance.Score(Answers.File(LearningMaturity.ModelId, answers));

    private static string[] Leadership => LearningMaturity.Catalogue.Single(t => t.Id == "leadership").ItemIds.ToArray();

    [Fact]
    public void Catalogue_has_seven_themes_of_four_to_six_statements()
    {
        var model = LearningMaturity.Instance;
        Assert.Equal(7, model.Groups.Count);
        Assert.InRange(model.Items.Count, 25, 40);
        Assert.All(model.Groups, g => Assert.InRange(model.Items.Count(i => i.GroupId == g.Id), 4, 6));
        Assert.All(model.Items, i => Assert.StartsWith(i.GroupId + ".", i.QuestionId));
        Assert.Equal(model.Items.Count, model.Items.Select(i => i.QuestionId).Distinct().Count());
        Assert.All(model.Items, i => Assert.Equal(["1", "2", "3", "4", "na"], i.AllowedValues));
        Assert.False(model.IsCqcMethod);
    }

    [Theory]
    // Leadership has four statements (maximum 16).
    [InlineData(new[] { "2", "2", "3", "3" }, 62.5, 63, Maturity.Established, 0.0, "lower")]     // 10/16 = 62.5% → 63%, bottom of 63–81
    [InlineData(new[] { "1", "2", "2", "2" }, 43.75, 44, Maturity.Developing, 0.0, "lower")]     // 7/16 = 43.75% → 44%, bottom of 44–62
    [InlineData(new[] { "4", "4", "4", "1" }, 81.25, 81, Maturity.Established, 1.0, "upper")]    // 13/16 = 81.25% → 81%, top of 63–81
    [InlineData(new[] { "1", "1", "1", "1" }, 25.0, 25, Maturity.Reactive, 0.0, "lower")]        // 4/16 = 25%
    [InlineData(new[] { "4", "4", "4", "4" }, 100.0, 100, Maturity.Embedded, 1.0, "upper")]      // 16/16
    [InlineData(new[] { "3", "3", "na", "na" }, 75.0, 75, Maturity.Established, 12.0 / 18, "middle")] // 6/8 = 75%: (75 − 63)/18
    public void Theme_percentage_band_and_position(string[] values, double percentage, int rounded, Maturity band, double position, string third)
    {
        var theme = Score(Leadership.Zip(values)).Themes.Single(t => t.Id == "leadership");
        Assert.Equal((percentage, rounded, band, position, third), (theme.Percentage!.Value, theme.RoundedPercentage!.Value, theme.Band, theme.PositionInBand!.Value, theme.PositionInBandThird!));
        Assert.Equal("/guidance/resilience/", theme.Guidance);
    }

    [Fact]
    public void Not_applicable_everywhere_is_not_scored()
    {
        var result = Score(LearningMaturity.AllItemIds.Select(id => (id, "na")));
        Assert.All(result.Themes.Append(result.Overall), t =>
        {
            Assert.Equal(Maturity.NotRated, t.Band);
            Assert.Equal("Not scored", t.BandLabel);
            Assert.Null(t.Percentage);
        });
        Assert.Empty(result.Pitfalls);
        Assert.Equal(35, result.Overall.NotApplicable);
    }

    [Fact]
    public void Overall_weights_every_statement_equally()
    {
        // 35 statements all scored 3 except five scored 1: 30 × 3 + 5 × 1 = 95 of 140 → 67.857% → 68% → established.
        var answers = LearningMaturity.AllItemIds.Select((id, i) => (id, i < 5 ? "1" : "3"));
        var overall = Score(answers).Overall;
        Assert.Equal((35, 95, 140, 68, Maturity.Established), (overall.Scored, overall.Sum, overall.Maximum, overall.RoundedPercentage!.Value, overall.Band));
        Assert.Null(overall.Guidance);
    }

    [Fact]
    public void Pitfalls_name_the_guidance_and_the_statements_that_raised_them()
    {
        var result = Score([
            ("change.addresses-causes", "2"), ("causes.systemic-weaknesses", "1"), ("causes.culture-leadership", "3"),
            ("governance.reflection-documented", "na"), ("monitoring.measures-defined", "1"), ("culture.open-reporting", "2"),
        ]);
        Assert.Equal(["quick-fixes", "unmonitored-changes"], result.Pitfalls.Select(p => p.Id));
        var quick = result.Pitfalls[0];
        Assert.Equal("/guidance/common-pitfalls/#quick-fixes", quick.Guidance);
        // Only the statement answered 1 raises the flag; the one answered 2 does not.
        Assert.Equal(["causes.systemic-weaknesses"], quick.TriggeredBy);
        Assert.Equal("/guidance/common-pitfalls/#unmonitored-changes", result.Pitfalls[1].Guidance);
        // A pitfall with a 2 and no 1 is something to watch, worded as a next step.
        var watch = Assert.Single(result.Watch);
        Assert.Equal(("silenced-staff", "Making it safe to speak up", "/guidance/culture/"), (watch.Id, watch.Title, watch.Guidance));
        Assert.Equal(["culture.open-reporting"], watch.TriggeredBy);
        Assert.StartsWith("Next step: ", watch.NextStep);
    }

    [Fact]
    public void All_answered_1_flags_every_pitfall_and_nothing_to_watch()
    {
        var result = Score(LearningMaturity.AllItemIds.Select(id => (id, "1")));
        Assert.Equal(
            ["quick-fixes", "blaming-individuals", "undocumented-learning", "unmonitored-changes", "one-off-response", "silenced-staff"],
            result.Pitfalls.Select(p => p.Id));
        Assert.Empty(result.Watch);
        Assert.Empty(Score(LearningMaturity.AllItemIds.Select(id => (id, "3"))).Pitfalls);
        Assert.Empty(Score(LearningMaturity.AllItemIds.Select(id => (id, "3"))).Watch);
    }

    [Fact]
    public void All_answered_2_flags_nothing_and_shows_six_things_to_watch_as_next_steps()
    {
        var result = Score(LearningMaturity.AllItemIds.Select(id => (id, "2")));
        var flags = Score(LearningMaturity.AllItemIds.Select(id => (id, "1"))).Pitfalls;
        Assert.Empty(result.Pitfalls);
        Assert.Equal(
            ["quick-fixes", "blaming-individuals", "undocumented-learning", "unmonitored-changes", "one-off-response", "silenced-staff"],
            result.Watch.Select(w => w.Id));
        Assert.All(result.Watch, w =>
        {
            Assert.StartsWith("Next step: ", w.NextStep);
            // A next step, not an accusation: neither the title nor the step repeats the pitfall's wording.
            var flag = flags.Single(p => p.Id == w.Id);
            Assert.DoesNotContain(flag.Pitfall, w.NextStep + w.Title);
            Assert.Equal(flag.Guidance, w.Guidance);
            Assert.NotEmpty(w.TriggeredBy);
        });
        Assert.Equal(["Reaching the underlying causes", "Looking beyond individuals", "Writing down what you learn", "Checking that changes work",
            "Making learning routine", "Making it safe to speak up"], result.Watch.Select(w => w.Title));
        var text = ScoreReport.ToText(result);
        Assert.Contains("No common pitfall is suggested by these answers.", text);
        Assert.Contains("Worth watching (statements answered 2, Developing):", text);
    }
}
