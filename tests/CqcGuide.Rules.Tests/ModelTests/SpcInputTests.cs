using CqcGuide.Rules.ScoringModels;
using static CqcGuide.Rules.Tests.ModelTests.SpcExamples;

namespace CqcGuide.Rules.Tests.ModelTests;

/// <summary>Series validation, CSV reading, numbers and periods: the problems the browser form and the build both report.</summary>
public class SpcInputTests
{
    private static readonly double[] Twelve = [12, 9, 11, 10, 12, 9, 11, 10, 12, 9, 11, 10];

    private static SpcInput Rows(params (string Period, string Value)[] rows) =>
        new(null, rows.Select(r => new SpcRow(r.Period, r.Value)).ToArray(), "month", "increase", null, null, null, null, null, null, null);

    private static SpcInput Csv(string text) => new(text, null, "month", "increase", null, null, null, null, null, null, null);

    private static SpcMessage Only(SpcResult r)
    {
        Assert.False(r.Valid);
        Assert.Empty(r.Points);
        Assert.Null(r.Chart);
        return Assert.Single(r.Errors);
    }

    [Theory]
    [InlineData(null, "increase", "SPC001", "periodKind", "Say how the periods are written: week (2026-W14), month (2026-04) or quarter (2026-Q2).")]
    [InlineData("year", "increase", "SPC001", "periodKind", "'year' is not a kind of period: use week, month or quarter.")]
    [InlineData("month", "", "SPC002", "direction", "Say which way is better: increase, decrease or neutral (neither).")]
    [InlineData("month", "Increase", "SPC002", "direction", "'Increase' is not a direction: use increase, decrease or neutral.")]
    public void Period_kind_and_direction_are_required(string? kind, string direction, string code, string field, string message)
    {
        var e = Only(Spc.Analyse(Input(Twelve) with { PeriodKind = kind, Direction = direction }));
        Assert.Equal((code, field, (int?)null, message), (e.Code, e.Field, e.Row, e.Message));
    }

    [Fact]
    public void Settings_errors_name_their_field()
    {
        var r = Spc.Analyse(Input(Twelve) with { Target = "1,5", Minimum = "low", Maximum = "1e3", FixAfter = 11, RunLength = 8 });
        Assert.Equal(["SPC003", "SPC004", "SPC005", "SPC007", "SPC008"], r.Errors.Select(e => e.Code));
        Assert.Equal(["target", "minimum", "maximum", "runLength", "fixAfter"], r.Errors.Select(e => e.Field));
        Assert.Equal("A run length of 8 is not allowed: use 7 (the default) or 6 points for shifts and trends.", r.Errors[3].Message);
        Assert.Equal("Limits can be fixed after 12 points or more, not 11 (fewer points give unreliable limits).", r.Errors[4].Message);
        var range = Only(Spc.Analyse(Input(Twelve) with { Minimum = "50", Maximum = "10" }));
        Assert.Equal(("SPC006", "The minimum (50) is larger than the maximum (10)."), (range.Code, range.Message));
    }

    [Fact]
    public void Row_problems_name_the_row_and_the_field()
    {
        var r = Spc.Analyse(Rows(("2024-01", "1"), ("2024-13", "2"), ("2024-03", "1,234"), ("2024-03", "4"), ("2024-02", ""), ("2024-06", "12345678901234567")));
        Assert.Equal(
            [
                ("SPC010", "period", 1, "'2024-13' is not a month: write months as YYYY-MM, for example 2026-04."),
                ("SPC020", "value", 2, "'1,234' is not a number: write digits with an optional minus sign and a full stop for decimals, for example 12 or 0.75 (no thousands separators, units or percent signs)."),
                ("SPC011", "period", 3, "2024-03 appears twice in a row: give each month one value."),
                ("SPC012", "period", 4, "2024-02 comes after 2024-03: list the months in time order, oldest first."),
                ("SPC020", "value", 4, "The value is missing: write a number."),
                ("SPC013", "period", 5, "Gap: 2024-06 follows 2024-02, so 3 months are missing. The chart needs a value for every month."),
                ("SPC021", "value", 5, "'12345678901234567' has more than 15 significant digits (or more than 22 decimals)."),
            ],
            r.Errors.Select(e => (e.Code, e.Field, e.Row!.Value, e.Message)));
        Assert.All(r.Errors, e => Assert.Null(e.Line));
    }

    [Fact]
    public void A_gap_of_one_period_is_singular()
    {
        var e = Only(Spc.Analyse(Rows(("2024-01", "1"), ("2024-03", "2"))));
        Assert.Equal("Gap: 2024-03 follows 2024-01, so 1 month is missing. The chart needs a value for every month.", e.Message);
    }

    [Fact]
    public void Values_outside_the_allowed_range_are_errors()
    {
        var r = Spc.Analyse(Input([-1, 50, 100, 100.5]) with { Minimum = "0", Maximum = " 100 " });
        Assert.Equal([("SPC022", 0, "-1 is below the smallest allowed value, 0."), ("SPC023", 3, "100.5 is above the largest allowed value, 100.")],
            r.Errors.Select(e => (e.Code, e.Row!.Value, e.Message)));
    }

