using CqcGuide.Rules.ScoringModels;
using static CqcGuide.Rules.Tests.ModelTests.SpcExamples;

namespace CqcGuide.Rules.Tests.ModelTests;

/// <summary>One test per rule firing and not firing, judged against a fixed 12-point baseline.</summary>
public class SpcRuleTests
{
    // Mean 10.5, average moving range 2: process limits 5.18 and 15.82, close-to-limit lines 6.95 and 14.05; ends below the mean.
    private static readonly double[] Baseline = [12, 9, 11, 10, 12, 9, 11, 10, 12, 9, 11, 10];

    // Mean 0, average moving range 50: limits exactly -133 and 133 (2.66 × 50), close lines ±88.67.
    private static readonly double[] Exact = [-25, 25, -25, 25, -25, 25, -25, 25, -25, 25, -25, 25];

    private static SpcResult After(double[] added, string direction = "increase", int? runLength = null, string? target = null, double[]? baseline = null) =>
        Analyse([.. baseline ?? Baseline, .. added], direction, target, fixAfter: 12, runLength: runLength);

    private static int[] Flagged(SpcResult r, Func<SpcPoint, bool> rule) => r.Points.Where(rule).Select(p => p.Index).ToArray();

    [Fact]
    public void Baseline_has_the_expected_limits_and_no_signal()
    {
        var r = After([]);
        var s = Assert.Single(r.Segments);
        Assert.Equal((10.5, 2.0, 5.18, 15.82, 6.95, 14.05), (s.Mean, s.MovingRangeMean, Round(s.LowerLimit), Round(s.UpperLimit), Round(s.LowerNear), Round(s.UpperNear)));
        Assert.DoesNotContain(r.Points, p => p.SpecialCause);
        Assert.Equal(12, s.CommonCause);
    }

    [Fact]
    public void Outside_the_limits_fires_above_and_below_and_not_inside()
    {
        Assert.Equal(SpcCause.AboveUpperLimit, After([16]).Points[12].Cause);
        Assert.Equal(SpcCause.BelowLowerLimit, After([5]).Points[12].Cause);
        Assert.False(After([15.8]).Points[12].SpecialCause);
        Assert.False(After([5.2]).Points[12].SpecialCause);
    }

    [Fact]
    public void A_point_exactly_on_a_limit_is_close_to_it_not_outside()
    {
        var r = After([133, -133, 133.01, -133.01], baseline: Exact);
        Assert.Equal((-133.0, 133.0), (r.Segments[0].LowerLimit!.Value, r.Segments[0].UpperLimit!.Value));
        Assert.Equal([false, false, true, true], r.Points[12..].Select(p => p.OutsideLimits));
        Assert.Equal([true, true, false, false], r.Points[12..].Select(p => p.NearLimit));
    }

    [Fact]
    public void Shift_fires_on_seven_points_on_one_side_and_not_on_six()
    {
        var seven = After([11, 11, 11, 11, 11, 11, 11]);
        Assert.Equal([12, 13, 14, 15, 16, 17, 18], Flagged(seven, p => p.Shift));
        Assert.All(seven.Points[12..], p => Assert.Equal(SpcCause.ShiftHigh, p.Cause));
        Assert.Empty(Flagged(After([11, 11, 11, 11, 11, 11]), p => p.Shift));
        // The baseline's last point is below the mean too, so the run below is 8 long.
        Assert.Equal([11, 12, 13, 14, 15, 16, 17, 18], Flagged(After([10, 10, 10, 10, 10, 10, 10]), p => p.Cause == SpcCause.ShiftLow));
    }

    [Fact]
    public void A_point_on_the_mean_breaks_a_shift()
    {
        Assert.Empty(Flagged(After([11, 11, 11, 10.5, 11, 11, 11, 11]), p => p.Shift));
        Assert.Equal(0, After([10.5]).Points[12].Side);
    }

    [Fact]
    public void Run_length_six_is_a_setting_for_shifts_and_trends()
    {
        Assert.Equal([12, 13, 14, 15, 16, 17], Flagged(After([11, 11, 11, 11, 11, 11], runLength: 6), p => p.Shift));
        Assert.Empty(Flagged(After([11, 11, 11, 11, 11], runLength: 6), p => p.Shift));
        Assert.Equal([12, 13, 14, 15, 16, 17], Flagged(After([9, 10, 11, 12, 13, 14], runLength: 6), p => p.Trend));
        Assert.Empty(Flagged(After([9, 10, 11, 12, 13, 14]), p => p.Trend));
        Assert.Equal("Part of a rising trend of 6 or more points", After([9, 10, 11, 12, 13, 14], runLength: 6).Points[12].CauseLabel);
    }

