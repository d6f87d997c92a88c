using CqcGuide.Site.Loading;
using CqcGuide.Site.Markdown;
using CqcGuide.Site.Yaml;

namespace CqcGuide.Site.Pipeline;

/// <summary>
/// One input file after the load stage: its content type, typed front matter, the positions of its values, and the
/// facts of its Markdown body (headings, links, anchors, raw HTML). Created once; later stages only read it.
/// </summary>
public sealed class ContentDocument
{
    public required SourceFile Source { get; init; }
    public required ContentType Type { get; init; }
    /// <summary>The guidance edition of a frozen snapshot (<c>input/versions/&lt;v&gt;/</c>); null for current content.</summary>
    public string? Edition { get; init; }
    /// <summary>Path within its content type without extension, e.g. <c>root-causes</c>; empty for an index.</summary>
    public required string Slug { get; init; }
    public required IFrontMatter FrontMatter { get; init; }
    /// <summary>The front matter exactly as written (for serve: a change outside it touches only this page).</summary>
    public string FrontMatterText { get; init; } = "";
    public required SourceMap Map { get; init; }
    /// <summary>The Markdown body; null for YAML data files.</summary>
    public ParsedMarkdown? Markdown { get; init; }
    /// <summary>Example content from <c>input/examples/</c> (fictional; a fork switches it off in organisation.yml).</summary>
    public bool IsExample { get; init; }
    /// <summary>Site-relative URL, e.g. <c>/guidance/root-causes/</c>.</summary>
    public required string Url { get; init; }

    public string Title => FrontMatter.Title;
    public int Order => FrontMatter.Order;
    public string Path => Source.DisplayPath;

    public T Front<T>() where T : class => (T)FrontMatter;

    public SourceSpan At(string key) => Map[key];

    public override string ToString() => $"{Type} {Url} ({Path})";
}
