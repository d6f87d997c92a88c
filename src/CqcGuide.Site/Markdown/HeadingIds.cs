using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CqcGuide.Site.Markdown;

/// <summary>
/// GitHub-style heading ids (<c>## The 5 whys</c> → <c>the-5-whys</c>, repeats get <c>-1</c>, <c>-2</c>...), the same ids
/// as Markdig's AutoIdentifier extension in GitHub mode, in linear time: Markdig's extension probes <c>-1</c>, <c>-2</c>...
/// from the start for every heading, so 20,000 identical headings took minutes. The set of used ids only grows, so
/// the first free suffix of a base id never goes down, and remembering it per base gives the same ids.
/// </summary>
public sealed class HeadingIds : IMarkdownExtension
{
    private sealed class State
    {
        public readonly HashSet<string> Used = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> NextSuffix = new(StringComparer.Ordinal);
    }

    private static readonly object Key = new();

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (pipeline.BlockParsers.Find<HeadingBlockParser>() is { } headings)
        {
            headings.Closed -= Closed;
            headings.Closed += Closed;
        }
        if (pipeline.BlockParsers.FindExact<ParagraphBlockParser>() is { } paragraphs)
        {
            // Setext headings are closed by the paragraph parser.
            paragraphs.Closed -= Closed;
            paragraphs.Closed += Closed;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void Closed(BlockProcessor processor, Block block)
    {
        if (block is HeadingBlock heading) heading.ProcessInlinesEnd += Assign;
    }

    private static void Assign(InlineProcessor processor, Inline? inline)
    {
        var document = processor.Document;
        if (document.GetData(Key) is not State state)
        {
            state = new State();
            document.SetData(Key, state);
        }
        var heading = (HeadingBlock)processor.Block!;
        if (heading.Inline is null) return;
        var attributes = heading.GetAttributes();
        if (attributes.Id is not null) return;

        // The heading's text without markup or links, as Markdig's extension takes it.
        var writer = new StringWriter();
        var strip = new HtmlRenderer(writer) { EnableHtmlForInline = false, EnableHtmlEscape = false };
        strip.Render(heading.Inline);
        var text = LinkHelper.UrilizeAsGfm(writer.ToString());
        var baseId = string.IsNullOrEmpty(text) ? "section" : text;

        var id = baseId;
        if (!state.Used.Add(id))
        {
            var index = state.NextSuffix.GetValueOrDefault(baseId, 1);
            do id = baseId + "-" + index++;
            while (!state.Used.Add(id));
            state.NextSuffix[baseId] = index;
        }
        attributes.Id = id;
    }
}
