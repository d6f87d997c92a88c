using System.Globalization;
using System.Text;

namespace CqcGuide.Rules.Translation;

/// <summary>
/// The JavaScript runtime helpers the translator may emit. Each keeps a .NET semantic that plain JavaScript lacks.
/// A module contains only the helpers it uses (and their dependencies), in this fixed order.
/// </summary>
internal static class JsRuntime
{
    private sealed record Helper(string Name, string[] Dependencies, string Code);

    private static readonly Helper[] Helpers =
    [
        new("$throw", [], """
            // Throws like .NET: the error's name is the .NET exception type.
            function $throw(type, message) {
              const error = new Error(type + ": " + message);
              error.name = type;
              throw error;
            }
            """),
        new("$idiv", ["$throw"], """
            // C# int division: truncates toward zero, throws on division by zero and on int.MinValue / -1.
            function $idiv(a, b) {
              if (b === 0) $throw("System.DivideByZeroException", "Attempted to divide by zero.");
              if (a === -2147483648 && b === -1) $throw("System.OverflowException", "Arithmetic operation resulted in an overflow.");
              return (a / b) | 0;
            }
            """),
        new("$imod", ["$throw"], """
            // C# int remainder: sign of the dividend, throws on division by zero and on int.MinValue % -1.
            function $imod(a, b) {
              if (b === 0) $throw("System.DivideByZeroException", "Attempted to divide by zero.");
              if (a === -2147483648 && b === -1) $throw("System.OverflowException", "Arithmetic operation resulted in an overflow.");
              return (a % b) | 0;
            }
            """),
        new("$absInt", ["$throw"], """
            // Math.Abs(int): throws for int.MinValue, which has no positive counterpart.
            function $absInt(x) {
              if (x === -2147483648) $throw("System.OverflowException", "Negating the minimum value of a twos complement number is invalid.");
              return x < 0 ? -x : x;
            }
            """),
        new("$toInt32", [], """
            // (int)double as .NET 9+ does it: truncate toward zero, saturate at the int range, NaN gives 0.
            function $toInt32(x) {
              if (x !== x) return 0;
              if (x >= 2147483647) return 2147483647;
              if (x <= -2147483648) return -2147483648;
              return Math.trunc(x) | 0;
            }
            """),
        new("$roundEven", [], """
            // Math.Round(double): to the nearest integer, exact halves to the even neighbour (banker's rounding).
            // Uses the exact fractional part, never Math.round (which rounds halves up).
            function $roundEven(x) {
              if (!Number.isFinite(x)) return x;
              const t = Math.trunc(x);
              const f = x - t;
              if (f > 0.5 || f < -0.5) return t + Math.sign(x);
              if (f === 0.5 || f === -0.5) return t % 2 === 0 ? t : t + Math.sign(x);
              return t;
            }
            """),
        new("$roundAway", [], """
            // Math.Round(double, MidpointRounding.AwayFromZero): exact halves away from zero.
            function $roundAway(x) {
              if (!Number.isFinite(x)) return x;
              const t = Math.trunc(x);
              const f = x - t;
              return f >= 0.5 || f <= -0.5 ? t + Math.sign(x) : t;
            }
            """),
        new("$value", ["$throw"], """
            // Nullable<T>.Value: throws when there is no value (null or undefined).
            function $value(x) {
              if (x == null) $throw("System.InvalidOperationException", "Nullable object must have a value.");
              return x;
            }
            """),
        new("$at", ["$throw"], """
            // Array or list indexer with .NET's bounds check.
            function $at(list, index) {
              if (list == null) $throw("System.NullReferenceException", "Object reference not set to an instance of an object.");
              if (index < 0 || index >= list.length) $throw("System.IndexOutOfRangeException", "Index was outside the bounds of the array.");
              return list[index];
            }
            """),
        new("$freeze", [], """
            // Freezes exported data all the way down, so no page can change what the rules decided.
            function $freeze(value) {
              if (value !== null && typeof value === "object") {
                for (const key of Object.keys(value)) $freeze(value[key]);
                Object.freeze(value);
              }
              return value;
            }
            """),
        new("$let", [], """
            // Names an intermediate value (Expr.Let in the C# rules).
            function $let(value, body) {
              return body(value);
            }
            """),
        new("$get", ["$throw"], """
            // IReadOnlyDictionary.GetValueOrDefault: own properties only, so keys such as "__proto__" are plain data.
            function $get(dictionary, key, fallback) {
              if (dictionary == null) $throw("System.ArgumentNullException", "Value cannot be null. (Parameter 'dictionary')");
              if (key == null) $throw("System.ArgumentNullException", "Value cannot be null. (Parameter 'key')");
              return Object.hasOwn(dictionary, key) ? dictionary[key] : fallback;
            }
            """),
        new("$has", ["$throw"], """
            // IReadOnlyDictionary.ContainsKey: own properties only.
            function $has(dictionary, key) {
              if (dictionary == null) $throw("System.NullReferenceException", "Object reference not set to an instance of an object.");
              if (key == null) $throw("System.ArgumentNullException", "Value cannot be null. (Parameter 'key')");
              return Object.hasOwn(dictionary, key);
            }
            """),
        new("$isNullOrEmpty", [], """
            // string.IsNullOrEmpty.
            function $isNullOrEmpty(s) {
              return s == null || s.length === 0;
            }
            """),
        new("$isNullOrWhiteSpace", [], """
            // string.IsNullOrWhiteSpace with .NET's exact white-space set (char.IsWhiteSpace), which differs from JavaScript's
            // \s: U+0085 is white space in .NET but not in JavaScript, and U+FEFF is white space in JavaScript but not in .NET.
            function $isNullOrWhiteSpace(s) {
              return s == null || /^[WHITESPACE]*$/.test(s);
            }
            """.Replace("WHITESPACE", WhiteSpaceClass())),
        new("$strEq", [], """
            // Ordinal string equality, with undefined treated as null.
            function $strEq(a, b) {
              return (a ?? null) === (b ?? null);
            }
            """),
        new("$nullableEq", [], """
            // Equality of two nullable values, with undefined treated as null.
            function $nullableEq(a, b) {
              return (a ?? null) === (b ?? null);
            }
            """),
        new("$substring", ["$throw"], """
            // string.Substring(start) and Substring(start, length) with .NET's checks, in UTF-16 code units as in .NET.
            function $substring(s, start, length) {
              if (s == null) $throw("System.NullReferenceException", "Object reference not set to an instance of an object.");
              if (length === undefined) length = s.length - start;
              if (start < 0 || start > s.length) $throw("System.ArgumentOutOfRangeException", "startIndex cannot be larger than length of string. (Parameter 'startIndex')");
              if (length < 0 || start > s.length - length) $throw("System.ArgumentOutOfRangeException", "Index and length must refer to a location within the string. (Parameter 'length')");
              return s.substring(start, start + length);
            }
            """),
        new("$dayNumber", [], """
            // Expr.DayNumber: days since 1970-01-01 of a real date written exactly YYYY-MM-DD (ASCII digits, years 0001-9999),
            // otherwise null: the strings .NET's DateOnly.TryParseExact(s, "yyyy-MM-dd", InvariantCulture) accepts.
            function $dayNumber(s) {
              if (typeof s !== "string" || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(s)) return null;
              const y = Number(s.slice(0, 4));
              const m = Number(s.slice(5, 7));
              const d = Number(s.slice(8, 10));
              const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
              const length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
              if (y < 1 || length === undefined || d < 1 || d > length) return null;
              // Days from the civil date (H. Hinnant's algorithm), exact in integers.
              const yy = m <= 2 ? y - 1 : y;
              const era = Math.floor(yy / 400);
              const yoe = yy - era * 400;
              const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
              return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
            }
            """),
        new("$strContains", ["$throw"], """
            // string.Contains(string): ordinal; throws on a null argument.
            function $strContains(s, value) {
              if (value == null) $throw("System.ArgumentNullException", "Value cannot be null. (Parameter 'value')");
              return s.includes(value);
            }
            """),
        new("$startsWith", ["$throw"], """
            // string.StartsWith(value, StringComparison.Ordinal).
            function $startsWith(s, value) {
              if (value == null) $throw("System.ArgumentNullException", "Value cannot be null. (Parameter 'value')");
              return s.startsWith(value);
            }
            """),
        new("$endsWith", ["$throw"], """
            // string.EndsWith(value, StringComparison.Ordinal).
            function $endsWith(s, value) {
              if (value == null) $throw("System.ArgumentNullException", "Value cannot be null. (Parameter 'value')");
              return s.endsWith(value);
            }
            """),
        new("$src", ["$throw"], """
            // LINQ's argument check: a null sequence throws.
            function $src(source) {
              if (source == null) $throw("System.ArgumentNullException", "Value cannot be null. (Parameter 'source')");
              return source;
            }
            """),
        new("$each", [], """
            // Visits a sequence (an array or a deferred sequence) until the visitor returns true; returns whether it stopped.
            // Deferred sequences keep LINQ's lazy, element-by-element order, so short-circuiting matches .NET.
            function $each(source, visit) {
              if (Array.isArray(source)) {
                for (let i = 0; i < source.length; i++) if (visit(source[i])) return true;
                return false;
              }
              return source.each(visit);
            }
            """),
        new("$where", ["$src", "$each"], """
            // Enumerable.Where (deferred).
            function $where(source, predicate) {
              $src(source);
              if (Array.isArray(source)) {
                return {
                  each: (visit) => {
                    for (let i = 0; i < source.length; i++) if (predicate(source[i]) && visit(source[i])) return true;
                    return false;
                  },
                };
              }
              return { each: (visit) => $each(source, (x) => (predicate(x) ? visit(x) : false)) };
            }
            """),
        new("$select", ["$src", "$each"], """
            // Enumerable.Select (deferred).
            function $select(source, selector) {
              $src(source);
              if (Array.isArray(source)) {
                return {
                  each: (visit) => {
                    for (let i = 0; i < source.length; i++) if (visit(selector(source[i]))) return true;
                    return false;
                  },
                };
              }
              return { each: (visit) => $each(source, (x) => visit(selector(x))) };
            }
            """),
        new("$selectIndexed", ["$src", "$each"], """
            // Enumerable.Select((x, i) => ...) (deferred): the selector gets each element and its index.
            function $selectIndexed(source, selector) {
              $src(source);
              return {
                each: (visit) => {
                  let i = 0;
                  return $each(source, (x) => visit(selector(x, i++)));
                },
              };
            }
            """),
        new("$selectMany", ["$src", "$each", "$throw"], """
            // Enumerable.SelectMany (deferred): each element's sequence in turn, in order. The selector also gets the
            // element's index (SelectMany((x, i) => ...)); a null sequence throws, as in .NET.
            function $selectMany(source, selector) {
              $src(source);
              return {
                each: (visit) => {
                  let i = 0;
                  return $each(source, (x) => {
                    const inner = selector(x, i++);
                    if (inner == null) $throw("System.NullReferenceException", "Object reference not set to an instance of an object.");
                    return $each(inner, visit);
                  });
                },
              };
            }
            """),
        new("$concat", ["$src", "$each"], """
            // Enumerable.Concat (deferred).
            function $concat(first, second) {
              $src(first);
              $src(second);
              return { each: (visit) => $each(first, visit) || $each(second, visit) };
            }
            """),
        new("$distinct", ["$src", "$each"], """
            // Enumerable.Distinct (deferred) with .NET's default equality for numbers and strings: first occurrence kept,
            // NaN equals NaN, 0 equals -0 (whichever came first is kept).
            function $distinct(source) {
              $src(source);
              return {
                each: (visit) => {
                  const seen = [];
                  return $each(source, (x) => {
                    if (seen.includes(x)) return false;
                    seen.push(x);
                    return visit(x);
                  });
                },
              };
            }
            """),
        new("$toArray", ["$src", "$each"], """
            // Enumerable.ToArray / ToList.
            function $toArray(source) {
              $src(source);
              if (Array.isArray(source)) return source.slice();
              const result = [];
              $each(source, (x) => {
                result.push(x);
                return false;
              });
              return result;
            }
            """),
        new("$count", ["$src", "$each"], """
            // Enumerable.Count().
            function $count(source) {
              $src(source);
              if (Array.isArray(source)) return source.length;
              let n = 0;
              $each(source, () => {
                n++;
                return false;
              });
              return n;
            }
            """),
        new("$countWhere", ["$src", "$each"], """
            // Enumerable.Count(predicate).
            function $countWhere(source, predicate) {
              $src(source);
              let n = 0;
              if (Array.isArray(source)) {
                for (let i = 0; i < source.length; i++) if (predicate(source[i])) n++;
                return n;
              }
              $each(source, (x) => {
                if (predicate(x)) n++;
                return false;
              });
              return n;
            }
            """),
        new("$any", ["$src", "$each"], """
            // Enumerable.Any(): false for an empty sequence.
            function $any(source) {
              $src(source);
              return $each(source, () => true);
            }
            """),
        new("$anyWhere", ["$src", "$each"], """
            // Enumerable.Any(predicate): stops at the first match.
            function $anyWhere(source, predicate) {
              $src(source);
              if (Array.isArray(source)) {
                for (let i = 0; i < source.length; i++) if (predicate(source[i])) return true;
                return false;
              }
              return $each(source, (x) => predicate(x));
            }
            """),
        new("$all", ["$src", "$each"], """
            // Enumerable.All(predicate): true for an empty sequence; stops at the first failure.
            function $all(source, predicate) {
              $src(source);
              if (Array.isArray(source)) {
                for (let i = 0; i < source.length; i++) if (!predicate(source[i])) return false;
                return true;
              }
              return !$each(source, (x) => !predicate(x));
            }
            """),
        new("$sumInt", ["$src", "$each", "$throw"], """
            // Enumerable.Sum over int: 0 for an empty sequence; checked, so it throws when the running total leaves the int range.
            function $sumInt(source) {
              $src(source);
              let total = 0;
              $each(source, (x) => {
                total += x;
                if (total > 2147483647 || total < -2147483648) $throw("System.OverflowException", "Arithmetic operation resulted in an overflow.");
                return false;
              });
              return total;
            }
            """),
        new("$sumDouble", ["$src", "$each"], """
            // Enumerable.Sum over double: 0 for an empty sequence, added in order from 0.
            function $sumDouble(source) {
              $src(source);
              let total = 0;
              $each(source, (x) => {
                total += x;
                return false;
              });
              return total;
            }
            """),
        new("$maxInt", ["$src", "$each", "$throw"], """
            // Enumerable.Max over int: throws for an empty sequence.
            function $maxInt(source) {
              $src(source);
              let has = false;
              let m = 0;
              $each(source, (x) => {
                if (!has || x > m) m = x;
                has = true;
                return false;
              });
              if (!has) $throw("System.InvalidOperationException", "Sequence contains no elements");
              return m;
            }
            """),
        new("$minInt", ["$src", "$each", "$throw"], """
            // Enumerable.Min over int: throws for an empty sequence.
            function $minInt(source) {
              $src(source);
              let has = false;
              let m = 0;
              $each(source, (x) => {
                if (!has || x < m) m = x;
                has = true;
                return false;
              });
              if (!has) $throw("System.InvalidOperationException", "Sequence contains no elements");
              return m;
            }
            """),
        new("$maxDouble", ["$src", "$each", "$throw"], """
            // Enumerable.Max over double as .NET does it: NaN only if every element is NaN; ties keep the first element.
            function $maxDouble(source) {
              $src(source);
              let state = 0;
              let m = 0;
              $each(source, (x) => {
                if (state !== 2) {
                  m = x;
                  state = x !== x ? 1 : 2;
                } else if (x > m) m = x;
                return false;
              });
              if (state === 0) $throw("System.InvalidOperationException", "Sequence contains no elements");
              return m;
            }
            """),
        new("$minDouble", ["$src", "$each", "$throw"], """
            // Enumerable.Min over double as .NET does it: NaN as soon as any element is NaN; ties keep the first element.
            function $minDouble(source) {
              $src(source);
              let has = false;
              let m = 0;
              $each(source, (x) => {
                if (!has) {
                  has = true;
                  m = x;
                  return x !== x;
                }
                if (x < m) m = x;
                else if (x !== x) {
                  m = x;
                  return true;
                }
                return false;
              });
              if (!has) $throw("System.InvalidOperationException", "Sequence contains no elements");
              return m;
            }
            """),
        new("$averageInt", ["$src", "$each", "$throw"], """
            // Enumerable.Average over int: exact integer total divided by the count; throws for an empty sequence.
            function $averageInt(source) {
              $src(source);
              let total = 0;
              let n = 0;
              $each(source, (x) => {
                total += x;
                n++;
                return false;
              });
              if (n === 0) $throw("System.InvalidOperationException", "Sequence contains no elements");
              return total / n;
            }
            """),
        new("$firstOrDefault", ["$src", "$each"], """
            // Enumerable.FirstOrDefault(): the first element, or the type's default value.
            function $firstOrDefault(source, fallback) {
              $src(source);
              let result = fallback;
              $each(source, (x) => {
                result = x;
                return true;
              });
              return result;
            }
            """),
        new("$firstOrDefaultWhere", ["$src", "$each"], """
            // Enumerable.FirstOrDefault(predicate).
            function $firstOrDefaultWhere(source, predicate, fallback) {
              $src(source);
              let result = fallback;
              $each(source, (x) => {
                if (!predicate(x)) return false;
                result = x;
                return true;
              });
              return result;
            }
            """),
        new("$contains", ["$src", "$each"], """
            // Enumerable.Contains with .NET's default equality for numbers and strings (NaN equals NaN; 0 equals -0).
            function $contains(source, value) {
              $src(source);
              if (Array.isArray(source)) {
                for (let i = 0; i < source.length; i++) if (source[i] === value || (source[i] !== source[i] && value !== value)) return true;
                return false;
              }
              return $each(source, (x) => x === value || (x !== x && value !== value));
            }
            """),
        new("$join", ["$src", "$each"], """
            // string.Join(separator, values): null elements are empty strings.
            function $join(separator, values) {
              $src(values);
              const parts = [];
              $each(values, (x) => {
                parts.push(x ?? "");
                return false;
              });
              return parts.join(separator ?? "");
            }
            """),
        new("$range", ["$throw"], """
            // Enumerable.Range(start, count): throws like .NET when count is negative or the range passes int.MaxValue.
            function $range(start, count) {
              if (count < 0 || start + count - 1 > 2147483647) $throw("System.ArgumentOutOfRangeException", "Specified argument was out of the range of valid values. (Parameter 'count')");
              const out = new Array(count);
              for (let i = 0; i < count; i++) out[i] = start + i;
              return out;
            }
            """),
        new("$regexMatches", ["$throw"], """
            // Regex.Matches(input, pattern, RegexOptions.ECMAScript) for a pattern of the translator's subset (no empty
            // matches): every match, left to right, as { index, length, value } in UTF-16 code units, as in .NET.
            function $regexMatches(s, re) {
              if (s == null) $throw("System.ArgumentNullException", "Value cannot be null. (Parameter 'input')");
              const out = [];
              re.lastIndex = 0;
              let m;
              while ((m = re.exec(s)) !== null) {
                out.push({ index: m.index, length: m[0].length, value: m[0] });
                if (m[0].length === 0) re.lastIndex++;
              }
              return out;
            }
            """),
        new("$regexIsMatch", ["$throw"], """
            // Regex.IsMatch(input, pattern, RegexOptions.ECMAScript) for a pattern of the translator's subset.
            function $regexIsMatch(s, re) {
              if (s == null) $throw("System.ArgumentNullException", "Value cannot be null. (Parameter 'input')");
              re.lastIndex = 0;
              return re.test(s);
            }
            """),
    ];

