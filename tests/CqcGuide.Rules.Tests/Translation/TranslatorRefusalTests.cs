using System.Linq.Expressions;
using CqcGuide.Rules.Translation;

namespace CqcGuide.Rules.Tests.Translation;

public sealed record Wide(long L, decimal M, float F, char C, int I, double D, int? N, string S);

public enum Tiny8 : byte
{
    A,
    B,
}

public static class Mutable
{
#pragma warning disable CA2211 // A mutable static field is exactly what this test needs.
    public static int Counter = 1;
#pragma warning restore CA2211

    public static int Computed => DateTime.UtcNow.Second;
}

/// <summary>One test per construct the translator refuses: the message names the rule and the node.</summary>
public class TranslatorRefusalTests
{
    private static readonly Wide Sample = new(1, 1, 1, 'a', 1, 1, 1, "s");

    [Fact] public void Long_arithmetic() => Tiny.Refused<Wide, long>(w => w.L * 2, "Multiply on System.Int64");

    [Fact] public void Decimal_arithmetic() => Tiny.Refused<Wide, decimal>(w => w.M + 1, "on System.Decimal");

    [Fact] public void Float_arithmetic() => Tiny.Refused<Wide, float>(w => w.F * 2, "on System.Single");

    [Fact] public void Char_arithmetic() => Tiny.Refused<Wide, int>(w => w.C + 1, "System.Char");

    [Fact] public void Long_conversion() => Tiny.Refused<Wide, long>(w => (long)w.I, "Convert on System.Int64");

    [Fact] public void Checked_arithmetic() => Tiny.Refused<Wide, int>(w => checked(w.I + 1), "AddChecked on System.Int32");

    [Fact] public void Checked_conversion() => Tiny.Refused<Wide, int>(w => checked((int)w.D), "ConvertChecked on System.Int32");

    [Fact] public void Bitwise_and() => Tiny.Refused<Wide, int>(w => w.I & 1, "And on System.Int32");

    [Fact] public void Bitwise_or_of_booleans() => Tiny.Refused<Wide, bool>(w => w.I > 0 | w.D > 0, "Or on System.Boolean");

    [Fact] public void Exclusive_or() => Tiny.Refused<Wide, int>(w => w.I ^ 3, "ExclusiveOr on System.Int32");

    [Fact] public void Left_shift() => Tiny.Refused<Wide, int>(w => w.I << 2, "LeftShift on System.Int32");

    [Fact] public void Right_shift() => Tiny.Refused<Wide, int>(w => w.I >> 2, "RightShift on System.Int32");

    [Fact] public void Complement() => Tiny.Refused<Wide, int>(w => ~w.I, "Not on System.Int32");

    [Fact] public void Math_pow() => Tiny.Refused<Wide, double>(w => Math.Pow(w.D, 2), "Math.Pow");

    [Fact] public void Math_exp() => Tiny.Refused<Wide, double>(w => Math.Exp(w.D), "Math.Exp");

    [Fact] public void Math_log() => Tiny.Refused<Wide, double>(w => Math.Log(w.D), "Math.Log");

    [Fact] public void Round_to_digits() => Tiny.Refused<Wide, double>(w => Math.Round(w.D, 2), "Math.Round(System.Double, System.Int32)");

    [Fact] public void Round_with_variable_mode()
    {
        var mode = MidpointRounding.AwayFromZero;
        Tiny.Refused<Wide, double>(w => Math.Round(w.D, mode), "Math.Round with a rounding mode that is not a constant");
    }

    [Fact]
    public void Invoke_of_a_delegate()
    {
        Func<int, int> twice = x => x * 2;
        Tiny.Refused<Wide, int>(w => twice(w.I), "Invoke of a delegate");
    }

    [Fact] public void Type_is() => Tiny.Refused<object, bool>(o => o is string, "TypeIs");

    [Fact] public void Type_as() => Tiny.Refused<object, string?>(o => o as string, "TypeAs");

    [Fact] public void Downcast() => Tiny.Refused<object, string>(o => (string)o, "Convert from System.Object to System.String");

    [Fact] public void Method_not_on_the_allow_list() => Tiny.Refused<Wide, string>(w => w.S.Replace("a", "b"), "string.Replace");

    [Fact] public void Tostring_of_a_number() => Tiny.Refused<Wide, string>(w => w.I.ToString(), "System.Int32.ToString");

