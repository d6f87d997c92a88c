using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace CqcGuide.Browser.Tests;

/// <summary>The improvement plan page: printing, the checks before a download, two tabs, and an imported plan.</summary>
[Collection(SiteCollection.Name)]
public class PlanTests(SiteFixture site)
{
    private const string Key = "cqcguide:assessment:cqc-readiness";

    private string Url(string path = "") => $"{site.BaseUrl}/assessments/cqc-readiness/{path}";

    /// <summary>A stored record with answers and a three-item plan (one overdue, one done, one of the team's own).</summary>
    private static string Record(string whyOfFirst = "Scored 1: incidents are logged but nobody reviews them, so nothing changes.") => new JsonObject
    {
        ["store"] = "cqcguide.store/1", ["revision"] = 3, ["updatedAt"] = "2026-11-30T10:00:00.000Z",
        ["progress"] = new JsonObject { ["completed"] = new JsonArray(), ["lastSection"] = null, ["lastExportedAt"] = null, ["completedBy"] = "Registered manager" },
        ["unmapped"] = new JsonArray(),
        ["file"] = new JsonObject
        {
            ["format"] = "cqcguide.answers/2",
            ["assessment"] = new JsonObject { ["id"] = "cqc-readiness", ["version"] = "1.0.0" },
            ["model"] = new JsonObject { ["id"] = "cqc-saf", ["version"] = "1.2.0" },
            ["createdAt"] = "2026-11-01T09:00:00.000Z", ["updatedAt"] = "2026-11-30T10:00:00.000Z", ["revision"] = 3,
            ["answers"] = new JsonObject { ["safe.learning-culture"] = new JsonObject { ["value"] = "1" }, ["safe.safeguarding"] = new JsonObject { ["value"] = "2" } },
            ["extra"] = new JsonObject(),
            ["plan"] = new JsonArray(
                new JsonObject { ["id"] = "p1", ["statement"] = "safe.learning-culture", ["what"] = "Review every incident at a monthly learning huddle with the whole team and record what changed",
                    ["why"] = whyOfFirst, ["owner"] = "Registered manager", ["due"] = "2025-01-31", ["completed"] = "", ["measure"] = "Huddles held each month; incidents with a change recorded", ["status"] = "in-progress" },
                new JsonObject { ["id"] = "p2", ["statement"] = "safe.safeguarding", ["what"] = "Safeguarding supervision for every senior carer", ["why"] = "", ["owner"] = "Deputy manager",
                    ["due"] = "2026-10-01", ["completed"] = "2026-09-30", ["measure"] = "", ["status"] = "done" },
                new JsonObject { ["id"] = "p3", ["statement"] = "", ["what"] = "A Polish translation of the easy-read complaints leaflet", ["why"] = "", ["owner"] = "", ["due"] = "",
                    ["completed"] = "", ["measure"] = "", ["status"] = "planned" }),
        },
    }.ToJsonString();

