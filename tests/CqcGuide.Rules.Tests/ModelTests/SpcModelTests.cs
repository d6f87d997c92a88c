using System.Text.Json;
using CqcGuide.Rules.ScoringModels;
using CqcGuide.Rules.Tests.Parity;
using CqcGuide.Rules.Translation;
using Jint;
using static CqcGuide.Rules.Tests.ModelTests.SpcExamples;

namespace CqcGuide.Rules.Tests.ModelTests;

/// <summary>The SPC model as a whole: explanation, module, JSON.</summary>
public class SpcModelTests
{
    [Fact]
    public void Explanation_names_the_publisher_of_each_rule()
    {
        var e = Spc.Instance.Explain();
        Assert.False(e.IsCqcMethod);
        var labels = e.Rules.ToDictionary(r => r.Name, r => r.KindLabel);
        Assert.Equal("Published by NHS England's Making Data Count", labels["shift"]);
        Assert.Equal("Published by the NHS-R community's NHSRplotthedots", labels["screen-moving-ranges"]);
        Assert.Equal("Our interpretation (NHS England's Making Data Count is silent or ambiguous)", labels["point-side"]);
        Assert.Equal("CqcGuide's own method (not a CQC rule)", labels["read-csv"]);
        // The CQC models keep their labels.
        Assert.Equal("Published by CQC", Explanation.KindLabel(RuleKind.Published));
        Assert.Equal("Our interpretation (CQC is silent or ambiguous)", CqcSaf.Instance.Explain().Rules.First(r => r.Kind == "interpretation").KindLabel);
        Assert.Equivalent(
            new[] { "mean with one correction pass", "constant baseline", "fix within each segment", "a point on the mean breaks a run", "close means inside the limits",
                "direction at a turning point", "run chart below 12 points", "reading against the previous mean", "limits cut at the possible range" },
            e.Rules.Where(r => r.InterpretationName is not null).Select(r => r.InterpretationName!).ToArray(), strict: true);
    }

    [Fact]
    public void Module_exports_analyse_and_frozen_enums()
    {
        var code = Spc.Instance.Module;
        Assert.Contains("export function analyse(input)", code);
        var host = new JsHost(Spc.Instance.Module, "analyse"); // not the shared host: xunit runs the parity class at the same time
        Assert.Equal("spc", host.Module.Get("model").AsObject().Get("id").AsString());
        foreach (var name in new[] { "SpcVariation", "SpcAssurance", "SpcCause", "SpcMarker", "SpcLineKind", "SpcPeriodKind", "SpcDirection" })
            Assert.True(host.Evaluate("Object.isFrozen").Call(host.Module.Get(name)).AsBoolean(), name);
        Assert.Equal((int)SpcVariation.ConcernLow, host.Module.Get("SpcVariation").AsObject().Get("ConcernLow").AsNumber());
    }

    [Fact]
    public void The_browser_gets_the_same_reading_from_csv_text()
    {
        var input = new SpcInput("period,value\n" + string.Join("\n", Months(19).Select((m, i) => m + "," + (i < 12 ? 10 + i % 3 : 14).ToString())), null,
            "month", "increase", "12", null, null, null, 12, null, null);
        var result = Spc.Analyse(input);
        var js = new JsHost(Spc.Instance.Module, "analyse").Run(input.ToJson());
        Assert.Null(js.Error);
        Assert.Equal(result.Summary.Reading, js.Value!.AsObject().Get("summary").AsObject().Get("reading").AsString());
        Assert.Equal(SpcVariation.ImprovementHigh, result.Summary.Variation);
    }

    [Fact]
    public void Result_json_is_camel_case_in_a_fixed_order_and_stable()
    {
        var input = Input([12, 9, 11, 10, 12, 9, 11, 10, 12, 9, 11, 10, 16], target: "11");
        var json = SpcReport.ToJson(Spc.Analyse(input));
        Assert.Equal(json, SpcReport.ToJson(Spc.Analyse(input)));
        using var document = JsonDocument.Parse(json);
        Assert.Equal(["model", "notice", "valid", "errors", "warnings", "settings", "points", "segments", "summary", "chart"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["index", "period", "label", "value", "segment", "baseline", "movingRange", "movingRangeUsed", "side", "outsideLimits", "nearLimit",
                "shift", "trend", "twoOfThree", "specialCause", "cause", "causeLabel", "variation", "variationLabel"],
            document.RootElement.GetProperty("points")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(Spc.NoticeText, document.RootElement.GetProperty("notice").GetString());
        Assert.EndsWith("\n", json);
        Assert.DoesNotContain("\r", json);
    }

    [Fact]
    public void Numbers_are_written_as_javascript_writes_them()
    {
        var engine = new Engine();
        double[] samples =
        [
            0, 1, -1, 0.1, 0.2 + 0.1, 1e-7, 1.5e-7, 1e-6, 0.000001234, 5.551115123125783e-17, 1e21, 1e20, 123456789012345680000.0, 2.5e22, -7.25e-10,
            double.Epsilon, double.MaxValue, double.MinValue, 2000538.9444444445, 0.8614049789074258, 100, 1234.5, 133, 1 / 3.0,
        ];
        foreach (var d in samples)
            Assert.Equal(engine.Evaluate($"String({Js.Double(d)})").AsString(), SpcReport.JavaScriptNumber(d));
        Assert.Equal("0", SpcReport.JavaScriptNumber(-0.0));
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            // Jint writes whole numbers from 2^53 up with all their digits (V8 and the specification use the shortest
            // digits); results never hold such numbers, because values have at most 15 digits before the decimal point.
            var d = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (double.IsFinite(d) && Math.Abs(d) < 9007199254740992)
                Assert.Equal(engine.Evaluate($"String({Js.Double(d)})").AsString(), SpcReport.JavaScriptNumber(d));
        }
    }

    [Fact]
    public void Strings_are_escaped_as_json_stringify_escapes_them()
    {
        var engine = new Engine();
        foreach (var s in new[] { "plain", "quote \" and \\ backslash", "\b\f\n\r\t\u0001\u001f\u007f", "Ünïcödé — “quotes” \u2028\u2029", "\ud83d\ude00", "\ud800 lone", "lone \udc00" })
        {
            var json = JsonSerializer.Serialize(s);
            Assert.Equal(engine.Evaluate($"JSON.stringify(JSON.parse({Js.String(json)}), null, 2)").AsString(), SpcReport.JavaScriptJson(json));
        }
    }

    [Fact]
    public void Plain_text_report_lists_segments_points_and_the_reading()
    {
        var text = SpcReport.ToText(Analyse([12, 9, 11, 10, 12, 9, 11, 10, 12, 9, 11, 10, 16], target: "11", fixAfter: 12));
        Assert.Contains("Segment 1: 2024-01 to 2025-01 (13 points)", text);
        Assert.Contains("Mean 10.5, process limits 5.18 to 15.82, average moving range 2, fixed after 12 points", text);
        Assert.Contains("2025-01              16  Special cause improvement (higher values) — Above the upper process limit [outside-limits]", text);
        Assert.Contains("Summary: Special cause improvement (higher values); Hit and miss: the target lies within the process limits", text);
        var errors = SpcReport.ToText(Spc.Analyse(new SpcInput("period,value\n2024-01,x", null, "month", "increase", null, null, null, null, null, null, null)));
        Assert.Contains("line 2, column 9: error SPC020: 'x' is not a number", errors);
    }
}
