using System.Globalization;
using CqcGuide.Rules.ScoringModels;

namespace CqcGuide.Rules.Tests.ModelTests;

/// <summary>Builds SPC inputs for tests.</summary>
internal static class SpcExamples
{
    /// <summary>Consecutive months from <paramref name="year"/>-<paramref name="month"/>.</summary>
    public static string[] Months(int count, int year = 2024, int month = 1) =>
        Enumerable.Range(0, count).Select(i => $"{year + (month - 1 + i) / 12:D4}-{(month - 1 + i) % 12 + 1:D2}").ToArray();

    /// <summary>A value as text with at most 15 significant digits (the rules read at most 15 digits exactly).</summary>
    public static string Text(double value)
    {
        var text = value.ToString("G15", CultureInfo.InvariantCulture);
        if (!text.Contains('E'))
            return text;
        return decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }

    public static SpcInput Input(IEnumerable<double> values, string direction = "increase", string? target = null, int? fixAfter = null,
        int? runLength = null, bool? screen = null, SpcAnnotation[]? annotations = null, int year = 2024, int month = 1)
    {
        var v = values.ToArray();
        var periods = Months(v.Length, year, month);
        return new SpcInput(null, v.Select((x, i) => new SpcRow(periods[i], Text(x))).ToArray(), "month", direction, target, null, null,
            annotations, fixAfter, runLength, screen);
    }

    public static SpcResult Analyse(IEnumerable<double> values, string direction = "increase", string? target = null, int? fixAfter = null,
        int? runLength = null, bool? screen = null, SpcAnnotation[]? annotations = null) =>
        Spc.Analyse(Input(values, direction, target, fixAfter, runLength, screen, annotations));

    /// <summary>Indexes of the points whose variation is one of <paramref name="kinds"/>.</summary>
    public static int[] Where(SpcResult result, params SpcVariation[] kinds) =>
        result.Points.Where(p => kinds.Contains(p.Variation)).Select(p => p.Index).ToArray();

    public static double Round(double? value, int decimals = 2) => Math.Round(value!.Value, decimals, MidpointRounding.AwayFromZero);
}
