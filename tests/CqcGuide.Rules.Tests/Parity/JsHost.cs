using System.Text.Json;
using Jint;
using Jint.Native;
using Jint.Native.Object;

namespace CqcGuide.Rules.Tests.Parity;

/// <summary>
/// Runs an emitted ES module in Jint: the input goes in as JSON text and through <c>JSON.parse</c> inside the engine,
/// exactly as a browser would receive it. One host per module; not thread-safe.
/// </summary>
public sealed class JsHost
{
    private readonly Engine engine;
    private readonly JsValue run;
    private readonly JsValue runValue;

    public JsHost(string moduleCode, string entryFunction, string specifier = "rules", string modelId = "")
    {
        ModelId = modelId;
        engine = new Engine(options => options.Strict());
        engine.Modules.Add(specifier, moduleCode);
        engine.Modules.Add("harness", $$"""
            import { {{entryFunction}} as entry } from "{{specifier}}";
            export function run(text) { return entry(JSON.parse(text)); }
            export function runValue(value) { return entry(value); }
            """);
        var harness = engine.Modules.Import("harness");
        run = harness.Get("run");
        runValue = harness.Get("runValue");
        Module = engine.Modules.Import(specifier);
    }

    /// <summary>The model this host runs (for parity checks).</summary>
    public string ModelId { get; }

    /// <summary>The module namespace (exports).</summary>
    public ObjectInstance Module { get; }

    /// <summary>Runs the entry function; an exception thrown by the module is returned as a <see cref="JsRunResult"/> error.</summary>
    public JsRunResult Run(string inputJson)
    {
        try
        {
            return new JsRunResult(engine.Invoke(run, inputJson), null);
        }
        catch (Jint.Runtime.JavaScriptException e)
        {
            return new JsRunResult(null, e.Error.ToString() + ": " + e.Message);
        }
    }

    /// <summary>Runs the entry function on a JavaScript literal (for values JSON cannot carry: NaN, Infinity, -0).</summary>
    public JsRunResult RunLiteral(string literal)
    {
        var value = engine.Evaluate("(" + literal + ")");
        try
        {
            return new JsRunResult(engine.Invoke(runValue, value), null);
        }
        catch (Jint.Runtime.JavaScriptException e)
        {
            return new JsRunResult(null, e.Error.ToString() + ": " + e.Message);
        }
    }

    public JsValue Evaluate(string script) => engine.Evaluate("(" + script + ")");
}

public sealed record JsRunResult(JsValue? Value, string? Error);

/// <summary>Structural comparison of a JavaScript value with .NET's JSON: same keys, same types, doubles bit-for-bit.</summary>
public static class JsCompare
{
    /// <summary>Null when equal, otherwise a description of the first difference.</summary>
    public static string? Difference(JsValue js, string expectedJson)
    {
        using var document = JsonDocument.Parse(expectedJson);
        return Difference(js, document.RootElement, "$");
    }

