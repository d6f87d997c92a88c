// The rules refer to rules and tables declared in other parts of this partial class. The compiler's nullable analysis of
// static field initialisers treats those fields as possibly null; they are not, because a rule only runs after every static
// field of the class is initialised.
#pragma warning disable CS8602, CS8604

namespace CqcGuide.Rules.ScoringModels;

/// <summary>What the plain-language reading of one segment needs.</summary>
public sealed record SpcReadingInput(
    SpcSegmentCalc Segment,
    SpcSegmentCalc? Previous,
    string FirstLabel,
    string LastLabel,
    string ChangeLabel,
    SpcSettings Settings);

/// <summary>A cause and the run length (for its words).</summary>
public sealed record SpcCauseText(SpcCause Cause, int RunLength);

/// <summary>A count and the kind of period (for "8 months").</summary>
public sealed record SpcCount(int Count, SpcPeriodKind Kind);

// Labels and plain-language readings, computed by the rules so that the site, the command line and the browser say the
// same words.
public sealed partial class Spc
{
    public static readonly Rule<SpcVariation, string> VariationLabel = new(
        "variation-label",
        RuleKind.OwnMethod,
        "The words shown for each Making Data Count variation icon (common cause, improvement, concern, neutral).",
        [Sources.MakingDataCount],
        v => v == SpcVariation.CommonCause ? "Common cause variation"
            : v == SpcVariation.ImprovementHigh ? "Special cause improvement (higher values)"
            : v == SpcVariation.ImprovementLow ? "Special cause improvement (lower values)"
            : v == SpcVariation.ConcernHigh ? "Special cause concern (higher values)"
            : v == SpcVariation.ConcernLow ? "Special cause concern (lower values)"
            : v == SpcVariation.NeutralHigh ? "Special cause variation (higher values, neither better nor worse)"
            : v == SpcVariation.NeutralLow ? "Special cause variation (lower values, neither better nor worse)"
            : v == SpcVariation.TooFewPoints ? "Too few points to judge (fewer than 12)"
            : "No analysis");

    public static readonly Rule<SpcAssurance, string> AssuranceLabel = new(
        "assurance-label",
        RuleKind.OwnMethod,
        "The words shown for each Making Data Count assurance icon (pass, fail, hit and miss).",
        [Sources.MakingDataCount],
        a => a == SpcAssurance.ConsistentlyPass ? "Consistently passing the target"
            : a == SpcAssurance.ConsistentlyFail ? "Consistently failing the target"
            : a == SpcAssurance.HitAndMiss ? "Hit and miss: the target lies within the process limits"
            : a == SpcAssurance.TooFewPoints ? "Too few points to assess the target (fewer than 12)"
            : "Not assessed (no target, or no better direction)");

    public static readonly Rule<SpcCauseText, string> CauseLabel = new(
        "cause-label",
        RuleKind.OwnMethod,
        "The words for why a point is special cause (\"\" for a common-cause point).",
        [Sources.MakingDataCount],
        x => Expr.Let(x.Cause, c =>
            c == SpcCause.AboveUpperLimit ? "Above the upper process limit"
            : c == SpcCause.BelowLowerLimit ? "Below the lower process limit"
            : c == SpcCause.TrendUp ? "Part of a rising trend of " + IntText.Evaluate(x.RunLength) + " or more points"
            : c == SpcCause.TrendDown ? "Part of a falling trend of " + IntText.Evaluate(x.RunLength) + " or more points"
            : c == SpcCause.TwoOfThreeHigh ? "Two of three points close to the upper process limit"
            : c == SpcCause.TwoOfThreeLow ? "Two of three points close to the lower process limit"
            : c == SpcCause.ShiftHigh ? "Part of a run of " + IntText.Evaluate(x.RunLength) + " or more points above the mean"
            : c == SpcCause.ShiftLow ? "Part of a run of " + IntText.Evaluate(x.RunLength) + " or more points below the mean"
            : ""));

