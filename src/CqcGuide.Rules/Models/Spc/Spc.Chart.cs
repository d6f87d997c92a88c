// The rules refer to rules and tables declared in other parts of this partial class. The compiler's nullable analysis of
// static field initialisers treats those fields as possibly null; they are not, because a rule only runs after every static
// field of the class is initialised.
#pragma warning disable CS8602, CS8604

namespace CqcGuide.Rules.ScoringModels;

/// <summary>A "nice" tick step: mantissa (1, 2 or 5) times ten to the exponent, and its value.</summary>
public sealed record SpcStep(int Mantissa, int Exponent, double Value);

/// <summary>The y axis: the tick step and the ticks k0 … k0 + Intervals (tick k is at k × step).</summary>
public sealed record SpcScale(SpcStep Step, double K0, int Intervals, double Low, double High);

/// <summary>A low and a high value.</summary>
public sealed record SpcRange(double Low, double High);

/// <summary>A tick index on a step (tick value k × step).</summary>
public sealed record SpcTickAt(SpcStep Step, double K);

/// <summary>A whole number (as a double, at most 2^53) to write with a number of decimals: Whole / 10^Decimals.</summary>
public sealed record SpcDecimal(double Whole, int Decimals, bool Negative);

/// <summary>A value and the y scale (for its position).</summary>
public sealed record SpcAt(double Value, SpcScale Scale);

/// <summary>The chart's frame: the width of one period's band, the y scale, and every how many periods an x label goes.</summary>
public sealed record SpcFrame(double Band, SpcScale Scale, int Every);

/// <summary>The chart input and its frame.</summary>
public sealed record SpcChartParts(SpcChartInput Input, SpcFrame Frame);

/// <summary>A process limit and the measure's possible range (either end may be unset).</summary>
public sealed record SpcShownLimit(double Limit, double? Minimum, double? Maximum);

/// <summary>What the chart geometry needs.</summary>
public sealed record SpcChartInput(
    SpcPeriod[] Periods,
    double[] Values,
    SpcSegmentCalc[] Segments,
    SpcChartAnnotationInput[] Annotations,
    SpcSettings Settings,
    string LatestLabel);

// Chart geometry as a rule: the build's SVG (C#) and the browser's SVG (JavaScript) only draw these numbers.
public sealed partial class Spc
{
    public const int ChartWidth = 640;
    public const int ChartHeight = 320;
    public const double PlotLeft = 64;
    public const double PlotRight = 624;
    public const double PlotTop = 16;

    /// <summary>The gap between a change's line and its label, and the width the label is taken to need per character
    /// (the theme draws it at 12px: about 0.55 em a character).</summary>
    public const double MarkLabelGap = 4;
    public const double MarkLabelCharWidth = 6.6;
    public const double PlotBottom = 272;

    /// <summary>Tick steps 1, 2 and 5 times 10^-16 … 10^14, smallest first.</summary>
    public static readonly SpcStep[] NiceSteps = Enumerable.Range(-16, 31)
        .SelectMany(e => new[] { 1, 2, 5 }.Select(m => new SpcStep(m, e, e >= 0 ? m * Ten(e) : m / Ten(-e))))
        .ToArray();

    // 10^e by repeated multiplication: exact for e <= 22 (and independent of the other parts' static fields).
    private static double Ten(int e)
    {
        var p = 1.0;
        for (var i = 0; i < e; i++)
            p *= 10;
        return p;
    }

    // A property, not a field: static fields of the other parts of this partial class may not be initialised yet.
    private static RuleSource[] OwnChart => [Sources.SpcChartGeometry];

    public static readonly Rule<double, double> Coordinate = new(
        "coordinate",
        RuleKind.OwnMethod,
        "A chart coordinate, rounded to two decimals (a hundredth of a unit of the 640 × 320 viewBox).",
        OwnChart,
        v => Math.Round(v * 100) / 100 + 0.0);

