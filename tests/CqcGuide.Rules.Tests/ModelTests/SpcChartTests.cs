using System.Globalization;
using CqcGuide.Rules.ScoringModels;
using static CqcGuide.Rules.Tests.ModelTests.SpcExamples;

namespace CqcGuide.Rules.Tests.ModelTests;

/// <summary>The chart geometry both SVG renderers draw.</summary>
public class SpcChartTests
{
    private static readonly double[] Baseline = [12, 9, 11, 10, 12, 9, 11, 10, 12, 9, 11, 10];

    public static TheoryData<string> Series() => new("flat", "rebased", "decimals", "negative", "large", "short", "trend");

    private static SpcResult Example(string name) => name switch
    {
        "flat" => Analyse(Enumerable.Repeat(0.0, 14)),
        "rebased" => Analyse([.. Baseline, 7, 8, 6, 16], target: "11", annotations: [new("2024-06", "Briefing", false), new("2025-01", "Checklist", true)]),
        "decimals" => Analyse(Enumerable.Range(0, 40).Select(i => 0.84 + i % 7 * 0.01)),
        "negative" => Analyse(Enumerable.Range(0, 25).Select(i => -3.5 + (i * 37 % 11) / 4.0), direction: "decrease", target: "-2"),
        "large" => Analyse([1867781, 2070340, 1958802, 2079034, 1932901, 1952464, 2001816, 1907871, 1944567, 1895272, 1735619, 2015834, 1e6]),
        "short" => Analyse([5, 3]),
        _ => Analyse([.. Baseline, 8, 9, 10, 11, 12, 13, 14]),
    };

    [Theory]
    [MemberData(nameof(Series))]
    public void Everything_sits_inside_the_plot(string name)
    {
        var r = Example(name);
        var c = r.Chart!;
        Assert.Equal((640, 320, 64.0, 16.0, 624.0, 272.0), (c.Width, c.Height, c.PlotLeft, c.PlotTop, c.PlotRight, c.PlotBottom));
        Assert.Equal(r.Points.Length, c.Points.Length);
        Assert.All(c.Points, p => Assert.InRange(p.X, c.PlotLeft, c.PlotRight));
        Assert.All(c.Points, p => Assert.InRange(p.Y, c.PlotTop, c.PlotBottom));
        Assert.True(c.Points.Zip(c.Points.Skip(1)).All(p => p.First.X < p.Second.X));
        // Higher values are drawn higher (smaller y).
        Assert.All(c.Points.Zip(r.Points), p => Assert.Equal(-Math.Sign(p.Second.Value - r.Points[0].Value), Math.Sign(p.First.Y - c.Points[0].Y)));
        Assert.All(c.Lines, l => Assert.InRange(l.Y, c.PlotTop, c.PlotBottom));
        Assert.All(c.Marks, m => Assert.InRange(m.X, c.PlotLeft, c.PlotRight));
    }