    [Fact] public void String_format() => Tiny.Refused<Wide, string>(w => string.Format("{0}", w.S), "string.Format");

    [Fact] public void To_upper() => Tiny.Refused<Wide, string>(w => w.S.ToUpperInvariant(), "string.ToUpperInvariant");

    [Fact] public void To_lower() => Tiny.Refused<Wide, string>(w => w.S.ToLower(), "string.ToLower");

    [Fact] public void Trim() => Tiny.Refused<Wide, string>(w => w.S.Trim(), "string.Trim");

    [Fact] public void Culture_sensitive_starts_with() => Tiny.Refused<Wide, bool>(w => w.S.StartsWith("a"), "string.StartsWith(System.String)");

    [Fact] public void Ignore_case_comparison() => Tiny.Refused<Wide, bool>(w => w.S.EndsWith("a", StringComparison.OrdinalIgnoreCase), "string.EndsWith");

    [Fact] public void String_compare() => Tiny.Refused<Wide, int>(w => string.Compare(w.S, "b"), "string.Compare");

    [Fact] public void Concatenation_with_a_number() => Tiny.Refused<Wide, string>(w => "Score: " + w.I, "string concatenation with System.Int32");

    [Fact] public void Concatenation_with_a_double() => Tiny.Refused<Wide, string>(w => w.S + w.D, "string concatenation with System.Double");

    [Fact] public void Lifted_arithmetic() => Tiny.Refused<Wide, int?>(w => w.N + 1, "the lifted Add on System.Nullable<System.Int32>");

    [Fact]
    public void Lifted_comparison()
    {
        var e = Tiny.Refused<Wide, bool>(w => w.N >= 0, "the lifted GreaterThanOrEqual on System.Nullable<System.Int32>");
        Assert.Contains(".HasValue", e.Message);
    }

    [Fact] public void Lifted_numeric_conversion() => Tiny.Refused<Maybe, int?>(m => (int?)m.Amount, "Convert from System.Nullable<System.Double> to System.Nullable<System.Int32>");

    [Fact] public void Double_equals() => Tiny.Refused<Wide, bool>(w => w.D.Equals(1.0), "System.Double.Equals");

    [Fact] public void Double_compare_to() => Tiny.Refused<Wide, int>(w => w.D.CompareTo(1.0), "System.Double.CompareTo");

    [Fact] public void Clock() => Tiny.Refused<Wide, bool>(w => DateTime.Now.Year > w.I, "DateTime.Now");

    [Fact] public void Computed_static_property() => Tiny.Refused<Wide, int>(w => Mutable.Computed + w.I, "Mutable.Computed");

    [Fact] public void Mutable_static_field() => Tiny.Refused<Wide, int>(w => Mutable.Counter + w.I, "Mutable.Counter");

    [Fact] public void Dictionary_indexer() => Tiny.Refused<Dictionary<string, int>, int>(d => d["a"], "the indexer of");

    [Fact] public void Dictionary_with_int_keys() => Tiny.Refused<Dictionary<int, string>, string?>(d => d.GetValueOrDefault(1), "a dictionary with keys of type System.Int32");

    [Fact] public void Any_directly_on_select() => Tiny.Refused<int[], bool>(xs => xs.Select(x => 10 / x).Any(), "Any() directly on Select(...)");

    [Fact] public void Count_directly_on_concat() => Tiny.Refused<int[], int>(xs => xs.Concat(xs.Select(x => 10 / x)).Count(), "Count() directly on Concat(...)");

    [Fact] public void Record_equality() => Tiny.Refused<Pair[], bool>(ps => ps[0] == ps[1], "the user-defined operator");

    [Fact] public void Reference_equality() => Tiny.Refused<Bag[], bool>(bs => bs[0] == bs[1], "Equal on CqcGuide.Rules.Tests.Translation.Bag");

    [Fact] public void Contains_over_records() => Tiny.Refused<Pair[], bool>(ps => ps.Contains(new Pair(1, 2)), "over CqcGuide.Rules.Tests.Translation.Pair");

    [Fact] public void Distinct_over_records() => Tiny.Refused<Pair[], Pair[]>(ps => ps.Distinct().ToArray(), "Distinct over CqcGuide.Rules.Tests.Translation.Pair");

    [Fact] public void Average_of_doubles() => Tiny.Refused<double[], double>(xs => xs.Average(), "Enumerable.Average over System.Double");

