using System.Linq.Expressions;
using CqcGuide.Rules.Translation;

namespace CqcGuide.Rules.Tests.Translation;

public sealed record Pair(int A, int B);

public sealed record DoublePair(double A, double B);

public sealed record TwoMaybes(int? A, int? B);

public sealed record Maybe(string? Name, int? Count, double? Amount);

public enum Colour
{
    Red = 0,
    Green = 1,
    Blue = 2,
}

public sealed record Painted(string Id, Colour Colour);

public sealed class Bag
{
    public int Size { get; init; }

    public string Label { get; init; } = "";
}

public sealed record Catalogue(string Id, IReadOnlyList<string> Items, Colour Colour);

public static class Named
{
    public static readonly string First = "a";
}

public static class TestData
{
    public static readonly IReadOnlyList<Catalogue> Shelves = [new("a", ["x", "y"], Colour.Green), new("b", [], Colour.Blue)];

    public static IReadOnlyList<int> Weights { get; } = [3, 1, 2];

    public const int Limit = 10;

    public static readonly Rule<int, int> Double = new("double-it", RuleKind.OwnMethod, "Doubles a number.", [], x => x * 2);

    public static readonly Rule<int, int> DoublePlusOne = new("double-plus-one", RuleKind.OwnMethod, "Doubles and adds one.", [], x => Double.Evaluate(x) + 1);
}

/// <summary>One test per supported node kind: a tiny rule is emitted, run in Jint and compared with .NET.</summary>
public class TranslatorNodeTests
{
    private static readonly int[] Ints = [0, 1, -1, 7, -7, 46341, int.MaxValue, int.MinValue, int.MaxValue - 1, int.MinValue + 1];

    private static readonly double[] Doubles =
    [
        0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, -0.4, 0.49999999999999994, 62.5, 87.5, 38.5, 68.75, 4503599627370495.5,
        1e16, -1e16, 2147483647.5, -2147483648.9, 1e300, double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.1 + 0.2,
    ];

    private static Pair[] IntPairs() => Ints.SelectMany(a => Ints.Select(b => new Pair(a, b))).ToArray();

    private static DoublePair[] DoublePairs() => Doubles.SelectMany(a => Doubles.Select(b => new DoublePair(a, b))).ToArray();

    [Fact] public void Int_add_wraps() => Tiny.Agree<Pair, int>(p => p.A + p.B, IntPairs());

    [Fact] public void Int_subtract_wraps() => Tiny.Agree<Pair, int>(p => p.A - p.B, IntPairs());

    [Fact] public void Int_multiply_wraps() => Assert.Contains("Math.imul", Tiny.Agree<Pair, int>(p => p.A * p.B, IntPairs()));

    [Fact] public void Int_divide_truncates_and_throws() => Tiny.Agree<Pair, int>(p => p.A / p.B, IntPairs());

    [Fact] public void Int_modulo_truncates_and_throws() => Tiny.Agree<Pair, int>(p => p.A % p.B, IntPairs());

    [Fact] public void Int_negate_wraps() => Tiny.Agree<int, int>(x => -x, Ints);

    [Fact] public void Unary_plus() => Tiny.Agree<int, int>(x => +x, Ints);

    [Fact] public void Double_arithmetic() => Tiny.Agree<DoublePair, double[]>(p => new[] { p.A + p.B, p.A - p.B, p.A * p.B, p.A / p.B, p.A % p.B, -p.A }, DoublePairs());

    [Fact] public void Double_comparisons_are_ieee() =>
        Tiny.Agree<DoublePair, bool[]>(p => new[] { p.A < p.B, p.A <= p.B, p.A > p.B, p.A >= p.B, p.A == p.B, p.A != p.B }, DoublePairs());

    [Fact] public void Int_comparisons() =>
        Tiny.Agree<Pair, bool[]>(p => new[] { p.A < p.B, p.A <= p.B, p.A > p.B, p.A >= p.B, p.A == p.B, p.A != p.B }, IntPairs());

    [Fact] public void Boolean_logic_short_circuits() =>
        Tiny.Agree<Pair, bool>(p => p.B != 0 && p.A / p.B > 1 || !(p.A > 0), IntPairs());

    [Fact] public void Conditional() => Tiny.Agree<int, string>(x => x > 0 ? "positive" : x < 0 ? "negative" : "zero", Ints);

    [Fact] public void Round_to_even() => Assert.Contains("$roundEven", Tiny.Agree<double, double>(x => Math.Round(x), Doubles));