    public static readonly Rule<SpcTickAt, double> TickValue = new(
        "tick-value",
        RuleKind.OwnMethod,
        "The value of tick k on a step m × 10^e: k × m × 10^e, computed from whole numbers so that 0.1 steps give 0.3, not 0.30000000000000004.",
        OwnChart,
        x => (x.Step.Exponent >= 0 ? x.K * x.Step.Mantissa * PowersOfTen[x.Step.Exponent] : x.K * x.Step.Mantissa / PowersOfTen[-x.Step.Exponent]) + 0.0);

    public static readonly Rule<SpcDecimal, string> DecimalText = new(
        "decimal-text",
        RuleKind.OwnMethod,
        """
        Writes a tick label: a whole number of units of 10^-d written with exactly d decimals (0.5, 1.0, 1.5), a minus
        sign when negative, no separators. Each digit is found with exact remainders by powers of ten, so .NET and
        JavaScript write the same text.
        """,
        OwnChart,
        x => Expr.Let(Math.Max(x.Decimals + 1, x.Whole < 1 ? 1 : PowersOfTen.Count(p => p <= x.Whole)), length =>
            (x.Negative && x.Whole > 0 ? "-" : "")
            + string.Join("", Enumerable.Range(0, length - x.Decimals)
                .Select(j => DigitText[(int)((x.Whole % PowersOfTen[length - j] - x.Whole % PowersOfTen[length - j - 1]) / PowersOfTen[length - j - 1])]).ToArray())
            + (x.Decimals == 0 ? "" : "." + string.Join("", Enumerable.Range(length - x.Decimals, x.Decimals)
                .Select(j => DigitText[(int)((x.Whole % PowersOfTen[length - j] - x.Whole % PowersOfTen[length - j - 1]) / PowersOfTen[length - j - 1])]).ToArray()))));

    public static readonly Rule<SpcRange, SpcScale> YScale = new(
        "y-scale",
        RuleKind.OwnMethod,
        """
        The y axis covers every value, every process limit and the target. Its ticks are at a "nice" step (1, 2 or 5
        times a power of ten) giving about five intervals, from the tick at or below the lowest value to the tick at or
        above the highest. A flat range is widened by a tenth of its size (or by 1 around zero).
        """,
        OwnChart,
        r => Expr.Let(Math.Max(Math.Abs(r.Low), Math.Abs(r.High)), size =>
            Expr.Let(r.High - r.Low > size * 1e-9 ? 0.0 : size > 0 ? size * 0.1 : 1.0, pad =>
            Expr.Let((r.High + pad - (r.Low - pad)) / 5, raw =>
            Expr.Let(NiceSteps.FirstOrDefault(s => s.Value >= raw) ?? NiceSteps[NiceSteps.Length - 1], step =>
            Expr.Let(Math.Floor((r.Low - pad) / step.Value), k0 =>
            Expr.Let(Math.Ceiling((r.High + pad) / step.Value), k1 =>
                new SpcScale(step, k0 + 0.0, (int)(k1 - k0), TickValue.Evaluate(new SpcTickAt(step, k0)), TickValue.Evaluate(new SpcTickAt(step, k1))))))))));

    public static readonly Rule<SpcShownLimit, double> ShownLimit = new(
        "shown-limit",
        RuleKind.Interpretation,
        """
        Where a process limit is drawn: at the measure's smallest possible value when the computed lower limit falls
        below it (a count cannot go below 0), and at its largest when the upper limit rises above it (a percentage
        cannot pass 100). The analysis keeps the computed limits; only the chart is cut, so its scale is not stretched
        over values that cannot happen.
        """,
        OwnChart,
        x => x.Minimum.HasValue && x.Limit < x.Minimum.Value ? x.Minimum.Value
            : x.Maximum.HasValue && x.Limit > x.Maximum.Value ? x.Maximum.Value
            : x.Limit,
        new RuleInterpretation("limits cut at the possible range",
            "Making Data Count charts of counts and percentages do not draw limits where no value can fall; the measure file's minimum and maximum say where that is."));

