// The rules refer to rules and tables declared in other parts of this partial class. The compiler's nullable analysis of
// static field initialisers treats those fields as possibly null; they are not, because a rule only runs after every static
// field of the class is initialised.
#pragma warning disable CS8602, CS8604

namespace CqcGuide.Rules.ScoringModels;

/// <summary>Values of a segment and a centre line (the mean, or the median of a run chart).</summary>
public sealed record SpcCentred(double[] Values, double Centre);

/// <summary>Values of a segment with its limits.</summary>
public sealed record SpcLimited(double[] Values, SpcLimits Limits);

/// <summary>Moving ranges and whether outlier screening is on.</summary>
public sealed record SpcScreening(double[] MovingRanges, bool Screen);

/// <summary>The baseline values of a segment and whether to screen outlying moving ranges.</summary>
public sealed record SpcBaseline(double[] Values, bool Screen);

/// <summary>The side of each point and the run length (shift rule).</summary>
public sealed record SpcSides(int[] Side, int RunLength);

/// <summary>The values and the run length (trend rule).</summary>
public sealed record SpcRun(double[] Values, int RunLength);

/// <summary>Points near a limit and their sides (two-of-three rule).</summary>
public sealed record SpcNear(bool[] Near, int[] Side);

/// <summary>Which points are part of a trend (trend direction).</summary>
public sealed record SpcTrendPoints(double[] Values, bool[] Trend);

/// <summary>What the four rules found for one point.</summary>
public sealed record SpcPointRules(bool Outside, bool Trend, bool TwoOfThree, bool Shift, int Side, int TrendDirection);

/// <summary>A point's cause and the measure's improvement direction.</summary>
public sealed record SpcCauseAndDirection(SpcCause Cause, SpcDirection Direction);

/// <summary>A segment's limits, the target and the improvement direction (assurance).</summary>
public sealed record SpcTargetCheck(double? Target, SpcDirection Direction, double LowerLimit, double UpperLimit);

/// <summary>A segment's values, its limits and the run length (the four rules).</summary>
public sealed record SpcFlagInput(double[] Values, SpcLimits Limits, int RunLength);

/// <summary>Everything the rules found in one segment.</summary>
public sealed record SpcSegmentCalc(
    int Index,
    int Start,
    double[] Values,
    bool RunChart,
    int BaselineCount,
    double Centre,
    SpcLimits? Limits,
    SpcFlags Flags,
    SpcCause[] Causes,
    SpcVariation[] Variations,
    SpcAssurance Assurance);

// The XmR chart and the four special-cause rules, as NHSRplotthedots (ptd_spc_standard.R, ptd_calculate_point_type.R)
// computes them for one segment ("rebase group").
public sealed partial class Spc
{
    /// <summary>Segments with fewer points are shown as run charts (NHSRplotthedots' short-group threshold).</summary>
    public const int ShortSegment = 12;

    /// <summary>Points in a run for a shift or a trend, unless set to 6.</summary>
    public const int DefaultRunLength = 7;

    /// <summary>Process limits: mean ± 2.66 × average moving range (3 / 1.128).</summary>
    public const double LimitFactor = 2.66;

    /// <summary>"Close to a limit": beyond two thirds of the way from the mean to a limit (NHSRplotthedots: 2 * (2.66 / 3)).</summary>
    public const double NearFactor = 2 * (LimitFactor / 3);

    /// <summary>Moving ranges of at least 3.267 × their average are screened out of the limits.</summary>
    public const double ScreenFactor = 3.267;

    private const string MdcName = "NHS England's Making Data Count";
    private const string NhsrName = "the NHS-R community's NHSRplotthedots";

    public static readonly Rule<double[], double> Mean = new(
        "mean",
        RuleKind.Interpretation,
        """
        The mean of the values: their sum divided by their number, then corrected once by the mean of the differences
        from that first result (R's mean(), which NHSRplotthedots uses, makes the same second pass). The correction makes
        means of decimals such as 0.1, 0.2 and 0.3 come out as 0.2 exactly, so a point equal to the mean is seen as on it.
        """,
        [Sources.NhsrSpcStandard, Sources.RMean],
        xs => Expr.Let(xs.Sum() / xs.Length, first => first + xs.Select(x => x - first).Sum() / xs.Length),
        new("mean with one correction pass",
            "Making Data Count only says \"the mean\". R computes it with a correction pass (in extended precision); "
            + "CqcGuide makes the same pass in ordinary double precision, which agrees with R except in the last bits of rare cases."),
        MdcName);