    [Fact]
    public void An_empty_series_is_an_error()
    {
        Assert.Equal(("SPC030", "There is no data: add one row for each quarter, oldest first."),
            Only(Spc.Analyse(Rows() with { PeriodKind = "quarter" })) is var e ? (e.Code, e.Message) : default);
        Assert.Equal("SPC030", Only(Spc.Analyse(Csv("period,value\n\n"))).Code);
        Assert.Equal(("SPC030", 1), Only(Spc.Analyse(Csv(" \n"))) is var c ? (c.Code, c.Line!.Value) : default);
    }

    [Fact]
    public void Changes_must_be_at_periods_with_data()
    {
        var r = Spc.Analyse(Input(Twelve, annotations:
        [
            new("2024-13", "Typo", true),
            new("2025-06", "After the data", true),
            new("2023-11", "Before the data", false),
            new(null, null, null),
        ]));
        Assert.Equal(
            [
                ("SPC040", 0, "The change at '2024-13' is not at a month: write its month as YYYY-MM, for example 2026-04."),
                ("SPC040", 3, "A change has no period: write its month as YYYY-MM, for example 2026-04."),
                ("SPC041", 1, "The rebase at 2025-06 is at a month with no value: the limits can only be recalculated from a month that has data."),
            ],
            r.Errors.Select(e => (e.Code, e.Row!.Value, e.Message)));
        var warning = Assert.Single(r.Warnings);
        Assert.Equal(("SPC042", "annotation", 2, "The change at 2023-11 is at a month with no value, so the chart cannot show it."),
            (warning.Code, warning.Field, warning.Row!.Value, warning.Message));
    }

    [Fact]
    public void A_plain_change_is_marked_on_the_chart_without_rebasing()
    {
        var r = Spc.Analyse(Input(Twelve, annotations: [new("2024-06", "Staff briefing", false), new("2024-01", "Start", true)]));
        Assert.True(r.Valid);
        Assert.Single(r.Segments);
        Assert.Equal([(5, "2024-06", "Staff briefing", false), (0, "2024-01", "Start", true)], r.Chart!.Marks.Select(m => (m.Index, m.Period, m.Label, m.Rebase)));
    }

    [Fact]
    public void Csv_is_read_with_line_and_column_for_each_problem()
    {
        var r = Spc.Analyse(Csv("period,value\n2024-01, 5\n2024-02,x\n\n 2024-3 ,7\n"));
        Assert.Equal([("SPC020", 1, 3, 9), ("SPC010", 2, 5, 2)], r.Errors.Select(e => (e.Code, e.Row!.Value, e.Line!.Value, e.Column!.Value)));
        var header = Only(Spc.Analyse(Csv("month,count\n2024-01,5")));
        Assert.Equal(("SPC031", "csv", 1, 1), (header.Code, header.Field, header.Line!.Value, header.Column!.Value));
    }

    [Theory]
    [InlineData("period,value\n2024-01,1\n2024-02,2\n")]
    [InlineData("period,value\r\n2024-01,1\r\n2024-02,2")]
    [InlineData("period,value\r2024-01,1\r2024-02,2\r")]
    [InlineData("\ufeffPeriod , VALUE\n\n2024-01 , \"1\"\n  \n\"2024-02\",2.0\n\n")]
    [InlineData("period,value\n2024-01,1\t\n\t2024-02,\t2")]
    public void Csv_line_endings_byte_order_mark_quotes_blank_lines_and_case_are_accepted(string csv)
    {
        var r = Spc.Analyse(Csv(csv));
        Assert.Empty(r.Errors);
        Assert.Equal([("2024-01", 1.0), ("2024-02", 2.0)], r.Points.Select(p => (p.Period, p.Value)));
    }

    [Fact]
    public void Csv_lines_are_numbered_as_a_text_editor_numbers_them()
    {
        Assert.Equal([(1, "a"), (2, "b"), (3, "c"), (4, ""), (5, "d"), (6, "")],
            Spc.CsvLines.Evaluate("\ufeffa\r\nb\nc\r\r\nd\n").Select(l => (l.Number, l.Text)));
    }

