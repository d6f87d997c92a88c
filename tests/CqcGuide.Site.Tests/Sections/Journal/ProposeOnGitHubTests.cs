using AngleSharp.Html.Parser;

namespace CqcGuide.Site.Tests.Sections.Journal;

/// <summary>organisation.yml's repository: the draft log page and the measure check page offer GitHub's "create a new
/// file" page of the fork.</summary>
public class ProposeOnGitHubTests
{
    private static (CqcGuide.Site.Pipeline.BuildResult Result, TempDir Output) Build(string? organisation)
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        JournalTests.WriteLog(input, JournalTests.Valid);
        if (organisation is not null) input.Write("organisation.yml", organisation);
        var output = new TempDir();
        return (Builds.Run(input.Path, output.Path), output);
    }

    [Fact]
    public void With_a_repository_the_draft_page_proposes_the_file_on_github()
    {
        var (result, output) = Build("name: Example Care\nrepository:\n  github: example-care/our-journal\n  branch: release/2026\n");
        using var _ = output;
        Assert.True(result.Success, Builds.Errors(result));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(output["journal/draft/index.html"]));
        var button = page.QuerySelector("button[value=propose]")!;
        Assert.Equal("https://github.com/example-care/our-journal/new/release/2026/input/journal", button.GetAttribute("data-propose-url"));
        Assert.Equal("https://github.com/example-care/our-journal/upload/release/2026/input/journal", button.GetAttribute("data-upload-url"));
        // The measure check page proposes its measure files in input/measures/ (its script adds the button).
        var check = new HtmlParser().ParseDocument(File.ReadAllText(output["measures/check/index.html"])).QuerySelector("[data-spc-check]")!;
        Assert.Equal("https://github.com/example-care/our-journal/new/release/2026/input/measures", check.GetAttribute("data-propose-url"));
        Assert.Equal("https://github.com/example-care/our-journal/upload/release/2026/input/measures", check.GetAttribute("data-upload-url"));
        Assert.Contains("unless you press", File.ReadAllText(output["measures/check/index.html"]));
    }

    [Fact]
    public void Without_one_there_is_no_button()
    {
        var (result, output) = Build(null);
        using var _ = output;
        Assert.True(result.Success, Builds.Errors(result));
        Assert.Null(new HtmlParser().ParseDocument(File.ReadAllText(output["journal/draft/index.html"])).QuerySelector("button[value=propose]"));
        Assert.Null(new HtmlParser().ParseDocument(File.ReadAllText(output["measures/check/index.html"])).QuerySelector("[data-propose-url]"));
    }

    [Theory]
    [InlineData("github: https://github.com/x/y", 3, "repository.github 'https://github.com/x/y' is not a GitHub repository written owner/name")]
    [InlineData("github: \"x/y?z=1\"", 3, "is not a GitHub repository written owner/name")]
    [InlineData("github: x/..", 3, "is not a GitHub repository written owner/name")]
    [InlineData("github: x/y\n  branch: \"../../evil\"", 4, "repository.branch '../../evil' is not a branch name")]
    [InlineData("github: x/y\n  branch: \"main branch\"", 4, "is not a branch name")]
    public void A_repository_that_cannot_go_in_a_github_address_is_an_error_at_its_line(string yaml, int line, string message)
    {
        var (result, output) = Build($"name: Example Care\nrepository:\n  {yaml}\n");
        using var _ = output;
        var d = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((Codes.InvalidValue, line), (d.Code, d.Line));
        Assert.Contains(message, d.Message);
    }
}
