using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CqcGuide.Site.Templates;

/// <summary>
/// A fork's overrides of theme files (<c>input/_theme/...</c>) record which version of the built-in file they replace:
/// a first-line comment <c>cqcguide-overrides sha256:…</c>, written by <c>cqcguide theme override</c>. When upstream
/// later changes the built-in file, the build says so, so the fork can bring its copy up to date instead of silently
/// missing upstream's fixes.
/// </summary>
public static partial class ThemeOverrides
{
    /// <summary>The header comment for an override of <paramref name="relative"/> whose built-in text is <paramref name="builtIn"/>.</summary>
    public static string Header(string relative, string builtIn)
    {
        var mark = $"cqcguide-overrides theme/{relative} sha256:{Hash(builtIn)}";
        return Path.GetExtension(relative) switch
        {
            ".liquid" => "{%- comment -%}" + mark + "{%- endcomment -%}",
            ".css" or ".js" => "/* " + mark + " */",
            _ => "",
        };
    }

    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal))));

    /// <summary>Copies a built-in theme file into the override folder with its header (or, with <paramref name="recordOnly"/>,
    /// only records the current built-in version in an existing override). Returns the override's path.</summary>
    public static string Create(string themeDir, string overrideDir, string relative, bool recordOnly)
    {
        var builtInPath = Path.Combine(themeDir, relative);
        if (!File.Exists(builtInPath)) throw new FileNotFoundException($"the theme has no file {relative}", builtInPath);
        var builtIn = File.ReadAllText(builtInPath);
        var header = Header(relative, builtIn);
        if (header.Length == 0) throw new InvalidOperationException($"{relative}: only .liquid, .css and .js files can record what they override");
        var target = Path.Combine(overrideDir, relative);
        var body = builtIn;
        if (recordOnly)
        {
            if (!File.Exists(target)) throw new FileNotFoundException($"there is no override {target} to record", target);
            body = File.ReadAllText(target);
            if (MarkRegex().IsMatch(FirstLine(body))) body = body[(body.IndexOf('\n') + 1)..];
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, header + "\n" + body);
        return target;
    }

    /// <summary>Reports overrides that shadow a built-in file upstream has changed since, or that record nothing.</summary>
    public static void Check(IEnumerable<string> overrideRoots, string themeDir, DiagnosticBag diagnostics)
    {
        // Regular files inside each folder only, read capped (links, FIFOs and devices are reported by the theme layers).
        var ignored = new DiagnosticBag();
        foreach (var root in overrideRoots.Where(Directory.Exists))
        foreach (var (file, relative, readPath) in Loading.SafeFiles.Enumerate(root, ignored))
        {
            var builtIn = Path.Combine(themeDir, relative);
            if (Loading.SafeFiles.Kind(builtIn, follow: false) != Loading.EntryKind.Regular || Header(relative, "").Length == 0) continue;
            var display = SourceSpan.DisplayPath(file);
            if (Loading.SafeFiles.ReadAllBytes(readPath, display, Loading.SafeFiles.MaxTextBytes, ignored) is not { } bytes) continue;
            var mark = MarkRegex().Match(FirstLine(System.Text.Encoding.UTF8.GetString(bytes)));
            if (!mark.Success)
                diagnostics.Advice(Codes.StaleOverride, $"this file overrides theme/{relative} but does not record which version of it", SourceSpan.File(display),
                    $"run 'cqcguide theme override {relative} --record' so the build can tell you when upstream changes theme/{relative}");
            else if (mark.Groups[1].Value != Hash(File.ReadAllText(builtIn)))
                diagnostics.Advice(Codes.StaleOverride, $"theme/{relative} has changed upstream since this override was made", SourceSpan.File(display),
                    $"compare it with theme/{relative}, bring your copy up to date, then run 'cqcguide theme override {relative} --record'");
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0];

    [GeneratedRegex(@"cqcguide-overrides \S+ sha256:([0-9a-f]{64})")]
    private static partial Regex MarkRegex();
}