    public static string? Difference(JsValue js, JsonElement net, string path)
    {
        switch (net.ValueKind)
        {
            case JsonValueKind.Object:
                if (!js.IsObject() || js.IsArray())
                    return $"{path}: .NET has an object, JavaScript has {Describe(js)}";
                var obj = js.AsObject();
                var jsKeys = obj.GetOwnPropertyKeys().Select(k => k.ToString()).ToList();
                var netKeys = net.EnumerateObject().Select(p => p.Name).ToList();
                if (!jsKeys.SequenceEqual(netKeys))
                    return $"{path}: keys differ: .NET [{string.Join(", ", netKeys)}], JavaScript [{string.Join(", ", jsKeys)}]";
                foreach (var property in net.EnumerateObject())
                    if (Difference(obj.Get(property.Name), property.Value, path + "." + property.Name) is { } d)
                        return d;
                return null;
            case JsonValueKind.Array:
                if (!js.IsArray())
                    return $"{path}: .NET has an array, JavaScript has {Describe(js)}";
                var array = js.AsArray();
                var items = net.EnumerateArray().ToList();
                if ((int)array.Length != items.Count)
                    return $"{path}: .NET has {items.Count} items, JavaScript {array.Length}";
                for (var i = 0; i < items.Count; i++)
                    if (Difference(array[(uint)i], items[i], $"{path}[{i}]") is { } d)
                        return d;
                return null;
            case JsonValueKind.String:
                return js.IsString() && js.AsString() == net.GetString() ? null : $"{path}: .NET \"{net.GetString()}\", JavaScript {Describe(js)}";
            case JsonValueKind.Number:
                if (!js.IsNumber())
                    return $"{path}: .NET {net.GetRawText()}, JavaScript {Describe(js)}";
                var a = net.GetDouble();
                var b = js.AsNumber();
                return BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) ? null : $"{path}: .NET {a:R}, JavaScript {b:R}";
            case JsonValueKind.True:
            case JsonValueKind.False:
                return js.IsBoolean() && js.AsBoolean() == (net.ValueKind == JsonValueKind.True) ? null : $"{path}: .NET {net.GetRawText()}, JavaScript {Describe(js)}";
            case JsonValueKind.Null:
                return js.IsNull() ? null : $"{path}: .NET null, JavaScript {Describe(js)}";
            default:
                return $"{path}: unexpected JSON {net.ValueKind}";
        }
    }

    /// <summary>Null when two JavaScript values are structurally identical (doubles bit for bit, -0 distinct from 0).</summary>
    public static string? Difference(JsValue expected, JsValue actual, string path = "$")
    {
        if (expected.IsNull() || expected.IsUndefined())
            return actual.IsNull() || actual.IsUndefined() ? null : $"{path}: expected null, got {Describe(actual)}";
        if (expected.IsArray())
        {
            if (!actual.IsArray())
                return $"{path}: expected an array, got {Describe(actual)}";
            var e = expected.AsArray();
            var a = actual.AsArray();
            if (e.Length != a.Length)
                return $"{path}: expected {e.Length} items, got {a.Length}";
            for (uint i = 0; i < e.Length; i++)
                if (Difference(e[i], a[i], $"{path}[{i}]") is { } d)
                    return d;
            return null;
        }
        if (expected.IsObject())
        {
            if (!actual.IsObject() || actual.IsArray())
                return $"{path}: expected an object, got {Describe(actual)}";
            var ek = expected.AsObject().GetOwnPropertyKeys().Select(k => k.ToString()).ToList();
            var ak = actual.AsObject().GetOwnPropertyKeys().Select(k => k.ToString()).ToList();
            if (!ek.SequenceEqual(ak))
                return $"{path}: expected keys [{string.Join(", ", ek)}], got [{string.Join(", ", ak)}]";
            foreach (var k in ek)
                if (Difference(expected.AsObject().Get(k), actual.AsObject().Get(k), path + "." + k) is { } d)
                    return d;
            return null;
        }
        if (expected.IsNumber())
            return actual.IsNumber() && BitConverter.DoubleToInt64Bits(expected.AsNumber()) == BitConverter.DoubleToInt64Bits(actual.AsNumber())
                || (actual.IsNumber() && double.IsNaN(expected.AsNumber()) && double.IsNaN(actual.AsNumber()))
                ? null
                : $"{path}: expected {expected.AsNumber():R}, got {Describe(actual)}";
        if (expected.IsString())
            return actual.IsString() && actual.AsString() == expected.AsString() ? null : $"{path}: expected \"{expected}\", got {Describe(actual)}";
        if (expected.IsBoolean())
            return actual.IsBoolean() && actual.AsBoolean() == expected.AsBoolean() ? null : $"{path}: expected {expected}, got {Describe(actual)}";
        return $"{path}: cannot compare {expected}";
    }

    private static string Describe(JsValue js) =>
        js.IsUndefined() ? "undefined" : js.IsArray() ? "an array" : js.IsObject() ? "an object" : js.IsNumber() ? js.AsNumber().ToString("R") : js.ToString();
}
