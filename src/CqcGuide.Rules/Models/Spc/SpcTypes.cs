using System.Text.Json;

namespace CqcGuide.Rules.ScoringModels;

// The JSON contract of the SPC model (camelCase, enums as numbers, properties in declaration order). Every input field is
// optional in JSON (nullable): the browser form may omit what the reader left empty, and the rules report what is missing.

/// <summary>One data row as typed: the period text and the value text, exactly as the reader or the measure file wrote them.</summary>
public sealed record SpcRow(string? Period, string? Value);

/// <summary>
/// A dated change shown on the chart. With <see cref="Rebase"/> the mean and limits are recalculated from this period on.
/// </summary>
/// <param name="Period">The period the change took effect, in the series' period format (e.g. <c>2026-04</c>).</param>
/// <param name="Label">Short text, e.g. "Discharge checklist introduced".</param>
public sealed record SpcAnnotation(string? Period, string? Label, bool? Rebase);

/// <summary>
/// What <c>analyse(input)</c> reads: the series (either <see cref="Csv"/> text with a <c>period,value</c> header, or
/// <see cref="Rows"/>), the declared period kind and improvement direction, and the optional settings.
/// </summary>
/// <param name="Csv">CSV text with the header <c>period,value</c>; when set, <see cref="Rows"/> is ignored.</param>
/// <param name="PeriodKind">week | month | quarter (periods written 2026-W14, 2026-04, 2026-Q2).</param>
/// <param name="Direction">increase | decrease | neutral: which way is better.</param>
/// <param name="Target">Optional target, as text (e.g. "95").</param>
/// <param name="Minimum">Optional smallest allowed value, as text (e.g. "0" for a percentage).</param>
/// <param name="Maximum">Optional largest allowed value, as text (e.g. "100" for a percentage).</param>
/// <param name="FixAfter">Optional: compute each segment's mean and limits from its first n points (n ≥ 12) and extend them.</param>
/// <param name="RunLength">Optional: points needed for a shift or a trend, 7 (default) or 6.</param>
/// <param name="ScreenOutliers">Optional: leave unusually large moving ranges out of the limits (default true).</param>
public sealed record SpcInput(
    string? Csv,
    SpcRow[]? Rows,
    string? PeriodKind,
    string? Direction,
    string? Target,
    string? Minimum,
    string? Maximum,
    SpcAnnotation[]? Annotations,
    int? FixAfter,
    int? RunLength,
    bool? ScreenOutliers)
{
    /// <summary>Reads an input from JSON (camelCase). Throws <see cref="JsonException"/> on malformed JSON.</summary>
    public static SpcInput FromJson(string json) =>
        JsonSerializer.Deserialize<SpcInput>(json, RulesJson.Options) ?? throw new JsonException("An SPC input must be a JSON object.");

    /// <summary>The input as compact camelCase JSON (what the browser passes to the module).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, RulesJson.Compact);
}

/// <summary>How periods are written.</summary>
public enum SpcPeriodKind
{
    /// <summary>ISO weeks: 2026-W14.</summary>
    Week = 0,

    /// <summary>Calendar months: 2026-04.</summary>
    Month = 1,

    /// <summary>Calendar quarters: 2026-Q2.</summary>
    Quarter = 2,
}

/// <summary>Which way is better for the measure.</summary>
public enum SpcDirection
{
    Neutral = 0,
    Increase = 1,
    Decrease = 2,
}

/// <summary>The Making Data Count variation icon for a point (or the latest point of a segment).</summary>
public enum SpcVariation
{
    /// <summary>No analysis (the series has errors or no points).</summary>
    None = 0,
    CommonCause = 1,
    ImprovementHigh = 2,
    ImprovementLow = 3,
    ConcernHigh = 4,
    ConcernLow = 5,
    NeutralHigh = 6,
    NeutralLow = 7,

    /// <summary>Too few points for process limits: shown as a run chart, not judged.</summary>
    TooFewPoints = 8,
}

/// <summary>The Making Data Count assurance icon: will the process meet its target?</summary>
public enum SpcAssurance
{
    /// <summary>No target, or the direction is neutral, or no analysis.</summary>
    None = 0,
    ConsistentlyPass = 1,
    ConsistentlyFail = 2,
    HitAndMiss = 3,