    private static readonly Dictionary<string, Helper> ByName = Helpers.ToDictionary(h => h.Name, StringComparer.Ordinal);

    public static bool Exists(string name) => ByName.ContainsKey(name);

    /// <summary>The code of the used helpers and their dependencies, in the fixed order above.</summary>
    public static string Render(IReadOnlySet<string> used)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name)
        {
            if (!all.Add(name))
                return;
            foreach (var dependency in ByName[name].Dependencies)
                Add(dependency);
        }
        foreach (var name in used)
            Add(name);
        var text = new StringBuilder();
        foreach (var helper in Helpers.Where(h => all.Contains(h.Name)))
            text.Append('\n').Append(helper.Code.Replace("\r\n", "\n").TrimEnd()).Append('\n');
        return text.ToString();
    }

    /// <summary>A regular-expression character class of exactly the UTF-16 code units .NET's char.IsWhiteSpace accepts.</summary>
    internal static string WhiteSpaceClass()
    {
        var text = new StringBuilder();
        var c = 0;
        while (c <= 0xFFFF)
        {
            if (!char.IsWhiteSpace((char)c))
            {
                c++;
                continue;
            }
            var start = c;
            while (c + 1 <= 0xFFFF && char.IsWhiteSpace((char)(c + 1)))
                c++;
            text.Append(Escape(start));
            if (c > start)
                text.Append('-').Append(Escape(c));
            c++;
        }
        return text.ToString();

        static string Escape(int code) => "\\u" + code.ToString("x4", CultureInfo.InvariantCulture);
    }
}
