using Jint;

namespace CqcGuide.Rules.Tests.Parity;

/// <summary>
/// Beyond structural equality: JSON.stringify(result, null, 2) in JavaScript gives exactly the text
/// ScoreReport.ToJson writes in .NET (same keys, same order, same number formatting), so a browser test can compare text.
/// </summary>
public class JsonTextParityTests
{
    [Fact]
    public void Javascript_json_text_equals_dotnet_json_text()
    {
        foreach (var model in CqcGuide.Rules.Models.All)
        {
            var host = new JsHost(CqcGuide.Rules.Translation.JsTranslator.EmitModule(model), model.Entry.FunctionName);
            var stringify = host.Evaluate("(value) => JSON.stringify(value, null, 2) + \"\\n\"");
            foreach (var c in Generators.Cases(model.Id, 300))
            {
                var result = host.Run(c.InputJson);
                Assert.Null(result.Error);
                Assert.Equal(c.ExpectedJson, stringify.Call(result.Value!).AsString());
            }
        }
    }
}
