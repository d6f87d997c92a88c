using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace CqcGuide.Site.Output;

/// <summary>Where built files go: a staging folder (swapped into place on success) or memory (serve, check).</summary>
public interface IOutputSink
{
    void Write(string relativePath, byte[] bytes);
    void Copy(string relativePath, string sourceFile);
}

/// <summary>A file the build would have written outside its output folder (refused: CG903).</summary>
public sealed class OutputEscapeException(string relativePath)
    : Exception($"refused to write '{relativePath}': it is not a path inside the output folder")
{
    public string RelativePath { get; } = relativePath;
}

/// <summary>The rule every sink applies to the paths it is given.</summary>
public static class OutputPaths
{
    /// <summary>True for a relative path of plain segments: no root, drive, <c>..</c>, <c>.</c>, empty segment,
    /// backslash or control character, so it can only name a file inside the output folder.</summary>
    public static bool IsSafe(string relativePath)
    {
        if (relativePath.Length == 0 || relativePath.Length > 1024 || relativePath[0] == '/' || relativePath.Contains('\\') || relativePath.Contains(':')) return false;
        foreach (var c in relativePath)
            if (char.IsControl(c)) return false;
        foreach (var segment in relativePath.Split('/'))
            if (segment is "" or "." or ".." || segment.Length > 255) return false;
        return true;
    }

    public static void Require(string relativePath)
    {
        if (!IsSafe(relativePath)) throw new OutputEscapeException(relativePath);
    }
}

public sealed class MemorySink : IOutputSink
{
    public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public void Write(string relativePath, byte[] bytes)
    {
        OutputPaths.Require(relativePath);
        Files[relativePath] = bytes;
    }

    public void Copy(string relativePath, string sourceFile)
    {
        OutputPaths.Require(relativePath);
        Files[relativePath] = File.ReadAllBytes(sourceFile);
    }
}

/// <summary>
/// Builds into <c>&lt;output&gt;.staging</c> next to the output folder, then swaps it into place only when the build
/// succeeded, so a failed build leaves the previous output byte for byte as it was. The swap is one atomic
/// <c>renameat2(RENAME_EXCHANGE)</c> where the file system supports it (so <c>output/</c> always exists), else two
/// renames. Both folders carry <see cref="OutputFolder.MarkerName"/>, so a later run knows it may replace or clean them.
/// </summary>
public sealed class StagingSink : IOutputSink
{
    // One creation per folder, and every writer into it waits for that creation (a flag set before the folder existed
    // let a second writer race ahead: "Could not find a part of the path", seen once in the test suite).
    private readonly ConcurrentDictionary<string, Lazy<bool>> directories = new(StringComparer.Ordinal);

    public string OutputDir { get; }
    public string StagingDir { get; }

    /// <summary>How the last <see cref="Commit"/> swapped the folders (for tests and timings).</summary>
    public string SwapMethod { get; private set; } = "";

    public StagingSink(string outputDir)
    {
        OutputDir = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        StagingDir = OutputDir + OutputFolder.StagingSuffix;
        OutputFolder.DeleteOurs(StagingDir);
        Directory.CreateDirectory(StagingDir);
        File.WriteAllText(Path.Combine(StagingDir, OutputFolder.MarkerName), OutputFolder.MarkerText);
    }

    public void Write(string relativePath, byte[] bytes)
    {
        var full = Prepare(relativePath);
        File.WriteAllBytes(full, bytes);
    }

    public void Copy(string relativePath, string sourceFile) => File.Copy(sourceFile, Prepare(relativePath), overwrite: true);

    private string Prepare(string relativePath)
    {
        OutputPaths.Require(relativePath);
        var full = Path.GetFullPath(Path.Combine(StagingDir, relativePath));
        if (!full.StartsWith(StagingDir + Path.DirectorySeparatorChar, StringComparison.Ordinal)) throw new OutputEscapeException(relativePath);
        var dir = Path.GetDirectoryName(full)!;
        _ = directories.GetOrAdd(dir, d => new Lazy<bool>(() => Directory.CreateDirectory(d).Exists, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        return full;
    }

    /// <summary>Replaces the output folder with the staged one.</summary>
    public void Commit()
    {
        if (!Directory.Exists(OutputDir))
        {
            Directory.Move(StagingDir, OutputDir);
            SwapMethod = "rename";
            return;
        }
        if (Exchange(StagingDir, OutputDir))
        {
            // The previous output now sits at the staging path (with its marker); the new site is in place, so failing
            // to delete the old one is not a failed build: the next run removes it.
            SwapMethod = "exchange";
            Discard();
            return;
        }
        SwapMethod = "two renames";
        var previous = OutputDir + OutputFolder.PreviousSuffix;
        OutputFolder.DeleteOurs(previous);
        Directory.Move(OutputDir, previous);
        Directory.Move(StagingDir, OutputDir);
        DeleteTree(previous);
    }

    /// <summary>Swaps two folders in one step (Linux <c>renameat2</c> with <c>RENAME_EXCHANGE</c>). False when the
    /// platform or file system cannot, so the caller falls back to two renames.</summary>
    public static bool Exchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            if (Native.renameat2(Native.AtFdCwd, a, Native.AtFdCwd, b, Native.RenameExchange) == 0) return true;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
        var errno = Marshal.GetLastPInvokeError();
        // EINVAL: the file system does not support the flag; ENOSYS: an old kernel; EXDEV cannot happen for siblings.
        if (errno is 22 or 38 or 18 or 95) return false;
        throw new IOException($"cannot swap {b} for the new build: {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    /// <summary>Deletes a large tree with both cores: removing 10,000 small files is system-call bound.</summary>
    internal static void DeleteTree(string dir)
    {
        if (!Directory.Exists(dir)) return;
        Parallel.ForEach(Directory.GetFileSystemEntries(dir), entry =>
        {
            if (Directory.Exists(entry) && new DirectoryInfo(entry).LinkTarget is null) Directory.Delete(entry, recursive: true);
            else File.Delete(entry);
        });
        Directory.Delete(dir, recursive: true);
    }

    public void Discard()
    {
        try
        {
            DeleteTree(StagingDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next run, which removes leftover staging before it builds.
        }
    }

    private static class Native
    {
        public const int AtFdCwd = -100;
        public const uint RenameExchange = 2;

        [DllImport("libc", SetLastError = true)]
        public static extern int renameat2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);
    }
}