    /// <summary>A target is set but the segment has too few points for process limits.</summary>
    TooFewPoints = 4,
}

/// <summary>Why a point is special cause: the first of the four rules that fired, in NHSRplotthedots' order.</summary>
public enum SpcCause
{
    None = 0,
    AboveUpperLimit = 1,
    BelowLowerLimit = 2,
    TrendUp = 3,
    TrendDown = 4,
    TwoOfThreeHigh = 5,
    TwoOfThreeLow = 6,
    ShiftHigh = 7,
    ShiftLow = 8,
}

/// <summary>How a chart draws a point (shape and label as well as colour).</summary>
public enum SpcMarker
{
    Normal = 0,
    Improvement = 1,
    Concern = 2,
    Neutral = 3,
}

/// <summary>A line drawn across a segment of the chart.</summary>
public enum SpcLineKind
{
    Mean = 0,
    Median = 1,
    UpperLimit = 2,
    LowerLimit = 3,
    Target = 4,
}

/// <summary>
/// A validation problem or warning. <see cref="Row"/> is the 0-based data row; <see cref="Line"/> and <see cref="Column"/>
/// (1-based) are set for CSV input. <see cref="Field"/>: period | value | csv | periodKind | direction | target | minimum |
/// maximum | fixAfter | runLength | annotation | series.
/// </summary>
public sealed record SpcMessage(string Code, string Field, int? Row, int? Line, int? Column, string Message);

/// <summary>One data row after reading (from CSV or rows): where it came from and its raw text, blanks around it removed.</summary>
public sealed record SpcCell(int Row, int? Line, int? PeriodColumn, int? ValueColumn, string Period, string Value);

/// <summary>The rows read from the input and the problems met while reading CSV text.</summary>
public sealed record SpcTable(SpcCell[] Cells, SpcMessage[] Errors);

/// <summary>A number read from text. <see cref="Problem"/>: "" (read), "empty", "format" or "digits".</summary>
public sealed record SpcNumber(string Problem, double Value);

/// <summary>
/// A period read from text. <see cref="Key"/> counts periods from a fixed origin, so consecutive periods differ by one;
/// <see cref="Text"/> is the canonical form (2026-W14, 2026-04, 2026-Q2).
/// </summary>
public sealed record SpcPeriod(bool Ok, int Year, int Number, int Key, string Text, string Label, string Short);

/// <summary>The settings in force after defaults (what the analysis used).</summary>
public sealed record SpcSettings(
    SpcPeriodKind PeriodKind,
    SpcDirection Direction,
    double? Target,
    double? Minimum,
    double? Maximum,
    int RunLength,
    int? FixAfter,
    bool ScreenOutliers);

/// <summary>The settings, read and checked.</summary>
public sealed record SpcSettingsCheck(SpcSettings Settings, SpcMessage[] Errors);

/// <summary>A checked series: the points in order and where each segment starts.</summary>
public sealed record SpcSeries(SpcCell[] Cells, SpcPeriod[] Periods, double[] Values, int[] Starts, string[] StartLabels,
    SpcMessage[] Errors, SpcMessage[] Warnings, SpcChartAnnotationInput[] Annotations);

/// <summary>An annotation placed on a point (index) of the series.</summary>
public sealed record SpcChartAnnotationInput(int Index, string Label, bool Rebase, string Period);

/// <summary>What the analysis of one segment needs.</summary>
public sealed record SpcSegmentInput(int Index, int Start, double[] Values, SpcSettings Settings);

/// <summary>The XmR statistics of one segment: baseline, mean, moving ranges and limits.</summary>
public sealed record SpcLimits(
    int BaselineCount,
    double Mean,
    double[] MovingRanges,
    bool[] MovingRangeUsed,
    double MovingRangeMean,
    int MovingRangesExcluded,
    double LowerLimit,
    double UpperLimit,
    double LowerNear,
    double UpperNear);

/// <summary>Which rules fired for each point of one segment (arrays by position in the segment).</summary>
public sealed record SpcFlags(int[] Side, bool[] Outside, bool[] Near, bool[] Shift, bool[] Trend, bool[] TwoOfThree, int[] TrendDirection);