    [Fact] public void Round_to_even_explicit() => Tiny.Agree<double, double>(x => Math.Round(x, MidpointRounding.ToEven), Doubles);

    [Fact] public void Round_away_from_zero() => Assert.Contains("$roundAway", Tiny.Agree<double, double>(x => Math.Round(x, MidpointRounding.AwayFromZero), Doubles));

    [Fact] public void Round_directed_modes() =>
        Tiny.Agree<double, double[]>(x => new[]
        {
            Math.Round(x, MidpointRounding.ToZero), Math.Round(x, MidpointRounding.ToNegativeInfinity), Math.Round(x, MidpointRounding.ToPositiveInfinity),
        }, Doubles);

    [Fact] public void Floor_ceiling_truncate_abs() =>
        Tiny.Agree<double, double[]>(x => new[] { Math.Floor(x), Math.Ceiling(x), Math.Truncate(x), Math.Abs(x) }, Doubles);

    [Fact] public void Abs_of_int_throws_for_min_value() => Tiny.Agree<int, int>(x => Math.Abs(x), Ints);

    [Fact] public void Min_and_max_of_ints() => Tiny.Agree<Pair, int[]>(p => new[] { Math.Min(p.A, p.B), Math.Max(p.A, p.B) }, IntPairs());

    [Fact] public void Min_and_max_of_doubles_with_nan_and_negative_zero() =>
        Tiny.Agree<DoublePair, double[]>(p => new[] { Math.Min(p.A, p.B), Math.Max(p.A, p.B) }, DoublePairs());

    [Fact] public void Double_to_int_saturates() => Assert.Contains("$toInt32", Tiny.Agree<double, int>(x => (int)x, Doubles));

    [Fact] public void Int_to_double_is_exact() => Tiny.Agree<int, double>(x => (double)x / 3, Ints);

    [Fact] public void Enum_to_int_and_back() =>
        Tiny.Agree<int, Colour[]>(x => new[] { (Colour)x, (Colour)((int)Colour.Blue - x) }, 0, 1, 2, 5, -1);

    [Fact] public void Enum_comparison() =>
        Assert.Contains("Colour.Green", Tiny.Agree<Colour, bool[]>(c => new[] { c == Colour.Green, c > Colour.Red, c != Colour.Blue }, Colour.Red, Colour.Green, Colour.Blue));

    [Fact] public void Nullable_members_and_coalesce() =>
        Tiny.Agree<Maybe, int[]>(m => new[]
        {
            m.Count.HasValue ? m.Count.Value : -1, m.Count ?? 42, m.Count.GetValueOrDefault(), m.Count.GetValueOrDefault(7), m.Count == null ? 1 : 0,
            m.Count != null ? 1 : 0, m.Count == 3 ? 1 : 0,
        }, new Maybe(null, null, null), new Maybe("a", 3, 1.5), new Maybe("", 0, -0.0));

    [Fact] public void Nullable_value_throws_when_null() =>
        Tiny.Agree<Maybe, int>(m => m.Count!.Value, new Maybe(null, null, null), new Maybe(null, 5, null));

    [Fact] public void Nullable_wrapping_and_unwrapping() =>
        Tiny.Agree<Maybe, double?>(m => m.Count.HasValue ? (double?)m.Count.Value : m.Amount, new Maybe(null, null, null), new Maybe(null, null, 2.5), new Maybe(null, 4, 2.5));

    [Fact] public void Explicit_nullable_cast_throws_when_null() =>
        Tiny.Agree<Maybe, int>(m => (int)m.Count!, new Maybe(null, null, null), new Maybe(null, 9, null));

    [Fact] public void Nullable_equality_of_two_nullables() =>
        Tiny.Agree<TwoMaybes, bool[]>(t => new[] { t.A == t.B, t.A != t.B, t.A == 3 }, new TwoMaybes(null, null), new TwoMaybes(1, null), new TwoMaybes(null, 1), new TwoMaybes(3, 3));

    [Fact] public void String_equality_is_ordinal() =>
        Tiny.Agree<string?[], bool[]>(s => new[] { s[0] == s[1], s[0] != s[1], s[0] == "a", string.Equals(s[0], s[1]), string.Equals(s[0], s[1], StringComparison.Ordinal) },
            [null, null], [null, ""], ["a", "a"], ["a", "A"], ["é", "e\u0301"], ["\ufeff", "\ufeff"]);

