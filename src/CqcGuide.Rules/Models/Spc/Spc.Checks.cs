// The rules refer to rules and tables declared in other parts of this partial class. The compiler's nullable analysis of
// static field initialisers treats those fields as possibly null; they are not, because a rule only runs after every static
// field of the class is initialised.
#pragma warning disable CS8602, CS8604

namespace CqcGuide.Rules.ScoringModels;

/// <summary>What the series check reads: the rows, the settings, the annotations and the range limits as written.</summary>
public sealed record SpcCheckInput(SpcTable Table, SpcSettings Settings, SpcAnnotation[] Annotations, string MinimumText, string MaximumText);

/// <summary>The settings as typed, blanks around them removed.</summary>
public sealed record SpcSettingsText(string PeriodKind, string Direction, string Target, string Minimum, string Maximum);

/// <summary>The rows with their periods and numbers read, the settings, the changes (as given and as checked) and the range as typed.</summary>
public sealed record SpcRowsRead(
    SpcCell[] Cells,
    SpcPeriod[] Periods,
    SpcNumber[] Numbers,
    SpcSettings Settings,
    SpcAnnotation[] Annotations,
    SpcAnnotationCheck[] Checked,
    string MinimumText,
    string MaximumText);

/// <summary>An annotation after reading: its period and the point it falls on (null when no point has that period).</summary>
public sealed record SpcAnnotationCheck(int Number, string Text, SpcPeriod Period, int? Index, bool Rebase, string Label);

// Validation as rules: the browser form, the CSV reader and the site build report the same problems in the same words.
public sealed partial class Spc
{
    private const string NumberHint =
        "write digits with an optional minus sign and a full stop for decimals, for example 12 or 0.75 (no thousands separators, units or percent signs)";

    public static readonly Rule<SpcPeriodKind, string> PeriodKindName = new(
        "period-kind-name",
        RuleKind.OwnMethod,
        "The name of a kind of period in a sentence: week, month or quarter.",
        OwnReading,
        k => k == SpcPeriodKind.Week ? "week" : k == SpcPeriodKind.Quarter ? "quarter" : "month");

    public static readonly Rule<SpcPeriodKind, string> PeriodFormat = new(
        "period-format",
        RuleKind.OwnMethod,
        "How a kind of period is written, with an example, for messages.",
        OwnReading,
        k => k == SpcPeriodKind.Week ? "YYYY-Www, for example 2026-W14" : k == SpcPeriodKind.Quarter ? "YYYY-Qn, for example 2026-Q2" : "YYYY-MM, for example 2026-04");

    public static readonly Rule<SpcInput, SpcSettingsText> SettingsText = new(
        "settings-text",
        RuleKind.OwnMethod,
        "The settings typed as text, with spaces and tabs around them removed; a missing setting counts as blank.",
        OwnReading,
        x => new SpcSettingsText(TrimBlanks.Evaluate(x.PeriodKind ?? ""), TrimBlanks.Evaluate(x.Direction ?? ""), TrimBlanks.Evaluate(x.Target ?? ""),
            TrimBlanks.Evaluate(x.Minimum ?? ""), TrimBlanks.Evaluate(x.Maximum ?? "")));

