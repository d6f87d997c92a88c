using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CqcGuide.Rules.ScoringModels;

/// <summary>
/// Writes SPC results as JSON, byte for byte what <c>JSON.stringify(analyse(input), null, 2) + "\n"</c> gives in a browser
/// (numbers and strings formatted as JavaScript formats them), and as plain text for the command line.
/// </summary>
public static class SpcReport
{
    /// <summary>
    /// The result as indented camelCase JSON (enums as numbers, keys in declaration order), with JavaScript's number and
    /// string formatting: 1e-7 not 1E-07, 5.551115123125783e-17 not 5.551115123125783E-17, non-ASCII characters as they are.
    /// </summary>
    public static string ToJson(SpcResult result) => JavaScriptJson(JsonSerializer.Serialize(result, RulesJson.Compact)) + "\n";

    /// <summary>Re-writes JSON text as JavaScript's <c>JSON.stringify(value, null, 2)</c> would write the parsed value.</summary>
    public static string JavaScriptJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var text = new StringBuilder();
        Write(text, document.RootElement, 0);
        return text.ToString();
    }

    private static void Write(StringBuilder text, JsonElement element, int indent)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = element.EnumerateObject().ToList();
                if (properties.Count == 0)
                {
                    text.Append("{}");
                    return;
                }
                text.Append("{\n");
                for (var i = 0; i < properties.Count; i++)
                {
                    text.Append(' ', indent + 2);
                    Quote(text, properties[i].Name);
                    text.Append(": ");
                    Write(text, properties[i].Value, indent + 2);
                    text.Append(i + 1 < properties.Count ? ",\n" : "\n");
                }
                text.Append(' ', indent).Append('}');
                return;
            case JsonValueKind.Array:
                var items = element.EnumerateArray().ToList();
                if (items.Count == 0)
                {
                    text.Append("[]");
                    return;
                }
                text.Append("[\n");
                for (var i = 0; i < items.Count; i++)
                {
                    text.Append(' ', indent + 2);
                    Write(text, items[i], indent + 2);
                    text.Append(i + 1 < items.Count ? ",\n" : "\n");
                }
                text.Append(' ', indent).Append(']');
                return;
            case JsonValueKind.String:
                Quote(text, element.GetString()!);
                return;
            case JsonValueKind.Number:
                text.Append(JavaScriptNumber(element.GetDouble()));
                return;
            case JsonValueKind.True:
                text.Append("true");
                return;
            case JsonValueKind.False:
                text.Append("false");
                return;
            default:
                text.Append("null");
                return;
        }
    }

    /// <summary>A number as JavaScript's Number.prototype.toString writes it (ECMA-262 Number::toString, radix 10).</summary>
    public static string JavaScriptNumber(double value)
    {
        if (double.IsNaN(value))
            return "NaN";
        if (double.IsInfinity(value))
            return value > 0 ? "Infinity" : "-Infinity";
        if (value == 0)
            return "0";
        // .NET's round-trip format gives the same shortest digits as JavaScript; only the layout differs.
        var r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOfAny(['E', 'e']);
        var mantissa = e < 0 ? r : r[..e];
        var exponent = e < 0 ? 0 : int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.');
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var n = (dot < 0 ? mantissa.Length : dot) + exponent; // value = 0.digits × 10^n
        var lead = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        n -= lead;
        var k = digits.Length;
        var sign = value < 0 ? "-" : "";
        if (k <= n && n <= 21)
            return sign + digits + new string('0', n - k);
        if (0 < n && n <= 21)
            return sign + digits[..n] + "." + digits[n..];
        if (-6 < n && n <= 0)
            return sign + "0." + new string('0', -n) + digits;
        var power = n - 1;
        var exponentText = (power >= 0 ? "+" : "-") + Math.Abs(power).ToString(CultureInfo.InvariantCulture);
        return sign + (k == 1 ? digits : digits[..1] + "." + digits[1..]) + "e" + exponentText;
    }

    /// <summary>A string as JSON.stringify quotes it: \" \\ \b \f \n \r \t, other controls and lone surrogates as \u00xx.</summary>
    private static void Quote(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20
                        || (char.IsHighSurrogate(c) && (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])))
                        || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]))))
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }

    /// <summary>The result as plain text for the command line: problems, or each segment with its points and the summary.</summary>
    public static string ToText(SpcResult result)
    {
        var text = new StringBuilder();
        text.Append(Spc.Instance.Title).Append(" — ").Append(result.Model.Id).Append(' ').Append(result.Model.Version).Append('\n');
        text.Append(result.Notice).Append(".\n\n");
        foreach (var e in result.Errors)
            text.Append(Location(e)).Append("error ").Append(e.Code).Append(": ").Append(e.Message).Append('\n');
        foreach (var w in result.Warnings)
            text.Append(Location(w)).Append("warning ").Append(w.Code).Append(": ").Append(w.Message).Append('\n');
        if (!result.Valid)
            return text.ToString();
        if (result.Warnings.Length > 0)
            text.Append('\n');
        foreach (var s in result.Segments)
        {
            text.Append("Segment ").Append(s.Index + 1).Append(": ").Append(s.FirstPeriod).Append(" to ").Append(s.LastPeriod)
                .Append(" (").Append(s.Count).Append(s.Count == 1 ? " point" : " points").Append(s.ChangeLabel is null ? "" : ", after: " + s.ChangeLabel).Append(")\n");
            if (s.RunChart)
                text.Append("  Run chart: median ").Append(Number(s.Median!.Value)).Append(" (too few points for process limits)\n");
            else
                text.Append("  Mean ").Append(Number(s.Mean!.Value)).Append(", process limits ").Append(Number(s.LowerLimit!.Value)).Append(" to ")
                    .Append(Number(s.UpperLimit!.Value)).Append(", average moving range ").Append(Number(s.MovingRangeMean!.Value))
                    .Append(s.BaselineCount < s.Count ? $", fixed after {s.BaselineCount} points" : "")
                    .Append(s.MovingRangesExcluded > 0 ? $", {s.MovingRangesExcluded} moving range{(s.MovingRangesExcluded == 1 ? "" : "s")} screened out" : "")
                    .Append('\n');
            foreach (var p in result.Points.Where(p => p.Segment == s.Index))
            {
                text.Append("  ").Append(p.Period.PadRight(9)).Append(Number(p.Value).PadLeft(14));
                if (p.SpecialCause)
                {
                    var rules = new List<string>();
                    if (p.OutsideLimits) rules.Add("outside-limits");
                    if (p.Trend) rules.Add("trend");
                    if (p.TwoOfThree) rules.Add("two-of-three");
                    if (p.Shift) rules.Add("shift");
                    text.Append("  ").Append(p.VariationLabel).Append(" — ").Append(p.CauseLabel).Append(" [").Append(string.Join(", ", rules)).Append(']');
                }
                text.Append('\n');
            }
            text.Append("  Latest: ").Append(s.VariationLabel).Append(s.Assurance == SpcAssurance.None ? "" : "; " + s.AssuranceLabel).Append('\n');
            text.Append('\n');
        }
        text.Append("Summary: ").Append(result.Summary.VariationLabel);
        if (result.Summary.Assurance != SpcAssurance.None)
            text.Append("; ").Append(result.Summary.AssuranceLabel);
        text.Append('\n');
        Explanation.Wrap(text, result.Summary.Reading, "");
        return text.ToString();

        static string Location(SpcMessage m) =>
            m.Line is { } line ? $"line {line}{(m.Column is { } column ? $", column {column}" : "")}: "
            : m.Row is { } row ? (m.Field == "annotation" ? $"change {row + 1}: " : $"row {row + 1}: ")
            : "";

        static string Number(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
