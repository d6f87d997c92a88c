using System.Globalization;
using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CqcGuide.Rules.Translation;

/// <summary>
/// Translates a model's rules (C# expression trees) into one readable ES module. The output keeps C# semantics where
/// JavaScript differs and is deterministic: the same model always gives the same bytes. Anything it cannot translate
/// faithfully raises a <see cref="TranslationException"/> naming the rule and the node.
/// </summary>
public static class JsTranslator
{
    /// <summary>
    /// The ES module of a model: <c>model</c> metadata, enums, the model's exported data (<see cref="RuleModel.Exports"/>),
    /// one function per rule and the entry point.
    /// </summary>
    public static string EmitModule(RuleModel model) => Compile(model).Text;

    /// <summary>The SHA-256 (lower-case hex) of the model's canonical rule text, as exported in <c>model.sourceHash</c>.</summary>
    public static string SourceHash(RuleModel model) => Compile(model).Hash;

    /// <summary>The module text and its source hash in one translation.</summary>
    public static (string Text, string Hash) Compile(RuleModel model) =>
        new ModuleBuilder(model.Id, model.Version, model.Title, model.Entry, model.Rules, model.Exports).Build();

    /// <summary>
    /// Emits a module for any entry rule (used by tests and tools): <c>export function {entry.FunctionName}(input)</c>.
    /// <paramref name="order"/> fixes the order of rule functions; rules reached but not listed follow in discovery order.
    /// </summary>
    public static string Emit(string id, string version, string title, ModuleEntry entry, IEnumerable<Rule>? order = null) =>
        new ModuleBuilder(id, version, title, entry, order?.ToArray() ?? [], []).Build().Text;

    /// <summary>Every rule reachable from <paramref name="entry"/> through <c>Evaluate</c> calls, the entry first.</summary>
    public static IReadOnlyList<Rule> ReachableRules(Rule entry) => ModuleBuilder.Discover(entry);

    /// <summary>The function name a rule gets in JavaScript (camelCase of its kebab-case name).</summary>
    public static string FunctionName(Rule rule) => CamelCase(rule.Name);

    internal static string CamelCase(string kebab)
    {
        var parts = kebab.Split('-');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    internal static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
        "enum", "export", "extends", "false", "finally", "for", "function", "if", "implements", "import", "in",
        "instanceof", "interface", "let", "new", "null", "package", "private", "protected", "public", "return", "static",
        "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield",
        "arguments", "eval", "undefined", "NaN", "Infinity", "Math", "Object", "Number", "Array", "Error", "JSON", "Set",
        "String", "Boolean", "Symbol", "globalThis", "model", "input",
    };
}

internal sealed class ModuleBuilder
{
    private readonly string id;
    private readonly string version;
    private readonly string title;
    private readonly ModuleEntry entry;
    private readonly IReadOnlyList<Rule> order;
    private readonly IReadOnlyList<ModuleExport> exports;

    internal readonly HashSet<string> Helpers = new(StringComparer.Ordinal);
    internal readonly SortedDictionary<string, Type> Enums = new(StringComparer.Ordinal);
    internal readonly List<(string Name, string Literal)> Constants = [];
    internal readonly Dictionary<string, string> ConstantsByLiteral = new(StringComparer.Ordinal);
    internal readonly Dictionary<Rule, string> FunctionNames = new(ReferenceEqualityComparer.Instance);
    internal readonly HashSet<string> ModuleNames = new(StringComparer.Ordinal);

    public ModuleBuilder(string id, string version, string title, ModuleEntry entry, IReadOnlyList<Rule> order, IReadOnlyList<ModuleExport> exports)
    {
        this.id = id;
        this.version = version;
        this.title = title;
        this.entry = entry;
        this.order = order;
        this.exports = exports;
    }

