namespace CqcGuide.Tests;

public class VersionSnapshotTests
{
    [Fact]
    public void Snapshot_freezes_the_current_guidance_and_starts_the_next_edition()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        var r = Cli.Run("version", "snapshot", "2.0", "--next", "2.1", "--input", input.Path, "--date", "2026-11-26");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.True(File.Exists(input["versions/2.0/guidance/alpha.md"]));
        Assert.True(File.Exists(input["versions/2.0/guidance/topic/bravo.md"]));
        var siteYml = File.ReadAllText(input["site.yml"]);
        Assert.Contains("current_version: \"2.1\"", siteYml);
        Assert.Contains("- version: \"2.0\"", siteYml);
        Assert.Contains("- version: \"1.0\"", siteYml);

        using var out_ = new TempDir();
        var build = Cli.Run("build", "--input", input.Path, "--output", out_.Path, "--theme", Repo.Theme, "--date", "2026-11-26", "--no-search");
        Assert.True(build.ExitCode == 0, build.Error);
        Assert.True(File.Exists(Path.Combine(out_.Path, "v/2.0/guidance/alpha/index.html")));
        Assert.True(File.Exists(Path.Combine(out_.Path, "guidance/alpha/index.html")));
        var versions = File.ReadAllText(Path.Combine(out_.Path, "versions.json"));
        Assert.Contains("\"version\": \"2.1\"", versions);
        Assert.Contains("\"latest\"", versions);
    }

    /// <summary>Issue 16 item 3: the shipped guidance, frozen, still builds: its links to checklists, assessments and
    /// pages reach them from input/versions/2.0/guidance/.</summary>
    [Fact]
    public void Snapshot_of_the_default_site_builds_with_no_broken_links()
    {
        using var input = TempDir.CopyOf(Path.Combine(Repo.Root, "input"));
        var r = Cli.Run("version", "snapshot", "2.0", "--next", "2.1", "--input", input.Path, "--date", "2026-11-26");
        Assert.True(r.ExitCode == 0, r.Error);
        var frozen = File.ReadAllText(input["versions/2.0/guidance/twelve-weeks-to-re-inspection.md"]);
        Assert.Contains("](../../../checklists/", frozen);
        var check = Cli.Run("check", "--input", input.Path, "--theme", Repo.Theme, "--date", "2026-11-26");
        Assert.True(check.ExitCode == 0, check.Error);
        Assert.DoesNotContain("CG301", check.Error + check.Output);
    }

    [Fact]
    public void Snapshot_refuses_to_overwrite_or_to_freeze_the_current_edition_without_a_next_one()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        var noNext = Cli.Run("version", "snapshot", "2.0", "--input", input.Path);
        Assert.Equal(2, noNext.ExitCode);
        Assert.Contains("--next 2.1", noNext.Error);
        var existing = Cli.Run("version", "snapshot", "1.0", "--input", input.Path);
        Assert.Equal(2, existing.ExitCode);
        Assert.Contains("already exists", existing.Error);
        Assert.False(Directory.Exists(input["versions/2.0"]));
    }
}
