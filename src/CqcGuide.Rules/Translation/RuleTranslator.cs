using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace CqcGuide.Rules.Translation;

/// <summary>Translates one rule's expression tree into a JavaScript function.</summary>
internal sealed class RuleTranslator
{
    // Operator precedence, scaled by 10 so the nullish operator fits between || and ?:.
    private const int Primary = 200, Unary = 150, Mul = 130, Add = 120, Rel = 100, Eq = 90, BitOr = 60, And = 50, Or = 40,
        Nullish = 35, Cond = 30, Arrow = 20;

    private const int LineWidth = 96;

    private readonly record struct J(string Code, int Prec)
    {
        public override string ToString() => Code;
    }

    private readonly Rule rule;
    private readonly ModuleBuilder module;
    private readonly Dictionary<ParameterExpression, string> names = [];
    private readonly HashSet<string> localNames = new(StringComparer.Ordinal);
    private int level;

    public RuleTranslator(Rule rule, ModuleBuilder module)
    {
        this.rule = rule;
        this.module = module;
    }

    // ---------------------------------------------------------------- function

    public string TranslateFunction()
    {
        if (IsSequenceInterface(rule.OutputType))
            throw Fail("a rule returning " + TypeName(rule.OutputType), rule.Lambda.Body,
                "Return an array or IReadOnlyList: finish the query with ToArray()");
        var text = new StringBuilder();
        text.Append(JsDoc());
        var parameter = Bind(rule.Lambda.Parameters[0]);
        text.Append($"function {module.FunctionNames[rule]}({parameter}) {{\n");
        level = 1;
        Statements(rule.Lambda.Body, text);
        text.Append("}\n");
        return text.ToString();
    }

    private string JsDoc()
    {
        var text = new StringBuilder();
        text.Append("/**\n");
        Line(text, $"Rule '{rule.Name}' — {Explanation.KindLabel(rule.Kind, rule.Publisher)}.");
        text.Append(" *\n");
        foreach (var paragraph in rule.Description.Split("\n\n"))
            Line(text, paragraph);
        if (rule.Interpretation is { } interpretation)
        {
            text.Append(" *\n");
            Line(text, $"Interpretation \"{interpretation.Name}\": {interpretation.Why}");
        }
        if (rule.Sources.Count > 0)
        {
            text.Append(" *\n * Sources:\n");
            foreach (var source in rule.Sources)
                Line(text, "- " + source.Title + (source.Url is null ? "" : " <" + source.Url + ">"));
        }
        text.Append(" */\n");
        return text.ToString();

        static void Line(StringBuilder text, string paragraph)
        {
            var wrapped = new StringBuilder();
            Explanation.Wrap(wrapped, paragraph.Replace("*/", "*\\/"), " * ", 100);
            text.Append(wrapped);
        }
    }

    private void Statements(Expression body, StringBuilder text)
    {
        while (true)
        {
            if (IsLet(body, out var value, out var lambda))
            {
                var name = Bind(lambda.Parameters[0]);
                var code = Translate(value);
                text.Append(Indent(level)).Append($"const {name} = {code.Code};\n");
                body = lambda.Body;
                continue;
            }
            if (body is ConditionalExpression conditional && (StartsWithLet(conditional.IfTrue) || StartsWithLet(conditional.IfFalse)))
            {
                var test = Translate(conditional.Test);
                text.Append(Indent(level)).Append($"if ({test.Code}) {{\n");
                level++;
                Statements(conditional.IfTrue, text);
                level--;
                text.Append(Indent(level)).Append("}\n");
                body = conditional.IfFalse;
                continue;
            }
            RequireMaterialised(body, "returned");
            text.Append(Indent(level)).Append("return ").Append(Translate(body).Code).Append(";\n");
            return;
        }
    }

    private static bool StartsWithLet(Expression e) =>
        IsLet(e, out _, out _) || (e is ConditionalExpression c && (StartsWithLet(c.IfTrue) || StartsWithLet(c.IfFalse)));

    private static bool IsLet(Expression e, out Expression value, out LambdaExpression body)
    {
        if (e is MethodCallExpression { Method.Name: nameof(Expr.Let) } call && call.Method.DeclaringType == typeof(Expr)
            && call.Arguments[1] is LambdaExpression lambda)
        {
            value = call.Arguments[0];
            body = lambda;
            return true;
        }
        value = null!;
        body = null!;
        return false;
    }

    private string Bind(ParameterExpression parameter)
    {
        var name = parameter.Name is { Length: > 0 } n && Js.IsIdentifier(n) ? n : "p";
        var candidate = name;
        for (var i = 2; JsTranslator.Reserved.Contains(candidate) || module.ModuleNames.Contains(candidate) || localNames.Contains(candidate); i++)
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        localNames.Add(candidate);
        names[parameter] = candidate;
        return candidate;
    }

    private static string Indent(int n) => new(' ', 2 * n);

    // ---------------------------------------------------------------- expressions

    private J Translate(Expression e)
    {
        if (IsForbiddenScalar(e.Type))
            throw Fail($"{e.NodeType} on {TypeName(e.Type)}", e, ForbiddenHint(e.Type));
        return e.NodeType switch
        {
            ExpressionType.Constant => Constant((ConstantExpression)e),
            ExpressionType.Parameter => Parameter((ParameterExpression)e),
            ExpressionType.MemberAccess => Member((MemberExpression)e),
            ExpressionType.Call => Call((MethodCallExpression)e),
            ExpressionType.Conditional => Conditional((ConditionalExpression)e),
            ExpressionType.New => New((NewExpression)e, []),
            ExpressionType.MemberInit => MemberInit((MemberInitExpression)e),
            ExpressionType.NewArrayInit => ArrayLiteral(((NewArrayExpression)e).Expressions),
            ExpressionType.NewArrayBounds when e is NewArrayExpression { Expressions: [ConstantExpression { Value: 0 }] } => new("[]", Primary),
            ExpressionType.NewArrayBounds =>
                throw Fail($"NewArrayBounds on {TypeName(e.Type)}", e, "Only empty arrays (new T[0]) can be created by size; list the elements instead"),
            ExpressionType.Default => new(DefaultValue(e.Type, e), Primary),
            ExpressionType.Not or ExpressionType.Negate or ExpressionType.UnaryPlus or ExpressionType.Convert
                or ExpressionType.ArrayLength => UnaryNode((UnaryExpression)e),
            ExpressionType.Add or ExpressionType.Subtract or ExpressionType.Multiply or ExpressionType.Divide
                or ExpressionType.Modulo or ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan
                or ExpressionType.LessThanOrEqual or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual
                or ExpressionType.AndAlso or ExpressionType.OrElse or ExpressionType.Coalesce
                or ExpressionType.ArrayIndex => BinaryNode((BinaryExpression)e),
            ExpressionType.AddChecked or ExpressionType.SubtractChecked or ExpressionType.MultiplyChecked
                or ExpressionType.NegateChecked or ExpressionType.ConvertChecked =>
                throw Fail($"{e.NodeType} on {TypeName(e.Type)}", e, "Checked arithmetic is not supported; use unchecked int arithmetic or double"),
            ExpressionType.And or ExpressionType.Or or ExpressionType.ExclusiveOr or ExpressionType.LeftShift
                or ExpressionType.RightShift or ExpressionType.OnesComplement =>
                throw Fail($"{e.NodeType} on {TypeName(e.Type)}", e, "Bitwise and shift operators are not supported; for booleans use && and ||"),
            ExpressionType.Power =>
                throw Fail($"{e.NodeType} on {TypeName(e.Type)}", e, "Powers are platform-dependent in their last bits; multiply instead"),
            ExpressionType.Invoke =>
                throw Fail($"Invoke of a delegate of type {TypeName(((InvocationExpression)e).Expression.Type)}", e, "Call another rule with OtherRule.Evaluate(x) instead"),
            ExpressionType.TypeIs or ExpressionType.TypeAs or ExpressionType.TypeEqual =>
                throw Fail($"{e.NodeType} on {TypeName(e.Type)}", e, "Type tests and casts by type are not supported"),
            ExpressionType.Lambda =>
                throw Fail("a lambda outside a LINQ call", e, null),
            _ => throw Fail($"{e.NodeType} on {TypeName(e.Type)}", e, "Blocks, assignments, loops and other statements cannot be translated"),
        };
    }

