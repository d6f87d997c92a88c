using CqcGuide.Rules.ScoringModels;
using static CqcGuide.Rules.Tests.ModelTests.SpcExamples;

namespace CqcGuide.Rules.Tests.ModelTests;

/// <summary>
/// Worked examples from NHSRplotthedots (github.com/nhs-r-community/NHSRplotthedots): its test snapshots and vignettes.
/// Limits to 2 decimals (and further where the snapshot stores full precision), special-cause points exactly.
/// </summary>
public class SpcWorkedExampleTests
{
    // set.seed(123); rnorm(20): the data of tests/testthat/test-ptd_spc_standard.R.
    private static readonly double[] Seed123 =
    [
        -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621, -1.26506123, -0.68685285, -0.44566197,
        1.22408180, 0.35981383, 0.40077145, 0.11068272, -0.55584113, 1.78691314, 0.49785048, -1.96661716, 0.70135590, -0.47279141,
    ];

    // ae_all(): NHSRdatasets::ae_attendances summed by month, April 2016 to March 2019 (tests/testthat/test-integration_tests.R),
    // decoded from the serialised snapshot tests/testthat/_snaps/integration_tests.md (commit 0c096d8).
    private static readonly double[] Attendances =
    [
        1867781, 2070340, 1958802, 2079034, 1932901, 1952464, 2001816, 1907871, 1944567, 1895272, 1735619, 2015834,
        1949762, 2066789, 1994056, 2073944, 1924663, 1925961, 2044137, 1976971, 2003954, 2000086, 1820012, 2049785,
        1984369, 2164458, 2093942, 2179896, 1997854, 2005695, 2079492, 2037847, 2047518, 2113413, 1954947, 2167550,
    ];

    // ae_all() performance = 1 - breaches / attendances, from the same snapshot ("ae_all performance spc"); written here
    // with 15 significant digits, the most the rules read exactly.
    private static readonly double[] Performance =
    [
        0.9003512724457525, 0.9027555860390081, 0.9055994429248081, 0.9028524786030435, 0.909763097023593, 0.9064786853944554,
        0.8905308979446662, 0.8837903610883545, 0.8617594559611471, 0.851413411900772, 0.8753090395991286, 0.9000949482943537,
        0.9051525263083392, 0.8970035160821932, 0.9072518525056468, 0.9034785895858326, 0.9029928875860346, 0.8966609396555797,
        0.8994186788850258, 0.8876655246839736, 0.8498503458662225, 0.8529918213516818, 0.8504476893558943, 0.8462121637147311,
        0.8857248828216929, 0.9039011151983545, 0.9076297242234981, 0.8931949047110505, 0.8972702710007838, 0.8894368286304747,
        0.8900933497219513, 0.8760446687116353, 0.8644632183941728, 0.843525141560121, 0.8422525009629417, 0.8660427671795345,
    ];

    [Fact]
    public void Seed_123_normal_series_matches_ptd_spc_standard_snapshot()
    {
        // tests/testthat/_snaps/ptd_spc_standard.md and _snaps/ptd_spc.md: mean 0.142, lpl -3.01, upl 3.29, 20 common cause.
        var r = Analyse(Seed123);
        var s = Assert.Single(r.Segments);
        Assert.Equal(0.142, Round(s.Mean, 3));
        Assert.Equal(-3.01, Round(s.LowerLimit));
        Assert.Equal(3.29, Round(s.UpperLimit));
        Assert.Equal(20, s.CommonCause);
        Assert.DoesNotContain(r.Points, p => p.SpecialCause);
        Assert.Equal(SpcVariation.CommonCause, r.Summary.Variation);
    }

    [Fact]
    public void Seed_123_with_an_outlier_is_screened_as_in_ptd_spc_standard_test()
    {
        // test-ptd_spc_standard.R sets y[15] <- 10: screening changes the limits, and without screening they are wider.
        var values = Seed123.ToArray();
        values[14] = 10;
        var screened = Assert.Single(Analyse(values).Segments);
        var unscreened = Assert.Single(Analyse(values, screen: false).Segments);
        Assert.Equal(2, screened.MovingRangesExcluded); // the jumps into and out of 10
        Assert.Equal(0, unscreened.MovingRangesExcluded);
        Assert.Equal((-2.38, 3.72), (Round(screened.LowerLimit), Round(screened.UpperLimit)));
        Assert.Equal((-4.6, 5.94), (Round(unscreened.LowerLimit), Round(unscreened.UpperLimit)));
        Assert.True(unscreened.UpperLimit - unscreened.LowerLimit > screened.UpperLimit - screened.LowerLimit);
    }

