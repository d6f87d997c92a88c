using System.Diagnostics;

namespace CqcGuide.Tests;

/// <summary>The built default site passes the Nu Html Checker (npm vnu-jar, run with Java) with no errors.</summary>
public class HtmlCheckerTests
{
    [Fact]
    public async Task The_default_site_passes_the_Nu_Html_Checker()
    {
        var jar = Path.Combine(Repo.Root, "theme", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        Assert.True(File.Exists(jar), $"The Nu Html Checker is missing: run 'npm ci' in {Path.Combine(Repo.Root, "theme")} (the test command does this).");
        using var out_ = new TempDir();
        var r = Cli.Run("build", "--input", Path.Combine(Repo.Root, "input"), "--output", out_.Path, "--theme", Repo.Theme, "--date", "2026-11-26", "--no-search");
        Assert.True(r.ExitCode == 0, r.Error);
        var psi = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-jar", jar, "--skip-non-html", "--errors-only", "--format", "text", out_.Path }) psi.ArgumentList.Add(a);
        Process process;
        try { process = Process.Start(psi)!; }
        catch (System.ComponentModel.Win32Exception) { throw new Xunit.Sdk.XunitException("Java is needed for the Nu Html Checker: sudo apt-get install default-jre-headless"); }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "Nu Html Checker errors:\n" + stderr + await stdout);
    }
}
