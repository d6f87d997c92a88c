// The rules refer to rules and tables declared in other parts of this partial class. The compiler's nullable analysis of
// static field initialisers treats those fields as possibly null; they are not, because a rule only runs after every static
// field of the class is initialised.
#pragma warning disable CS8602, CS8604

namespace CqcGuide.Rules.ScoringModels;

/// <summary>A piece of a line: its text and where it starts (0-based).</summary>
public sealed record SpcSpan(string Text, int Offset);

/// <summary>One line of CSV text: its 1-based number and its text without the line break.</summary>
public sealed record SpcLine(int Number, string Text);

/// <summary>A word compared without regard to ASCII case: the text and the word in lower and upper case.</summary>
public sealed record SpcWord(string Text, string Lower, string Upper);

/// <summary>What a period's text says: whether it has the right shape, the year and the number (month, quarter or week).</summary>
public sealed record SpcPeriodShape(bool Ok, int Year, int Number);

/// <summary>A period's text and the kind of period it should be.</summary>
public sealed record SpcPeriodText(string Text, SpcPeriodKind Kind);

// Reading text: numbers, periods and CSV, with ordinal string operations only, so the browser and the build read the same
// text the same way. Characters are compared as one-character strings (the translator does not carry chars).
public sealed partial class Spc
{
    // A property, not a field: the parts of this partial class are initialised in an unspecified order.
    private static RuleSource[] OwnReading => [Sources.SpcInputFormat];

    public static readonly Rule<string, int> DigitValue = new(
        "digit-value",
        RuleKind.OwnMethod,
        """
        The value of one character that is an ASCII digit (0 to 9), or -1 for any other character. Only the ten ASCII digits
        count: other scripts' digits and full-width digits are not numbers here.
        """,
        OwnReading,
        c => c == "0" ? 0 : c == "1" ? 1 : c == "2" ? 2 : c == "3" ? 3 : c == "4" ? 4
            : c == "5" ? 5 : c == "6" ? 6 : c == "7" ? 7 : c == "8" ? 8 : c == "9" ? 9 : -1);

    public static readonly Rule<string, string> TrimBlanks = new(
        "trim-blanks",
        RuleKind.OwnMethod,
        """
        Removes spaces and tabs from both ends of a piece of text (only these two characters, so the browser and the build
        agree on what is removed).
        """,
        OwnReading,
        t => t.Length == 0 || (t.Substring(0, 1) != " " && t.Substring(0, 1) != "\t" && t.Substring(t.Length - 1, 1) != " " && t.Substring(t.Length - 1, 1) != "\t")
            ? t
            : Expr.Let(
            Enumerable.Range(0, t.Length).Where(i => t.Substring(i, 1) != " " && t.Substring(i, 1) != "\t").Select(i => (int?)i).FirstOrDefault() ?? t.Length,
            start => Expr.Let(
                Enumerable.Range(start, t.Length - start).Where(i => t.Substring(i, 1) != " " && t.Substring(i, 1) != "\t").Select(i => i + 1).Concat(new[] { start }).Max(),
                end => t.Substring(start, end - start))));