    [Theory]
    [InlineData("12", "", 12.0)]
    [InlineData("-3", "", -3.0)]
    [InlineData("0.25", "", 0.25)]
    [InlineData(".5", "", 0.5)]
    [InlineData("-0", "", 0.0)]
    [InlineData("-0.000", "", 0.0)]
    [InlineData("007.50", "", 7.5)]
    [InlineData("0.1", "", 0.1)]
    [InlineData("123456789012345", "", 123456789012345.0)]
    [InlineData("0.000000123456789012345", "", 0.000000123456789012345)]
    [InlineData("99999999999999.9", "", 99999999999999.9)]
    [InlineData("", "empty", 0.0)]
    [InlineData("-", "format", 0.0)]
    [InlineData(".", "format", 0.0)]
    [InlineData("5.", "format", 0.0)]
    [InlineData("1,234", "format", 0.0)]
    [InlineData("1.2.3", "format", 0.0)]
    [InlineData("1e3", "format", 0.0)]
    [InlineData("+5", "format", 0.0)]
    [InlineData("--5", "format", 0.0)]
    [InlineData("12%", "format", 0.0)]
    [InlineData("１２", "format", 0.0)]
    [InlineData("1234567890123456", "digits", 0.0)]
    [InlineData("0.00000000000000000000001", "digits", 0.0)]
    public void Numbers_are_read_exactly_or_refused(string text, string problem, double value)
    {
        var n = Spc.ReadNumber.Evaluate(text);
        Assert.Equal((problem, value), (n.Problem, n.Value));
        Assert.False(double.IsNegative(n.Value) && n.Value == 0, "minus zero");
        if (problem == "")
            Assert.Equal(double.Parse(text == "-0" ? "0" : text, System.Globalization.CultureInfo.InvariantCulture) + 0.0, n.Value);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(7, "7")]
    [InlineData(10, "10")]
    [InlineData(1000000, "1000000")]
    [InlineData(-42, "-42")]
    [InlineData(int.MaxValue, "2147483647")]
    [InlineData(int.MinValue, "-2147483648")]
    public void Whole_numbers_are_written_in_ascii_digits(int n, string text) => Assert.Equal(text, Spc.IntText.Evaluate(n));

    [Theory]
    [InlineData("2026-04", SpcPeriodKind.Month, true, "2026-04", "Apr 2026")]
    [InlineData("2026-13", SpcPeriodKind.Month, false, "", "")]
    [InlineData("2026-4", SpcPeriodKind.Month, false, "", "")]
    [InlineData("0999-04", SpcPeriodKind.Month, false, "", "")]
    [InlineData("2026-Q2", SpcPeriodKind.Quarter, true, "2026-Q2", "Q2 2026")]
    [InlineData("2026-q4", SpcPeriodKind.Quarter, true, "2026-Q4", "Q4 2026")]
    [InlineData("2026-Q5", SpcPeriodKind.Quarter, false, "", "")]
    [InlineData("2026-W14", SpcPeriodKind.Week, true, "2026-W14", "W14 2026")]
    [InlineData("2026-w53", SpcPeriodKind.Week, true, "2026-W53", "W53 2026")]
    [InlineData("2025-W53", SpcPeriodKind.Week, false, "", "")]
    [InlineData("2026-W00", SpcPeriodKind.Week, false, "", "")]
    [InlineData("2026-04", SpcPeriodKind.Week, false, "", "")]
    public void Periods_are_read_by_kind(string text, SpcPeriodKind kind, bool ok, string canonical, string label)
    {
        var p = Spc.ReadPeriod.Evaluate(new SpcPeriodText(text, kind));
        Assert.Equal((ok, canonical, label), (p.Ok, p.Text, p.Label));
    }

    [Fact]
    public void Consecutive_periods_differ_by_one_across_years()
    {
        int Key(string text, SpcPeriodKind kind) => Spc.ReadPeriod.Evaluate(new SpcPeriodText(text, kind)).Key;
        Assert.Equal(1, Key("2026-W01", SpcPeriodKind.Week) - Key("2025-W52", SpcPeriodKind.Week));
        Assert.Equal(1, Key("2027-W01", SpcPeriodKind.Week) - Key("2026-W53", SpcPeriodKind.Week));
        Assert.Equal(1, Key("2026-Q1", SpcPeriodKind.Quarter) - Key("2025-Q4", SpcPeriodKind.Quarter));
        Assert.Equal(1, Key("2026-01", SpcPeriodKind.Month) - Key("2025-12", SpcPeriodKind.Month));
        // Every ISO week from 1990 to 2040 follows the one before, as .NET's ISOWeek counts them.
        var weeks = Enumerable.Range(0, 51 * 53).Select(i => new DateTime(1990, 1, 1).AddDays(7 * i))
            .Select(d => $"{System.Globalization.ISOWeek.GetYear(d):D4}-W{System.Globalization.ISOWeek.GetWeekOfYear(d):D2}").ToArray();
        Assert.All(weeks.Skip(1).Select((w, i) => Key(w, SpcPeriodKind.Week) - Key(weeks[i], SpcPeriodKind.Week)), d => Assert.Equal(1, d));
    }

    [Fact]
    public void Blanks_around_rows_are_ignored_and_a_valid_input_has_no_errors()
    {
        var r = Spc.Analyse(Rows((" 2024-01\t", " 1 "), ("2024-02", "2")));
        Assert.True(r.Valid);
        Assert.Equal(["2024-01", "2024-02"], r.Points.Select(p => p.Period));
    }

    [Fact]
    public void Input_reads_from_json_with_every_field_optional()
    {
        var input = SpcInput.FromJson("""{"rows":[{"period":"2024-01","value":"3"}],"periodKind":"month","direction":"neutral"}""");
        Assert.Equal((null, null, null, null), (input.Csv, input.Target, input.FixAfter, input.Annotations));
        Assert.True(Spc.Analyse(input).Valid);
        Assert.Equal(input.ToJson(), SpcInput.FromJson(input.ToJson()).ToJson());
    }
}