    [Theory]
    [MemberData(nameof(Series))]
    public void Y_ticks_are_evenly_spaced_nice_numbers_from_bottom_to_top(string name)
    {
        var c = Example(name).Chart!;
        Assert.InRange(c.YTicks.Length, 3, 12);
        Assert.Equal(c.PlotBottom, c.YTicks[0].Position);
        Assert.Equal(c.PlotTop, c.YTicks[^1].Position);
        var values = c.YTicks.Select(t => decimal.Parse(t.Label, CultureInfo.InvariantCulture)).ToArray();
        var step = values[1] - values[0];
        Assert.All(values.Zip(values.Skip(1)), v => Assert.Equal(step, v.Second - v.First));
        Assert.Contains(step / (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)step))), new[] { 1m, 2m, 5m });
        Assert.All(c.YTicks, t => Assert.DoesNotContain("E", t.Label));
        Assert.Single(c.YTicks.Select(t => t.Label.Contains('.') ? t.Label.Length - t.Label.IndexOf('.') : 0).Distinct());
    }

    [Fact]
    public void A_lower_limit_below_the_smallest_possible_value_is_drawn_at_it_and_the_analysis_keeps_it()
    {
        double[] counts = [1, 0, 2, 1, 1, 0, 1, 2, 0, 1, 1, 0, 1, 2];
        SpcResult At(string? minimum) => Spc.Analyse(SpcExamples.Input(counts, "decrease") with { Minimum = minimum });
        var cut = At("0");
        Assert.True(cut.Segments[0].LowerLimit < 0);
        var lower = Assert.Single(cut.Chart!.Lines, l => l.Kind == SpcLineKind.LowerLimit);
        var zero = cut.Chart.Points.First(p => cut.Points[p.Index].Value == 0);
        Assert.Equal(zero.Y, lower.Y);
        Assert.Equal("Lower process limit (below the smallest possible value, drawn at it)", lower.Label);
        Assert.DoesNotContain(cut.Chart.YTicks, t => t.Label.StartsWith('-'));

        var uncut = At(null);
        var free = Assert.Single(uncut.Chart!.Lines, l => l.Kind == SpcLineKind.LowerLimit);
        Assert.Equal("Lower process limit", free.Label);
        Assert.True(free.Y > uncut.Chart.Points.First(p => uncut.Points[p.Index].Value == 0).Y);
        Assert.Equal(uncut.Segments[0].LowerLimit, cut.Segments[0].LowerLimit);
    }

    [Fact]
    public void A_change_label_that_would_run_past_the_right_edge_is_drawn_left_of_its_line()
    {
        var c = Analyse([.. Baseline, 7, 8, 6, 16], annotations: [new("2025-03", "New falls sensor mats on every bedroom floor", false), new("2024-02", "Audit", false)]).Chart!;
        var late = c.Marks[0];
        Assert.Equal(("end", late.X - Spc.MarkLabelGap), (late.LabelAnchor, late.LabelX));
        var early = c.Marks[1];
        Assert.Equal(("start", early.X + Spc.MarkLabelGap), (early.LabelAnchor, early.LabelX));
    }

    [Fact]
    public void Lines_follow_the_segments_and_break_at_a_rebase()
    {
        var c = Example("rebased").Chart!;
        Assert.Equal(
            [
                (SpcLineKind.Mean, 0, 64.0, 484.0), (SpcLineKind.UpperLimit, 0, 64, 484), (SpcLineKind.LowerLimit, 0, 64, 484), (SpcLineKind.Target, 0, 64, 484),
                (SpcLineKind.Median, 1, 484, 624), (SpcLineKind.Target, 1, 484, 624),
            ],
            c.Lines.Select(l => (l.Kind, l.Segment, l.X1, l.X2)));
        Assert.Equal(["Mean", "Upper process limit", "Lower process limit", "Target", "Median", "Target"], c.Lines.Select(l => l.Label));
        Assert.Equal([(5, 239.0, "Briefing", false), (12, 484, "Checklist", true)], c.Marks.Select(m => (m.Index, m.X, m.Label, m.Rebase)));
        Assert.Equal([(243.0, "start"), (488.0, "start")], c.Marks.Select(m => (m.LabelX, m.LabelAnchor)));
        Assert.Equal("Chart of 16 months from Jan 2024 to Apr 2025, in 2 segments with the limits recalculated at each rebase. "
            + "No point shows special cause variation. Latest: Too few points to judge (fewer than 12).", c.Description);
    }

    [Fact]
    public void Special_cause_points_have_a_marker_and_a_label_on_the_first_of_each_run()
    {
        var r = Example("trend");
        var c = r.Chart!;
        Assert.All(c.Points.Zip(r.Points), p => Assert.Equal(p.Second.SpecialCause, p.First.Label != ""));
        Assert.All(c.Points.Zip(r.Points), p => Assert.Equal(p.Second.SpecialCause, p.First.Marker != SpcMarker.Normal));
        Assert.Equal([12], c.Points.Where(p => p.ShowLabel).Select(p => p.Index));
        Assert.All(c.Points[12..], p => Assert.Equal((SpcMarker.Improvement, "Trend"), (p.Marker, p.Label)));
        Assert.Equal("Chart of 19 months from Jan 2024 to Jul 2025. 7 points show special cause variation (7 improvement). "
            + "Latest: Special cause improvement (higher values).", c.Description);
        var d = Example("decimals").Chart!;
        Assert.All(d.Points.Where(p => p.Marker != SpcMarker.Normal), p => Assert.NotEqual("", p.Label));
    }

    [Fact]
    public void X_ticks_label_at_most_twelve_periods_with_the_year_where_it_changes()
    {
        var c = Example("decimals").Chart!;
        Assert.Equal(
            [("Jan", "2024"), ("May", ""), ("Sep", ""), ("Jan", "2025"), ("May", ""), ("Sep", ""), ("Jan", "2026"), ("May", ""), ("Sep", ""), ("Jan", "2027")],
            c.XTicks.Select(t => (t.Label, t.Sub)));
        Assert.Equal(c.Points[0].X, c.XTicks[0].Position);
        Assert.Equal(c.Points[4].X, c.XTicks[1].Position);
        Assert.Equal([("Jan", "2024"), ("Feb", "")], Example("short").Chart!.XTicks.Select(t => (t.Label, t.Sub)));
    }

    [Theory]
    [InlineData(0.0, 0.0, "-1.0", "1.0")]
    [InlineData(5.0, 5.0, "4.4", "5.6")]
    [InlineData(-3.0, 0.25, "-3", "1")]
    [InlineData(1735619, 2079034, "1700000", "2100000")]
    [InlineData(0.843, 0.91, "0.84", "0.92")]
    public void Y_scale_covers_the_range_with_a_nice_step(double low, double high, string first, string last)
    {
        var scale = Spc.YScale.Evaluate(new SpcRange(low, high));
        var ticks = Spc.YTicks.Evaluate(scale);
        Assert.Equal((first, last), (ticks[0].Label, ticks[^1].Label));
        Assert.True(scale.Low <= low && scale.High >= high);
    }

    [Theory]
    [InlineData(5, 1, false, "0.5")]
    [InlineData(15, 1, true, "-1.5")]
    [InlineData(0, 2, true, "0.00")]
    [InlineData(123, 0, false, "123")]
    [InlineData(123456789012345, 3, false, "123456789012.345")]
    [InlineData(7, 16, false, "0.0000000000000007")]
    public void Tick_labels_are_written_with_fixed_decimals(double whole, int decimals, bool negative, string text) =>
        Assert.Equal(text, Spc.DecimalText.Evaluate(new SpcDecimal(whole, decimals, negative)));
}
