using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Tests.Pipeline;

public class IncrementalTests
{
    private static (BuildSession Session, TempDir Input) Start(Action<TempDir>? prepare = null)
    {
        var input = TempDir.CopyOf(Repo.Fixture("site"));
        prepare?.Invoke(input);
        var result = SiteBuilder.Build(Builds.Options(input.Path, input["unused"], write: false), out var session);
        Assert.True(result.Success, Builds.Errors(result));
        return (session!, input);
    }

    private static string Html(BuildResult r, string path) => System.Text.Encoding.UTF8.GetString(r.Files[path]);

    [Fact]
    public void A_body_edit_re_renders_only_that_page()
    {
        var (session, input) = Start();
        using var _ = input;
        var before = session.Result.Files;
        File.AppendAllText(input["pages/about.md"], "\nA new sentence, with [a link](../guidance/alpha.md#second-part).\n");
        var r = Incremental.TryRebuild(session, input["pages/about.md"]);
        Assert.NotNull(r);
        Assert.True(r.Success);
        Assert.Contains("A new sentence", Html(r, "about/index.html"));
        Assert.Contains("href=\"/guide/guidance/alpha/#second-part\"", Html(r, "about/index.html"));
        var changed = r.Files.Where(kv => !ReferenceEquals(kv.Value, before.GetValueOrDefault(kv.Key))).Select(kv => kv.Key).ToArray();
        Assert.Equal(["about/index.html"], changed);
    }

    [Fact]
    public void A_broken_link_in_the_edit_is_reported_and_the_last_good_page_is_kept()
    {
        var (session, input) = Start();
        using var _ = input;
        File.AppendAllText(input["pages/about.md"], "\nSee [nowhere](missing.md).\n");
        var r = Incremental.TryRebuild(session, input["pages/about.md"])!;
        Assert.False(r.Success);
        Assert.Contains(r.Diagnostics, d => d.Code == Codes.BrokenLink && d.Path.EndsWith("pages/about.md"));
        Assert.DoesNotContain("nowhere", Html(r, "about/index.html"));
    }

    [Theory]
    [InlineData("---\ntitle: About the fixture (renamed)\nsummary: What this is.\norder: 1\n---\nAbout text.\n")]
    [InlineData("---\ntitle: About the fixture\nsummary: What this is.\norder: 1\n---\nAbout text.\n\n## A new heading\n")]
    public void Front_matter_or_heading_changes_need_a_full_build(string text)
    {
        var (session, input) = Start();
        using var _ = input;
        File.WriteAllText(input["pages/about.md"], text);
        Assert.Null(Incremental.TryRebuild(session, input["pages/about.md"]));
    }

    [Fact]
    public void Guidance_with_older_editions_needs_a_full_build_for_its_comparison_pages()
    {
        var (session, input) = Start();
        using var _ = input;
        File.AppendAllText(input["guidance/alpha.md"], "\nMore.\n");
        Assert.Null(Incremental.TryRebuild(session, input["guidance/alpha.md"]));
    }

    [Fact]
    public void A_body_edit_is_checked_again_by_its_section_so_personal_data_in_a_log_is_reported()
    {
        var (session, input) = Start(i => Sections.Journal.JournalTests.WriteLog(i, Sections.Journal.JournalTests.Valid));
        using var _ = input;
        File.AppendAllText(input["journal/ll-test.md"], "\nHer NHS number is 943 476 5919.\n");
        var r = Incremental.TryRebuild(session, input["journal/ll-test.md"]);
        Assert.NotNull(r);
        var d = Assert.Single(r.Diagnostics, d => d.Code == CqcGuide.Site.Sections.Journal.PersonalDataCheck.PersonalDataFound);
        Assert.EndsWith("journal/ll-test.md", d.Path);
        // The same edit in a full build gives the same diagnostic: the fast path checks what a full build checks.
        var full = SiteBuilder.Build(Builds.Options(input.Path, input["unused"], write: false));
        Assert.Equal(full.Diagnostics.Where(x => x.Code == d.Code), r.Diagnostics.Where(x => x.Code == d.Code));
    }

    [Fact]
    public void A_body_edit_keeps_the_edited_files_warnings_that_still_apply_and_every_other_files()
    {
        var (session, input) = Start(i =>
        {
            File.WriteAllText(i["checklists/pitfalls.md"], File.ReadAllText(i["checklists/pitfalls.md"]).Replace("order: 1\n", "order: 1\nlast_reviewed: 2025-01-01\nnext_review: 2026-01-01\n"));
            i.Write("checklists/other.md", "---\ntitle: Other\nsummary: s\nnext_review: 2026-02-01\nitems:\n  - id: a\n    text: A\n    explanation: B\n---\nBody.\n");
        });
        using var _ = input;
        Assert.Equal(2, session.Result.Diagnostics.Count(d => d.Code == Codes.ReviewOverdue));
        File.AppendAllText(input["checklists/pitfalls.md"], "\nAnother paragraph.\n");
        var r = Incremental.TryRebuild(session, input["checklists/pitfalls.md"]);
        Assert.NotNull(r);
        Assert.Contains("Another paragraph", Html(r, "checklists/pitfalls/index.html"));
        Assert.Equal(["checklists/other.md", "checklists/pitfalls.md"],
            r.Diagnostics.Where(d => d.Code == Codes.ReviewOverdue).Select(d => d.Path[(d.Path.IndexOf("checklists/", StringComparison.Ordinal))..]).Order());
    }
}
