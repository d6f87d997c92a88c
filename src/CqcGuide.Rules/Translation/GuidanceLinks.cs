using System.Collections;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace CqcGuide.Rules.Translation;

/// <summary>
/// Collects the site paths a model's results can link to: every string that starts with <c>/guidance/</c> among the
/// constants of the rules' expression trees, the static data they fold into the module (records and lists, as the
/// translator writes them) and the model's exported data. A path built at run time (by concatenation) is not found;
/// no rule builds one.
/// </summary>
internal static class GuidanceLinks
{
    public const string Prefix = "/guidance/";

    public static IReadOnlyList<string> Find(IEnumerable<Rule> rules, IEnumerable<ModuleExport> exports)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
            new Finder(found).Visit(rule.Lambda.Body);
        foreach (var export in exports)
            Walk(export.Value, found, 0);
        return found.ToArray();
    }

    private sealed class Finder(SortedSet<string> found) : ExpressionVisitor
    {
        protected override Expression VisitConstant(ConstantExpression node)
        {
            // A compiler-generated closure is not data: the captured values are read through member expressions.
            if (node.Value is not null && !node.Type.IsDefined(typeof(CompilerGeneratedAttribute), false))
                Walk(node.Value, found, 0);
            return node;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            // A closed member chain (a captured variable or static data) is folded into the module as data.
            if (IsClosed(node) && RuleTranslator.TryEvaluateClosed(node, out var value, out _))
            {
                Walk(value, found, 0);
                return node;
            }
            return base.VisitMember(node);
        }
    }

    private static bool IsClosed(Expression e)
    {
        var finder = new ParameterFinder();
        finder.Visit(e);
        return !finder.Found;
    }

    private sealed class ParameterFinder : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found = true;
            return node;
        }
    }

    private static void Walk(object? value, SortedSet<string> found, int depth)
    {
        if (value is null || depth > 32)
            return;
        switch (value)
        {
            case string s:
                if (s.StartsWith(Prefix, StringComparison.Ordinal))
                    found.Add(s);
                return;
            case Rule or Delegate or IDictionary:
                return;
            case IEnumerable items:
                foreach (var item in items)
                    Walk(item, found, depth + 1);
                return;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || (type.Namespace is { } ns && (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal))))
            return;
        foreach (var property in RulesJson.PropertiesOf(type))
            Walk(type.GetProperty(property.MemberName)?.GetValue(value), found, depth + 1);
    }
}
