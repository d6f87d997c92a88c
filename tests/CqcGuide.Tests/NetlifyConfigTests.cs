using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace CqcGuide.Tests;

public class NetlifyConfigTests
{
    private static readonly string Toml = File.ReadAllText(Path.Combine(Repo.Root, "netlify.toml"));

    private static string Header(string name) =>
        Regex.Match(Toml, $"^\\s*{Regex.Escape(name)} = \"(?<v>[^\"]*)\"", RegexOptions.Multiline).Groups["v"].Value;

    [Fact]
    public void Publishes_output_with_the_security_headers()
    {
        Assert.Matches("(?m)^\\s*publish = \"output\"", Toml);
        Assert.Matches("(?m)^\\s*command = \"\\./scripts/netlify-build\"", Toml);
        var csp = Header("Content-Security-Policy");
        foreach (var directive in new[] { "default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "style-src 'self'" })
            Assert.Contains(directive, csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("'unsafe-eval'", csp);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.NotEmpty(Header("Referrer-Policy"));
        Assert.NotEmpty(Header("Permissions-Policy"));
        Assert.Matches("for = \"/assets/\\*\"\\s+\\[headers.values\\]\\s+Cache-Control = \"public, max-age=31536000, immutable\"", Toml);
    }

    /// <summary>Issue 15, deployment headers: WebAssembly only on the search page and its worker, no data: images, no obsolete
    /// interest-cohort, HSTS, and nothing under /assets/ runs as a page.</summary>
    [Fact]
    public void Webassembly_is_allowed_only_on_the_search_page_and_the_headers_are_current()
    {
        var global = Header("Content-Security-Policy");
        Assert.DoesNotContain("wasm-unsafe-eval", global);
        Assert.DoesNotContain("data:", global);
        var search = Rule("/search/*")["Content-Security-Policy"];
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval'", search);
        Assert.Equal(global.Replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", StringComparison.Ordinal), search);
        // Pagefind's worker (under /pagefind/) is governed by its own response's policy: it compiles the WebAssembly too.
        Assert.Equal(search, Rule("/pagefind/*")["Content-Security-Policy"]);
        Assert.True(Toml.IndexOf("for = \"/search/*\"", StringComparison.Ordinal) > Toml.IndexOf("for = \"/*\"", StringComparison.Ordinal),
            "the search rule must come after the rule for every path, so its policy replaces that one");
        Assert.DoesNotContain("interest-cohort", Toml);
        Assert.Matches(@"^max-age=\d{8,}", Header("Strict-Transport-Security"));
        var assets = Rule("/assets/*")["Content-Security-Policy"];
        Assert.Contains("sandbox", assets);
        Assert.Contains("default-src 'none'", assets);
    }

    /// <summary>The header values of the [[headers]] rule for <paramref name="path"/>.</summary>
    private static Dictionary<string, string> Rule(string path)
    {
        var start = Toml.IndexOf($"for = \"{path}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no rule for {path}");
        var end = Toml.IndexOf("[[headers]]", start, StringComparison.Ordinal);
        var block = end < 0 ? Toml[start..] : Toml[start..end];
        return Regex.Matches(block, "^\\s*(?<k>[A-Za-z-]+) = \"(?<v>[^\"]*)\"", RegexOptions.Multiline).ToDictionary(m => m.Groups["k"].Value, m => m.Groups["v"].Value);
    }

    [Fact]
    public void Each_page_policy_is_no_looser_than_the_header_and_only_search_compiles_webassembly()
    {
        using var out_ = new TempDir();
        Assert.Equal(0, Cli.Run("build", "--input", Path.Combine(Repo.Root, "input"), "--output", out_.Path, "--theme", Repo.Theme, "--date", "2026-11-26", "--no-search").ExitCode);
        static Dictionary<string, HashSet<string>> Parse(string policy) => policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ')).ToDictionary(p => p[0], p => p[1..].ToHashSet());
        var header = Parse(Header("Content-Security-Policy"));
        var searchHeader = Parse(Rule("/search/*")["Content-Security-Policy"]);
        var parser = new HtmlParser();
        foreach (var file in Directory.EnumerateFiles(out_.Path, "*.html", SearchOption.AllDirectories))
        {
            var meta = parser.ParseDocument(File.ReadAllText(file)).QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
            var isSearch = file.EndsWith(Path.Combine("search", "index.html"), StringComparison.Ordinal);
            Assert.Equal(isSearch, meta.Contains("'wasm-unsafe-eval'"));
            foreach (var (name, sources) in Parse(meta))
                Assert.Subset((isSearch ? searchHeader : header)[name], sources);
        }
    }
}