    public static readonly Rule<SpcAt, double> YPosition = new(
        "y-position",
        RuleKind.OwnMethod,
        "Where a value sits on the y axis: the plot's bottom edge for the scale's low end, its top edge for the high end.",
        OwnChart,
        x => Coordinate.Evaluate(PlotBottom - (x.Value - x.Scale.Low) / (x.Scale.High - x.Scale.Low) * (PlotBottom - PlotTop)));

    public static readonly Rule<SpcChartInput, SpcFrame> ChartFrame = new(
        "chart-frame",
        RuleKind.OwnMethod,
        """
        The frame of the chart: one band per period across the plot; the y scale covering every value, every process
        limit, every median and the target; and the step between labelled periods (at most 12 labels).
        """,
        OwnChart,
        x => new SpcFrame(
            (PlotRight - PlotLeft) / x.Values.Length,
            YScale.Evaluate(Expr.Let(x.Values
                    .Concat(x.Segments.Where(s => !s.RunChart).Select(s => ShownLimit.Evaluate(new SpcShownLimit(s.Limits!.LowerLimit, x.Settings.Minimum, x.Settings.Maximum))))
                    .Concat(x.Segments.Where(s => !s.RunChart).Select(s => ShownLimit.Evaluate(new SpcShownLimit(s.Limits!.UpperLimit, x.Settings.Minimum, x.Settings.Maximum))))
                    .Concat(x.Segments.Where(s => s.RunChart).Select(s => s.Centre))
                    .Concat(x.Settings.Target.HasValue ? new[] { x.Settings.Target.Value } : new double[0])
                    .ToArray(), all => new SpcRange(all.Min(), all.Max()))),
            (x.Values.Length + 11) / 12));

    public static readonly Rule<SpcScale, SpcTick[]> YTicks = new(
        "y-ticks",
        RuleKind.OwnMethod,
        "The y axis ticks: every step of the scale, each with its position and its label.",
        OwnChart,
        scale => Enumerable.Range(0, scale.Intervals + 1)
            .Select(j => Expr.Let(scale.K0 + j, k =>
                Expr.Let(k * scale.Step.Mantissa, whole =>
                    new SpcTick(
                        YPosition.Evaluate(new SpcAt(TickValue.Evaluate(new SpcTickAt(scale.Step, k)), scale)),
                        DecimalText.Evaluate(scale.Step.Exponent >= 0
                            ? new SpcDecimal(Math.Abs(whole) * PowersOfTen[scale.Step.Exponent], 0, whole < 0)
                            : new SpcDecimal(Math.Abs(whole), -scale.Step.Exponent, whole < 0)),
                        ""))))
            .ToArray());

    public static readonly Rule<SpcChartParts, SpcTick[]> XTicks = new(
        "x-ticks",
        RuleKind.OwnMethod,
        """
        The x axis ticks: every nth period (n chosen so that there are at most 12), labelled with its short name (Apr, Q2,
        W14) and, under it, the year on the first label and wherever the year changes.
        """,
        OwnChart,
        x => Enumerable.Range(0, x.Input.Values.Length).Where(i => i % x.Frame.Every == 0)
            .Select(i => new SpcTick(Coordinate.Evaluate(PlotLeft + x.Frame.Band * (i + 0.5)), x.Input.Periods[i].Short,
                i == 0 || x.Input.Periods[i].Year != x.Input.Periods[i - x.Frame.Every].Year ? IntText.Evaluate(x.Input.Periods[i].Year) : ""))
            .ToArray());