/// <summary>A point of the series with everything the rules found about it.</summary>
/// <param name="Side">1 above the mean (median for a run chart), -1 below, 0 on it.</param>
/// <param name="MovingRange">The absolute difference from the previous point of the same segment (null for a segment's first point).</param>
/// <param name="MovingRangeUsed">Whether that moving range went into the average moving range (baseline, not screened out).</param>
public sealed record SpcPoint(
    int Index,
    string Period,
    string Label,
    double Value,
    int Segment,
    bool Baseline,
    double? MovingRange,
    bool MovingRangeUsed,
    int Side,
    bool OutsideLimits,
    bool NearLimit,
    bool Shift,
    bool Trend,
    bool TwoOfThree,
    bool SpecialCause,
    SpcCause Cause,
    string CauseLabel,
    SpcVariation Variation,
    string VariationLabel);

/// <summary>
/// One segment (the whole series, or the points between rebases). A run chart (<see cref="RunChart"/>) has a median and no
/// mean or limits.
/// </summary>
public sealed record SpcSegment(
    int Index,
    int Start,
    int Count,
    string FirstPeriod,
    string LastPeriod,
    string? ChangeLabel,
    bool RunChart,
    int BaselineCount,
    double? Mean,
    double? Median,
    double? MovingRangeMean,
    int MovingRangesExcluded,
    double? LowerLimit,
    double? UpperLimit,
    double? LowerNear,
    double? UpperNear,
    int CommonCause,
    int Improvement,
    int Concern,
    int Neutral,
    SpcVariation Variation,
    string VariationLabel,
    SpcAssurance Assurance,
    string AssuranceLabel,
    string Reading);

/// <summary>The state of the latest point: the variation and assurance icons and the plain-language reading.</summary>
public sealed record SpcSummary(
    string? LatestPeriod,
    SpcVariation Variation,
    string VariationLabel,
    SpcAssurance Assurance,
    string AssuranceLabel,
    string Reading);

/// <summary>The result of <c>analyse(input)</c>; <see cref="SpcReport.ToJson"/> writes it byte for byte as the module's JSON.</summary>
public sealed record SpcResult(
    ModelRef Model,
    string Notice,
    bool Valid,
    SpcMessage[] Errors,
    SpcMessage[] Warnings,
    SpcSettings Settings,
    SpcPoint[] Points,
    SpcSegment[] Segments,
    SpcSummary Summary,
    SpcChart? Chart);

/// <summary>A tick on an axis: position and text. <see cref="Sub"/> is a second line (the year on the x axis), or "".</summary>
public sealed record SpcTick(double Position, string Label, string Sub);

/// <summary>A point on the chart.</summary>
/// <param name="Label">Short text for a special-cause point ("" otherwise), so the chart reads without colour.</param>
/// <param name="ShowLabel">True on the first point of each run of points with the same cause (draw the label there).</param>
public sealed record SpcChartPoint(int Index, int Segment, double X, double Y, SpcMarker Marker, string Label, bool ShowLabel);

/// <summary>A horizontal line across one segment (mean, median, a process limit or the target).</summary>
public sealed record SpcChartLine(SpcLineKind Kind, int Segment, double X1, double X2, double Y, string Label);

/// <summary>A vertical marker where a change took effect (at the left edge of its period).</summary>
/// <param name="LabelX">Where its label is drawn: just right of the line, or just left of it when the label would run
/// past the plot's right edge.</param>
/// <param name="LabelAnchor">The label's SVG text-anchor: <c>start</c> (right of the line) or <c>end</c> (left of it).</param>
public sealed record SpcChartMark(int Index, string Period, double X, string Label, bool Rebase, double LabelX, string LabelAnchor);

/// <summary>
/// Chart geometry in a fixed viewBox (0 0 <see cref="Width"/> <see cref="Height"/>): everything a renderer needs, so the
/// build's SVG and the browser's SVG draw the same numbers. <see cref="Description"/> is the text alternative.
/// </summary>
public sealed record SpcChart(
    int Width,
    int Height,
    double PlotLeft,
    double PlotTop,
    double PlotRight,
    double PlotBottom,
    SpcTick[] YTicks,
    SpcTick[] XTicks,
    SpcChartPoint[] Points,
    SpcChartLine[] Lines,
    SpcChartMark[] Marks,
    string Description);
