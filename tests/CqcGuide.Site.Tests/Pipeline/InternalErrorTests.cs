using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Sections;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Tests.Pipeline;

/// <summary>Issue 15 item 9: an exception anywhere in a file's load, check, view or render is CG900 at that file (with
/// the stack trace kept for --verbose); the other files are still checked and the previous output stays as it was.</summary>
public class InternalErrorTests
{
    public sealed record BoomFrontMatter : IFrontMatter
    {
        public required string Title { get; init; }
        public int Order { get; init; }
        public string Fails { get; init; } = "check";
    }

    /// <summary>A section with a bug: it throws in the phase its file names.</summary>
    public sealed class BoomSection : Section<ContentDocument>
    {
        public static readonly ContentType Boom = ContentType.Markdown<BoomFrontMatter>("boom", "boom", "/boom/");

        public override string Name => "boom";

        public override IReadOnlyList<ContentType> ContentTypes => [Boom];

        public override ContentDocument? Check(ContentDocument document, CheckContext context) =>
            document.Front<BoomFrontMatter>().Fails == "check" ? throw new InvalidOperationException("bug in check") : document;

        public override void Index(IReadOnlyList<ContentDocument> documents, IndexBuilder index)
        {
            foreach (var doc in documents) index.Page(new PagePlan { Url = doc.Url, Layout = "page", Type = "boom", Document = doc, Model = doc });
        }

        public override PageView View(PagePlan plan, SiteIndex site) =>
            ((ContentDocument)plan.Model!).Front<BoomFrontMatter>().Fails == "view" ? throw new NullReferenceException("bug in view") : site.NewPage(plan, "Boom", "page", "boom");
    }

    [Theory]
    [InlineData("check", "checking the file")]
    [InlineData("view", "building the page /boom/b/")]
    public void An_exception_is_CG900_at_the_file_and_the_build_goes_on(string phase, string doing)
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        using var output = new TempDir();
        var good = Builds.Run(input.Path, output["site"]);
        Assert.True(good.Success, Builds.Errors(good));
        var before = Builds.Hashes(output["site"]);

        input.Write("boom/b.md", $"---\ntitle: B\nfails: {phase}\n---\nText.\n");
        input.Write("guidance/broken.md", "---\ntitle: [\n---\n");
        var sections = SectionRegistry.Create().Append(new BoomSection()).ToArray();
        var result = SiteBuilder.Build(Builds.Options(input.Path, output["site"]), sections, out _);

        var internalError = Assert.Single(result.Diagnostics, d => d.Code == Codes.InternalError);
        Assert.EndsWith("boom/b.md", internalError.Path);
        Assert.Contains(doing, internalError.Message);
        Assert.Contains("--verbose", internalError.Hint);
        Assert.Contains("   at ", internalError.Detail);
        Assert.DoesNotContain("   at ", internalError.ToString());
        Assert.Contains(result.Diagnostics, d => d.Path.EndsWith("guidance/broken.md", StringComparison.Ordinal)); // the others are still checked
        Assert.Equal(before, Builds.Hashes(output["site"]));
        Assert.False(Directory.Exists(output["site"] + ".staging"));
    }
}
