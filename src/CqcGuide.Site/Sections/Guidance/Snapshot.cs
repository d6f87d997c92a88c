using System.Globalization;
using System.Text.RegularExpressions;
using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Sections.Guidance;

/// <summary>
/// <c>cqcguide version snapshot</c>: freezes the current guidance as an older edition under
/// <c>input/versions/&lt;v&gt;/guidance/</c> and records it in site.yml (keeping the file's comments and layout).
/// </summary>
public static partial class Snapshot
{
    public sealed record Outcome(bool Ok, string Message);

    /// <param name="next">The new current edition; required when <paramref name="version"/> is the current one.</param>
    public static Outcome Create(string inputDir, string version, string? next, DateOnly today)
    {
        if (!VersionRegex().IsMatch(version)) return new(false, $"'{version}' is not a valid edition number; use digits and dots, e.g. 2.0");
        if (next is not null && !VersionRegex().IsMatch(next)) return new(false, $"'{next}' is not a valid edition number; use digits and dots, e.g. 2.1");
        var diagnostics = new DiagnosticBag();
        var config = DocumentLoader.LoadConfig(inputDir, diagnostics);
        if (config is null) return new(false, string.Join("\n", diagnostics.Sorted()));
        if (config.Versions.Any(v => v.Version == version))
            return new(false, $"edition {version} already exists in site.yml");
        if (version == config.CurrentVersion && next is null)
            return new(false, $"{version} is the current edition: give the edition that follows it, e.g. --next {Bump(version)}");
        if (next is not null && (next == version || config.Versions.Any(v => v.Version == next)))
            return new(false, $"--next {next} clashes with an existing edition");
        var source = Path.Combine(inputDir, "guidance");
        var target = Path.Combine(inputDir, "versions", version, "guidance");
        if (!Directory.Exists(source)) return new(false, $"there is no {source} to snapshot");
        if (Directory.Exists(target)) return new(false, $"{target} already exists; nothing was changed");

        // Regular files inside the guidance folder only: a link out of it, a device or a FIFO stops the snapshot.
        var problems = new DiagnosticBag();
        var files = Loading.SafeFiles.Enumerate(source, problems);
        if (problems.HasErrors) return new(false, string.Join("\n", problems.Sorted()) + "\nnothing was changed");
        foreach (var file in files)
        {
            var dest = Path.Combine(target, file.Relative);
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            if (file.Relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                File.WriteAllText(dest, Freeze(File.ReadAllText(file.ReadPath), Path.GetDirectoryName(file.Relative)!.Replace('\\', '/')));
            else
                File.Copy(file.ReadPath, dest);
        }

        var sitePath = Path.Combine(inputDir, "site.yml");
        var text = File.ReadAllText(sitePath).Replace("\r\n", "\n");
        var title = version == config.CurrentVersion ? config.CurrentVersionTitle ?? $"Edition {version}" : $"Edition {version}";
        var date = version == config.CurrentVersion && config.CurrentVersionDate is { } d ? d : today;
        var entry = $"  - version: \"{version}\"\n    title: {Yaml.YamlText.Quote(title)}\n    date: {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\n";
        var versions = VersionsKeyRegex().Match(text);
        if (versions.Success && versions.Groups["empty"].Success)
            text = text.Remove(versions.Index, versions.Length).Insert(versions.Index, "versions:\n" + entry.TrimEnd('\n'));
        else if (versions.Success)
            text = text.Insert(versions.Index + versions.Length + 1, entry);
        else
            text = text.TrimEnd('\n') + "\nversions:\n" + entry;
        if (next is not null)
        {
            text = SetKey(text, "current_version", $"\"{next}\"");
            text = SetKey(text, "current_version_title", Yaml.YamlText.Quote($"Edition {next}"));
            text = SetKey(text, "current_version_date", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        File.WriteAllText(sitePath, text);
        return new(true, $"Froze {files.Count} files as edition {version} in {target}" +
            (next is not null ? $"; the current edition is now {next}" : "") +
            ". Older editions are published at /v/" + version + "/guidance/.");
    }

    /// <summary>A guidance page's text as frozen: in the body, each relative link that leaves the guidance folder is
    /// rewritten to reach the same file from versions/&lt;v&gt;/guidance/; everything else is unchanged.</summary>
    /// <param name="folder">The page's folder inside guidance/, '/'-separated ("" at the top).</param>
    public static string Freeze(string text, string folder)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal); // as the build reads it: front matter is found on CRLF files too
        var split = Yaml.FrontMatter.Split(text, "", new DiagnosticBag(), required: false);
        if (split is null) return text;
        var head = text[..(text.Length - split.Body.Length)];
        return head + Markdown.MarkdownEngine.RewriteLinkAddresses(split.Body, url => FrozenAddress(url, folder));
    }

    /// <summary>
    /// The address a relative link in guidance/<paramref name="folder"/>/ needs once its page is frozen under
    /// versions/&lt;v&gt;/guidance/<paramref name="folder"/>/: null when it needs none (another site, an absolute
    /// path, an anchor, or a file inside guidance/, which the frozen edition has too); otherwise the same target from
    /// three folders deeper. A link that climbs out of the content folder is left to the build to report.
    /// </summary>
    public static string? FrozenAddress(string url, string folder)
    {
        if (url.Length == 0 || url[0] is '/' or '#' or '?' or '\\' || SchemeRegex().IsMatch(url)) return null;
        var cut = url.IndexOfAny(['#', '?']);
        var path = cut < 0 ? url : url[..cut];
        var start = "guidance/" + folder;
        var depth = start.Split('/', StringSplitOptions.RemoveEmptyEntries).Length + 2; // versions/<v>/ and the page's folders, up to the content folder
        var target = RelativePaths.Normalise(start, path);
        if (target is null || target == "guidance" || target.StartsWith("guidance/", StringComparison.Ordinal)) return null;
        var folderLink = path.Split('/')[^1] is "" or "." or "..";
        return string.Concat(Enumerable.Repeat("../", depth)) + target +
            (folderLink && target.Length > 0 ? "/" : "") + (cut < 0 ? "" : url[cut..]);
    }

    private static string SetKey(string text, string key, string value)
    {
        var regex = new Regex($"^{key}:.*$", RegexOptions.Multiline);
        return regex.IsMatch(text) ? regex.Replace(text, $"{key}: {value}".Replace("$", "$$", StringComparison.Ordinal), 1) : text.TrimEnd('\n') + $"\n{key}: {value}\n";
    }

    private static string Bump(string version)
    {
        var parts = version.Split('.');
        return parts.Length > 1 && int.TryParse(parts[^1], out var n) ? string.Join('.', parts[..^1]) + "." + (n + 1) : version + ".1";
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex SchemeRegex();

    [GeneratedRegex(@"^\d+(\.\d+)*$")]
    private static partial Regex VersionRegex();

    [GeneratedRegex(@"^versions:[ \t]*(?<empty>\[\s*\])?[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex VersionsKeyRegex();
}