    public static readonly Rule<SpcChartParts, SpcChartPoint[]> ChartPoints = new(
        "chart-points",
        RuleKind.OwnMethod,
        """
        The points: each in the middle of its band at the height of its value, marked as improvement, concern, neutral or
        normal, with a short label naming the rule for special-cause points, shown on the first point of each run.
        """,
        OwnChart,
        x => Enumerable.Range(0, x.Input.Values.Length)
            .Select(i => Expr.Let(x.Input.Segments[x.Input.Segments.Count(s => s.Start <= i) - 1], s =>
                Expr.Let(s.Causes[i - s.Start], cause =>
                Expr.Let(s.Variations[i - s.Start], v =>
                    new SpcChartPoint(i, s.Index,
                        Coordinate.Evaluate(PlotLeft + x.Frame.Band * (i + 0.5)),
                        YPosition.Evaluate(new SpcAt(x.Input.Values[i], x.Frame.Scale)),
                        v == SpcVariation.ImprovementHigh || v == SpcVariation.ImprovementLow ? SpcMarker.Improvement
                            : v == SpcVariation.ConcernHigh || v == SpcVariation.ConcernLow ? SpcMarker.Concern
                            : v == SpcVariation.NeutralHigh || v == SpcVariation.NeutralLow ? SpcMarker.Neutral
                            : SpcMarker.Normal,
                        ChartLabel.Evaluate(cause),
                        cause != SpcCause.None && (i == s.Start || s.Causes[i - s.Start - 1] != cause))))))
            .ToArray());

    public static readonly Rule<SpcChartParts, SpcChartLine[]> ChartLines = new(
        "chart-lines",
        RuleKind.OwnMethod,
        """
        The horizontal lines, segment by segment and across that segment's bands only: the mean and the upper and lower
        process limits (or the median of a run chart), and the target when one is set.
        """,
        OwnChart,
        x => Enumerable.Range(0, 4 * x.Input.Segments.Length)
            .Select(j => Expr.Let(x.Input.Segments[j / 4], s =>
                Expr.Let(Coordinate.Evaluate(PlotLeft + x.Frame.Band * s.Start), x1 =>
                Expr.Let(Coordinate.Evaluate(PlotLeft + x.Frame.Band * (s.Start + s.Values.Length)), x2 =>
                    j % 4 == 0 ? new SpcChartLine(s.RunChart ? SpcLineKind.Median : SpcLineKind.Mean, s.Index, x1, x2,
                            YPosition.Evaluate(new SpcAt(s.Centre, x.Frame.Scale)), s.RunChart ? "Median" : "Mean")
                        : j % 4 == 1 && !s.RunChart ? new SpcChartLine(SpcLineKind.UpperLimit, s.Index, x1, x2,
                            YPosition.Evaluate(new SpcAt(ShownLimit.Evaluate(new SpcShownLimit(s.Limits!.UpperLimit, x.Input.Settings.Minimum, x.Input.Settings.Maximum)), x.Frame.Scale)),
                            ShownLimit.Evaluate(new SpcShownLimit(s.Limits!.UpperLimit, x.Input.Settings.Minimum, x.Input.Settings.Maximum)) != s.Limits!.UpperLimit
                                ? "Upper process limit (above the largest possible value, drawn at it)" : "Upper process limit")
                        : j % 4 == 2 && !s.RunChart ? new SpcChartLine(SpcLineKind.LowerLimit, s.Index, x1, x2,
                            YPosition.Evaluate(new SpcAt(ShownLimit.Evaluate(new SpcShownLimit(s.Limits!.LowerLimit, x.Input.Settings.Minimum, x.Input.Settings.Maximum)), x.Frame.Scale)),
                            ShownLimit.Evaluate(new SpcShownLimit(s.Limits!.LowerLimit, x.Input.Settings.Minimum, x.Input.Settings.Maximum)) != s.Limits!.LowerLimit
                                ? "Lower process limit (below the smallest possible value, drawn at it)" : "Lower process limit")
                        : j % 4 == 3 && x.Input.Settings.Target.HasValue ? new SpcChartLine(SpcLineKind.Target, s.Index, x1, x2,
                            YPosition.Evaluate(new SpcAt(x.Input.Settings.Target.Value, x.Frame.Scale)), "Target")
                        : null))))
            .Where(l => l != null).Select(l => l!)
            .ToArray());

