using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CqcGuide.Site.Tests.Sections.Guidance;

/// <summary>Editions: switcher mapping, outdated banner and canonical link, comparisons, history, versions.json.</summary>
public sealed class VersioningTests : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly TempDir output = new();

    public VersioningTests()
    {
        var result = Builds.Run(Repo.Fixture("site"), output.Path);
        Assert.True(result.Success, Builds.Errors(result));
    }

    public void Dispose() => output.Dispose();

    private IHtmlDocument Page(string relative) => Parser.ParseDocument(File.ReadAllText(Path.Combine(output.Path, relative, "index.html")));

    private static Dictionary<string, string> Switcher(IHtmlDocument doc) =>
        doc.QuerySelectorAll(".edition-switcher li a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href")!);

    [Fact]
    public void The_switcher_stays_on_the_same_page_where_it_exists_and_falls_back_to_the_start_page()
    {
        Assert.Equal(new Dictionary<string, string>
        {
            ["Edition 2.0 (current)"] = "/guide/guidance/alpha/",
            ["Edition 1.0"] = "/guide/v/1.0/guidance/alpha/",
        }, Switcher(Page("guidance/alpha")));
        // Bravo is new in 2.0: edition 1.0 offers its start page instead.
        var bravo = Switcher(Page("guidance/topic/bravo"));
        Assert.Equal("/guide/v/1.0/guidance/", bravo["Edition 1.0"]);
        // Charlie was dropped after 1.0: the current edition offers its start page.
        Assert.Equal("/guide/guidance/", Switcher(Page("v/1.0/guidance/charlie"))["Edition 2.0 (current)"]);
        Assert.Equal("page", Page("v/1.0/guidance/alpha").QuerySelector(".edition-switcher a[aria-current]")!.GetAttribute("aria-current"));
    }

    [Fact]
    public void Older_editions_carry_an_outdated_banner_and_a_canonical_link_to_the_current_page()
    {
        var old = Page("v/1.0/guidance/alpha");
        var banner = old.QuerySelector(".notice--outdated")!;
        Assert.Contains("older edition (1.0)", banner.TextContent);
        Assert.Equal("/guide/guidance/alpha/", banner.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("https://example.org/guide/guidance/alpha/", old.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("https://example.org/guide/guidance/", Page("v/1.0/guidance/charlie").QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Null(Page("guidance/alpha").QuerySelector(".notice--outdated"));
        // Older editions are filtered out of search unless asked for.
        Assert.Equal("1.0", old.QuerySelector("[data-pagefind-filter='edition']")!.TextContent);
        Assert.Equal("current", Page("guidance/alpha").QuerySelector("[data-pagefind-filter='edition']")!.TextContent);
    }

    [Fact]
    public void Changed_pages_get_an_accessible_word_level_comparison()
    {
        var compare = Page("changes/1.0-to-2.0/guidance/alpha");
        Assert.Contains("changes from edition 1.0 to 2.0", compare.QuerySelector("h1")!.TextContent);
        var ins = compare.QuerySelectorAll(".diff ins");
        var del = compare.QuerySelectorAll(".diff del");
        Assert.NotEmpty(ins);
        Assert.NotEmpty(del);
        Assert.All(ins, i => Assert.StartsWith("[Added: ", i.QuerySelector(".visually-hidden")!.TextContent));
        Assert.All(del, d => Assert.StartsWith("[Removed: ", d.QuerySelector(".visually-hidden")!.TextContent));
        Assert.Contains(ins, i => i.TextContent.Contains("table"));
        // Unchanged words appear once, outside ins/del.
        Assert.Contains("Alpha introduction", compare.QuerySelector(".diff")!.TextContent);

        var index = Page("changes/1.0-to-2.0");
        Assert.Contains(index.QuerySelectorAll("#changed ~ ul a, section[aria-labelledby='changed'] a"), a => a.TextContent == "Alpha page");
        Assert.Contains(index.QuerySelectorAll("section[aria-labelledby='added'] a"), a => a.TextContent == "Bravo page");
        Assert.Contains(index.QuerySelectorAll("section[aria-labelledby='removed'] a"), a => a.TextContent == "Charlie page");
    }

    [Fact]
    public void Page_history_links_the_change_to_its_comparison()
    {
        var rows = Page("guidance/alpha").QuerySelectorAll(".history tbody tr");
        var row = Assert.Single(rows);
        Assert.Equal("2.0", row.QuerySelector("td")!.TextContent);
        Assert.Equal("/guide/changes/1.0-to-2.0/guidance/alpha/", row.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Versions_json_lists_every_edition_with_the_latest_alias()
    {
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output.Path, "versions.json"))).RootElement;
        Assert.Equal(2, json.GetArrayLength());
        Assert.Equal("2.0", json[0].GetProperty("version").GetString());
        Assert.Equal("latest", json[0].GetProperty("aliases")[0].GetString());
        Assert.Equal("/guide/v/1.0/guidance/", json[1].GetProperty("url").GetString());
        Assert.Equal(0, json[1].GetProperty("aliases").GetArrayLength());
    }
}

public class ReviewDateTests
{
    [Fact]
    public void A_page_past_its_review_date_gets_a_warning_and_a_notice_and_fails_under_strict()
    {
        using var out_ = new TempDir();
        var later = new DateOnly(2027, 2, 1); // fixture pages are due on 2027-01-10
        var result = Builds.Run(Repo.Fixture("site"), out_["a"], today: later);
        Assert.True(result.Success);
        var warnings = result.Diagnostics.Where(d => d.Code == Codes.ReviewOverdue).ToArray();
        Assert.Contains(warnings, d => d.Path.EndsWith("guidance/alpha.md") && d.Line == 7 && !d.IsError);
        Assert.DoesNotContain(warnings, d => d.Path.Contains("versions/1.0")); // frozen editions are not reviewed
        var alpha = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(out_["a"], "guidance/alpha/index.html")));
        Assert.Contains("overdue for review", alpha.QuerySelector(".notice--warning")!.TextContent);

        var strict = Builds.Run(Repo.Fixture("site"), out_["b"], strict: true, today: later);
        Assert.False(strict.Success);
        Assert.Contains(strict.Diagnostics, d => d.Code == Codes.ReviewOverdue && d.IsError);
    }

    [Fact]
    public void Unknown_key_questions_are_errors_with_a_suggestion()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        input.Write("guidance/kq.md", "---\ntitle: KQ\nsummary: s\nkey_questions: [safe, wel-led]\n---\nText.\n");
        using var out_ = new TempDir();
        var result = Builds.Run(input.Path, out_.Path);
        var d = Assert.Single(result.Diagnostics, d => d.Code == Codes.UnknownKeyQuestion);
        Assert.Equal((4, 23), (d.Line, d.Column));
        Assert.Contains("did you mean 'well-led'?", d.Hint);
    }
}