    public static readonly Rule<SpcInput, SpcSettingsCheck> CheckSettings = new(
        "check-settings",
        RuleKind.OwnMethod,
        """
        Reads the settings. The period kind (week, month or quarter) and the improvement direction (increase, decrease or
        neutral) are required, in lower case. The target and the allowed minimum and maximum are optional numbers; a blank
        one counts as not set, and so do a minimum and a maximum in the wrong order (values are not checked against them). The run length for shifts and trends is 7 unless set to 6. Fixing the limits needs at least
        12 points (NHSRplotthedots' minimum). Outlier screening is on unless switched off.
        """,
        [Sources.SpcInputFormat, Sources.NhsrPlotTheDots],
        x => Expr.Let(SettingsText.Evaluate(x), t =>
            Expr.Let(ReadNumber.Evaluate(t.Target), target =>
            Expr.Let(ReadNumber.Evaluate(t.Minimum), minimum =>
            Expr.Let(ReadNumber.Evaluate(t.Maximum), maximum =>
                new SpcSettingsCheck(
                    new SpcSettings(
                        t.PeriodKind == "week" ? SpcPeriodKind.Week : t.PeriodKind == "quarter" ? SpcPeriodKind.Quarter : SpcPeriodKind.Month,
                        t.Direction == "increase" ? SpcDirection.Increase : t.Direction == "decrease" ? SpcDirection.Decrease : SpcDirection.Neutral,
                        target.Problem == "" ? target.Value : null,
                        minimum.Problem == "" && !(maximum.Problem == "" && minimum.Value > maximum.Value) ? minimum.Value : null,
                        maximum.Problem == "" && !(minimum.Problem == "" && minimum.Value > maximum.Value) ? maximum.Value : null,
                        x.RunLength ?? DefaultRunLength,
                        x.FixAfter,
                        x.ScreenOutliers ?? true),
                    new[]
                    {
                        t.PeriodKind == "week" || t.PeriodKind == "month" || t.PeriodKind == "quarter" ? null
                            : new SpcMessage("SPC001", "periodKind", null, null, null, t.PeriodKind == ""
                                ? "Say how the periods are written: week (2026-W14), month (2026-04) or quarter (2026-Q2)."
                                : "'" + t.PeriodKind + "' is not a kind of period: use week, month or quarter."),
                        t.Direction == "increase" || t.Direction == "decrease" || t.Direction == "neutral" ? null
                            : new SpcMessage("SPC002", "direction", null, null, null, t.Direction == ""
                                ? "Say which way is better: increase, decrease or neutral (neither)."
                                : "'" + t.Direction + "' is not a direction: use increase, decrease or neutral."),
                        target.Problem == "" || target.Problem == "empty" ? null
                            : new SpcMessage("SPC003", "target", null, null, null, "The target '" + t.Target + "' is not a number: "
                                + (target.Problem == "digits" ? "it has more than 15 significant digits." : NumberHint + ".")),
                        minimum.Problem == "" || minimum.Problem == "empty" ? null
                            : new SpcMessage("SPC004", "minimum", null, null, null, "The minimum '" + t.Minimum + "' is not a number: "
                                + (minimum.Problem == "digits" ? "it has more than 15 significant digits." : NumberHint + ".")),
                        maximum.Problem == "" || maximum.Problem == "empty" ? null
                            : new SpcMessage("SPC005", "maximum", null, null, null, "The maximum '" + t.Maximum + "' is not a number: "
                                + (maximum.Problem == "digits" ? "it has more than 15 significant digits." : NumberHint + ".")),
                        minimum.Problem == "" && maximum.Problem == "" && minimum.Value > maximum.Value
                            ? new SpcMessage("SPC006", "minimum", null, null, null, "The minimum (" + t.Minimum + ") is larger than the maximum (" + t.Maximum + ").")
                            : null,
                        !x.RunLength.HasValue || x.RunLength.Value == 6 || x.RunLength.Value == 7 ? null
                            : new SpcMessage("SPC007", "runLength", null, null, null,
                                "A run length of " + IntText.Evaluate(x.RunLength.Value) + " is not allowed: use 7 (the default) or 6 points for shifts and trends."),
                        !x.FixAfter.HasValue || x.FixAfter.Value >= ShortSegment ? null
                            : new SpcMessage("SPC008", "fixAfter", null, null, null,
                                "Limits can be fixed after 12 points or more, not " + IntText.Evaluate(x.FixAfter.Value) + " (fewer points give unreliable limits)."),
                    }.Where(m => m != null).Select(m => m!).ToArray()))))));

    public static readonly Rule<SpcRow[], SpcTable> ReadRows = new(
        "read-rows",
        RuleKind.OwnMethod,
        """
        Takes the rows as typed (a form or a measure file): spaces and tabs around the period and the value are removed;
        a missing period or value counts as blank.
        """,
        OwnReading,
        rows => new SpcTable(
            Enumerable.Range(0, rows.Length)
                .Select(i => new SpcCell(i, null, null, null, TrimBlanks.Evaluate(rows[i].Period ?? ""), TrimBlanks.Evaluate(rows[i].Value ?? "")))
                .ToArray(),
            new SpcMessage[0]));

