using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using System.Text.RegularExpressions;

namespace CqcGuide.Rules.Translation;

/// <summary>
/// The regular expressions a rule may use: a subset on which .NET (with <see cref="RegexOptions.ECMAScript"/>) and a
/// JavaScript <c>RegExp</c> without the <c>u</c> flag match exactly the same UTF-16 code units, so a pattern can be
/// emitted as a JavaScript regular expression literal. Both engines are backtracking engines with the same
/// leftmost-first alternation and the same greedy and lazy quantifiers; the subset leaves out everything whose meaning
/// differs between them:
/// <list type="bullet">
/// <item><c>\w \W \b \B</c>: .NET's ECMAScript mode counts U+0130 (İ) as a word character, JavaScript does not.</item>
/// <item><c>\s \S</c>: .NET's ECMAScript mode has six white-space characters, JavaScript about twenty-five.</item>
/// <item><c>.</c>: .NET excludes only <c>\n</c>, JavaScript also <c>\r</c>, U+2028 and U+2029.</item>
/// <item><c>$</c>: .NET also matches before a final <c>\n</c>.</item>
/// <item>Options other than ECMAScript (and Compiled, which changes nothing): case-insensitive matching folds
/// characters such as U+212A (Kelvin sign) differently.</item>
/// <item>Capturing groups, backreferences and named groups: the rules read only the whole match, and captures inside
/// repeated groups are kept differently.</item>
/// <item>Escapes other than <c>\d \D \t \n \r \f \v \uXXXX</c> and escaped punctuation; POSIX-like and Unicode classes;
/// <c>{</c> or <c>}</c> or <c>]</c> that is not part of a quantifier or class; a quantified lookaround.</item>
/// </list>
/// Kept: literal characters (any BMP code unit that is not a surrogate), character classes of literal characters,
/// ranges, <c>\d</c> and <c>\D</c> (negated or not), <c>\d \D</c>, the quantifiers <c>* + ? {n} {n,} {n,m}</c> and their lazy forms,
/// <c>(?:...)</c>, <c>|</c>, lookahead and lookbehind (<c>(?=</c> <c>(?!</c> <c>(?&lt;=</c> <c>(?&lt;!</c>), and <c>^</c>
/// (the start of the input: neither side is multiline). A pattern given to <c>Matches</c> must not match the empty string.
/// </summary>
internal static class RegexSubset
{
    /// <summary>The options a rule may use: ECMAScript, optionally with Compiled (which does not change what matches).</summary>
    public static bool AllowedOptions(RegexOptions options) =>
        (options & ~RegexOptions.Compiled) == RegexOptions.ECMAScript;

    /// <summary>
    /// The JavaScript regular expression literal (always with the <c>g</c> flag; the runtime helpers reset
    /// <c>lastIndex</c>) for <paramref name="pattern"/>, or a refusal naming the rule.
    /// </summary>
    public static string ToJsLiteral(string ruleName, string pattern, RegexOptions options, bool forMatches, Expression? node)
    {
        if (!AllowedOptions(options))
            throw new TranslationException(ruleName, $"a regular expression with RegexOptions.{options}", node,
                "Use RegexOptions.ECMAScript (alone, or with Compiled): other options match differently in JavaScript");
        var parser = new Parser(pattern, ruleName, node);
        var (source, minLength) = parser.Parse();
        if (forMatches && minLength == 0)
            throw new TranslationException(ruleName, $"the regular expression /{pattern}/ in Matches, which can match the empty string", node,
                "Empty matches advance differently; make the pattern match at least one character");
        try
        {
            _ = new Regex(pattern, options);
        }
        catch (ArgumentException e)
        {
            throw new TranslationException(ruleName, $"the regular expression /{pattern}/", node, ".NET refuses it: " + e.Message);
        }
        return "/" + source + "/g";
    }

    private sealed class Parser(string pattern, string ruleName, Expression? node)
    {
        private int position;

        public (string Source, int MinLength) Parse()
        {
            if (pattern.Length == 0)
                Fail("an empty pattern", "Write the characters to match");
            var result = Alternation();
            if (position < pattern.Length)
                Fail($"'{pattern[position]}' at {position}", "An unmatched ')' or a character the subset does not know");
            return result;
        }

        private (string, int) Alternation()
        {
            var (text, min) = Sequence();
            var source = new StringBuilder(text);
            while (Peek('|'))
            {
                position++;
                var (next, nextMin) = Sequence();
                source.Append('|').Append(next);
                min = Math.Min(min, nextMin);
            }
            return (source.ToString(), min);
        }

