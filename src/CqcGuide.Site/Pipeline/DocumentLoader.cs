using System.Text.RegularExpressions;
using CqcGuide.Site.Loading;
using CqcGuide.Site.Markdown;
using CqcGuide.Site.Yaml;

namespace CqcGuide.Site.Pipeline;

/// <summary>The discover and load stages: find the input files, give each to the content type that owns it, decode it
/// strictly, bind its front matter to the type's record and parse its Markdown once.</summary>
public static partial class DocumentLoader
{
    /// <summary>A content file and the registered type that owns it.</summary>
    public sealed record Discovered(string FullPath, string Relative, ContentType Type, ContentMatch Match, ISection Section);

    public static SiteConfig? LoadConfig(string inputDir, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(inputDir, "site.yml");
        var display = SourceSpan.DisplayPath(path);
        if (!File.Exists(path))
        {
            diagnostics.Error(Codes.SiteConfig, "site.yml is missing", SourceSpan.File(display),
                "create input/site.yml with at least 'title:' and 'current_version:'");
            return null;
        }
        var source = SourceReader.Read(path, "site.yml", display, diagnostics);
        if (source is null) return null;
        var node = FrontMatter.ParseMapping(source.Text, 1, display, diagnostics);
        if (node is null) return null;
        var map = new SourceMap(display);
        var config = YamlBinder.Bind<SiteConfig>(node, 1, map, diagnostics);
        if (config is null) return null;
        config = config with { Map = map, Upstream = UpstreamContent.Load(inputDir) };
        return LoadOrganisation(inputDir, config, diagnostics);
    }

    /// <summary>Applies <c>input/organisation.yml</c> (optional) over site.yml's values, and checks the brand colour.</summary>
    private static SiteConfig? LoadOrganisation(string inputDir, SiteConfig config, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(inputDir, "organisation.yml");
        if (!File.Exists(path)) return config;
        var display = SourceSpan.DisplayPath(path);
        var source = SourceReader.Read(path, "organisation.yml", display, diagnostics);
        if (source is null) return null;
        var node = FrontMatter.ParseMapping(source.Text, 1, display, diagnostics, allowEmpty: true);
        if (node is null) return null;
        var map = new SourceMap(display);
        var org = YamlBinder.Bind<OrganisationSettings>(node, 1, map, diagnostics);
        if (org is null) return null;
        if (!Branding.Check(org, map, diagnostics)) return null;
        return config with
        {
            Org = org, OrganisationMap = map,
            Title = org.SiteTitle ?? config.Title, Description = org.Description ?? config.Description, BaseUrl = org.BaseUrl ?? config.BaseUrl,
            Organisation = org.Name ?? config.Organisation, FooterNote = org.FooterNote ?? config.FooterNote,
        };
    }

    /// <summary>Classifies every file under the input folder (sorted, so the build is deterministic).</summary>
    public static (List<Discovered> Content, List<(string Relative, string Full)> Assets) Discover(string inputDir, SiteConfig config, IReadOnlyList<ISection> sections, DiagnosticBag diagnostics)
    {
        var content = new List<Discovered>();
        var assets = new List<(string, string)>();
        var types = sections.SelectMany(s => s.ContentTypes.Select(t => (Section: s, Type: t))).ToArray();
        var files = Directory.EnumerateFiles(inputDir, "*", SearchOption.AllDirectories)
            .Select(f => (Full: f, Rel: Path.GetRelativePath(inputDir, f).Replace('\\', '/')))
            .Where(f => !f.Rel.Split('/').Any(part => part.StartsWith('.')))
            .OrderBy(f => f.Rel, StringComparer.Ordinal);
        foreach (var (full, relative) in files)
        {
            var rel = relative;
            var parts = rel.Split('/');
            if (rel is "site.yml" or "organisation.yml" || parts[0] == "_theme") continue;
            // input/examples/<type folder>/... is example content of that type, published while organisation.yml says so.
            var example = false;
            if (parts[0] == "examples" && parts.Length > 1)
            {
                if (!config.Org.Examples) continue;
                parts = parts[1..];
                example = true;
            }
            if (parts[0] == "assets" && !example)
            {
                assets.Add((rel, full));
                continue;
            }
            Discovered? found = null;
            foreach (var (section, type) in types)
            {
                if (type.Match(parts) is not { } match) continue;
                found = new Discovered(full, rel, type, match with { Example = example }, section);
                break;
            }
            if (found is null)
            {
                if (!sections.Any(s => s.Ignores(parts)))
                    diagnostics.Warning(Codes.StrayFile, "this file is not part of any content type and is ignored", SourceSpan.File(SourceSpan.DisplayPath(full)),
                        $"content goes in {Folders(types.Select(t => t.Type))}; images and downloads in assets/");
                continue;
            }
            if (!SlugRegex().IsMatch(found.Match.Slug))
            {
                diagnostics.Error(Codes.InvalidSlug, $"'{found.Match.Slug}' cannot be used in a web address", SourceSpan.File(SourceSpan.DisplayPath(full)),
                    "use lower-case letters, digits and hyphens in file and folder names, e.g. root-causes.md");
                continue;
            }
            content.Add(found);
        }
        return (content, assets);
    }

    private static string Folders(IEnumerable<ContentType> types)
    {
        var folders = types.Select(t => t.Folder).Where(f => f.Length > 0 && f != "versions").Distinct().Select(f => f + "/").ToArray();
        return folders.Length <= 1 ? string.Concat(folders) : string.Join(", ", folders[..^1]) + " or " + folders[^1];
    }

    /// <summary>Reads one file: decodes it, binds its front matter (or the whole YAML file) and parses its Markdown body.</summary>
    public static ContentDocument? Load(Discovered d, DiagnosticBag diagnostics)
    {
        var display = SourceSpan.DisplayPath(d.FullPath);
        var source = SourceReader.Read(d.FullPath, d.Relative, display, diagnostics);
        if (source is null) return null;
        var map = new SourceMap(display);
        if (d.Type.Format == ContentFormat.Yaml)
        {
            var node = FrontMatter.ParseMapping(source.Text, 1, display, diagnostics);
            var data = node is null ? null : d.Type.Bind(node, 1, map, diagnostics);
            return data is null ? null : new ContentDocument
            {
                Source = source, Type = d.Type, Edition = d.Match.Edition, Slug = d.Match.Slug, FrontMatter = data, Map = map, IsExample = d.Match.Example,
                Url = d.Type.UrlOf(d.Match), FrontMatterText = source.Text,
            };
        }
        var split = FrontMatter.Split(source.Text, display, diagnostics);
        if (split is null) return null;
        var yaml = FrontMatter.ParseMapping(split.Yaml!, split.YamlFirstLine, display, diagnostics);
        if (yaml is null) return null;
        var front = d.Type.Bind(yaml, split.YamlFirstLine, map, diagnostics);
        if (front is null) return null;
        return new ContentDocument
        {
            Source = source, Type = d.Type, Edition = d.Match.Edition, Slug = d.Match.Slug, FrontMatter = front, Map = map, IsExample = d.Match.Example,
            Markdown = MarkdownEngine.Parse(split.Body, split.BodyFirstLine), Url = d.Type.UrlOf(d.Match), FrontMatterText = split.Yaml!,
        };
    }

    /// <summary>Lower-case letters, digits, hyphens and (inside a name, as in quality statement ids) single dots.</summary>
    [GeneratedRegex(@"^(?!.*\.\.)([a-z0-9][a-z0-9\-.]*(/[a-z0-9][a-z0-9\-.]*)*)?$")]
    private static partial Regex SlugRegex();
}