    public static readonly Rule<SpcRowsRead, SpcMessage[]> RowProblems = new(
        "row-problems",
        RuleKind.OwnMethod,
        """
        The problems of each row, in row order: a period that is missing or not of the declared kind (SPC010); a period
        equal to the one before (SPC011), earlier than it (SPC012) or more than one period after it (a gap, SPC013),
        checked only when both periods can be read; a value that is missing or not a number (SPC020) or has more than 15
        digits (SPC021); a value below the minimum (SPC022) or above the maximum (SPC023).
        """,
        [Sources.SpcInputFormat, Sources.MakingDataCount],
        x => Expr.Let(PeriodKindName.Evaluate(x.Settings.PeriodKind), kindName =>
            Expr.Let(Enumerable.Range(0, x.Cells.Length).Select(i => new[]
                {
                    x.Periods[i].Ok ? null
                        : new SpcMessage("SPC010", "period", x.Cells[i].Row, x.Cells[i].Line, x.Cells[i].PeriodColumn, x.Cells[i].Period == ""
                            ? "The period is missing: write it as " + PeriodFormat.Evaluate(x.Settings.PeriodKind) + "."
                            : "'" + x.Cells[i].Period + "' is not a " + kindName + ": write " + kindName + "s as " + PeriodFormat.Evaluate(x.Settings.PeriodKind) + "."),
                    i == 0 || !x.Periods[i].Ok || !x.Periods[i - 1].Ok || x.Periods[i].Key == x.Periods[i - 1].Key + 1 ? null
                        : x.Periods[i].Key == x.Periods[i - 1].Key
                            ? new SpcMessage("SPC011", "period", x.Cells[i].Row, x.Cells[i].Line, x.Cells[i].PeriodColumn,
                                x.Periods[i].Text + " appears twice in a row: give each " + kindName + " one value.")
                            : x.Periods[i].Key < x.Periods[i - 1].Key
                                ? new SpcMessage("SPC012", "period", x.Cells[i].Row, x.Cells[i].Line, x.Cells[i].PeriodColumn,
                                    x.Periods[i].Text + " comes after " + x.Periods[i - 1].Text + ": list the " + kindName + "s in time order, oldest first.")
                                : new SpcMessage("SPC013", "period", x.Cells[i].Row, x.Cells[i].Line, x.Cells[i].PeriodColumn,
                                    "Gap: " + x.Periods[i].Text + " follows " + x.Periods[i - 1].Text + ", so "
                                    + CountOfPeriods.Evaluate(new SpcCount(x.Periods[i].Key - x.Periods[i - 1].Key - 1, x.Settings.PeriodKind))
                                    + (x.Periods[i].Key - x.Periods[i - 1].Key - 1 == 1 ? " is" : " are") + " missing. The chart needs a value for every " + kindName + "."),
                    x.Numbers[i].Problem == "" ? null
                        : new SpcMessage(x.Numbers[i].Problem == "digits" ? "SPC021" : "SPC020", "value", x.Cells[i].Row, x.Cells[i].Line, x.Cells[i].ValueColumn,
                            x.Numbers[i].Problem == "empty" ? "The value is missing: write a number."
                                : x.Numbers[i].Problem == "digits" ? "'" + x.Cells[i].Value + "' has more than 15 significant digits (or more than 22 decimals)."
                                : "'" + x.Cells[i].Value + "' is not a number: " + NumberHint + "."),
                    x.Numbers[i].Problem != "" ? null
                        : x.Settings.Minimum.HasValue && x.Numbers[i].Value < x.Settings.Minimum.Value
                            ? new SpcMessage("SPC022", "value", x.Cells[i].Row, x.Cells[i].Line, x.Cells[i].ValueColumn,
                                x.Cells[i].Value + " is below the smallest allowed value, " + x.MinimumText + ".")
                            : x.Settings.Maximum.HasValue && x.Numbers[i].Value > x.Settings.Maximum.Value
                                ? new SpcMessage("SPC023", "value", x.Cells[i].Row, x.Cells[i].Line, x.Cells[i].ValueColumn,
                                    x.Cells[i].Value + " is above the largest allowed value, " + x.MaximumText + ".")
                                : null,
                }).ToArray(), problems =>
                Enumerable.Range(0, 4 * x.Cells.Length).Select(j => problems[j / 4][j % 4]).Where(m => m != null).Select(m => m!).ToArray())));

    public static readonly Rule<SpcRowsRead, SpcAnnotationCheck[]> CheckAnnotations = new(
        "check-annotations",
        RuleKind.OwnMethod,
        "Reads the period of each change and finds the point it falls on (none when no row has that period).",
        OwnReading,
        x => Enumerable.Range(0, x.Annotations.Length)
            .Select(a => Expr.Let(TrimBlanks.Evaluate(x.Annotations[a].Period ?? ""), text =>
                Expr.Let(ReadPeriod.Evaluate(new SpcPeriodText(text, x.Settings.PeriodKind)), period =>
                    new SpcAnnotationCheck(a, text, period,
                        period.Ok ? Enumerable.Range(0, x.Cells.Length).Where(i => x.Periods[i].Ok && x.Periods[i].Key == period.Key).Select(i => (int?)i).FirstOrDefault() : null,
                        x.Annotations[a].Rebase ?? false,
                        TrimBlanks.Evaluate(x.Annotations[a].Label ?? "")))))
            .ToArray());

