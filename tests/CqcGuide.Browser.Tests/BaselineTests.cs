using System.Text.Json;
using Microsoft.Playwright;

namespace CqcGuide.Browser.Tests;

/// <summary>
/// Starting from the last published scores (issue 13 item 5) in the browser: the scores are entered on the baseline
/// page, a statement with one offers "keep the last published score", the results count kept scores as CQC does, the
/// results equal `cqcguide score` on the downloaded file, and the baseline survives a download, delete and import.
/// </summary>
[Collection(SiteCollection.Name)]
public class BaselineTests(SiteFixture site)
{
    private string Url(string path = "") => $"{site.BaseUrl}/assessments/cqc-readiness/{path}";

    private static readonly string[] Safe =
    [
        "safe.learning-culture", "safe.safe-systems-pathways-transitions", "safe.safeguarding", "safe.involving-people-to-manage-risks",
        "safe.safe-environments", "safe.safe-effective-staffing", "safe.infection-prevention-control", "safe.medicines-optimisation",
    ];

    private static string Radio(string id, string value) => $"#q-{id.Replace(".", "\\.", StringComparison.Ordinal)}-{value}";

    [Fact]
    public async Task Three_reassessed_statements_and_five_kept_scores_give_the_totals_the_cli_gives_and_survive_an_import()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(Url());
        await page.GetByRole(AriaRole.Link, new() { Name = "Start from your last published scores" }).ClickAsync();
        await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached });
        await page.FillAsync("#baseline-published-on", "2026-03-14");
        await page.DispatchEventAsync("#baseline-published-on", "change");
        foreach (var id in Safe)
            await page.SelectOptionAsync($"[data-baseline-statement='{id}']", "2");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Saved')");
        await AccessibilityTests.AssertNoViolations(page);

        // Re-assess three statements; keep the published score of two explicitly and leave three unanswered (also kept).
        await s.Go(Url("safe/"));
        Assert.Equal(8, await page.Locator("[data-keep]").CountAsync());
        Assert.Contains("Your last report scored it 2", await page.Locator("[data-keep]").First.InnerTextAsync());
        await page.CheckAsync(Radio(Safe[0], "3"));
        await page.CheckAsync(Radio(Safe[1], "3"));
        await page.CheckAsync(Radio(Safe[2], "4"));
        await page.CheckAsync(Radio(Safe[3], "keep"));
        await page.CheckAsync(Radio(Safe[4], "keep"));
        await page.WaitForFunctionAsync("() => document.querySelector('[data-save-status]').textContent.startsWith('Saved')");
        await AccessibilityTests.AssertNoViolations(page);

        await s.Go(Url("manage/"));
        var path = await AssessmentTests.Download(page, "[data-action='export-json']");
        using var file = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal("2026-03-14", file.RootElement.GetProperty("baseline").GetProperty("publishedOn").GetString());
        Assert.Equal(8, file.RootElement.GetProperty("baseline").GetProperty("scores").EnumerateObject().Count());
        Assert.Equal("not-reassessed", file.RootElement.GetProperty("answers").GetProperty(Safe[3]).GetProperty("value").GetString());

        // Worked numbers: new 3 + 3 + 4 = 10, kept 5 × 2 = 10: 20 of 32 for Safe, as CQC keeps the scores it does not look at again.
        var score = AssessmentTests.Cli("score", path);
        Assert.Equal(0, score.Code);
        using var scored = JsonDocument.Parse(score.Output);
        var safe = scored.RootElement.GetProperty("keyQuestions").EnumerateArray().Single(k => k.GetProperty("id").GetString() == "safe");
        Assert.Equal(20, safe.GetProperty("sum").GetInt32());
        Assert.Equal(32, safe.GetProperty("maximum").GetInt32());

        await s.Go(Url("results/"));
        var row = page.Locator(".results-table tbody tr", new() { HasText = "Safe" });
        await row.WaitForAsync();
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Equal($"{safe.GetProperty("roundedPercentage").GetInt32()}%", cells[1]);
        Assert.Equal(safe.GetProperty("ratingLabel").GetString(), cells[2]);
        Assert.Contains("Not answered: keeps the last published score (2 – Some shortfalls)", await page.Locator("[data-print-answers]").InnerTextAsync());

        // Delete, then import the downloaded file: the baseline and the "keep" answers come back.
        await s.Go(Url("manage/"));
        await page.ClickAsync("[data-action='delete']");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete my answers" }).ClickAsync();
        await page.Locator("text=Your answers have been deleted").WaitForAsync();
        await page.SetInputFilesAsync("#import-file", path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Replace my answers with this file" }).ClickAsync();
        await page.Locator("text=Imported 5 answers").WaitForAsync();
        var stored = JsonDocument.Parse(await page.EvaluateAsync<string>("localStorage.getItem('cqcguide:assessment:cqc-readiness')")).RootElement.GetProperty("file");
        Assert.Equal("2", stored.GetProperty("baseline").GetProperty("scores").GetProperty(Safe[7]).GetString());
        Assert.Equal("not-reassessed", stored.GetProperty("answers").GetProperty(Safe[4]).GetProperty("value").GetString());
        s.AssertClean();
    }
}
