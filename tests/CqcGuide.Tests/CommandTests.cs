using CsCheck;
using System.Text.RegularExpressions;

namespace CqcGuide.Tests;

public class CommandTests
{
    private static string[] BuildArgs(string input, string output, params string[] extra) =>
        ["build", "--input", input, "--output", output, "--theme", Repo.Theme, "--date", "2026-11-26", "--no-search", .. extra];

    [Fact]
    public void Build_succeeds_with_exit_0_and_prints_a_summary()
    {
        using var out_ = new TempDir();
        var r = Cli.Run(BuildArgs(Repo.Fixture("site"), out_["site"]));
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Matches(@"\d+ pages \(.*guidance \d+.*\)", r.Output);
        Assert.Matches(@"0 errors, 0 warnings, \d+\.\d\d s", r.Output);
        Assert.True(File.Exists(Path.Combine(out_["site"], "index.html")));
    }

    [Fact]
    public void Timings_give_each_stage_its_wall_time_and_CPU_time()
    {
        using var out_ = new TempDir();
        var r = Cli.Run(BuildArgs(Repo.Fixture("site"), out_["site"], "--timings"));
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Matches(@"stage +wall +user CPU +kernel CPU", r.Output);
        var rows = Regex.Matches(r.Output, @"^  (?<stage>[a-z ]+?) +(?<wall>\d+) ms +(?<user>\d+) ms +(?<kernel>\d+) ms$", RegexOptions.Multiline);
        Assert.Equal(["parse", "check", "index", "link", "views", "render", "write", "offline", "swap"], rows.Select(m => m.Groups["stage"].Value));
        // Rendering the fixture's pages takes some milliseconds of CPU time.
        var render = rows.Single(m => m.Groups["stage"].Value == "render");
        Assert.True(int.Parse(render.Groups["user"].Value) + int.Parse(render.Groups["kernel"].Value) > 0, r.Output);
    }

    [Fact]
    public void Content_errors_exit_1_with_compiler_style_lines_and_leave_output_alone()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        using var out_ = new TempDir();
        Assert.Equal(0, Cli.Run(BuildArgs(input.Path, out_["site"])).ExitCode);
        var before = Builds.Hashes(out_["site"]);
        input.Write("guidance/broken.md", "---\ntitel: x\nsummary: y\n---\nSee [gone](gone.md).\n");
        var r = Cli.Run(BuildArgs(input.Path, out_["site"]));
        Assert.Equal(1, r.ExitCode);
        var lines = r.Error.Split('\n').Where(l => l.Contains(": error ")).ToArray();
        Assert.Contains(lines, l => Regex.IsMatch(l, @"guidance/broken\.md:2:1: error CG120: unknown key 'titel'$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"guidance/broken\.md:\d+:1: error CG122: required key 'title' is missing$"));
        Assert.Contains("hint: did you mean 'title'?", r.Error);
        Assert.Contains("unchanged", r.Output);
        Assert.Equal(before, Builds.Hashes(out_["site"]));
    }

    [Theory]
    [InlineData("build", "--no-such-option")]
    [InlineData("frobnicate")]
    [InlineData("build", "--date", "2026-13-01")]
    [InlineData("new", "guidance", "Not A Slug")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var r = Cli.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error", r.Error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("build", "--help")]
    [InlineData("serve", "--help")]
    [InlineData("check", "--help")]
    [InlineData("new", "guidance", "--help")]
    [InlineData("version", "snapshot", "--help")]
    public void Help_is_available_everywhere(params string[] args)
    {
        var r = Cli.Run(args);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Usage:", r.Output);
    }

    [Fact]
    public void Check_reports_problems_and_writes_nothing()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        var outputExisted = Directory.Exists("output"); // check has no --output: the default is ./output
        var filesBefore = Directory.GetFiles(input.Path, "*", SearchOption.AllDirectories).Length;
        var clean = Cli.Run("check", "--input", input.Path, "--theme", Repo.Theme, "--date", "2026-11-26");
        Assert.True(clean.ExitCode == 0, clean.Error);
        Assert.Contains("Checked: no errors.", clean.Output);
        Assert.Equal(outputExisted, Directory.Exists("output"));
        Assert.False(Directory.Exists("output.staging"));
        Assert.Equal(filesBefore, Directory.GetFiles(input.Path, "*", SearchOption.AllDirectories).Length);

        input.Write("guidance/bad.md", "---\ntitle: Bad\nsummary: s\nquality_statements: [safe.learnin-culture]\n---\nText\n");
        var r = Cli.Run("check", "--input", input.Path, "--theme", Repo.Theme, "--date", "2026-11-26");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error CG201: unknown quality statement 'safe.learnin-culture'", r.Error);
        Assert.Contains("did you mean 'safe.learning-culture'?", r.Error);
    }

    [Theory]
    [InlineData("guidance", "guidance/falls-at-night.md")]
    [InlineData("checklist", "checklists/falls-at-night.md")]
    [InlineData("page", "pages/falls-at-night.md")]
    [InlineData("log", "journal/falls-at-night.md")]
    [InlineData("measure", "measures/falls-at-night.yml")]
    public void New_scaffolds_a_file_that_builds_cleanly_under_strict(string kind, string path)
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        // The guidance pages (and headings) the journal's quality checks link to.
        GuidanceStandIns.WriteTo(input);
        var r = Cli.Run("new", kind, "falls-at-night", "--input", input.Path, "--date", "2026-11-26");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.True(File.Exists(input[path]));
        var check = Cli.Run("check", "--input", input.Path, "--theme", Repo.Theme, "--date", "2026-11-26", "--strict");
        Assert.True(check.ExitCode == 0, check.Error);
        Assert.Equal(2, Cli.Run("new", kind, "falls-at-night", "--input", input.Path).ExitCode); // never overwrites
    }