        private (string, int) Sequence()
        {
            var source = new StringBuilder();
            var min = 0;
            while (position < pattern.Length && pattern[position] != '|' && pattern[position] != ')')
            {
                var start = position;
                var (atom, atomMin, quantifiable) = Atom();
                var (quantifier, low) = Quantifier();
                if (quantifier.Length > 0 && !quantifiable)
                    Fail($"a quantifier after '{pattern[start..position]}'", "Lookarounds and anchors cannot be repeated");
                source.Append(atom).Append(quantifier);
                min = (int)Math.Min(int.MaxValue, min + (long)atomMin * (quantifier.Length > 0 ? low : 1));
            }
            return (source.ToString(), min);
        }

        private (string, int) Quantifier()
        {
            if (position >= pattern.Length)
                return ("", 1);
            var c = pattern[position];
            string text;
            int low;
            switch (c)
            {
                case '*':
                    position++;
                    (text, low) = ("*", 0);
                    break;
                case '+':
                    position++;
                    (text, low) = ("+", 1);
                    break;
                case '?':
                    position++;
                    (text, low) = ("?", 0);
                    break;
                case '{':
                    var close = pattern.IndexOf('}', position);
                    var body = close < 0 ? "" : pattern[(position + 1)..close];
                    var match = Regex.Match(body, "^([0-9]{1,4})(,([0-9]{1,4})?)?$", RegexOptions.CultureInvariant);
                    if (!match.Success)
                        Fail($"'{{' at {position}", "Write a quantifier as {n}, {n,} or {n,m}; escape a literal brace as \\{");
                    low = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                    if (match.Groups[3].Success && int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) < low)
                        Fail($"the quantifier {{{body}}}", "The upper bound is below the lower bound");
                    text = "{" + body + "}";
                    position = close + 1;
                    break;
                default:
                    return ("", 1);
            }
            if (Peek('?'))
            {
                position++;
                text += "?";
            }
            if (position < pattern.Length && pattern[position] is '*' or '+' or '?' or '{')
                Fail($"a second quantifier at {position}", "Possessive and doubled quantifiers are not part of the subset");
            return (text, low);
        }

        private (string Source, int MinLength, bool Quantifiable) Atom()
        {
            var c = pattern[position];
            switch (c)
            {
                case '(':
                    return Group();
                case '[':
                    return (Class(), 1, true);
                case '\\':
                    return (Escape(inClass: false), 1, true);
                case '^':
                    position++;
                    return ("^", 0, false);
                case '.':
                    Fail("'.'", ".NET and JavaScript disagree on which line breaks '.' excludes; write a class such as [^\\n]");
                    break;
                case '$':
                    Fail("'$'", ".NET's '$' also matches before a final line break; use a lookahead such as (?![\\d\\D])");
                    break;
                case '*' or '+' or '?':
                    Fail($"'{c}' at {position} with nothing to repeat", null);
                    break;
                case '{' or '}' or ']':
                    Fail($"a literal '{c}' at {position}", $"Escape it as \\{c}");
                    break;
            }
            position++;
            return (Literal(c, inClass: false), 1, true);
        }

        private (string, int, bool) Group()
        {
            var rest = pattern.AsSpan(position);
            string open;
            var lookaround = true;
            if (rest.StartsWith("(?:", StringComparison.Ordinal))
            {
                open = "(?:";
                lookaround = false;
            }
            else if (rest.StartsWith("(?=", StringComparison.Ordinal) || rest.StartsWith("(?!", StringComparison.Ordinal))
                open = rest[..3].ToString();
            else if (rest.StartsWith("(?<=", StringComparison.Ordinal) || rest.StartsWith("(?<!", StringComparison.Ordinal))
                open = rest[..4].ToString();
            else if (rest.StartsWith("(?", StringComparison.Ordinal))
            {
                Fail($"the group '{Excerpt()}'", "Named groups, inline options and other (?...) constructs are not part of the subset");
                throw new InvalidOperationException();
            }
            else
            {
                Fail($"the capturing group at {position}", "Use a non-capturing group (?:...): rules read only the whole match");
                throw new InvalidOperationException();
            }
            position += open.Length;
            var (inner, min) = Alternation();
            if (!Peek(')'))
                Fail($"the group opened with '{open}'", "Close it with ')'");
            position++;
            return (open + inner + ")", lookaround ? 0 : min, !lookaround);
        }