    /// <summary>10^0 … 10^22, each exact in a double.</summary>
    public static readonly double[] PowersOfTen =
        [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    public static readonly Rule<string, SpcNumber> ReadNumber = new(
        "read-number",
        RuleKind.OwnMethod,
        """
        Reads a number written with ASCII digits, an optional minus sign in front and an optional full stop for decimals:
        12, -3, 0.25, .5, 1234.5. Not accepted: thousands separators (1,234), a decimal comma, spaces inside, exponents
        (1e3), percent signs. At most 15 significant digits (leading zeros do not count) and 22 decimals, so every
        accepted number is read exactly as a computer number: the digits as a whole number below 10^15, divided by a power
        of ten, is one correctly rounded division. Minus zero reads as zero. Problems: "empty" (nothing written), "format"
        (not a number) or "digits" (too many digits).
        """,
        OwnReading,
        s => s.Length == 0
            ? new SpcNumber("empty", 0)
            : Expr.Let(s.Substring(0, 1) == "-" ? s.Substring(1) : s, body =>
                Expr.Let(Enumerable.Range(0, body.Length).Select(i => DigitValue.Evaluate(body.Substring(i, 1))).ToArray(), digits =>
                    Expr.Let(digits.Count(d => d < 0), others =>
                    Expr.Let(Enumerable.Range(0, body.Length).Where(i => digits[i] < 0).Select(i => (int?)i).FirstOrDefault() ?? body.Length, dot =>
                    Expr.Let(Enumerable.Range(0, body.Length).Where(i => digits[i] > 0).Select(i => (int?)i).FirstOrDefault() ?? body.Length, firstNonZero =>
                        body.Length == 0 || others > 1 || (others == 1 && body.Substring(dot, 1) != ".") || dot == body.Length - 1
                            ? new SpcNumber("format", 0)
                            // Significant digits: the digits from the first non-zero one on (the full stop does not count).
                            : body.Length - others - (firstNonZero - (dot < firstNonZero ? 1 : 0)) > 15 || body.Length - 1 - dot > 22
                                ? new SpcNumber("digits", 0)
                                : Expr.Let(
                                    Enumerable.Range(firstNonZero, body.Length - firstNonZero).Where(i => i != dot)
                                        .Sum(i => digits[i] * PowersOfTen[body.Length - 1 - i - (i < dot && dot < body.Length ? 1 : 0)]),
                                    whole => Expr.Let(dot < body.Length ? whole / PowersOfTen[body.Length - 1 - dot] : whole, value =>
                                        new SpcNumber("", s.Substring(0, 1) == "-" && value != 0 ? -value : value + 0.0)))))))));

    public static readonly Rule<int, string> IntText = new(
        "int-text",
        RuleKind.OwnMethod,
        """
        Writes a whole number in ASCII digits with a minus sign when negative (no separators), for the counts in messages
        and readings.
        """,
        OwnReading,
        n => n == int.MinValue
            ? "-2147483648"
            : Expr.Let(n < 0 ? -n : n, a =>
                Expr.Let(a < 10 ? 1 : IntPowers.Count(p => p <= a), length =>
                    (n < 0 ? "-" : "") + string.Join("", Enumerable.Range(0, length).Select(i => DigitText[a / IntPowers[length - 1 - i] % 10]).ToArray()))));

    /// <summary>10^0 … 10^9.</summary>
    public static readonly int[] IntPowers = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000];

    /// <summary>The ten ASCII digits as one-character strings.</summary>
    public static readonly string[] DigitText = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    public static readonly Rule<int, string> Plural = new(
        "plural-s",
        RuleKind.OwnMethod,
        "The ending of a plural noun for a count: \"\" for exactly one, \"s\" otherwise.",
        OwnReading,
        n => n == 1 ? "" : "s");

    public static readonly Rule<int, int> IsoWeekOneMonday = new(
        "iso-week-one-monday",
        RuleKind.OwnMethod,
        """
        The Monday that starts ISO week 1 of a year, in days from 1 January 1970: the Monday on or before 4 January (ISO 8601:
        week 1 is the week with the year's first Thursday). Used to count weeks across years and to know whether a year has
        52 or 53 ISO weeks.
        """,
        [Sources.Iso8601Weeks],
        year => Expr.Let(year - 1, y => // 4 January is in January, so the civil-from-days year starts in the previous March
            Expr.Let(y / 400, era =>
                Expr.Let(y - era * 400, yoe =>
                    Expr.Let(era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + 309 - 719468, january4 =>
                        january4 - ((january4 % 7 + 10) % 7))))));

    public static readonly Rule<SpcPeriodText, SpcPeriodShape> PeriodShape = new(
        "period-shape",
        RuleKind.OwnMethod,
        """
        The shape of a period's text: four digits for the year (1000 to 9999), a hyphen, then two digits for a month, Q and
        one digit for a quarter, or W and two digits for a week (q and w in lower case too). Gives the year and the number
        written, or not ok.
        """,
        [Sources.SpcInputFormat, Sources.Iso8601Weeks],
        p => Expr.Let(p.Text, t =>
            Expr.Let(t.Length == (p.Kind == SpcPeriodKind.Week ? 8 : 7) && t.Substring(4, 1) == "-"
                    && Enumerable.Range(0, 4).All(i => DigitValue.Evaluate(t.Substring(i, 1)) >= 0) && t.Substring(0, 1) != "0", yearOk =>
            Expr.Let(yearOk && (p.Kind == SpcPeriodKind.Month
                    || (p.Kind == SpcPeriodKind.Quarter && (t.Substring(5, 1) == "Q" || t.Substring(5, 1) == "q"))
                    || (p.Kind == SpcPeriodKind.Week && (t.Substring(5, 1) == "W" || t.Substring(5, 1) == "w"))), shapeOk =>
            Expr.Let(p.Kind == SpcPeriodKind.Month ? 5 : 6, at =>
                !shapeOk
                    ? new SpcPeriodShape(false, 0, -1)
                    : new SpcPeriodShape(true,
                        DigitValue.Evaluate(t.Substring(0, 1)) * 1000 + DigitValue.Evaluate(t.Substring(1, 1)) * 100
                            + DigitValue.Evaluate(t.Substring(2, 1)) * 10 + DigitValue.Evaluate(t.Substring(3, 1)),
                        p.Kind == SpcPeriodKind.Quarter
                            ? DigitValue.Evaluate(t.Substring(6, 1))
                            : DigitValue.Evaluate(t.Substring(at, 1)) < 0 || DigitValue.Evaluate(t.Substring(at + 1, 1)) < 0
                                ? -1
                                : DigitValue.Evaluate(t.Substring(at, 1)) * 10 + DigitValue.Evaluate(t.Substring(at + 1, 1))))))));

