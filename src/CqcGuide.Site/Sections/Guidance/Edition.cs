using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Sections.Guidance;

/// <summary>A guidance edition: the current one at /guidance/, older frozen ones at /v/&lt;v&gt;/guidance/.</summary>
public sealed record Edition(string Version, string Label, DateOnly? Date, bool IsCurrent)
{
    public string Root => IsCurrent ? "/guidance/" : $"/v/{Version}/guidance/";

    /// <summary>The edition as documents carry it: null for the current edition.</summary>
    public string? Key => IsCurrent ? null : Version;

    /// <summary>Every edition, newest (current) first.</summary>
    public static IReadOnlyList<Edition> All(SiteConfig config)
    {
        var older = config.Versions
            .OrderByDescending(v => System.Version.TryParse(v.Version, out var parsed) ? parsed : new System.Version(0, 0))
            .ThenByDescending(v => v.Version, StringComparer.Ordinal)
            .Select(v => new Edition(v.Version, v.Title ?? $"Edition {v.Version}", v.Date, false));
        return [new Edition(config.CurrentVersion, config.CurrentVersionTitle ?? $"Edition {config.CurrentVersion}", config.CurrentVersionDate, true), .. older];
    }
}