    public static readonly Rule<SpcRowsRead, SpcMessage[]> AnnotationProblems = new(
        "annotation-problems",
        RuleKind.OwnMethod,
        """
        Errors in the changes: a period that cannot be read (SPC040); a rebase at a period with no value (SPC041: the limits
        can only be recalculated from a point that exists). For these, the row is the change's position in the list.
        """,
        [Sources.SpcInputFormat, Sources.NhsrRebase],
        x => Expr.Let(PeriodKindName.Evaluate(x.Settings.PeriodKind), kindName =>
            x.Checked.Where(a => !a.Period.Ok)
                .Select(a => new SpcMessage("SPC040", "annotation", a.Number, null, null,
                    (a.Text == "" ? "A change has no period" : "The change at '" + a.Text + "' is not at a " + kindName)
                    + ": write its " + kindName + " as " + PeriodFormat.Evaluate(x.Settings.PeriodKind) + "."))
                .Concat(x.Checked.Where(a => a.Period.Ok && a.Rebase && !a.Index.HasValue)
                    .Select(a => new SpcMessage("SPC041", "annotation", a.Number, null, null,
                        "The rebase at " + a.Period.Text + " is at a " + kindName + " with no value: the limits can only be recalculated from a "
                        + kindName + " that has data.")))
                .ToArray()));

    public static readonly Rule<SpcCheckInput, SpcSeries> CheckSeries = new(
        "check-series",
        RuleKind.OwnMethod,
        """
        Checks the series: every row needs a period of the declared kind and a number; the periods must be in time order,
        oldest first, each once, with no gaps (every week, month or quarter between the first and the last); a value must
        not be below the minimum or above the maximum when these are set. A change marked as a rebase must fall on a period
        that has a value; another change at a period with no value is a warning (SPC042: the chart cannot show it). Each
        problem names the row (and, for CSV text, the line and column) and the field. Segments start at the first point and
        at every rebase.
        """,
        [Sources.SpcInputFormat, Sources.MakingDataCount],
        x => Expr.Let(x.Table.Cells.Select(c => ReadPeriod.Evaluate(new SpcPeriodText(c.Period, x.Settings.PeriodKind))).ToArray(), periods =>
            Expr.Let(new SpcRowsRead(x.Table.Cells, periods, x.Table.Cells.Select(c => ReadNumber.Evaluate(c.Value)).ToArray(), x.Settings, x.Annotations,
                    new SpcAnnotationCheck[0], x.MinimumText, x.MaximumText), read =>
            Expr.Let(new SpcRowsRead(read.Cells, read.Periods, read.Numbers, read.Settings, read.Annotations, CheckAnnotations.Evaluate(read), read.MinimumText, read.MaximumText), rows =>
            Expr.Let(Enumerable.Range(0, rows.Cells.Length).Where(i => i == 0 || rows.Checked.Any(a => a.Rebase && a.Index.HasValue && a.Index.Value == i)).ToArray(), starts =>
                new SpcSeries(
                    rows.Cells,
                    rows.Periods,
                    rows.Numbers.Select(n => n.Value).ToArray(),
                    starts,
                    starts.Select(s => rows.Checked.Where(a => a.Rebase && a.Index.HasValue && a.Index.Value == s).Select(a => a.Label).FirstOrDefault() ?? "").ToArray(),
                    RowProblems.Evaluate(rows)
                        .Concat(rows.Cells.Length == 0 && x.Table.Errors.Length == 0
                            ? new[] { new SpcMessage("SPC030", "series", null, null, null, "There is no data: add one row for each " + PeriodKindName.Evaluate(x.Settings.PeriodKind) + ", oldest first.") }
                            : new SpcMessage[0])
                        .Concat(AnnotationProblems.Evaluate(rows))
                        .ToArray(),
                    rows.Checked.Where(a => a.Period.Ok && !a.Rebase && !a.Index.HasValue)
                        .Select(a => new SpcMessage("SPC042", "annotation", a.Number, null, null,
                            "The change at " + a.Period.Text + " is at a " + PeriodKindName.Evaluate(x.Settings.PeriodKind) + " with no value, so the chart cannot show it."))
                        .ToArray(),
                    rows.Checked.Where(a => a.Index.HasValue).Select(a => new SpcChartAnnotationInput(a.Index!.Value, a.Label, a.Rebase, a.Period.Text)).ToArray()))))));
}
