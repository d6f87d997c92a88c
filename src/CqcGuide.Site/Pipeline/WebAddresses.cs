namespace CqcGuide.Site.Pipeline;

/// <summary>
/// Which addresses a page may link to: site-relative ones, and absolute ones whose scheme is http, https or mailto.
/// Anything else (<c>javascript:</c>, <c>data:</c>, <c>vbscript:</c>, <c>file:</c>...) is refused with CG304 wherever
/// it is written: Markdown links and images, autolinks, and front-matter addresses (see <see cref="WebAddressAttribute"/>).
/// Only the content security policy stood between such a link and a click before.
/// </summary>
public static class WebAddresses
{
    public static readonly IReadOnlySet<string> AllowedSchemes = new HashSet<string>(StringComparer.Ordinal) { "http", "https", "mailto" };

    /// <summary>The scheme as a browser reads it (ASCII tabs and line breaks removed, leading spaces and controls
    /// trimmed, lower case), or null for a relative address.</summary>
    public static string? Scheme(string url)
    {
        var cleaned = string.Concat(url.Where(c => c is not ('\t' or '\n' or '\r'))).TrimStart((char[])[.. Enumerable.Range(0, 0x21).Select(i => (char)i)]);
        var colon = cleaned.IndexOf(':');
        if (colon <= 0) return null;
        var candidate = cleaned[..colon];
        if (!char.IsAsciiLetter(candidate[0]) || !candidate.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')) return null;
        return candidate.ToLowerInvariant();
    }

    /// <summary>True for a relative address or an http, https or mailto one.</summary>
    public static bool IsAllowed(string url) => Scheme(url) is not { } scheme || AllowedSchemes.Contains(scheme);

    /// <summary>Reports an address whose scheme is not allowed; true when it is fine.</summary>
    public static bool Check(string url, SourceSpan at, DiagnosticBag diagnostics)
    {
        if (IsAllowed(url)) return true;
        diagnostics.Error(Codes.UnsafeUrl, $"'{Shorten(url)}' is a {Scheme(url)}: address; links may only be web (http, https), email (mailto) or site addresses", at,
            "link to a page instead; a script or data address in a link runs in the reader's browser");
        return false;
    }

    private static string Shorten(string url) => url.Length <= 80 ? url : url[..77] + "...";
}

/// <summary>Marks a front-matter string (or list of strings) that holds a link: its scheme is checked when it is bound.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WebAddressAttribute : Attribute;
