using System.Diagnostics;

namespace CqcGuide.Tests;

/// <summary><c>cqcguide</c> as a .NET tool: packed, installed from a local folder feed, and used in an empty folder.</summary>
public class DotnetToolTests
{
    private static (int Code, string Output) Run(string file, string dir, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(8))) { p.Kill(true); throw new TimeoutException($"{file} {string.Join(' ', args)}"); }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    [Fact]
    public void The_tool_installs_from_a_local_feed_and_builds_a_site_in_an_empty_folder()
    {
        using var feed = new TempDir();
        using var tools = new TempDir();
        using var site = new TempDir();
        var pack = Run("dotnet", Repo.Root, "pack", "src/CqcGuide/CqcGuide.csproj", "-c", "Release", "-o", feed.Path, "--nologo", "-p:ContinuousIntegrationBuild=true");
        Assert.True(pack.Code == 0, pack.Output);
        var install = Run("dotnet", site.Path, "tool", "install", "CqcGuide", "--tool-path", tools.Path, "--add-source", feed.Path, "--version", "2.0.0");
        Assert.True(install.Code == 0, install.Output);
        var cqcguide = Path.Combine(tools.Path, "cqcguide");

        var created = Run(cqcguide, site.Path, "new", "site");
        Assert.True(created.Code == 0, created.Output);
        Assert.True(File.Exists(site["input/organisation.yml"]));
        Assert.True(File.Exists(site["input/.upstream-content"]));
        Assert.False(Directory.Exists(site["theme"])); // the theme comes from the tool

        var built = Run(cqcguide, site.Path, "build", "--no-search", "--strict", "--date", "2026-12-01");
        Assert.True(built.Code == 0, built.Output);
        Assert.True(File.Exists(site["output/index.html"]));
        Assert.True(File.Exists(site["output/guidance/root-causes/index.html"]));
        Assert.Contains("css/site.", File.ReadAllText(site["output/index.html"]));
    }
}
