using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace CqcGuide.Site.Yaml;

/// <summary>Overrides the YAML key of a property (the default is the property name in snake_case).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class YamlKeyAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>Where each bound value came from: <c>"items[2].guidance"</c> → line and column.</summary>
public sealed class SourceMap(string path)
{
    private readonly Dictionary<string, SourceSpan> spans = new(StringComparer.Ordinal);

    public string Path { get; } = path;

    internal void Record(string key, SourceSpan span) => spans[key] = span;

    /// <summary>The position of a value, falling back to its parent's and finally to the file's first line.</summary>
    public SourceSpan this[string key]
    {
        get
        {
            while (true)
            {
                if (spans.TryGetValue(key, out var span)) return span;
                var cut = Math.Max(key.LastIndexOf('.'), key.LastIndexOf('['));
                if (cut <= 0) return spans.GetValueOrDefault("", SourceSpan.File(Path));
                key = key[..cut];
            }
        }
    }
}

/// <summary>
/// Binds a YAML mapping to a typed, immutable record and reports every problem (unknown key, wrong type,
/// missing required field, impossible date) at the line and column of its node, all in one pass.
/// YamlDotNet's own deserializer stops at the first problem, hence this binder over its representation model.
/// </summary>
public static class YamlBinder
{
    private sealed record Member(string Key, PropertyInfo Property, bool Required, bool WebAddress);

    /// <summary>The longest text value (titles have their own, shorter limit).</summary>
    public const int MaxTextLength = 20_000;

    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    public static T? Bind<T>(YamlMappingNode node, int firstLine, SourceMap map, DiagnosticBag diagnostics) where T : class
    {
        var context = new Context(firstLine, map, diagnostics);
        map.Record("", context.Span(node));
        return (T?)BindObject(typeof(T), node, "", context);
    }

    public static string KeyOf(PropertyInfo p) =>
        p.GetCustomAttribute<YamlKeyAttribute>()?.Name ?? SnakeCase(p.Name);

    public static IReadOnlyList<string> KeysOf(Type t) => MembersOf(t).Select(m => m.Key).ToArray();

    private sealed record Context(int FirstLine, SourceMap Map, DiagnosticBag Diagnostics)
    {
        public SourceSpan Span(YamlNode node) =>
            new(Map.Path, FirstLine + (int)node.Start.Line - 1, (int)node.Start.Column);
    }