    private J Constant(ConstantExpression c)
    {
        if (c.Value is null)
            return new("null", Primary);
        return Data(c.Value, c.Type, "data", c);
    }

    private J Parameter(ParameterExpression p) =>
        names.TryGetValue(p, out var name) ? new(name, Primary) : throw Fail($"the unbound parameter '{p.Name}'", p, null);

    private J Member(MemberExpression m)
    {
        if (IsClosed(m))
        {
            if (TryEvaluateClosed(m, out var value, out var reason))
                return Data(value, m.Type, m.Member.Name, m);
            if (!IsStructuralMember(m))
                throw Fail($"the closed value {m}", m, reason);
        }
        if (m.Expression is null)
            throw Fail($"the static member {TypeName(m.Member.DeclaringType!)}.{m.Member.Name}", m, null);

        var objectType = m.Expression.Type;
        var name = m.Member.Name;
        var underlying = Nullable.GetUnderlyingType(objectType);
        if (underlying is not null)
        {
            var operand = Translate(m.Expression);
            return name switch
            {
                "HasValue" => new($"{Wrap(operand, Rel)} != null", Eq),
                "Value" => Helper("$value", operand),
                _ => throw Fail($"the member {name} of {TypeName(objectType)}", m, null),
            };
        }
        if (typeof(Capture).IsAssignableFrom(objectType))
        {
            // A match from the regular-expression subset: the runtime's matches are { index, length, value }.
            if (name is not ("Index" or "Length" or "Value") || objectType != typeof(Match))
                throw Fail($"the member {TypeName(objectType)}.{name}", m, "Only Index, Length and Value of a Match are part of the regular-expression subset");
            return new($"{Wrap(Translate(m.Expression), Primary)}.{name.ToLowerInvariant()}", Primary);
        }
        if (name == "Length" && (objectType == typeof(string) || objectType.IsArray))
            return new($"{Wrap(Translate(m.Expression), Primary)}.length", Primary);
        if (name == "Count" && IsListLike(objectType))
            return new($"{Wrap(Translate(m.Expression), Primary)}.length", Primary);
        if (m.Member is PropertyInfo && IsRecordLike(objectType))
        {
            var property = RulesJson.PropertiesOf(objectType).FirstOrDefault(p => p.MemberName == name);
            if (property.JsonName is null)
                throw Fail($"the property {TypeName(objectType)}.{name}, which is not serialised to JSON", m, null);
            if (ForbiddenKeys.Contains(property.JsonName))
                throw Fail($"the property {TypeName(objectType)}.{name}", m,
                    $"Its JSON name '{property.JsonName}' is also a property of every JavaScript object, so a missing value would not read as null");
            var target = Wrap(Translate(m.Expression), Primary);
            return new(Js.IsIdentifier(property.JsonName) ? $"{target}.{property.JsonName}" : $"{target}[{Js.String(property.JsonName)}]", Primary);
        }
        throw Fail($"the member {TypeName(objectType)}.{name}", m, "Only record properties, Length, Count, HasValue and Value can be read");
    }

    private static readonly HashSet<string> ForbiddenKeys = new(StringComparer.Ordinal)
    {
        "__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
        "toLocaleString", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    };

    private static bool IsStructuralMember(MemberExpression m) =>
        m.Expression is not null && (m.Member.Name is "Length" or "Count" or "HasValue" or "Value");

    private J Conditional(ConditionalExpression c)
    {
        var tests = new List<string>();
        var results = new List<string>();
        Expression e = c;
        level++;
        while (e is ConditionalExpression cc)
        {
            tests.Add(Wrap(Translate(cc.Test), Nullish));
            results.Add(Wrap(Translate(cc.IfTrue), Cond + 1));
            e = cc.IfFalse;
        }
        var last = Wrap(Translate(e), Cond);
        level--;
        var single = string.Concat(tests.Select((t, i) => $"{t} ? {results[i]} : ")) + last;
        if (single.Length <= LineWidth && !single.Contains('\n'))
            return new(single, Cond);
        var text = new StringBuilder();
        var indent = "\n" + Indent(level + 1);
        if (tests.Count == 1)
            text.Append(tests[0]).Append(indent).Append("? ").Append(results[0]).Append(indent).Append(": ").Append(last);
        else
        {
            text.Append(tests[0]).Append(" ? ").Append(results[0]);
            for (var i = 1; i < tests.Count; i++)
                text.Append(indent).Append(": ").Append(tests[i]).Append(" ? ").Append(results[i]);
            text.Append(indent).Append(": ").Append(last);
        }
        return new(text.ToString(), Cond);
    }

    // ---------------------------------------------------------------- objects and arrays

