using System.Text.Json;
using Microsoft.Playwright;

namespace CqcGuide.Browser.Tests;

/// <summary>
/// The team page (issue 17): three people answer on their own devices and download their answers; the facilitator
/// imports the files in a fresh browser, sees the spread and the questions to discuss, agrees answers, and the agreed
/// answers score on the page exactly as `cqcguide score` scores the downloaded file.
/// </summary>
[Collection(SiteCollectionB.Name)]
public class TeamTests(SiteFixture site)
{
    private string Url(string path = "") => $"{site.BaseUrl}/assessments/learning-maturity/{path}";

    private static (int Code, string Output, string Error) Cli(params string[] args) => AssessmentTests.Cli(args);

    private static Task<string> Download(IPage page, string selector) => AssessmentTests.Download(page, selector);

    /// <summary>One person answers three governance questions on their own device and downloads the file.</summary>
    private async Task<string> Answer(string structuredReviews, string reflection, string escalation, string? note)
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url("governance/"));
        await page.CheckAsync($"#q-governance\\.structured-reviews-{structuredReviews}");
        await page.CheckAsync($"#q-governance\\.reflection-documented-{reflection}");
        await page.CheckAsync($"#q-governance\\.escalation-oversight-{escalation}");
        if (note is not null) await page.FillAsync("#q-governance\\.reflection-documented-note", note);
        await page.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Saved')");
        await s.Go(Url("manage/"));
        var path = await Download(page, "[data-action='export-json']");
        s.AssertClean();
        return path;
    }

    private static async Task Add(IPage page, string role, string path, int expected)
    {
        await page.FillAsync("#team-role", role);
        await page.SetInputFilesAsync("#team-file", path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the comparison" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"People compared ({expected})" }).WaitForAsync();
    }

    [Fact]
    public async Task Three_files_compare_flag_disagreement_and_the_agreed_answers_score_as_the_cli_scores_them()
    {
        const string hostileNote = "<b>we log</b> <img src=x onerror=alert(1)>";
        var files = new[]
        {
            await Answer("1", "3", "2", hostileNote),
            await Answer("3", "3", "2", null),
            await Answer("4", "na", "2", null),
        };

        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url("team/"));
        await page.GetByText("No answers added yet").WaitForAsync();
        await Add(page, "Registered manager", files[0], 1);
        await Add(page, "Senior carer", files[1], 2);
        await Add(page, "", files[2], 3);
        var people = await page.Locator("[data-team-people] tbody th").EvaluateAllAsync<string[]>("cells => cells.map((c) => c.firstChild.textContent)");
        Assert.Equal(["Registered manager", "Senior carer", "Person 3"], people);

        // The same file twice is refused with an error summary, and the comparison is unchanged.
        await page.SetInputFilesAsync("#team-file", files[1]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the comparison" }).ClickAsync();
        Assert.Contains("already in the comparison, as “Senior carer”", await page.Locator(".error-summary").InnerTextAsync());
        Assert.Contains("already in the comparison", await page.Locator("#team-file-error").InnerTextAsync());

        Assert.Contains("2 of 35 questions to discuss", await page.Locator("[data-team-results]").InnerTextAsync());
        var spread = page.Locator("[data-team-question='governance.structured-reviews']");
        Assert.Contains("Discuss", await spread.Locator("h4").InnerTextAsync());
        Assert.Contains("Scores are 3 steps apart: from “1 – Reactive” to “4 – Embedded”.", await spread.InnerTextAsync());
        Assert.Equal("3", await spread.Locator("select").InputValueAsync());
        var notScored = page.Locator("[data-team-question='governance.reflection-documented']");
        Assert.Contains("Not everyone scored it: 1 answered “Not applicable”.", await notScored.InnerTextAsync());
        // Notes are shown as text, side by side: nothing a person typed becomes markup.
        Assert.Contains(hostileNote, await notScored.Locator(".team-question__notes").InnerTextAsync());
        Assert.Equal(0, await page.Locator(".team-question__notes b, .team-question__notes img").CountAsync());
        var agreedOn = page.Locator("[data-team-question='governance.escalation-oversight']");
        Assert.DoesNotContain("Discuss", await agreedOn.Locator("h4").InnerTextAsync());
        Assert.Contains("everyone who scored it agrees", await agreedOn.InnerTextAsync());

        // `score --team` prints the same distributions and flags.
        var team = Cli("score", "--team", files[0], files[1], files[2]);
        Assert.True(team.Code == 0, team.Error);
        using (var doc = JsonDocument.Parse(team.Output))
        {
            var items = doc.RootElement.GetProperty("team").GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
            Assert.Equal(2, doc.RootElement.GetProperty("team").GetProperty("discuss").GetInt32());
            foreach (var id in new[] { "governance.structured-reviews", "governance.reflection-documented", "governance.escalation-oversight" })
            {
                var rows = await page.Locator($"[data-team-question='{id}'] tbody tr").EvaluateAllAsync<string[][]>(
                    "rows => rows.map((r) => [...r.children].slice(0, 2).map((c) => c.textContent))");
                var cli = items[id].GetProperty("scores").EnumerateArray().Concat(items[id].GetProperty("other").EnumerateArray())
                    .Where(c => c.GetProperty("count").GetInt32() > 0).Select(c => new[] { c.GetProperty("label").GetString()!, c.GetProperty("count").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) });
                Assert.Equal(cli.Select(r => string.Join("=", r)), rows.Where(r => r[0] != "No answer").Select(r => string.Join("=", r)));
                Assert.Equal(items[id].GetProperty("discuss").GetBoolean(), await page.Locator($"[data-team-question='{id}'] .tag--discuss").CountAsync() == 1);
            }
        }

        // Agree a lower answer than the median; the ratings table's agreed column follows.
        await spread.Locator("select").SelectOptionAsync("2");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Agreed answer')");
        Assert.Equal("2", await page.Locator("[data-team-question='governance.structured-reviews'] select").InputValueAsync());
        var agreedOverall = await page.Locator("[data-overall-row] [data-agreed]").InnerTextAsync();
        await AccessibilityTests.AssertNoViolations(page);

        var agreedPath = await Download(page, "[data-action='team-download']");
        var scored = Cli("score", agreedPath);
        Assert.True(scored.Code == 0, scored.Error);
        using (var result = JsonDocument.Parse(scored.Output))
        {
            Assert.Equal(agreedOverall, result.RootElement.GetProperty("overall").GetProperty("bandLabel").GetString());
            var answers = JsonDocument.Parse(File.ReadAllText(agreedPath)).RootElement.GetProperty("answers");
            Assert.Equal("2", answers.GetProperty("governance.structured-reviews").GetProperty("value").GetString());
            Assert.Equal("3", answers.GetProperty("governance.reflection-documented").GetProperty("value").GetString());
            Assert.Equal("2", answers.GetProperty("governance.escalation-oversight").GetProperty("value").GetString());
        }

        // The agreed answers become this browser's answers, and the results page shows what the CLI printed.
        await page.ClickAsync("[data-action='team-use']");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, replace them" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "See the results" }).ClickAsync();
        await page.WaitForSelectorAsync("html[data-ready]");
        await page.Locator(".result-panel__value").WaitForAsync();
        Assert.StartsWith(agreedOverall, await page.Locator(".result-panel__value").InnerTextAsync());

        // "Delete all imported files" leaves nothing of the comparison in this browser.
        await s.Go(Url("team/"));
        await page.ClickAsync("[data-action='team-delete']");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete them" }).ClickAsync();
        await page.GetByText("No answers added yet").WaitForAsync();
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('cqcguide:team:learning-maturity')"));
        s.AssertClean();
    }

    [Fact]
    public async Task With_storage_turned_off_the_comparison_works_on_the_page_and_says_it_is_not_kept()
    {
        var files = new[] { await Answer("1", "3", "2", null), await Answer("4", "3", "2", null) };
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Context.AddInitScriptAsync("Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });");
        await s.Go(Url("team/"));
        var notice = page.Locator("[data-team-page-only]");
        Assert.Contains("kept on this page only", await notice.InnerTextAsync());
        await Add(page, "Registered manager", files[0], 1);
        await Add(page, "Senior carer", files[1], 2);
        var spread = page.Locator("[data-team-question='governance.structured-reviews']");
        Assert.Contains("Discuss", await spread.Locator("h4").InnerTextAsync());
        await spread.Locator("select").SelectOptionAsync("2");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Agreed answer')");
        var agreedPath = await Download(page, "[data-action='team-download']");
        using (var agreed = JsonDocument.Parse(File.ReadAllText(agreedPath)))
            Assert.Equal("2", agreed.RootElement.GetProperty("answers").GetProperty("governance.structured-reviews").GetProperty("value").GetString());
        await AccessibilityTests.AssertNoViolations(page);
        await page.ClickAsync("[data-action='team-delete']");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete them" }).ClickAsync();
        await page.GetByText("No answers added yet").WaitForAsync();
        Assert.Equal(1, await notice.CountAsync());
        s.AssertClean();
    }

    [Fact]
    public async Task A_file_that_is_not_answers_and_an_overlong_role_get_an_error_summary_and_change_nothing()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url("team/"));
        await page.FillAsync("#team-role", new string('x', 70));
        await page.SetInputFilesAsync("#team-file", new FilePayload { Name = "notes.json", MimeType = "application/json", Buffer = "[1,2]"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the comparison" }).ClickAsync();
        var summary = page.Locator(".error-summary");
        await summary.WaitForAsync();
        var text = await summary.InnerTextAsync();
        Assert.Contains("does not contain a set of answers", text);
        Assert.Contains("The role must be 60 characters or fewer", text);
        Assert.True(await summary.EvaluateAsync<bool>("e => e === document.activeElement"));
        Assert.Equal(new string('x', 70), await page.InputValueAsync("#team-role"));
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('cqcguide:team:learning-maturity')"));
        await AccessibilityTests.AssertNoViolations(page);
        s.AssertClean();
    }
}
