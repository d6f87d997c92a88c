namespace CqcGuide.Site.Pipeline;

public sealed record BuildOptions
{
    public required string InputDir { get; init; }
    public required string OutputDir { get; init; }
    /// <summary>The built-in theme; defaults to <c>theme/</c> next to the input folder.</summary>
    public string? ThemeDir { get; init; }
    /// <summary>Overrides site.yml's base_url, e.g. <c>https://example.org/guide/</c>.</summary>
    public string? BaseUrl { get; init; }
    /// <summary>"Today" for review dates and overdue actions: from --date or SOURCE_DATE_EPOCH, never the clock inside the pipeline.</summary>
    public required DateOnly Today { get; init; }
    /// <summary>Warnings become errors.</summary>
    public bool Strict { get; init; }
    /// <summary>Run Pagefind on the staged output.</summary>
    public bool Search { get; init; } = true;
    /// <summary>False for <c>check</c>: validate and render everything, write nothing.</summary>
    public bool Write { get; init; } = true;
    /// <summary>Serve mode: add the live-reload script to every page.</summary>
    public string? LiveReloadScript { get; init; }
    public IProgress<string>? Progress { get; init; }
    /// <summary>Replace an output folder that holds files an earlier build did not write (never the input, theme or project).</summary>
    public bool Force { get; init; }
    /// <summary>How long an external tool (npm ci, Pagefind) may run before it is stopped and the build fails (CG901).</summary>
    public TimeSpan ToolTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public string ResolvedThemeDir =>
        ThemeDir ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(InputDir).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "theme");
}
