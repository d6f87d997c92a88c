using System.Diagnostics;
using CqcGuide.Rules.ScoringModels;
using CsCheck;
using Jint;
using Xunit.Abstractions;

namespace CqcGuide.Rules.Tests.Parity;

/// <summary>
/// The parity property for the SPC model: for every boundary case and 10,000 generated series (short, constant, rebased,
/// fixed, on the mean or a limit, negative, decimal, CSV text, with mistakes), <c>JSON.stringify(analyse(JSON.parse(input)),
/// null, 2) + "\n"</c> in Jint is byte for byte <see cref="SpcReport.ToJson"/> in .NET. Equal text means equal numbers
/// bit for bit (both write the shortest round-trip digits) except for the sign of zero, so the JavaScript side marks -0
/// (the .NET writer never writes it). Boundary cases are also compared structurally.
/// </summary>
public class SpcParityTests(ITestOutputHelper output)
{
    private const string Stringify =
        "(value) => JSON.stringify(value, (key, x) => (typeof x === \"number\" && Object.is(x, -0) ? \"minus zero\" : x), 2) + \"\\n\"";

    [Fact]
    public void Csharp_and_javascript_agree()
    {
        var host = ParityTests.HostFor(Spc.Instance);
        var stringify = host.Evaluate(Stringify);
        var watch = Stopwatch.StartNew();
        var boundary = 0;
        foreach (var input in Generators.BoundaryInputs(Spc.ModelId))
        {
            boundary++;
            var expected = Generators.Expected(Spc.ModelId, input);
            Assert.Null(expected.ExpectedError);
            var actual = host.Run(input);
            Assert.Null(actual.Error);
            Assert.Null(JsCompare.Difference(actual.Value!, expected.ExpectedJson!));
            Assert.Equal(expected.ExpectedJson, stringify.Call(actual.Value!).AsString());
        }
        var generated = 0;
        var valid = 0;
        Generators.InputJson(Spc.ModelId).Sample(input =>
        {
            generated++;
            var expected = Generators.Expected(Spc.ModelId, input);
            if (expected.ExpectedError is not null)
                throw new Xunit.Sdk.XunitException($".NET threw {expected.ExpectedError}: the model must return problems, not throw");
            var actual = host.Run(input);
            if (actual.Error is not null)
                throw new Xunit.Sdk.XunitException($"JavaScript threw {actual.Error}");
            var text = stringify.Call(actual.Value!).AsString();
            if (text != expected.ExpectedJson)
                throw new Xunit.Sdk.XunitException("spc: " + (JsCompare.Difference(actual.Value!, expected.ExpectedJson!) ?? "the JSON text differs") + "\n" + FirstDifference(expected.ExpectedJson!, text));
            if (expected.ExpectedJson!.Contains("\"valid\": true", StringComparison.Ordinal))
                valid++;
        }, iter: ParityTests.Generated, threads: 1);
        output.WriteLine($"spc: {boundary + generated} inputs ({boundary} boundary, {generated} generated, {valid} of them valid series), identical JSON text, {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(generated >= ParityTests.Generated);
        Assert.True(valid > generated / 4, $"only {valid} generated series were valid");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i])
            i++;
        var from = Math.Max(0, i - 200);
        return $".NET: …{expected[from..Math.Min(expected.Length, i + 100)]}\nJavaScript: …{actual[from..Math.Min(actual.Length, i + 100)]}";
    }
}
