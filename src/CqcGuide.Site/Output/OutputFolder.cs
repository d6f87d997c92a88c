using CqcGuide.Site.Loading;

namespace CqcGuide.Site.Output;

/// <summary>
/// Which folder a build may replace. The build deletes its output folder's contents on every successful run, so the
/// folder must never be, contain or sit inside the input, the theme or the project (<c>--output input</c> used to delete
/// every source file), must not be a file, a link or a file-system root, and must hold only what an earlier build wrote
/// (it carries <see cref="MarkerName"/>) unless <c>--force</c> says otherwise. Leftover staging from a failed run is
/// removed by the next one, but only when it carries the marker too.
/// </summary>
public static class OutputFolder
{
    /// <summary>Written into every output folder: the mark of a folder the build may replace.</summary>
    public const string MarkerName = ".cqcguide-output";
    public const string MarkerText = "Built by CqcGuide. The whole folder is replaced by the next build: keep nothing else here.\n";
    public const string StagingSuffix = ".staging";
    public const string PreviousSuffix = ".previous";

    /// <summary>The folders a build must never write into or replace.</summary>
    public sealed record Protected(string Input, string Theme, string? ThemeOverride, string WorkingDirectory);

    /// <summary>Null when <paramref name="output"/> may be replaced; otherwise why not (CG904, a usage error).</summary>
    public static Diagnostic? Check(string output, Protected folders, bool force)
    {
        var shown = SourceSpan.DisplayPath(Path.GetFullPath(output));
        Diagnostic Refuse(string message, string hint) =>
            new(Severity.Error, Codes.UnsafeOutputFolder, message, shown, 1, 1, hint);

        var full = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        if (full.Length == 0 || Path.GetPathRoot(full + Path.DirectorySeparatorChar)?.TrimEnd(Path.DirectorySeparatorChar) == full)
            return Refuse("the output folder is the root of a file system", "name a folder of its own, e.g. --output output");
        var kind = SafeFiles.Kind(full, follow: false);
        if (kind == EntryKind.Link)
            return Refuse("the output folder is a symbolic link; the build replaces the folder, not what a link points to", "name a real folder, e.g. --output output");
        if (kind is not (EntryKind.Missing or EntryKind.Directory))
            return Refuse("the output path is an existing file, not a folder", "name a folder, e.g. --output output");

        var real = Resolve(full);
        var input = Resolve(folders.Input);
        var project = Path.GetDirectoryName(input) ?? input;
        var named = new List<(string Path, string What, bool MayContainOutput)>
        {
            (input, "the input folder", false),
            (Resolve(folders.Theme), "the theme folder", false),
            (project, "the project folder", true),
            (Resolve(folders.WorkingDirectory), "the current folder", true),
        };
        if (folders.ThemeOverride is { } t) named.Add((Resolve(t), "the theme folder named in site.yml", false));
        foreach (var (path, what, mayContain) in named)
        {
            if (real == path) return Refuse($"the output folder is {what} ({SourceSpan.DisplayPath(path)}): building there would delete it", "build into a folder of its own, e.g. --output output");
            if (SafeFiles.IsInside(path, real)) return Refuse($"the output folder contains {what} ({SourceSpan.DisplayPath(path)}): building there would delete it", "build into a folder of its own, e.g. --output output");
            if (!mayContain && SafeFiles.IsInside(real, path)) return Refuse($"the output folder is inside {what} ({SourceSpan.DisplayPath(path)})", "build into a folder outside it, e.g. --output output next to input/");
        }
        foreach (var sibling in new[] { full + StagingSuffix, full + PreviousSuffix })
            if (Directory.Exists(sibling) && !IsOurs(sibling))
                return Refuse($"{SourceSpan.DisplayPath(sibling)} exists and was not made by CqcGuide; the build needs that name for its staging folder", "move that folder away, or choose another --output");
        if (!force && kind == EntryKind.Directory && !IsOurs(full))
            return Refuse("the output folder holds files that CqcGuide did not write (it has no " + MarkerName + " file); the build would delete them",
                "empty the folder or choose another one; if it is an earlier CqcGuide build, or you are sure, add --force");
        return null;
    }

    /// <summary>A folder the build made: it carries the marker, or it is empty.</summary>
    public static bool IsOurs(string folder)
    {
        if (File.Exists(Path.Combine(folder, MarkerName))) return true;
        try
        {
            return !Directory.EnumerateFileSystemEntries(folder).Any();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Removes leftover staging (or a previous output left by an interrupted swap) of <paramref name="output"/>.</summary>
    public static void CleanLeftovers(string output)
    {
        var full = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        DeleteOurs(full + StagingSuffix);
        DeleteOurs(full + PreviousSuffix);
    }

    /// <summary>Deletes a folder the build made (never anything else; never follows a link).</summary>
    internal static void DeleteOurs(string folder)
    {
        var kind = SafeFiles.Kind(folder, follow: false);
        if (kind == EntryKind.Missing) return;
        if (kind == EntryKind.Directory && IsOurs(folder))
        {
            StagingSink.DeleteTree(folder);
            return;
        }
        throw new IOException($"{folder} exists and was not made by CqcGuide; it is left as it is");
    }

    /// <summary>A full path with the links of its existing part resolved (the rest may not exist yet).</summary>
    private static string Resolve(string path)
    {
        var full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
        if (full.Length == 0) return Path.DirectorySeparatorChar.ToString();
        var rest = new Stack<string>();
        var current = full;
        while (true)
        {
            if (SafeFiles.RealPath(current) is { } real)
            {
                foreach (var part in rest) real = Path.Combine(real, part);
                return real.TrimEnd(Path.DirectorySeparatorChar) is { Length: > 0 } r ? r : Path.DirectorySeparatorChar.ToString();
            }
            var parent = Path.GetDirectoryName(current);
            if (parent is null) return full;
            rest.Push(Path.GetFileName(current));
            current = parent;
        }
    }
}
