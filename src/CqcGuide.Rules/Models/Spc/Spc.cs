// The rules refer to rules and tables declared in other parts of this partial class. The compiler's nullable analysis of
// static field initialisers treats those fields as possibly null; they are not, because a rule only runs after every static
// field of the class is initialised.
#pragma warning disable CS8602, CS8604

namespace CqcGuide.Rules.ScoringModels;

/// <summary>The checked input: the settings in force, the series and every error found.</summary>
public sealed record SpcPrepared(SpcSettings Settings, SpcSeries Series, SpcMessage[] Errors);

/// <summary>A checked series, its settings and the analysis of its segments (empty before they are analysed).</summary>
public sealed record SpcAssembly(SpcSeries Series, SpcSettings Settings, SpcSegmentCalc[] Calcs);

/// <summary>
/// <c>spc</c>: statistical process control of a measure with NHS England's Making Data Count XmR charts, as NHSRplotthedots
/// computes them: validation of the series, the mean and process limits per segment, the four special-cause rules,
/// variation and assurance, a plain-language reading and the chart geometry. Its JavaScript entry point is
/// <c>analyse(input)</c>; in .NET call <see cref="Analyse"/>, and write the result with <see cref="SpcReport.ToJson"/>.
/// </summary>
public sealed partial class Spc : RuleModel
{
    public const string ModelId = "spc";
    public const string ModelVersion = "1.1.0";
    public const string NoticeText = "Statistical process control of your own data (NHS England's Making Data Count method) — not a CQC rating";

    private static readonly ModelRef ModelReference = new(ModelId, ModelVersion);

    public static readonly Rule<SpcInput, SpcPrepared> Prepare = new(
        "prepare",
        RuleKind.OwnMethod,
        """
        Reads and checks the settings, then the series (CSV text when given, otherwise the rows) and the changes. When the
        period kind itself is wrong the periods are not checked (every row would fail for the same reason).
        """,
        [Sources.SpcInputFormat],
        x => Expr.Let(CheckSettings.Evaluate(x), settingsCheck =>
            Expr.Let(x.Csv != null ? ReadCsv.Evaluate(x.Csv) : ReadRows.Evaluate(x.Rows ?? new SpcRow[0]), table =>
            Expr.Let(settingsCheck.Errors.All(e => e.Code != "SPC001")
                    ? CheckSeries.Evaluate(new SpcCheckInput(table, settingsCheck.Settings, x.Annotations ?? new SpcAnnotation[0],
                        TrimBlanks.Evaluate(x.Minimum ?? ""), TrimBlanks.Evaluate(x.Maximum ?? "")))
                    : new SpcSeries(table.Cells, new SpcPeriod[0], new double[0], new int[0], new string[0], new SpcMessage[0], new SpcMessage[0], new SpcChartAnnotationInput[0]), series =>
                new SpcPrepared(settingsCheck.Settings, series, settingsCheck.Errors.Concat(table.Errors).Concat(series.Errors).ToArray())))));

    public static readonly Rule<SpcAssembly, SpcSegmentCalc[]> AnalyseSegments = new(
        "analyse-segments",
        RuleKind.Published,
        """
        Rebasing: the series is split into segments at each change marked as a rebase (a segment runs from one rebase to
        the next), and each segment gets its own mean and limits. Shifts, trends and two of three never run across a rebase.
        """,
        [Sources.MakingDataCount, Sources.NhsrRebase],
        x => Enumerable.Range(0, x.Series.Starts.Length)
            .Select(s => Expr.Let(s + 1 < x.Series.Starts.Length ? x.Series.Starts[s + 1] : x.Series.Values.Length, end =>
                AnalyseSegment.Evaluate(new SpcSegmentInput(s, x.Series.Starts[s],
                    Enumerable.Range(x.Series.Starts[s], end - x.Series.Starts[s]).Select(i => x.Series.Values[i]).ToArray(), x.Settings))))
            .ToArray(),
        null,
        MdcName);

