using System.Globalization;
using System.Text.RegularExpressions;

namespace CqcGuide.Site.Pipeline;

/// <summary>
/// The organisation's brand colour: checked for WCAG 2.2 AA contrast (4.5:1 against the white text of the header and
/// menu, which is also its contrast against the white page where it marks borders), then published as a small
/// stylesheet that sets the theme's <c>--brand</c> and <c>--brand-dark</c>.
/// </summary>
public static partial class Branding
{
    public const double MinimumContrast = 4.5;

    public const string StylesheetName = "css/brand.css";

    public static bool Check(OrganisationSettings org, Yaml.SourceMap map, DiagnosticBag diagnostics)
    {
        if (org.BrandColour is not { } colour) return true;
        if (!HexColour().IsMatch(colour))
        {
            diagnostics.Error(Codes.InvalidValue, $"brand_colour '{colour}' is not a colour written as #rrggbb", map["brand_colour"], "for example brand_colour: \"#1d4e89\"");
            return false;
        }
        var ratio = Contrast(colour, "#ffffff");
        if (ratio < MinimumContrast)
        {
            diagnostics.Error(Codes.LowContrast,
                string.Create(CultureInfo.InvariantCulture, $"brand_colour {colour} has a contrast of {ratio:0.00}:1 with the header's white text; WCAG AA needs at least {MinimumContrast}:1"),
                map["brand_colour"], "choose a darker colour (the header, menu and accents use it behind or beside white)");
            return false;
        }
        return true;
    }

    /// <summary>The stylesheet that applies the brand colour, or null when the theme's own colours stay.</summary>
    public static string? Stylesheet(OrganisationSettings org) => org.BrandColour is { } c && HexColour().IsMatch(c)
        ? $":root {{ --brand: {c.ToLowerInvariant()}; --brand-dark: {Darken(c, 0.7)}; }}\n"
        : null;

    /// <summary>The theme's header colour when the organisation has no brand colour (site.css --brand-dark).</summary>
    public const string DefaultDark = "#003f40";

    /// <summary>The header's colour: the brand colour darkened, or the theme's own.</summary>
    public static string Dark(OrganisationSettings org) => org.BrandColour is { } c && HexColour().IsMatch(c) ? Darken(c, 0.7) : DefaultDark;

    /// <summary>WCAG 2.2 contrast ratio of two sRGB colours (#rrggbb).</summary>
    public static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        static double Channel(int v)
        {
            var c = v / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var (r, g, b) = Rgb(hex);
        return 0.2126 * Channel(r) + 0.7152 * Channel(g) + 0.0722 * Channel(b);
    }

    private static (int R, int G, int B) Rgb(string hex) =>
        (int.Parse(hex[1..3], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
         int.Parse(hex[3..5], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
         int.Parse(hex[5..7], NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private static string Darken(string hex, double factor)
    {
        var (r, g, b) = Rgb(hex);
        return string.Create(CultureInfo.InvariantCulture, $"#{(int)(r * factor):x2}{(int)(g * factor):x2}{(int)(b * factor):x2}");
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColour();
}
