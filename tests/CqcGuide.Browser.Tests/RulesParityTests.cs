using System.Text.Json;
using CqcGuide.Rules.Tests.Parity;
using Xunit.Abstractions;

namespace CqcGuide.Browser.Tests;

/// <summary>
/// The compiled modules the site ships, run in Chromium on a few hundred generated inputs per model (boundaries
/// included), give byte-for-byte the JSON that the C# rules give.
/// </summary>
[Collection(SiteCollection.Name)]
public class RulesParityTests(SiteFixture site, ITestOutputHelper output)
{
    [Theory]
    [InlineData("cqc-saf", "score", 150)]
    [InlineData("cqc-saf-evidence", "score", 150)]
    [InlineData("learning-maturity", "score", 150)]
    [InlineData("learning-log-quality", "lint", 150)]
    [InlineData("personal-data", "findPersonalData", 150)]
    [InlineData("spc", "analyse", 10_000)]            // issue 11: at least 10,000 generated series (Jint runs 3,000 per test run)
    [InlineData("team-assessment", "aggregate", 5_000)]   // issue 17: at least 5,000 generated teams in Chromium too
    public async Task The_shipped_module_agrees_with_dotnet_in_chromium(string modelId, string entry, int generated)
    {
        var boundary = Generators.BoundaryInputs(modelId).Count();
        var all = Generators.Cases(modelId, boundary + generated);
        var cases = all.Take(Math.Min(150, boundary)).Concat(all.Skip(boundary)).ToArray();
        await using var s = await BrowserSession.StartAsync(site);
        await s.Go($"{site.BaseUrl}/scoring/{modelId}/");
        var module = await s.Page.Locator("a", new() { HasTextString = "this JavaScript module" }).GetAttributeAsync("href");
        Assert.Matches($@"^/assets/rules/{modelId}\.[0-9a-f]{{10}}\.js$", module);
        var results = await s.Page.EvaluateAsync<JsonElement>("""
            async ([url, entry, inputs]) => {
              const m = await import(url);
              return inputs.map((input) => {
                try { return { json: JSON.stringify(m[entry](JSON.parse(input)), null, 2) + '\n' }; }
                catch (e) { return { error: String(e && e.message) }; }
              });
            }
            """, new object[] { module!, entry, cases.Select(c => c.InputJson).ToArray() });
        var same = 0;
        for (var i = 0; i < cases.Length; i++)
        {
            var r = results[i];
            if (cases[i].ExpectedError is not null) Assert.True(r.TryGetProperty("error", out _), $"case {i}: .NET threw, JavaScript did not");
            else Assert.Equal(cases[i].ExpectedJson, r.GetProperty("json").GetString());
            same++;
        }
        output.WriteLine($"{modelId}: {cases.Length} inputs in Chromium ({Math.Min(150, boundary)} boundary cases), {same} identical to .NET");
        Assert.True(cases.Length - Math.Min(150, boundary) >= generated);
        s.AssertClean();
    }
}