    public static readonly Rule<double[], double[]> MovingRanges = new(
        "moving-ranges",
        RuleKind.Published,
        "The moving ranges: the absolute difference between each value and the one before it (one fewer than the values).",
        [Sources.MakingDataCount, Sources.NhsrSpcStandard],
        xs => xs.Length < 2 ? new double[0] : Enumerable.Range(1, xs.Length - 1).Select(i => Math.Abs(xs[i] - xs[i - 1])).ToArray(),
        null,
        MdcName);

    public static readonly Rule<double, bool> ScreeningNeedsVariation = new(
        "screening-needs-variation",
        RuleKind.Interpretation,
        """
        Outlying moving ranges are screened only when the average moving range is above zero. When every moving range of
        the baseline is zero (a constant baseline), none is screened out: the average moving range is zero and the limits
        sit on the mean, so any later value that differs from it is outside the limits.
        """,
        [Sources.NhsrSpcStandard],
        averageMovingRange => averageMovingRange > 0,
        new("constant baseline",
            "NHSRplotthedots keeps a moving range only if it is below 3.267 times the average; with an average of zero none is "
            + "below it, every range is dropped and the limits become undefined (NaN). Keeping them gives defined limits equal to the mean."),
        NhsrName);

    public static readonly Rule<SpcScreening, bool[]> ScreenMovingRanges = new(
        "screen-moving-ranges",
        RuleKind.Published,
        """
        Outlier screening (on by default): a moving range of 3.267 times the average moving range or more is left out, and
        the average is recalculated from the rest. A single unusual jump then does not widen the limits. Making Data
        Count's Excel tools do not screen; switch screening off to match them.
        """,
        [Sources.NhsrSpcStandard, Sources.NhsrDeviations],
        x => Expr.Let(Mean.Evaluate(x.MovingRanges), first =>
            x.MovingRanges.Select(r => !x.Screen || !ScreeningNeedsVariation.Evaluate(first) || r < ScreenFactor * first).ToArray()),
        null,
        NhsrName);

    public static readonly Rule<SpcBaseline, SpcLimits> ProcessLimits = new(
        "process-limits",
        RuleKind.Published,
        """
        The XmR chart of a baseline: the mean of the values; the average of the moving ranges (after screening); the process
        limits at the mean plus and minus 2.66 times the average moving range; and the "close to a limit" lines at the mean
        plus and minus two thirds of that distance (2 × 2.66 / 3 times the average moving range). The limits describe the
        variation the process produces by itself; they are not targets.
        """,
        [Sources.MakingDataCount, Sources.NhsrSpcStandard],
        b => Expr.Let(Mean.Evaluate(b.Values), mean =>
            Expr.Let(MovingRanges.Evaluate(b.Values), ranges =>
            Expr.Let(ScreenMovingRanges.Evaluate(new SpcScreening(ranges, b.Screen)), used =>
            Expr.Let(Mean.Evaluate(Enumerable.Range(0, ranges.Length).Where(i => used[i]).Select(i => ranges[i]).ToArray()), average =>
                new SpcLimits(
                    b.Values.Length,
                    mean,
                    ranges,
                    used,
                    average + 0.0,
                    used.Count(u => !u),
                    mean - LimitFactor * average + 0.0,
                    mean + LimitFactor * average + 0.0,
                    mean - NearFactor * average + 0.0,
                    mean + NearFactor * average + 0.0))))),
        null,
        MdcName);

    public static readonly Rule<SpcSegmentInput, int> SegmentBaseline = new(
        "segment-baseline",
        RuleKind.Interpretation,
        """
        How many points of a segment the mean and limits come from: all of them, or, when the limits are fixed after n
        points, the first n (all, if the segment is shorter). Later points are judged against the fixed limits. With
        rebases, every segment fixes its own limits after its first n points.
        """,
        [Sources.NhsrSpcStandard, Sources.NhsrPointsRequired],
        x => x.Settings.FixAfter.HasValue ? Math.Min(x.Settings.FixAfter.Value, x.Values.Length) : x.Values.Length,
        new("fix within each segment",
            "NHSRplotthedots fixes the limits of each rebase group after n points, but its options refuse rebasing and fixing "
            + "together (marked as a to-do in its code). CqcGuide allows both and applies the fix in every segment, as the group-by code does."),
        NhsrName);