    public static readonly Rule<SpcPeriodText, SpcPeriod> ReadPeriod = new(
        "read-period",
        RuleKind.OwnMethod,
        """
        Reads a period of the declared kind: a month as YYYY-MM (2026-04), a quarter as YYYY-Qn (2026-Q2), an ISO week as
        YYYY-Www (2026-W14). The year has four digits from 1000 to 9999; months run 01 to 12, quarters Q1 to Q4 and weeks
        W01 to W52, or W53 in the years that have 53 ISO weeks. A lower-case q or w is accepted; the canonical form uses
        capitals. Each period gets a key that counts periods from a fixed start, so consecutive periods differ by exactly
        one (a gap or a repeat shows in the keys).
        """,
        [Sources.SpcInputFormat, Sources.Iso8601Weeks],
        p => Expr.Let(PeriodShape.Evaluate(p), shape =>
            Expr.Let(p.Kind == SpcPeriodKind.Week && shape.Ok ? IsoWeekOneMonday.Evaluate(shape.Year) : 0, monday =>
            Expr.Let(shape.Ok && shape.Number >= 1
                    && shape.Number <= (p.Kind == SpcPeriodKind.Month ? 12 : p.Kind == SpcPeriodKind.Quarter ? 4 : (IsoWeekOneMonday.Evaluate(shape.Year + 1) - monday) / 7), ok =>
            Expr.Let(p.Text.Length >= 4 ? p.Text.Substring(0, 4) : "", year =>
                !ok
                    ? new SpcPeriod(false, 0, 0, 0, "", "", "")
                    : p.Kind == SpcPeriodKind.Month
                        ? new SpcPeriod(true, shape.Year, shape.Number, shape.Year * 12 + shape.Number - 1, p.Text,
                            MonthNames[shape.Number - 1] + " " + year, MonthNames[shape.Number - 1])
                        : p.Kind == SpcPeriodKind.Quarter
                            ? new SpcPeriod(true, shape.Year, shape.Number, shape.Year * 4 + shape.Number - 1, year + "-Q" + p.Text.Substring(6, 1),
                                "Q" + p.Text.Substring(6, 1) + " " + year, "Q" + p.Text.Substring(6, 1))
                            : new SpcPeriod(true, shape.Year, shape.Number, (monday - 4) / 7 + shape.Number - 1, year + "-W" + p.Text.Substring(6, 2),
                                "W" + p.Text.Substring(6, 2) + " " + year, "W" + p.Text.Substring(6, 2)))))));

    /// <summary>Short month names for labels.</summary>
    public static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static readonly Rule<SpcWord, bool> SameWord = new(
        "same-word",
        RuleKind.OwnMethod,
        "Whether a text is a given word, ignoring the case of ASCII letters only (the CSV header is read this way).",
        OwnReading,
        w => w.Text.Length == w.Lower.Length
            && Enumerable.Range(0, w.Text.Length).All(i => w.Text.Substring(i, 1) == w.Lower.Substring(i, 1) || w.Text.Substring(i, 1) == w.Upper.Substring(i, 1)));