    public static readonly Rule<SpcCause, string> ChartLabel = new(
        "chart-label",
        RuleKind.OwnMethod,
        """
        The short label a chart writes next to a special-cause point, so the chart reads without colour: "Outside limit",
        "Trend", "2 of 3" or "Shift" ("" for a common-cause point).
        """,
        [Sources.MakingDataCount],
        c => c == SpcCause.AboveUpperLimit || c == SpcCause.BelowLowerLimit ? "Outside limit"
            : c == SpcCause.TrendUp || c == SpcCause.TrendDown ? "Trend"
            : c == SpcCause.TwoOfThreeHigh || c == SpcCause.TwoOfThreeLow ? "2 of 3"
            : c == SpcCause.ShiftHigh || c == SpcCause.ShiftLow ? "Shift"
            : "");

    public static readonly Rule<SpcCount, string> CountOfPeriods = new(
        "count-of-periods",
        RuleKind.OwnMethod,
        "A number of periods in words: \"1 month\", \"8 months\", \"3 quarters\".",
        OwnReading,
        x => IntText.Evaluate(x.Count) + " " + PeriodKindName.Evaluate(x.Kind) + Plural.Evaluate(x.Count));

    public static readonly Rule<SpcReadingInput, string> AgainstPreviousReading = new(
        "against-previous-mean",
        RuleKind.Interpretation,
        """
        After a rebase, the new segment is also read against the previous segment's mean (or median): how many of the
        latest points in a row are on the same side of it. A run of 7 or more (the run length) is read as a sustained
        change, an improvement or a deterioration according to the direction; a shorter run says how many more are needed.
        """,
        [Sources.MakingDataCount, Sources.NhsrRebase],
        x => x.Previous == null
            ? ""
            : Expr.Let(x.Segment.Values, values =>
                Expr.Let(x.Previous!.Centre, centre =>
                Expr.Let(x.Previous.RunChart ? "median" : "mean", name =>
                Expr.Let(values[values.Length - 1] > centre ? 1 : values[values.Length - 1] < centre ? -1 : 0, side =>
                Expr.Let(Enumerable.Range(0, values.Length).Where(k => !(values[values.Length - 1 - k] > centre ? side == 1 : values[values.Length - 1 - k] < centre ? side == -1 : side == 0))
                        .Select(k => (int?)k).FirstOrDefault() ?? values.Length, run =>
                    "Since " + x.FirstLabel + (x.ChangeLabel == "" ? "" : " (" + x.ChangeLabel + ")") + ", "
                    + (side == 0
                        ? "the latest value equals the previous " + name + "."
                        : run >= x.Settings.RunLength
                            ? (run == values.Length ? "all " : "the last ") + CountOfPeriods.Evaluate(new SpcCount(run, x.Settings.PeriodKind)) + " have been "
                                + (side > 0 ? "above" : "below") + " the previous " + name + ": a sustained "
                                + (x.Settings.Direction == SpcDirection.Neutral ? "change"
                                    : (side > 0) == (x.Settings.Direction == SpcDirection.Increase) ? "improvement" : "deterioration") + "."
                            : (run == 1 ? "the latest value is " : "the latest " + CountOfPeriods.Evaluate(new SpcCount(run, x.Settings.PeriodKind)) + " are ")
                                + (side > 0 ? "above" : "below") + " the previous " + name + "; " + IntText.Evaluate(x.Settings.RunLength)
                                + " in a row would show a sustained change.")))))),
        new("reading against the previous mean",
            "Making Data Count advises recalculating limits only after a change with evidence of a sustained shift, but does not "
            + "say how to describe the new period against the old one. CqcGuide applies the shift rule's run length to the previous mean."),
        MdcName);

    public static readonly Rule<SpcSegmentCalc, int[]> LatestRuns = new(
        "latest-runs",
        RuleKind.OwnMethod,
        """
        How long the runs ending at a segment's latest point are: [points in a row on the same side of the mean, points
        in a row rising (or falling, as the trend at the latest point goes)], for the reading.
        """,
        [Sources.MakingDataCount],
        c => Expr.Let(c.Values.Length - 1, last =>
            new[]
            {
                Enumerable.Range(0, c.Values.Length).Where(k => c.Flags.Side[last - k] != c.Flags.Side[last]).Select(k => (int?)k).FirstOrDefault() ?? c.Values.Length,
                Enumerable.Range(1, last)
                    .Where(k => !(c.Flags.TrendDirection[last] > 0 ? c.Values[last - k + 1] > c.Values[last - k] : c.Values[last - k + 1] < c.Values[last - k]))
                    .Select(k => (int?)k).FirstOrDefault() ?? c.Values.Length,
            }));