    public static readonly Rule<SpcCentred, int[]> PointSide = new(
        "point-side",
        RuleKind.Interpretation,
        """
        Which side of the centre line each point is on: 1 above, -1 below, 0 exactly on it. A point exactly on the mean
        is on neither side, so it ends a run of points on one side (shift) and a group of three on one side (two of three).
        """,
        [Sources.NhsrSpcStandard, Sources.NhsrPointType],
        x => x.Values.Select(v => v > x.Centre ? 1 : v < x.Centre ? -1 : 0).ToArray(),
        new("a point on the mean breaks a run",
            "Making Data Count does not say how to count a point exactly on the mean. NHSRplotthedots uses the sign of the "
            + "difference from the mean, which is zero for such a point, so the point belongs to no run."),
        MdcName);

    public static readonly Rule<SpcLimited, bool[]> OutsideLimits = new(
        "outside-limits",
        RuleKind.Published,
        """
        Rule 1, a point outside the limits: the value is above the upper process limit or below the lower one. A value
        exactly on a limit is not outside it.
        """,
        [Sources.MakingDataCount, Sources.NhsrSpcStandard],
        x => x.Values.Select(v => v > x.Limits.UpperLimit || v < x.Limits.LowerLimit).ToArray(),
        null,
        MdcName);

    public static readonly Rule<SpcLimited, bool[]> NearLimit = new(
        "near-limit",
        RuleKind.Interpretation,
        """
        Which points are close to a limit: beyond the two-thirds line (above mean + 2 × 2.66 / 3 × average moving range, or
        below mean − the same) but not outside the limits. A point exactly on a limit is close to it; a point beyond a
        limit is not "close" (rule 1 flags it instead).
        """,
        [Sources.NhsrSpcStandard],
        x => x.Values.Select(v => !(v > x.Limits.UpperLimit || v < x.Limits.LowerLimit) && (v < x.Limits.LowerNear || v > x.Limits.UpperNear)).ToArray(),
        new("close means inside the limits",
            "Making Data Count speaks of points close to the limits. NHSRplotthedots counts only points between the two-thirds "
            + "line and the limit, so a point beyond a limit does not help make two of three; CqcGuide does the same."),
        MdcName);

    public static readonly Rule<SpcSides, bool[]> Shift = new(
        "shift",
        RuleKind.Published,
        """
        Rule 2, a shift: a run of 7 or more consecutive points all above the mean, or all below it (6 when the run length
        is set to 6). Every point of the run is special cause. Runs do not cross a rebase.
        """,
        [Sources.MakingDataCount, Sources.NhsrPointType],
        x => Expr.Let(x.Side.Length - x.RunLength + 1, windows =>
            Expr.Let(Enumerable.Range(0, Math.Max(0, windows))
                    .Select(s => x.Side[s] != 0 && Enumerable.Range(s + 1, x.RunLength - 1).All(j => x.Side[j] == x.Side[s])).ToArray(), runs =>
                Enumerable.Range(0, x.Side.Length)
                    .Select(i => Enumerable.Range(Math.Max(0, i - x.RunLength + 1), Math.Max(0, Math.Min(i, windows - 1) - Math.Max(0, i - x.RunLength + 1) + 1)).Any(s => runs[s]))
                    .ToArray())),
        null,
        MdcName);

    public static readonly Rule<SpcRun, bool[]> Trend = new(
        "trend",
        RuleKind.Published,
        """
        Rule 3, a trend: 7 or more consecutive points each higher than the one before, or each lower (6 when the run length
        is set to 6). Equal consecutive values break a trend. Every point of the trend is special cause, whichever side of
        the mean it is on.
        """,
        [Sources.MakingDataCount, Sources.NhsrPointType],
        x => Expr.Let(Enumerable.Range(0, x.Values.Length).Select(i => i == 0 ? 0 : x.Values[i] > x.Values[i - 1] ? 1 : x.Values[i] < x.Values[i - 1] ? -1 : 0).ToArray(), steps =>
            Expr.Let(x.Values.Length - x.RunLength + 1, windows =>
            Expr.Let(Enumerable.Range(0, Math.Max(0, windows))
                    .Select(s => steps[s + 1] != 0 && Enumerable.Range(s + 2, x.RunLength - 2).All(j => steps[j] == steps[s + 1])).ToArray(), runs =>
                Enumerable.Range(0, x.Values.Length)
                    .Select(i => Enumerable.Range(Math.Max(0, i - x.RunLength + 1), Math.Max(0, Math.Min(i, windows - 1) - Math.Max(0, i - x.RunLength + 1) + 1)).Any(s => runs[s]))
                    .ToArray()))),
        null,
        MdcName);