    public (string Text, string Hash) Build()
    {
        var reachable = Discover(entry.Rule);
        var listed = order.Where(r => reachable.Contains(r)).ToList();
        var rules = listed.Concat(reachable.Where(r => !listed.Contains(r))).ToList();

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (!names.Add(rule.Name))
                throw new TranslationException(rule.Name, "a second rule with the same name", null, "Rule names must be unique within a model");
        }
        ModuleNames.Add(entry.FunctionName);
        ModuleNames.Add("model");
        foreach (var export in exports)
        {
            if (!Js.IsIdentifier(export.Name) || JsTranslator.Reserved.Contains(export.Name) || !ModuleNames.Add(export.Name))
                throw new TranslationException(entry.Rule.Name, $"the export '{export.Name}'", null,
                    "Exports need a JavaScript identifier that is not reserved and not used by the module already");
        }
        foreach (var rule in rules)
        {
            var name = JsTranslator.CamelCase(rule.Name);
            if (JsTranslator.Reserved.Contains(name) || !ModuleNames.Add(name))
            {
                name += "Rule";
                ModuleNames.Add(name);
            }
            FunctionNames[rule] = name;
        }

        var functions = new StringBuilder();
        foreach (var rule in rules)
            functions.Append('\n').Append(new RuleTranslator(rule, this).TranslateFunction());

        var body = new StringBuilder();
        foreach (var (name, type) in Enums)
        {
            var members = System.Enum.GetValues(type).Cast<object>()
                .Select(v => (Name: System.Enum.GetName(type, v)!, Value: Convert.ToInt32(v, CultureInfo.InvariantCulture)))
                .OrderBy(m => m.Value).ThenBy(m => m.Name, StringComparer.Ordinal)
                .Select(m => $"{m.Name}: {m.Value.ToString(CultureInfo.InvariantCulture)}");
            body.Append('\n').Append($"/** The .NET enum {type.FullName}, by value. */\n");
            body.Append($"export const {name} = Object.freeze({{ {string.Join(", ", members)} }});\n");
        }
        foreach (var export in exports)
        {
            var data = JsonSerializer.SerializeToElement(export.Value, export.Value.GetType(), RulesJson.Options);
            body.Append('\n').Append($"/** {Comment(export.Description).Replace("*/", "*\\/")} */\n");
            body.Append($"export const {export.Name} = $freeze({Js.Data(data, 0)});\n");
            Helpers.Add("$freeze");
        }
        foreach (var (name, literal) in Constants)
            body.Append('\n').Append($"const {name} = {literal};\n");
        body.Append(functions);
        body.Append('\n').Append($"/** Entry point: runs rule '{entry.Rule.Name}' on the input (the same JSON the .NET code reads). */\n");
        body.Append($"export function {entry.FunctionName}(input) {{\n  return {FunctionNames[entry.Rule]}(input);\n}}\n");
        if (Helpers.Count > 0)
        {
            body.Append("\n// Runtime helpers: each keeps a .NET semantic that plain JavaScript does not have.\n");
            body.Append(JsRuntime.Render(Helpers));
        }