    public static readonly Rule<SpcAssembly, SpcPoint[]> BuildPoints = new(
        "build-points",
        RuleKind.OwnMethod,
        """
        One entry per point: period, value, segment, whether it is part of the baseline, its moving range and whether that
        went into the average, its side of the centre line, which of the four rules fired, its cause and its variation.
        """,
        [Sources.MakingDataCount],
        x => Enumerable.Range(0, x.Series.Values.Length)
            .Select(i => Expr.Let(x.Calcs[x.Series.Starts.Count(start => start <= i) - 1], c =>
                Expr.Let(i - c.Start, j =>
                    new SpcPoint(
                        i,
                        x.Series.Periods[i].Text,
                        x.Series.Periods[i].Label,
                        x.Series.Values[i],
                        c.Index,
                        j < c.BaselineCount,
                        j == 0 ? null : Math.Abs(x.Series.Values[i] - x.Series.Values[i - 1]),
                        !c.RunChart && j >= 1 && j < c.BaselineCount && c.Limits!.MovingRangeUsed[j - 1],
                        c.Flags.Side[j],
                        c.Flags.Outside[j],
                        c.Flags.Near[j],
                        c.Flags.Shift[j],
                        c.Flags.Trend[j],
                        c.Flags.TwoOfThree[j],
                        c.Causes[j] != SpcCause.None,
                        c.Causes[j],
                        CauseLabel.Evaluate(new SpcCauseText(c.Causes[j], x.Settings.RunLength)),
                        c.Variations[j],
                        VariationLabel.Evaluate(c.Variations[j])))))
            .ToArray());

    public static readonly Rule<SpcAssembly, SpcSegment[]> BuildSegments = new(
        "build-segments",
        RuleKind.OwnMethod,
        """
        One entry per segment: its periods, the change that started it, whether it is a run chart, its baseline, mean (or
        median), average moving range, limits, how many points are common cause, improvement, concern or neutral, the
        variation of its latest point, its assurance and its reading.
        """,
        [Sources.MakingDataCount],
        x => Enumerable.Range(0, x.Calcs.Length)
            .Select(s => Expr.Let(x.Calcs[s], c =>
                Expr.Let(c.Variations[c.Values.Length - 1], latest =>
                    new SpcSegment(
                        s,
                        c.Start,
                        c.Values.Length,
                        x.Series.Periods[c.Start].Text,
                        x.Series.Periods[c.Start + c.Values.Length - 1].Text,
                        x.Series.StartLabels[s] == "" ? null : x.Series.StartLabels[s],
                        c.RunChart,
                        c.BaselineCount,
                        c.RunChart ? null : c.Limits!.Mean,
                        c.RunChart ? c.Centre : null,
                        c.RunChart ? null : c.Limits!.MovingRangeMean,
                        c.RunChart ? 0 : c.Limits!.MovingRangesExcluded,
                        c.RunChart ? null : c.Limits!.LowerLimit,
                        c.RunChart ? null : c.Limits!.UpperLimit,
                        c.RunChart ? null : c.Limits!.LowerNear,
                        c.RunChart ? null : c.Limits!.UpperNear,
                        c.Variations.Count(v => v == SpcVariation.CommonCause),
                        c.Variations.Count(v => v == SpcVariation.ImprovementHigh || v == SpcVariation.ImprovementLow),
                        c.Variations.Count(v => v == SpcVariation.ConcernHigh || v == SpcVariation.ConcernLow),
                        c.Variations.Count(v => v == SpcVariation.NeutralHigh || v == SpcVariation.NeutralLow),
                        latest,
                        VariationLabel.Evaluate(latest),
                        c.Assurance,
                        AssuranceLabel.Evaluate(c.Assurance),
                        SegmentReading.Evaluate(new SpcReadingInput(c, s == 0 ? null : x.Calcs[s - 1],
                            x.Series.Periods[c.Start].Label, x.Series.Periods[c.Start + c.Values.Length - 1].Label, x.Series.StartLabels[s], x.Settings))))))
            .ToArray());

    public static readonly Rule<SpcAssembly, SpcMessage[]> ShortSegmentWarnings = new(
        "short-segment-warnings",
        RuleKind.OwnMethod,
        "A warning (SPC050) for each segment shown as a run chart because it has fewer than 12 points.",
        [Sources.NhsrShortGroups],
        x => x.Calcs.Where(c => c.RunChart)
            .Select(c => new SpcMessage("SPC050", "series", c.Start, x.Series.Cells[c.Start].Line, x.Series.Cells[c.Start].PeriodColumn,
                (x.Calcs.Length == 1 ? "The series has " : "The segment from " + x.Series.Periods[c.Start].Label + " has ")
                + CountOfPeriods.Evaluate(new SpcCount(c.Values.Length, x.Settings.PeriodKind))
                + ": fewer than 12, so it is shown as a run chart with its median and no process limits, and its points are not judged."))
            .ToArray());

