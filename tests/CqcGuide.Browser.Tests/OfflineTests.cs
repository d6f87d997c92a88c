using CqcGuide.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace CqcGuide.Browser.Tests;

/// <summary>
/// Two builds of the default site for the offline tests (issue 17), served on their own port: the site as it is, and a
/// newer build (one guidance page changed) that a test can switch the server to. While <see cref="Down"/> is set the
/// server cuts every connection, so the service worker's own requests fail too (Playwright's offline mode reaches the
/// page but not the worker).
/// </summary>
public sealed class OfflineSites : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "cqcguide-offline", Guid.NewGuid().ToString("N"));
    private WebApplication? server;
    public string BaseUrl { get; private set; } = "";
    public string Current { get; private set; } = "";
    public string Newer { get; private set; } = "";
    public string Served { get; set; } = "";
    public bool Down { get; set; }

    public string Url(string path) => BaseUrl + path;

    public async Task InitializeAsync()
    {
        BaseUrl = $"http://127.0.0.1:{Ports.Free()}";
        Current = Path.Combine(root, "current");
        Newer = Path.Combine(root, "newer");
        Build(Path.Combine(Repo.Root, "input"), Current);
        var input = Path.Combine(root, "input");
        JournalTests.CopyDirectory(Path.Combine(Repo.Root, "input"), input);
        File.AppendAllText(Path.Combine(input, "guidance", "glossary.md"), "\nThis sentence was added in a newer build.\n");
        Build(input, Newer);
        Served = Current;
        // Two pages without the worker: one of this site (as with offline: false), one standing for another site on the
        // same host, under /other/ (its manifest, and so its base, is there).
        var home = File.ReadAllText(Path.Combine(Current, "index.html"));
        var withoutWorker = System.Text.RegularExpressions.Regex.Replace(home, " data-sw=\"[^\"]*\"", "");
        Directory.CreateDirectory(Path.Combine(Current, "no-worker"));
        File.WriteAllText(Path.Combine(Current, "no-worker", "index.html"), withoutWorker);
        Directory.CreateDirectory(Path.Combine(Current, "other"));
        File.WriteAllText(Path.Combine(Current, "other", "index.html"), withoutWorker.Replace("href=\"/manifest.webmanifest\"", "href=\"/other/manifest.webmanifest\"", StringComparison.Ordinal));
        server = await SiteFixture.Serve(BaseUrl, () => Served, () => Down);
    }

    private void Build(string input, string output)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = CliApp.Run(["build", "--input", input, "--output", output, "--theme", Path.Combine(Repo.Root, "theme"),
            "--date", "2026-11-26", "--base-url", BaseUrl + "/"], stdout, stderr);
        if (code != 0) throw new InvalidOperationException($"{input} did not build:\n{stderr}{stdout}");
    }

    public async Task DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }
}

[Collection(SiteCollectionB.Name)]
public class OfflineTests(SiteFixture site, OfflineSites offline) : IClassFixture<OfflineSites>
{
    private static BrowserNewContextOptions WithWorker() => new() { AcceptDownloads = true, ServiceWorkers = ServiceWorkerPolicy.Allow };

    /// <summary>Waits until the site's service worker has installed (everything it stores at once) and controls the page.</summary>
    private static Task WorkerReady(IPage page) => page.EvaluateAsync(@"async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller)
          await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }");

    private async Task SetOffline(BrowserSession s, bool down)
    {
        offline.Down = down;
        await s.Context.SetOfflineAsync(down);
    }

    private static async Task<string> Heading(IPage page) => (await page.Locator("h1").TextContentAsync())!.Trim();