    [Fact]
    public void Trend_fires_on_seven_rising_or_falling_points_and_equal_values_break_it()
    {
        var up = After([8, 9, 10, 11, 12, 13, 14]);
        Assert.Equal([12, 13, 14, 15, 16, 17, 18], Flagged(up, p => p.Trend));
        Assert.Empty(Flagged(up, p => p.Shift));
        Assert.All(up.Points[12..], p => Assert.Equal((SpcCause.TrendUp, SpcVariation.ImprovementHigh), (p.Cause, p.Variation)));
        var down = After([13, 12, 11, 10, 9, 8, 7]);
        Assert.All(down.Points[12..], p => Assert.Equal((SpcCause.TrendDown, SpcVariation.ConcernLow), (p.Cause, p.Variation)));
        Assert.Empty(Flagged(After([8, 9, 10, 10, 11, 12, 13]), p => p.Trend));
    }

    [Fact]
    public void A_trend_below_the_mean_is_classed_by_its_direction_before_its_side()
    {
        // All seven points are below the mean (a shift too) and two pairs are close to the lower limit, but the trend comes
        // first: NHSRplotthedots reads a rising trend as "Increasing", so improvement when higher is better.
        var r = After([6.0, 6.5, 7.0, 7.5, 8, 8.5, 9]);
        Assert.All(r.Points[12..], p => Assert.True(p.Shift && p.Trend));
        Assert.True(r.Points[12].TwoOfThree);
        Assert.All(r.Points[12..], p => Assert.Equal(SpcCause.TrendUp, p.Cause));
        Assert.All(r.Points[12..], p => Assert.Equal(SpcVariation.ImprovementHigh, p.Variation));
    }

    [Fact]
    public void Trend_direction_at_a_turning_point_follows_the_next_step()
    {
        // A rise of 7 ending at the peak, then a fall of 7 starting at it: the peak counts with the fall.
        var direction = Spc.TrendDirection.Evaluate(new SpcTrendPoints([1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1], Enumerable.Repeat(true, 13).ToArray()));
        Assert.Equal([1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1], direction);
        // Two separate trends joined by a flat step: the point before the flat step keeps the direction of its own trend.
        var flat = Spc.TrendDirection.Evaluate(new SpcTrendPoints([1, 2, 3, 4, 5, 6, 7, 7, 6, 5, 4, 3, 2, 1], Enumerable.Repeat(true, 14).ToArray()));
        Assert.Equal(1, flat[6]);
        Assert.Equal(-1, flat[7]);
    }

    [Fact]
    public void Two_of_three_fires_for_the_close_points_on_one_side_only()
    {
        var r = After([14.5, 11, 14.5]);
        Assert.Equal([12, 14], Flagged(r, p => p.TwoOfThree));
        Assert.Equal(SpcCause.TwoOfThreeHigh, r.Points[12].Cause);
        Assert.False(r.Points[13].SpecialCause);
        Assert.Empty(Flagged(After([14.5, 10, 14.5]), p => p.TwoOfThree));
        Assert.Equal([12, 14], Flagged(After([6.5, 10, 6.5]), p => p.Cause == SpcCause.TwoOfThreeLow));
    }

    [Fact]
    public void A_point_beyond_a_limit_does_not_count_as_close_for_two_of_three()
    {
        var r = After([14.5, 11, 16]);
        Assert.Empty(Flagged(r, p => p.TwoOfThree));
        Assert.Equal(SpcCause.AboveUpperLimit, r.Points[14].Cause);
    }

    [Theory]
    [InlineData("increase", 16.0, SpcVariation.ImprovementHigh)]
    [InlineData("increase", 5.0, SpcVariation.ConcernLow)]
    [InlineData("decrease", 16.0, SpcVariation.ConcernHigh)]
    [InlineData("decrease", 5.0, SpcVariation.ImprovementLow)]
    [InlineData("neutral", 16.0, SpcVariation.NeutralHigh)]
    [InlineData("neutral", 5.0, SpcVariation.NeutralLow)]
    public void Improvement_or_concern_follows_the_direction(string direction, double value, SpcVariation expected)
    {
        var r = After([value], direction);
        Assert.Equal(expected, r.Points[12].Variation);
        Assert.Equal(expected, r.Summary.Variation);
    }

