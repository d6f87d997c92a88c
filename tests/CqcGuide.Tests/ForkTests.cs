using System.Diagnostics;
using AngleSharp.Html.Parser;
using CqcGuide.Site;

namespace CqcGuide.Tests;

/// <summary>
/// A care group forks the repository, makes it its own (organisation settings, logo, colour, its own logs, examples
/// off) and keeps merging upstream's editions: no conflicts, and upstream's review schedule never fails its deploy.
/// </summary>
public class ForkTests
{
    /// <summary>A copy of the repository's content and theme: what a fork starts from.</summary>
    private static TempDir CopyOfRepository()
    {
        var repo = new TempDir();
        CopyTree(Path.Combine(Repo.Root, "input"), repo["input"]);
        CopyTree(Path.Combine(Repo.Root, "theme"), repo["theme"], skip: "node_modules");
        return repo;
    }

    private static void CopyTree(string from, string to, string? skip = null)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(from, file);
            if (skip is not null && rel.Split(Path.DirectorySeparatorChar).Contains(skip)) continue;
            var dest = Path.Combine(to, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
    }

    private static string Git(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false" }.Concat(args)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"git {string.Join(' ', args)} failed:\n{output}");
        return output;
    }

    private const string OwnLog = """
        ---
        id: ll-2026-101
        title: Late medicines round on the first floor
        status: closed
        event_type: near-miss
        occurred: 2026-10-02
        identified: 2026-10-02
        summary: The lunchtime round finished 90 minutes late; no dose was missed.
        learning_response:
          method: swarm-huddle
          held: 2026-10-02
          roles: [Registered manager, Senior carer]
        factors:
          - id: f1
            area: organisation
            description: Two trained staff were on the rota but one was moved to cover the lounge.
            systemic: true
        actions:
          - id: a1
            description: Protect the medicines round on the rota; cover comes from the floating shift.
            addresses: [f1]
            owner_role: Deputy manager
            due: 2026-10-20
            status: done
            completed: 2026-10-18
            evidence: Rota template changed; checked on four weeks of rotas.
            measure: Rounds finishing more than 30 minutes late, per week (target 0).
            reviews:
              - date: 2026-11-20
                result: No late rounds in four weeks.
                decision: adopt
        governance_review:
          forum: Monthly quality meeting
          date: 2026-10-25
          reflection: Cover decisions were made on the floor without seeing the medicines round.
        quality_statements: [safe.medicines-optimisation]
        redaction_check:
          confirmed: true
          by: Registered manager
          date: 2026-10-05
        ---
        What happened, in roles not names.
        """;

    private static void MakeItOurs(TempDir fork)
    {
        File.WriteAllText(fork["input/organisation.yml"], """
            name: Example Care Group
            site_title: Example Care Group learning journal
            base_url: https://learning.example.org/
            contact:
              email: quality@example.org
            data_controller: Example Care Group Ltd
            logo: assets/logo.svg
            brand_colour: "#1d4e89"
            examples: false
            """);
        fork.Write("input/assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>\n");
        fork.Write("input/journal/ll-2026-101.md", OwnLog);
        fork.Write("input/journal/ll-2026-102.md", OwnLog.Replace("ll-2026-101", "ll-2026-102").Replace("first floor", "ground floor"));
    }

