using System.Text.RegularExpressions;
using CqcGuide.Site.Loading;
using CqcGuide.Site.Markdown;
using CqcGuide.Site.Yaml;

namespace CqcGuide.Site.Pipeline;

/// <summary>The discover and load stages: find the input files, give each to the content type that owns it, decode it
/// strictly, bind its front matter to the type's record and parse its Markdown once.</summary>
public static partial class DocumentLoader
{
    /// <summary>A content file and the registered type that owns it. <paramref name="ReadPath"/> is where its bytes are
    /// read (a checked symbolic link's target inside the input folder); null for the file itself.</summary>
    public sealed record Discovered(string FullPath, string Relative, ContentType Type, ContentMatch Match, ISection Section, string? ReadPath = null)
    {
        public string ReadFrom => ReadPath ?? FullPath;
    }

    public static SiteConfig? LoadConfig(string inputDir, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(inputDir, "site.yml");
        var display = SourceSpan.DisplayPath(path);
        if (SafeFiles.Kind(path, follow: false) == EntryKind.Missing)
        {
            diagnostics.Error(Codes.SiteConfig, "site.yml is missing", SourceSpan.File(display),
                "create input/site.yml with at least 'title:' and 'current_version:'");
            return null;
        }
        var readPath = SafeFiles.Check(path, inputDir, diagnostics);
        if (readPath is null) return null;
        var source = SourceReader.Read(path, "site.yml", display, diagnostics, readPath);
        if (source is null) return null;
        var node = FrontMatter.ParseMapping(source.Text, 1, display, diagnostics);
        if (node is null) return null;
        var map = new SourceMap(display);
        var config = YamlBinder.Bind<SiteConfig>(node, 1, map, diagnostics);
        if (config is null) return null;
        config = config with { Map = map, Upstream = UpstreamContent.Load(inputDir) };
        if (!SiteSettings.Check(config, inputDir, diagnostics)) return null;
        return LoadOrganisation(inputDir, config, diagnostics);
    }

    /// <summary>Applies <c>input/organisation.yml</c> (optional) over site.yml's values, and checks the brand colour.</summary>
    private static SiteConfig? LoadOrganisation(string inputDir, SiteConfig config, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(inputDir, "organisation.yml");
        if (SafeFiles.Kind(path, follow: false) == EntryKind.Missing) return config;
        var display = SourceSpan.DisplayPath(path);
        var readPath = SafeFiles.Check(path, inputDir, diagnostics);
        if (readPath is null) return null;
        var source = SourceReader.Read(path, "organisation.yml", display, diagnostics, readPath);
        if (source is null) return null;
        var node = FrontMatter.ParseMapping(source.Text, 1, display, diagnostics, allowEmpty: true);
        if (node is null) return null;
        var map = new SourceMap(display);
        var org = YamlBinder.Bind<OrganisationSettings>(node, 1, map, diagnostics);
        if (org is null) return null;
        if (!Branding.Check(org, map, diagnostics)) return null;
        if (!RepositoryCheck(org, map, diagnostics)) return null;
        return config with
        {
            Org = org, OrganisationMap = map,
            Title = org.SiteTitle ?? config.Title, Description = org.Description ?? config.Description, BaseUrl = org.BaseUrl ?? config.BaseUrl,
            Organisation = org.Name ?? config.Organisation, FooterNote = org.FooterNote ?? config.FooterNote,
        };
    }

    /// <summary><c>repository:</c> names a GitHub repository (<c>owner/name</c>) and a branch that can go in a GitHub address.</summary>
    private static bool RepositoryCheck(OrganisationSettings org, Yaml.SourceMap map, DiagnosticBag diagnostics)
    {
        if (org.Repository is not { } repo) return true;
        var ok = true;
        if (!System.Text.RegularExpressions.Regex.IsMatch(repo.Github, @"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}\z") || repo.Github.EndsWith("/.", StringComparison.Ordinal) || repo.Github.EndsWith("/..", StringComparison.Ordinal))
        {
            diagnostics.Error(Codes.InvalidValue, $"repository.github '{repo.Github}' is not a GitHub repository written owner/name", map["repository.github"], "for example github: example-care/our-journal");
            ok = false;
        }
        if (!System.Text.RegularExpressions.Regex.IsMatch(repo.Branch, @"^[A-Za-z0-9._/-]{1,100}\z") || repo.Branch.Contains("..", StringComparison.Ordinal) || repo.Branch.StartsWith('/') || repo.Branch.EndsWith('/'))
        {
            diagnostics.Error(Codes.InvalidValue, $"repository.branch '{repo.Branch}' is not a branch name", map["repository.branch"], "for example branch: main");
            ok = false;
        }
        return ok;
    }

