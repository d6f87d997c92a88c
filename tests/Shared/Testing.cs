using System.Security.Cryptography;
using System.Net;
using System.Net.Sockets;
using CqcGuide.Site;
using CqcGuide.Site.Pipeline;

namespace CqcGuide.Testing;

// Shared by the test projects (linked into each, not a project of its own): the repository's folders, temporary
// folders, a build with the test defaults, and a free port.

public static class Ports
{
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Theme => Path.Combine(Root, "theme");
    public static string Fixture(string name) => Path.Combine(Root, "tests", "fixtures", name);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CqcGuide.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CqcGuide.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder, deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cqcguide-tests", Guid.NewGuid().ToString("N"));

    public TempDir() => Directory.CreateDirectory(Path);

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public static TempDir CopyOf(string source)
    {
        var t = new TempDir();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var dest = System.IO.Path.Combine(t.Path, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return t;
    }

    public void Write(string relative, string text)
    {
        var full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public void Write(string relative, byte[] bytes)
    {
        var full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>
/// Stand-ins for the guidance pages the learning-log rules link to (the fixture site has none): a site that shows the
/// rules' findings must keep every page and heading they point to, or the build reports a broken link.
/// </summary>
/// <summary>The governance fixture: the site fixture, tests/fixtures/governance on top, and the guidance stand-ins.</summary>
public static class GovernanceFixture
{
    public static TempDir Input()
    {
        var input = TempDir.CopyOf(Repo.Fixture("site"));
        foreach (var file in Directory.EnumerateFiles(Repo.Fixture("governance"), "*", SearchOption.AllDirectories))
            input.Write(System.IO.Path.GetRelativePath(Repo.Fixture("governance"), file), File.ReadAllText(file));
        GuidanceStandIns.WriteTo(input);
        return input;
    }
}

public static class GuidanceStandIns
{
    public static readonly string[] Pages = ["common-pitfalls", "practice-change", "governance-reviews", "monitoring-effectiveness", "who-must-be-told", "is-it-working"];

    /// <summary>A stand-in guidance page with every heading the quality checks link to.</summary>
    public static string Page(string title) =>
        $"---\ntitle: {title}\nsummary: s\nowner: Registered manager\nlast_reviewed: 2026-01-10\nnext_review: 2027-01-10\nsources:\n  - title: S\n    url: https://example.org\n---\n"
        + "## Quick fixes\n\n## Blaming individuals\n\n## Undocumented learning\n\n## Unmonitored changes\n\n## Stronger and weaker actions\n\n"
        + "### 1. Has the person died?\n\n### 2. Is there a serious injury?\n";

    /// <summary>Writes every stand-in into a copy of a site's input.</summary>
    public static void WriteTo(TempDir input)
    {
        foreach (var page in Pages) input.Write($"guidance/{page}.md", Page(page));
    }
}

public static class Builds
{
    public static readonly DateOnly Today = new(2026, 11, 26);

    public static BuildOptions Options(string input, string output, bool write = true, bool strict = false, DateOnly? today = null) => new()
    {
        InputDir = input, OutputDir = output, ThemeDir = Repo.Theme, Today = today ?? Today, Strict = strict, Search = false, Write = write,
    };

    public static BuildResult Run(string input, string output, bool strict = false, DateOnly? today = null) =>
        SiteBuilder.Build(Options(input, output, strict: strict, today: today));

    /// <summary>Every file under a folder with its SHA-256, for byte-for-byte comparisons.</summary>
    public static SortedDictionary<string, string> Hashes(string dir)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            result[System.IO.Path.GetRelativePath(dir, file).Replace('\\', '/')] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        return result;
    }

    public static string Errors(BuildResult r) => string.Join("\n", r.Diagnostics);
}
