using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Tests;

public class IncrementalTests
{
    private static (BuildSession Session, TempDir Input) Start()
    {
        var input = TempDir.CopyOf(Repo.Fixture("site"));
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
}