public class DefaultSiteNavigationTests
{
    [Fact]
    public void From_the_start_page_root_causes_the_pitfalls_checklist_and_learning_culture_are_within_three_clicks()
    {
        using var out_ = new TempDir();
        var result = Builds.Run(Path.Combine(Repo.Root, "input"), out_.Path);
        Assert.True(result.Success, Builds.Errors(result));
        var parser = new HtmlParser();
        var depth = new Dictionary<string, int> { ["/"] = 0 };
        var queue = new Queue<string>(["/"]);
        while (queue.Count > 0)
        {
            var url = queue.Dequeue();
            if (depth[url] == 3) continue;
            var file = Path.Combine(out_.Path, url.TrimStart('/'), "index.html");
            if (!File.Exists(file)) continue;
            var main = parser.ParseDocument(File.ReadAllText(file));
            foreach (var a in main.QuerySelectorAll("a[href^='/']"))
            {
                var target = a.GetAttribute("href")!.Split('#')[0];
                if (depth.TryAdd(target, depth[url] + 1)) queue.Enqueue(target);
            }
        }
        Assert.InRange(depth.GetValueOrDefault("/guidance/root-causes/", 99), 1, 3);
        Assert.InRange(depth.GetValueOrDefault("/checklists/four-common-pitfalls/", 99), 1, 3);
        Assert.InRange(depth.GetValueOrDefault("/quality-statements/safe.learning-culture/", 99), 1, 3);
    }
}
