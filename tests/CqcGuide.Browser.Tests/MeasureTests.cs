using System.Text.Json.Nodes;
using CqcGuide.Cli;

namespace CqcGuide.Browser.Tests;

/// <summary>Measures in the browser: the pages pass axe, and "Check your own data" analyses a pasted series with the
/// compiled spc rules, exactly as the command line does, without sending it anywhere.</summary>
[Collection(SiteCollectionB.Name)]
public class MeasureTests(SiteFixture site)
{
    private const string Series = "period,value\n2025-01,5\n2025-02,6\n2025-03,4\n2025-04,7\n2025-05,5\n2025-06,6\n2025-07,5\n2025-08,4\n"
        + "2025-09,6\n2025-10,5\n2025-11,7\n2025-12,6\n2026-01,1\n2026-02,0\n";

    public static TheoryData<string> Pages() => new("/measures/", "/measures/night-falls/", "/measures/check/");

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_reports_no_violations_on_measure_pages(string path)
    {
        await using var s = await BrowserSession.StartAsync(site);
        await s.Go(site.BaseUrl + path);
        await AccessibilityTests.AssertNoViolations(s.Page);
        s.AssertClean();
    }

    [Fact]
    public async Task Pasted_data_gets_the_same_reading_and_chart_as_the_command_line_and_never_leaves_the_browser()
    {
        // What the command line says about the same series.
        var csv = Path.Combine(Path.GetTempPath(), $"cqcguide-spc-{Guid.NewGuid():N}.csv");
        File.WriteAllText(csv, Series);
        var stdout = new StringWriter();
        Assert.Equal(0, CliApp.Run(["spc", csv, "--json", "--direction", "decrease", "--target", "2", "--minimum", "0"], stdout, new StringWriter()));
        File.Delete(csv);
        var expected = JsonNode.Parse(stdout.ToString())!;

        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(site.BaseUrl + "/measures/check/");
        await page.FillAsync("#f-csv", Series);
        await page.CheckAsync("#f-direction");
        await page.FillAsync("#f-target", "2");
        await page.FillAsync("#f-minimum", "0");
        await page.Keyboard.PressAsync("Tab");
        await page.ClickAsync("form[data-spc-form] button[type=submit]");

        Assert.Equal("spc-results-title", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal(expected["summary"]!["reading"]!.GetValue<string>(), await page.Locator("[data-spc-results] .lead").InnerTextAsync());
        var improvements = expected["chart"]!["points"]!.AsArray().Count(p => p!["marker"]!.GetValue<int>() == 1);
        Assert.True(improvements > 0);
        Assert.Equal(improvements, await page.Locator("[data-spc-results] .spc-chart__point--improvement").CountAsync());
        Assert.Equal(expected["chart"]!["description"]!.GetValue<string>(), await page.Locator("[data-spc-results] svg desc").TextContentAsync());
        Assert.Equal(14, await page.Locator("[data-spc-results] tbody tr").CountAsync());
        await AccessibilityTests.AssertNoViolations(page);

        // Nothing typed was sent: no request carries any of the data.
        Assert.DoesNotContain(s.Requests, r => r.Url.Contains("2025-03", StringComparison.Ordinal) || (r.Body ?? "").Contains("2025-03", StringComparison.Ordinal));
        s.AssertClean();
    }

    /// <summary>Thirty series, seeded: 8 to 30 months, a level between 2 and 60, noise, and in most of them a shift, a trend or an outlier.</summary>
    private static IEnumerable<(string Csv, string Direction)> RandomSeries()
    {
        var random = new Random(20261202);
        string[] directions = ["decrease", "increase", "neutral"];
        for (var i = 0; i < 30; i++)
        {
            var n = random.Next(8, 31);
            var level = 2 + random.Next(59);
            var noise = 1 + random.Next(Math.Max(2, level / 3));
            var kind = random.Next(4);
            var at = random.Next(n / 2, n);
            var rows = Enumerable.Range(0, n).Select(j =>
            {
                var v = level + random.Next(-noise, noise + 1)
                    + (kind == 1 && j >= at ? noise * 2 : 0) + (kind == 2 ? j / 2 : 0) + (kind == 3 && j == at ? noise * 4 : 0);
                return $"{2024 + j / 12}-{j % 12 + 1:00},{Math.Max(0, v)}";
            });
            yield return ("period,value\n" + string.Join("\n", rows) + "\n", directions[i % 3]);
        }
    }

    [Fact]
    public async Task Thirty_random_series_get_the_same_findings_in_chromium_as_from_the_command_line()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(site.BaseUrl + "/measures/check/");
        var checkedSeries = 0;
        foreach (var (series, direction) in RandomSeries())
        {
            var csv = Path.Combine(Path.GetTempPath(), $"cqcguide-spc-{Guid.NewGuid():N}.csv");
            File.WriteAllText(csv, series);
            var stdout = new StringWriter();
            Assert.Equal(0, CliApp.Run(["spc", csv, "--json", "--direction", direction], stdout, new StringWriter()));
            File.Delete(csv);
            var expected = JsonNode.Parse(stdout.ToString())!;

            await page.FillAsync("#f-csv", series);
            await page.CheckAsync(direction == "decrease" ? "#f-direction" : $"#f-direction-{direction}");
            await page.EvaluateAsync("() => { const r = document.querySelector('[data-spc-results]'); if (r) r.replaceChildren(); }");
            await page.ClickAsync("form[data-spc-form] button[type=submit]");
            await page.Locator("[data-spc-results] .lead").WaitForAsync();
            Assert.Equal(expected["summary"]!["reading"]!.GetValue<string>(), await page.Locator("[data-spc-results] .lead").InnerTextAsync());
            Assert.Equal(expected["chart"]!["description"]!.GetValue<string>(), await page.Locator("[data-spc-results] svg desc").TextContentAsync());
            foreach (var (marker, css) in new[] { (1, "improvement"), (2, "concern"), (3, "neutral") })
                Assert.Equal(expected["chart"]!["points"]!.AsArray().Count(p => p!["marker"]!.GetValue<int>() == marker),
                    await page.Locator($"[data-spc-results] .spc-chart__point--{css}").CountAsync());
            Assert.Equal(series.Count(c => c == '\n') - 1, await page.Locator("[data-spc-results] tbody tr").CountAsync());
            checkedSeries++;
        }
        Assert.Equal(30, checkedSeries);
        s.AssertClean();
    }

