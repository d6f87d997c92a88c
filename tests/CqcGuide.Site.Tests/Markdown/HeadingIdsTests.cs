using System.Diagnostics;
using CqcGuide.Site.Markdown;
using CsCheck;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace CqcGuide.Site.Tests.Markdown;

/// <summary>Issue 15 item 7: heading ids are the ids Markdig's GitHub-mode extension gives, in linear time.</summary>
public class HeadingIdsTests
{
    private static readonly MarkdownPipeline Markdigs = new MarkdownPipelineBuilder().UseAutoIdentifiers(AutoIdentifierOptions.GitHub).Build();
    private static readonly MarkdownPipeline Ours = new MarkdownPipelineBuilder().Use<HeadingIds>().Build();

    private static string[] Ids(string markdown, MarkdownPipeline pipeline) =>
        Markdig.Markdown.Parse(markdown, pipeline).Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id ?? "").ToArray();

    [Fact]
    public void The_ids_are_the_same_as_Markdigs_for_any_headings()
    {
        var text = Gen.OneOf("a", "a 1", "a-1", "a-2", "A", "", "Ünïcödé", "The 5 whys", "`code`", "[link](x.md)", "**b**", "a  -  1", "1", "-", "section", "section-1");
        var heading = Gen.Select(Gen.Int[1, 6], text, Gen.Bool, (level, t, setext) =>
            setext && t.Length > 0 && level <= 2 ? t + "\n" + (level == 1 ? "===" : "---") : new string('#', level) + " " + t);
        heading.Array[0, 40].Sample(headings =>
        {
            var markdown = string.Join("\n\ntext\n\n", headings) + "\n";
            Assert.Equal(Ids(markdown, Markdigs), Ids(markdown, Ours));
        }, iter: 2_000);
    }

    [Fact]
    public void Twenty_thousand_identical_headings_take_linear_time()
    {
        var markdown = string.Concat(Enumerable.Repeat("## a\n\n", 20_000));
        var clock = Stopwatch.StartNew();
        var parsed = MarkdownEngine.Parse(markdown, 1);
        clock.Stop();
        Assert.Equal("a-19999", parsed.Headings[^1].Id);
        Assert.Equal(20_000, parsed.Anchors.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