    public static readonly Rule<SpcTrendPoints, int[]> TrendDirection = new(
        "trend-direction",
        RuleKind.Interpretation,
        """
        Whether a point of a trend counts as rising (1) or falling (-1): the direction of the step to the next point when
        that point is part of a trend too, otherwise the step from the point before. A point where a rising trend turns
        into a falling one therefore counts with the trend that follows.
        """,
        [Sources.NhsrPointType],
        x => Enumerable.Range(0, x.Values.Length)
            .Select(i => Expr.Let(i == 0 ? 0 : x.Values[i] > x.Values[i - 1] ? 1 : x.Values[i] < x.Values[i - 1] ? -1 : 0, before =>
                Expr.Let(i + 1 < x.Values.Length ? (x.Values[i + 1] > x.Values[i] ? 1 : x.Values[i + 1] < x.Values[i] ? -1 : 0) : 0, after =>
                    !x.Trend[i] ? 0 : i + 1 < x.Values.Length && x.Trend[i + 1] && after != 0 ? after : before == 1 ? 1 : -1)))
            .ToArray(),
        new("direction at a turning point",
            "NHSRplotthedots takes the step to the next point when both are in a trend, else the step from the previous one, "
            + "and calls any step that is not a rise \"decreasing\". CqcGuide follows it, except that a flat step to the next point "
            + "(which can only join two separate trends) falls back to the step into the point, which is never flat."),
        NhsrName);

    public static readonly Rule<SpcNear, bool[]> TwoOfThree = new(
        "two-of-three",
        RuleKind.Published,
        """
        Rule 4, two of three close to a limit: in any three consecutive points all on the same side of the mean, two or
        three are close to the limit on that side. The close points are special cause (the third point is not).
        """,
        [Sources.MakingDataCount, Sources.NhsrPointType],
        x => Expr.Let(Enumerable.Range(0, Math.Max(0, x.Near.Length - 2))
                .Select(w => Enumerable.Range(w, 3).Count(j => x.Near[j]) >= 2 && Math.Abs(x.Side[w] + x.Side[w + 1] + x.Side[w + 2]) == 3).ToArray(), groups =>
            Enumerable.Range(0, x.Near.Length)
                .Select(i => x.Near[i] && Enumerable.Range(Math.Max(0, i - 2), Math.Max(0, Math.Min(i, groups.Length - 1) - Math.Max(0, i - 2) + 1)).Any(w => groups[w]))
                .ToArray()),
        null,
        MdcName);

    public static readonly Rule<SpcPointRules, SpcCause> SpecialCauseType = new(
        "special-cause-type",
        RuleKind.Published,
        """
        A point is special cause if any of the four rules fired, otherwise common cause. Its cause is the first rule that
        fired in this order: outside the limits (above or below, by its side of the mean), trend (rising or falling), two of
        three (by its side of the mean), shift (by its side of the mean).
        """,
        [Sources.NhsrPointType],
        x => x.Outside ? (x.Side == 1 ? SpcCause.AboveUpperLimit : SpcCause.BelowLowerLimit)
            : x.Trend ? (x.TrendDirection == 1 ? SpcCause.TrendUp : SpcCause.TrendDown)
            : x.TwoOfThree ? (x.Side > 0 ? SpcCause.TwoOfThreeHigh : SpcCause.TwoOfThreeLow)
            : x.Shift ? (x.Side > 0 ? SpcCause.ShiftHigh : SpcCause.ShiftLow)
            : SpcCause.None,
        null,
        NhsrName);