    public static readonly Rule<SpcSpan, SpcSpan> CsvField = new(
        "csv-field",
        RuleKind.OwnMethod,
        """
        One CSV field: spaces and tabs around it are removed, then one pair of double quotes around the whole field (as
        spreadsheets write) is removed too. The offset is where the field's text starts in its line, for error columns.
        """,
        [Sources.SpcInputFormat, Sources.Rfc4180],
        f => Expr.Let(TrimBlanks.Evaluate(f.Text), inner =>
            Expr.Let(f.Offset + (Enumerable.Range(0, f.Text.Length).Where(i => f.Text.Substring(i, 1) != " " && f.Text.Substring(i, 1) != "\t").Select(i => (int?)i).FirstOrDefault() ?? 0), at =>
                inner.Length >= 2 && inner.Substring(0, 1) == "\"" && inner.Substring(inner.Length - 1, 1) == "\""
                    ? new SpcSpan(inner.Substring(1, inner.Length - 2), at + 1)
                    : new SpcSpan(inner, at))));

    public static readonly Rule<string, SpcLine[]> CsvLines = new(
        "csv-lines",
        RuleKind.OwnMethod,
        """
        Splits CSV text into lines at each line break: a line feed, a carriage return followed by a line feed, or a carriage
        return alone. A byte order mark at the very start is ignored.
        """,
        [Sources.SpcInputFormat, Sources.Rfc4180],
        csv => Expr.Let(csv.Length > 0 && csv.Substring(0, 1) == "\uFEFF" ? csv.Substring(1) : csv, text =>
            Expr.Let(Enumerable.Range(0, text.Length).Select(i => text.Substring(i, 1)).ToArray(), chars =>
                Expr.Let(Enumerable.Range(0, chars.Length)
                        .Where(i => chars[i] == "\n" || (chars[i] == "\r" && (i + 1 == chars.Length || chars[i + 1] != "\n"))).ToArray(), breaks =>
                    Enumerable.Range(0, breaks.Length + 1)
                        .Select(j => Expr.Let(j == 0 ? 0 : breaks[j - 1] + 1, start =>
                            Expr.Let(j == breaks.Length ? text.Length : breaks[j], end =>
                                new SpcLine(j + 1, end > start && chars[end - 1] == "\r" ? text.Substring(start, end - start - 1) : text.Substring(start, end - start)))))
                        .ToArray()))));

    public static readonly Rule<string, SpcTable> ReadCsv = new(
        "read-csv",
        RuleKind.OwnMethod,
        """
        Reads CSV text with the header period,value (either word in any ASCII case). Blank lines are skipped. Each further
        line is one row: the period is the text before the first comma, the value is everything after it, so a value
        written with a thousands separator (1,234) is reported as not a number rather than silently split. Fields may be
        wrapped in double quotes. Errors name the line and column.
        """,
        [Sources.SpcInputFormat, Sources.Rfc4180],
        csv => Expr.Let(CsvLines.Evaluate(csv).Where(l => TrimBlanks.Evaluate(l.Text).Length > 0).ToArray(), lines =>
            lines.Length == 0
                ? new SpcTable(new SpcCell[0], new[] { new SpcMessage("SPC030", "csv", null, 1, 1, "The CSV text is empty: write the header period,value and then one line per period.") })
                : Expr.Let(lines.Select(l => Expr.Let(Enumerable.Range(0, l.Text.Length).Where(i => l.Text.Substring(i, 1) == ",").Select(i => (int?)i).FirstOrDefault(), comma =>
                        Expr.Let(CsvField.Evaluate(new SpcSpan(comma.HasValue ? l.Text.Substring(0, comma.Value) : l.Text, 0)), period =>
                            Expr.Let(comma.HasValue ? CsvField.Evaluate(new SpcSpan(l.Text.Substring(comma.Value + 1), comma.Value + 1)) : new SpcSpan("", l.Text.Length), value =>
                                new SpcCell(0, l.Number, period.Offset + 1, value.Offset + 1, period.Text, value.Text)))))
                    .ToArray(), cells =>
                    new SpcTable(
                        Enumerable.Range(1, lines.Length - 1)
                            .Select(i => new SpcCell(i - 1, cells[i].Line, cells[i].PeriodColumn, cells[i].ValueColumn, cells[i].Period, cells[i].Value))
                            .ToArray(),
                        SameWord.Evaluate(new SpcWord(cells[0].Period, "period", "PERIOD")) && SameWord.Evaluate(new SpcWord(cells[0].Value, "value", "VALUE"))
                            ? new SpcMessage[0]
                            : new[]
                            {
                                new SpcMessage("SPC031", "csv", null, lines[0].Number, 1,
                                    "The first line must be the header period,value (the CSV has a header line, then one line per period)."),
                            }))));
}
