using AngleSharp.Html.Parser;
using CqcGuide.Cli;
using Microsoft.Playwright;

namespace CqcGuide.Browser.Tests;

[Collection(SiteCollectionB.Name)]
public class JournalTests(SiteFixture site)
{
    [Fact]
    public async Task A_drafted_log_downloads_builds_unchanged_and_gets_the_same_findings_as_the_draft()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(site.BaseUrl + "/journal/draft/");
        await page.FillAsync("#f-id", "ll-2026-099");
        await page.FillAsync("#f-title", "Call bell not answered on the first floor");
        await page.CheckAsync("#f-event_type");
        await page.FillAsync("#f-occurred", "2026-10-02");
        await page.FillAsync("#f-identified", "2026-10-03");
        await page.CheckAsync("#f-harm-low");
        foreach (var q in new[] { "death", "impairment", "body_structure", "prolonged_pain", "prolonged_psychological_harm", "shortened_life_expectancy", "treatment_needed" })
            await page.CheckAsync($"#f-candour_{q}-no");
        await page.FillAsync("#f-candour_role", "GP");
        await page.FillAsync("#f-candour_opinion_date", "2026-10-03");
        await page.FillAsync("#f-summary", "A resident waited \"too long\": 25 minutes for help at night, as Sam Taylor Way was closed.");
        await page.SelectOptionAsync("#f-method", "swarm-huddle");
        await page.FillAsync("#f-held", "2026-10-03");
        await page.FillAsync("#f-roles", "Night nurse\nSenior carer");
        await page.ClickAsync("[data-add='factors']");
        await page.SelectOptionAsync("#f1-area", "person");
        await page.FillAsync("#f1-description", "The carer on the floor was on a break.");
        await page.ClickAsync("[data-add='actions']");
        await page.FillAsync("#a1-description", "Remind staff to cover breaks.");
        await page.CheckAsync("#a1-addresses-f1");
        await page.FillAsync("#a1-owner_role", "Deputy manager");
        await page.FillAsync("#a1-due", "2026-12-01");
        await page.ClickAsync("[data-add='notifications']");
        await page.SelectOptionAsync("#n1-to", "safeguarding");
        await page.FillAsync("#n1-date", "2026-10-04");
        await page.FillAsync("#n1-reference", "SG-1234");
        await page.SelectOptionAsync("#f-status", "actions-open");
        await page.ClickAsync(".statements-picker summary");
        await page.CheckAsync("#qs-safe\\.safe-effective-staffing");
        await page.CheckAsync("#f-redaction");
        await page.FillAsync("#f-redaction_by", "Registered manager");
        await page.FillAsync("#f-redaction_date", "2026-10-05");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Saved at')");

        var draftFindings = (await page.Locator("[data-findings] .finding").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.code + '|' + e.dataset.action)")).Order().ToArray();
        Assert.Equal(["LLQ001|", "LLQ002|", "LLQ004|a1", "LLQ008|a1"], draftFindings);

        // The draft survives a reload.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
        Assert.Equal("Remind staff to cover breaks.", await page.InputValueAsync("#a1-description"));
        Assert.True(await page.IsCheckedAsync("#a1-addresses-f1"));