    public static readonly Rule<SpcCauseAndDirection, SpcVariation> VariationType = new(
        "variation-type",
        RuleKind.Published,
        """
        Improvement or concern: a special-cause point that is high (above the upper limit, in a rising trend, or above the
        mean in two of three or a shift) is improvement when higher is better and concern when lower is better; a low one
        the other way round. When the direction is neutral it is special cause variation, high or low, neither good nor bad.
        """,
        [Sources.MakingDataCount, Sources.NhsrPointType],
        x => x.Cause == SpcCause.None
            ? SpcVariation.CommonCause
            : Expr.Let(x.Cause == SpcCause.AboveUpperLimit || x.Cause == SpcCause.TrendUp || x.Cause == SpcCause.TwoOfThreeHigh || x.Cause == SpcCause.ShiftHigh, high =>
                x.Direction == SpcDirection.Neutral ? (high ? SpcVariation.NeutralHigh : SpcVariation.NeutralLow)
                : x.Direction == SpcDirection.Increase ? (high ? SpcVariation.ImprovementHigh : SpcVariation.ConcernLow)
                : high ? SpcVariation.ConcernHigh : SpcVariation.ImprovementLow),
        null,
        MdcName);

    public static readonly Rule<SpcTargetCheck, SpcAssurance> Assurance = new(
        "assurance",
        RuleKind.Published,
        """
        Assurance against a target (only when a target is set and a direction is better): a target beyond the upper process
        limit will be consistently missed when higher is better (consistently met when lower is better); a target below the
        lower limit the other way round; a target between the limits, or exactly on one, will be hit and miss.
        """,
        [Sources.MakingDataCount, Sources.NhsrAssurance],
        x => !x.Target.HasValue || x.Direction == SpcDirection.Neutral
            ? SpcAssurance.None
            : x.Target.Value > x.UpperLimit
                ? (x.Direction == SpcDirection.Increase ? SpcAssurance.ConsistentlyFail : SpcAssurance.ConsistentlyPass)
                : x.Target.Value < x.LowerLimit
                    ? (x.Direction == SpcDirection.Increase ? SpcAssurance.ConsistentlyPass : SpcAssurance.ConsistentlyFail)
                    : SpcAssurance.HitAndMiss,
        null,
        NhsrName);

    public static readonly Rule<int, bool> TooFewForLimits = new(
        "too-few-for-limits",
        RuleKind.Interpretation,
        """
        A segment with fewer than 12 points gets no process limits: it is shown as a run chart with its median, its points
        are not judged, and a warning says so. Making Data Count suggests 15 to 20 points for reliable limits.
        """,
        [Sources.NhsrShortGroups, Sources.NhsrPointsRequired, Sources.MakingDataCount],
        count => count < ShortSegment,
        new("run chart below 12 points",
            "NHSRplotthedots warns about groups of fewer than 12 points but still draws trial limits and flags points. CqcGuide "
            + "shows a run chart with the median instead, so limits from a handful of points are never read as a finding."),
        MdcName);

    public static readonly Rule<double[], double> Median = new(
        "median",
        RuleKind.Published,
        """
        The median of a run chart: the middle value when the values are put in order, or the mean of the two middle values
        when there is an even number of them.
        """,
        [Sources.MakingDataCount],
        xs => Expr.Let(xs.Select(v => xs.Count(w => w < v)).ToArray(), below =>
            Expr.Let(xs.Select(v => xs.Count(w => w <= v)).ToArray(), upTo =>
                Expr.Let(Enumerable.Range(0, xs.Length).Where(i => below[i] <= (xs.Length - 1) / 2 && (xs.Length - 1) / 2 < upTo[i]).Select(i => xs[i]).FirstOrDefault(), lower =>
                    xs.Length % 2 == 1
                        ? lower
                        : Mean.Evaluate(new[] { lower, Enumerable.Range(0, xs.Length).Where(i => below[i] <= xs.Length / 2 && xs.Length / 2 < upTo[i]).Select(i => xs[i]).FirstOrDefault() })))),
        null,
        MdcName);