    [Fact]
    public async Task After_one_visit_assessments_checklists_and_read_pages_work_offline_and_saving_the_site_brings_every_page_and_search()
    {
        await using var s = await BrowserSession.StartAsync(site, WithWorker());
        var page = s.Page;
        try
        {
            await s.Go(offline.Url("/"));
            await WorkerReady(page);
            await s.Go(offline.Url("/guidance/duty-of-candour/"));
            var candour = await Heading(page);

            await SetOffline(s, true);
            // A self-assessment section never opened: stored when the worker installed. An answer saves offline.
            await s.Go(offline.Url("/assessments/cqc-readiness/safe/"));
            Assert.Contains("You are offline", await page.Locator("[data-offline-notice]").InnerTextAsync());
            await page.CheckAsync("#q-safe\\.learning-culture-3");
            await page.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Saved')");
            await s.Go(offline.Url("/assessments/cqc-readiness/safe/"));
            Assert.True(await page.IsCheckedAsync("#q-safe\\.learning-culture-3"), "the answer given offline is kept");
            await AccessibilityTests.AssertNoViolations(page);
            // A checklist never opened, and the guidance page read before.
            await s.Go(offline.Url("/checklists/four-common-pitfalls/"));
            Assert.NotEqual("This page is not saved on this device", await Heading(page));
            Assert.True(await page.Locator("input[type=checkbox]").CountAsync() > 0);
            await s.Go(offline.Url("/guidance/duty-of-candour/"));
            Assert.Equal(candour, await Heading(page));
            // A guidance page never read: the "not saved" page says so (and links to saving the site).
            await s.Go(offline.Url("/guidance/glossary/"));
            Assert.Equal("This page is not saved on this device", await Heading(page));
            // Search: the index chunks this query needs were never fetched.
            await s.Go(offline.Url("/search/?q=candour"));
            var message = page.Locator("[data-search-results] .notice--warning");
            await message.WaitForAsync();
            Assert.StartsWith("Search needs a connection", await message.TextContentAsync());
            Assert.Equal(offline.Url("/offline/"), await message.Locator("a").EvaluateAsync<string>("a => a.href"));

            // Online again: save the whole site.
            await SetOffline(s, false);
            await s.Go(offline.Url("/offline/"));
            var status = page.Locator("[data-offline-status]");
            await page.WaitForFunctionAsync("() => document.querySelector('[data-offline-status]').textContent.includes('Saving the whole site stores')");
            Assert.Matches(@"all \d+ pages and the search index: [\d.]+ MB, of which the search index is [\d.]+ (MB|KB)", await status.TextContentAsync());
            await page.ClickAsync("text=Save the whole site for offline use");
            await page.Locator("[data-offline-result] .notice--success").WaitForAsync(new() { Timeout = 60_000 });
            Assert.Matches(@"^The whole site is saved on this device: \d+ pages and the search index, [\d.]+ MB", await status.TextContentAsync());
            Assert.True(await page.Locator("[data-offline-save]").IsHiddenAsync());
            await AccessibilityTests.AssertNoViolations(page);

            await SetOffline(s, true);
            await s.Go(offline.Url("/guidance/glossary/"));
            Assert.Equal("Glossary", await Heading(page));
            await s.Go(offline.Url("/search/?q=candour"));
            await page.Locator(".search-results li").First.WaitForAsync();
            Assert.Contains(candour, await page.Locator(".search-results li > a").AllTextContentsAsync());

            // Removing the saved copy keeps what was stored at install.
            await SetOffline(s, false);
            await s.Go(offline.Url("/offline/"));
            await page.ClickAsync("text=Remove the saved pages");
            await page.WaitForFunctionAsync("() => document.querySelector('[data-offline-status]').textContent.includes('Saving the whole site stores')");
            await SetOffline(s, true);
            await s.Go(offline.Url("/guidance/glossary/"));
            Assert.Equal("This page is not saved on this device", await Heading(page));
            await s.Go(offline.Url("/checklists/four-common-pitfalls/"));
            Assert.NotEqual("This page is not saved on this device", await Heading(page));
        }
        finally
        {
            await SetOffline(s, false);
        }
        // Offline, the browser reports the "not saved" page's status (503) and Pagefind the index chunk it could not fetch.
        s.AssertClean(expected: p => p == "console: Failed to load resource: the server responded with a status of 503 (Offline)"
            || p.StartsWith("console: Failed to load the index chunk /pagefind/index/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_without_the_worker_removes_its_own_sites_worker_and_stores_and_leaves_another_sites_alone()
    {
        await using var s = await BrowserSession.StartAsync(site, WithWorker());
        var page = s.Page;
        await s.Go(offline.Url("/"));
        await WorkerReady(page);
        Assert.NotEmpty(await page.EvaluateAsync<string[]>("() => caches.keys()"));
        await s.Go(offline.Url("/other/"));
        await page.WaitForTimeoutAsync(1000);
        Assert.True(await page.EvaluateAsync<bool>("async () => Boolean(await navigator.serviceWorker.getRegistration())"), "another site's page left the worker alone");
        await s.Go(offline.Url("/no-worker/"));
        await page.WaitForFunctionAsync("async () => !(await navigator.serviceWorker.getRegistration()) && (await caches.keys()).length === 0");
        s.AssertClean();
    }

    [Fact]
    public async Task A_new_build_installs_beside_the_old_one_and_the_page_offers_to_reload()
    {
        await using var s = await BrowserSession.StartAsync(site, WithWorker());
        var page = s.Page;
        try
        {
            await s.Go(offline.Url("/"));
            await WorkerReady(page);
            await s.Go(offline.Url("/guidance/glossary/"));
            Assert.Equal(0, await page.Locator("[data-update-notice] .notice").CountAsync());

            var other = await s.Context.NewPageAsync();
            await other.GotoAsync(offline.Url("/checklists/"));
            await other.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });

            offline.Served = offline.Newer;
            // While the new build waits, a search from a new page uses the new build's index (Pagefind's fixed names come
            // from the network first): the sentence only the newer build has is found.
            await s.Go(offline.Url("/search/?q=sentence+added+newer"));
            await page.Locator(".search-results li").First.WaitForAsync();
            Assert.Contains("Glossary", await page.Locator(".search-results li > a").AllTextContentsAsync());
            await s.Go(offline.Url("/guidance/"));
            var button = page.GetByRole(AriaRole.Button, new() { Name = "Reload to use it" });
            await button.WaitForAsync(new() { Timeout = 60_000 });
            Assert.Contains("A new version of this site is available", await page.Locator("[data-update-notice]").InnerTextAsync());
            await AccessibilityTests.AssertNoViolations(page);
            var newer = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(offline.Newer, "offline.json"))).RootElement.GetProperty("version").GetString();

            var reloaded = new TaskCompletionSource();
            page.Load += (_, _) => reloaded.TrySetResult();
            await button.ClickAsync();
            await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
            Assert.Equal(0, await page.Locator("[data-update-notice] .notice").CountAsync());
            var stores = await page.EvaluateAsync<string[]>("() => caches.keys()");
            Assert.Equal([$"cqcguide / {newer}"], stores);
            // The other tab still shows the old build: it says so, and never reloads by itself.
            var note = other.Locator("[data-update-notice] .notice");
            await note.WaitForAsync();
            Assert.Contains("updated in another tab", await note.InnerTextAsync());
            Assert.EndsWith("/checklists/", other.Url);
            // The page read under the old build was stored again from the new one.
            await SetOffline(s, true);
            await s.Go(offline.Url("/guidance/glossary/"));
            Assert.Contains("This sentence was added in a newer build.", await page.Locator("main").InnerTextAsync());
        }
        finally
        {
            offline.Served = offline.Current;
            await SetOffline(s, false);
        }
        s.AssertClean();
    }
}