    [Fact] public void String_length_and_empty_checks() =>
        Tiny.Agree<string?, int[]>(s => new[] { s == null ? -1 : s.Length, string.IsNullOrEmpty(s) ? 1 : 0 }, null, "", " ", "😀", "abc");

    [Fact] public void IsNullOrWhiteSpace_matches_dotnet_for_every_utf16_code_unit()
    {
        var all = Enumerable.Range(0, 0x10000).Select(c => ((char)c).ToString()).ToArray();
        Tiny.Agree<string[], bool[]>(ss => ss.Select(s => string.IsNullOrWhiteSpace(s)).ToArray(), all);
        Tiny.Agree<string?, bool>(s => string.IsNullOrWhiteSpace(s), null, "", " \u0085\u00a0", "\ufeff", "\u200b", "\u180e", " x ");
    }

    [Fact] public void String_contains_starts_and_ends_with_ordinal() =>
        Tiny.Agree<string?[], bool[]>(s => new[]
        {
            s[0]!.Contains(s[1]!), s[0]!.StartsWith(s[1]!, StringComparison.Ordinal), s[0]!.EndsWith(s[1]!, StringComparison.Ordinal),
            s[0]!.Contains(s[1]!, StringComparison.Ordinal),
        }, ["abc", "b"], ["abc", ""], ["abc", "abcd"], ["Straße", "SS"], ["abc", null], [null, "a"]);

    [Fact] public void String_concatenation_treats_null_as_empty() =>
        Tiny.Agree<string?[], string>(s => "<" + s[0] + "|" + s[1] + ">" + string.Concat(s[0], s[1]), [null, null], ["a", null], ["x", "y"]);

    [Fact] public void String_join_treats_null_elements_as_empty() =>
        Tiny.Agree<string?[], string>(s => string.Join(", ", s.Where(x => x != "skip")), [], [null, "a", "skip", ""], ["only"]);

    [Fact] public void Record_constructor_and_initialiser() =>
        Tiny.Agree<int, object[]>(x => new object[] { new Pair(x, x + 1), new Bag { Size = x, Label = "bag" }, new Painted("p", Colour.Blue) }, 1, -5);

    [Fact] public void Anonymous_type() => Tiny.Agree<int, object>(x => new { Value = x, Twice = x * 2 }, 3);

    [Fact] public void Array_literal_and_index_with_bounds_check() =>
        Tiny.Agree<int, int>(i => new[] { 10, 20, 30 }[i], 0, 2, 3, -1);

    [Fact] public void List_indexer_with_bounds_check() =>
        Tiny.Agree<int, string>(i => TestData.Shelves[i].Id, 0, 1, 2, -1);

    [Fact] public void Array_length_and_list_count() =>
        Tiny.Agree<Catalogue, int[]>(c => new[] { c.Items.Count, c.Items.ToArray().Length, TestData.Shelves.Count }, TestData.Shelves.ToArray());

    [Fact] public void Folds_captured_variables_and_static_data()
    {
        var threshold = 2;
        var names = new[] { "x", "z" };
        var code = Tiny.Agree<int, object[]>(x => new object[]
        {
            x > threshold, TestData.Limit - x, TestData.Weights.Sum() + x, TestData.Shelves.Select(s => s.Colour).ToArray(),
            names.Length, TestData.Shelves.Where(s => s.Items.Any(i => names.Contains(i))).Select(s => s.Id).ToArray(),
        }, 0, 5);
        Assert.Contains("const SHELVES = ", code);
        Assert.Contains("colour: Colour.Green", code);
    }

    [Fact] public void Composed_rules_are_included_automatically()
    {
        var code = Tiny.Agree<int, int>(x => TestData.DoublePlusOne.Evaluate(x) - TestData.Double.Evaluate(1), 0, 4, int.MaxValue);
        Assert.Contains("function doublePlusOne(x)", code);
        Assert.Contains("function doubleIt(x)", code);
        Assert.Equal(["tiny-rule", "double-plus-one", "double-it"], JsTranslator.ReachableRules(Tiny.Rule<int, int>(x => TestData.DoublePlusOne.Evaluate(x))).Select(r => r.Name).Select(n => n == "tiny-rule" ? n : n));
    }

