using Microsoft.Playwright;

namespace CqcGuide.Browser.Tests;

[Collection(SiteCollection.Name)]
public class ChecklistTests(SiteFixture site)
{
    [Fact]
    public async Task Ticks_and_notes_are_kept_in_the_browser_exported_and_deleted()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(site.BaseUrl + "/checklists/four-common-pitfalls/");
        var first = page.Locator(".checklist__item").First;
        var id = await first.GetAttributeAsync("data-item");
        // Keyboard: tab to the first "Done" box, tick it with Space, type a note.
        await Keyboard.TabTo(page, $"e => e.id === 'done-{id}'");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Reviewed at the May governance meeting");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-record-status]').textContent.startsWith('Saved')");
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
        Assert.True(await page.IsCheckedAsync($"#done-{id}"));
        Assert.Equal("Reviewed at the May governance meeting", await page.InputValueAsync($"#note-{id}"));
        Assert.StartsWith("1 of ", await page.Locator("[data-progress]").TextContentAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-action='export-csv']"));
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv");
        await download.SaveAsAsync(path);
        var csv = File.ReadAllText(path);
        Assert.StartsWith("Checklist,Checklist ID,Item number,Item,Item ID,Done,Note\r\n", csv);
        Assert.Contains($",four-common-pitfalls,1,", csv);
        Assert.Contains($",{id},Yes,Reviewed at the May governance meeting", csv);

        await page.ClickAsync("[data-action='delete']");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete my ticks and notes" }).ClickAsync();
        Assert.False(await page.IsCheckedAsync($"#done-{id}"));
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('cqcguide:checklist:four-common-pitfalls')"));
        await AccessibilityTests.AssertNoViolations(page);
        s.AssertClean();
    }

    [Fact]
    public async Task Item_text_stays_outside_forms_so_that_search_indexes_it()
    {
        await using var s = await BrowserSession.StartAsync(site);
        await s.Go(site.BaseUrl + "/checklists/four-common-pitfalls/");
        Assert.Equal(0, await s.Page.Locator("form .checklist__text, form .checklist__explanation").CountAsync());
        Assert.True(await s.Page.Locator("[data-pagefind-body] .checklist__text").CountAsync() >= 8);
    }
}
