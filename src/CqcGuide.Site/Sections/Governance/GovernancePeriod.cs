using System.Globalization;
using System.Text.RegularExpressions;

namespace CqcGuide.Site.Sections.Governance;

/// <summary>
/// A reporting period as organisation.yml writes it: <c>2026-Q3</c>, <c>2026-07</c>, <c>2026</c> or
/// <c>2026-04-01/2026-09-30</c> (ISO 8601's interval of two dates). <see cref="Slug"/> names its page.
/// </summary>
public sealed partial record GovernancePeriod(DateOnly From, DateOnly To, string Title, string Slug)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Reads a period, or says why it cannot (null when it can).</summary>
    public static GovernancePeriod? Parse(string? text, out string? problem)
    {
        problem = null;
        var t = (text ?? "").Trim();
        if (Quarter().Match(t) is { Success: true } q && Year(q.Groups[1].Value) is { } qy)
        {
            var n = q.Groups[2].Value[0] - '0';
            var from = new DateOnly(qy, 3 * n - 2, 1);
            return new(from, from.AddMonths(3).AddDays(-1), $"{Months[3 * n - 3]} to {Months[3 * n - 1]} {qy}", $"{qy}-q{n}");
        }
        if (Month().Match(t) is { Success: true } m && Year(m.Groups[1].Value) is { } my)
        {
            var month = int.Parse(m.Groups[2].Value, Invariant);
            var from = new DateOnly(my, month, 1);
            return new(from, from.AddMonths(1).AddDays(-1), $"{Months[month - 1]} {my}", $"{my}-{month:00}");
        }
        if (YearOnly().IsMatch(t) && Year(t) is { } y)
            return new(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), $"The year {y}", $"{y}");
        if (Range().Match(t) is { Success: true } r)
        {
            if (!DateOnly.TryParseExact(r.Groups[1].Value, "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var from)
                || !DateOnly.TryParseExact(r.Groups[2].Value, "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var to))
            {
                problem = $"'{t}' holds a date that does not exist";
                return null;
            }
            if (to < from)
            {
                problem = $"the period '{t}' ends before it starts";
                return null;
            }
            return new(from, to, $"{Views.DateView.Of(from).Text} to {Views.DateView.Of(to).Text}", $"{from:yyyy-MM-dd}-to-{to:yyyy-MM-dd}");
        }
        problem = $"'{(t.Length > 40 ? t[..40] + "…" : t)}' is not a period";
        return null;
    }

    /// <summary>The quarter holding <paramref name="day"/> and the <paramref name="before"/> quarters before it, latest first.</summary>
    public static IReadOnlyList<GovernancePeriod> QuartersTo(DateOnly day, int before) =>
        Enumerable.Range(0, before + 1).Select(i =>
        {
            var d = day.AddMonths(-3 * i);
            return Parse($"{d.Year:0000}-Q{(d.Month - 1) / 3 + 1}", out _)!;
        }).ToArray();

    /// <summary>Two dates as a period (the CLI's --from and --to).</summary>
    public static GovernancePeriod Between(DateOnly from, DateOnly to) => Parse($"{from:yyyy-MM-dd}/{to:yyyy-MM-dd}", out _)!;

    private static int? Year(string text) => int.TryParse(text, NumberStyles.None, Invariant, out var y) && y is >= 1 and <= 9998 ? y : null;

    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    [GeneratedRegex(@"^([0-9]{4})-[Qq]([1-4])\z")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"^([0-9]{4})-(0[1-9]|1[0-2])\z")]
    private static partial Regex Month();

    [GeneratedRegex(@"^[0-9]{4}\z")]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"^([0-9]{4}-[0-9]{2}-[0-9]{2})/([0-9]{4}-[0-9]{2}-[0-9]{2})\z")]
    private static partial Regex Range();
}