    [Fact]
    public async Task The_plan_shows_each_items_state_prints_as_a_table_on_a4_and_has_no_accessibility_violations()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url());
        await page.EvaluateAsync("([k, v]) => localStorage.setItem(k, v)", new[] { Key, Record() });
        await s.Go(Url("plan/"));
        Assert.Equal(["Overdue", "Done", "Open"], await page.Locator("[data-plan-item] [data-state]").AllTextContentsAsync());
        Assert.Matches(@"^3 items on .+: 1 overdue, 1 open, 1 done\.$", await page.Locator("[data-plan-summary]").TextContentAsync());
        Assert.Equal("30", await page.InputValueAsync("#plan-p2_completed"));
        Assert.False(await page.IsVisibleAsync("#plan-p1_completed"), "the completion date shows only for a done item");
        Assert.True(await page.IsVisibleAsync("text=An item of your own"));
        await AccessibilityTests.AssertNoViolations(page);
        if (Environment.GetEnvironmentVariable("CQCGUIDE_SCREENSHOTS") is { } dir)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, "plan-1280.png"), FullPage = true });
            await page.SetViewportSizeAsync(390, 844);
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, "plan-390.png"), FullPage = true });
            await page.SetViewportSizeAsync(1280, 900);
        }

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.SetViewportSizeAsync(680, 1000);
        Assert.True(await page.IsVisibleAsync(".plan-table"));
        Assert.False(await page.IsVisibleAsync("[data-plan]"), "the editors are not printed");
        Assert.False(await page.IsVisibleAsync("[data-action='print']"));
        var rows = await page.Locator(".plan-table tbody tr").AllInnerTextsAsync();
        Assert.Equal(3, rows.Count);
        Assert.Contains("In progress (overdue)", rows[0]);
        Assert.Contains("Done, 30 September 2026", rows[1]);
        var overflow = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && e.getClientRects().length).map(e => e.tagName + '.' + e.className).slice(0, 5)");
        Assert.True(overflow.Length == 0, $"printed on A4: {string.Join(", ", overflow)} wider than the page");
        Assert.Contains("The CqcGuide project", await page.Locator(".report-meta").InnerTextAsync());
        if (Environment.GetEnvironmentVariable("CQCGUIDE_SCREENSHOTS") is { } pdfDir)
            await page.PdfAsync(new() { Format = "A4", Path = Path.Combine(pdfDir, "plan.pdf") });
        else
            Assert.True((await page.PdfAsync(new() { Format = "A4" })).Length > 1000);
        s.AssertClean();
    }

    [Fact]
    public async Task A_download_with_an_item_that_says_nothing_or_a_date_that_is_not_real_shows_an_error_summary_and_keeps_what_was_typed()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url());
        await page.EvaluateAsync("([k, v]) => localStorage.setItem(k, v)", new[] { Key, Record() });
        await s.Go(Url("plan/"));
        await page.FillAsync("#plan-p3_what", "");
        await page.FillAsync("#plan-p3_due", "31");
        await page.FillAsync("#plan-p3_due_month", "2");
        await page.FillAsync("#plan-p3_due_year", "2027");
        var downloads = 0;
        page.Download += (_, _) => downloads++;
        await page.ClickAsync("[data-action='export-plan-csv']");
        var summary = page.Locator(".error-summary");
        await summary.WaitForAsync();
        Assert.True(await summary.EvaluateAsync<bool>("e => e === document.activeElement"), "the error summary takes focus");
        Assert.Equal(["Enter what you will do for item 3", "Enter the due date of item 3 as a real date, for example 31 1 2027"],
            await summary.Locator("a").AllTextContentsAsync());
        Assert.Equal(["#plan-p3_what", "#plan-p3_due"], await summary.Locator("a").EvaluateAllAsync<string[]>("els => els.map(a => a.getAttribute('href'))"));
        Assert.StartsWith("Error: ", await page.TitleAsync());
        Assert.Contains("form-group--error", await page.GetAttributeAsync("#plan-p3_what_group", "class"));
        await summary.Locator("a").First.ClickAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.id === 'plan-p3_what'"));
        // Nothing was downloaded, and what was typed is kept (also after a reload).
        await page.ClickAsync("[data-action='export-json']");
        await page.WaitForTimeoutAsync(300);
        Assert.Equal(0, downloads);
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
        Assert.Equal(("", "31", "02"), (await page.InputValueAsync("#plan-p3_what"), await page.InputValueAsync("#plan-p3_due"), await page.InputValueAsync("#plan-p3_due_month")));
        // Fixed, it downloads; the results page's download is refused while the plan is broken, with a pointer to the plan.
        await s.Go(Url("results/"));
        await page.ClickAsync("[data-action='export-json']");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Not downloaded: your improvement plan needs fixing first')");
        Assert.Equal(0, downloads);
        s.AssertClean();
    }

    [Fact]
    public async Task Two_tabs_editing_different_items_keep_both_and_a_removed_item_goes_from_both()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var a = s.Page;
        await s.Go(Url());
        await a.EvaluateAsync("([k, v]) => localStorage.setItem(k, v)", new[] { Key, Record() });
        var b = await s.Context.NewPageAsync();
        await a.GotoAsync(Url("plan/"));
        await b.GotoAsync(Url("plan/"));
        foreach (var p in new[] { a, b }) await p.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
        await a.FillAsync("#plan-p1_owner", "Quality lead");
        await b.FillAsync("#plan-p3_measure", "Complaints from Polish-speaking families");
        foreach (var p in new[] { a, b })
            await p.WaitForFunctionAsync("""
                k => { const r = JSON.parse(localStorage.getItem(k)); const plan = r.file.plan;
                  return plan[0].owner === 'Quality lead' && plan[2].measure === 'Complaints from Polish-speaking families'; }
                """, Key);
        await a.WaitForFunctionAsync("() => document.querySelector('#plan-p3_measure').value === 'Complaints from Polish-speaking families'");
        await b.WaitForFunctionAsync("() => document.querySelector('#plan-p1_owner').value === 'Quality lead'");
        // Removing asks first; the other tab follows.
        await a.ClickAsync("[data-remove-item='p2']");
        await a.GetByRole(AriaRole.Button, new() { Name = "Yes, remove it" }).ClickAsync();
        await b.WaitForFunctionAsync("() => !document.querySelector('#plan-p2')");
        Assert.Equal(["p1", "p3"], await b.Locator("[data-plan-item]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.planItem)"));
        s.AssertClean();
    }
}