        var canonical = body.ToString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        var text = new StringBuilder();
        text.Append("// Generated by CqcGuide from the C# scoring rules. Do not edit: change the rules and rebuild.\n");
        text.Append($"// Model: {Comment(id)} {Comment(version)} — {Comment(title)}\n");
        text.Append($"// Entry point: {entry.FunctionName}(input). Results are a self-assessment, never a CQC rating.\n");
        text.Append('\n');
        text.Append($"export const model = Object.freeze({{ id: {Js.String(id)}, version: {Js.String(version)}, sourceHash: {Js.String(hash)} }});\n");
        text.Append(canonical);
        return (text.ToString(), hash);
    }

    private static string Comment(string s) => s.Replace("\n", " ").Replace("\r", " ").Replace("\u2028", " ").Replace("\u2029", " ");

    /// <summary>Rules reachable from <paramref name="root"/> in breadth-first discovery order.</summary>
    internal static List<Rule> Discover(Rule root)
    {
        var found = new List<Rule> { root };
        var seen = new HashSet<Rule>(ReferenceEqualityComparer.Instance) { root };
        for (var i = 0; i < found.Count; i++)
        {
            var finder = new RuleCallFinder(found[i]);
            finder.Visit(found[i].Lambda.Body);
            foreach (var called in finder.Called)
                if (seen.Add(called))
                    found.Add(called);
        }
        return found;
    }

    private sealed class RuleCallFinder(Rule owner) : ExpressionVisitor
    {
        public List<Rule> Called { get; } = [];

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (RuleTranslator.IsRuleEvaluate(node.Method))
                Called.Add(RuleTranslator.RuleTarget(owner, node));
            return base.VisitMethodCall(node);
        }
    }

    /// <summary>Registers a data literal as a module constant and returns its name (identical data shares one constant).</summary>
    internal string Constant(string hint, string literal)
    {
        if (ConstantsByLiteral.TryGetValue(literal, out var existing))
            return existing;
        var baseName = ScreamingSnake(hint);
        if (baseName.Length == 0 || !char.IsLetter(baseName[0]))
            baseName = "DATA_" + baseName;
        var name = baseName;
        for (var n = 2; ModuleNames.Contains(name) || JsTranslator.Reserved.Contains(name); n++)
            name = $"{baseName}_{n.ToString(CultureInfo.InvariantCulture)}";
        ModuleNames.Add(name);
        Constants.Add((name, literal));
        ConstantsByLiteral[literal] = name;
        return name;
    }

    internal string EnumName(string ruleName, Type type, Expression? node)
    {
        if (System.Enum.GetUnderlyingType(type) != typeof(int))
            throw new TranslationException(ruleName, $"enum {type.FullName} with underlying type {System.Enum.GetUnderlyingType(type).FullName}", node,
                "Only enums backed by int are supported");
        if (Enums.TryGetValue(type.Name, out var known) && known != type)
            throw new TranslationException(ruleName, $"two enums named {type.Name}", node, $"{known.FullName} and {type.FullName} would share one name");
        if (!Enums.ContainsKey(type.Name))
        {
            if (!ModuleNames.Add(type.Name))
                throw new TranslationException(ruleName, $"enum {type.Name}, whose name is already used in the module", node, null);
            Enums[type.Name] = type;
        }
        return type.Name;
    }

    private static string ScreamingSnake(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                if (text.Length > 0 && text[^1] != '_')
                    text.Append('_');
                continue;
            }
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])) && text.Length > 0 && text[^1] != '_')
                text.Append('_');
            text.Append(char.ToUpperInvariant(c));
        }
        return text.ToString().Trim('_');
    }
}

/// <summary>JavaScript literal formatting.</summary>
internal static class Js
{
    /// <summary>A JavaScript string literal, ASCII only (everything else escaped).</summary>
    public static string String(string s)
    {
        var text = new StringBuilder(s.Length + 2);
        text.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7E)
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        text.Append(c);
                    break;
            }
        }
        return text.Append('"').ToString();
    }

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private const int LineWidth = 96;

    /// <summary>
    /// A JavaScript literal of JSON data (strings ASCII-escaped, numbers as JSON wrote them), on one line when it fits in
    /// the line width, otherwise one entry per line indented by two spaces per level.
    /// </summary>
    public static string Data(JsonElement value, int indent)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var entries = value.EnumerateObject().Select(p => $"{Key(p.Name)}: {Data(p.Value, indent + 1)}").ToList();
                return Block("{ ", " }", "{", "}", entries, indent, "{}");
            case JsonValueKind.Array:
                var items = value.EnumerateArray().Select(v => Data(v, indent + 1)).ToList();
                return Block("[", "]", "[", "]", items, indent, "[]");
            case JsonValueKind.String:
                return String(value.GetString()!);
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            default:
                return "null";
        }

        static string Block(string open, string close, string openBlock, string closeBlock, List<string> parts, int indent, string empty)
        {
            if (parts.Count == 0)
                return empty;
            var single = open + string.Join(", ", parts) + close;
            if (single.Length <= LineWidth && !single.Contains('\n'))
                return single;
            var inner = new string(' ', 2 * (indent + 1));
            return openBlock + "\n" + string.Join(",\n", parts.Select(p => inner + p)) + ",\n" + new string(' ', 2 * indent) + closeBlock;
        }
    }

    /// <summary>An object key: bare when it is an identifier, quoted otherwise (<c>__proto__</c> computed, so it stays data).</summary>
    public static string Key(string name) =>
        name == "__proto__" ? "[\"__proto__\"]" : IsIdentifier(name) ? name : String(name);

    /// <summary>A JavaScript number literal for a double that reads back to exactly the same bits.</summary>
    public static string Double(double value)
    {
        if (double.IsNaN(value))
            return "NaN";
        if (double.IsPositiveInfinity(value))
            return "Infinity";
        if (double.IsNegativeInfinity(value))
            return "-Infinity";
        if (value == 0 && double.IsNegative(value))
            return "-0";
        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    public static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
