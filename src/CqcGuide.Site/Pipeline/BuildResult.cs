namespace CqcGuide.Site.Pipeline;

/// <summary>What a build produced: every diagnostic, the pages per content type, the stage timings and (in memory) the files.</summary>
public sealed record BuildResult
{
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }
    /// <summary>Pages written per content type, e.g. guidance → 17.</summary>
    public required IReadOnlyDictionary<string, int> PageCounts { get; init; }
    public required TimeSpan Elapsed { get; init; }
    /// <summary>Each stage's wall time and the CPU time the whole process used meanwhile.</summary>
    public required IReadOnlyList<StageTiming> Stages { get; init; }
    /// <summary>Every output file (site-relative path → bytes); filled for serve and check, empty when streamed to disk.</summary>
    public IReadOnlyDictionary<string, byte[]> Files { get; init; } = new Dictionary<string, byte[]>();
    public bool Success => !Diagnostics.Any(d => d.IsError);
    public int Errors => Diagnostics.Count(d => d.IsError);
    public int Warnings => Diagnostics.Count(d => !d.IsError);
}