    /// <summary>Classifies every file under the input folder (sorted, so the build is deterministic).</summary>
    public static (List<Discovered> Content, List<(string Relative, string Full)> Assets) Discover(string inputDir, SiteConfig config, IReadOnlyList<ISection> sections, DiagnosticBag diagnostics)
    {
        var content = new List<Discovered>();
        var assets = new List<(string, string)>();
        var types = sections.SelectMany(s => s.ContentTypes.Select(t => (Section: s, Type: t))).ToArray();
        // Regular files only (links checked, devices and FIFOs reported); the theme layer and the settings are read elsewhere.
        var files = SafeFiles.Enumerate(inputDir, diagnostics, rel => rel is "site.yml" or "organisation.yml" or "_theme");
        foreach (var (full, relative, readPath) in files)
        {
            var rel = relative;
            var parts = rel.Split('/');
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
                if (InputAssets.Check(full, readPath, diagnostics)) assets.Add((rel, readPath));
                continue;
            }
            Discovered? found = null;
            foreach (var (section, type) in types)
            {
                if (type.Match(parts) is not { } match) continue;
                found = new Discovered(full, rel, type, match with { Example = example }, section, readPath == full ? null : readPath);
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
            if (found.Match.Edition is { } edition && !SiteSettings.IsEdition(edition))
            {
                diagnostics.Error(Codes.InvalidSlug, $"'{edition}' cannot be used as an edition in a web address", SourceSpan.File(SourceSpan.DisplayPath(full)),
                    "name edition folders with lower-case letters, digits, dots and hyphens, e.g. versions/2.0/");
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
        var source = SourceReader.Read(d.FullPath, d.Relative, display, diagnostics, d.ReadFrom);
        return source is null ? null : Load(d, source, diagnostics);
    }

    /// <summary>The load stage after the bytes are decoded: front matter, binding and Markdown (the fuzz tests drive it
    /// directly, in memory).</summary>
    internal static ContentDocument? Load(Discovered d, SourceFile source, DiagnosticBag diagnostics)
    {
        var display = source.DisplayPath;
        var map = new SourceMap(display);
        if (d.Type.Format == ContentFormat.Json)
            return new ContentDocument
            {
                Source = source, Type = d.Type, Edition = d.Match.Edition, Slug = d.Match.Slug, FrontMatter = new DataFile(d.Match.Slug), Map = map,
                IsExample = d.Match.Example, Url = d.Type.UrlOf(d.Match), FrontMatterText = source.Text,
            };
        if (d.Type.Format == ContentFormat.Yaml)
        {
            var node = FrontMatter.ParseMapping(source.Text, 1, display, diagnostics);
            var data = node is null ? null : d.Type.Bind(node, 1, map, diagnostics);
            return data is null || !TitleFits(data, map, diagnostics) ? null : new ContentDocument
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
        if (front is null || !TitleFits(front, map, diagnostics)) return null;
        var markdown = MarkdownEngine.TryParse(split.Body, split.BodyFirstLine, display, diagnostics);
        if (markdown is null) return null;
        return new ContentDocument
        {
            Source = source, Type = d.Type, Edition = d.Match.Edition, Slug = d.Match.Slug, FrontMatter = front, Map = map, IsExample = d.Match.Example,
            Markdown = markdown, Url = d.Type.UrlOf(d.Match), FrontMatterText = split.Yaml!,
        };
    }

    /// <summary>The most a title may hold: it is repeated in navigation, lists and feeds across the site.</summary>
    public const int MaxTitleLength = 200;

    private static bool TitleFits(IFrontMatter front, SourceMap map, DiagnosticBag diagnostics)
    {
        if (front.Title.Length <= MaxTitleLength) return true;
        diagnostics.Error(Codes.TooLong, $"the title is {front.Title.Length} characters long; the most is {MaxTitleLength}", map["title"],
            "shorten it (a title is repeated in menus, lists and feeds across the site); put the detail in 'summary'");
        return false;
    }

    /// <summary>Lower-case letters, digits, hyphens and (inside a name, as in quality statement ids) single dots.</summary>
    [GeneratedRegex(@"^(?!.*\.\.)([a-z0-9][a-z0-9\-.]*(/[a-z0-9][a-z0-9\-.]*)*)?$")]
    private static partial Regex SlugRegex();
}
