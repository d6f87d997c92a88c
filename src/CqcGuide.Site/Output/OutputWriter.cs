using System.Collections.Concurrent;

namespace CqcGuide.Site.Output;

/// <summary>Where built files go: a staging folder (swapped into place on success) or memory (serve, check).</summary>
public interface IOutputSink
{
    void Write(string relativePath, byte[] bytes);
    void Copy(string relativePath, string sourceFile);
}

public sealed class MemorySink : IOutputSink
{
    public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);
    public void Write(string relativePath, byte[] bytes) => Files[relativePath] = bytes;
    public void Copy(string relativePath, string sourceFile) => Files[relativePath] = File.ReadAllBytes(sourceFile);
}

/// <summary>
/// Builds into <c>&lt;output&gt;.staging</c> next to the output folder, then swaps it into place only when the build
/// succeeded, so a failed build leaves the previous output byte for byte as it was.
/// </summary>
public sealed class StagingSink : IOutputSink
{
    private readonly ConcurrentDictionary<string, bool> directories = new(StringComparer.Ordinal);

    public string OutputDir { get; }
    public string StagingDir { get; }

    public StagingSink(string outputDir)
    {
        OutputDir = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        StagingDir = OutputDir + ".staging";
        if (Directory.Exists(StagingDir)) Directory.Delete(StagingDir, recursive: true);
        Directory.CreateDirectory(StagingDir);
    }

    public void Write(string relativePath, byte[] bytes)
    {
        var full = Prepare(relativePath);
        File.WriteAllBytes(full, bytes);
    }

    public void Copy(string relativePath, string sourceFile) => File.Copy(sourceFile, Prepare(relativePath), overwrite: true);

    private string Prepare(string relativePath)
    {
        var full = Path.Combine(StagingDir, relativePath);
        var dir = Path.GetDirectoryName(full)!;
        if (directories.TryAdd(dir, true)) Directory.CreateDirectory(dir);
        return full;
    }

    /// <summary>Replaces the output folder with the staged one.</summary>
    public void Commit()
    {
        var previous = OutputDir + ".previous";
        if (Directory.Exists(previous)) DeleteTree(previous);
        if (Directory.Exists(OutputDir)) Directory.Move(OutputDir, previous);
        Directory.Move(StagingDir, OutputDir);
        if (Directory.Exists(previous)) DeleteTree(previous);
    }

    /// <summary>Deletes a large tree with both cores: removing 10,000 small files is system-call bound.</summary>
    private static void DeleteTree(string dir)
    {
        Parallel.ForEach(Directory.GetFileSystemEntries(dir), entry =>
        {
            if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true);
            else File.Delete(entry);
        });
        Directory.Delete(dir, recursive: true);
    }

    public void Discard()
    {
        if (Directory.Exists(StagingDir)) Directory.Delete(StagingDir, recursive: true);
    }
}
