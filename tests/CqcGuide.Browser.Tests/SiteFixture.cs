using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CqcGuide.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CqcGuide.Browser.Tests;

/// <summary>
/// Builds the default site (with its search index) once, serves it on 127.0.0.1 with the security headers from
/// netlify.toml, and launches Debian's Chromium through Playwright.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private WebApplication? server;
    public string SiteDir { get; } = Path.Combine(Path.GetTempPath(), "cqcguide-browser", Guid.NewGuid().ToString("N"));
    public string BaseUrl { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}: run ./scripts/test (it installs it) or 'sudo apt-get install chromium'.");
        var port = Ports.Free();
        BaseUrl = $"http://127.0.0.1:{port}";
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(["build", "--input", Path.Combine(Repo.Root, "input"), "--output", SiteDir, "--theme", Path.Combine(Repo.Root, "theme"),
            "--date", "2026-11-26", "--base-url", BaseUrl + "/"], output, error);
        if (code != 0) throw new InvalidOperationException("The default site did not build:\n" + error + output);

        server = await Serve(BaseUrl, () => SiteDir);

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>
    /// Serves a built site on <paramref name="baseUrl"/> with netlify.toml's headers. <paramref name="root"/> is read for
    /// every request (a test can switch to a newer build); while <paramref name="down"/> says so, every connection is cut,
    /// as when a tablet loses its signal (Playwright's offline mode does not reach service workers).
    /// </summary>
    public static async Task<WebApplication> Serve(string baseUrl, Func<string> root, Func<bool>? down = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(baseUrl);
        var server = builder.Build();
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".webmanifest"] = "application/manifest+json";
        server.Run(async context =>
        {
            if (down?.Invoke() == true)
            {
                context.Abort();
                return;
            }
            var siteDir = root();
            foreach (var (k, v) in NetlifyHeadersFor(context.Request.Path.Value ?? "/")) context.Response.Headers[k] = v;
            var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "/").TrimStart('/');
            var file = Path.Combine(siteDir, path);
            if (Directory.Exists(file)) file = Path.Combine(file, "index.html");
            if (!File.Exists(file) || !Path.GetFullPath(file).StartsWith(siteDir, StringComparison.Ordinal))
            {
                context.Response.StatusCode = 404;
                file = Path.Combine(siteDir, "404.html");
            }
            context.Response.ContentType = types.TryGetContentType(file, out var t) ? t : "application/octet-stream";
            await context.Response.SendFileAsync(file);
        });
        await server.StartAsync();
        return server;
    }

    /// <summary>The header rules of netlify.toml, in order: each path pattern ("/*", "/search/*") with its headers.</summary>
    public static IReadOnlyList<(string For, IReadOnlyList<(string Name, string Value)> Values)> NetlifyRules()
    {
        var toml = File.ReadAllText(Path.Combine(Repo.Root, "netlify.toml"));
        return Regex.Matches(toml, "for = \"(?<for>[^\"]+)\"\\s+\\[headers.values\\](?<body>(\\s+[A-Za-z-]+ = \"[^\"]*\")+)")
            .Select(m => (m.Groups["for"].Value, (IReadOnlyList<(string, string)>)Regex.Matches(m.Groups["body"].Value, "(?<k>[A-Za-z-]+) = \"(?<v>[^\"]*)\"")
                .Select(h => (h.Groups["k"].Value, h.Groups["v"].Value)).ToArray()))
            .ToArray();
    }

    /// <summary>
    /// The headers Netlify sends for a path: every rule whose pattern matches ("/search/*" matches "/search/" and what is
    /// under it), in file order, a later rule's header replacing an earlier one of the same name.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NetlifyHeadersFor(string path)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (pattern, values) in NetlifyRules())
        {
            var matches = pattern.EndsWith("/*", StringComparison.Ordinal) ? path.StartsWith(pattern[..^1], StringComparison.Ordinal) : path == pattern;
            if (matches) foreach (var (k, v) in values) headers[k] = v;
        }
        return headers;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        if (server is not null) await server.DisposeAsync();
        try { Directory.Delete(SiteDir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// The browser tests run in two collections, each with its own built site, server and browser, so the two halves run
/// side by side (xunit runs the tests of one collection one after another). Classes are split by running time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "site";
}

/// <summary>The second half of the browser tests (see <see cref="SiteCollection"/>).</summary>
[CollectionDefinition(Name)]
public sealed class SiteCollectionB : ICollectionFixture<SiteFixture>
{
    public const string Name = "site-b";
}

/// <summary>
/// A fresh browser context (empty storage) whose every request is checked: anything leaving 127.0.0.1 is blocked
/// and recorded, as are console errors, page errors and CSP violations.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public List<string> ForeignRequests { get; } = [];
    /// <summary>Every request the page made (URL and body), to prove that no reader data is sent anywhere.</summary>
    public List<(string Url, string? Body)> Requests { get; } = [];
    public List<string> Problems { get; } = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public static async Task<BrowserSession> StartAsync(SiteFixture site, BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions { AcceptDownloads = true };
        // The site's service worker would store a few MB in every fresh context: only the offline tests, which ask for
        // it, let it register (the page then reports offline use as unavailable, on the console as a warning).
        options.ServiceWorkers ??= ServiceWorkerPolicy.Block;
        var context = await site.Browser.NewContextAsync(options);
        var session = new BrowserSession(context, await context.NewPageAsync());
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            lock (session.Requests) session.Requests.Add((route.Request.Url, route.Request.PostData));
            if (url.Host != "127.0.0.1" && url.Scheme is "http" or "https" or "ws" or "wss")
            {
                lock (session.ForeignRequests) session.ForeignRequests.Add(route.Request.Url);
                await route.AbortAsync();
            }
            else await route.ContinueAsync();
        });
        session.Page.Console += (_, m) =>
        {
            if (m.Type == "error") lock (session.Problems) session.Problems.Add("console: " + m.Text);
        };
        session.Page.PageError += (_, e) => { lock (session.Problems) session.Problems.Add("page error: " + e); };
        return session;
    }

    /// <summary>Goes to a page and waits until its scripts have started (html[data-ready]).</summary>
    public async Task Go(string url)
    {
        await Page.GotoAsync(url);
        await Page.WaitForSelectorAsync("html[data-ready]", new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
    }

    /// <summary>Asserts that nothing left the origin and that the page reported no error or CSP violation.</summary>
    public void AssertClean(bool expect404 = false, Func<string, bool>? expected = null)
    {
        Assert.True(ForeignRequests.Count == 0, "requests left the origin: " + string.Join(", ", ForeignRequests));
        var problems = Problems.Where(p => !(expect404 && p.Contains("404")) && expected?.Invoke(p) != true).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
