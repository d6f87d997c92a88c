using Microsoft.Playwright;

namespace CqcGuide.Browser.Tests;

[Collection(SiteCollectionB.Name)]
public class SearchTests(SiteFixture site)
{
    [Fact]
    public async Task Typing_a_query_shows_results_with_excerpts_and_a_filter_narrows_them_and_a_result_can_be_followed()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(site.BaseUrl + "/");
        await page.FillAsync("#site-search-q", "fishbone");
        await page.PressAsync("#site-search-q", "Enter");
        // Wait for the results rather than the URL: the search page rewrites its own URL (history.replaceState),
        // which Playwright can count as a navigation whose load never comes.
        var results = page.Locator(".search-results li");
        await results.First.WaitForAsync();
        Assert.EndsWith("/search/?q=fishbone", page.Url);
        Assert.True(await results.CountAsync() >= 2);
        Assert.True(await page.Locator(".search-results mark").CountAsync() > 0, "excerpts highlight the match");
        var titles = await page.Locator(".search-results li > a").AllTextContentsAsync();
        Assert.Contains("Finding root causes and contributory factors", titles);
        Assert.DoesNotContain(await page.Locator(".search-results .hint").AllTextContentsAsync(), t => t.Contains("edition 1.0"));

        // A query with hits in checklists and in both editions, then filter to checklists only.
        await page.FillAsync("#search-q", "governance");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.search-results .hint')].some(h => h.textContent.includes('Checklists'))");
        await page.GetByLabel("Checklists", new() { Exact = true }).CheckAsync();
        // Results render asynchronously after each change; an empty list in between must not count as "filtered".
        await page.WaitForFunctionAsync("() => { const h = [...document.querySelectorAll('.search-results .hint')]; return h.length > 0 && h.every(x => x.textContent.includes('Checklists')); }");
        Assert.Contains("q=governance&type=checklist", page.Url);
        await page.GetByLabel("Checklists", new() { Exact = true }).UncheckAsync();

        // Older editions appear only when asked for.
        await page.GetByLabel("Include older editions of the guidance").CheckAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.search-results .hint')].some(h => h.textContent.includes('edition 1.0'))");

        // Follow a result by keyboard.
        await page.GetByLabel("Include older editions of the guidance").UncheckAsync();
        await page.WaitForFunctionAsync("() => { const h = [...document.querySelectorAll('.search-results .hint')]; return h.length > 0 && !h.some(x => x.textContent.includes('edition 1.0')); }");
        var first = page.Locator(".search-results li > a").First;
        var title = await first.TextContentAsync();
        var href = await first.GetAttributeAsync("href");
        await first.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        // Wait for the page itself rather than a load event (see above).
        await page.WaitForFunctionAsync("([path, t]) => location.pathname === path && document.querySelector('h1')?.textContent === t", new[] { href, title });
        s.AssertClean();
    }

    [Fact]
    public async Task Journal_and_checklist_items_are_searchable()
    {
        await using var s = await BrowserSession.StartAsync(site);
        await s.Go(site.BaseUrl + "/search/?q=measure+of+effectiveness");
        await s.Page.Locator(".search-results li").First.WaitForAsync();
        var hints = await s.Page.Locator(".search-results .hint").AllTextContentsAsync();
        Assert.Contains(hints, h => h.Contains("Checklists"));
        s.AssertClean();
    }

    [Fact]
    public async Task Without_javascript_the_search_page_says_what_to_do()
    {
        await using var s = await BrowserSession.StartAsync(site, new BrowserNewContextOptions { JavaScriptEnabled = false });
        await s.Page.GotoAsync(site.BaseUrl + "/search/?q=blame");
        Assert.Contains("needs JavaScript", await s.Page.Locator("noscript, main").First.InnerTextAsync());
    }

    [Fact]
    public async Task Excerpts_keep_the_spaces_around_highlighted_words_and_leave_out_hidden_filter_text()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(site.BaseUrl + "/search/?q=root+causes");
        await page.Locator(".search-results li").First.WaitForAsync();
        var excerpts = await page.Locator(".search-results li > p").AllTextContentsAsync();
        Assert.NotEmpty(excerpts);
        Assert.Contains(excerpts, e => e.Contains("root cause", StringComparison.OrdinalIgnoreCase));
        var marks = await page.Locator(".search-results mark").CountAsync();
        Assert.True(marks > 0);
        // Around every highlighted word: a space, punctuation or the edge of the excerpt, never a glued word.
        var glued = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.search-results mark')].flatMap((m) => {
              const before = m.previousSibling?.textContent ?? ' ';
              const after = m.nextSibling?.textContent ?? ' ';
              const bad = [];
              if (/[\p{L}\p{N}]$/u.test(before)) bad.push(before.slice(-10) + '[' + m.textContent + ']');
              if (/^[\p{L}\p{N}]/u.test(after) && !/^s\b/.test(after)) bad.push('[' + m.textContent + ']' + after.slice(0, 10));
              return bad;
            })
            """);
        Assert.Empty(glued);
        // No page's indexed text starts with its hidden filter values ("quality statementcurrentsafe").
        var contents = await page.EvaluateAsync<string[]>("""
            async () => {
              const pagefind = await import(document.querySelector('[data-search-form]').dataset.pagefindBase + 'pagefind.js');
              const found = await pagefind.search('safe');
              return Promise.all(found.results.map(async (r) => (await r.data()).content));
            }
            """);
        Assert.NotEmpty(contents);
        Assert.DoesNotContain(contents, c => System.Text.RegularExpressions.Regex.IsMatch(c, "(guidance|checklist|quality statement|key question|assessment|learning log|page)(current|\\d+\\.\\d+)"));
        s.AssertClean();
    }

    [Fact]
    public async Task Offline_a_query_says_search_needs_a_connection_instead_of_failing()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(site.BaseUrl + "/search/");
        await s.Context.SetOfflineAsync(true);
        await page.FillAsync("#search-q", "fishbone");
        var message = page.Locator("[data-search-results] .notice");
        await message.WaitForAsync();
        Assert.StartsWith("Search needs a connection", await message.TextContentAsync());
        await s.Context.SetOfflineAsync(false);
        await page.FillAsync("#search-q", "fishbone diagram");
        await page.Locator(".search-results li").First.WaitForAsync();
        // Only the notes of the failed requests (the browser's and Pagefind's own): no uncaught error.
        Assert.DoesNotContain(s.Problems, p => p.StartsWith("page error"));
        Assert.All(s.Problems, p => Assert.True(p.Contains("ERR_INTERNET_DISCONNECTED") || p.Contains("Failed to load the index chunk"), p));
    }
}