    [Fact] public void Generic_max() => Tiny.Refused<Colour[], Colour>(cs => cs.Max(), "the generic Enumerable.Max");

    [Fact] public void Index_overloads_other_than_select() => Tiny.Refused<int[], int[]>(xs => xs.Where((x, i) => x > i).ToArray(), "index parameter");

    [Fact] public void Count_directly_on_select_many() =>
        Tiny.Refused<int[][], int>(xss => xss.SelectMany(xs => xs.Select(x => 10 / x)).Count(), "Count() directly on SelectMany(...)");

    [Fact] public void Select_many_with_a_result_selector() =>
        Tiny.Refused<int[][], int[]>(xss => xss.SelectMany(xs => xs, (xs, x) => x).ToArray(), "Enumerable.SelectMany");

    [Fact] public void Tostring_with_a_culture_other_than_invariant() =>
        Tiny.Refused<Wide, string>(w => w.I.ToString(System.Globalization.CultureInfo.CurrentCulture), "System.Int32.ToString");

    [Fact] public void Unlisted_linq_method() => Tiny.Refused<int[], int[]>(xs => xs.OrderBy(x => x).ToArray(), "Enumerable.OrderBy");

    [Fact] public void Rule_returning_a_deferred_sequence() => Tiny.Refused<int[], IEnumerable<int>>(xs => xs.Where(x => x > 0), "a rule returning System.Collections.Generic.IEnumerable<System.Int32>");

    [Fact] public void Deferred_sequence_stored_in_a_record() => Tiny.Refused<int[], object>(xs => new { Values = xs.Where(x => x > 0) }, "a deferred sequence");

    [Fact] public void Array_of_a_computed_size() => Tiny.Refused<int, int[]>(n => new int[n], "NewArrayBounds on System.Int32[]");

    [Fact] public void List_initialiser() => Tiny.Refused<int, List<int>>(n => new List<int> { n }, "ListInit");

    [Fact] public void System_type_constructor() => Tiny.Refused<int, DateOnly>(n => new DateOnly(2025, 1, n), "System.DateOnly");

    [Fact] public void Enum_backed_by_byte() => Tiny.Refused<int, Tiny8>(n => Tiny8.B, "enum CqcGuide.Rules.Tests.Translation.Tiny8 with underlying type System.Byte");

    [Fact] public void Evaluate_on_a_rule_that_is_not_static_data() =>
        Tiny.Refused<int, int>(n => new Rule<int, int>("inner", RuleKind.OwnMethod, "x", Array.Empty<RuleSource>(), x => x).Evaluate(n), "a call of Evaluate");

    [Fact] public void Rule_used_as_data() => Tiny.Refused<int, object>(n => TestData.Double, "the rule");

    [Fact]
    public void Block_assignment_and_loop()
    {
        var x = Expression.Parameter(typeof(int), "x");
        var v = Expression.Variable(typeof(int), "v");
        var block = Expression.Lambda<Func<int, int>>(Expression.Block([v], Expression.Assign(v, x), v), x);
        Tiny.Refused(block, "Block on System.Int32");
        var assign = Expression.Lambda<Func<int, int>>(Expression.Assign(x, Expression.Constant(1)), x);
        Tiny.Refused(assign, "Assign on System.Int32");
        var label = Expression.Label(typeof(int));
        var loop = Expression.Lambda<Func<int, int>>(Expression.Loop(Expression.Break(label, x), label), x);
        Tiny.Refused(loop, "Loop on System.Int32");
    }

    [Fact]
    public void Power_node()
    {
        var d = Expression.Parameter(typeof(double), "d");
        Tiny.Refused(Expression.Lambda<Func<double, double>>(Expression.Power(d, Expression.Constant(2.0)), d), "Power on System.Double");
    }

    [Fact]
    public void Duplicate_rule_names_in_one_module()
    {
        var first = new Rule<int, int>("same-name", RuleKind.OwnMethod, "x", [], x => x);
        var holder = new RuleHolder(first);
        var second = new Rule<int, int>("same-name", RuleKind.OwnMethod, "y", [], x => holder.Rule.Evaluate(x));
        var e = Assert.Throws<TranslationException>(() => Tiny.Emit(second));
        Assert.Contains("rule 'same-name'", e.Message);
    }

    private sealed record RuleHolder(Rule<int, int> Rule);

    [Fact]
    public void Sample_input_is_valid() => Assert.Equal(1, Sample.I);
}