    private J New(NewExpression n, IReadOnlyList<MemberAssignment> bindings)
    {
        var type = n.Type;
        if (type.IsValueType || IsSystemType(type) || n.Constructor is null)
            throw Fail($"the constructor of {TypeName(type)}", n, "Only records and anonymous types of the rules can be created");
        var properties = RulesJson.PropertiesOf(type);
        if (properties.Count == 0)
            throw Fail($"the constructor of {TypeName(type)}", n, "The type has no JSON properties");
        var values = new Dictionary<string, Expression>(StringComparer.Ordinal);
        var parameters = n.Constructor.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            var match = properties.FirstOrDefault(p => string.Equals(p.MemberName, parameters[i].Name, StringComparison.OrdinalIgnoreCase));
            if (match.MemberName is null)
                throw Fail($"the constructor parameter '{parameters[i].Name}' of {TypeName(type)}", n,
                    "Every constructor parameter must set the property of the same name");
            values[match.MemberName] = n.Arguments[i];
        }
        foreach (var binding in bindings)
            values[binding.Member.Name] = binding.Expression;
        var entries = new List<(string Key, Expression Value)>();
        foreach (var property in properties)
        {
            if (!values.TryGetValue(property.MemberName, out var value))
                throw Fail($"the property {property.MemberName} of {TypeName(type)}, which this expression does not set", n,
                    "Set every property through the constructor or an initialiser, so JavaScript builds the same object");
            entries.Add((property.JsonName, value));
        }
        foreach (var (_, value) in entries)
            RequireMaterialised(value, "stored in a record");
        level++;
        var parts = entries.Select(x => (Key: Key(x.Key), Value: Translate(x.Value).Code)).ToList();
        level--;
        return ObjectLiteral(parts.Select(p => $"{p.Key}: {p.Value}").ToList());
    }

    private J MemberInit(MemberInitExpression m)
    {
        var assignments = new List<MemberAssignment>();
        foreach (var binding in m.Bindings)
        {
            if (binding is not MemberAssignment assignment)
                throw Fail($"the {binding.BindingType} binding of {binding.Member.Name}", m, null);
            assignments.Add(assignment);
        }
        return New(m.NewExpression, assignments);
    }

    private J ObjectLiteral(IReadOnlyList<string> parts)
    {
        var single = "{ " + string.Join(", ", parts) + " }";
        if (parts.Count == 0)
            return new("{}", Primary);
        if (single.Length <= LineWidth && !single.Contains('\n'))
            return new(single, Primary);
        var inner = Indent(level + 1);
        return new("{\n" + string.Join(",\n", parts.Select(p => inner + p)) + ",\n" + Indent(level) + "}", Primary);
    }

    private J ArrayLiteral(IReadOnlyList<Expression> items)
    {
        foreach (var item in items)
            RequireMaterialised(item, "stored in an array");
        level++;
        var parts = items.Select(i => Translate(i).Code).ToList();
        level--;
        var single = "[" + string.Join(", ", parts) + "]";
        if (single.Length <= LineWidth && !single.Contains('\n'))
            return new(single, Primary);
        var inner = Indent(level + 1);
        return new("[\n" + string.Join(",\n", parts.Select(p => inner + p)) + ",\n" + Indent(level) + "]", Primary);
    }

    private static string Key(string name) =>
        name == "__proto__" ? "[\"__proto__\"]" : Js.IsIdentifier(name) ? name : Js.String(name);

    // ---------------------------------------------------------------- unary

    private J UnaryNode(UnaryExpression u)
    {
        switch (u.NodeType)
        {
            case ExpressionType.Not:
                if (u.Type != typeof(bool) || u.Method is not null)
                    throw Fail($"Not on {TypeName(u.Type)}", u, "Bitwise complement is not supported");
                return new("!" + Wrap(Translate(u.Operand), Unary + 1), Unary);
            case ExpressionType.Negate:
                if (u.Method is not null)
                    throw Fail($"the user-defined operator {u.Method.Name}", u, null);
                if (u.Type == typeof(int))
                    return new($"(-{Wrap(Translate(u.Operand), Unary + 1)}) | 0", BitOr);
                if (u.Type == typeof(double))
                    return new("-" + Wrap(Translate(u.Operand), Unary + 1), Unary);
                throw Fail($"Negate on {TypeName(u.Type)}", u, LiftedHint(u.Type));
            case ExpressionType.UnaryPlus:
                if (u.Type != typeof(int) && u.Type != typeof(double))
                    throw Fail($"UnaryPlus on {TypeName(u.Type)}", u, null);
                return Translate(u.Operand);
            case ExpressionType.ArrayLength:
                return new($"{Wrap(Translate(u.Operand), Primary)}.length", Primary);
            default:
                return Conversion(u);
        }
    }

    private J Conversion(UnaryExpression u)
    {
        var from = u.Operand.Type;
        var to = u.Type;
        if (u.Method is not null)
            throw Fail($"the conversion operator {TypeName(u.Method.DeclaringType!)}.{u.Method.Name} from {TypeName(from)} to {TypeName(to)}", u, null);
        if (from == to)
            return Translate(u.Operand);
        var fromUnderlying = Nullable.GetUnderlyingType(from);
        var toUnderlying = Nullable.GetUnderlyingType(to);
        if (toUnderlying is not null && fromUnderlying is null)
        {
            if (IsNullConstant(u.Operand))
                return new("null", Primary);
            return Core(Translate(u.Operand), from, toUnderlying);
        }
        if (fromUnderlying is not null && toUnderlying is null)
            return Core(Helper("$value", Translate(u.Operand)), fromUnderlying, to);
        if (fromUnderlying is not null && toUnderlying is not null)
        {
            if (IsIdentityConversion(fromUnderlying, toUnderlying))
                return Translate(u.Operand);
            throw Fail($"Convert from {TypeName(from)} to {TypeName(to)}", u, "Lifted numeric conversions are not supported; use .HasValue and .Value");
        }
        return Core(Translate(u.Operand), from, to);

        J Core(J operand, Type a, Type b)
        {
            if (IsIdentityConversion(a, b))
                return operand;
            if (a == typeof(double) && b == typeof(int))
                return Helper("$toInt32", operand);
            if (!a.IsValueType && b.IsAssignableFrom(a))
                return operand;
            // Boxing a scalar (for object[] results) keeps the value; string concatenation checks its operands separately.
            if (b == typeof(object) && IsScalar(a))
                return operand;
            throw Fail($"Convert from {TypeName(a)} to {TypeName(b)}", u,
                a.IsValueType && !b.IsValueType
                    ? "Boxing a value (for example to concatenate it with a string) would need .NET's number formatting"
                    : null);
        }
    }

    private static bool IsIdentityConversion(Type a, Type b) =>
        a == b
        || (a == typeof(int) && b == typeof(double))
        || (a.IsEnum && b == typeof(int) && Enum.GetUnderlyingType(a) == typeof(int))
        || (a == typeof(int) && b.IsEnum && Enum.GetUnderlyingType(b) == typeof(int))
        || (a.IsEnum && b.IsEnum && Enum.GetUnderlyingType(a) == typeof(int) && Enum.GetUnderlyingType(b) == typeof(int));

    // ---------------------------------------------------------------- binary

    private J BinaryNode(BinaryExpression b)
    {
        switch (b.NodeType)
        {
            case ExpressionType.AndAlso:
            case ExpressionType.OrElse:
                if (b.Method is not null)
                    throw Fail($"the user-defined operator {b.Method.Name}", b, null);
                var and = b.NodeType == ExpressionType.AndAlso;
                var prec = and ? And : Or;
                return new($"{Wrap(Translate(b.Left), prec)} {(and ? "&&" : "||")} {Wrap(Translate(b.Right), prec + 1)}", prec);
            case ExpressionType.Coalesce:
                if (b.Conversion is not null)
                    throw Fail("Coalesce with a conversion", b, null);
                return new($"{Wrap(Translate(b.Left), BitOr)} ?? {Wrap(Translate(b.Right), BitOr)}", Nullish);
            case ExpressionType.Equal:
            case ExpressionType.NotEqual:
                return Equality(b);
            case ExpressionType.LessThan:
            case ExpressionType.LessThanOrEqual:
            case ExpressionType.GreaterThan:
            case ExpressionType.GreaterThanOrEqual:
                return Comparison(b);
            case ExpressionType.ArrayIndex:
                return Helper("$at", Translate(b.Left), Translate(b.Right));
            default:
                return Arithmetic(b);
        }
    }

    private J Equality(BinaryExpression b)
    {
        var equal = b.NodeType == ExpressionType.Equal;
        var leftNull = IsNullConstant(b.Left);
        var rightNull = IsNullConstant(b.Right);
        if (leftNull && rightNull)
            return new(equal ? "true" : "false", Primary);
        if (leftNull || rightNull)
        {
            // == null in JavaScript also matches undefined (a property missing from the JSON), which .NET reads as null.
            var other = Translate(leftNull ? b.Right : b.Left);
            return new($"{Wrap(other, Rel)} {(equal ? "==" : "!=")} null", Eq);
        }
        var type = b.Left.Type;
        var op = equal ? "===" : "!==";
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            if (!IsScalar(underlying))
                throw Fail($"{b.NodeType} on {TypeName(type)}", b, null);
            if (NeverNull(b.Left) || NeverNull(b.Right))
                return new($"{Wrap(Translate(b.Left), Rel)} {op} {Wrap(Translate(b.Right), Rel)}", Eq);
            var call = Helper("$nullableEq", Translate(b.Left), Translate(b.Right));
            return equal ? call : new("!" + call.Code, Unary);
        }
        if (type == typeof(string))
        {
            if (b.Method is not null && b.Method.DeclaringType != typeof(string))
                throw Fail($"the user-defined operator {b.Method.Name}", b, null);
            if (IsNonNullConstant(b.Left) || IsNonNullConstant(b.Right))
                return new($"{Wrap(Translate(b.Left), Rel)} {op} {Wrap(Translate(b.Right), Rel)}", Eq);
            var call = Helper("$strEq", Translate(b.Left), Translate(b.Right));
            return equal ? call : new("!" + call.Code, Unary);
        }
        if (b.Method is not null)
            throw Fail($"{b.NodeType} with the user-defined operator {TypeName(b.Method.DeclaringType!)}.{b.Method.Name}", b,
                "Records compare by value in C#; compare their properties instead");
        if (IsScalar(type))
            return new($"{Wrap(Operand(b.Left, b.Right), Rel)} {op} {Wrap(Operand(b.Right, b.Left), Rel)}", Eq);
        throw Fail($"{b.NodeType} on {TypeName(type)}", b, "Reference equality of objects is not supported; compare with null or compare properties");
    }

    private J Comparison(BinaryExpression b)
    {
        var type = b.Left.Type;
        if (b.IsLifted || Nullable.GetUnderlyingType(type) is not null)
            throw Fail($"the lifted {b.NodeType} on {TypeName(type)}", b, LiftedHint(type));
        if (b.Method is not null)
            throw Fail($"{b.NodeType} with the user-defined operator {b.Method.Name}", b, null);
        if (type != typeof(int) && type != typeof(double))
            throw Fail($"{b.NodeType} on {TypeName(type)}", b, null);
        var op = b.NodeType switch
        {
            ExpressionType.LessThan => "<",
            ExpressionType.LessThanOrEqual => "<=",
            ExpressionType.GreaterThan => ">",
            _ => ">=",
        };
        return new($"{Wrap(Operand(b.Left, b.Right), Rel)} {op} {Wrap(Operand(b.Right, b.Left), Rel + 1)}", Rel);
    }

    /// <summary>
    /// Translates one side of a comparison. C# compares enums as ints (Convert(r, Int32) == 1); when the other side is
    /// such a conversion, an int constant is written as the enum member (Rating.Inadequate) for readability.
    /// </summary>
    private J Operand(Expression side, Expression other)
    {
        if (side is ConstantExpression { Value: int value } && other is UnaryExpression { NodeType: ExpressionType.Convert } u
            && u.Operand.Type.IsEnum && Enum.GetUnderlyingType(u.Operand.Type) == typeof(int) && Enum.IsDefined(u.Operand.Type, value))
            return new(EnumLiteral((Enum)Enum.ToObject(u.Operand.Type, value), side), Primary);
        return Translate(side);
    }

    private J Arithmetic(BinaryExpression b)
    {
        var type = b.Left.Type;
        if (b.NodeType == ExpressionType.Add && (type == typeof(string) || b.Method?.DeclaringType == typeof(string)))
            return StringConcat(b, [b.Left, b.Right]);
        if (b.IsLifted || Nullable.GetUnderlyingType(type) is not null || Nullable.GetUnderlyingType(b.Right.Type) is not null)
            throw Fail($"the lifted {b.NodeType} on {TypeName(type)}", b, LiftedHint(type));
        if (b.Method is not null)
            throw Fail($"{b.NodeType} with the user-defined operator {TypeName(b.Method.DeclaringType!)}.{b.Method.Name}", b, null);
        if (type != b.Right.Type || (type != typeof(int) && type != typeof(double)))
            throw Fail($"{b.NodeType} on {TypeName(type)}", b, ForbiddenHint(type));
        var left = Translate(b.Left);
        var right = Translate(b.Right);
        if (type == typeof(int))
        {
            return b.NodeType switch
            {
                ExpressionType.Add => new($"({Wrap(left, Add)} + {Wrap(right, Add + 1)}) | 0", BitOr),
                ExpressionType.Subtract => new($"({Wrap(left, Add)} - {Wrap(right, Add + 1)}) | 0", BitOr),
                ExpressionType.Multiply => new($"Math.imul({left.Code}, {right.Code})", Primary),
                ExpressionType.Divide => Helper("$idiv", left, right),
                ExpressionType.Modulo => Helper("$imod", left, right),
                _ => throw Fail($"{b.NodeType} on {TypeName(type)}", b, null),
            };
        }
        return b.NodeType switch
        {
            ExpressionType.Add => new($"{Wrap(left, Add)} + {Wrap(right, Add + 1)}", Add),
            ExpressionType.Subtract => new($"{Wrap(left, Add)} - {Wrap(right, Add + 1)}", Add),
            ExpressionType.Multiply => new($"{Wrap(left, Mul)} * {Wrap(right, Mul + 1)}", Mul),
            ExpressionType.Divide => new($"{Wrap(left, Mul)} / {Wrap(right, Mul + 1)}", Mul),
            ExpressionType.Modulo => new($"{Wrap(left, Mul)} % {Wrap(right, Mul + 1)}", Mul),
            _ => throw Fail($"{b.NodeType} on {TypeName(type)}", b, null),
        };
    }

    private J StringConcat(Expression node, IReadOnlyList<Expression> operands)
    {
        var parts = new List<string>();
        foreach (var operand in FlattenConcat(operands))
        {
            var inner = StripConvert(operand);
            if (inner.Type != typeof(string))
                throw Fail($"string concatenation with {TypeName(inner.Type)}", node,
                    "Number and value formatting differs between .NET and JavaScript; concatenate strings only");
            if (IsNonNullConstant(inner))
                parts.Add(Translate(inner).Code);
            else if (IsNullConstant(inner))
                parts.Add("\"\"");
            else if (NeverNullString(inner))
                parts.Add(Wrap(Translate(inner), Add + 1));
            else
                parts.Add($"({Wrap(Translate(inner), BitOr)} ?? \"\")");
        }
        return new(string.Join(" + ", parts), Add);
    }

    private static IEnumerable<Expression> FlattenConcat(IEnumerable<Expression> operands)
    {
        foreach (var operand in operands)
        {
            var inner = StripConvert(operand);
            if (IsStringConcat(inner, out var nested))
                foreach (var part in FlattenConcat(nested))
                    yield return part;
            else
                yield return operand;
        }
    }

    private static bool IsStringConcat(Expression e, out IReadOnlyList<Expression> operands)
    {
        if (e is BinaryExpression { NodeType: ExpressionType.Add } b && (b.Type == typeof(string) || b.Method?.DeclaringType == typeof(string)))
        {
            operands = [b.Left, b.Right];
            return true;
        }
        if (e is MethodCallExpression { Method.Name: "Concat" } m && m.Method.DeclaringType == typeof(string)
            && m.Method.GetParameters().All(p => p.ParameterType == typeof(string)))
        {
            operands = m.Arguments;
            return true;
        }
        operands = [];
        return false;
    }

    /// <summary>String expressions that can never be null: literals, concatenations, string.Join, and choices between them.</summary>
    private static bool NeverNullString(Expression e) =>
        IsNonNullConstant(e)
        || IsStringConcat(e, out _)
        || (e is MethodCallExpression { Method.Name: "Join" or "Substring" } m && m.Method.DeclaringType == typeof(string))
        || (e is MethodCallExpression call && IsInvariantIntToString(call))
        || (e is ConditionalExpression c && NeverNullString(c.IfTrue) && NeverNullString(c.IfFalse));

    // ---------------------------------------------------------------- calls

    /// <summary><c>i.ToString(CultureInfo.InvariantCulture)</c> on an int: JavaScript's String(i) writes exactly the same digits.</summary>
    private static bool IsInvariantIntToString(MethodCallExpression m) =>
        m.Method.DeclaringType == typeof(int) && m.Method.Name == "ToString" && m.Object is not null
        && m.Method.GetParameters() is [{ ParameterType: var p }] && p == typeof(IFormatProvider)
        && StripConvert(m.Arguments[0]) is MemberExpression { Expression: null, Member: PropertyInfo { Name: nameof(CultureInfo.InvariantCulture) } property }
        && property.DeclaringType == typeof(CultureInfo);

    internal static bool IsRuleEvaluate(MethodInfo method) =>
        method.Name == "Evaluate" && method.DeclaringType is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(Rule<,>);

    internal static Rule RuleTarget(Rule owner, MethodCallExpression call)
    {
        var reason = "";
        object? value = null;
        if (call.Object is null || !IsClosed(call.Object) || !TryEvaluateClosed(call.Object, out value, out reason) || value is not Rule target)
            throw new TranslationException(owner.Name, $"a call of Evaluate on {call.Object}", call,
                "Call rules held in static readonly fields or get-only properties: OtherRule.Evaluate(x)"
                + (string.IsNullOrEmpty(reason) ? "" : $" ({reason})"));
        return target;
    }

    private J Call(MethodCallExpression m)
    {
        var method = m.Method;
        var declaring = method.DeclaringType!;
        if (IsRuleEvaluate(method))
        {
            var target = RuleTarget(rule, m);
            return new($"{module.FunctionNames[target]}({Translate(m.Arguments[0]).Code})", Primary);
        }
        if (declaring == typeof(Expr) && method.Name == nameof(Expr.DayNumber))
            return Helper("$dayNumber", Translate(m.Arguments[0]));
        if (IsInvariantIntToString(m))
            return new($"String({Translate(m.Object!).Code})", Primary);
        if (declaring == typeof(Expr) && method.Name == nameof(Expr.Let))
        {
            if (m.Arguments[1] is not LambdaExpression body)
                throw Fail("Expr.Let without a lambda", m, null);
            return Helper("$let", Translate(m.Arguments[0]), Lambda(body));
        }
        if (declaring == typeof(Regex))
            return RegexCall(m);
        if (declaring == typeof(Enumerable))
            return Linq(m);
        if (declaring == typeof(MemoryExtensions) && method.Name == "Contains" && m.Arguments.Count == 2 && UnwrapSpan(m.Arguments[0]) is { } array)
            return ContainsCall(m, array, m.Arguments[1], array.Type.GetElementType()!);
        if (declaring == typeof(string))
            return StringCall(m);
        if (declaring == typeof(Math))
            return MathCall(m);
        if (declaring == typeof(CollectionExtensions) && method.Name == "GetValueOrDefault")
        {
            RequireStringKeys(m, m.Arguments[0].Type);
            var fallback = m.Arguments.Count == 3 ? Translate(m.Arguments[2]) : new J(DefaultValue(method.ReturnType, m), Primary);
            return Helper("$get", Translate(m.Arguments[0]), Translate(m.Arguments[1]), fallback);
        }
        if (method.Name == "ContainsKey" && m.Object is not null && IsDictionary(declaring))
        {
            RequireStringKeys(m, declaring);
            return Helper("$has", Translate(m.Object), Translate(m.Arguments[0]));
        }
        if (method.Name == "Contains" && m.Object is not null && m.Arguments.Count == 1 && IsListLike(declaring) && !IsDictionary(declaring))
            return ContainsCall(m, m.Object, m.Arguments[0], ElementType(declaring)!);
        if (method.Name == "get_Item" && m.Object is not null)
        {
            if (IsDictionary(declaring))
                throw Fail($"the indexer of {TypeName(declaring)}", m, "A missing key throws in .NET; use GetValueOrDefault");
            if (IsListLike(declaring))
                return Helper("$at", Translate(m.Object), Translate(m.Arguments[0]));
        }
        if (Nullable.GetUnderlyingType(declaring) is { } underlying && method.Name == "GetValueOrDefault")
        {
            var fallback = m.Arguments.Count == 1 ? Translate(m.Arguments[0]) : new J(DefaultValue(underlying, m), Primary);
            return new($"{Wrap(Translate(m.Object!), BitOr)} ?? {Wrap(fallback, BitOr)}", Nullish);
        }
        if (declaring == typeof(Array) && method.Name == "Empty")
            return new("[]", Primary);
        if (method.Name is "Equals" or "CompareTo" && (declaring == typeof(double) || declaring == typeof(float)))
            throw Fail($"a call of {TypeName(declaring)}.{method.Name}", m,
                "double.Equals treats NaN as equal to NaN and CompareTo orders NaN first, unlike the operators; use ==, < or >");
        if (method.Name is "ToString" or "GetHashCode" or "Equals" or "CompareTo")
            throw Fail($"a call of {TypeName(declaring)}.{method.Name}", m,
                method.Name == "ToString" ? "Number and value formatting differs between .NET and JavaScript" : "Use the == and < operators on numbers and strings");
        throw Fail($"a call of {TypeName(declaring)}.{method.Name}", m, "It is not on the translator's allow-list");
    }

    /// <summary>
    /// <c>Regex.IsMatch(input, pattern, options)</c> and <c>Regex.Matches(input, pattern, options)</c> with a constant
    /// pattern, or <c>IsMatch(input)</c> and <c>Matches(input)</c> on a static readonly <see cref="Regex"/>: the pattern
    /// must be in <see cref="RegexSubset"/> and the options ECMAScript. Emitted as a module-level RegExp literal.
    /// </summary>
    private J RegexCall(MethodCallExpression m)
    {
        var method = m.Method;
        var parameters = method.GetParameters();
        string pattern;
        RegexOptions options;
        Expression input;
        string hint;
        if (method.IsStatic && method.Name is "IsMatch" or "Matches" && parameters.Length == 3 && parameters[0].ParameterType == typeof(string)
            && parameters[1].ParameterType == typeof(string) && parameters[2].ParameterType == typeof(RegexOptions))
        {
            var patternNode = StripConvert(m.Arguments[1]);
            if (!IsClosed(patternNode) || !TryEvaluateClosed(patternNode, out var value, out _) || value is not string text)
                throw Fail($"Regex.{method.Name} with a pattern that is not a constant", m,
                    "Write the pattern as a string literal or a static readonly string, so it can be checked and emitted as a RegExp literal");
            if (m.Arguments[2] is not ConstantExpression { Value: RegexOptions constant })
                throw Fail($"Regex.{method.Name} with options that are not a constant", m, "Name RegexOptions.ECMAScript directly");
            (pattern, options, input) = (text, constant, m.Arguments[0]);
            hint = patternNode is MemberExpression member ? member.Member.Name : "regex";
        }
        else if (!method.IsStatic && method.Name is "IsMatch" or "Matches" && parameters.Length == 1 && parameters[0].ParameterType == typeof(string))
        {
            var reason = "";
            if (!IsClosed(m.Object!) || !TryEvaluateClosed(m.Object!, out var value, out reason) || value is not Regex regex)
                throw Fail($"Regex.{method.Name} on a Regex that is not static data", m,
                    "Keep the Regex in a static readonly field (or pass a constant pattern to the static method)"
                    + (string.IsNullOrEmpty(reason) ? "" : $" ({reason})"));
            (pattern, options, input) = (regex.ToString(), regex.Options, m.Arguments[0]);
            hint = m.Object is MemberExpression member ? member.Member.Name : "regex";
        }
        else
            throw Fail($"a call of Regex.{method.Name}({string.Join(", ", parameters.Select(p => TypeName(p.ParameterType)))})", m,
                "Only IsMatch and Matches, on the whole input, with RegexOptions.ECMAScript, are part of the regular-expression subset");
        var literal = RegexSubset.ToJsLiteral(rule.Name, pattern, options, method.Name == "Matches", m);
        var name = module.Constant(hint, literal);
        return Helper(method.Name == "Matches" ? "$regexMatches" : "$regexIsMatch", Translate(input), new J(name, Primary));
    }

    private J Lambda(LambdaExpression lambda)
    {
        var parameters = lambda.Parameters.Select(Bind).ToList();
        var body = Translate(lambda.Body);
        var code = body.Code.StartsWith('{') ? "(" + body.Code + ")" : Wrap(body, Arrow);
        return new($"({string.Join(", ", parameters)}) => {code}", Arrow);
    }

    private J LambdaArgument(MethodCallExpression m, int index, int parameters = 1)
    {
        if (m.Arguments[index] is not LambdaExpression lambda)
            throw Fail($"{m.Method.Name} with a delegate that is not a lambda", m, "Write the lambda inline so it can be translated");
        if (lambda.Parameters.Count != parameters)
            throw Fail($"the {m.Method.Name} overload with an index parameter", m, "Only Select and SelectMany have index overloads in the rules");
        return Lambda(lambda);
    }

    private J Linq(MethodCallExpression m)
    {
        var method = m.Method;
        var args = m.Arguments;
        var name = method.Name;
        var element = method.IsGenericMethod ? method.GetGenericArguments()[0] : ElementType(method.GetParameters()[0].ParameterType);
        J Source() => Translate(args[0]);
        switch (name)
        {
            case "Range" when args.Count == 2:
                return Helper("$range", Translate(args[0]), Translate(args[1]));
            case "Where":
                return Helper("$where", Source(), LambdaArgument(m, 1));
            case "Select" when args[1] is LambdaExpression { Parameters.Count: 2 }:
                return Helper("$selectIndexed", Source(), LambdaArgument(m, 1, 2));
            case "Select":
                return Helper("$select", Source(), LambdaArgument(m, 1));
            case "SelectMany" when args.Count == 2:
                return Helper("$selectMany", Source(), LambdaArgument(m, 1, args[1] is LambdaExpression { Parameters.Count: 2 } ? 2 : 1));
            case "Concat":
                return Helper("$concat", Source(), Translate(args[1]));
            case "AsEnumerable":
                return Source();
            case "ToArray":
            case "ToList":
                return Helper("$toArray", Source());
            case "Count":
                if (args.Count == 1)
                {
                    RefuseSkippedSelector(m, args[0], concatOnly: true);
                    return Helper("$count", Source());
                }
                return Helper("$countWhere", Source(), LambdaArgument(m, 1));
            case "Any":
                if (args.Count == 1)
                {
                    RefuseSkippedSelector(m, args[0], concatOnly: false);
                    return Helper("$any", Source());
                }
                return Helper("$anyWhere", Source(), LambdaArgument(m, 1));
            case "All":
                return Helper("$all", Source(), LambdaArgument(m, 1));
            case "Distinct" when args.Count == 1:
                RequireScalarElements(m, element!);
                return Helper("$distinct", Source());
            case "Contains" when args.Count == 2:
                return ContainsCall(m, args[0], args[1], element!);
            case "FirstOrDefault" when args.Count == 1:
                return Helper("$firstOrDefault", Source(), new J(DefaultValue(method.ReturnType, m), Primary));
            case "FirstOrDefault" when args.Count == 2 && args[1] is LambdaExpression:
                return Helper("$firstOrDefaultWhere", Source(), LambdaArgument(m, 1), new J(DefaultValue(method.ReturnType, m), Primary));
            case "FirstOrDefault" when args.Count == 2:
                return Helper("$firstOrDefault", Source(), Translate(args[1]));
            case "Sum":
            case "Max":
            case "Min":
            case "Average":
                return Aggregate(m);
            case "Empty":
                return new("[]", Primary);
            default:
                throw Fail($"a call of Enumerable.{name}", m, "It is not on the translator's allow-list");
        }
    }

    private J Aggregate(MethodCallExpression m)
    {
        var method = m.Method;
        var name = method.Name;
        var result = method.ReturnType;
        if (m.Arguments.Count > 2 || (m.Arguments.Count == 1 && method.IsGenericMethod))
            throw Fail($"the generic Enumerable.{name} over {TypeName(result)}", m, "Aggregate int or double values (cast enums to int)");
        var values = m.Arguments.Count == 2 ? Helper("$select", Translate(m.Arguments[0]), LambdaArgument(m, 1)) : Translate(m.Arguments[0]);
        var input = m.Arguments.Count == 2
            ? ((LambdaExpression)m.Arguments[1]).ReturnType
            : ElementType(method.GetParameters()[0].ParameterType)!;
        if (name == "Average")
        {
            if (input == typeof(int))
                return Helper("$averageInt", values);
            throw Fail($"Enumerable.Average over {TypeName(input)}", m,
                input == typeof(double) ? "The sign of a zero average depends on .NET's internal path; average int values" : null);
        }
        if (result == typeof(int) && input == typeof(int))
            return Helper(name switch { "Sum" => "$sumInt", "Max" => "$maxInt", _ => "$minInt" }, values);
        if (result == typeof(double) && input == typeof(double))
            return Helper(name switch { "Sum" => "$sumDouble", "Max" => "$maxDouble", _ => "$minDouble" }, values);
        throw Fail($"Enumerable.{name} over {TypeName(input)}", m, LiftedHint(input) ?? ForbiddenHint(input));
    }

    private J ContainsCall(Expression node, Expression source, Expression value, Type element)
    {
        RequireScalarElements(node, element);
        return Helper("$contains", Translate(source), Translate(value));
    }

    private void RefuseSkippedSelector(MethodCallExpression m, Expression source, bool concatOnly)
    {
        if (StripConvert(source) is MethodCallExpression { Method.DeclaringType: var t, Method.Name: var n } && t == typeof(Enumerable)
            && (n is "Concat" or "SelectMany" || (!concatOnly && n == "Select")))
            throw Fail($"{m.Method.Name}() directly on {n}(...)", m,
                $".NET answers {m.Method.Name}() from the source's length without running the selector, so an exception would differ; "
                + "call ToArray() first, or use a predicate");
    }

    private J StringCall(MethodCallExpression m)
    {
        var method = m.Method;
        var parameters = method.GetParameters();
        switch (method.Name)
        {
            case "IsNullOrEmpty":
                return Helper("$isNullOrEmpty", Translate(m.Arguments[0]));
            case "IsNullOrWhiteSpace":
                return Helper("$isNullOrWhiteSpace", Translate(m.Arguments[0]));
            case "Substring" when m.Object is not null && parameters.All(p => p.ParameterType == typeof(int)):
                return Helper("$substring", [Translate(m.Object), .. m.Arguments.Select(Translate)]);
            case "Contains" when m.Object is not null && parameters[0].ParameterType == typeof(string)
                && (parameters.Length == 1 || IsOrdinal(m.Arguments[1])):
                return Helper("$strContains", Translate(m.Object), Translate(m.Arguments[0]));
            case "StartsWith" or "EndsWith" when m.Object is not null && parameters.Length == 2
                && parameters[0].ParameterType == typeof(string) && IsOrdinal(m.Arguments[1]):
                return Helper(method.Name == "StartsWith" ? "$startsWith" : "$endsWith", Translate(m.Object), Translate(m.Arguments[0]));
            case "StartsWith" or "EndsWith":
                throw Fail($"a call of string.{method.Name}({string.Join(", ", parameters.Select(p => TypeName(p.ParameterType)))})", m,
                    "Culture-sensitive comparison differs between .NET and JavaScript; pass StringComparison.Ordinal");
            case "Equals" when m.Object is null && parameters.All(p => p.ParameterType == typeof(string)):
                return Helper("$strEq", Translate(m.Arguments[0]), Translate(m.Arguments[1]));
            case "Equals" when m.Object is null && parameters.Length == 3 && IsOrdinal(m.Arguments[2]):
                return Helper("$strEq", Translate(m.Arguments[0]), Translate(m.Arguments[1]));
            case "Join" when parameters.Length == 2 && parameters[0].ParameterType == typeof(string)
                && (parameters[1].ParameterType == typeof(IEnumerable<string>) || parameters[1].ParameterType == typeof(string[])):
                return Helper("$join", Translate(m.Arguments[0]), Translate(m.Arguments[1]));
            case "Concat" when parameters.Length is >= 2 and <= 4 && parameters.All(p => p.ParameterType == typeof(string)):
                return StringConcat(m, m.Arguments);
            case "ToUpper" or "ToLower" or "ToUpperInvariant" or "ToLowerInvariant":
                throw Fail($"a call of string.{method.Name}", m, "Case mapping differs between .NET and JavaScript for some characters");
            case "Trim" or "TrimStart" or "TrimEnd":
                throw Fail($"a call of string.{method.Name}", m, "White-space trimming uses different character sets in .NET and JavaScript; use string.IsNullOrWhiteSpace");
            default:
                throw Fail($"a call of string.{method.Name}", m,
                    method.Name is "Compare" or "CompareTo" or "Format" or "ToString" or "Contains" or "IndexOf"
                        ? "Culture-sensitive or formatting string operations differ between .NET and JavaScript"
                        : "It is not on the translator's allow-list");
        }
    }

    private static bool IsOrdinal(Expression e) =>
        e is ConstantExpression { Value: StringComparison.Ordinal };

    private J MathCall(MethodCallExpression m)
    {
        var method = m.Method;
        var parameters = method.GetParameters();
        var first = parameters.Length > 0 ? parameters[0].ParameterType : typeof(void);
        switch (method.Name)
        {
            case "Round" when first == typeof(double) && parameters.Length == 1:
                return Helper("$roundEven", Translate(m.Arguments[0]));
            case "Round" when first == typeof(double) && parameters.Length == 2 && parameters[1].ParameterType == typeof(MidpointRounding):
                if (m.Arguments[1] is not ConstantExpression { Value: MidpointRounding mode })
                    throw Fail("Math.Round with a rounding mode that is not a constant", m, "Name the MidpointRounding mode directly");
                var value = Translate(m.Arguments[0]);
                return mode switch
                {
                    MidpointRounding.ToEven => Helper("$roundEven", value),
                    MidpointRounding.AwayFromZero => Helper("$roundAway", value),
                    MidpointRounding.ToZero => new($"Math.trunc({value.Code})", Primary),
                    MidpointRounding.ToNegativeInfinity => new($"Math.floor({value.Code})", Primary),
                    MidpointRounding.ToPositiveInfinity => new($"Math.ceil({value.Code})", Primary),
                    _ => throw Fail($"Math.Round with MidpointRounding.{mode}", m, null),
                };
            case "Floor" or "Ceiling" or "Truncate" when first == typeof(double):
                return new($"Math.{(method.Name == "Floor" ? "floor" : method.Name == "Ceiling" ? "ceil" : "trunc")}({Translate(m.Arguments[0]).Code})", Primary);
            case "Abs" when first == typeof(int):
                return Helper("$absInt", Translate(m.Arguments[0]));
            case "Abs" when first == typeof(double):
                return new($"Math.abs({Translate(m.Arguments[0]).Code})", Primary);
            case "Max" or "Min" when (first == typeof(int) || first == typeof(double)) && parameters.Length == 2:
                // Math.Max/Min on double follow IEEE 754-2019 in .NET Core 3.0+: NaN wins and +0 > -0, exactly like JavaScript.
                return new($"Math.{(method.Name == "Max" ? "max" : "min")}({Translate(m.Arguments[0]).Code}, {Translate(m.Arguments[1]).Code})", Primary);
            case "Pow" or "Exp" or "Log" or "Log10" or "Log2" or "Sqrt" or "Cbrt" or "Sin" or "Cos" or "Tan" or "Asin" or "Acos"
                or "Atan" or "Atan2" or "Sinh" or "Cosh" or "Tanh" or "ScaleB" or "FusedMultiplyAdd":
                throw Fail($"a call of Math.{method.Name}", m, "Its last bits are platform-dependent, so .NET and JavaScript could disagree");
            default:
                throw Fail($"a call of Math.{method.Name}({string.Join(", ", parameters.Select(p => TypeName(p.ParameterType)))})", m,
                    "It is not on the translator's allow-list");
        }
    }

    // ---------------------------------------------------------------- closed values

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

    /// <summary>Evaluates a closed member chain (captured variables, static readonly data) without running user code.</summary>
    internal static bool TryEvaluateClosed(Expression e, out object? value, out string reason)
    {
        value = null;
        reason = "";
        switch (e)
        {
            case ConstantExpression c:
                value = c.Value;
                return true;
            case UnaryExpression { NodeType: ExpressionType.Convert, Method: null } u when !u.Operand.Type.IsValueType:
                return TryEvaluateClosed(u.Operand, out value, out reason);
            case MemberExpression m:
                object? target = null;
                if (m.Expression is not null)
                {
                    if (!TryEvaluateClosed(m.Expression, out target, out reason))
                        return false;
                    if (target is null)
                    {
                        reason = $"{m.Expression} is null";
                        return false;
                    }
                }
                switch (m.Member)
                {
                    case FieldInfo field:
                        var closure = field.DeclaringType?.IsDefined(typeof(CompilerGeneratedAttribute), false) == true;
                        if (!closure && !field.IsInitOnly && !field.IsLiteral)
                        {
                            reason = $"The field {field.DeclaringType?.Name}.{field.Name} is not readonly, so its value could change after the module is built";
                            return false;
                        }
                        value = field.GetValue(target);
                        return true;
                    case PropertyInfo property:
                        var getter = property.GetMethod;
                        var auto = getter?.IsDefined(typeof(CompilerGeneratedAttribute), false) == true;
                        var setter = property.SetMethod;
                        var initOnly = setter is null
                            || (!property.GetMethod!.IsStatic && setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)));
                        if (!auto || !initOnly)
                        {
                            reason = $"The property {property.DeclaringType?.Name}.{property.Name} is not an init-only auto-property, so its value could change "
                                + "(only captured variables, static readonly fields and get-only auto-properties are folded into the module)";
                            return false;
                        }
                        value = property.GetValue(target);
                        return true;
                }
                reason = $"The member {m.Member.Name} cannot be read";
                return false;
            default:
                reason = $"Only captured variables, static readonly fields and get-only auto-properties are folded, not {e.NodeType}";
                return false;
        }
    }

    private J Data(object? value, Type type, string hint, Expression node)
    {
        switch (value)
        {
            case null:
                return new("null", Primary);
            case Rule:
                throw Fail($"the rule {node}", node, "A rule can only be used through OtherRule.Evaluate(x)");
            case bool or int or double or string or Enum:
                var literal = Literal(value, node, 0, 0);
                return new(literal, literal.StartsWith('-') ? Unary : Primary);
            default:
                var text = Literal(value, node, 0, 0);
                return new(module.Constant(hint, text), Primary);
        }
    }

    private string Literal(object? value, Expression node, int indent, int depth)
    {
        if (depth > 32)
            throw Fail($"the closed value {node}", node, "The data is nested too deeply (or refers to itself)");
        switch (value)
        {
            case null: return "null";
            case bool b: return b ? "true" : "false";
            case int i: return Js.Int(i);
            case double d: return Js.Double(d);
            case string s: return Js.String(s);
            case Enum e: return EnumLiteral(e, node);
            case Rule:
                throw Fail($"the rule {node} used as data", node, "A rule can only be used through OtherRule.Evaluate(x)");
            case IDictionary:
                throw Fail($"the dictionary {node}", node, "Dictionaries are not folded into the module; use a list of records");
            case IList list when value.GetType().IsArray || value.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)):
                var items = list.Cast<object?>().Select(x => Literal(x, node, indent + 1, depth + 1)).ToList();
                var single = "[" + string.Join(", ", items) + "]";
                if (items.Count == 0 || (single.Length <= LineWidth && !single.Contains('\n')))
                    return single;
                return "[\n" + string.Join(",\n", items.Select(x => Indent(indent + 1) + x)) + ",\n" + Indent(indent) + "]";
            default:
                var type = value.GetType();
                if (type.IsPrimitive || type.IsValueType || IsSystemType(type) || value is Delegate || value is IEnumerable)
                    throw Fail($"the closed value {node} of type {TypeName(type)}", node,
                        "Only null, bool, int, double, string, enums, arrays or lists, and records of these can be folded into the module");
                var properties = RulesJson.PropertiesOf(type);
                var entries = properties.Select(p =>
                    $"{Key(p.JsonName)}: {Literal(type.GetProperty(p.MemberName)!.GetValue(value), node, indent + 1, depth + 1)}").ToList();
                var line = "{ " + string.Join(", ", entries) + " }";
                if (entries.Count == 0)
                    return "{}";
                if (line.Length <= LineWidth && !line.Contains('\n'))
                    return line;
                return "{\n" + string.Join(",\n", entries.Select(x => Indent(indent + 1) + x)) + ",\n" + Indent(indent) + "}";
        }
    }

    private string EnumLiteral(Enum value, Expression? node)
    {
        var type = value.GetType();
        var name = module.EnumName(rule.Name, type, node);
        var member = Enum.GetName(type, value);
        return member is null ? Js.Int(Convert.ToInt32(value, CultureInfo.InvariantCulture)) : $"{name}.{member}";
    }

    private string DefaultValue(Type type, Expression node)
    {
        if (type == typeof(int) || type == typeof(double))
            return "0";
        if (type == typeof(bool))
            return "false";
        if (type.IsEnum)
            return EnumLiteral((Enum)Enum.ToObject(type, 0), node);
        if (!type.IsValueType || Nullable.GetUnderlyingType(type) is not null)
            return "null";
        throw Fail($"the default value of {TypeName(type)}", node, null);
    }

    // ---------------------------------------------------------------- checks and helpers

    private J Helper(string name, params J[] args)
    {
        if (!JsRuntime.Exists(name))
            throw new InvalidOperationException($"Unknown runtime helper {name}.");
        module.Helpers.Add(name);
        return new($"{name}({string.Join(", ", args.Select(a => a.Code))})", Primary);
    }

    private void RequireMaterialised(Expression e, string where)
    {
        var inner = StripConvert(e);
        if (IsSequenceInterface(inner.Type) || IsSequenceInterface(e.Type))
            throw Fail($"a deferred sequence ({TypeName(inner.Type)}) {where}", e,
                "JavaScript would keep an unevaluated query; finish it with ToArray() and use an array or IReadOnlyList type");
    }

    private void RequireScalarElements(Expression node, Type element)
    {
        if (!IsScalar(element))
            throw Fail($"{(node as MethodCallExpression)?.Method.Name ?? "Contains"} over {TypeName(element)}", node,
                "Records and objects compare by value in .NET; compare a property (a string or a number) instead");
    }

    private void RequireStringKeys(Expression node, Type dictionary)
    {
        var arguments = dictionary.IsGenericType ? dictionary.GetGenericArguments() : [];
        if (arguments.Length != 2 || arguments[0] != typeof(string))
            throw Fail($"a dictionary with keys of type {(arguments.Length > 0 ? TypeName(arguments[0]) : "?")}", node,
                "Only string keys map onto JavaScript object properties");
    }

    private static Expression? UnwrapSpan(Expression e)
    {
        // C# 14 binds array.Contains(x) to MemoryExtensions.Contains(ReadOnlySpan<T>, T) through an implicit conversion.
        var inner = e switch
        {
            MethodCallExpression { Method.Name: "op_Implicit", Arguments.Count: 1 } call => call.Arguments[0],
            UnaryExpression { NodeType: ExpressionType.Convert } u => u.Operand,
            _ => null,
        };
        return inner is not null && inner.Type.IsArray ? inner : null;
    }

    private static Expression StripConvert(Expression e)
    {
        while (e is UnaryExpression { NodeType: ExpressionType.Convert, Method: null } u)
            e = u.Operand;
        return e;
    }

    private static bool IsNullConstant(Expression e) => StripConvert(e) is ConstantExpression { Value: null };

    /// <summary>A constant, or closed static data (folded into the module as a literal), that is not null.</summary>
    private static bool IsNonNullConstant(Expression e) =>
        StripConvert(e) is ConstantExpression { Value: not null }
        || (StripConvert(e) is MemberExpression member && IsClosed(member) && TryEvaluateClosed(member, out var value, out _) && value is not null);

    /// <summary>A nullable-typed expression that is a wrapped non-nullable value (so it cannot be null or undefined).</summary>
    private static bool NeverNull(Expression e) =>
        IsNonNullConstant(e) || (e is UnaryExpression { NodeType: ExpressionType.Convert } u && Nullable.GetUnderlyingType(u.Operand.Type) is null && u.Operand.Type.IsValueType);

    private static bool IsScalar(Type t) =>
        t == typeof(int) || t == typeof(double) || t == typeof(bool) || t == typeof(string) || (t.IsEnum && Enum.GetUnderlyingType(t) == typeof(int));

    private static readonly HashSet<Type> Forbidden =
    [
        typeof(long), typeof(ulong), typeof(uint), typeof(short), typeof(ushort), typeof(byte), typeof(sbyte), typeof(char),
        typeof(float), typeof(decimal), typeof(nint), typeof(nuint), typeof(Int128), typeof(UInt128), typeof(Half),
        typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(DateOnly), typeof(TimeOnly), typeof(Guid),
    ];

    private static bool IsForbiddenScalar(Type t) => Forbidden.Contains(Nullable.GetUnderlyingType(t) ?? t);

    private static string? ForbiddenHint(Type t)
    {
        var u = Nullable.GetUnderlyingType(t) ?? t;
        if (u == typeof(long) || u == typeof(ulong) || u == typeof(uint) || u == typeof(short) || u == typeof(ushort) || u == typeof(byte) || u == typeof(sbyte))
            return "JavaScript numbers cannot hold every value of this integer type exactly; use int";
        if (u == typeof(float) || u == typeof(decimal) || u == typeof(Half))
            return "JavaScript has no float or decimal arithmetic; use double";
        if (u == typeof(char))
            return "Characters are not supported; use strings";
        if (u == typeof(DateTime) || u == typeof(DateTimeOffset) || u == typeof(TimeSpan) || u == typeof(DateOnly) || u == typeof(TimeOnly))
            return "Dates and times are not supported (and the clock would make results differ); compare ISO date strings or pass numbers in";
        return null;
    }

    private static string? LiftedHint(Type t) =>
        Nullable.GetUnderlyingType(t) is { } u
            ? $"Lifted operators on Nullable<{u.Name}> behave differently in JavaScript (null >= 0 is true there); test .HasValue and use .Value"
            : null;

    private static bool IsSequenceInterface(Type t) =>
        t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>);

    private static bool IsListLike(Type t) =>
        t.IsArray || (t.IsGenericType && t.GetGenericTypeDefinition() is var d
            && (d == typeof(List<>) || d == typeof(IReadOnlyList<>) || d == typeof(IList<>) || d == typeof(ICollection<>) || d == typeof(IReadOnlyCollection<>)))
        || (t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)) && !IsDictionary(t));

    private static bool IsDictionary(Type t) =>
        (t.IsGenericType && t.GetGenericTypeDefinition() is var d && (d == typeof(Dictionary<,>) || d == typeof(IReadOnlyDictionary<,>) || d == typeof(IDictionary<,>)))
        || t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));

    private static Type? ElementType(Type t)
    {
        if (t.IsArray)
            return t.GetElementType();
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            return t.GetGenericArguments()[0];
        return t.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }

    private static bool IsRecordLike(Type t) => t.IsClass && !IsSystemType(t) && !typeof(Delegate).IsAssignableFrom(t);

    private static bool IsSystemType(Type t) => t.Namespace is { } ns && (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal));

    private static string Wrap(J j, int min) => j.Prec >= min ? j.Code : "(" + j.Code + ")";

    internal static string TypeName(Type t)
    {
        if (Nullable.GetUnderlyingType(t) is { } u)
            return $"System.Nullable<{TypeName(u)}>";
        if (t.IsArray)
            return TypeName(t.GetElementType()!) + "[]";
        if (t.IsGenericType)
        {
            var name = t.GetGenericTypeDefinition().FullName ?? t.Name;
            var tick = name.IndexOf('`');
            return (tick > 0 ? name[..tick] : name) + "<" + string.Join(", ", t.GetGenericArguments().Select(TypeName)) + ">";
        }
        return t.FullName ?? t.Name;
    }

    private TranslationException Fail(string construct, Expression? node, string? hint) => new(rule.Name, construct, node, hint);
}