    [Fact]
    public void Outlier_screening_matches_the_deviations_vignette()
    {
        // vignettes/deviations.Rmd: data c(1, 2, 1, 2, 10, 1, 2, ...), captions "UPL = , Mean = , LPL = " rounded to 2 decimals.
        double[] data = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];
        var r = Analyse(data);
        var s = Assert.Single(r.Segments);
        Assert.Equal((4.6, 1.94, -0.72), (Round(s.UpperLimit), Round(s.Mean), Round(s.LowerLimit)));
        Assert.Equal([4], r.Points.Where(p => p.SpecialCause).Select(p => p.Index));
        Assert.Equal(SpcCause.AboveUpperLimit, r.Points[4].Cause);
        // screen_outliers = FALSE "produces the same output as Excel".
        var excel = Assert.Single(Analyse(data, screen: false).Segments);
        Assert.Equal((6.95, 1.94, -3.06), (Round(excel.UpperLimit), Round(excel.Mean), Round(excel.LowerLimit)));
    }

    [Fact]
    public void Ae_attendances_match_the_integration_snapshot()
    {
        // "ae_all attendances spc returns expected values": mean 2000538.9444, lpl 1731844.3644, upl 2269233.5244, all common cause.
        var r = Spc.Analyse(Input(Attendances, year: 2016, month: 4));
        var s = Assert.Single(r.Segments);
        Assert.Equal((2000538.94, 1731844.36, 2269233.52), (Round(s.Mean), Round(s.LowerLimit), Round(s.UpperLimit)));
        Assert.Equal((2000538.9444444445, 1731844.3644444444, 2269233.5244444446), (Round(s.Mean, 10), Round(s.LowerLimit, 10), Round(s.UpperLimit, 10)));
        Assert.DoesNotContain(r.Points, p => p.SpecialCause);
    }

    [Fact]
    public void Ae_attendances_rebased_in_April_2017_match_the_integration_snapshot()
    {
        // "ae_all attendances spc with rebase returns expected values": rebase = as.Date("2017-04-01").
        var r = Spc.Analyse(Input(Attendances, year: 2016, month: 4, annotations: [new SpcAnnotation("2017-04", "New financial year", true)]));
        Assert.Equal(2, r.Segments.Length);
        var (first, second) = (r.Segments[0], r.Segments[1]);
        Assert.Equal((0, 12, 12, 24), (first.Start, first.Count, second.Start, second.Count));
        Assert.Equal((1946858.42, 1639947.37, 2253769.46), (Round(first.Mean), Round(first.LowerLimit), Round(first.UpperLimit)));
        Assert.Equal((2027379.21, 1772921.06, 2281837.35), (Round(second.Mean), Round(second.LowerLimit), Round(second.UpperLimit)));
        Assert.Equal("New financial year", second.ChangeLabel);
        Assert.DoesNotContain(r.Points, p => p.SpecialCause);
        Assert.Equal(Enumerable.Repeat(0, 12).Concat(Enumerable.Repeat(1, 24)), r.Points.Select(p => p.Segment));
    }

    [Fact]
    public void Ae_performance_fixed_after_12_points_matches_the_integration_snapshot()
    {
        // "ae_all performance spc returns expected values": fix_after_n_points = 12, improvement direction increase.
        var r = Spc.Analyse(Input(Performance, fixAfter: 12, year: 2016, month: 4));
        var s = Assert.Single(r.Segments);
        Assert.Equal(12, s.BaselineCount);
        Assert.Equal((0.89, 0.86, 0.92), (Round(s.Mean), Round(s.LowerLimit), Round(s.UpperLimit)));
        Assert.Equal((0.890892, 0.861405, 0.920378), (Round(s.Mean, 6), Round(s.LowerLimit, 6), Round(s.UpperLimit, 6)));
        // The snapshot's point_type column: special_cause_concern at 10, 21-24, 30-36 and improvement at 12-19 (1-based).
        Assert.Equal([9, 20, 21, 22, 23, 29, 30, 31, 32, 33, 34, 35], Where(r, SpcVariation.ConcernLow, SpcVariation.ConcernHigh));
        Assert.Equal([11, 12, 13, 14, 15, 16, 17, 18], Where(r, SpcVariation.ImprovementHigh, SpcVariation.ImprovementLow));
        // outside_limits and close_to_limits columns.
        Assert.Equal([9, 20, 21, 22, 23, 33, 34], r.Points.Where(p => p.OutsideLimits).Select(p => p.Index));
        Assert.Equal([8, 32, 35], r.Points.Where(p => p.NearLimit).Select(p => p.Index));
        // Point 9 (1-based) is close to the lower limit and point 10 beyond it: "close" does not include points outside,
        // so two of three does not fire there.
        Assert.False(r.Points[8].TwoOfThree);
        Assert.Equal(SpcVariation.ConcernLow, r.Summary.Variation);
        Assert.Equal("The latest value (Mar 2019) shows special cause concern: it ends a run of 7 points below the mean.", r.Summary.Reading);
    }

    [Fact]
    public void Two_close_points_on_opposite_sides_are_common_cause_as_in_ptd_spc_standard_test()
    {
        // test-ptd_spc_standard.R: rep(c(1, -1), 8) with the last two points set to 5.5 and -5.5.
        var data = Enumerable.Range(0, 16).Select(i => i % 2 == 0 ? 1.0 : -1.0).ToArray();
        data[14] = 5.5;
        data[15] = -5.5;
        var r = Analyse(data);
        Assert.Equal([SpcVariation.CommonCause, SpcVariation.CommonCause], r.Points[^2..].Select(p => p.Variation));
    }

    [Fact]
    public void Run_and_trend_vectors_match_ptd_calculate_point_type_tests()
    {
        // ptd_seven_point_one_side_mean(c(rep(1, 8), -1)) flags the ends of runs of 7; the part-of-run flags cover all 8.
        Assert.Equal([true, true, true, true, true, true, true, true, false], Spc.Shift.Evaluate(new SpcSides([1, 1, 1, 1, 1, 1, 1, 1, -1], 7)));
        Assert.All(Spc.Shift.Evaluate(new SpcSides([1, 1, 1, 1, 1, 1, -1], 7)), Assert.False);
        Assert.Equal([false, true, true, true, true, true, true, true, true, false], Spc.Shift.Evaluate(new SpcSides([-1, 1, 1, 1, 1, 1, 1, 1, 1, -1], 7)));
        // ptd_seven_point_trend(1:6), (c(1:3, 3:6)), (1:7), (c(2, 1:7, 3)), (7:1).
        Assert.All(Spc.Trend.Evaluate(new SpcRun([1, 2, 3, 4, 5, 6], 7)), Assert.False);
        Assert.All(Spc.Trend.Evaluate(new SpcRun([1, 2, 3, 3, 4, 5, 6], 7)), Assert.False);
        Assert.All(Spc.Trend.Evaluate(new SpcRun([1, 2, 3, 4, 5, 6, 7], 7)), Assert.True);
        Assert.Equal([false, true, true, true, true, true, true, true, false], Spc.Trend.Evaluate(new SpcRun([2, 1, 2, 3, 4, 5, 6, 7, 3], 7)));
        Assert.All(Spc.Trend.Evaluate(new SpcRun([7, 6, 5, 4, 3, 2, 1], 7)), Assert.True);
        // ptd_part_of_two_in_three: c(1, 0, 0, 1, 1) gives c(0, 0, 0, 1, 1); c(0, 0, 1, 0, 1, 0, 0) gives the two close points.
        Assert.Equal([false, false, false, true, true], Spc.TwoOfThree.Evaluate(new SpcNear([true, false, false, true, true], [1, 1, 1, 1, 1])));
        Assert.Equal([false, false, true, false, true, false, false],
            Spc.TwoOfThree.Evaluate(new SpcNear([false, false, true, false, true, false, false], [1, 1, 1, 1, 1, 1, 1])));
        Assert.Equal([true, false, true], Spc.TwoOfThree.Evaluate(new SpcNear([true, false, true], [1, 1, 1])));
        Assert.All(Spc.TwoOfThree.Evaluate(new SpcNear([true, false, false, true], [1, 1, 1, 1])), Assert.False);
    }
}
