using Microsoft.Playwright;

namespace CqcGuide.Browser.Tests;

/// <summary>
/// Reader data never leaves the page, whatever happens to the scripts (issue 15 item 4), and a feature that fails to
/// start is reported where the browser tests and the reader see it (issue 10 item 6): with JavaScript off, with a
/// module blocked, and with a page whose embedded assessment definition is broken.
/// </summary>
[Collection(SiteCollection.Name)]
public class ReaderDataTests(SiteFixture site)
{
    private const string Secret = "SECRET-NOTE-7f3a";

    /// <summary>Every way a reader could submit each form that holds their data, with a note typed in first.</summary>
    private static async Task TryEverySubmit(IPage page, string path)
    {
        switch (path)
        {
            case "/assessments/cqc-readiness/safe/":
                await page.CheckAsync("#q-safe\\.learning-culture-2");
                await page.FillAsync("#q-safe\\.learning-culture-note", Secret);
                await page.FocusAsync("#q-safe\\.learning-culture-2");
                await page.Keyboard.PressAsync("Enter"); // implicit submission from a radio
                await page.Locator("form[data-assessment-form] button[type=submit]").DispatchEventAsync("click"); // even the hidden button
                break;
            case "/assessments/cqc-readiness/manage/":
                await page.SetInputFilesAsync("#import-file", new FilePayload { Name = Secret + ".json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(Secret) });
                await page.Locator("form[data-import-form] button[type=submit]").DispatchEventAsync("click");
                break;
            case "/checklists/four-common-pitfalls/":
                await page.Locator("[data-checklist-controls] textarea").First.EvaluateAsync("(t, v) => { t.value = v; }", Secret);
                await page.Locator("[data-checklist-controls]").First.EvaluateAsync("f => f.requestSubmit()");
                break;
            case "/journal/draft/":
                await page.Locator("#f-title").EvaluateAsync("(t, v) => { t.value = v; }", Secret);
                await page.Locator("form[data-log-form] button[type=submit]").DispatchEventAsync("click");
                break;
        }
        await page.WaitForTimeoutAsync(300);
    }

    private static void AssertNothingSent(BrowserSession s, IPage page, string path)
    {
        List<(string Url, string? Body)> requests;
        lock (s.Requests) requests = [.. s.Requests];
        Assert.NotEmpty(requests);
        foreach (var (url, body) in requests)
        {
            Assert.DoesNotContain(Secret, Uri.UnescapeDataString(url));
            Assert.DoesNotContain("learning-culture=", url);
            Assert.DoesNotContain("?", url);
            Assert.True(body is null || !body.Contains(Secret), $"a request body carries the note: {url}");
        }
        Assert.EndsWith(path, page.Url);
    }

    public static TheoryData<string> ReaderDataPages() => new(
        "/assessments/cqc-readiness/safe/", "/assessments/cqc-readiness/manage/", "/checklists/four-common-pitfalls/", "/journal/draft/");

    [Theory]
    [MemberData(nameof(ReaderDataPages))]
    public async Task Without_javascript_no_form_sends_reader_data_and_a_notice_says_saving_needs_javascript(string path)
    {
        await using var s = await BrowserSession.StartAsync(site, new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = s.Page;
        await page.GotoAsync(site.BaseUrl + path);
        await TryEverySubmit(page, path);
        AssertNothingSent(s, page, path);
        var notice = page.Locator("[data-js-notice]");
        await notice.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 5000 });
        Assert.Contains("JavaScript", await notice.InnerTextAsync());
        Assert.Equal(0, await page.Locator("form[data-reader-form] button[type=submit]:visible").CountAsync());
    }

    [Theory]
    [MemberData(nameof(ReaderDataPages))]
    public async Task With_the_pages_module_blocked_nothing_is_sent_and_the_failure_is_reported(string path)
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        var module = path.StartsWith("/assessments/") ? "assessment" : path.StartsWith("/checklists/") ? "checklist" : "log-draft";
        await page.RouteAsync(new System.Text.RegularExpressions.Regex($@"/assets/js/{module}\.[0-9a-f]+\.js$"), route => route.AbortAsync());
        await s.Go(site.BaseUrl + path);
        var notice = page.Locator("[data-js-notice]").First;
        Assert.True(await notice.IsVisibleAsync(), "the notice shows at once when a feature fails");
        Assert.Contains("Saving is not available on this page", await notice.InnerTextAsync());
        Assert.Contains(s.Problems, p => p.Contains($"CqcGuide: the {module} feature did not start"));
        await TryEverySubmit(page, path);
        AssertNothingSent(s, page, path);
        await AccessibilityTests.AssertNoViolations(page);
    }

    [Fact]
    public async Task With_site_js_blocked_the_notice_still_appears()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await page.RouteAsync(new System.Text.RegularExpressions.Regex(@"/assets/js/site\.[0-9a-f]+\.js$"), route => route.AbortAsync());
        await page.GotoAsync(site.BaseUrl + "/assessments/cqc-readiness/safe/");
        await page.Locator("[data-js-notice]").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 5000 });
        await TryEverySubmit(page, "/assessments/cqc-readiness/safe/");
        AssertNothingSent(s, page, "/assessments/cqc-readiness/safe/");
    }

    public static TheoryData<string, string> BrokenDefinitions() => new()
    {
        { "{broken", "not valid JSON" },
        { """{"format":"cqcguide.answers/2","id":"cqc-readiness"}""", "\"version\" is missing" },
    };

    [Theory]
    [MemberData(nameof(BrokenDefinitions))]
    public async Task A_feature_that_throws_on_start_up_is_reported_on_the_console_and_the_page(string definition, string message)
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        var url = site.BaseUrl + "/assessments/cqc-readiness/safe/";
        await page.RouteAsync(url, async route =>
        {
            var response = await route.FetchAsync();
            var html = await response.TextAsync();
            var broken = System.Text.RegularExpressions.Regex.Replace(html, "(<script type=\"application/json\" id=\"assessment-definition\">).*?(</script>)",
                m => m.Groups[1].Value + definition + m.Groups[2].Value, System.Text.RegularExpressions.RegexOptions.Singleline);
            Assert.NotEqual(html, broken);
            await route.FulfillAsync(new() { Response = response, Body = broken });
        });
        await s.Go(url);
        var notice = page.Locator("[data-js-notice]");
        Assert.True(await notice.IsVisibleAsync());
        Assert.Contains("Saving is not available on this page", await notice.InnerTextAsync());
        Assert.Equal("alert", await notice.GetAttributeAsync("role"));
        Assert.Contains(s.Problems, p => p.Contains("CqcGuide: the assessment feature did not start") && p.Contains(message));
        // The browser tests' own check fails on it: a feature that does not start can never pass unnoticed.
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => s.AssertClean());
        Assert.Equal(0, await page.Locator("form[data-assessment-form] button[type=submit]:visible").CountAsync());
    }
}
