using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace CqcGuide.Browser.Tests;

/// <summary>Fillable forms (/forms/&lt;id&gt;/): keyboard, autosave, check, export, delete, import, and the hand-over to a draft learning log.</summary>
[Collection(SiteCollectionB.Name)]
public class FormTests(SiteFixture site)
{
    private const string Url = "/forms/after-action-review/";
    private const string Key = "cqcguide:form:after-action-review";

    private static Task Saved(IPage page) =>
        page.WaitForFunctionAsync("() => document.querySelector('[data-form-bar] [role=status]').textContent.startsWith('Saved')");

    [Fact]
    public async Task A_form_is_filled_by_keyboard_kept_checked_exported_deleted_and_imported()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(site.BaseUrl + Url);
        Assert.Equal(0, await page.Locator("[data-no-saving]").CountAsync());

        // Check on an empty form: every required question, in order, each linked to its field.
        await page.ClickAsync("[data-action='check']");
        var summary = page.Locator(".error-summary");
        await summary.WaitForAsync();
        Assert.Equal("Enter an answer for “Give the event a short title”", (await summary.Locator("li").First.InnerTextAsync()).Trim());
        Assert.Equal("#field-event-title-input", await summary.Locator("a").First.GetAttributeAsync("href"));
        await AccessibilityTests.AssertNoViolations(page);

        // Keyboard only: the title, a yes/no with the arrow keys, and the first row of the factors table.
        await Keyboard.TabTo(page, "e => e.id === 'field-event-title-input'");
        await page.Keyboard.TypeAsync("Evening medicine missed after discharge");
        await Keyboard.ChooseRadio(page, "field-ground-rules", 1);
        Assert.True(await page.IsCheckedAsync("#field-ground-rules-no"));
        await Keyboard.TabTo(page, "e => e.id === 'field-factors-r1-factor'");
        await page.Keyboard.TypeAsync("The discharge letter arrived after the evening round");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.FillAsync("#field-event-summary-input", "A resident back from hospital missed an evening dose.");
        await page.FillAsync("#field-expected-input", "Medicines reconciled on the day of return.");
        await page.FillAsync("#field-actual-input", "The letter came the next morning.");
        await page.FillAsync("#field-why-different-input", "No one owns checking for the letter.");
        await page.FillAsync("#field-actions-r1-action", "Add a discharge check to the evening handover sheet");
        await page.FillAsync("#field-actions-r1-owner", "Deputy manager");
        // A row added with the button gets its own controls.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a row to “Safety actions”" }).ClickAsync();
        await page.FillAsync("#field-actions-r3-action", "Ask the ward to email the letter");
        await Saved(page);

        // Kept across a reload, with the rows.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
        Assert.Equal("Evening medicine missed after discharge", await page.InputValueAsync("#field-event-title-input"));
        Assert.Equal("The discharge letter arrived after the evening round", await page.InputValueAsync("#field-factors-r1-factor"));
        Assert.Equal("Ask the ward to email the letter", await page.InputValueAsync("#field-actions-r3-action"));
        Assert.True(await page.IsCheckedAsync("#field-ground-rules-no"));
        Assert.Contains("have been restored", await page.Locator("[data-form-bar] [role=status]").TextContentAsync());

        // Check again: only the questions still unanswered.
        await page.ClickAsync("[data-action='check']");
        var remaining = await page.Locator(".error-summary li").AllInnerTextsAsync();
        Assert.Equal(["Enter a date for “When was the review held?”", "Enter an answer for “What have we learned?”"], remaining.Select(t => t.Trim()));

        // Export: the answers as data.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-action='export-json']"));
        Assert.Matches(@"^after-action-review-form-\d{4}-\d{2}-\d{2}\.json$", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        await download.SaveAsAsync(file);
        var exported = JsonNode.Parse(File.ReadAllText(file))!;
        Assert.Equal("Evening medicine missed after discharge", exported["answers"]!["event-title"]!.GetValue<string>());
        var markdown = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-action='export-markdown']"));
        var mdPath = file + ".md";
        await markdown.SaveAsAsync(mdPath);
        Assert.Contains("Evening medicine missed after discharge", File.ReadAllText(mdPath));

