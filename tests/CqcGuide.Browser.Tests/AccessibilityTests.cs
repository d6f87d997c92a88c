using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CqcGuide.Browser.Tests;

[Collection(SiteCollectionB.Name)]
public class AccessibilityTests(SiteFixture site)
{
    public static TheoryData<string> PageTypes() => new(
        "/", "/guidance/", "/guidance/root-causes/", "/v/1.0/guidance/root-causes/", "/changes/1.0-to-2.0/guidance/root-causes/",
        "/changes/1.0-to-2.0/", "/checklists/", "/checklists/four-common-pitfalls/", "/quality-statements/",
        "/quality-statements/safe.learning-culture/", "/key-questions/safe/", "/tags/", "/versions/", "/about/", "/search/?q=blame", "/no-such-page/",
        "/governance/", "/governance/2026-q3/", "/governance/themes/", "/journal/evidence/safe.medicines-optimisation/",
        "/assessments/cqc-readiness/progress/", "/assessments/cqc-readiness/team/", "/scoring/cqc-saf/",
        "/offline/", "/offline/unavailable/");

    internal static async Task AssertNoViolations(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}").ToArray();
        Assert.True(violations.Length == 0, $"{page.Url}\n" + string.Join("\n", violations));
    }

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task Axe_reports_no_violations(string path)
    {
        await using var s = await BrowserSession.StartAsync(site);
        await s.Go(site.BaseUrl + path);
        await s.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AssertNoViolations(s.Page);
        s.AssertClean(path == "/no-such-page/");
    }

    [Fact]
    public async Task The_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_main_content()
    {
        await using var s = await BrowserSession.StartAsync(site);
        await s.Page.GotoAsync(site.BaseUrl + "/guidance/root-causes/");
        await s.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await s.Page.EvaluateAsync<string>("document.activeElement.textContent"));
        Assert.True(await s.Page.EvaluateAsync<bool>("getComputedStyle(document.activeElement).left === '0px'"), "the skip link is visible when focused");
        await s.Page.Keyboard.PressAsync("Enter");
        Assert.Equal("main-content", await s.Page.EvaluateAsync<string>("document.activeElement.id"));
        s.AssertClean();
    }

    [Fact]
    public async Task Focus_is_visible_on_links()
    {
        await using var s = await BrowserSession.StartAsync(site);
        await s.Page.GotoAsync(site.BaseUrl + "/guidance/root-causes/");
        await s.Page.FocusAsync(".prose a");
        await s.Page.Keyboard.PressAsync("Shift+Tab");
        await s.Page.Keyboard.PressAsync("Tab");
        var background = await s.Page.EvaluateAsync<string>("getComputedStyle(document.activeElement).backgroundColor");
        Assert.Equal("rgb(255, 221, 0)", background);
    }
}
