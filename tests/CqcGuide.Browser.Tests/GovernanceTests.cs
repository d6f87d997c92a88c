using Microsoft.Playwright;

namespace CqcGuide.Browser.Tests;

/// <summary>The governance report as a meeting paper: reachable by keyboard, printable on A4 without cut content.</summary>
[Collection(SiteCollectionB.Name)]
public class GovernanceTests(SiteFixture site)
{
    [Fact]
    public async Task The_quarter_report_works_by_keyboard_and_prints_on_A4_with_its_header()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(site.BaseUrl + "/governance/");
        await Keyboard.TabTo(page, "e => e.textContent === 'July to September 2026'", max: 60, what: "the report for July to September 2026");
        await Keyboard.FollowLink(page, "**/governance/2026-q3/");
        // A figure of the summary leads to its list.
        await Keyboard.TabTo(page, "e => e.getAttribute('href') === '#actions-done'", max: 80, what: "the summary's 'Done' actions link");
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#actions-done", page.Url);
        Assert.Contains("Actions done in the period", await page.TextContentAsync("#actions-done"));

        // Printed on A4 (680 CSS pixels of text width): nothing wider than the page; the header with service and period prints.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.SetViewportSizeAsync(680, 1000);
        var overflow = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && e.getClientRects().length).map(e => e.tagName + '.' + e.className).slice(0, 5)");
        Assert.True(overflow.Length == 0, $"printed on A4: {string.Join(", ", overflow)} wider than the page");
        Assert.True(await page.IsVisibleAsync(".report-meta"));
        Assert.Contains("The CqcGuide project", await page.TextContentAsync(".report-meta"));
        Assert.False(await page.IsVisibleAsync(".site-nav"));
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = false });
        Assert.True(pdf.Length > 1000);
        s.AssertClean();
    }
}
