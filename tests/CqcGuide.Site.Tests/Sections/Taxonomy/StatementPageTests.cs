using AngleSharp.Html.Parser;

namespace CqcGuide.Site.Tests.Sections.Taxonomy;

/// <summary>The site's own text on each quality statement page (input/quality-statements/).</summary>
public class StatementPageTests
{
    private static string Page(string id, string body, string we = "We do the right thing.") => $"""
        ---
        statement: {id}
        we_statement: "{we}"
        summary: What it means here.
        owner: Registered manager
        last_reviewed: 2026-10-01
        next_review: 2027-10-01
        sources:
          - title: CQC
            url: https://www.cqc.org.uk/x
        ---
        {body}
        """;

    private static string Body(int wordsPerSection = 30, string? drop = null)
    {
        var words = string.Join(' ', Enumerable.Repeat("word", wordsPerSection));
        var sections = new[] { "## What it means in adult social care", "## What inspectors look at and ask", "## Evidence you can show", "### People's experience",
            "### Feedback from staff and leaders", "### Feedback from partners", "### Observation", "### Processes", "### Outcomes", "## Common shortfalls after a poor inspection" };
        return string.Join("\n\n", sections.Where(s => s != drop).Select(s => s + "\n\n" + words));
    }

    private static (CqcGuide.Site.Pipeline.BuildResult, TempDir) Build(Action<TempDir> write)
    {
        var input = TempDir.CopyOf(Repo.Fixture("site"));
        write(input);
        var output = new TempDir();
        var result = Builds.Run(input.Path, output.Path);
        input.Dispose();
        return (result, output);
    }

    [Fact]
    public void A_statement_page_shows_cqcs_words_with_attribution_then_the_sites_own_text_and_what_addresses_it()
    {
        // Once the folder exists every statement needs its page: the missing ones are reported, by name.
        var (partial, o) = Build(i => i.Write("quality-statements/safe.learning-culture.md", Page("safe.learning-culture", Body())));
        o.Dispose();
        Assert.Equal(33, partial.Diagnostics.Count(d => d.Code == Codes.IncompleteStatementPage && d.Message.Contains("has no page")));

        var (result, output) = Build(i =>
        {
            foreach (var s in CqcGuide.Rules.Domain.Framework.QualityStatements) i.Write($"quality-statements/{s.Id}.md", Page(s.Id, Body()));
        });
        using var _ = output;
        Assert.True(result.Success, Builds.Errors(result));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output.Path, "quality-statements/safe.learning-culture/index.html")));
        Assert.Equal("We do the right thing.", page.QuerySelector(".we-statement blockquote")!.TextContent.Trim());
        Assert.Contains("Open Government Licence v3.0", page.QuerySelector(".we-statement figcaption")!.TextContent);
        Assert.NotNull(page.QuerySelector("#what-inspectors-look-at-and-ask"));
        Assert.Contains("Checklists", page.QuerySelectorAll("main h3").Select(h => h.TextContent));
    }

    [Fact]
    public void A_missing_section_a_short_page_and_a_misnamed_file_are_errors_at_their_place()
    {
        var (missing, o1) = Build(i => i.Write("quality-statements/safe.learning-culture.md", Page("safe.learning-culture", Body(drop: "### Observation"))));
        using var _ = o1;
        Assert.Contains(missing.Diagnostics, d => d.Code == Codes.IncompleteStatementPage && d.Message.Contains("### Observation") && d.Path.EndsWith("safe.learning-culture.md"));

        var (shortPage, o2) = Build(i => i.Write("quality-statements/safe.learning-culture.md", Page("safe.learning-culture", Body(wordsPerSection: 20))));
        using var __ = o2;
        Assert.Contains(shortPage.Diagnostics, d => d.Code == Codes.IncompleteStatementPage && d.Message.Contains("200 words"));

        var (misnamed, o3) = Build(i => i.Write("quality-statements/safe.safeguarding.md", Page("safe.learning-culture", Body())));
        using var ___ = o3;
        var d = Assert.Single(misnamed.Diagnostics, d => d.Message.Contains("but the file is named"));
        Assert.Equal(2, d.Line);
    }

    [Fact]
    public void Every_statement_page_of_the_default_site_has_its_sections_and_enough_words()
    {
        var folder = Path.Combine(Repo.Root, "input", "quality-statements");
        var files = Directory.GetFiles(folder, "*.md");
        Assert.Equal(34, files.Length);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var body = text[(text.IndexOf("\n---", 4, StringComparison.Ordinal) + 4)..];
            Assert.True(CqcGuide.Site.Sections.Taxonomy.StatementPages.WordCount(body) >= 250, file);
        }
    }
}