    public static readonly Rule<SpcReadingInput, string> LatestPointReading = new(
        "latest-point-reading",
        RuleKind.OwnMethod,
        """
        What the latest point of a segment shows, in words: common cause, or special cause improvement, concern or
        variation with the rule that fired (above or below a limit, the end of a rising or falling trend of n points, two of
        the last three close to a limit, the end of a run of n points above or below the mean). A run chart says it has too
        few points for limits.
        """,
        [Sources.MakingDataCount, Sources.NhsrPointType],
        x => Expr.Let(x.Segment.Values.Length - 1, last =>
            Expr.Let(x.Segment.Causes[last], cause =>
            Expr.Let(LatestRuns.Evaluate(x.Segment), runs =>
                x.Segment.RunChart
                    ? "There " + (last == 0 ? "is " : "are ") + CountOfPeriods.Evaluate(new SpcCount(last + 1, x.Settings.PeriodKind))
                        + (x.Previous != null ? " since the change" : "") + ": too few for process limits (12 are needed), so the chart shows the median and no signal is judged yet."
                    : cause == SpcCause.None
                        ? "The latest value (" + x.LastLabel + ") shows common cause variation: it is within the process limits and part of no signal."
                        : "The latest value (" + x.LastLabel + ") shows special cause "
                            + (x.Settings.Direction == SpcDirection.Neutral ? "variation"
                                : x.Segment.Variations[last] == SpcVariation.ImprovementHigh || x.Segment.Variations[last] == SpcVariation.ImprovementLow ? "improvement" : "concern")
                            + ": "
                            + (cause == SpcCause.AboveUpperLimit ? "it is above the upper process limit."
                                : cause == SpcCause.BelowLowerLimit ? "it is below the lower process limit."
                                : cause == SpcCause.TrendUp || cause == SpcCause.TrendDown
                                    ? "it ends a " + (cause == SpcCause.TrendUp ? "rising" : "falling") + " trend of " + IntText.Evaluate(runs[1]) + " points."
                                : cause == SpcCause.TwoOfThreeHigh || cause == SpcCause.TwoOfThreeLow
                                    ? "two of the last three points are close to the " + (cause == SpcCause.TwoOfThreeHigh ? "upper" : "lower") + " process limit."
                                : "it ends a run of " + IntText.Evaluate(runs[0]) + " points " + (x.Segment.Flags.Side[last] > 0 ? "above" : "below") + " the mean.")))));

    public static readonly Rule<SpcAssurance, string> AssuranceReading = new(
        "assurance-reading",
        RuleKind.OwnMethod,
        "What the assurance against the target means, in words (\"\" when there is no target or no better direction).",
        [Sources.MakingDataCount, Sources.NhsrAssurance],
        a => a == SpcAssurance.ConsistentlyPass
                ? "The target lies outside the process limits on the better side: as things stand, the process will meet it every time."
            : a == SpcAssurance.ConsistentlyFail
                ? "The target lies outside the process limits on the worse side: the process will not meet it unless the process itself changes."
            : a == SpcAssurance.HitAndMiss
                ? "The target lies within the process limits: the process will meet it some of the time and miss it some of the time (hit and miss)."
            : a == SpcAssurance.TooFewPoints
                ? "Whether the target will be met can be judged from 12 points."
            : "");

    public static readonly Rule<SpcReadingInput, string> SegmentReading = new(
        "segment-reading",
        RuleKind.OwnMethod,
        """
        The plain-language reading of a segment's latest state: against the previous segment (after a rebase); what the
        latest point shows; and, with a target, what the limits say about meeting it.
        """,
        [Sources.MakingDataCount, Sources.NhsrPointType],
        x => Expr.Let(AgainstPreviousReading.Evaluate(x), previous =>
            Expr.Let(AssuranceReading.Evaluate(x.Segment.Assurance), target =>
                (previous == "" ? "" : previous + " ") + LatestPointReading.Evaluate(x) + (target == "" ? "" : " " + target))));
}
