using Acornima;
using CqcGuide.Site.Assets;

namespace CqcGuide.Site.Tests.Assets;

/// <summary>
/// The published scripts lose their comments and indentation and nothing else: the same tokens, in the same order,
/// with a line break before exactly the same tokens (which is what automatic semicolon insertion looks at).
/// </summary>
public class ScriptCompactorTests
{
    /// <summary>Each token's kind and text, and whether a line break (a comment's included) comes before it.</summary>
    private static List<(TokenKind Kind, string Text, bool NewLine)> Tokens(string source)
    {
        var tokens = new List<(TokenKind, string, bool)>();
        var previousEnd = 0;
        var options = new ParserOptions
        {
            EcmaVersion = EcmaVersion.Latest,
            OnToken = (in Token t) =>
            {
                var between = source.AsSpan(previousEnd, t.Range.Start - previousEnd);
                tokens.Add((t.Kind, source[t.Range.Start..t.Range.End], between.IndexOfAny(ScriptCompactor.LineBreaks) >= 0));
                previousEnd = t.Range.End;
            },
        };
        new Parser(options).ParseModule(source);
        // Line breaks before the first token and at the end change nothing.
        tokens[0] = tokens[0] with { Item3 = false };
        tokens[^1] = tokens[^1] with { Item3 = false };
        return tokens;
    }

    private static string Compacted(string source)
    {
        var result = ScriptCompactor.Compact(source, out var failure);
        Assert.Null(failure);
        Assert.Equal(Tokens(source), Tokens(result));
        return result;
    }

    public static TheoryData<string> ThemeScripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Theme, "assets", "js"), "*.js").Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Repo.Theme, file));
        data.Add(Path.Combine("app", "service-worker.js"));
        return data;
    }

    [Theory]
    [MemberData(nameof(ThemeScripts))]
    public void Every_theme_script_keeps_its_tokens_and_line_breaks_and_loses_its_comments(string relative)
    {
        var source = File.ReadAllText(Path.Combine(Repo.Theme, relative));
        var result = Compacted(source);
        Assert.True(result.Length < source.Length * 0.9, $"{relative}: {source.Length} -> {result.Length} characters");
        Assert.DoesNotContain("\n\n", result);
    }

    [Fact]
    public void Text_that_only_looks_like_comments_or_indentation_stays_as_it_is()
    {
        var source = """
            // a first comment
            const url = 'http://example.org/*not a comment*/'; /* one */ const re = /\/\/ +x/g;
            const text = `first line
                indented // not a comment
              ${url /* inside the hole */} /* not either */`;
            function f() {
              return /* a comment
              over two lines */ 1;
            }
            const continued = 'a\
               b';
            export { text, re, f, continued };
            """;
        var result = Compacted(source);
        Assert.Contains("'http://example.org/*not a comment*/'", result);
        Assert.Contains("/\\/\\/ +x/g", result);
        Assert.Contains("`first line\n    indented // not a comment\n  ${url  } /* not either */`", result);
        Assert.Contains("return\n1;", result);
        Assert.Contains("'a\\\n   b'", result);
        Assert.DoesNotContain("a first comment", result);
        Assert.DoesNotContain("/* one */", result);
        Assert.DoesNotContain("over two lines", result);
    }

    [Theory]
    [InlineData("function f() {\r\treturn\r\t1\r}\r", "function f() {\nreturn\n1\n}\n")]
    [InlineData("let a = 1\rlet b = 2", "let a = 1\nlet b = 2\n")]
    [InlineData("function f() { return /* \u2028 */ 1 }", "function f() { return\n1 }\n")]
    [InlineData("const s = 'a\u2028b'", "const s = 'a\u2028b'\n")]
    public void Every_kind_of_line_break_stays_a_line_break(string source, string expected)
    {
        Assert.Equal(expected, Compacted(source));
    }

    [Fact]
    public void A_classic_script_parses_as_one_and_keeps_its_directive()
    {
        var result = ScriptCompactor.Compact("'use strict';\n// a worker\nself.addEventListener('fetch', () => {});\n", out var failure, module: false);
        Assert.Null(failure);
        Assert.StartsWith("'use strict';\nself.addEventListener", result);
        ScriptCompactor.Compact("with (Math) { max(1, 2) }", out var asScript, module: false);
        Assert.Null(asScript);
        ScriptCompactor.Compact("with (Math) { max(1, 2) }", out var asModule);
        Assert.NotNull(asModule);
    }

    [Fact]
    public void A_script_that_does_not_parse_is_an_error_at_its_line_and_column_and_the_build_says_which_file()
    {
        var result = ScriptCompactor.Compact("const a = 1;\nconst b = ;\n", out var failure);
        Assert.NotNull(failure);
        Assert.Equal(2, failure.Line);
        Assert.Equal(10, failure.Column);
        Assert.Equal("const a = 1;\nconst b = ;\n", result);

        var pipeline = new AssetPipeline();
        pipeline.Add("js/broken.js", "export const = 1;\nexport const ok = 2;\n"u8.ToArray(), "theme/assets/js/broken.js");
        var diagnostics = new DiagnosticBag();
        pipeline.Build(diagnostics);
        var d = Assert.Single(diagnostics.All);
        Assert.Equal(Codes.ScriptSyntax, d.Code);
        Assert.Equal("theme/assets/js/broken.js", d.Path);
        Assert.Equal(1, d.Line);
    }

    private static readonly string[] Pieces =
    [
        "const a = 1", "let b = 'x // y'", "const c = \"/* z */\"", "const r = /[/*]+\\//u", "const t = `a\n  b ${1 + 2} c\n`",
        "a\n++b", "const d = a\n(b)", "function g() { return\n1 }", "const e = x => x / 2 / 3", "if (a) { b = 2 } else { b = 3 }",
        "const o = { 'k': `v`, [`q`]: /x/g }", "label: for (;;) { break label }", "b = a /* c */ / 2",
    ];

    private static readonly string[] Gaps = ["\n", " ", "\n\n  ", "\t", " /* c */ ", " // c\n", "\n/* multi\nline */\n", "/**/", ";\n", "\r\n", "\r", "\r\t", "\u2028", " /* \u2029 */ ", " // c\r"];

    [Fact]
    public void Random_programs_of_tricky_pieces_keep_their_tokens()
    {
        var random = new Random(17);
        var done = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var parts = Enumerable.Range(0, random.Next(1, 8)).Select(_ => Pieces[random.Next(Pieces.Length)] + Gaps[random.Next(Gaps.Length)]);
            var source = "let x, y;\n" + string.Concat(parts);
            try
            {
                Tokens(source);
            }
            catch (ParseErrorException)
            {
                continue; // not a program (e.g. a duplicate declaration): nothing to compare
            }
            Compacted(source);
            done++;
        }
        Assert.True(done > 200, $"only {done} generated programs parsed");
    }
}
