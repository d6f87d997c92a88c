using System.Text.RegularExpressions;
using CqcGuide.Rules.Translation;

namespace CqcGuide.Rules.Tests.Translation;

public sealed record Hit(int Index, int Length, string Value);

/// <summary>The regular-expression subset: what translates (and agrees in Jint), and what is refused with the rule named.</summary>
public class RegexSubsetTests
{
    private static readonly Regex Digits = new("[0-9]{3}[ \\-]?[0-9]{3}", RegexOptions.ECMAScript);
    private static readonly Regex Lookbehind = new("(?<=[Cc]arer )[A-Z][a-z]+(?![A-Za-z])", RegexOptions.ECMAScript);
    private static readonly string NamePattern = "(?<![A-Za-z\\u00c0-\\u00ff])[A-Z\\u00c0-\\u00de][a-z\\u00df-\\u00ff]+(?:-[A-Z][a-z]+)?";
    private static readonly Regex Mutable = new("a", RegexOptions.ECMAScript);
    private static readonly Regex NotEcma = new("[0-9]+");

    private static readonly string[] Texts =
    [
        "", "carer Sarah and Carer Éowyn-Jones", "123 456, 123-456 and 123456 and 1234567", "İa Ünïcödé Zoë\u00a0Müller", "\u2028\u2029\r\n",
        "Mrs O'Brien (née Smith-Jones) saw carer Ngozi.", "aaa", new string('x', 300),
    ];

    [Fact]
    public void Matches_on_a_static_readonly_regex_agree()
    {
        var code = Tiny.Agree<string, Hit[]>(s => Digits.Matches(s).Select(m => new Hit(m.Index, m.Length, m.Value)).ToArray(), Texts);
        Assert.Contains("const DIGITS = /[0-9]{3}[ \\-]?[0-9]{3}/g;", code);
        Assert.Contains("$regexMatches(", code);
    }

    [Fact]
    public void Matches_with_a_constant_pattern_and_lookbehind_agree()
    {
        Tiny.Agree<string, Hit[]>(s => Regex.Matches(s, NamePattern, RegexOptions.ECMAScript).Select(m => new Hit(m.Index, m.Length, m.Value)).ToArray(), Texts);
        Tiny.Agree<string, string[]>(s => Lookbehind.Matches(s).Select(m => m.Value).ToArray(), Texts);
    }

    [Fact]
    public void IsMatch_count_and_index_agree()
    {
        Tiny.Agree<string, bool>(s => Regex.IsMatch(s, "^[A-Z]", RegexOptions.ECMAScript), Texts);
        Tiny.Agree<string, int>(s => Digits.Matches(s).Count, Texts);
        Tiny.Agree<string, bool>(s => Digits.IsMatch(s) && Digits.IsMatch(s), Texts);
        Tiny.Agree<string, string>(s => Digits.Matches(s).Count > 0 ? Digits.Matches(s)[0].Value : "none", Texts);
    }

    [Fact]
    public void A_null_input_throws_on_both_sides() =>
        Tiny.Agree<string?, int>(s => Digits.Matches(s!).Count, null, "1");

    [Fact]
    public void Range_agrees_and_throws_like_dotnet() =>
        Tiny.Agree<int, int[]>(n => Enumerable.Range(3, n).Select(i => i * 2).ToArray(), 0, 1, 5, -1);

    [Theory]
    [InlineData("\\w+", "'\\w'")]
    [InlineData("a\\b", "'\\b'")]
    [InlineData("a\\s", "'\\s'")]
    [InlineData("a.b", "'.'")]
    [InlineData("ab$", "'$'")]
    [InlineData("(ab)", "capturing group")]
    [InlineData("(?<n>ab)", "the group")]
    [InlineData("(?i)ab", "the group")]
    [InlineData("a{,2}", "'{'")]
    [InlineData("a}", "'}'")]
    [InlineData("[]a]", "empty class")]
    [InlineData("[a-[b]]", "'['")]
    [InlineData("[a-]", "'-'")]
    [InlineData("[z-a]", "out of order")]
    [InlineData("(?=a)+b", "quantifier")]
    [InlineData("a*", "empty string")]
    [InlineData("a|", "empty string")]
    [InlineData("\\p{L}", "escape")]
    [InlineData("\\1a", "escape")]
    [InlineData("a++", "second quantifier")]
    public void Patterns_outside_the_subset_are_refused(string pattern, string construct)
    {
        var e = Tiny.Refused<string, int>(s => Regex.Matches(s, pattern, RegexOptions.ECMAScript).Count, "regular expression", name: "regex-rule");
        Assert.Contains(construct, e.Message);
    }

    [Fact]
    public void Other_options_and_methods_are_refused()
    {
        Tiny.Refused<string, bool>(s => Regex.IsMatch(s, "a", RegexOptions.IgnoreCase | RegexOptions.ECMAScript), "RegexOptions");
        Tiny.Refused<string, bool>(s => Regex.IsMatch(s, "a", RegexOptions.None), "RegexOptions");
        Tiny.Refused<string, bool>(s => NotEcma.IsMatch(s), "RegexOptions");
        Tiny.Refused<string, bool>(s => Regex.IsMatch(s, "a"), "Regex.IsMatch(System.String, System.String)");
        Tiny.Refused<string, string>(s => Regex.Replace(s, "a", "b", RegexOptions.ECMAScript), "Regex.Replace");
        Tiny.Refused<string, int>(s => Regex.Matches(s, s, RegexOptions.ECMAScript).Count, "not a constant");
        Tiny.Refused<string, string>(s => Mutable.Match(s).Value, "Regex.Match");
        Tiny.Refused<string, int>(s => Digits.Matches(s).Select(m => m.Groups.Count).Sum(), "Groups");
    }

    [Fact]
    public void Non_ascii_literals_are_written_as_escapes()
    {
        var code = Tiny.Emit(Tiny.Rule<string, bool>(s => Regex.IsMatch(s, "Zoë/’", RegexOptions.ECMAScript)));
        Assert.Contains("/Zo\\u00eb\\/\\u2019/g", code);
    }
}