    [Fact]
    public async Task A_bad_line_is_an_error_at_its_line_and_the_data_is_kept()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(site.BaseUrl + "/measures/check/");
        var text = "period,value\n2025-01,5\n2025-13,six\n";
        await page.FillAsync("#f-csv", text);
        await page.ClickAsync("form[data-spc-form] button[type=submit]");
        var summary = await page.Locator(".error-summary").InnerTextAsync();
        Assert.Contains("Line 3: '2025-13' is not a month", summary);
        Assert.Contains("Line 3: 'six' is not a number", summary);
        Assert.Contains("Say which way is better", summary);
        Assert.Equal("error-summary-title", await page.EvaluateAsync<string>("document.activeElement.getAttribute('aria-labelledby')"));
        Assert.Equal(text, await page.InputValueAsync("#f-csv"));
        await page.ClickAsync(".error-summary a[href='#f-direction']");
        Assert.Equal("f-direction", await page.EvaluateAsync<string>("document.activeElement.id"));
        s.AssertClean();
    }

    [Fact]
    public async Task A_checked_series_downloads_as_a_measure_file_that_builds_unchanged()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(site.BaseUrl + "/measures/check/");
        await page.FillAsync("#f-csv", Series);
        await page.CheckAsync("#f-direction");
        await page.FillAsync("#f-minimum", "0");
        await page.ClickAsync("form[data-spc-form] button[type=submit]");
        await page.Locator("#save-measure-title").WaitForAsync();

        // Nothing typed yet: the error summary names each field the file needs.
        await page.ClickAsync(".measure-file-form button[type=submit]");
        var summary = await page.Locator(".error-summary").InnerTextAsync();
        Assert.Contains("Enter a file name", summary);
        Assert.Contains("Enter the unit", summary);
        await page.FillAsync("#m-name", "checked-falls");
        await page.FillAsync("#m-title", "Falls \"checked\" here: a test");
        await page.FillAsync("#m-summary", "Falls each month, from a series checked in the browser.");
        await page.FillAsync("#m-numerator", "Falls at any time of day");
        await page.FillAsync("#m-unit", "falls a month");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".measure-file-form button[type=submit]"));
        Assert.Equal("checked-falls.yml", download.SuggestedFilename);
        await AccessibilityTests.AssertNoViolations(page);

        // The file builds as it is (under --strict), with the series' chart on its page.
        var input = Path.Combine(Path.GetTempPath(), "cqcguide-measure", Guid.NewGuid().ToString("N"));
        JournalTests.CopyDirectory(Path.Combine(Repo.Root, "input"), input);
        Directory.CreateDirectory(Path.Combine(input, "measures"));
        await download.SaveAsAsync(Path.Combine(input, "measures", "checked-falls.yml"));
        var output = input + "-out";
        var stderr = new StringWriter();
        var code = CliApp.Run(["build", "--input", input, "--output", output, "--theme", Path.Combine(Repo.Root, "theme"), "--date", "2026-11-26", "--no-search", "--strict"], new StringWriter(), stderr);
        Assert.True(code == 0, stderr.ToString());
        var built = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "measures", "checked-falls", "index.html")));
        Assert.Equal("Falls \"checked\" here: a test", built.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(14, built.QuerySelectorAll(".spc-chart__point").Length);
        s.AssertClean();
    }
    /// <summary>Issue 16 item 6: with organisation.yml's repository (the build puts its GitHub addresses on the page; this
    /// site names none, so the test adds them), "Propose it on GitHub" opens GitHub's new-file page for input/measures/
    /// with exactly the file the download gives, and nothing leaves the page before it is pressed.</summary>
    [Fact]
    public async Task A_checked_series_can_be_proposed_on_github_as_the_same_measure_file()
    {
        await using var s = await BrowserSession.StartAsync(site);
        var page = s.Page;
        await s.Go(site.BaseUrl + "/measures/check/");
        await page.EvaluateAsync("""
            () => Object.assign(document.querySelector('[data-spc-check]').dataset, {
              proposeUrl: 'https://github.com/example-care/our-site/new/main/input/measures',
              uploadUrl: 'https://github.com/example-care/our-site/upload/main/input/measures' })
            """);
        await page.FillAsync("#f-csv", Series);
        await page.CheckAsync("#f-direction");
        await page.ClickAsync("form[data-spc-form] button[type=submit]");
        await page.Locator("#save-measure-title").WaitForAsync();
        await page.FillAsync("#m-name", "proposed-falls");
        await page.FillAsync("#m-title", "Falls & trips: \"proposed\"");
        await page.FillAsync("#m-summary", "Falls each month.");
        await page.FillAsync("#m-numerator", "Falls at any time of day");
        await page.FillAsync("#m-unit", "falls a month");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".measure-file-form button:text('Download the measure file')"));
        var file = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Empty(s.ForeignRequests);
        await page.ClickAsync(".measure-file-form button:text('Propose it on GitHub')");
        for (var i = 0; i < 50 && s.ForeignRequests.Count == 0; i++) await Task.Delay(100);
        var proposed = Assert.Single(s.ForeignRequests);
        const string start = "https://github.com/example-care/our-site/new/main/input/measures?filename=proposed-falls.yml&value=";
        Assert.StartsWith(start, proposed);
        Assert.Equal(file, Uri.UnescapeDataString(proposed[start.Length..]));
    }
}
