using System.Text.RegularExpressions;
using CqcGuide.Site.Loading;

namespace CqcGuide.Site.Pipeline;

/// <summary>
/// Checks of <c>site.yml</c> values that become paths or markup: editions (path segments under <c>/v/</c> and
/// <c>/changes/</c>), the page language (the <c>lang</c> attribute and the search index's language) and the extra
/// theme folder (read by the build, so it must be inside the project).
/// </summary>
public static partial class SiteSettings
{
    /// <summary>The longest language tag: Pagefind 1.6 stops with a panic on tags of 30 characters or more.</summary>
    public const int MaxLanguageLength = 24;

    /// <summary>The most entries of the header menu or the footer (both are on every page).</summary>
    public const int MaxMenuEntries = 30;

    public static bool Check(SiteConfig config, string inputDir, DiagnosticBag diagnostics)
    {
        var ok = true;
        if (!IsEdition(config.CurrentVersion))
        {
            diagnostics.Error(Codes.InvalidSlug, $"current_version '{config.CurrentVersion}' cannot be used in a web address", config.Map["current_version"],
                "write an edition as digits and dots, e.g. \"2.0\" (lower-case letters, digits, dots and hyphens are allowed)");
            ok = false;
        }
        for (var i = 0; i < config.Versions.Count; i++)
        {
            if (IsEdition(config.Versions[i].Version)) continue;
            diagnostics.Error(Codes.InvalidSlug, $"edition '{config.Versions[i].Version}' cannot be used in a web address", config.Map[$"versions[{i}].version"],
                "write an edition as digits and dots, e.g. \"1.0\"");
            ok = false;
        }
        if (!IsLanguageTag(config.Language))
        {
            diagnostics.Error(Codes.SiteConfig, $"language '{config.Language}' is not a BCP 47 language tag of at most {MaxLanguageLength} characters", config.Map["language"],
                "for example en-GB, cy or en; see https://www.w3.org/International/articles/language-tags/");
            ok = false;
        }
        foreach (var (list, key) in new[] { (config.Menu, "menu"), (config.Footer, "footer") })
        {
            if (list is null || list.Count <= MaxMenuEntries) continue;
            diagnostics.Error(Codes.InvalidValue, $"'{key}' has {list.Count} entries; the most is {MaxMenuEntries}", config.Map[$"{key}[{MaxMenuEntries}]"],
                "every page carries the menu and the footer; keep them short");
            ok = false;
        }
        if (config.Theme is { } theme)
        {
            var project = Path.GetDirectoryName(Path.GetFullPath(inputDir).TrimEnd(Path.DirectorySeparatorChar)) ?? "/";
            var full = Path.GetFullPath(Path.Combine(inputDir, theme));
            var real = SafeFiles.RealPath(full) ?? full;
            var realProject = SafeFiles.RealPath(project) ?? project;
            if (Path.IsPathRooted(theme) || !SafeFiles.IsInside(real, realProject) || real == realProject)
            {
                diagnostics.Error(Codes.SiteConfig, $"theme '{theme}' is outside the project folder {SourceSpan.DisplayPath(project)}/", config.Map["theme"],
                    "name a folder inside the project, relative to input/, e.g. 'theme: ../my-theme' or '_theme'");
                ok = false;
            }
        }
        return ok;
    }

    /// <summary>An edition: lower-case letters and digits in groups joined by single dots or hyphens (<c>2.0</c>, <c>2026-1</c>).</summary>
    public static bool IsEdition(string version) => EditionRegex().IsMatch(version);

    /// <summary>A well-formed BCP 47 (RFC 5646) language tag, short enough for the search indexer.</summary>
    public static bool IsLanguageTag(string tag) => tag.Length <= MaxLanguageLength && LanguageTagRegex().IsMatch(tag);

    [GeneratedRegex("^[a-z0-9]+([.-][a-z0-9]+)*$")]
    private static partial Regex EditionRegex();

    // language ["-" script] ["-" region] *("-" variant) *("-" extension) ["-" privateuse], or a private-use tag alone.
    [GeneratedRegex(@"^(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?|[Xx](?:-[A-Za-z0-9]{1,8})+)$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTagRegex();
}
