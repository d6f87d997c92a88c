using System.Text;
using System.Text.RegularExpressions;

namespace CqcGuide.Site.Loading;

/// <summary>
/// Files under <c>input/assets/</c> are copied as they are, so nothing there may run as part of the site on a host that
/// sends no security headers: HTML files are refused, and SVG or XML files with scripts, event handlers, embedded HTML
/// or <c>javascript:</c> addresses are refused at the line that has them. Every asset is capped at
/// <see cref="SafeFiles.MaxAssetBytes"/>.
/// </summary>
public static partial class InputAssets
{
    private static readonly string[] HtmlExtensions = [".html", ".htm", ".xhtml", ".xht", ".shtml", ".mht", ".mhtml", ".svgz"];
    private static readonly string[] MarkupExtensions = [".svg", ".xml", ".xsl", ".xslt"];

    /// <summary>True when the asset may be published; otherwise the problem is reported at its path.</summary>
    public static bool Check(string fullPath, string readPath, DiagnosticBag diagnostics)
    {
        var display = SourceSpan.DisplayPath(fullPath);
        var extension = Path.GetExtension(fullPath).ToLowerInvariant();
        if (HtmlExtensions.Contains(extension))
        {
            diagnostics.Error(Codes.ActiveAsset, $"'{extension}' files are not published from assets/: a page there would run as part of the site, outside its templates and policy",
                SourceSpan.File(display), extension == ".svgz" ? "publish the uncompressed .svg instead" : "write the page as Markdown under pages/, or link to a PDF");
            return false;
        }
        long length;
        try
        {
            length = new FileInfo(readPath).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(Codes.Unreadable, $"cannot read the file: {e.Message}", SourceSpan.File(display));
            return false;
        }
        if (length > SafeFiles.MaxAssetBytes)
        {
            diagnostics.Error(Codes.FileTooLarge, $"the file is larger than {SafeFiles.Size(SafeFiles.MaxAssetBytes)}, the most the build publishes from assets/",
                SourceSpan.File(display), "make it smaller, or host it elsewhere and link to it");
            return false;
        }
        if (!MarkupExtensions.Contains(extension)) return true;
        var bytes = SafeFiles.ReadAllBytes(readPath, display, SafeFiles.MaxAssetBytes, diagnostics);
        if (bytes is null) return false;
        var text = Encoding.UTF8.GetString(bytes);
        var m = ActiveMarkup().Match(text);
        if (!m.Success) return true;
        var (line, column) = TextRules.Position(text, m.Index);
        diagnostics.Error(Codes.ActiveAsset, $"this {extension[1..].ToUpperInvariant()} file contains active content ('{m.Value.Trim()}'), which would run when the file is opened",
            new SourceSpan(display, line, column), "remove scripts, event handlers (on...=), embedded HTML and javascript: links; most editors can export a plain SVG");
        return false;
    }

    [GeneratedRegex(@"<\s*(script|foreignObject|iframe|embed|object|handler|html:|xhtml:)|<\?xml-stylesheet|\son[a-z]+\s*=|(java|vb)script\s*:|xmlns(:\w+)?\s*=\s*[""']http://www\.w3\.org/1999/xhtml|<!ENTITY", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActiveMarkup();
}
