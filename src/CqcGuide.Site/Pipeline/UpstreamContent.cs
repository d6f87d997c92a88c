using System.Security.Cryptography;
using System.Text;

namespace CqcGuide.Site.Pipeline;

/// <summary>
/// Which content came from upstream unchanged. <c>input/.upstream-content</c> lists, for every file upstream ships, the
/// SHA-256 of its text (line endings normalised) and its path; upstream writes it with <c>cqcguide upstream record</c>
/// before each edition. A file whose text still has that hash is upstream's and unchanged: its overdue review dates
/// show on the page and warn, but never fail a fork's <c>--strict</c> deploy. A file the fork added or changed is the
/// fork's own.
/// </summary>
public sealed class UpstreamContent
{
    public const string FileName = ".upstream-content";

    private readonly IReadOnlyDictionary<string, string> hashes;

    private UpstreamContent(IReadOnlyDictionary<string, string> hashes) => this.hashes = hashes;

    public static UpstreamContent None { get; } = new(new Dictionary<string, string>());

    public int Count => hashes.Count;

    public static UpstreamContent Load(string inputDir)
    {
        var path = Path.Combine(inputDir, FileName);
        // A regular file only (a FIFO here would block the build; a link out of the input is not read).
        if (Loading.SafeFiles.Kind(path, follow: false) != Loading.EntryKind.Regular || new FileInfo(path).Length > Loading.SafeFiles.MaxAssetBytes) return None;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cut = line.IndexOf("  ", StringComparison.Ordinal);
            if (cut > 0) map[line[(cut + 2)..]] = line[..cut];
        }
        return new UpstreamContent(map);
    }

    /// <summary>True when the file is upstream's and unchanged.</summary>
    public bool IsUnchanged(string relativePath, string text) =>
        hashes.TryGetValue(relativePath, out var hash) && hash == Hash(text);

    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal))));

    /// <summary>The manifest for the given files (path relative to the input folder → text), sorted.</summary>
    public static string Manifest(IEnumerable<(string Path, string Text)> files)
    {
        var sb = new StringBuilder("# Upstream content: SHA-256 of each file's text and its path. Written by 'cqcguide upstream record'.\n");
        foreach (var (path, text) in files.OrderBy(f => f.Path, StringComparer.Ordinal)) sb.Append(Hash(text)).Append("  ").Append(path).Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// Writes the manifest for the content upstream ships: every Markdown and YAML file under the input folder except
    /// the organisation's own (<c>organisation.yml</c>, <c>journal/</c>, <c>measures/</c>, <c>assessments/history/</c>)
    /// and the theme overrides. Returns the number of files recorded.
    /// </summary>
    public static int Record(string inputDir)
    {
        var files = Directory.EnumerateFiles(inputDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(inputDir, f).Replace('\\', '/'))
            .Where(r => (r.EndsWith(".md", StringComparison.Ordinal) || r.EndsWith(".yml", StringComparison.Ordinal)) && !IsOrganisations(r))
            .Select(r => (r, File.ReadAllText(Path.Combine(inputDir, r))))
            .ToArray();
        File.WriteAllText(Path.Combine(inputDir, FileName), Manifest(files));
        return files.Length;
    }

    private static bool IsOrganisations(string relative) =>
        relative == "organisation.yml" || relative.Split('/').Any(p => p.StartsWith('.'))
        || relative.StartsWith("_theme/", StringComparison.Ordinal) || relative.StartsWith("journal/", StringComparison.Ordinal)
        || relative.StartsWith("measures/", StringComparison.Ordinal) || relative.StartsWith("assessments/history/", StringComparison.Ordinal);
}