        private string Class()
        {
            var start = position;
            position++;
            var source = new StringBuilder("[");
            if (Peek('^'))
            {
                source.Append('^');
                position++;
            }
            var items = 0;
            while (true)
            {
                if (position >= pattern.Length)
                    Fail($"the class starting at {start}", "Close it with ']'");
                var c = pattern[position];
                if (c == ']')
                {
                    if (items == 0)
                        Fail($"the empty class at {start}", "[] and [^] mean different things in .NET and JavaScript");
                    position++;
                    return source.Append(']').ToString();
                }
                if (c == '[')
                    Fail($"'[' inside the class at {start}", "Escape it as \\[ (.NET reads [a-z-[aeiou]] as subtraction)");
                if (c == '\\' && position + 1 < pattern.Length && pattern[position + 1] is 'd' or 'D')
                {
                    source.Append('\\').Append(pattern[position + 1]);
                    position += 2;
                    items++;
                    if (Peek('-') && position + 1 < pattern.Length && pattern[position + 1] != ']')
                        Fail($"a range starting at \\{pattern[position - 1]}", "A range needs a single character at each end");
                    continue;
                }
                var (low, lowText) = ClassChar();
                items++;
                if (Peek('-') && position + 1 < pattern.Length && pattern[position + 1] != ']')
                {
                    position++;
                    if (pattern[position] == '\\' && position + 1 < pattern.Length && pattern[position + 1] is 'd' or 'D')
                        Fail($"a range ending at \\{pattern[position + 1]}", "A range needs a single character at each end");
                    var (high, highText) = ClassChar();
                    if (high < low)
                        Fail($"the range {lowText}-{highText}", "The range is out of order");
                    source.Append(lowText).Append('-').Append(highText);
                }
                else
                    source.Append(lowText);
            }
        }

        private (char Value, string Source) ClassChar()
        {
            var c = pattern[position];
            if (c == '\\')
            {
                var text = Escape(inClass: true);
                return (lastEscaped, text);
            }
            if (c == '-')
                Fail($"an unescaped '-' at {position}", "Escape a literal hyphen in a class as \\-");
            if (c == '[')
                Fail($"'[' inside a class at {position}", "Escape it as \\[ (.NET reads [a-z-[aeiou]] as subtraction)");
            position++;
            return (c, Literal(c, inClass: true));
        }

        private char lastEscaped;

        private string Escape(bool inClass)
        {
            if (position + 1 >= pattern.Length)
                Fail("a '\\' at the end of the pattern", null);
            var c = pattern[position + 1];
            position += 2;
            switch (c)
            {
                case 'd' or 'D':
                    return "\\" + c;
                case 't': lastEscaped = '\t'; return "\\t";
                case 'n': lastEscaped = '\n'; return "\\n";
                case 'r': lastEscaped = '\r'; return "\\r";
                case 'f': lastEscaped = '\f'; return "\\f";
                case 'v': lastEscaped = '\v'; return "\\v";
                case 'u':
                    var hex = position + 4 <= pattern.Length ? pattern.Substring(position, 4) : "";
                    if (hex.Length != 4 || !hex.All(char.IsAsciiHexDigit))
                        Fail("a \\u escape without four hex digits", null);
                    position += 4;
                    lastEscaped = (char)int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    if (char.IsSurrogate(lastEscaped))
                        Fail($"the surrogate \\u{hex}", "Patterns match UTF-16 code units; surrogate halves are not part of the subset");
                    return Literal(lastEscaped, inClass);
                case 'w' or 'W' or 'b' or 'B':
                    Fail($"'\\{c}'", ".NET's ECMAScript mode counts U+0130 as a word character and JavaScript does not; write the class, e.g. [A-Za-z0-9_]");
                    break;
                case 's' or 'S':
                    Fail($"'\\{c}'", ".NET's ECMAScript mode and JavaScript disagree on white space; write the class, e.g. [ \\t\\n]");
                    break;
            }
            if (Punctuation.Contains(c))
            {
                lastEscaped = c;
                return Literal(c, inClass);
            }
            Fail($"the escape '\\{c}'", "Only \\d \\D \\t \\n \\r \\f \\v \\uXXXX and escaped punctuation are part of the subset");
            throw new InvalidOperationException();
        }

        private const string Punctuation = "\\^$.|?*+()[]{}/-# ,:;!<>=&@%~'\"";

        private const string Metacharacters = "\\^$.|?*+()[]{}/";

        /// <summary>A literal code unit, written so that it reads the same in a JavaScript regex literal.</summary>
        private string Literal(char c, bool inClass)
        {
            if (char.IsSurrogate(c))
                Fail($"the surrogate U+{(int)c:X4}", "Patterns match UTF-16 code units; surrogate halves are not part of the subset");
            if (c < 0x20 || c > 0x7E)
                return "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture);
            if (inClass ? c is '\\' or ']' or '[' or '^' or '-' or '/' : Metacharacters.Contains(c))
                return "\\" + c;
            return c.ToString();
        }

        private bool Peek(char c) => position < pattern.Length && pattern[position] == c;

        private string Excerpt() => pattern.Substring(position, Math.Min(8, pattern.Length - position));

        private void Fail(string construct, string? hint) =>
            throw new TranslationException(ruleName, $"{construct} in the regular expression /{pattern}/", node, hint);
    }
}
