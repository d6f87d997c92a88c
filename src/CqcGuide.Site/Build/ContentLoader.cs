using System.Text.RegularExpressions;
using CqcGuide.Site.Content;
using CqcGuide.Site.Loading;
using CqcGuide.Site.Markdown;
using CqcGuide.Site.Yaml;

namespace CqcGuide.Site.Build;

/// <summary>The load and parse stages: find the input files, decode them strictly, bind front matter, parse Markdown once.</summary>
public static partial class ContentLoader
{
    public sealed record Discovered(string FullPath, string Relative, ContentKind Kind, string? Edition, string Slug);

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
        return node is null ? null : YamlBinder.Bind<SiteConfig>(node, 1, new SourceMap(display), diagnostics);
    }

    /// <summary>Classifies every file under the input folder (sorted, so the build is deterministic).</summary>
    public static (List<Discovered> Content, List<(string Relative, string Full)> Assets) Discover(string inputDir, SiteConfig config, DiagnosticBag diagnostics)
    {
        var content = new List<Discovered>();
        var assets = new List<(string, string)>();
        var editions = config.Versions.Select(v => v.Version).ToHashSet(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(inputDir, "*", SearchOption.AllDirectories)
            .Select(f => (Full: f, Rel: Path.GetRelativePath(inputDir, f).Replace('\\', '/')))
            .Where(f => !f.Rel.Split('/').Any(part => part.StartsWith('.')))
            .OrderBy(f => f.Rel, StringComparer.Ordinal);
        foreach (var (full, rel) in files)
        {
            var parts = rel.Split('/');
            var ext = Path.GetExtension(rel);
            if (rel == "site.yml" || parts[0] == "_theme") continue;
            if (parts[0] == "assets")
            {
                assets.Add((rel, full));
                continue;
            }
            Discovered? d = (parts[0], ext) switch
            {
                (_, ".md") when parts.Length == 1 && rel == "index.md" => new(full, rel, ContentKind.Home, null, ""),
                ("guidance", ".md") => new(full, rel, ContentKind.Guidance, null, SlugOf(parts[1..])),
                ("versions", ".md") when parts.Length >= 4 && parts[2] == "guidance" => new(full, rel, ContentKind.Guidance, parts[1], SlugOf(parts[3..])),
                ("checklists", ".md") when parts.Length == 2 => new(full, rel, ContentKind.Checklist, null, SlugOf(parts[1..])),
                ("pages", ".md") when parts.Length == 2 => new(full, rel, ContentKind.Page, null, SlugOf(parts[1..])),
                ("journal", ".md") when parts.Length == 2 => new(full, rel, ContentKind.LearningLog, null, SlugOf(parts[1..])),
                ("assessments", ".yml" or ".yaml") when parts.Length == 2 => new(full, rel, ContentKind.Assessment, null, SlugOf(parts[1..])),
                _ => null,
            };
            if (d is null)
            {
                if (!(parts[0] == "versions" && parts.Length == 3 && parts[2] == "version.yml"))
                    diagnostics.Warning(Codes.StrayFile, "this file is not part of any content type and is ignored", SourceSpan.File(SourceSpan.DisplayPath(full)),
                        "content goes in guidance/, checklists/, pages/, assessments/ or journal/; images and downloads in assets/");
                continue;
            }
            if (d.Edition is not null && !editions.Contains(d.Edition))
            {
                diagnostics.Error(Codes.UnknownVersion, $"edition '{d.Edition}' is not listed under 'versions' in site.yml", SourceSpan.File(SourceSpan.DisplayPath(full)),
                    $"add '- version: \"{d.Edition}\"' to versions in input/site.yml (cqcguide version snapshot does this for you)");
                continue;
            }
            if (!SlugRegex().IsMatch(d.Slug))
            {
                diagnostics.Error(Codes.InvalidSlug, $"'{d.Slug}' cannot be used in a web address", SourceSpan.File(SourceSpan.DisplayPath(full)),
                    "use lower-case letters, digits and hyphens in file and folder names, e.g. root-causes.md");
                continue;
            }
            content.Add(d);
        }
        return (content, assets);
    }

    private static string SlugOf(string[] parts)
    {
        var joined = string.Join('/', parts);
        var stem = joined[..joined.LastIndexOf('.')];
        if (stem == "index") return "";
        return stem.EndsWith("/index", StringComparison.Ordinal) ? stem[..^"/index".Length] : stem;
    }

    public static ContentDocument? Parse(Discovered d, DiagnosticBag diagnostics)
    {
        var display = SourceSpan.DisplayPath(d.FullPath);
        var source = SourceReader.Read(d.FullPath, d.Relative, display, diagnostics);
        if (source is null) return null;
        var map = new SourceMap(display);
        if (d.Kind == ContentKind.Assessment)
        {
            var node = FrontMatter.ParseMapping(source.Text, 1, display, diagnostics);
            var assessment = node is null ? null : YamlBinder.Bind<AssessmentDefinition>(node, 1, map, diagnostics);
            return assessment is null ? null : new ContentDocument
            {
                Source = source, Kind = d.Kind, Slug = d.Slug, FrontMatter = assessment, Map = map,
                Url = $"/assessments/{d.Slug}/", Title = assessment.Title, Order = assessment.Order,
            };
        }
        var split = FrontMatter.Split(source.Text, display, diagnostics);
        if (split is null) return null;
        var yaml = FrontMatter.ParseMapping(split.Yaml!, split.YamlFirstLine, display, diagnostics);
        if (yaml is null) return null;
        object? front = d.Kind switch
        {
            ContentKind.Guidance => YamlBinder.Bind<GuidanceFrontMatter>(yaml, split.YamlFirstLine, map, diagnostics),
            ContentKind.Checklist => YamlBinder.Bind<ChecklistFrontMatter>(yaml, split.YamlFirstLine, map, diagnostics),
            ContentKind.LearningLog => YamlBinder.Bind<LearningLogFrontMatter>(yaml, split.YamlFirstLine, map, diagnostics),
            _ => YamlBinder.Bind<PageFrontMatter>(yaml, split.YamlFirstLine, map, diagnostics),
        };
        if (front is null) return null;
        var markdown = MarkdownEngine.Parse(split.Body, split.BodyFirstLine);
        var (title, order) = front switch
        {
            GuidanceFrontMatter g => (g.Title, g.Order),
            ChecklistFrontMatter c => (c.Title, c.Order),
            LearningLogFrontMatter l => (l.Title, 0),
            PageFrontMatter p => (p.Title, p.Order),
            _ => ("", 0),
        };
        var url = d.Kind switch
        {
            ContentKind.Home => "/",
            ContentKind.Guidance when d.Edition is null => "/guidance/" + Dir(d.Slug),
            ContentKind.Guidance => $"/v/{d.Edition}/guidance/" + Dir(d.Slug),
            ContentKind.Checklist => "/checklists/" + Dir(d.Slug),
            ContentKind.LearningLog => "/journal/" + Dir(d.Slug),
            _ => "/" + Dir(d.Slug),
        };
        return new ContentDocument
        {
            Source = source, Kind = d.Kind, Edition = d.Edition, Slug = d.Slug, FrontMatter = front, Map = map,
            Markdown = markdown, Url = url, Title = title, Order = order, FrontMatterText = split.Yaml!,
        };
    }

    private static string Dir(string slug) => slug.Length == 0 ? "" : slug + "/";

    [GeneratedRegex(@"^([a-z0-9][a-z0-9\-]*(/[a-z0-9][a-z0-9\-]*)*)?$")]
    private static partial Regex SlugRegex();
}
