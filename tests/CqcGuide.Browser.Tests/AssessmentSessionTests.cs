using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace CqcGuide.Browser.Tests;

/// <summary>
/// The self-assessment pages on the shared editing session: stored data of the wrong shape, two tabs, storage turned
/// off, leaving the page, import and export details, "Change" from Check your answers, the start button, question
/// counts and the results on a phone (issue 15 items 16–18, 20–22).
/// </summary>
[Collection(SiteCollection.Name)]
public class AssessmentSessionTests(SiteFixture site)
{
    private const string Key = "cqcguide:assessment:";

    private string Url(string assessment, string path = "") => $"{site.BaseUrl}/assessments/{assessment}/{path}";

    private static async Task<JsonElement> Definition(IPage page) =>
        JsonDocument.Parse(await page.Locator("#assessment-definition").TextContentAsync() ?? "").RootElement.Clone();

    private static async Task<(string Path, string Name)> Download(IPage page, string selector)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(selector));
        var path = Path.Combine(Path.GetTempPath(), "cqcguide-downloads", Guid.NewGuid().ToString("N") + "-" + download.SuggestedFilename);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await download.SaveAsAsync(path);
        return (path, download.SuggestedFilename);
    }

    private static Task WaitSaved(IPage page) =>
        page.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Saved at')");

    /// <summary>A stored record answering every choice question of the given sections (value chosen by index).</summary>
    private static JsonObject Record(JsonElement def, string[] sections, string[] completed, int choice = 2)
    {
        var answers = new JsonObject();
        var extra = new JsonObject();
        foreach (var section in def.GetProperty("sections").EnumerateArray().Where(s => sections.Contains(s.GetProperty("id").GetString())))
            foreach (var q in section.GetProperty("questions").EnumerateArray().Where(q => q.GetProperty("input").GetString() == "choice" && !q.TryGetProperty("showIf", out _)))
            {
                var options = q.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("value").GetString()!).ToArray();
                (q.GetProperty("scored").GetBoolean() ? answers : extra)[q.GetProperty("id").GetString()!] = new JsonObject { ["value"] = options[Math.Min(choice, options.Length - 1)] };
            }
        return new JsonObject
        {
            ["store"] = "cqcguide.store/1", ["revision"] = 3, ["updatedAt"] = "2026-11-26T10:00:00.000Z",
            ["progress"] = new JsonObject { ["completed"] = new JsonArray(completed.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()), ["lastSection"] = null, ["lastExportedAt"] = null },
            ["unmapped"] = new JsonArray(),
            ["file"] = new JsonObject
            {
                ["format"] = "cqcguide.answers/1",
                ["assessment"] = new JsonObject { ["id"] = def.GetProperty("id").GetString(), ["version"] = def.GetProperty("version").GetString() },
                ["model"] = new JsonObject { ["id"] = def.GetProperty("model").GetProperty("id").GetString(), ["version"] = def.GetProperty("model").GetProperty("version").GetString() },
                ["createdAt"] = "2026-11-26T09:00:00.000Z", ["updatedAt"] = "2026-11-26T09:00:00.000Z", ["revision"] = 3,
                ["answers"] = answers, ["extra"] = extra,
            },
        };
    }

    private static Task Store(IPage page, string id, string json) =>
        page.EvaluateAsync("([k, v]) => localStorage.setItem(k, v)", new[] { Key + id, json });

    public static TheoryData<string> WrongShapes() => new(
        """{"revision":1}""",
        """{"store":"cqcguide.store/1","revision":2,"progress":{"completed":5},"unmapped":[],"file":{"format":"cqcguide.answers/1","assessment":{"id":"cqc-readiness","version":"1.0.0"},"model":{"id":"cqc-saf","version":"1.0.0"},"answers":{},"extra":{}}}""",
        """{"store":"cqcguide.store/1","revision":2,"file":{"format":"cqcguide.answers/1","assessment":{"id":"cqc-readiness","version":"1.0.0"},"model":{"id":"cqc-saf","version":"1.0.0"},"answers":{"safe.safeguarding":{"value":3}}}}""",
        """{"store":"cqcguide.store/1","revision":2,"unmapped":{"a":1},"file":{"format":"cqcguide.answers/1","assessment":{"id":"cqc-readiness","version":"1.0.0"},"model":{"id":"cqc-saf","version":"1.0.0"},"answers":{}}}""");

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public async Task Stored_answers_of_the_wrong_shape_show_the_could_not_be_read_panel_and_never_an_error(string stored)
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url("cqc-readiness"));
        await Store(page, "cqc-readiness", stored);
        foreach (var path in new[] { "safe/", "tasks/", "results/", "manage/" })
        {
            await s.Go(Url("cqc-readiness", path));
            Assert.True(await page.Locator("text=Your saved answers could not be read").IsVisibleAsync(), path);
            Assert.Contains("not in the expected shape", await page.Locator("[role=alert]").First.InnerTextAsync());
        }
        Assert.Equal(stored, await page.EvaluateAsync<string>($"localStorage.getItem('{Key}cqc-readiness')"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Start again" }).ClickAsync();
        await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
        Assert.Contains(await page.EvaluateAsync<string[]>("Object.keys(localStorage)"), k => k.StartsWith($"{Key}cqc-readiness:unreadable:"));
        s.AssertClean();
    }

    [Fact]
    public async Task A_note_typed_in_one_tab_just_before_the_other_tab_saves_is_kept_and_only_then_called_saved()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var a = s.Page;
        var b = await s.Context.NewPageAsync();
        b.PageError += (_, e) => { lock (s.Problems) s.Problems.Add("page error (b): " + e); };
        await a.GotoAsync(Url("cqc-readiness", "caring/"));
        await b.GotoAsync(Url("cqc-readiness", "caring/"));
        foreach (var p in new[] { a, b }) await p.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
        for (var run = 0; run < 3; run++)
        {
            var note = $"Typed in tab A, run {run}";
            // Tab A types a note (saved 0.4 s later); a moment after, tab B answers a question (saved at once).
            // Typed through the DOM rather than Fill/Check so that the gap between the two stays a few milliseconds.
            await a.EvaluateAsync("v => { const t = document.querySelector('#q-caring\\\\.kindness-compassion-dignity-note'); t.focus(); t.value = v; t.dispatchEvent(new Event('input', { bubbles: true })); }", note);
            await b.EvaluateAsync($"() => document.querySelector('#q-caring\\\\.workforce-wellbeing-{run + 1}').click()");
            await a.WaitForFunctionAsync("""
                ([key, v, w]) => { const r = JSON.parse(localStorage.getItem(key) || 'null');
                  return r && r.file.answers['caring.kindness-compassion-dignity']?.note === v && r.file.answers['caring.workforce-wellbeing']?.value === w; }
                """, new[] { $"{Key}cqc-readiness", note, $"{run + 1}" });
            // Tab A saved last (after merging B's answer): it says "Saved" now, and the note is stored.
            await WaitSaved(a);
            var stored = JsonNode.Parse(await a.EvaluateAsync<string>($"localStorage.getItem('{Key}cqc-readiness')"))!;
            Assert.Equal(note, stored["file"]!["answers"]!["caring.kindness-compassion-dignity"]!["note"]!.GetValue<string>());
            Assert.Equal($"{run + 1}", stored["file"]!["answers"]!["caring.workforce-wellbeing"]!["value"]!.GetValue<string>());
            Assert.Equal(note, await a.InputValueAsync("#q-caring\\.kindness-compassion-dignity-note"));
            await b.WaitForFunctionAsync("v => document.querySelector('#q-caring\\\\.kindness-compassion-dignity-note').value === v", note);
        }
        s.AssertClean();
    }

    [Fact]
    public async Task When_both_tabs_change_the_same_note_the_second_is_asked_and_the_other_text_is_offered()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var a = s.Page;
        var b = await s.Context.NewPageAsync();
        await a.GotoAsync(Url("cqc-readiness", "caring/"));
        await b.GotoAsync(Url("cqc-readiness", "caring/"));
        foreach (var p in new[] { a, b }) await p.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
        // Both notes must be pending at once (each tab saves 0.4 s after its last key); whichever tab saves second is
        // the one asked. Tab B types first; tab A types only if B's note is not stored yet (checked and typed in one
        // script), else the pair is tried again: on a busy machine B's save can land before A's keystroke arrives.
        const string type = "v => { const t = document.querySelector('#q-caring\\\\.kindness-compassion-dignity-note'); t.focus(); t.value = v; t.dispatchEvent(new Event('input', { bubbles: true })); }";
        const string typeUnlessStored = """
            ([v, theirs, key]) => { if ((localStorage.getItem(key) || '').includes(theirs)) return false;
              const t = document.querySelector('#q-caring\\.kindness-compassion-dignity-note'); t.focus(); t.value = v;
              t.dispatchEvent(new Event('input', { bubbles: true })); return true; }
            """;
        (IPage Page, string Note)? asked = null, other = null;
        for (var attempt = 0; attempt < 5 && asked is null; attempt++)
        {
            var (noteA, noteB) = ($"Tab A's note {attempt}", $"Tab B's note {attempt}");
            await b.EvaluateAsync(type, noteB);
            var bothPending = await a.EvaluateAsync<bool>(typeUnlessStored, new[] { noteA, noteB, $"{Key}cqc-readiness" });
            foreach (var p in new[] { a, b })
                await p.WaitForFunctionAsync("() => !document.querySelector('[data-save-status]').textContent.startsWith('Saving')");
            if (!bothPending) continue;
            for (var poll = 0; poll < 300 && asked is null; poll++)
            {
                if (await a.Locator("[data-conflict]").CountAsync() > 0) (asked, other) = ((a, noteA), (b, noteB));
                else if (await b.Locator("[data-conflict]").CountAsync() > 0) (asked, other) = ((b, noteB), (a, noteA));
                else await Task.Delay(100);
            }
            Assert.True(asked is not null, "both notes were pending at once, yet neither tab asked which to keep");
        }
        Assert.True(asked is not null, "in five tries tab A never typed before tab B's note was saved");
        var (page, mine) = asked!.Value;
        var theirs = other!.Value;
        Assert.Equal(0, await theirs.Page.Locator("[data-conflict]").CountAsync());
        var panel = page.Locator("[data-conflict]");
        Assert.Contains("Another tab changed your note on question 15", await panel.InnerTextAsync());
        Assert.Contains($"The other tab had: “{theirs.Note}”", await panel.InnerTextAsync());
        Assert.Equal(mine, await page.InputValueAsync("#q-caring\\.kindness-compassion-dignity-note"));
        await panel.GetByRole(AriaRole.Button, new() { Name = "Use the other tab’s version" }).ClickAsync();
        Assert.Equal(theirs.Note, await page.InputValueAsync("#q-caring\\.kindness-compassion-dignity-note"));
        await WaitSaved(page);
        var stored = JsonNode.Parse(await page.EvaluateAsync<string>($"localStorage.getItem('{Key}cqc-readiness')"))!;
        Assert.Equal(theirs.Note, stored["file"]!["answers"]!["caring.kindness-compassion-dignity"]!["note"]!.GetValue<string>());
        await AccessibilityTests.AssertNoViolations(page);
    }

    [Fact]
    public async Task A_note_typed_just_before_leaving_the_page_is_saved()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url("learning-maturity", "causes/"));
        await page.FillAsync("#q-causes\\.beyond-individuals-note", "Typed a moment before leaving");
        await page.GotoAsync(Url("learning-maturity", "tasks/"));
        var stored = JsonNode.Parse(await page.EvaluateAsync<string>($"localStorage.getItem('{Key}learning-maturity')"))!;
        Assert.Equal("Typed a moment before leaving", stored["file"]!["answers"]!["causes.beyond-individuals"]!["note"]!.GetValue<string>());
        s.AssertClean();
    }

    private static Task DisableStorage(IBrowserContext context) => context.AddInitScriptAsync(
        "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });");

    [Fact]
    public async Task With_storage_turned_off_answering_and_deleting_show_messages_not_errors()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await DisableStorage(s.Context);
        await s.Go(Url("cqc-readiness", "safe/"));
        Assert.StartsWith("Not saved: this browser is not letting the site save anything", await page.Locator("[data-save-status]").TextContentAsync());
        await page.CheckAsync("#q-safe\\.safeguarding-3");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Not saved:')");
        await s.Go(Url("cqc-readiness", "manage/"));
        await page.ClickAsync("[data-action='delete']");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete my answers" }).ClickAsync();
        var result = page.Locator("[data-delete-result]");
        await result.WaitForAsync();
        Assert.StartsWith("Nothing was deleted:", await result.InnerTextAsync());
        Assert.True(await result.EvaluateAsync<bool>("e => e === document.activeElement"));
        await AccessibilityTests.AssertNoViolations(page);
        s.AssertClean();
    }

    [Fact]
    public async Task Import_keeps_section_completion_the_preview_prints_no_null_and_the_export_carries_the_last_save_and_the_date()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url("learning-maturity", "manage/"));
        var def = await Definition(page);
        await Store(page, "learning-maturity", Record(def, ["causes", "culture"], ["causes", "culture"]).ToJsonString());
        await s.Go(Url("learning-maturity", "causes/"));
        await page.FillAsync("#q-causes\\.beyond-individuals-note", "A later change");
        await WaitSaved(page);
        var stored = JsonNode.Parse(await page.EvaluateAsync<string>($"localStorage.getItem('{Key}learning-maturity')"))!;

        await s.Go(Url("learning-maturity", "manage/"));
        var (json, name) = await Download(page, "[data-action='export-json']");
        Assert.Matches(@"^learning-maturity-answers-\d{4}-\d{2}-\d{2}\.json$", name);
        Assert.Matches(@"^learning-maturity-answers-\d{4}-\d{2}-\d{2}\.csv$", (await Download(page, "[data-action='export-csv']")).Name);
        var file = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal(stored["updatedAt"]!.GetValue<string>(), file["updatedAt"]!.GetValue<string>());
        Assert.NotEqual("2026-11-26T09:00:00.000Z", file["updatedAt"]!.GetValue<string>());
        Assert.Equal("causes culture", file["extra"]!["progress/completed"]!["value"]!.GetValue<string>());

        await page.ClickAsync("[data-action='delete']");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete my answers" }).ClickAsync();
        await page.SetInputFilesAsync("#import-file", json);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        var preview = page.Locator("[data-import-preview]");
        await preview.Locator("h2").WaitForAsync();
        var text = await preview.InnerTextAsync();
        Assert.DoesNotContain("null", text);
        Assert.Contains("Sections marked complete", text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Replace my answers with this file" }).ClickAsync();
        await page.Locator(".notice--success", new() { HasTextString = "Imported" }).WaitForAsync();
        await s.Go(Url("learning-maturity", "tasks/"));
        Assert.Equal("Completed", await page.Locator("[data-task='causes'] [data-status]").TextContentAsync());
        Assert.Equal("Completed", await page.Locator("[data-task='culture'] [data-status]").TextContentAsync());
        await s.Go(Url("learning-maturity", "causes/"));
        Assert.Equal("A later change", await page.InputValueAsync("#q-causes\\.beyond-individuals-note"));
        s.AssertClean();
    }

    [Fact]
    public async Task After_change_on_check_your_answers_saving_returns_to_check_your_answers()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url("learning-maturity", "check/"));
        var def = await Definition(page);
        await Store(page, "learning-maturity", Record(def, ["causes"], []).ToJsonString());
        await s.Go(Url("learning-maturity", "check/"));
        var opened = page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/causes/\?return=check#"));
        await page.Locator(".summary-list__actions a").First.ClickAsync();
        await opened;
        await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
        Assert.Equal("Back to check your answers", (await page.Locator("[data-back-link]").TextContentAsync())!.Trim());
        await page.CheckAsync("#q-causes\\.beyond-individuals-1");
        await page.CheckAsync("#complete-no");
        var back = page.WaitForURLAsync(Url("learning-maturity", "check/"));
        await page.ClickAsync("form[data-assessment-form] button[type=submit]");
        await back;
        await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
        var stored = JsonNode.Parse(await page.EvaluateAsync<string>($"localStorage.getItem('{Key}learning-maturity')"))!;
        Assert.Equal("1", stored["file"]!["answers"]!["causes.beyond-individuals"]!["value"]!.GetValue<string>());
        // Without "Change", saving goes to the task list as before.
        await s.Go(Url("learning-maturity", "causes/"));
        await page.CheckAsync("#complete-no");
        var tasks = page.WaitForURLAsync(Url("learning-maturity", "tasks/"));
        await page.ClickAsync("form[data-assessment-form] button[type=submit]");
        await tasks;
        s.AssertClean();
    }

    [Fact]
    public async Task Space_activates_start_now_like_the_gov_uk_start_button()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url("cqc-readiness"));
        await Keyboard.TabToLink(page, "Start now");
        var started = page.WaitForURLAsync(Url("cqc-readiness", "tasks/"));
        await page.Keyboard.PressAsync("Space");
        await started;
        s.AssertClean();
    }

    [Fact]
    public async Task Question_counts_leave_out_follow_up_questions_until_they_are_shown()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url("cqc-readiness"));
        var def = await Definition(page);
        var all = def.GetProperty("sections").EnumerateArray().SelectMany(x => x.GetProperty("questions").EnumerateArray()).ToArray();
        var shown = all.Count(q => !q.TryGetProperty("showIf", out _));
        Assert.True(shown < all.Length, "the assessment has follow-up questions");
        Assert.StartsWith($"{shown}, in 5 sections", await page.Locator(".summary-facts dd").First.TextContentAsync());
        await s.Go(Url("cqc-readiness", "tasks/"));
        Assert.Equal("8 questions", await page.Locator("[data-task='safe'] .task-list__hint").TextContentAsync());
        await s.Go(Url("cqc-readiness", "safe/"));
        await page.CheckAsync("#q-safe\\.learning-culture-2"); // shows its follow-up
        await WaitSaved(page);
        await s.Go(Url("cqc-readiness", "tasks/"));
        Assert.Equal("9 questions", await page.Locator("[data-task='safe'] .task-list__hint").TextContentAsync());
        await s.Go(Url("cqc-readiness"));
        Assert.Contains($"1 of {shown + 1} questions answered", await page.Locator("[data-resume]").InnerTextAsync());
        s.AssertClean();
    }

    [Theory]
    [InlineData("cqc-readiness")]
    [InlineData("learning-maturity")]
    public async Task On_a_phone_the_results_table_shows_every_column_and_the_chart_text_is_legible(string id)
    {
        await using var s = await BrowserSession.StartAsync(site, new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 1, IsMobile = true, HasTouch = true });
        var page = s.Page;
        await s.Go(Url(id, "results/"));
        var def = await Definition(page);
        var sections = def.GetProperty("sections").EnumerateArray().Select(x => x.GetProperty("id").GetString()!).ToArray();
        await Store(page, id, Record(def, sections, sections, choice: 1).ToJsonString());
        await s.Go(Url(id, "results/"));
        await page.Locator(".results-table").WaitForAsync();
        var layout = await page.EvaluateAsync<JsonElement>("""
            () => {
              const scroll = document.querySelector('.table-scroll');
              const heads = [...document.querySelectorAll('.results-table thead th')].map((th) => ({ text: th.textContent, right: th.getBoundingClientRect().right }));
              const svg = document.querySelector('svg.chart');
              const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
              const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
              const outside = [...svg.querySelectorAll('text')].filter((t) => { const b = t.getBBox(); return b.x < -0.5 || b.x + b.width > svg.viewBox.baseVal.width + 0.5; }).map((t) => t.textContent);
              return { overflow: scroll.scrollWidth - scroll.clientWidth, viewport: document.documentElement.clientWidth, heads, smallest: Math.min(...sizes), outside };
            }
            """);
        Assert.True(layout.GetProperty("overflow").GetDouble() <= 0, $"the results table scrolls sideways by {layout.GetProperty("overflow")} px");
        var viewport = layout.GetProperty("viewport").GetDouble();
        foreach (var head in layout.GetProperty("heads").EnumerateArray())
            Assert.True(head.GetProperty("right").GetDouble() <= viewport, $"column '{head.GetProperty("text")}' is off the screen");
        Assert.Contains(layout.GetProperty("heads").EnumerateArray(), h => h.GetProperty("text").GetString() is "Rating" or "Maturity");
        Assert.True(layout.GetProperty("smallest").GetDouble() >= 12, $"chart text renders at {layout.GetProperty("smallest")} px");
        Assert.Equal(0, layout.GetProperty("outside").GetArrayLength());
        await AccessibilityTests.AssertNoViolations(page);
        s.AssertClean();
    }
}