    [Fact] public void Let_becomes_const_at_top_level_and_helper_inside()
    {
        var code = Tiny.Agree<int, int>(x => Expr.Let(x * 3, t => t > 10 ? Expr.Let(t - 10, u => u * u) : new[] { 1, 2 }.Select(i => Expr.Let(i + t, v => v)).Sum()), 1, 4, 100000);
        Assert.Contains("const t = Math.imul(x, 3);", code);
        Assert.Contains("$let(", code);
    }

    [Fact] public void Dictionary_lookup_uses_own_properties_only()
    {
        var code = Tiny.Agree<Dictionary<string, string>, string?[]>(d => new[]
        {
            d.GetValueOrDefault("__proto__"), d.GetValueOrDefault("constructor"), d.GetValueOrDefault("toString"), d.GetValueOrDefault("a"),
            d.ContainsKey("hasOwnProperty") ? "yes" : "no", d.GetValueOrDefault("a", "fallback"),
        }, new Dictionary<string, string>(), new Dictionary<string, string> { ["__proto__"] = "p", ["a"] = "1", ["toString"] = "t" });
        Assert.Contains("Object.hasOwn", code);
    }

    [Fact] public void Linq_where_select_toarray_tolist() =>
        Tiny.Agree<int[], object[]>(xs => new object[] { xs.Where(x => x % 2 == 0).Select(x => x * 10).ToArray(), xs.Select(x => -x).ToList() }, [], [1, 2, 3, 4], [int.MinValue]);

    [Fact] public void Linq_count_any_all_on_empty_and_non_empty() =>
        Tiny.Agree<int[], object[]>(xs => new object[] { xs.Count(), xs.Count(x => x > 1), xs.Any(), xs.Any(x => x > 1), xs.All(x => x > 1) }, [], [1], [2, 3]);

    [Fact] public void Linq_sum_is_zero_when_empty_and_checked() =>
        Tiny.Agree<int[], int[]>(xs => new[] { xs.Sum(), xs.Sum(x => x * 2) }, [], [1, 2, 3], [int.MaxValue, 1], [int.MaxValue, 1, -1], [-1, int.MinValue]);

    [Fact] public void Linq_sum_of_doubles_in_order()
    {
        var random = new Random(7);
        var arrays = Enumerable.Range(0, 20).Select(_ => Enumerable.Range(0, 50).Select(_ => random.NextDouble() * 1e6 - 5e5).ToArray()).ToList();
        arrays.Add([]);
        arrays.Add([-0.0]);
        arrays.Add([1e308, 1e308, -1e308]);
        Tiny.Agree<double[], double[]>(xs => new[] { xs.Sum(), xs.Select(x => x).Sum() }, arrays.ToArray());
    }

    [Fact] public void Linq_max_min_average_throw_on_empty() =>
        Tiny.Agree<int[], double[]>(xs => new[] { xs.Max(), xs.Min(), xs.Average(), xs.Max(x => -x), xs.Average(x => x * 2) }, [], [3], [1, 5, -2], [int.MaxValue, int.MaxValue]);

    [Fact] public void Linq_max_min_of_doubles_follow_dotnet_for_nan_and_negative_zero() =>
        Tiny.Agree<double[], double[]>(xs => new[] { xs.Max(), xs.Min(), xs.Select(x => x).Max(), xs.Select(x => x).Min() },
            [], [double.NaN], [double.NaN, 1], [1, double.NaN], [-0.0, 0.0], [0.0, -0.0], [double.NaN, double.NaN, 2, -1], [3, double.NegativeInfinity]);

    [Fact] public void Linq_first_or_default() =>
        Tiny.Agree<int[], int[]>(xs => new[] { xs.FirstOrDefault(), xs.FirstOrDefault(x => x > 2), xs.Select(x => 10 / x).FirstOrDefault() }, [], [0], [5, 0], [1, 3]);

    [Fact] public void Linq_first_or_default_of_records_is_null() =>
        Tiny.Agree<int, string?>(x => TestData.Shelves.Where(s => s.Items.Count > x).Select(s => s.Id).FirstOrDefault(), 0, 1, 5);

    [Fact] public void Linq_contains_uses_dotnet_equality() =>
        Tiny.Agree<double[], bool[]>(xs => new[] { xs.Contains(double.NaN), xs.Contains(0.0), xs.Contains(-0.0), xs.AsEnumerable().Contains(1.5) }, [], [double.NaN], [-0.0], [1.5, 0.0]);

    [Fact] public void Linq_contains_on_string_arrays_bound_to_spans() =>
        Tiny.Agree<string[], bool>(xs => xs.Contains("b"), [], ["a", "b"], ["B"]);

