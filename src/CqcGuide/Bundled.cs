namespace CqcGuide.Cli;

/// <summary>
/// The theme and starter content that ship inside the <c>cqcguide</c> .NET tool (next to the executable), so an
/// organisation can build a site from a folder without the source tree.
/// </summary>
internal static class Bundled
{
    public static string ThemeDir => Path.Combine(AppContext.BaseDirectory, "theme");

    public static string StarterDir => Path.Combine(AppContext.BaseDirectory, "starter");

    /// <summary>The theme to use when none is named: <c>theme/</c> next to the input folder (a clone of the repository),
    /// else the tool's own; null lets the pipeline report the missing theme.</summary>
    public static string? ThemeFor(string inputDir)
    {
        var sibling = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(inputDir).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "theme");
        if (Directory.Exists(sibling)) return null;
        return File.Exists(Path.Combine(ThemeDir, "layouts", "base.liquid")) ? ThemeDir : null;
    }

    /// <summary>The starter content: the tool's own copy, else (running from the source tree) the repository's input/.</summary>
    public static string? Starter()
    {
        if (File.Exists(Path.Combine(StarterDir, "site.yml"))) return StarterDir;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CqcGuide.sln")) && File.Exists(Path.Combine(dir.FullName, "input", "site.yml")))
                return Path.Combine(dir.FullName, "input");
        return null;
    }
}