    public static readonly Rule<SpcInput, SpcResult> AnalyseSeries = new(
        "analyse",
        RuleKind.OwnMethod,
        """
        Reads and checks the settings and the series (CSV text or rows); if anything is wrong, returns every problem and no
        analysis. Otherwise splits the series into segments at each rebase, analyses each segment (XmR chart and the four
        rules, or a run chart when it has fewer than 12 points), and returns every point with the rules that fired, every
        segment with its mean, limits, counts, icons and reading, the summary of the latest point, warnings, and the chart.
        """,
        [Sources.MakingDataCount, Sources.NhsrPlotTheDots],
        x => Expr.Let(Prepare.Evaluate(x), prepared =>
            prepared.Errors.Length > 0
                ? new SpcResult(ModelReference, NoticeText, false, prepared.Errors, prepared.Series.Warnings, prepared.Settings, new SpcPoint[0], new SpcSegment[0],
                    new SpcSummary(null, SpcVariation.None, VariationLabel.Evaluate(SpcVariation.None), SpcAssurance.None, AssuranceLabel.Evaluate(SpcAssurance.None),
                        "The series has problems to correct before it can be analysed."),
                    null)
                : Expr.Let(AnalyseSegments.Evaluate(new SpcAssembly(prepared.Series, prepared.Settings, new SpcSegmentCalc[0])), calcs =>
                    Expr.Let(new SpcAssembly(prepared.Series, prepared.Settings, calcs), assembly =>
                    Expr.Let(BuildSegments.Evaluate(assembly), segments =>
                    Expr.Let(segments[segments.Length - 1], last =>
                        new SpcResult(
                            ModelReference,
                            NoticeText,
                            true,
                            prepared.Errors,
                            prepared.Series.Warnings.Concat(ShortSegmentWarnings.Evaluate(assembly)).ToArray(),
                            prepared.Settings,
                            BuildPoints.Evaluate(assembly),
                            segments,
                            new SpcSummary(prepared.Series.Periods[prepared.Series.Periods.Length - 1].Text, last.Variation, last.VariationLabel,
                                last.Assurance, last.AssuranceLabel, last.Reading),
                            Chart.Evaluate(new SpcChartInput(prepared.Series.Periods, prepared.Series.Values, calcs, prepared.Series.Annotations,
                                prepared.Settings, last.VariationLabel)))))))));

    private Spc()
        : base(new ModelDescriptor
        {
            Id = ModelId,
            Version = ModelVersion,
            Title = "Statistical process control (Making Data Count XmR charts)",
            Summary = "Judges whether a measure has changed, with NHS England's Making Data Count method: an XmR chart (mean and process "
                + "limits from the average moving range) and four rules for special cause variation, as the NHS-R community's "
                + "NHSRplotthedots package computes them. Not a CQC method: CqcGuide uses it to show whether a change made after "
                + "learning from failure worked. Where the published method is silent, the rules name CqcGuide's interpretation.",
            IsCqcMethod = false,
            Entry = new("analyse", AnalyseSeries),
            Rules =
            [
                AnalyseSeries, Prepare, AnalyseSegments, BuildPoints, BuildSegments, ShortSegmentWarnings,
                // reading and checking the input
                CheckSettings, SettingsText, ReadCsv, CsvLines, CsvField, ReadRows, CheckSeries, RowProblems,
                CheckAnnotations, AnnotationProblems, ReadPeriod, PeriodShape, IsoWeekOneMonday, ReadNumber, DigitValue,
                TrimBlanks, SameWord, PeriodKindName, PeriodFormat,
                // the XmR chart and the four rules
                AnalyseSegment, TooFewForLimits, RunChartSegment, Median, XmrSegment, SegmentBaseline, ProcessLimits,
                SegmentFlags, Mean, MovingRanges, ScreenMovingRanges,
                ScreeningNeedsVariation, PointSide, OutsideLimits, NearLimit, Shift, Trend, TrendDirection, TwoOfThree,
                SpecialCauseType,
                VariationType, Assurance,
                // words
                SegmentReading, AgainstPreviousReading, LatestPointReading, LatestRuns, AssuranceReading, VariationLabel,
                AssuranceLabel, CauseLabel, ChartLabel, CountOfPeriods, IntText, Plural,
                // the chart
                Chart, ChartFrame, YScale, YTicks, XTicks, ChartPoints, ChartLines, ShownLimit, ChartDescription, YPosition, TickValue,
                DecimalText, Coordinate,
            ],
        })
    {
    }

    /// <summary>Checks and analyses one series. Never throws for input that follows the JSON contract.</summary>
    public static SpcResult Analyse(SpcInput input) => AnalyseSeries.Evaluate(input);

    private static readonly Lazy<Spc> instance = new(() => new Spc(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The model (created on first use, after every rule of every part of this class is initialised).</summary>
    public static Spc Instance => instance.Value;
}