    private static Member[] MembersOf(Type t) => Members.GetOrAdd(t, static type =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<YamlIgnoreAttribute>() is null)
            .Select(p => new Member(KeyOf(p), p, p.IsDefined(typeof(RequiredMemberAttribute), false), p.IsDefined(typeof(Pipeline.WebAddressAttribute), false)))
            .ToArray());

    private static object? BindObject(Type type, YamlNode node, string path, Context cx)
    {
        if (node is not YamlMappingNode mapping)
        {
            cx.Diagnostics.Error(Codes.WrongType, $"{Describe(path)} must be a mapping of 'key: value' entries", cx.Span(node));
            return null;
        }
        var instance = Activator.CreateInstance(type)!;
        var members = MembersOf(type);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var failed = false;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var member = Array.Find(members, m => m.Key == key);
            if (member is null)
            {
                var suggestion = Nearest(key, members.Select(m => m.Key));
                cx.Diagnostics.Error(Codes.UnknownKey, $"unknown key '{key}'{(path.Length > 0 ? $" in {path}" : "")}",
                    cx.Span(keyNode),
                    suggestion is not null ? $"did you mean '{suggestion}'?" : $"allowed keys: {string.Join(", ", members.Select(m => m.Key))}");
                failed = true;
                continue;
            }
            seen.Add(key);
            var childPath = path.Length == 0 ? key : path + "." + key;
            cx.Map.Record(childPath, cx.Span(valueNode));
            if (IsNull(valueNode))
            {
                if (member.Required)
                {
                    cx.Diagnostics.Error(Codes.MissingField, $"'{childPath}' is required and cannot be empty", cx.Span(valueNode));
                    failed = true;
                }
                continue;
            }
            if (TryConvert(member.Property.PropertyType, valueNode, childPath, cx, out var value) && (!member.WebAddress || CheckAddresses(value, childPath, cx)))
                member.Property.SetValue(instance, value);
            else
                failed = true;
        }
        foreach (var member in members.Where(m => m.Required && !seen.Contains(m.Key)))
        {
            cx.Diagnostics.Error(Codes.MissingField,
                $"required key '{member.Key}' is missing{(path.Length > 0 ? $" in {path}" : "")}", cx.Span(node),
                $"add '{member.Key}: ...'");
            failed = true;
        }
        return failed ? null : instance;
    }

    /// <summary>Links written in front matter (<see cref="Pipeline.WebAddressAttribute"/>): web, email or site addresses only.</summary>
    private static bool CheckAddresses(object? value, string path, Context cx)
    {
        var ok = true;
        if (value is string s) ok = Pipeline.WebAddresses.Check(s, cx.Map[path], cx.Diagnostics);
        else if (value is IEnumerable<string> list)
        {
            var i = 0;
            foreach (var item in list) ok &= item is null || Pipeline.WebAddresses.Check(item, cx.Map[$"{path}[{i++}]"], cx.Diagnostics);
        }
        return ok;
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted) } s
        && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");

    private static bool TryConvert(Type type, YamlNode node, string path, Context cx, out object? value)
    {
        value = null;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string) || underlying.IsPrimitive || underlying.IsEnum
            || underlying == typeof(DateOnly) || underlying == typeof(double))
        {
            if (node is not YamlScalarNode scalar)
            {
                cx.Diagnostics.Error(Codes.WrongType, $"'{path}' must be {TypeName(underlying)}, not a {(node is YamlSequenceNode ? "list" : "mapping")}",
                    cx.Span(node));
                return false;
            }
            return TryScalar(underlying, scalar, path, cx, out value);
        }
        if (ListElementType(type) is { } element)
        {
            if (node is not YamlSequenceNode sequence)
            {
                cx.Diagnostics.Error(Codes.WrongType, $"'{path}' must be a list", cx.Span(node),
                    "write it as [a, b] or as lines starting with '- '");
                return false;
            }
            var list = Array.CreateInstance(element, sequence.Children.Count);
            var ok = true;
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                var child = sequence.Children[i];
                var childPath = $"{path}[{i}]";
                cx.Map.Record(childPath, cx.Span(child));
                if (IsNull(child))
                {
                    cx.Diagnostics.Error(Codes.MissingField, $"'{childPath}' is empty", cx.Span(child));
                    ok = false;
                }
                else if (TryConvert(element, child, childPath, cx, out var item)) list.SetValue(item, i);
                else ok = false;
            }
            value = list;
            return ok;
        }
        if (underlying.IsClass)
        {
            value = BindObject(underlying, node, path, cx);
            return value is not null;
        }
        throw new NotSupportedException($"YamlBinder cannot bind {type}");
    }

    private static bool TryScalar(Type type, YamlScalarNode scalar, string path, Context cx, out object? value)
    {
        var text = scalar.Value ?? "";
        value = null;
        if (type == typeof(string))
        {
            var bad = Loading.TextRules.IndexOfForbidden(text);
            if (bad >= 0)
            {
                cx.Diagnostics.Error(Codes.InvalidCharacter, $"'{path}' contains the control character or noncharacter {Loading.TextRules.Name(text, bad)}, which a web page or feed cannot carry",
                    cx.Span(scalar), "remove it (look for an escape such as \\x01 or \\u0001 in a quoted value)");
                return false;
            }
            if (text.Length > MaxTextLength)
            {
                cx.Diagnostics.Error(Codes.TooLong, $"'{path}' is {text.Length:N0} characters long; the most is {MaxTextLength:N0}", cx.Span(scalar),
                    "move long text into the Markdown body");
                return false;
            }
            if (Loading.TextRules.HasInvisible(text))
            {
                cx.Diagnostics.Warning(Codes.InvisibleCharacter, $"'{path}' contains invisible formatting characters (a bidi override or a zero-width space), removed",
                    cx.Span(scalar), "they make text read differently from how it shows; delete them from the value");
                text = Loading.TextRules.WithoutInvisible(text);
            }
            value = text;
            return true;
        }
        if (type == typeof(int) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
        {
            value = i;
            return true;
        }
        if (type == typeof(double) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            value = d;
            return true;
        }
        if (type == typeof(bool) && text is "true" or "false")
        {
            value = text == "true";
            return true;
        }
        if (type == typeof(DateOnly))
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                value = date;
                return true;
            }
            var looksLikeDate = System.Text.RegularExpressions.Regex.IsMatch(text, @"^\d{4}-\d{2}-\d{2}$");
            cx.Diagnostics.Error(Codes.InvalidDate,
                looksLikeDate ? $"'{path}' is not a real date: {text}" : $"'{path}' must be a date written YYYY-MM-DD, not '{text}'",
                cx.Span(scalar), looksLikeDate ? "check the day exists in that month" : "for example 2026-03-31");
            return false;
        }
        if (type.IsEnum)
        {
            foreach (var name in Enum.GetNames(type))
            {
                if (KebabCase(name) == text)
                {
                    value = Enum.Parse(type, name);
                    return true;
                }
            }
            var allowed = Enum.GetNames(type).Select(KebabCase).ToArray();
            var suggestion = Nearest(text, allowed);
            cx.Diagnostics.Error(Codes.InvalidValue, $"'{path}' cannot be '{text}'", cx.Span(scalar),
                (suggestion is not null ? $"did you mean '{suggestion}'? " : "") + $"allowed: {string.Join(", ", allowed)}");
            return false;
        }
        cx.Diagnostics.Error(Codes.WrongType, $"'{path}' must be {TypeName(type)}, not '{text}'", cx.Span(scalar));
        return false;
    }

    private static Type? ListElementType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (type.IsGenericType)
        {
            var def = type.GetGenericTypeDefinition();
            if (def == typeof(IReadOnlyList<>) || def == typeof(IList<>) || def == typeof(IEnumerable<>) || def == typeof(List<>))
                return type.GetGenericArguments()[0];
        }
        return null;
    }

    private static string TypeName(Type t) =>
        t == typeof(int) ? "a whole number" :
        t == typeof(double) ? "a number" :
        t == typeof(bool) ? "true or false" :
        t == typeof(string) ? "text" :
        t == typeof(DateOnly) ? "a date (YYYY-MM-DD)" : t.Name;

    private static string Describe(string path) => path.Length == 0 ? "the front matter" : $"'{path}'";

    private static string? Nearest(string input, IEnumerable<string> candidates) =>
        CqcGuide.Rules.Domain.Nearest.Find(input, candidates);

    public static string SnakeCase(string name) => Separate(name, '_');

    public static string KebabCase(string name) => Separate(name, '-');

    private static string Separate(string name, char separator)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0) sb.Append(separator);
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}

/// <summary>Excludes a property from YAML binding.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class YamlIgnoreAttribute : Attribute;