    [Fact]
    public void A_fork_merges_a_new_upstream_edition_without_conflicts_and_still_builds()
    {
        using var repo = CopyOfRepository();
        Git(repo.Path, "init", "-q", "-b", "upstream");
        Git(repo.Path, "add", "-A");
        Git(repo.Path, "commit", "-q", "-m", "Upstream edition 2.0");
        Git(repo.Path, "checkout", "-q", "-b", "fork");
        MakeItOurs(repo);
        Git(repo.Path, "add", "-A");
        Git(repo.Path, "commit", "-q", "-m", "Our organisation, logo and logs; examples off");

        // Upstream's next edition: a new guidance page, a changed example log, a changed footer.
        Git(repo.Path, "checkout", "-q", "upstream");
        File.WriteAllText(repo["input/guidance/new-topic.md"], "---\ntitle: A new topic\nsummary: New in this edition.\nowner: Registered manager\nlast_reviewed: 2026-11-01\nnext_review: 2027-11-01\nsources:\n  - title: S\n    url: https://example.org\n---\nText.\n");
        var example = repo["input/examples/journal/ll-2026-004.md"];
        File.WriteAllText(example, File.ReadAllText(example).Replace("## What happened", "## What happened\n\nA sentence upstream added.", StringComparison.Ordinal));
        var footer = repo["theme/partials/footer.liquid"];
        File.WriteAllText(footer, File.ReadAllText(footer).Replace("This site is not affiliated", "CqcGuide is not affiliated", StringComparison.Ordinal));
        Assert.Equal(0, Cli.Run("upstream", "record", "--input", repo["input"]).ExitCode);
        Git(repo.Path, "add", "-A");
        Git(repo.Path, "commit", "-q", "-m", "Upstream edition 2.1");

        Git(repo.Path, "checkout", "-q", "fork");
        Git(repo.Path, "merge", "--no-edit", "-q", "upstream"); // fails the test on any conflict
        using var output = new TempDir();
        var result = Cli.Run("build", "--input", repo["input"], "--theme", repo["theme"], "--output", output.Path, "--no-search", "--strict", "--date", "2026-12-01");
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var home = new HtmlParser().ParseDocument(File.ReadAllText(output["index.html"]));
        Assert.Contains("Example Care Group learning journal", home.QuerySelector(".site-header__name")!.TextContent);
        Assert.NotNull(home.QuerySelector(".site-header__logo"));
        Assert.Contains("CqcGuide is not affiliated", home.QuerySelector("footer")!.TextContent);
        Assert.True(File.Exists(output["guidance/new-topic/index.html"]));
        Assert.True(File.Exists(output["journal/ll-2026-101/index.html"]));
        Assert.False(File.Exists(output["journal/ll-2026-004/index.html"])); // examples are off
        var privacy = new HtmlParser().ParseDocument(File.ReadAllText(output["privacy/index.html"]));
        Assert.Contains("Example Care Group Ltd", privacy.QuerySelector(".contact")!.TextContent);
        Assert.Contains("quality@example.org", privacy.QuerySelector(".contact")!.TextContent);
    }

    [Fact]
    public void The_untouched_default_site_builds_with_strict_three_years_ahead()
    {
        using var output = new TempDir();
        var result = Cli.Run("check", "--input", Path.Combine(Repo.Root, "input"), "--theme", Repo.Theme, "--strict", "--date", DateTime.UtcNow.AddYears(3).ToString("yyyy-MM-dd"));
        Assert.True(result.ExitCode == 0,
            "upstream content changed without 'cqcguide upstream record'? " + result.Output + result.Error);
        Assert.Contains("never fails --strict", result.Output + result.Error);
    }

    [Fact]
    public void Content_the_fork_changed_is_its_own_and_its_overdue_review_fails_strict()
    {
        using var repo = CopyOfRepository();
        var page = repo["input/guidance/root-causes.md"];
        File.WriteAllText(page, File.ReadAllText(page) + "\nOur own addition.\n");
        var date = DateTime.UtcNow.AddYears(3).ToString("yyyy-MM-dd");
        var result = Cli.Run("check", "--input", repo["input"], "--theme", repo["theme"], "--strict", "--date", date);
        Assert.Equal(1, result.ExitCode);
        var errors = (result.Output + result.Error).Split('\n').Where(l => l.Contains(": error ")).ToArray();
        var error = Assert.Single(errors);
        Assert.Contains("guidance/root-causes.md", error);
        Assert.Contains(Codes.ReviewOverdue, error);

        File.AppendAllText(repo["input/organisation.yml"], "\nreview_dates: all\n".Replace("\nreview_dates: all\n", "\n"));
        var text = File.ReadAllText(repo["input/organisation.yml"]).Replace("review_dates: own", "review_dates: all");
        File.WriteAllText(repo["input/organisation.yml"], text);
        var all = Cli.Run("check", "--input", repo["input"], "--theme", repo["theme"], "--strict", "--date", date);
        Assert.True((all.Output + all.Error).Split('\n').Count(l => l.Contains(": error " + Codes.ReviewOverdue)) > 20);
    }

