using CqcGuide.Rules.Translation;
using Jint;
using Xunit.Abstractions;

namespace CqcGuide.Rules.Tests.Parity;

public class EmitSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_model_emits_and_loads()
    {
        foreach (var model in Models.All)
        {
            var code = JsTranslator.EmitModule(model);
            output.WriteLine(code);
            var host = new JsHost(code, model.Entry.FunctionName);
            Assert.Equal(model.Id, host.Module.Get("model").AsObject().Get("id").AsString());
        }
    }
}