    public static readonly Rule<SpcFlagInput, SpcFlags> SegmentFlags = new(
        "segment-flags",
        RuleKind.Published,
        """
        Applies the four rules to every point of a segment against its mean and limits: outside the limits, shift, trend
        and two of three close to a limit, with each point's side of the mean and the direction of any trend it is in.
        """,
        [Sources.MakingDataCount, Sources.NhsrPointType],
        x => Expr.Let(PointSide.Evaluate(new SpcCentred(x.Values, x.Limits.Mean)), side =>
            Expr.Let(NearLimit.Evaluate(new SpcLimited(x.Values, x.Limits)), near =>
            Expr.Let(Trend.Evaluate(new SpcRun(x.Values, x.RunLength)), trend =>
                new SpcFlags(
                    side,
                    OutsideLimits.Evaluate(new SpcLimited(x.Values, x.Limits)),
                    near,
                    Shift.Evaluate(new SpcSides(side, x.RunLength)),
                    trend,
                    TwoOfThree.Evaluate(new SpcNear(near, side)),
                    TrendDirection.Evaluate(new SpcTrendPoints(x.Values, trend)))))),
        null,
        MdcName);

    public static readonly Rule<SpcSegmentInput, SpcSegmentCalc> RunChartSegment = new(
        "run-chart-segment",
        RuleKind.OwnMethod,
        """
        A segment with too few points: a run chart with the median as its centre line. No rule is applied and no point
        is judged; with a target, assurance waits for 12 points.
        """,
        [Sources.MakingDataCount, Sources.NhsrPointsRequired],
        x => Expr.Let(Median.Evaluate(x.Values), median =>
            new SpcSegmentCalc(x.Index, x.Start, x.Values, true, x.Values.Length, median, null,
                new SpcFlags(PointSide.Evaluate(new SpcCentred(x.Values, median)), x.Values.Select(v => false).ToArray(), x.Values.Select(v => false).ToArray(),
                    x.Values.Select(v => false).ToArray(), x.Values.Select(v => false).ToArray(), x.Values.Select(v => false).ToArray(), x.Values.Select(v => 0).ToArray()),
                x.Values.Select(v => SpcCause.None).ToArray(),
                x.Values.Select(v => SpcVariation.TooFewPoints).ToArray(),
                x.Settings.Target.HasValue && x.Settings.Direction != SpcDirection.Neutral ? SpcAssurance.TooFewPoints : SpcAssurance.None)));

    public static readonly Rule<SpcSegmentInput, SpcSegmentCalc> XmrSegment = new(
        "xmr-segment",
        RuleKind.Published,
        """
        A segment with enough points: the mean and process limits from its baseline, every point of the segment judged
        against them by the four rules, each special-cause point classed as improvement, concern or neutral, and the
        assurance against the target.
        """,
        [Sources.MakingDataCount, Sources.NhsrSpcStandard, Sources.NhsrPointType],
        x => Expr.Let(SegmentBaseline.Evaluate(x), baseline =>
            Expr.Let(ProcessLimits.Evaluate(new SpcBaseline(Enumerable.Range(0, baseline).Select(i => x.Values[i]).ToArray(), x.Settings.ScreenOutliers)), limits =>
            Expr.Let(SegmentFlags.Evaluate(new SpcFlagInput(x.Values, limits, x.Settings.RunLength)), flags =>
            Expr.Let(Enumerable.Range(0, x.Values.Length)
                    .Select(i => SpecialCauseType.Evaluate(new SpcPointRules(flags.Outside[i], flags.Trend[i], flags.TwoOfThree[i], flags.Shift[i], flags.Side[i], flags.TrendDirection[i])))
                    .ToArray(), causes =>
                new SpcSegmentCalc(x.Index, x.Start, x.Values, false, baseline, limits.Mean, limits, flags, causes,
                    causes.Select(c => VariationType.Evaluate(new SpcCauseAndDirection(c, x.Settings.Direction))).ToArray(),
                    Assurance.Evaluate(new SpcTargetCheck(x.Settings.Target, x.Settings.Direction, limits.LowerLimit, limits.UpperLimit))))))),
        null,
        MdcName);

    public static readonly Rule<SpcSegmentInput, SpcSegmentCalc> AnalyseSegment = new(
        "analyse-segment",
        RuleKind.OwnMethod,
        """
        Analyses one segment (the whole series, or the points from one rebase to the next): a run chart when it has too
        few points for limits, otherwise the XmR chart and the four rules.
        """,
        [Sources.MakingDataCount, Sources.NhsrShortGroups],
        x => TooFewForLimits.Evaluate(x.Values.Length) ? RunChartSegment.Evaluate(x) : XmrSegment.Evaluate(x));
}