    [Theory]
    [InlineData("increase", "20", SpcAssurance.ConsistentlyFail)]
    [InlineData("increase", "3", SpcAssurance.ConsistentlyPass)]
    [InlineData("increase", "10", SpcAssurance.HitAndMiss)]
    [InlineData("decrease", "20", SpcAssurance.ConsistentlyPass)]
    [InlineData("decrease", "3", SpcAssurance.ConsistentlyFail)]
    [InlineData("neutral", "20", SpcAssurance.None)]
    [InlineData("increase", null, SpcAssurance.None)]
    [InlineData("increase", " ", SpcAssurance.None)]
    public void Assurance_compares_the_target_with_the_limits(string direction, string? target, SpcAssurance expected)
    {
        var r = After([], direction, target: target);
        Assert.Equal(expected, r.Summary.Assurance);
        Assert.Equal(expected, r.Segments[0].Assurance);
    }

    [Fact]
    public void A_target_exactly_on_a_limit_is_hit_and_miss()
    {
        Assert.Equal(SpcAssurance.HitAndMiss, After([], target: "133", baseline: Exact).Summary.Assurance);
        Assert.Equal(SpcAssurance.ConsistentlyFail, After([], target: "133.0000001", baseline: Exact).Summary.Assurance);
    }

    [Fact]
    public void Eleven_points_are_a_run_chart_with_a_warning_and_twelve_are_an_xmr_chart()
    {
        var eleven = Analyse(Baseline[..11], target: "10");
        var s = Assert.Single(eleven.Segments);
        Assert.True(s.RunChart);
        Assert.Equal((null, 11.0, null, null), (s.Mean, s.Median, s.LowerLimit, s.UpperLimit));
        Assert.All(eleven.Points, p => Assert.Equal(SpcVariation.TooFewPoints, p.Variation));
        Assert.Equal((SpcVariation.TooFewPoints, SpcAssurance.TooFewPoints), (eleven.Summary.Variation, eleven.Summary.Assurance));
        var warning = Assert.Single(eleven.Warnings);
        Assert.Equal(("SPC050", 0), (warning.Code, warning.Row));
        Assert.Equal("The series has 11 months: fewer than 12, so it is shown as a run chart with its median and no process limits, and its points are not judged.", warning.Message);
        Assert.StartsWith("There are 11 months: too few for process limits", eleven.Summary.Reading);
        var twelve = Analyse(Baseline);
        Assert.False(twelve.Segments[0].RunChart);
        Assert.Empty(twelve.Warnings);
    }

    [Fact]
    public void Median_of_odd_and_even_counts()
    {
        Assert.Equal(3, Spc.Median.Evaluate([5, 1, 3]));
        Assert.Equal(2.5, Spc.Median.Evaluate([4, 1, 3, 2]));
        Assert.Equal(7, Spc.Median.Evaluate([7]));
        Assert.Equal(2, Spc.Median.Evaluate([2, 2, 1, 3, 2, 2]));
    }

    [Fact]
    public void A_constant_series_has_zero_moving_range_and_limits_on_the_mean()
    {
        var r = Analyse(Enumerable.Repeat(5.0, 15));
        var s = Assert.Single(r.Segments);
        Assert.Equal((5.0, 0.0, 5.0, 5.0, 0), (s.Mean!.Value, s.MovingRangeMean!.Value, s.LowerLimit!.Value, s.UpperLimit!.Value, s.MovingRangesExcluded));
        Assert.All(r.Points, p => Assert.Equal((0, false), (p.Side, p.SpecialCause)));
        // With the limits fixed on a constant baseline, any different later value is outside them.
        var later = Analyse([.. Enumerable.Repeat(5.0, 12), 5, 5.5, 4.5], fixAfter: 12);
        Assert.Equal([false, true, true], later.Points[12..].Select(p => p.OutsideLimits));
    }

    [Fact]
    public void Fixing_the_limits_uses_the_first_points_only()
    {
        var added = new double[] { 11, 11, 11, 11, 11, 11, 11 };
        var fixedLimits = After(added);
        Assert.Equal((12, 10.5), (fixedLimits.Segments[0].BaselineCount, fixedLimits.Segments[0].Mean!.Value));
        Assert.Equal([true, true, true, true, true, true, true, true, true, true, true, true, false, false, false, false, false, false, false],
            fixedLimits.Points.Select(p => p.Baseline));
        var moving = Analyse([.. Baseline, .. added]);
        Assert.Equal(19, moving.Segments[0].BaselineCount);
        Assert.NotEqual(10.5, moving.Segments[0].Mean);
    }