    public static readonly Rule<SpcChartInput, string> ChartDescription = new(
        "chart-description",
        RuleKind.OwnMethod,
        """
        The chart's text alternative: how many periods from when to when, in how many segments, how many points show
        special cause variation and of which kind, and the variation of the latest point.
        """,
        OwnChart,
        x => Expr.Let(new[]
            {
                x.Segments.Sum(s => s.Variations.Count(v => v == SpcVariation.ImprovementHigh || v == SpcVariation.ImprovementLow)),
                x.Segments.Sum(s => s.Variations.Count(v => v == SpcVariation.ConcernHigh || v == SpcVariation.ConcernLow)),
                x.Segments.Sum(s => s.Variations.Count(v => v == SpcVariation.NeutralHigh || v == SpcVariation.NeutralLow)),
            }, kinds =>
            Expr.Let(kinds[0] + kinds[1] + kinds[2], special =>
                "Chart of " + CountOfPeriods.Evaluate(new SpcCount(x.Values.Length, x.Settings.PeriodKind)) + " from " + x.Periods[0].Label
                + " to " + x.Periods[x.Values.Length - 1].Label
                + (x.Segments.Length > 1 ? ", in " + IntText.Evaluate(x.Segments.Length) + " segments with the limits recalculated at each rebase" : "") + ". "
                + (special == 0 ? "No point shows special cause variation."
                    : IntText.Evaluate(special) + (special == 1 ? " point shows" : " points show") + " special cause variation ("
                        + string.Join(", ", new[]
                            {
                                kinds[0] > 0 ? IntText.Evaluate(kinds[0]) + " improvement" : "",
                                kinds[1] > 0 ? IntText.Evaluate(kinds[1]) + " concern" : "",
                                kinds[2] > 0 ? IntText.Evaluate(kinds[2]) + " neither better nor worse" : "",
                            }.Where(t => t != "").ToArray())
                        + ").")
                + " Latest: " + x.LatestLabel + ".")));

    public static readonly Rule<SpcChartInput, SpcChart> Chart = new(
        "chart",
        RuleKind.OwnMethod,
        """
        The chart in a fixed 640 × 320 viewBox: one band per period across the plot, each point in the middle of its band;
        the y axis from the y scale; for each segment its mean and process limits (or its median, for a run chart) and the
        target, drawn across the segment's bands only, so lines break at a rebase; a mark at the left edge of the period
        where each change took effect; every special-cause point marked by kind (improvement, concern or neutral) with a
        short label on the first point of each run; period labels on at most 12 ticks; and a text description for readers
        who cannot see the chart.
        """,
        [Sources.SpcChartGeometry, Sources.MakingDataCount],
        x => Expr.Let(new SpcChartParts(x, ChartFrame.Evaluate(x)), parts =>
            new SpcChart(
                ChartWidth,
                ChartHeight,
                PlotLeft,
                PlotTop,
                PlotRight,
                PlotBottom,
                YTicks.Evaluate(parts.Frame.Scale),
                XTicks.Evaluate(parts),
                ChartPoints.Evaluate(parts),
                ChartLines.Evaluate(parts),
                x.Annotations.Select(a => Expr.Let(Coordinate.Evaluate(PlotLeft + parts.Frame.Band * a.Index), mark =>
                    Expr.Let(mark + MarkLabelGap + a.Label.Length * MarkLabelCharWidth > PlotRight, flip =>
                        new SpcChartMark(a.Index, a.Period, mark, a.Label, a.Rebase, flip ? mark - MarkLabelGap : mark + MarkLabelGap, flip ? "end" : "start")))).ToArray(),
                ChartDescription.Evaluate(x))));
}