    [Fact] public void Linq_concat_and_distinct() =>
        Tiny.Agree<double[], double[]>(xs => xs.Concat(new[] { -0.0, double.NaN }).Distinct().ToArray(), [], [0.0, 1, 1, double.NaN], [-0.0, 0.0]);

    [Fact] public void Linq_is_lazy_like_dotnet() =>
        Tiny.Agree<int[], bool[]>(xs => new[] { xs.Select(x => 10 / x).Any(x => x > 4), xs.Where(x => x != 0).All(x => 10 / x > 0), xs.Select(x => 10 / x).Contains(10) },
            [1, 0], [0, 1], [2, 1, 0], [5]);

    [Fact] public void Linq_count_after_select_runs_the_selector() =>
        Tiny.Agree<int[], int>(xs => xs.Select(x => 10 / x).Count(), [1, 2], [1, 0]);

    [Fact] public void Default_values() => Tiny.Agree<int, object?[]>(x => new object?[] { default(int), default(string), default(Colour), default(bool) }, 0);

    [Fact] public void Linq_select_with_index() =>
        Assert.Contains("$selectIndexed", Tiny.Agree<int[], object[]>(xs => new object[]
        {
            xs.Select((x, i) => x * 10 + i).ToArray(), xs.Where(x => x > 1).Select((x, i) => i).ToArray(), xs.Select((x, i) => 10 / (i - 1)).Any(x => x > 0),
        }, [], [1], [5, 1, 2, 3], [0, 0, 7]));

    [Fact] public void Linq_select_many_flattens_in_order() =>
        Assert.Contains("$selectMany", Tiny.Agree<Catalogue[], string[]>(cs => cs.SelectMany(c => c.Items).ToArray(),
            [], TestData.Shelves.ToArray(), [new("c", ["p", "q", "r"], Colour.Red), new("d", [], Colour.Red), new("e", ["s"], Colour.Red)]));

    [Fact] public void Linq_select_many_with_index_and_deferred_inner_sequences() =>
        Tiny.Agree<int[], object[]>(xs => new object[]
        {
            xs.SelectMany((x, i) => xs.Where(y => y > x).Select(y => y * 100 + i)).ToArray(),
            xs.SelectMany(x => new[] { x, -x }).Where(x => x > 0).ToArray(),
            xs.SelectMany(x => new[] { 10 / x }).Any(x => x > 4),
            xs.SelectMany((x, i) => new[] { i }).ToArray().Length,
        }, [], [1], [3, 1, 2], [2, 0], [0, 2]);

    [Fact] public void Linq_select_many_over_a_null_sequence_throws() =>
        Tiny.Agree<Catalogue[], string[]>(cs => cs.SelectMany(c => c.Id == "null" ? null! : c.Items).ToArray(), new Catalogue[] { new("a", ["x"], Colour.Red), new("null", [], Colour.Red) });

