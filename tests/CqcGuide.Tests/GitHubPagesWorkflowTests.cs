using YamlDotNet.RepresentationModel;

namespace CqcGuide.Tests;

/// <summary>The GitHub Pages workflow cannot run here (no GitHub), so its structure is checked instead.</summary>
public class GitHubPagesWorkflowTests
{
    private static YamlMappingNode Workflow()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Repo.Root, ".github", "workflows", "pages.yml"))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node)[key];
    private static string Str(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node)[key]).Value!;
    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) => ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>();
    private static string? Uses(YamlMappingNode step) => step.Children.TryGetValue("uses", out var u) ? ((YamlScalarNode)u).Value : null;

    [Fact]
    public void The_workflow_builds_strictly_with_the_pages_address_and_deploys_with_the_official_actions()
    {
        var wf = Workflow();
        Assert.Equal("write", Str(Map(wf, "permissions"), "pages"));
        Assert.Equal("write", Str(Map(wf, "permissions"), "id-token"));
        var jobs = Map(wf, "jobs");
        var build = Map(jobs, "build");
        var steps = Steps(build).ToArray();
        var uses = steps.Select(Uses).OfType<string>().ToArray();
        Assert.Contains(uses, u => u.StartsWith("actions/checkout@", StringComparison.Ordinal));
        var dotnet = steps.Single(s => Uses(s)?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true);
        Assert.Equal("global.json", Str(Map(dotnet, "with"), "global-json-file"));
        Assert.Contains(uses, u => u.StartsWith("actions/setup-node@", StringComparison.Ordinal));
        Assert.Contains(steps, s => Uses(s)?.StartsWith("actions/cache@", StringComparison.Ordinal) == true && Str(Map(s, "with"), "path").Contains(".nuget"));
        var pages = steps.Single(s => Uses(s)?.StartsWith("actions/configure-pages@", StringComparison.Ordinal) == true);
        var run = steps.Select(s => s.Children.TryGetValue("run", out var r) ? ((YamlScalarNode)r).Value! : "").Single(r => r.Contains("build"));
        Assert.Contains("--strict", run);
        Assert.Contains($"steps.{Str(pages, "id")}.outputs.base_url", run);
        Assert.Contains("--output output", run);
        var upload = steps.Single(s => Uses(s)?.StartsWith("actions/upload-pages-artifact@", StringComparison.Ordinal) == true);
        Assert.Equal("output", Str(Map(upload, "with"), "path"));

        var deploy = Map(jobs, "deploy");
        Assert.Equal("build", Str(deploy, "needs"));
        Assert.Contains(Steps(deploy), s => Uses(s)?.StartsWith("actions/deploy-pages@", StringComparison.Ordinal) == true);
        // Every action is pinned to a major version.
        Assert.All(Steps(build).Concat(Steps(deploy)).Select(Uses).OfType<string>(), u => Assert.Matches(@"^[\w.-]+/[\w.-]+@v\d+$", u));
    }

    [Fact]
    public void The_workflow_builds_on_a_sub_path_because_the_build_honours_the_base_url()
    {
        using var output = new TempDir();
        var result = Cli.Run("build", "--input", Path.Combine(Repo.Root, "input"), "--theme", Repo.Theme, "--output", output.Path, "--no-search",
            "--base-url", "https://example.github.io/our-site/", "--date", "2026-12-01");
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var home = File.ReadAllText(output["index.html"]);
        Assert.Contains("href=\"/our-site/guidance/\"", home);
        Assert.Contains("<link rel=\"canonical\" href=\"https://example.github.io/our-site/\">", home);
    }
}
