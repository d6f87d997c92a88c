using CqcGuide.Site.Loading;
using CqcGuide.Site.Markdown;
using CqcGuide.Site.Yaml;

namespace CqcGuide.Site.Content;

public enum ContentKind { Home, Guidance, Checklist, Page, Assessment, LearningLog }

/// <summary>
/// One parsed input file: its typed front matter, the positions of its values, and its Markdown tree.
/// Created once by the parse stage; later stages read it (the render stage rewrites link URLs in the tree it owns).
/// </summary>
public sealed class ContentDocument
{
    public required SourceFile Source { get; init; }
    public required ContentKind Kind { get; init; }
    /// <summary>The guidance edition of a frozen snapshot (<c>input/versions/&lt;v&gt;/</c>); null for current content.</summary>
    public string? Edition { get; init; }
    /// <summary>Path within its section without extension, e.g. <c>root-causes</c>; empty for a section's index.</summary>
    public required string Slug { get; init; }
    public required object FrontMatter { get; init; }
    /// <summary>The front matter exactly as written (for serve: a change outside it touches only this page).</summary>
    public string FrontMatterText { get; init; } = "";
    public required SourceMap Map { get; init; }
    public ParsedMarkdown? Markdown { get; init; }
    /// <summary>Site-relative URL, e.g. <c>/guidance/root-causes/</c>.</summary>
    public required string Url { get; init; }
    public required string Title { get; init; }
    public int Order { get; init; }

    public string Path => Source.DisplayPath;

    public T Front<T>() where T : class => (T)FrontMatter;

    public SourceSpan At(string key) => Map[key];

    public override string ToString() => $"{Kind} {Url} ({Path})";
}