        // Delete, then import the file back.
        await page.ClickAsync("[data-action='delete']");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete my answers" }).ClickAsync();
        Assert.Equal("", await page.InputValueAsync("#field-event-title-input"));
        Assert.Null(await page.EvaluateAsync<string?>($"localStorage.getItem('{Key}')"));
        await page.ClickAsync(".import-details summary");
        await page.SetInputFilesAsync("#form-import-file", file);
        await page.ClickAsync(".import-form button[type=submit]");
        await page.GetByRole(AriaRole.Button, new() { Name = "Replace my answers with this file" }).ClickAsync();
        Assert.Equal("Evening medicine missed after discharge", await page.InputValueAsync("#field-event-title-input"));
        // The download leaves out empty rows, so the third action comes back as the second.
        Assert.Equal("Ask the ward to email the letter", await page.InputValueAsync("#field-actions-r2-action"));
        await AccessibilityTests.AssertNoViolations(page);
        s.AssertClean();
    }

    [Fact]
    public async Task An_import_that_is_not_a_form_file_is_refused_with_an_error_summary_and_nothing_changes()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(site.BaseUrl + Url);
        await page.FillAsync("#field-event-title-input", "Kept");
        await Saved(page);
        var bad = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(bad, """{"format":"cqcguide.answers/2"}""");
        await page.ClickAsync(".import-details summary");
        await page.SetInputFilesAsync("#form-import-file", bad);
        await page.ClickAsync(".import-form button[type=submit]");
        await page.Locator(".error-summary").WaitForAsync();
        Assert.Equal("#form-import-file", await page.Locator(".error-summary a").First.GetAttributeAsync("href"));
        Assert.Equal("Kept", await page.InputValueAsync("#field-event-title-input"));
        s.AssertClean();
    }

    [Fact]
    public async Task After_action_review_turns_into_a_prefilled_draft_learning_log()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(site.BaseUrl + Url);
        await page.FillAsync("#field-event-title-input", "Evening medicine missed after discharge");
        await page.FillAsync("#field-event-summary-input", "A resident back from hospital missed an evening dose.");
        await page.FillAsync("#field-expected-input", "Medicines reconciled on the day of return.");
        await page.FillAsync("#field-factors-r1-factor", "The discharge letter arrived after the evening round");
        await page.SelectOptionAsync("#field-factors-r1-area", "Organisation");
        await page.SelectOptionAsync("#field-factors-r1-systemic", "yes");
        await page.FillAsync("#field-actions-r1-action", "Add a discharge check to the evening handover sheet");
        await page.FillAsync("#field-actions-r1-owner", "Deputy manager");
        await Saved(page);

        await page.ClickAsync("[data-action='learning-log']");
        await page.WaitForURLAsync("**/journal/draft/", new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 }); // readiness is html[data-ready]
        await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 }); // three rules modules load under a busy CPU
        Assert.Equal("Evening medicine missed after discharge", await page.InputValueAsync("#f-title"));
        Assert.Equal("A resident back from hospital missed an evening dose.", await page.InputValueAsync("#f-summary"));
        Assert.Equal("after-action-review", await page.InputValueAsync("#f-method"));
        Assert.Equal("Medicines reconciled on the day of return.", await page.InputValueAsync("#f-expected"));
        Assert.Equal("The discharge letter arrived after the evening round", await page.InputValueAsync("#f1-description"));
        Assert.Equal("organisation", await page.InputValueAsync("#f1-area"));
        Assert.True(await page.IsCheckedAsync("#f1-systemic"));
        Assert.Equal("Add a discharge check to the evening handover sheet", await page.InputValueAsync("#a1-description"));
        Assert.Contains("Filled in from your “After Action Review” form", await page.Locator("[data-save-status]").TextContentAsync());
        // The hand-over is used once: it is gone, and the draft is saved on its own.
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('cqcguide:log-handover:current')"));
        await page.WaitForFunctionAsync("() => JSON.parse(localStorage.getItem('cqcguide:log-draft:current') || 'null')?.draft?.title === 'Evening medicine missed after discharge'");

        // A second hand-over does not overwrite the draft in progress without asking.
        await s.Go(site.BaseUrl + Url);
        await page.FillAsync("#field-event-title-input", "A second event");
        await Saved(page);
        await page.ClickAsync("[data-action='learning-log']");
        await page.WaitForURLAsync("**/journal/draft/", new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 }); // readiness is html[data-ready]
        await page.Locator("[data-handover]").WaitForAsync();
        Assert.Equal("Evening medicine missed after discharge", await page.InputValueAsync("#f-title"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep my draft" }).ClickAsync();
        Assert.Equal("Evening medicine missed after discharge", await page.InputValueAsync("#f-title"));
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('cqcguide:log-handover:current')"));
        await AccessibilityTests.AssertNoViolations(page);
        s.AssertClean();
    }

    [Theory]
    [InlineData("swarm-huddle", "event-title", "swarm-huddle")]
    [InlineData("seips-analysis", "title", "other")]
    [InlineData("five-whys-fishbone", "problem", "other")]
    public async Task Every_learning_response_form_hands_over_to_a_prefilled_draft_learning_log(string form, string titleField, string method)
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(site.BaseUrl + $"/forms/{form}/");
        await page.FillAsync($"#field-{titleField}-input", $"Falls at night ({form})");
        await page.FillAsync("#field-summary-input", "Two residents fell on the way to the bathroom at night.");
        await page.FillAsync("#field-factors-r1-factor", "The corridor lights are off after 10pm");
        await page.SelectOptionAsync("#field-factors-r1-area", "Internal environment");
        await page.SelectOptionAsync("#field-factors-r1-systemic", "yes");
        await page.FillAsync("#field-actions-r1-action", "Fit motion-activated night lights");
        await Saved(page);
        await page.ClickAsync("[data-action='learning-log']");
        await page.WaitForURLAsync("**/journal/draft/", new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 }); // readiness is html[data-ready]
        await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 }); // three rules modules load under a busy CPU
        Assert.Equal($"Falls at night ({form})", await page.InputValueAsync("#f-title"));
        Assert.Equal("Two residents fell on the way to the bathroom at night.", await page.InputValueAsync("#f-summary"));
        Assert.Equal(method, await page.InputValueAsync("#f-method"));
        Assert.Equal("The corridor lights are off after 10pm", await page.InputValueAsync("#f1-description"));
        Assert.Equal("internal-environment", await page.InputValueAsync("#f1-area"));
        Assert.True(await page.IsCheckedAsync("#f1-systemic"));
        Assert.Equal("Fit motion-activated night lights", await page.InputValueAsync("#a1-description"));
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('cqcguide:log-handover:current')"));
        // Clear the draft for the next form's hand-over (an empty draft takes it at once).
        await page.EvaluateAsync("localStorage.removeItem('cqcguide:log-draft:current')");
        s.AssertClean();
    }

    [Fact]
    public async Task Every_form_is_filled_by_keyboard_kept_printed_on_a4_exported_deleted_and_imported_with_no_accessibility_violations()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        var forms = Directory.GetFiles(Path.Combine(Repo.Root, "input", "forms"), "*.yml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray();
        Assert.True(forms.Length >= 12);
        // axe runs on each form that brings a field type axe has not yet seen filled in (the forms share one layout).
        var typesChecked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in forms)
        {
            await s.Go(site.BaseUrl + $"/forms/{id}/");
            // The first question that takes text, reached and answered with the keyboard.
            var target = await page.EvaluateAsync<string>("() => document.querySelector('[data-form-fields] input[type=text], [data-form-fields] textarea').id");
            await page.FocusAsync("[data-form-bar] [data-action='check']");
            await Keyboard.TabTo(page, $"e => e.id === '{target}'", max: 150, what: $"the first text field of {id}");
            await page.Keyboard.TypeAsync($"Typed by keyboard in {id}");
            await Saved(page);
            await page.ReloadAsync();
            await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
            Assert.Equal($"Typed by keyboard in {id}", await page.InputValueAsync($"#{target}"));
            // Printed on A4 (the print stylesheet: 210 mm less 15 mm margins, 180 mm or 680 CSS pixels of text width): nothing is wider than the page, so nothing is cut.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await page.SetViewportSizeAsync(680, 1000);
            var overflow = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && e.getClientRects().length).map(e => e.tagName + '.' + e.className).slice(0, 5)");
            Assert.True(overflow.Length == 0, $"{id} printed on A4: {string.Join(", ", overflow)} wider than the page");
            var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = false });
            Assert.True(pdf.Length > 1000);
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
            await page.SetViewportSizeAsync(1280, 900);

            // Exported, deleted, and imported again.
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-action='export-json']"));
            var file = Path.Combine(Path.GetTempPath(), $"{id}-{Guid.NewGuid():N}.json");
            await download.SaveAsAsync(file);
            await page.ClickAsync("[data-action='delete']");
            await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete my answers" }).ClickAsync();
            Assert.Equal("", await page.InputValueAsync($"#{target}"));
            await page.ClickAsync(".import-details summary");
            await page.SetInputFilesAsync("#form-import-file", file);
            await page.ClickAsync(".import-form button[type=submit]");
            await page.GetByRole(AriaRole.Button, new() { Name = "Replace my answers with this file" }).ClickAsync();
            Assert.Equal($"Typed by keyboard in {id}", await page.InputValueAsync($"#{target}"));

            var types = await page.EvaluateAsync<string[]>("() => [...new Set([...document.querySelectorAll('[data-form-fields] [data-type]')].map(e => e.dataset.type))]");
            if (types.Any(typesChecked.Add))
            {
                await page.ClickAsync("[data-action='check']");
                await AccessibilityTests.AssertNoViolations(page);
            }
        }
        Assert.Superset(new HashSet<string>(["text", "long-text", "date", "choice", "yes-no", "rows"]), typesChecked);
        s.AssertClean();
    }
}