    /// <summary>Issue 16 item 8: a log's id is a reference number, so its title is a placeholder saying what to write,
    /// and each field with a fixed list says its allowed values (from the log format the build checks against).</summary>
    [Fact]
    public void A_new_log_has_a_placeholder_title_and_lists_the_allowed_values()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        Assert.Equal(0, Cli.Run("new", "log", "ll-2026-101", "--input", input.Path, "--date", "2026-11-26").ExitCode);
        var text = File.ReadAllText(input["journal/ll-2026-101.md"]);
        Assert.Contains("title: \"What happened, in a few words (no names)\"\n", text);
        Assert.Contains("status: draft                        # draft | learning-in-progress | actions-open | monitoring | closed\n", text);
        Assert.Contains("# none | low | moderate | severe | fatal\n", text);
        Assert.Contains("# planned | in-progress | done | dropped\n", text);
        Assert.Contains("title: \"Night falls\"", Cli.Run("new", "log", "ll-2026-102", "--input", input.Path, "--title", "Night falls").ExitCode == 0
            ? File.ReadAllText(input["journal/ll-2026-102.md"]) : "");
    }

    /// <summary>Issue 15 item 8: any title `new` accepts is written so that the build reads exactly that title; any it
    /// cannot write as one line is a usage error, and nothing is written.</summary>
    [Fact]
    public void A_scaffolded_title_reads_back_as_written_or_is_refused()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        var n = 0;
        // Titles the option parser once took for something else: help with a value (seed 8WWp7vgBz0g1), a response file,
        // an option name, a lone "--".
        foreach (var fixedTitle in new[] { "-?:?&|x", "@home care", "-h", "--input", "--", "-?" }) Check(fixedTitle, accept: true);
        Gen.String[Gen.Char["Ab :#-'\"\\\n\t{}[]&*!|>%@`,?\u0001\u202eé"], 0, 30].Sample(t => Check(t), iter: 300, threads: 1);
        Assert.Equal(2, Cli.Run("new", "page", new string('a', 300), "--input", input.Path).ExitCode);

        void Check(string title, bool accept = false)
        {
            var slug = "t" + Interlocked.Increment(ref n).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var r = Cli.Run("new", "page", slug, "--input", input.Path, "--date", "2026-11-26", "--title", title);
            var path = input[$"pages/{slug}.md"];
            if (accept) Assert.True(r.ExitCode == 0, title + ": " + r.Error);
            if (r.ExitCode != 0)
            {
                Assert.Equal(2, r.ExitCode);
                Assert.False(File.Exists(path));
                return;
            }
            var bag = new CqcGuide.Site.DiagnosticBag();
            var node = CqcGuide.Site.Yaml.FrontMatter.ParseMapping(CqcGuide.Site.Yaml.FrontMatter.Split(File.ReadAllText(path), path, bag)!.Yaml!, 2, path, bag);
            var page = CqcGuide.Site.Yaml.YamlBinder.Bind<CqcGuide.Site.Sections.Pages.PageFrontMatter>(node!, 2, new CqcGuide.Site.Yaml.SourceMap(path), bag);
            Assert.Empty(bag.Sorted());
            Assert.Equal(title, page!.Title);
        }
    }

    /// <summary>Issue 15 item 9: an unexpected failure is one coded line and exit 3; the stack trace only with --verbose.</summary>
    [Fact]
    public void An_internal_error_is_exit_code_3_with_the_stack_trace_only_when_verbose()
    {
        using var dir = new TempDir();
        dir.Write("file.txt", "x");
        var quiet = Cli.Run("rules", "export", dir["file.txt/modules"]);
        Assert.Equal(3, quiet.ExitCode);
        Assert.Matches(@"error CG900: internal error", quiet.Error);
        Assert.DoesNotContain("   at ", quiet.Error);
        var verbose = Cli.Run("rules", "export", dir["file.txt/modules"], "--verbose");
        Assert.Equal(3, verbose.ExitCode);
        Assert.Contains("   at ", verbose.Error);
    }
}
