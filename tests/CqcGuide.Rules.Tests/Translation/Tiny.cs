using System.Collections;
using System.Linq.Expressions;
using System.Text;
using CqcGuide.Rules.Tests.Parity;
using CqcGuide.Rules.Translation;

namespace CqcGuide.Rules.Tests.Translation;

/// <summary>Compiles a tiny rule, emits it, runs it in Jint and compares with .NET.</summary>
internal static class Tiny
{
    public static Rule<TIn, TOut> Rule<TIn, TOut>(Expression<Func<TIn, TOut>> expression, string name = "tiny-rule") =>
        new(name, RuleKind.OwnMethod, "A rule made by a unit test.", [], expression);

    public static string Emit(Rule rule) => JsTranslator.Emit("tiny", "1.0.0", "Tiny", new ModuleEntry("run", rule));

    /// <summary>Asserts that .NET and JavaScript agree on every input (both throw, or identical results).</summary>
    public static string Agree<TIn, TOut>(Expression<Func<TIn, TOut>> expression, params TIn[] inputs)
    {
        var rule = Rule(expression);
        var code = Emit(rule);
        var host = new JsHost(code, "run");
        foreach (var input in inputs)
        {
            object? expected = null;
            string? error = null;
            try
            {
                expected = rule.Evaluate(input);
            }
            catch (Exception e)
            {
                error = e.GetType().Name;
            }
            var actual = host.RunLiteral(Literal(input));
            if (error is not null || actual.Error is not null)
            {
                Assert.True(error is not null && actual.Error is not null,
                    $"input {Literal(input)}: .NET {error ?? "returned " + Literal(expected)}, JavaScript {actual.Error ?? "returned a value"}\n{code}");
                continue;
            }
            var difference = JsCompare.Difference(host.Evaluate(Literal(expected)), actual.Value!);
            Assert.True(difference is null, $"input {Literal(input)}: .NET {Literal(expected)}; {difference}\n{code}");
        }
        return code;
    }

    /// <summary>Asserts that translating the rule is refused, naming the rule and the construct.</summary>
    public static TranslationException Refused<TIn, TOut>(Expression<Func<TIn, TOut>> expression, string construct, string name = "refused-rule")
    {
        var rule = Rule(expression, name);
        var e = Assert.Throws<TranslationException>(() => Emit(rule));
        Assert.StartsWith($"rule '{name}': cannot translate ", e.Message);
        Assert.Contains(construct, e.Message);
        Assert.Equal(name, e.RuleName);
        return e;
    }

    /// <summary>A JavaScript literal for a .NET value (NaN, Infinity and -0 included), with camelCase record keys.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        int i => Js.Int(i),
        double d => Js.Double(d),
        string s => Js.String(s),
        Enum e => Js.Int(Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture)),
        IDictionary d => "Object.fromEntries([" + string.Join(", ", d.Keys.Cast<object>().Select(k => $"[{Literal(k)}, {Literal(d[k])}]")) + "])",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Literal)) + "]",
        _ => Record(value),
    };

    private static string Record(object value)
    {
        var text = new StringBuilder("{ ");
        foreach (var (json, member, _) in RulesJson.PropertiesOf(value.GetType()))
            text.Append(Js.String(json)).Append(": ").Append(Literal(value.GetType().GetProperty(member)!.GetValue(value))).Append(", ");
        return text.Append('}').ToString();
    }
}
