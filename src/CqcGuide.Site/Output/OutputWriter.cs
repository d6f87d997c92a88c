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
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        if (Directory.Exists(OutputDir)) Directory.Move(OutputDir, previous);
        Directory.Move(StagingDir, OutputDir);
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
    }

    public void Discard()
    {
        if (Directory.Exists(StagingDir)) Directory.Delete(StagingDir, recursive: true);
    }
}
