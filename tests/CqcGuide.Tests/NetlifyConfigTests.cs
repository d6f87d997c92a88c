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

    /// <summary>Issue 16 item 5: Netlify keeps the .NET SDK, NuGet's packages and npm's cache between builds. The local
    /// plugin restores one folder before the build command and saves it after, and names it to the build script; with
    /// the SDK in that folder the script downloads nothing, and without it (an image with an older SDK) it installs
    /// there.</summary>
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Netlify builds on Linux; the test runs its shell script
    public void Netlify_keeps_the_dotnet_sdk_and_packages_between_builds()
    {
        Assert.Matches("(?m)^\\[\\[plugins\\]\\]\\s+package = \"/netlify/plugins/dotnet-cache\"", Toml);
        var plugin = Path.Combine(Repo.Root, "netlify", "plugins", "dotnet-cache");
        Assert.Matches("(?m)^name: \\S+", File.ReadAllText(Path.Combine(plugin, "manifest.yml")));

        using var home = new TempDir();
        // The plugin's two events, with Netlify's cache utility and configuration stood in for.
        const string driver = """
            const plugin = require(process.argv[1]);
            // Netlify refuses a plugin whose exports are anything but event handlers (netlify/build's validatePlugin).
            const events = ['onPreBuild', 'onBuild', 'onPostBuild', 'onSuccess', 'onError', 'onEnd'];
            const strays = Object.entries(plugin).filter(([k, v]) => !events.includes(k) || typeof v !== 'function').map(([k]) => k);
            if (strays.length) { console.log(JSON.stringify({ strays })); process.exit(0); }
            const calls = [];
            const utils = { cache: { restore: async p => { calls.push(['restore', p]); return false; }, save: async p => { calls.push(['save', p]); return true; } } };
            const netlifyConfig = { build: { environment: {} } };
            (async () => {
              await plugin.onPreBuild({ utils, netlifyConfig });
              await plugin.onPostBuild({ utils, netlifyConfig });
              console.log(JSON.stringify({ calls, environment: netlifyConfig.build.environment }));
            })();
            """;
        var run = Run("node", home.Path, new() { ["HOME"] = home.Path }, "-e", driver, Path.Combine(plugin, "index.js"));
        Assert.True(run.Code == 0, run.Output);
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        Assert.False(json.RootElement.TryGetProperty("strays", out var strays), $"the plugin exports more than event handlers: {strays}");
        var calls = json.RootElement.GetProperty("calls").EnumerateArray().Select(c => (c[0].GetString(), c[1].EnumerateArray().Select(p => p.GetString()!).ToArray())).ToArray();
        var tools = json.RootElement.GetProperty("environment").GetProperty("CQCGUIDE_TOOLS").GetString()!;
        Assert.Equal(2, calls.Length);
        Assert.Equal(("restore", "save"), (calls[0].Item1, calls[1].Item1));
        Assert.Equal(calls[0].Item2, calls[1].Item2);
        Assert.Contains(tools, calls[0].Item2);
        Assert.Contains(Path.Combine(home.Path, ".npm"), calls[0].Item2);
        Assert.StartsWith(home.Path + Path.DirectorySeparatorChar, tools);

        // The build script with that folder. The image's own dotnet has no SDK that global.json accepts ('dotnet --version'
        // fails, as the real one does then); curl must not be needed.
        home.Write("bin/dotnet", "#!/bin/sh\n[ \"$1\" = --version ] && { echo 'A compatible .NET SDK was not found.' >&2; exit 1; }\nexit 0\n");
        home.Write("bin/curl", $"#!/bin/sh\necho \"curl $*\" >> '{home.Path}/log'\nexit 1\n");
        home.Write("tools/dotnet/dotnet", $"#!/bin/sh\nif [ \"$1\" = --version ]; then echo '10.0.100'; exit 0; fi\necho \"dotnet $* NUGET_PACKAGES=$NUGET_PACKAGES DOTNET_ROOT=$DOTNET_ROOT\" >> '{home.Path}/log'\n");
        foreach (var f in new[] { "bin/dotnet", "bin/curl", "tools/dotnet/dotnet" })
            File.SetUnixFileMode(home[f], UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var env = new Dictionary<string, string> { ["HOME"] = home.Path, ["PATH"] = home["bin"] + ":/usr/bin:/bin", ["CQCGUIDE_TOOLS"] = home["tools"], ["URL"] = "https://example.org" };
        var script = Path.Combine(Repo.Root, "scripts", "netlify-build");
        var cached = Run(script, home.Path, env);
        Assert.True(cached.Code == 0, cached.Output);
        Assert.Equal($"dotnet run --project src/CqcGuide -c Release -- build --strict --base-url https://example.org/ NUGET_PACKAGES={home["tools"]}/nuget DOTNET_ROOT={home["tools"]}/dotnet\n",
            File.ReadAllText(home["log"]));

        // The first build (nothing restored), or a cached SDK older than global.json asks for: the SDK is downloaded
        // (curl fails here, so the script stops).
        home.Write("tools/dotnet/dotnet", "#!/bin/sh\n[ \"$1\" = --version ] && exit 1\nexit 0\n");
        foreach (var emptied in new[] { false, true })
        {
            File.Delete(home["log"]);
            if (emptied) Directory.Delete(home["tools"], recursive: true);
            var first = Run(script, home.Path, env);
            Assert.NotEqual(0, first.Code);
            Assert.StartsWith("curl -sSL https://dot.net/v1/dotnet-install.sh", File.ReadAllText(home["log"]));
        }
    }

    private static (int Code, string Output) Run(string file, string dir, Dictionary<string, string> env, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(file) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output + stderr.Result);
    }

    /// <summary>Issue 16 item 4: year-long caching only for files whose names carry their content's hash. Every file of a
    /// built site (with an organisation's logo and a PDF under input/assets/) gets the headers Netlify would send (each
    /// matching rule in order, a later one replacing a header of the same name): an immutable file has a hashed name, and
    /// the organisation's files are revalidated; the theme's and the rules' hashed files are immutable.</summary>
    [Fact]
    public void Only_content_hashed_files_are_cached_for_a_year()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        input.Write("assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>");
        input.Write("assets/policies/duty-of-candour.pdf", "%PDF-1.4 test");
        using var output = new TempDir();
        var build = Cli.Run("build", "--input", input.Path, "--output", output.Path, "--theme", Repo.Theme, "--date", "2026-11-26", "--no-search");
        Assert.True(build.ExitCode == 0, build.Error);
        var hashed = new Regex(@"\.[0-9a-f]{10}\.[a-z0-9]+$");
        var files = Directory.EnumerateFiles(output.Path, "*", SearchOption.AllDirectories)
            .Select(f => "/" + Path.GetRelativePath(output.Path, f).Replace('\\', '/')).ToList();
        var immutable = files.Where(f => CacheControl(f).Contains("immutable", StringComparison.Ordinal)).ToList();
        Assert.All(immutable, f => Assert.Matches(hashed, f));
        Assert.Contains(immutable, f => f.StartsWith("/assets/css/", StringComparison.Ordinal));
        Assert.Contains(immutable, f => f.StartsWith("/assets/js/", StringComparison.Ordinal));
        Assert.Contains(immutable, f => f.StartsWith("/assets/rules/", StringComparison.Ordinal));
        foreach (var own in new[] { "/assets/logo.svg", "/assets/policies/duty-of-candour.pdf" })
        {
            Assert.Contains(own, files);
            Assert.Equal("public, max-age=0, must-revalidate", CacheControl(own));
        }
        Assert.Equal(files.Count(f => f.StartsWith("/assets/", StringComparison.Ordinal) && hashed.IsMatch(f)), immutable.Count);
    }

    /// <summary>The Cache-Control header Netlify would send for <paramref name="path"/> ("" when none).</summary>
    private static string CacheControl(string path)
    {
        var value = "";
        foreach (Match rule in Regex.Matches(Toml, @"\[\[headers\]\]\s+for = ""(?<for>[^""]+)""(?<body>(?:(?!\[\[)[\s\S])*)"))
        {
            var pattern = "^" + Regex.Escape(rule.Groups["for"].Value).Replace("\\*", ".*", StringComparison.Ordinal) + "$";
            if (!Regex.IsMatch(path, pattern)) continue;
            var m = Regex.Match(rule.Groups["body"].Value, @"(?m)^\s*Cache-Control = ""(?<v>[^""]*)""");
            if (m.Success) value = m.Groups["v"].Value;
        }
        return value;
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
