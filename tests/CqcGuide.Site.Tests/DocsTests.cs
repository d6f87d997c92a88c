using System.Text.RegularExpressions;

namespace CqcGuide.Site.Tests;

/// <summary>The documentation the code points to exists and says what the code does.</summary>
public partial class DocsTests
{
    private static IEnumerable<string> SourceFiles(params string[] extensions) =>
        new[] { "src", "theme/layouts", "theme/partials", "theme/assets", "scripts", "docs" }
            .Select(d => Path.Combine(Repo.Root, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains("node_modules") && extensions.Contains(Path.GetExtension(f)))
            .Append(Path.Combine(Repo.Root, "README.md"));

    /// <summary>Run with CQCGUIDE_UPDATE_DOCS=1 to regenerate the page after adding a code.</summary>
    [Fact]
    public void The_error_code_page_is_generated_from_the_registry()
    {
        var path = Path.Combine(Repo.Root, "docs", "error-codes.md");
        if (Environment.GetEnvironmentVariable("CQCGUIDE_UPDATE_DOCS") == "1") File.WriteAllText(path, Codes.Markdown());
        Assert.Equal(Codes.Markdown(), File.ReadAllText(path));
    }

    [Fact]
    public void Every_code_the_source_uses_is_registered_once()
    {
        var registered = Codes.All.Select(c => c.Code).ToArray();
        Assert.Equal(registered.Distinct().Count(), registered.Length);
        var constants = typeof(Codes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        Assert.Equal(constants.Order(), registered.Order());
        var used = SourceFiles(".cs").SelectMany(f => CodeLiteral().Matches(File.ReadAllText(f)).Select(m => (File: f, Code: m.Groups[1].Value)));
        Assert.DoesNotContain(used, u => !registered.Contains(u.Code));
    }

    [Fact]
    public void Every_docs_path_the_code_and_docs_mention_exists()
    {
        var mentioned = SourceFiles(".cs", ".md", ".liquid", ".js", ".css", "")
            .SelectMany(f => DocPath().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(Repo.Root, f), Path: m.Value.TrimEnd('.', ')'))))
            .Where(m => !m.Path.Contains('<') && !m.Path.Contains('*'))
            .ToArray();
        Assert.NotEmpty(mentioned);
        var missing = mentioned.Where(m => !File.Exists(Path.Combine(Repo.Root, m.Path)) && !Directory.Exists(Path.Combine(Repo.Root, m.Path))).ToArray();
        Assert.True(missing.Length == 0, string.Join("\n", missing.Select(m => $"{m.File} mentions {m.Path}")));
    }

    [GeneratedRegex("\"(CG\\d{3})\"")]
    private static partial Regex CodeLiteral();

    [GeneratedRegex(@"\bdocs/[A-Za-z0-9_./-]+")]
    private static partial Regex DocPath();
}
