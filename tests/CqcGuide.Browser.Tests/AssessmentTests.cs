using System.Text.Json;
using System.Text.Json.Nodes;
using CqcGuide.Cli;
using Microsoft.Playwright;

namespace CqcGuide.Browser.Tests;

[Collection(SiteCollection.Name)]
public class AssessmentTests(SiteFixture site)
{
    private string Url(string assessment, string path = "") => $"{site.BaseUrl}/assessments/{assessment}/{path}";

    private static async Task<JsonElement> Definition(IPage page) =>
        JsonDocument.Parse(await page.Locator("#assessment-definition").TextContentAsync() ?? "").RootElement.Clone();

    /// <summary>Clicks and saves the download it starts under the temp folder; returns its path (shared by the browser tests).</summary>
    internal static async Task<string> Download(IPage page, string selector)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(selector));
        var path = Path.Combine(Path.GetTempPath(), "cqcguide-downloads", Guid.NewGuid().ToString("N") + "-" + download.SuggestedFilename);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await download.SaveAsAsync(path);
        return path;
    }

    /// <summary>Runs the command line in process (shared by the browser tests).</summary>
    internal static (int Code, string Output, string Error) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("cqc-readiness")]
    [InlineData("learning-maturity")]
    public async Task An_assessment_can_be_completed_by_keyboard_alone_then_resumed_after_a_reload(string id)
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url(id));
        await Keyboard.TabToLink(page, "Start now");
        // Wait for the navigation from before the key press: a fast navigation can commit before a waiter started
        // after the press sees it, and the waiter then waits for a second one.
        var started = page.WaitForURLAsync(Url(id, "tasks/"));
        await page.Keyboard.PressAsync("Enter");
        await started;
        await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
        var def = await Definition(page);
        var rng = new Random(id.Length);
        foreach (var section in def.GetProperty("sections").EnumerateArray())
        {
            await Keyboard.TabToLink(page, section.GetProperty("title").GetString()!);
            var opened = page.WaitForURLAsync(section.GetProperty("url").GetString()!.Insert(0, site.BaseUrl));
            await page.Keyboard.PressAsync("Enter");
            await opened;
            await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
            foreach (var q in section.GetProperty("questions").EnumerateArray())
            {
                if (q.GetProperty("input").GetString() != "choice") continue;
                var group = page.Locator($"[data-question='{q.GetProperty("id").GetString()}']");
                if (await group.IsHiddenAsync()) continue;
                // The radios on the page: the definition also lists "keep the last published score", offered only where a statement has one.
                var options = await group.Locator("input[type=radio]").CountAsync();
                await Keyboard.ChooseRadio(page, q.GetProperty("id").GetString()!, rng.Next(options));
            }
            await Keyboard.TabTo(page, "e => e.id === 'complete-yes'");
            await page.Keyboard.PressAsync("Space");
            await Keyboard.TabTo(page, "e => e.tagName === 'BUTTON' && e.type === 'submit'");
            var saved = page.WaitForURLAsync(Url(id, "tasks/"));
            await page.Keyboard.PressAsync("Enter");
            await saved;
        }
        await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
        var statuses = await page.Locator("[data-status]").AllTextContentsAsync();
        Assert.All(statuses, st => Assert.Equal("Completed", st));
        Assert.Contains($"completed {statuses.Count} of {statuses.Count} sections", await page.Locator("[data-progress]").TextContentAsync());

        // Resume: reload a section and the start page.
        var first = def.GetProperty("sections")[0];
        await s.Go(site.BaseUrl + first.GetProperty("url").GetString());
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
        Assert.True(await page.Locator("input[type=radio]:checked").CountAsync() >= 3);
        await s.Go(Url(id));
        Assert.Contains("You have saved answers", await page.Locator("[data-resume]").InnerTextAsync());

        // Check answers and results.
        await s.Go(Url(id, "check/"));
        Assert.Equal(0, await page.Locator(".summary-list__value", new() { HasTextString = "Not answered" }).CountAsync());
        Assert.True(await page.Locator(".summary-list__actions a").CountAsync() > 20);
        await s.Go(Url(id, "results/"));
        await page.Locator(".results-table").WaitForAsync();
        Assert.Contains("not a CQC", await page.Locator("[data-notice]").TextContentAsync());
        Assert.Equal(1, await page.Locator("svg.chart").CountAsync());
        if (id == "cqc-readiness") await PlanByKeyboard(s);
        s.AssertClean();
    }

    /// <summary>
    /// From the results, by keyboard only: the weak statements are listed with their guidance links; two become plan
    /// items; on the plan page they get an owner, a due date and a status, the rules call the one due in the past
    /// overdue; the plan downloads as CSV, Markdown and an answers file the CLI reads; a plan item starts a draft log.
    /// </summary>
    private async Task PlanByKeyboard(BrowserSession s)
    {
        var page = s.Page;
        var steps = await page.Locator("[data-next-step]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.nextStep)");
        Assert.True(steps.Length >= 2, $"the random answers left {steps.Length} weak statements");
        foreach (var step in steps)
            Assert.True(await page.Locator($"[data-next-step='{step}'] .next-step__links a").CountAsync() > 0, $"{step} has no guidance link");
        foreach (var step in steps.Take(2))
        {
            await Keyboard.TabTo(page, $"e => e.dataset.addToPlan === '{step}'", max: 200, what: $"Add {step} to the plan");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForFunctionAsync("id => document.activeElement?.dataset.planLink === id", step);
        }
        Assert.Contains("Your improvement plan (2 items)", await page.Locator("[data-plan-page-link]").TextContentAsync());
        await Keyboard.TabTo(page, "e => e.hasAttribute('data-plan-page-link')", max: 200, what: "the improvement plan link");
        var opened = page.WaitForURLAsync(Url("cqc-readiness", "plan/"));
        await page.Keyboard.PressAsync("Enter");
        await opened;
        await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
        Assert.Equal(["p1", "p2"], await page.Locator("[data-plan-item]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.planItem)"));

        async Task TypeInto(string id, string text, bool replace = false)
        {
            await Keyboard.TabTo(page, $"e => e.id === '{id}'", max: 60, what: id);
            if (replace) await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync(text);
        }
        await TypeInto("plan-p1_what", "Review every incident at a monthly learning huddle", replace: true);
        await TypeInto("plan-p1_owner", "Registered manager");
        await TypeInto("plan-p1_due", "31"); // GOV.UK's date input: day, month, year
        await TypeInto("plan-p1_due_month", "12");
        await TypeInto("plan-p1_due_year", "2099");
        await TypeInto("plan-p1_measure", "Huddles held each month");
        await Keyboard.TabTo(page, "e => e.id === 'plan-p1_status'", what: "the status of item 1");
        await page.Keyboard.PressAsync("ArrowDown"); // planned → in progress
        await TypeInto("plan-p2_owner", "Deputy manager");
        await TypeInto("plan-p2_due", "1");
        await TypeInto("plan-p2_due_month", "1");
        await TypeInto("plan-p2_due_year", "2025");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Saved')");
        Assert.Equal("in-progress", await page.InputValueAsync("#plan-p1_status"));
        Assert.Equal("31", await page.InputValueAsync("#plan-p1_due"));
        // The compiled rules decide: due in 2099 is open, due in 2025 and not done is overdue.
        Assert.Equal("Open", await page.Locator("#plan-p1 [data-state]").TextContentAsync());
        Assert.Equal("Overdue", await page.Locator("#plan-p2 [data-state]").TextContentAsync());
        Assert.Matches(@"^2 items on \d{1,2} [A-Z][a-z]+ \d{4}: 1 overdue, 1 open\.$", await page.Locator("[data-plan-summary]").TextContentAsync());

        async Task<string> DownloadByKeyboard(string action)
        {
            await Keyboard.TabTo(page, $"e => e.dataset.action === '{action}'", max: 80, what: action);
            var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
            var path = Path.Combine(Path.GetTempPath(), "cqcguide-downloads", Guid.NewGuid().ToString("N") + "-" + download.SuggestedFilename);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await download.SaveAsAsync(path);
            return path;
        }
        var csv = File.ReadAllText(await DownloadByKeyboard("export-plan-csv"));
        Assert.StartsWith("Assessment,Assessment version,Item,Statement ID,Statement,What,Why,Owner,Due,Completed,How we will know it worked,Status,State\r\n", csv);
        Assert.Contains($",1,{steps[0]},", csv);
        Assert.Contains("Review every incident at a monthly learning huddle,", csv);
        Assert.Contains(",Deputy manager,2025-01-01,,,Planned,Overdue\r\n", csv);
        var markdown = File.ReadAllText(await DownloadByKeyboard("export-plan-md"));
        Assert.Contains("## 1. Review every incident at a monthly learning huddle", markdown);
        Assert.Contains("- **Status:** Planned (overdue on ", markdown);
        var answers = await DownloadByKeyboard("export-json");
        var parsed = CqcGuide.Rules.AnswersFile.Parse(File.ReadAllText(answers));
        Assert.True(parsed.Success, string.Join("\n", parsed.Errors));
        Assert.Equal([(steps[0], "in-progress", "2099-12-31"), (steps[1], "planned", "2025-01-01")],
            parsed.File!.Plan.Select(p => (p.Statement!, p.Status, p.Due!)));
        var (code, _, error) = Cli("score", answers);
        Assert.True(code == 0, error);
        await AccessibilityTests.AssertNoViolations(page);

        // A plan item starts a learning log: its statement, why and the item as the log's first action.
        await Keyboard.TabTo(page, "e => e.dataset.startLog === 'p1'", max: 80, what: "Start a learning log from item 1");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/journal/draft/", new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        Assert.Equal("Review every incident at a monthly learning huddle", await page.InputValueAsync("#f-title"));
        Assert.Contains("Our self-assessment (", await page.InputValueAsync("#f-summary"));
        Assert.True(await page.IsCheckedAsync($"input[name='quality_statements'][value='{steps[0]}']"));
        Assert.Equal("Review every incident at a monthly learning huddle", await page.InputValueAsync("#a1-description"));
        Assert.Equal("Registered manager", await page.InputValueAsync("#a1-owner_role"));
        Assert.Equal("2099-12-31", await page.InputValueAsync("#a1-due"));
        Assert.Equal("in-progress", await page.InputValueAsync("#a1-status"));
    }

    [Fact]
    public async Task Submitting_an_incomplete_section_shows_a_focused_error_summary_and_keeps_what_was_typed()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url("cqc-readiness", "effective/"));
        await page.CheckAsync("#q-effective.assessing-needs-3".Replace(".", "\\."));
        await page.FillAsync("#q-effective\\.assessing-needs-note", "Care plans audited monthly");
        await page.CheckAsync("#complete-yes");
        await page.ClickAsync("form[data-assessment-form] button[type=submit]");
        var summary = page.Locator(".error-summary");
        await summary.WaitForAsync();
        Assert.True(await summary.EvaluateAsync<bool>("e => e === document.activeElement"), "the error summary takes focus");
        Assert.StartsWith("Error: ", await page.TitleAsync());
        Assert.Equal(5, await summary.Locator("li").CountAsync());
        Assert.Contains("question 10: Delivering evidence-based care", await summary.Locator("li").First.TextContentAsync());
        Assert.True(await page.Locator("#q-effective\\.evidence-based-care.form-group--error .error-message").IsVisibleAsync());
        Assert.Equal("Care plans audited monthly", await page.InputValueAsync("#q-effective\\.assessing-needs-note"));
        Assert.True(await page.IsCheckedAsync("#q-effective\\.assessing-needs-3"));
        // The summary's link moves focus to the question.
        await summary.Locator("a").First.ClickAsync();
        Assert.Equal("q-effective.evidence-based-care-1", await page.EvaluateAsync<string>("document.activeElement.id"));
        await AccessibilityTests.AssertNoViolations(page);
        // "No, I'll come back later" saves without errors.
        await page.CheckAsync("#complete-no");
        var tasks = page.WaitForURLAsync(Url("cqc-readiness", "tasks/"));
        await page.ClickAsync("form[data-assessment-form] button[type=submit]");
        await tasks;
        await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
        Assert.Equal("In progress", await page.Locator("[data-task='effective'] [data-status]").TextContentAsync());
        s.AssertClean();
    }

    [Fact]
    public async Task A_conditional_question_appears_only_for_low_scores_and_hidden_answers_stay_out_of_exports()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url("cqc-readiness", "safe/"));
        var plan = page.Locator("[data-question='safe.learning-culture.plan']");
        Assert.True(await plan.IsHiddenAsync());
        await page.CheckAsync("#q-safe\\.learning-culture-2");
        Assert.True(await plan.IsVisibleAsync());
        await page.FillAsync("#q-safe\\.learning-culture\\.plan-text", "Weekly learning huddles");
        await page.CheckAsync("#q-safe\\.learning-culture-4");
        Assert.True(await plan.IsHiddenAsync());
        await page.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Saved')");
        await s.Go(Url("cqc-readiness", "manage/"));
        var json = JsonNode.Parse(File.ReadAllText(await Download(page, "[data-action='export-json']")))!;
        Assert.Null(json["extra"]?["safe.learning-culture.plan"]);
        // Switching back brings the kept answer back.
        await s.Go(Url("cqc-readiness", "safe/"));
        await page.CheckAsync("#q-safe\\.learning-culture-1");
        Assert.Equal("Weekly learning huddles", await page.InputValueAsync("#q-safe\\.learning-culture\\.plan-text"));
        s.AssertClean();
    }

    [Fact]
    public async Task Export_delete_and_reimport_restores_every_answer()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url("learning-maturity", "governance/"));
        await page.CheckAsync("#q-governance\\.structured-reviews-3");
        await page.CheckAsync("#q-governance\\.reflection-documented-1");
        await page.FillAsync("#q-governance\\.reflection-documented-note", "=SUM(A1), \"quoted\", commas, and\nnew lines");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Saved')");
        await s.Go(Url("learning-maturity", "manage/"));
        var jsonPath = await Download(page, "[data-action='export-json']");
        var csvPath = await Download(page, "[data-action='export-csv']");
        var bytes = File.ReadAllBytes(csvPath);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Assessment,Assessment version,Section,Section ID,Question number,Question,Question ID,Scored,Answer,Answer value,Note", csv);
        Assert.Contains("\"'=SUM(A1), \"\"quoted\"\", commas, and\nnew lines\"", csv.Replace("\r\n", "\n"));

        await page.ClickAsync("[data-action='delete']");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete my answers" }).ClickAsync();
        await page.Locator("text=Your answers have been deleted").WaitForAsync();
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('cqcguide:assessment:learning-maturity')"));

        await page.SetInputFilesAsync("#import-file", jsonPath);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await page.Locator("[data-import-preview] h2").WaitForAsync();
        Assert.Contains("Answers in the file", await page.Locator("[data-import-preview]").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Replace my answers with this file" }).ClickAsync();
        await page.Locator("text=Imported 2 answers").WaitForAsync();
        await s.Go(Url("learning-maturity", "governance/"));
        Assert.True(await page.IsCheckedAsync("#q-governance\\.reflection-documented-1"));
        Assert.Equal("=SUM(A1), \"quoted\", commas, and\nnew lines", await page.InputValueAsync("#q-governance\\.reflection-documented-note"));
        s.AssertClean();
    }

    public static TheoryData<string, string, string> BadImports() => new()
    {
        { "not-json", "this is not json {", "not valid JSON" },
        { "wrong-format", """{"format":"something-else/2","answers":{}}""", "format this site cannot read" },
        { "other-assessment", """{"format":"cqcguide.answers/1","assessment":{"id":"cqc-readiness","version":"1.0.0"},"model":{"id":"cqc-saf","version":"1.0.0"},"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z","revision":1,"answers":{}}""", "another assessment" },
        { "array", "[1,2,3]", "does not contain a set of answers" },
    };

    [Theory]
    [MemberData(nameof(BadImports))]
    public async Task A_malformed_import_gives_a_clear_message_and_changes_nothing(string name, string content, string message)
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url("learning-maturity", "causes/"));
        await page.CheckAsync("#q-causes\\.beyond-individuals-2");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Saved')");
        var before = await page.EvaluateAsync<string>("localStorage.getItem('cqcguide:assessment:learning-maturity')");
        await s.Go(Url("learning-maturity", "manage/"));
        await page.SetInputFilesAsync("#import-file", new FilePayload { Name = name + ".json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(content) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        var summary = page.Locator(".error-summary");
        await summary.WaitForAsync();
        Assert.Contains(message, await summary.InnerTextAsync());
        Assert.True(await summary.EvaluateAsync<bool>("e => e === document.activeElement"));
        Assert.Contains(message, await page.Locator("#import-file-error").InnerTextAsync());
        Assert.Equal(before, await page.EvaluateAsync<string>("localStorage.getItem('cqcguide:assessment:learning-maturity')"));
        await AccessibilityTests.AssertNoViolations(page);
    }

    [Fact]
    public async Task A_huge_file_is_refused_before_it_is_read()
    {
        await using var s = await BrowserSession.StartAsync(site);
        await s.Go(Url("learning-maturity", "manage/"));
        await s.Page.SetInputFilesAsync("#import-file", new FilePayload { Name = "huge.json", MimeType = "application/json", Buffer = new byte[3_000_000] });
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        Assert.Contains("too large", await s.Page.Locator(".error-summary").InnerTextAsync());
    }

    [Fact]
    public async Task An_older_version_and_proto_keys_import_with_unmapped_answers_listed_not_dropped()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url("learning-maturity", "manage/"));
        var file = """
            {"format":"cqcguide.answers/1","assessment":{"id":"learning-maturity","version":"0.9.0"},"model":{"id":"learning-maturity","version":"1.0.0"},
             "createdAt":"2025-05-01T10:00:00Z","updatedAt":"2025-06-01T10:00:00Z","revision":3,
             "answers":{"causes.beyond-individuals":{"value":"3","note":"kept"},"causes.retired-question":{"value":"2","note":"old wording"},
                        "__proto__":{"value":"4"},"culture.open-reporting":{"value":"7"}}}
            """;
        await page.SetInputFilesAsync("#import-file", new FilePayload { Name = "old.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(file) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        var preview = page.Locator("[data-import-preview]");
        await preview.Locator("h2").WaitForAsync();
        var text = await preview.InnerTextAsync();
        Assert.Contains("version 0.9.0", text);
        Assert.Contains("causes.retired-question", text);
        Assert.Contains("__proto__", text);
        Assert.Contains("culture.open-reporting", text);
        Assert.True(await page.EvaluateAsync<bool>("Object.getPrototypeOf({}) === Object.prototype && !('value' in {})"), "no prototype pollution");
        await page.GetByRole(AriaRole.Button, new() { Name = "Replace my answers with this file" }).ClickAsync();
        await page.Locator("text=Imported 1 answers").WaitForAsync();
        Assert.Contains("causes.retired-question", await page.Locator("[data-saved-summary]").InnerTextAsync());
        var exported = JsonNode.Parse(File.ReadAllText(await Download(page, "[data-action='export-json']")))!;
        Assert.Equal("2", exported["extra"]!["unmapped/causes.retired-question"]!["value"]!.GetValue<string>());
        Assert.Equal("3", exported["answers"]!["causes.beyond-individuals"]!["value"]!.GetValue<string>());
        s.AssertClean();
    }

    [Fact]
    public async Task Answers_saved_for_an_older_version_are_moved_by_question_and_the_rest_listed()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url("learning-maturity"));
        var record = """
            {"store":"cqcguide.store/1","revision":4,"updatedAt":"2025-06-01T10:00:00.000Z","unmapped":[],
             "progress":{"completed":["causes"],"lastSection":"causes","lastExportedAt":null},
             "file":{"format":"cqcguide.answers/1","assessment":{"id":"learning-maturity","version":"0.9.0"},"model":{"id":"learning-maturity","version":"1.0.0"},
               "createdAt":"2025-05-01T10:00:00.000Z","updatedAt":"2025-06-01T10:00:00.000Z","revision":4,
               "answers":{"causes.beyond-individuals":{"value":"3"},"causes.old-question":{"value":"2","note":"kept"}},"extra":{}}}
            """;
        await page.EvaluateAsync("v => localStorage.setItem('cqcguide:assessment:learning-maturity', v)", record);
        await s.Go(Url("learning-maturity", "causes/"));
        Assert.Contains("version 0.9.0", await page.Locator("main .notice").First.InnerTextAsync());
        Assert.True(await page.IsCheckedAsync("#q-causes\\.beyond-individuals-3"));
        await s.Go(Url("learning-maturity", "manage/"));
        Assert.Contains("causes.old-question", await page.Locator("[data-saved-summary]").InnerTextAsync());
        var stored = System.Text.Json.Nodes.JsonNode.Parse(await page.EvaluateAsync<string>("localStorage.getItem('cqcguide:assessment:learning-maturity')"))!;
        Assert.Equal("1.0.0", stored["file"]!["assessment"]!["version"]!.GetValue<string>());
        s.AssertClean();
    }

    [Fact]
    public async Task Corrupt_storage_gives_a_clear_message_and_a_download_of_what_is_there()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url("cqc-readiness"));
        await page.EvaluateAsync("localStorage.setItem('cqcguide:assessment:cqc-readiness', '{\"revision\": 3, \"file\": {broken')");
        await s.Go(Url("cqc-readiness", "safe/"));
        var alert = page.Locator("text=Your saved answers could not be read");
        await alert.WaitForAsync();
        var recovered = File.ReadAllText(await Download(page, "button:has-text(\"Download what is saved\")"));
        Assert.Equal("{\"revision\": 3, \"file\": {broken", recovered);
        // "Start again" reloads the page: wait for the new one to start before answering.
        await page.EvaluateAsync("window.beforeStartAgain = true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start again" }).ClickAsync();
        await page.WaitForFunctionAsync("() => !window.beforeStartAgain && document.documentElement.hasAttribute('data-ready')");
        var keys = await page.EvaluateAsync<string[]>("Object.keys(localStorage)");
        Assert.Contains(keys, k => k.StartsWith("cqcguide:assessment:cqc-readiness:unreadable:"));
        await page.CheckAsync("#q-safe\\.safeguarding-3");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Saved')");
    }

    [Fact]
    public async Task Two_tabs_never_overwrite_each_others_answers()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var a = s.Page;
        var b = await s.Context.NewPageAsync();
        await a.GotoAsync(Url("cqc-readiness", "caring/"));
        await b.GotoAsync(Url("cqc-readiness", "caring/"));
        foreach (var p in new[] { a, b }) await p.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
        await a.CheckAsync("#q-caring\\.kindness-compassion-dignity-3");
        await a.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Saved')");
        await b.WaitForFunctionAsync("() => document.querySelector('#q-caring\\\\.kindness-compassion-dignity-3').checked");
        await b.CheckAsync("#q-caring\\.workforce-wellbeing-2");
        await b.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Saved')");
        var stored = JsonNode.Parse(await a.EvaluateAsync<string>("localStorage.getItem('cqcguide:assessment:cqc-readiness')"))!;
        Assert.Equal("3", stored["file"]!["answers"]!["caring.kindness-compassion-dignity"]!["value"]!.GetValue<string>());
        Assert.Equal("2", stored["file"]!["answers"]!["caring.workforce-wellbeing"]!["value"]!.GetValue<string>());
        // A write based on an older revision is refused by the store itself.
        var refused = await a.EvaluateAsync<bool>("""
            async () => {
              const { RecordStore } = await import(document.querySelector('script[src*="site."]').src.replace(/site\.[0-9a-f]+\.js$/, '') + [...performance.getEntriesByType('resource')].map(e => e.name).find(n => /store\.[0-9a-f]+\.js$/.test(n)).split('/').pop());
              const store = new RecordStore('assessment', 'cqc-readiness');
              const current = store.read().record;
              return store.write({ ...current, file: {} }, current.revision - 1).ok === false;
            }
            """);
        Assert.True(refused);
    }

    [Fact]
    public async Task For_fifty_random_answer_sets_the_page_result_equals_cqcguide_score_on_the_exported_file()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        var rng = new Random(50);
        for (var i = 0; i < 50; i++)
        {
            var id = i % 2 == 0 ? "cqc-readiness" : "learning-maturity";
            await s.Go(Url(id, "manage/"));
            var def = await Definition(page);
            var answers = new JsonObject();
            foreach (var q in def.GetProperty("sections").EnumerateArray().SelectMany(sec => sec.GetProperty("questions").EnumerateArray()))
            {
                if (!q.GetProperty("scored").GetBoolean() || rng.NextDouble() < 0.15) continue;
                var options = q.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("value").GetString()!).ToArray();
                answers[q.GetProperty("id").GetString()!] = new JsonObject { ["value"] = options[rng.Next(options.Length)] };
            }
            var record = new JsonObject
            {
                ["store"] = "cqcguide.store/1", ["revision"] = 1, ["updatedAt"] = "2026-11-26T10:00:00.000Z",
                ["progress"] = new JsonObject { ["completed"] = new JsonArray(), ["lastSection"] = null, ["lastExportedAt"] = null },
                ["unmapped"] = new JsonArray(),
                ["file"] = new JsonObject
                {
                    ["format"] = "cqcguide.answers/1",
                    ["assessment"] = new JsonObject { ["id"] = id, ["version"] = def.GetProperty("version").GetString() },
                    ["model"] = new JsonObject { ["id"] = def.GetProperty("model").GetProperty("id").GetString(), ["version"] = def.GetProperty("model").GetProperty("version").GetString() },
                    ["createdAt"] = "2026-11-26T09:00:00.000Z", ["updatedAt"] = "2026-11-26T10:00:00.000Z", ["revision"] = 1,
                    ["answers"] = answers, ["extra"] = new JsonObject(),
                    ["options"] = i % 4 == 0 ? new JsonObject { ["applyLimiters"] = false } : null,
                },
            };
            if (record["file"]!["options"] is null) record["file"]!.AsObject().Remove("options");
            await page.EvaluateAsync("([k, v]) => localStorage.setItem(k, v)", new[] { $"cqcguide:assessment:{id}", record.ToJsonString() });
            await s.Go(Url(id, "results/"));
            await page.Locator(".results-table, [data-results] p a").First.WaitForAsync();
            var exported = await Download(page, "[data-action='export-json']");
            var (code, output, error) = Cli("score", exported);
            Assert.True(code == 0, error);
            var cli = JsonNode.Parse(output)!;
            var cqc = cli["keyQuestions"] is not null;
            var groups = (cqc ? cli["keyQuestions"] : cli["themes"])!.AsArray();
            var rows = await page.Locator(".results-table tbody tr").AllAsync();
            Assert.Equal(groups.Count, rows.Count);
            for (var g = 0; g < groups.Count; g++)
            {
                var cells = await rows[g].Locator("th, td").AllTextContentsAsync();
                var pct = groups[g]!["roundedPercentage"];
                Assert.Equal(groups[g]!["name"]!.GetValue<string>(), cells[0]);
                Assert.Equal(pct is null ? "—" : $"{pct.GetValue<int>()}%", cells[2]);
                Assert.Equal(groups[g]![cqc ? "ratingLabel" : "bandLabel"]!.GetValue<string>(), cells[3]);
                if (cqc) Assert.Equal(groups[g]!["limiter"] is null ? "No" : "Yes (see “Limiters and edges”)", cells[5]);
            }
            var overall = cli["overall"]![cqc ? "ratingLabel" : "bandLabel"]!.GetValue<string>();
            Assert.StartsWith(overall, await page.Locator(".result-panel__value").TextContentAsync());
            if (!cqc)
                Assert.Equal(cli["pitfalls"]!.AsArray().Count, await page.Locator(".pitfall-list li").CountAsync());
            else
                Assert.Equal(cli["notes"]!.AsArray().Select(n => n!.GetValue<string>()), await page.Locator(".result-notes li").AllTextContentsAsync());
            // What to do next: the rules' list, in the rules' order.
            Assert.Equal(cli["nextSteps"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()),
                await page.Locator("[data-next-step]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.nextStep)"));
        }
        s.AssertClean();
    }

    [Fact]
    public async Task Results_say_what_to_do_next_print_with_their_header_and_start_a_learning_log_by_keyboard()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url("cqc-readiness", "safe/"));
        await page.CheckAsync("#q-safe\\.learning-culture-2");
        await page.FillAsync("#q-safe\\.learning-culture-note", "Incidents are logged but nobody reviews them");
        await page.FillAsync("#q-safe\\.learning-culture\\.plan-text", "Review every incident at the monthly quality meeting");
        await page.CheckAsync("#q-safe\\.safeguarding-1");
        await page.CheckAsync("#q-safe\\.safe-environments-not-assessed");
        // The other five scored 4: (1 + 2 + 5 × 4) / 28 = 82%, good by percentage, but the 1 limits Safe to requires improvement.
        foreach (var id in new[] { "safe-systems-pathways-transitions", "involving-people-to-manage-risks", "safe-effective-staffing", "infection-prevention-control", "medicines-optimisation" })
            await page.CheckAsync($"#q-safe\\.{id}-4");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Saved')");
        await s.Go(Url("cqc-readiness", "results/"));
        await page.Locator("[data-next-step]").First.WaitForAsync();

        // Scored 1, then 2, then "not assessed"; statements not answered yet are not listed.
        Assert.Equal(["safe.safeguarding", "safe.learning-culture", "safe.safe-environments"],
            await page.Locator("[data-next-step]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.nextStep)"));
        var culture = page.Locator("[data-next-step='safe.learning-culture']");
        var text = await culture.InnerTextAsync();
        Assert.Contains("Your note: Incidents are logged but nobody reviews them", text);
        Assert.Contains("Review every incident at the monthly quality meeting", text);
        var links = await culture.Locator("a").EvaluateAllAsync<string[]>("els => els.map(a => a.getAttribute('href'))");
        Assert.Contains(links, l => l.EndsWith("/quality-statements/safe.learning-culture/", StringComparison.Ordinal));
        Assert.Contains(links, l => l.EndsWith("/guidance/root-causes/", StringComparison.Ordinal));
        Assert.Contains(await page.Locator(".result-notes li").AllTextContentsAsync(),
            n => n.StartsWith("One statement scored 1, so Safe cannot be better than “Requires improvement” in this self-assessment", StringComparison.Ordinal));
        Assert.DoesNotContain("statement-scored", await page.Locator("[data-results]").InnerTextAsync());

        // "Completed by", typed with the keyboard, is kept with the answers and in the downloaded file.
        await Keyboard.TabTo(page, "e => e.id === 'completed-by'", max: 40, what: "the “Completed by” field");
        await page.Keyboard.TypeAsync("Registered manager and deputy manager");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Saved')");
        await page.ReloadAsync();
        await page.Locator("[data-next-step]").First.WaitForAsync();
        Assert.Equal("Registered manager and deputy manager", await page.InputValueAsync("#completed-by"));
        var exported = File.ReadAllText(await Download(page, "[data-action='export-json']"));
        Assert.Contains("\"progress/completed-by\": {\n      \"value\": \"Registered manager and deputy manager\"", exported);
        var (code, _, error) = Cli("score", await Download(page, "[data-action='export-json']"));
        Assert.True(code == 0, error);

        // Printed (A4, 680 CSS pixels of text): nothing cut, and the header names the service, versions, date and who completed it.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.SetViewportSizeAsync(680, 1000);
        var overflow = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && e.getClientRects().length).map(e => e.tagName + '.' + e.className).slice(0, 5)");
        Assert.True(overflow.Length == 0, $"printed on A4: {string.Join(", ", overflow)} wider than the page");
        var meta = await page.Locator(".report-meta").InnerTextAsync();
        Assert.Contains("The CqcGuide project", meta);
        Assert.Contains("version 1.0.0", meta);
        Assert.Contains("cqc-saf 1.2.0", meta);
        Assert.Matches(@"Date\s+\d{1,2} [A-Z][a-z]+ \d{4}", meta);
        Assert.True(await page.IsVisibleAsync("#completed-by"));
        Assert.False(await page.IsVisibleAsync("[data-start-log]"));
        Assert.True((await page.PdfAsync(new() { Format = "A4" })).Length > 1000);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.SetViewportSizeAsync(1280, 900);

        // "Start a learning log about this", by keyboard: the draft log opens filled in with the statement, the note and the plan.
        await Keyboard.TabTo(page, "e => e.dataset.startLog === 'safe.learning-culture'", max: 80, what: "Start a learning log about learning culture");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/journal/draft/", new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 }); // readiness is html[data-ready]
        await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 }); // three rules modules load under a busy CPU
        Assert.Equal("Improving learning culture", await page.InputValueAsync("#f-title"));
        var summary = await page.InputValueAsync("#f-summary");
        Assert.Contains("scored “Learning culture” 2 – some shortfalls", summary);
        Assert.Contains("Incidents are logged but nobody reviews them", summary);
        Assert.True(await page.IsCheckedAsync("input[name='quality_statements'][value='safe.learning-culture']"));
        Assert.True(await page.IsCheckedAsync("input[name='event_type'][value='risk']"));
        s.AssertClean();
    }

    public static TheoryData<string> Pages() => new("", "tasks/", "safe/", "check/", "results/", "plan/", "manage/");

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_reports_no_violations_on_assessment_pages_with_answers(string path)
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url("cqc-readiness", "safe/"));
        await page.CheckAsync("#q-safe\\.learning-culture-2");
        await page.FillAsync("#q-safe\\.learning-culture\\.plan-text", "A plan");
        await page.CheckAsync("#q-safe\\.safeguarding-4");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Saved')");
        await s.Go(Url("cqc-readiness", path));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AccessibilityTests.AssertNoViolations(page);
        s.AssertClean();
    }
}
