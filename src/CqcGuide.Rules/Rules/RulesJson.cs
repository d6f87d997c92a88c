using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CqcGuide.Rules;

/// <summary>
/// The one JSON contract of the rules: camelCase property names (System.Text.Json's policy), enums as numbers,
/// properties in declaration order. The translator reads property names from the same options, so the objects
/// the JavaScript module builds have exactly the keys .NET writes.
/// </summary>
public static class RulesJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            IndentSize = 2,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
            RespectNullableAnnotations = false,
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The JSON name of <paramref name="type"/>'s property <paramref name="memberName"/> (throws if it is not serialised).</summary>
    public static string NameOf(Type type, string memberName) =>
        PropertiesOf(type).FirstOrDefault(p => p.MemberName == memberName).JsonName
        ?? throw new ArgumentException($"{type.Name}.{memberName} is not a serialised property.", nameof(memberName));

    /// <summary>The serialised properties of <paramref name="type"/>: JSON name and CLR member name, in output order.</summary>
    public static IReadOnlyList<(string JsonName, string MemberName, Type Type)> PropertiesOf(Type type)
    {
        var info = Options.GetTypeInfo(type);
        if (info.Kind != JsonTypeInfoKind.Object)
            return [];
        return info.Properties
            .Where(p => p.Get is not null)
            .Select(p => (p.Name, (p.AttributeProvider as System.Reflection.MemberInfo)?.Name ?? p.Name, p.PropertyType))
            .ToArray();
    }
}