        // The compiled personal-data rules flag the street's "Sam Taylor": a log meant for publication is not downloaded
        // until the finding is removed or ticked as not personal data.
        Assert.Contains("Sam Taylor", await page.Locator("[data-personal-data-findings]").InnerTextAsync());
        await page.ClickAsync("form[data-log-form] button[type=submit]");
        Assert.Contains("“Sam Taylor” in “Summary” looks like a person's name", await page.Locator(".error-summary").InnerTextAsync());
        await page.CheckAsync("[data-personal-data-findings] input[type=checkbox]");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-personal-data-findings] input[type=checkbox]').checked");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("form[data-log-form] button[type=submit]"));
        Assert.Equal("ll-2026-099.md", download.SuggestedFilename);
        var input = Path.Combine(Path.GetTempPath(), "cqcguide-journal", Guid.NewGuid().ToString("N"));
        CopyDirectory(Path.Combine(Repo.Root, "input"), input);
        await download.SaveAsAsync(Path.Combine(input, "journal", "ll-2026-099.md"));
        var output = input + "-out";
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(["build", "--input", input, "--output", output, "--theme", Path.Combine(Repo.Root, "theme"), "--date", "2026-11-26", "--no-search"], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        var buildFindings = stderr.ToString().Split('\n')
            .Where(l => l.Contains("journal/ll-2026-099.md") && l.Contains("warning CG810"))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"CG810: (LLQ\d+) ").Groups[1].Value)
            .ToArray();
        Assert.Equal(draftFindings.Select(f => f.Split('|')[0]).Order(), buildFindings.Order());
        Assert.DoesNotContain("CG802", stderr.ToString());
        Assert.DoesNotContain("CG808", stderr.ToString());
        Assert.DoesNotContain("CG811", stderr.ToString());
        Assert.Contains("not_personal_data: [\"Sam Taylor\"]", File.ReadAllText(Path.Combine(input, "journal", "ll-2026-099.md")));
        Assert.Contains("notifications:\n  - to: safeguarding\n    date: 2026-10-04\n    reference: \"SG-1234\"\n", File.ReadAllText(Path.Combine(input, "journal", "ll-2026-099.md")));

        await page.GotoAsync(site.BaseUrl + "/journal/");
        var built = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "journal/ll-2026-099/index.html")));
        Assert.Equal("Call bell not answered on the first floor", built.QuerySelector("h1")!.TextContent);
        Assert.Equal("A resident waited \"too long\": 25 minutes for help at night, as Sam Taylor Way was closed.", built.QuerySelector(".lead")!.TextContent);
        var pageCodes = built.QuerySelectorAll(".findings .finding").Select(li => System.Text.RegularExpressions.Regex.Match(li.TextContent, @"\((LLQ\d+)\)").Groups[1].Value).Order();
        Assert.Equal(draftFindings.Select(f => f.Split('|')[0]).Order(), pageCodes);
        Assert.Contains("Local authority safeguarding team", built.QuerySelector("main")!.TextContent);
        s.AssertClean();

        // "Propose it on GitHub" (the build writes the button when organisation.yml names a repository; this site names
        // none, so the test adds the same button): only when pressed, the same file goes to GitHub's new-file page of
        // that repository, and nowhere else.
        await s.Go(site.BaseUrl + "/journal/draft/");
        await page.EvaluateAsync("""
            () => {
              const b = document.createElement('button');
              Object.assign(b, { type: 'submit', name: 'action', value: 'propose', textContent: 'Propose it on GitHub' });
              b.dataset.proposeUrl = 'https://github.com/example-care/our-journal/new/main/input/journal';
              b.dataset.uploadUrl = 'https://github.com/example-care/our-journal/upload/main/input/journal';
              document.querySelector('form[data-log-form] .button-group').append(b);
            }
            """);
        Assert.Empty(s.ForeignRequests);
        await page.ClickAsync("button[value=propose]");
        for (var i = 0; i < 50 && s.ForeignRequests.Count == 0; i++) await Task.Delay(100);
        var proposed = Assert.Single(s.ForeignRequests);
        const string start = "https://github.com/example-care/our-journal/new/main/input/journal?filename=ll-2026-099.md&value=";
        Assert.StartsWith(start, proposed);
        Assert.Equal(File.ReadAllText(Path.Combine(input, "journal", "ll-2026-099.md")), Uri.UnescapeDataString(proposed[start.Length..]));
    }

    [Fact]
    public async Task Submitting_an_empty_draft_shows_a_focused_error_summary_and_keeps_input()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(site.BaseUrl + "/journal/draft/");
        await page.FillAsync("#f-title", "Half-written");
        await page.FillAsync("#f-occurred", "2026-10-05");
        await page.FillAsync("#f-identified", "2026-10-01");
        await page.ClickAsync("form[data-log-form] button[type=submit]");
        var summary = page.Locator(".error-summary");
        await summary.WaitForAsync();
        Assert.True(await summary.EvaluateAsync<bool>("e => e === document.activeElement"));
        var text = await summary.InnerTextAsync();
        // The compiled learning-log-validation rules' own words, as the build prints them.
        Assert.Contains("The log has no id", text);
        Assert.Contains("Identified (2026-10-01) is before the event occurred (2026-10-05)", text);
        Assert.Contains("The log does not say what type of event it was", text);
        // Each entry links to its field.
        Assert.Equal("#f-identified", await summary.Locator("a", new() { HasText = "Identified (2026-10-01)" }).GetAttributeAsync("href"));
        Assert.Equal("Half-written", await page.InputValueAsync("#f-title"));
        await AccessibilityTests.AssertNoViolations(page);
        s.AssertClean();
    }

    [Fact]
    public async Task A_notification_to_someone_else_without_who_or_when_is_an_error_on_that_notification()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(site.BaseUrl + "/journal/draft/");
        await page.ClickAsync("[data-add='notifications']");
        Assert.Equal("n1-to", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.SelectOptionAsync("#n1-to", "other");
        await page.ClickAsync("form[data-log-form] button[type=submit]");
        var links = await page.Locator(".error-summary a").EvaluateAllAsync<string[]>("els => els.map(a => a.getAttribute('href') + ' ' + a.textContent)");
        Assert.Contains(links, l => l.StartsWith("#n1-recipient ", StringComparison.Ordinal));
        Assert.Contains(links, l => l.StartsWith("#n1-date ", StringComparison.Ordinal));
        Assert.Equal("other", await page.InputValueAsync("#n1-to"));
        await AccessibilityTests.AssertNoViolations(page);
        s.AssertClean();
    }

    [Fact]
    public async Task The_journal_index_filters_by_status_key_question_and_event_type()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(site.BaseUrl + "/journal/");
        var all = await page.Locator(".journal-list > li").CountAsync();
        Assert.Equal(7, all);
        await page.SelectOptionAsync("#filter-status", "closed");
        var closed = await page.Locator(".journal-list > li:visible").CountAsync();
        Assert.InRange(closed, 1, all - 1);
        Assert.Contains($"Showing {closed} of {all}", await page.Locator("[data-filter-count]").TextContentAsync());
        await page.SelectOptionAsync("#filter-status", "");
        await page.SelectOptionAsync("#filter-event", "good-care");
        Assert.Equal(1, await page.Locator(".journal-list > li:visible").CountAsync());
        await page.SelectOptionAsync("#filter-event", "");
        await page.SelectOptionAsync("#filter-kq", "safe");
        Assert.True(await page.Locator(".journal-list > li:visible").CountAsync() >= 3);
        Assert.Contains("kq=safe", page.Url);
        s.AssertClean();
    }

    public static TheoryData<string> Pages() => new("/journal/", "/journal/ll-2026-009/", "/journal/ll-2026-002/", "/journal/actions/",
        "/journal/evidence/", "/journal/evidence/safe.learning-culture/", "/journal/draft/", "/scoring/cqc-saf/", "/scoring/");

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_reports_no_violations_on_journal_pages(string path)
    {
        await using var s = await BrowserSession.StartAsync(site);
        await s.Go(site.BaseUrl + path);
        await AccessibilityTests.AssertNoViolations(s.Page);
        s.AssertClean();
    }

    [Fact]
    public async Task The_tracker_shows_overdue_actions_as_of_the_build_date()
    {
        await using var s = await BrowserSession.StartAsync(site);
        await s.Go(site.BaseUrl + "/journal/actions/");
        var overdue = await s.Page.Locator("h2#overdue + div table tbody tr").CountAsync();
        Assert.True(overdue >= 1);
        Assert.Contains("26 November 2026", await s.Page.Locator(".lead").TextContentAsync());
    }

    private const string DraftKey = "cqcguide:log-draft:current";

    [Theory]
    [InlineData("""{"format":"cqcguide.log-draft/1","revision":3,"draft":{"title":"Kept","roles":"Night nurse"}}""")]
    [InlineData("""{"format":"cqcguide.log-draft/1","revision":3,"draft":{"factors":"f1"}}""")]
    [InlineData("""{"revision":1}""")]
    public async Task A_stored_draft_of_the_wrong_shape_shows_the_could_not_be_read_panel(string stored)
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(site.BaseUrl + "/journal/draft/");
        await page.EvaluateAsync("([k, v]) => localStorage.setItem(k, v)", new[] { DraftKey, stored });
        await s.Go(site.BaseUrl + "/journal/draft/");
        Assert.True(await page.Locator("text=Your saved draft could not be read").IsVisibleAsync());
        var recovered = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download what is saved" }).ClickAsync());
        Assert.Matches(@"^learning-log-draft-recovered-\d{4}-\d{2}-\d{2}\.txt$", recovered.SuggestedFilename);
        Assert.Equal(stored, await page.EvaluateAsync<string>($"localStorage.getItem('{DraftKey}')"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Start again" }).ClickAsync();
        await page.WaitForSelectorAsync("form[data-log-form]:not([hidden])");
        s.AssertClean();
    }

    [Fact]
    public async Task Two_draft_tabs_merge_different_fields_and_ask_about_the_same_field()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var a = s.Page;
        var b = await s.Context.NewPageAsync();
        await a.GotoAsync(site.BaseUrl + "/journal/draft/");
        await b.GotoAsync(site.BaseUrl + "/journal/draft/");
        foreach (var p in new[] { a, b }) await p.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
        const string saved = "() => document.querySelector('[data-save-status]').textContent.startsWith('Saved at')";
        await a.FillAsync("#f-title", "Title typed in tab A");
        await b.FillAsync("#f-summary", "Summary typed in tab B");
        // Whichever tab saves first, the other merges its field onto that draft: each tab ends up showing both.
        await a.WaitForFunctionAsync("() => document.querySelector('#f-summary').value === 'Summary typed in tab B'");
        await b.WaitForFunctionAsync("() => document.querySelector('#f-title').value === 'Title typed in tab A'");
        Assert.Equal(0, await b.Locator("[data-conflict]").CountAsync());
        var stored = System.Text.Json.Nodes.JsonNode.Parse(await a.EvaluateAsync<string>($"localStorage.getItem('{DraftKey}')"))!;
        Assert.Equal("Title typed in tab A", stored["draft"]!["title"]!.GetValue<string>());
        Assert.Equal("Summary typed in tab B", stored["draft"]!["summary"]!.GetValue<string>());

        // Both tabs change the title: the tab that saves second keeps its own and is asked, with the other tab's title shown.
        // Both edits must be pending at once (each tab saves 0.3 s after its last key): tab B types, then tab A types only
        // if B's title is not stored yet (checked and typed in one script), else the pair is tried again; on a busy machine
        // B's save can land before A's keystroke. Either tab may save second, so the test follows the one that is asked.
        const string type = "v => { const t = document.querySelector('#f-title'); t.focus(); t.value = v; t.dispatchEvent(new Event('input', { bubbles: true })); }";
        const string typeUnlessStored = """
            ([v, theirs, key]) => { if ((localStorage.getItem(key) || '').includes(theirs)) return false;
              const t = document.querySelector('#f-title'); t.focus(); t.value = v; t.dispatchEvent(new Event('input', { bubbles: true })); return true; }
            """;
        (IPage Page, string Title)? asked = null, other = null;
        for (var attempt = 0; attempt < 5 && asked is null; attempt++)
        {
            var (titleA, titleB) = ($"Tab A's title {attempt}", $"Tab B's title {attempt}");
            await b.EvaluateAsync(type, titleB);
            var bothPending = await a.EvaluateAsync<bool>(typeUnlessStored, new[] { titleA, titleB, DraftKey });
            foreach (var p in new[] { a, b })
                await p.WaitForFunctionAsync("() => !document.querySelector('[data-save-status]').textContent.startsWith('Saving')");
            if (!bothPending) continue;
            for (var poll = 0; poll < 300 && asked is null; poll++)
            {
                if (await a.Locator("[data-conflict]").CountAsync() > 0) (asked, other) = ((a, titleA), (b, titleB));
                else if (await b.Locator("[data-conflict]").CountAsync() > 0) (asked, other) = ((b, titleB), (a, titleA));
                else await Task.Delay(100);
            }
            Assert.True(asked is not null, "both titles were pending at once, yet neither tab asked which to keep");
        }
        Assert.True(asked is not null, "in five tries tab A never typed before tab B's title was saved");
        var (page, mine) = asked!.Value;
        var theirs = other!.Value;
        Assert.Equal(0, await theirs.Page.Locator("[data-conflict]").CountAsync());
        Assert.Contains($"The other tab had: “{theirs.Title}”", await page.Locator("[data-conflict]").InnerTextAsync());
        await page.WaitForFunctionAsync(saved);
        stored = System.Text.Json.Nodes.JsonNode.Parse(await page.EvaluateAsync<string>($"localStorage.getItem('{DraftKey}')"))!;
        Assert.Equal(mine, stored["draft"]!["title"]!.GetValue<string>());
        await theirs.Page.WaitForFunctionAsync("v => document.querySelector('#f-title').value === v", mine);
        await AccessibilityTests.AssertNoViolations(page);
        s.AssertClean();
    }

    [Fact]
    public async Task With_storage_turned_off_start_a_new_draft_shows_a_message_not_an_error()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Context.AddInitScriptAsync("Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });");
        await s.Go(site.BaseUrl + "/journal/draft/");
        await page.FillAsync("#f-title", "Not kept");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Not saved:')");
        await page.ClickAsync("[data-action='new-draft']");
        await page.ClickAsync("[data-action='new-draft']");
        Assert.StartsWith("Nothing was deleted:", await page.Locator("[data-save-status]").TextContentAsync());
        Assert.Equal("Not kept", await page.InputValueAsync("#f-title"));
        s.AssertClean();
    }

    internal static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
    }
}