    [Theory]
    [InlineData("#7fa7c9", "2.54")]
    [InlineData("#ffcc00", "1.51")]
    public void A_brand_colour_with_too_little_contrast_fails_with_the_measured_ratio(string colour, string ratio)
    {
        using var repo = CopyOfRepository();
        File.AppendAllText(repo["input/organisation.yml"], $"brand_colour: \"{colour}\"\n");
        var result = Cli.Run("check", "--input", repo["input"], "--theme", repo["theme"]);
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single((result.Output + result.Error).Split('\n'), l => l.Contains(Codes.LowContrast));
        Assert.Contains($"{ratio}:1", line);
        Assert.Contains("organisation.yml:", line);
    }

    [Fact]
    public void A_good_brand_colour_is_used_through_a_stylesheet_and_a_missing_logo_is_an_error()
    {
        using var repo = CopyOfRepository();
        File.AppendAllText(repo["input/organisation.yml"], "brand_colour: \"#1D4E89\"\nlogo: assets/missing.svg\n");
        using var output = new TempDir();
        var broken = Cli.Run("build", "--input", repo["input"], "--theme", repo["theme"], "--output", output.Path, "--no-search");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("logo 'assets/missing.svg'", broken.Output + broken.Error);

        repo.Write("input/assets/missing.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
        var built = Cli.Run("build", "--input", repo["input"], "--theme", repo["theme"], "--output", output.Path, "--no-search");
        Assert.True(built.ExitCode == 0, built.Output + built.Error);
        var home = new HtmlParser().ParseDocument(File.ReadAllText(output["index.html"]));
        var sheet = home.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.Contains("brand"));
        Assert.Contains("--brand: #1d4e89", File.ReadAllText(Path.Combine(output.Path, sheet.TrimStart('/'))));
    }

    [Fact]
    public void An_override_records_the_theme_file_it_replaces_and_the_build_says_when_upstream_changed_it()
    {
        using var repo = CopyOfRepository();
        var copied = Cli.Run("theme", "override", "partials/footer.liquid", "--input", repo["input"], "--theme", repo["theme"]);
        Assert.Equal(0, copied.ExitCode);
        Assert.StartsWith("{%- comment -%}cqcguide-overrides theme/partials/footer.liquid sha256:", File.ReadAllText(repo["input/_theme/partials/footer.liquid"]));
        using var before = new TempDir();
        using var after = new TempDir();
        var clean = Cli.Run("build", "--input", repo["input"], "--theme", repo["theme"], "--output", after.Path, "--no-search", "--date", "2026-12-01");
        Assert.DoesNotContain(Codes.StaleOverride, clean.Output + clean.Error);
        // The override renders exactly what the built-in file did.
        var plain = Cli.Run("build", "--input", Path.Combine(Repo.Root, "input"), "--theme", repo["theme"], "--output", before.Path, "--no-search", "--date", "2026-12-01");
        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(File.ReadAllText(before["about/index.html"]), File.ReadAllText(after["about/index.html"]));

        File.AppendAllText(repo["theme/partials/footer.liquid"], "\n<!-- upstream changed this -->");
        var stale = Cli.Run("check", "--input", repo["input"], "--theme", repo["theme"], "--strict");
        Assert.Equal(0, stale.ExitCode); // upstream's change never fails a fork's deploy...
        Assert.Contains("theme/partials/footer.liquid has changed upstream", stale.Output + stale.Error); // ...but it is said
    }
}