    [Fact]
    public void Rebasing_recalculates_the_limits_and_reads_the_new_segment_against_the_previous_mean()
    {
        double[] after = [7, 8, 6, 7, 8, 6, 7, 8, 6, 7, 8, 6];
        SpcAnnotation[] change = [new("2025-01", "Checklist introduced", true)];
        var r = Analyse([.. Baseline, .. after], annotations: change);
        Assert.Equal(2, r.Segments.Length);
        Assert.Equal((12, 12, 7.0, "Checklist introduced"), (r.Segments[1].Start, r.Segments[1].Count, r.Segments[1].Mean!.Value, r.Segments[1].ChangeLabel));
        Assert.Equal(Enumerable.Repeat(0, 12).Concat(Enumerable.Repeat(1, 12)), r.Points.Select(p => p.Segment));
        Assert.Equal(
            "Since Jan 2025 (Checklist introduced), all 12 months have been below the previous mean: a sustained deterioration. "
            + "The latest value (Dec 2025) shows common cause variation: it is within the process limits and part of no signal.",
            r.Summary.Reading);
        var better = Analyse([.. Baseline, .. after], direction: "decrease", annotations: change);
        Assert.StartsWith("Since Jan 2025 (Checklist introduced), all 12 months have been below the previous mean: a sustained improvement.", better.Summary.Reading);
        // Without the rebase the same data shows a shift below the mean.
        var single = Analyse([.. Baseline, .. after]);
        Assert.Equal(SpcVariation.ConcernLow, single.Summary.Variation);
    }

    [Fact]
    public void A_short_segment_after_a_rebase_is_a_run_chart_read_against_the_previous_mean()
    {
        var r = Analyse([.. Baseline, 7, 8, 6], annotations: [new("2025-01", "Checklist introduced", true)]);
        Assert.True(r.Segments[1].RunChart);
        Assert.Equal(
            "Since Jan 2025 (Checklist introduced), the latest 3 months are below the previous mean; 7 in a row would show a sustained change. "
            + "There are 3 months since the change: too few for process limits (12 are needed), so the chart shows the median and no signal is judged yet.",
            r.Summary.Reading);
        var warning = Assert.Single(r.Warnings);
        Assert.Equal(("SPC050", 12), (warning.Code, warning.Row));
        Assert.StartsWith("The segment from Jan 2025 has 3 months: fewer than 12", warning.Message);
    }

    [Fact]
    public void Readings_name_the_rule_at_the_latest_point()
    {
        Assert.Equal("The latest value (Jan 2025) shows special cause improvement: it is above the upper process limit.", After([16]).Summary.Reading);
        Assert.Equal("The latest value (Jul 2025) shows special cause improvement: it ends a rising trend of 7 points.",
            After([8, 9, 10, 11, 12, 13, 14]).Summary.Reading);
        Assert.Equal("The latest value (Jul 2025) shows special cause concern: it ends a run of 8 points below the mean.",
            After([10, 10, 10, 10, 10, 10, 10]).Summary.Reading);
        Assert.Equal("The latest value (Mar 2025) shows special cause variation: two of the last three points are close to the upper process limit.",
            After([14.5, 11, 14.5], "neutral").Summary.Reading);
        Assert.Equal("The latest value (Dec 2024) shows common cause variation: it is within the process limits and part of no signal. "
            + "The target lies within the process limits: the process will meet it some of the time and miss it some of the time (hit and miss).",
            After([], target: "10").Summary.Reading);
    }

    [Fact]
    public void Outlier_screening_leaves_out_moving_ranges_of_3_267_times_the_average_or_more()
    {
        var used = Spc.ScreenMovingRanges.Evaluate(new SpcScreening([1, 1, 1, 1, 1, 1, 1, 1, 1, 9], true));
        // Average 1.8: 3.267 × 1.8 = 5.88, so 9 is left out.
        Assert.Equal([true, true, true, true, true, true, true, true, true, false], used);
        Assert.All(Spc.ScreenMovingRanges.Evaluate(new SpcScreening([1, 1, 1, 1, 1, 1, 1, 1, 1, 9], false)), Assert.True);
        Assert.All(Spc.ScreenMovingRanges.Evaluate(new SpcScreening([0, 0, 0], true)), Assert.True);
    }

    [Fact]
    public void Mean_is_corrected_so_decimals_sit_exactly_on_it()
    {
        Assert.Equal(0.2, Spc.Mean.Evaluate([0.1, 0.2, 0.3]));
        Assert.NotEqual(0.2, new[] { 0.1, 0.2, 0.3 }.Sum() / 3);
    }
}
