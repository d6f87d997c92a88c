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

    private const string Key = "cqcguide:checklist:four-common-pitfalls";
    private string Url => site.BaseUrl + "/checklists/four-common-pitfalls/";

    [Fact]
    public async Task Ticks_and_notes_import_back_from_a_downloaded_file_with_the_date_in_its_name()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url);
        var id = await page.Locator(".checklist__item").Nth(1).GetAttributeAsync("data-item");
        await page.CheckAsync($"#done-{id}");
        await page.FillAsync($"#note-{id}", "Agreed at the team meeting");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-record-status]').textContent.startsWith('Saved at')");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-action='export-json']"));
        Assert.Matches(@"^four-common-pitfalls-checklist-\d{4}-\d{2}-\d{2}\.json$", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        await download.SaveAsAsync(path);
        Assert.Matches(@"^four-common-pitfalls-checklist-\d{4}-\d{2}-\d{2}\.csv$", (await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-action='export-csv']"))).SuggestedFilename);

        await page.ClickAsync("[data-action='delete']");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete my ticks and notes" }).ClickAsync();
        Assert.False(await page.IsCheckedAsync($"#done-{id}"));

        await page.ClickAsync(".record-bar__import summary");
        await page.SetInputFilesAsync("#import-file", path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        var preview = page.Locator("[data-import-preview]");
        await preview.Locator("h2").WaitForAsync();
        var text = await preview.InnerTextAsync();
        Assert.Contains("Items ticked in the file", text);
        Assert.DoesNotContain("null", text);
        await AccessibilityTests.AssertNoViolations(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Replace my ticks and notes with this file" }).ClickAsync();
        await page.Locator("text=Imported 1 ticks and 1 notes").WaitForAsync();
        Assert.True(await page.IsCheckedAsync($"#done-{id}"));
        Assert.Equal("Agreed at the team meeting", await page.InputValueAsync($"#note-{id}"));
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
        Assert.True(await page.IsCheckedAsync($"#done-{id}"));
        s.AssertClean();
    }

    [Fact]
    public async Task An_answers_file_is_refused_on_a_checklist_with_a_clear_message()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url);
        await page.ClickAsync(".record-bar__import summary");
        await page.SetInputFilesAsync("#import-file", new FilePayload { Name = "answers.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes("""{"format":"cqcguide.answers/1"}""") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        var summary = page.Locator(".error-summary");
        await summary.WaitForAsync();
        Assert.Contains("self-assessment answers", await summary.InnerTextAsync());
        Assert.True(await summary.EvaluateAsync<bool>("e => e === document.activeElement"));
        await AccessibilityTests.AssertNoViolations(page);
        s.AssertClean();
    }

    [Theory]
    [InlineData("""{"revision":1}""")]
    [InlineData("""{"format":"cqcguide.checklist/1","revision":2,"checklist":{"id":"four-common-pitfalls"},"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z","items":{"x":{"done":"yes"}}}""")]
    public async Task Stored_ticks_of_the_wrong_shape_show_the_could_not_be_read_panel(string stored)
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url);
        await page.EvaluateAsync("([k, v]) => localStorage.setItem(k, v)", new[] { Key, stored });
        await s.Go(Url);
        Assert.True(await page.Locator("text=Your saved ticks and notes could not be read").IsVisibleAsync());
        Assert.Equal(stored, await page.EvaluateAsync<string>($"localStorage.getItem('{Key}')"));
        Assert.Equal(0, await page.Locator("[data-checklist-controls]:visible").CountAsync());
        s.AssertClean();
    }

    [Fact]
    public async Task With_storage_turned_off_deleting_shows_a_message_not_an_error()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Context.AddInitScriptAsync("Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });");
        await s.Go(Url);
        await page.ClickAsync("[data-action='delete']");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete my ticks and notes" }).ClickAsync();
        Assert.StartsWith("Nothing was deleted:", await page.Locator("[data-record-status]").TextContentAsync());
        s.AssertClean();
    }
}
