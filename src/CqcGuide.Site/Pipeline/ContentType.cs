using CqcGuide.Site.Yaml;
using YamlDotNet.RepresentationModel;

namespace CqcGuide.Site.Pipeline;

/// <summary>How a content file is written: Markdown with YAML front matter, or a YAML data file.</summary>
/// <summary>How a content type's files are written: Markdown with front matter, a YAML record, or a JSON data file
/// the owning section parses itself (the pipeline only decodes it).</summary>
public enum ContentFormat { Markdown, Yaml, Json }

/// <summary>The front matter of a JSON data file: its slug as a title; the section reads the file's text.</summary>
public sealed record DataFile(string Title) : IFrontMatter
{
    public int Order => 0;
}

/// <summary>Where a file sits within its content type: its slug (e.g. <c>root-causes</c>; empty for an index) and, for
/// frozen guidance, its edition.</summary>
public sealed record ContentMatch(string Slug, string? Edition = null)
{
    /// <summary>Example content (<c>input/examples/...</c>), published only while the organisation's settings say so.</summary>
    public bool Example { get; init; }
}

/// <summary>What every front-matter record gives the pipeline: a title and an order within its section.</summary>
public interface IFrontMatter
{
    string Title { get; }
    int Order { get; }
}

/// <summary>
/// A registered content type, as data: which files of <c>input/</c> it owns, how they are written, the typed record
/// their front matter binds to, and the address each file is published at. A section lists the types it reads; the
/// pipeline discovers, reads and binds the files, then hands each document to the section's <c>Check</c>.
/// </summary>
public sealed class ContentType
{
    private readonly Func<string[], ContentMatch?> match;
    private readonly Func<ContentMatch, string> url;
    private readonly Func<YamlMappingNode, int, SourceMap, DiagnosticBag, IFrontMatter?> bind;

    private ContentType(string name, ContentFormat format, Type frontMatter, string folder, Func<string[], ContentMatch?> match,
        Func<ContentMatch, string> url, Func<YamlMappingNode, int, SourceMap, DiagnosticBag, IFrontMatter?> bind)
    {
        Name = name;
        Format = format;
        FrontMatterType = frontMatter;
        Folder = folder;
        this.match = match;
        this.url = url;
        this.bind = bind;
    }

    /// <summary>The type's name in the build summary and diagnostics, e.g. <c>guidance</c>.</summary>
    public string Name { get; }

    public ContentFormat Format { get; }

    public Type FrontMatterType { get; }

    /// <summary>The top-level folder of <c>input/</c> the type lives in ("" for files at the root), for hints.</summary>
    public string Folder { get; }

    /// <summary>The file's place in this type, or null when the type does not own it. <paramref name="parts"/> are the
    /// path segments relative to the input folder.</summary>
    public ContentMatch? Match(string[] parts) => match(parts);

    public string UrlOf(ContentMatch m) => url(m);

    internal IFrontMatter? Bind(YamlMappingNode node, int firstLine, SourceMap map, DiagnosticBag diagnostics) => bind(node, firstLine, map, diagnostics);

    /// <summary>Markdown files with front matter <typeparamref name="T"/> in <c>input/&lt;folder&gt;/</c> (and its
    /// sub-folders when <paramref name="nested"/>), published under <paramref name="urlRoot"/> + slug + "/".</summary>
    public static ContentType Markdown<T>(string name, string folder, string urlRoot, bool nested = false) where T : class, IFrontMatter =>
        new(name, ContentFormat.Markdown, typeof(T), folder, parts => InFolder(parts, folder, nested, ".md"), m => urlRoot + Dir(m.Slug), Binder<T>());

    /// <summary>YAML data files (<c>.yml</c>/<c>.yaml</c>) in <c>input/&lt;folder&gt;/</c>, one record <typeparamref name="T"/> each.</summary>
    public static ContentType Yaml<T>(string name, string folder, string urlRoot) where T : class, IFrontMatter =>
        new(name, ContentFormat.Yaml, typeof(T), folder, parts => InFolder(parts, folder, false, ".yml", ".yaml"), m => urlRoot + Dir(m.Slug), Binder<T>());

    /// <summary>JSON data files (<c>.json</c>) in <c>input/&lt;folder&gt;/&lt;sub&gt;/</c>, parsed by their section; not
    /// published as pages of their own (<paramref name="urlRoot"/> + slug names them in the index).</summary>
    public static ContentType Json(string name, string folder, string sub, string urlRoot) =>
        new(name, ContentFormat.Json, typeof(DataFile), folder,
            parts => parts.Length == 3 && parts[0] == folder && parts[1] == sub && parts[2].EndsWith(".json", StringComparison.Ordinal)
                ? new ContentMatch(SlugOf(parts.AsSpan(2))) : null,
            m => urlRoot + Dir(m.Slug), (_, _, _, _) => null);

    /// <summary>A type with its own matching rule (e.g. the home page, frozen editions).</summary>
    public static ContentType Custom<T>(string name, ContentFormat format, string folder, Func<string[], ContentMatch?> match, Func<ContentMatch, string> url)
        where T : class, IFrontMatter =>
        new(name, format, typeof(T), folder, match, url, Binder<T>());

    /// <summary>"" for an index, otherwise the slug with a trailing slash.</summary>
    public static string Dir(string slug) => slug.Length == 0 ? "" : slug + "/";

    /// <summary>The slug of a file path (segments after the type's folder): <c>a/index.md</c> → <c>a</c>.</summary>
    public static string SlugOf(ReadOnlySpan<string> parts)
    {
        var joined = string.Join('/', parts.ToArray());
        var dot = joined.LastIndexOf('.');
        var stem = dot > joined.LastIndexOf('/') ? joined[..dot] : joined;
        if (stem == "index") return "";
        return stem.EndsWith("/index", StringComparison.Ordinal) ? stem[..^"/index".Length] : stem;
    }

    private static ContentMatch? InFolder(string[] parts, string folder, bool nested, params string[] extensions)
    {
        if (parts.Length < 2 || parts[0] != folder || (!nested && parts.Length != 2)) return null;
        if (!extensions.Any(e => parts[^1].EndsWith(e, StringComparison.Ordinal))) return null;
        return new ContentMatch(SlugOf(parts.AsSpan(1)));
    }

    private static Func<YamlMappingNode, int, SourceMap, DiagnosticBag, IFrontMatter?> Binder<T>() where T : class, IFrontMatter =>
        (node, line, map, diagnostics) => YamlBinder.Bind<T>(node, line, map, diagnostics);

    public override string ToString() => Name;
}
