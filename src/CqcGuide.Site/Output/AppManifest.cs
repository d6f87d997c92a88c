using System.Text.Json;
using System.Text.Json.Serialization;
using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Output;

/// <summary>
/// The web app manifest (<c>manifest.webmanifest</c>): with it a care home tablet or a carer's phone can add the site
/// to its home screen, where it opens in its own window and, with the service worker, works without a connection.
/// </summary>
public static class AppManifest
{
    public const string ManifestPath = "manifest.webmanifest";
    public const string IconPath = "icon.svg";
    /// <summary>The theme's icon; its default header colour is replaced with the organisation's.</summary>
    public const string IconTemplate = "app/icon.svg";

    public static byte[] Json(SiteConfig config, string basePath, string themeColour) => JsonSerializer.SerializeToUtf8Bytes(new Manifest
    {
        Name = config.Title,
        ShortName = config.Title.Length <= 24 ? config.Title : config.Title[..23].TrimEnd() + "…",
        Description = config.Description,
        Lang = config.Language,
        StartUrl = basePath,
        Scope = basePath,
        ThemeColor = themeColour,
        Icons = [new Icon { Src = basePath + IconPath }],
    }, Options);

    private sealed record Manifest
    {
        public required string Name { get; init; }
        public required string ShortName { get; init; }
        public required string Description { get; init; }
        public required string Lang { get; init; }
        public required string StartUrl { get; init; }
        public required string Scope { get; init; }
        public string Display { get; init; } = "standalone";
        public string BackgroundColor { get; init; } = "#ffffff";
        public required string ThemeColor { get; init; }
        public required IReadOnlyList<Icon> Icons { get; init; }
    }

    private sealed record Icon
    {
        public required string Src { get; init; }
        public string Sizes { get; init; } = "any";
        public string Type { get; init; } = "image/svg+xml";
        public string Purpose { get; init; } = "any";
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