    [Fact] public void Int_to_invariant_string_is_javascript_string() =>
        Assert.Contains("String(x)", Tiny.Agree<int, string>(x => "[" + x.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", Ints));

    [Fact] public void Substring_with_dotnet_bounds_checks() =>
        Tiny.Agree<Pair, string[]>(p => new[] { "2025-03-31".Substring(p.A), "2025-03-31".Substring(p.A, p.B), "😀x".Substring(p.A, p.B) },
            new Pair(0, 7), new Pair(0, 0), new Pair(10, 0), new Pair(2, 1), new Pair(11, 0), new Pair(-1, 2), new Pair(3, 8), new Pair(1, -1), new Pair(1, 2), new Pair(0, int.MaxValue));

    [Fact] public void Substring_of_null_throws() => Tiny.Agree<Maybe, string>(m => m.Name!.Substring(0, 1), new Maybe(null, null, null), new Maybe("ab", null, null));

    [Fact]
    public void Day_number_accepts_exactly_the_dates_dotnet_parses()
    {
        string?[] edges =
        [
            null, "", "1970-01-01", "1969-12-31", "0001-01-01", "0000-01-01", "9999-12-31", "2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29",
            "2025-04-31", "2025-12-31", "2025-13-01", "2025-00-10", "2025-01-00", "2025-1-05", "2025-01-5", "02025-01-05", "2025-01-05 ",
            " 2025-01-05", "2025-01-05\n", "2025/01/05", "2025-01-05T00:00", "+2025-01-05", "２０２５-01-05", "٢٠٢٥-01-05", "2025-01", "2025-01-0١",
            "2025-01-05\u0000", "abcd-ef-gh", "1600-02-29", "1700-02-29", "2400-02-29", "2025-02-28", "2025-03-01",
        ];
        var code = Tiny.Agree<string?, int?>(s => Expr.DayNumber(s), edges);
        Assert.Contains("$dayNumber(s)", code);
        Assert.Equal(0, Expr.DayNumber("1970-01-01"));
        Assert.Equal(-719162, Expr.DayNumber("0001-01-01"));
        Assert.Null(Expr.DayNumber("2025-02-29"));
        // Every day of 400 years (a whole Gregorian cycle) and the days around the edges of the range.
        var days = Enumerable.Range(0, 146097).Select(i => new DateOnly(1800, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .Concat(Enumerable.Range(0, 800).Select(i => new DateOnly(1, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            .Concat(Enumerable.Range(0, 800).Select(i => new DateOnly(9999, 12, 31).AddDays(-i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();
        Tiny.Agree<string[], int?[]>(ss => ss.Select(s => Expr.DayNumber(s)).ToArray(), days);
    }

    [Fact]
    public void Day_number_agrees_on_generated_near_dates()
    {
        var chars = "0123456789-- T/+\u0661０x".ToCharArray();
        var random = new Random(11);
        var strings = Enumerable.Range(0, 20000).Select(_ =>
        {
            var text = new DateOnly(1, 1, 1).AddDays(random.Next(0, 3652058)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ToCharArray().ToList();
            var edits = random.Next(0, 3);
            for (var e = 0; e < edits; e++)
            {
                var at = random.Next(0, text.Count + 1);
                switch (random.Next(3))
                {
                    case 0: text.Insert(at, chars[random.Next(chars.Length)]); break;
                    case 1: if (at < text.Count) text.RemoveAt(at); break;
                    default: if (at < text.Count) text[at] = chars[random.Next(chars.Length)]; break;
                }
            }
            return new string(text.ToArray());
        }).ToArray();
        Tiny.Agree<string[], int?[]>(ss => ss.Select(s => Expr.DayNumber(s)).ToArray(), strings);
        Assert.True(strings.Count(s => Expr.DayNumber(s) is null) > 2000, "the generator must produce invalid strings too");
    }

    [Fact] public void Closed_string_data_compares_with_strict_equality() =>
        Assert.Contains("=== \"a\"", Tiny.Agree<Catalogue, bool>(c => c.Id == Named.First, TestData.Shelves.ToArray()));

    [Fact] public void Empty_arrays() => Tiny.Agree<int, string[][]>(x => new[] { new string[0], Array.Empty<string>(), Enumerable.Empty<string>().ToArray() }, 0);

    [Fact] public void Linq_range_checks_its_arguments_and_is_lazy() =>
        Assert.Contains("$range", Tiny.Agree<Pair, int[][]>(p => new[]
            {
                Enumerable.Range(p.A, p.B).ToArray(),
                new[] { Enumerable.Range(p.A, p.B).Count(), Enumerable.Range(p.A, p.B).Count(i => i % 2 == 0) },
                Enumerable.Range(0, p.B).Where(i => 12 / (i - 3) > 2).ToArray(),
                new[] { Enumerable.Range(0, p.B).Select(i => 12 / (i - 3)).Any(x => x < 0) ? 1 : 0 },
            },
            new Pair(0, 0), new Pair(0, 3), new Pair(-5, 4), new Pair(0, 5), new Pair(0, -1), new Pair(int.MaxValue, 1), new Pair(int.MaxValue, 2),
            new Pair(int.MinValue, 2), new Pair(int.MaxValue - 2, 3)));

    public sealed record Cut(string? Text, int Start, int Length);

    [Fact] public void String_substring_checks_its_arguments()
    {
        var cuts = new[] { "", "a", "2026-W14", "ü\ud83d\ude00x" }
            .SelectMany(t => new[] { -1, 0, 1, 2, 3, 8, 9 }.SelectMany(start => new[] { -1, 0, 1, 2, 5, 9 }.Select(length => new Cut(t, start, length))))
            .Append(new Cut(null, 0, 0)).ToArray();
        Assert.Contains("$substring", Tiny.Agree<Cut, string>(c => c.Text!.Substring(c.Start), cuts));
        Tiny.Agree<Cut, string>(c => c.Text!.Substring(c.Start, c.Length), cuts);
    }
}
