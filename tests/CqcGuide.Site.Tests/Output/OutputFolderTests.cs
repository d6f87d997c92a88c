using CqcGuide.Site.Output;
using CsCheck;

namespace CqcGuide.Site.Tests.Output;

/// <summary>Issue 15 items 1, 3, 9 and 11: which folders a build may replace, paths that cannot leave the staging
/// folder, leftover staging, and the swap that never leaves the output missing.</summary>
public class OutputFolderTests
{
    private static OutputFolder.Protected Folders(TempDir project) =>
        new(project["input"], project["theme"], null, project.Path);

    private static TempDir Project()
    {
        var project = new TempDir();
        project.Write("input/site.yml", "title: t\n");
        project.Write("theme/layouts/base.liquid", "{{ content }}\n");
        return project;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/.")]
    [InlineData("//")]
    public void The_root_of_the_file_system_is_refused(string output)
    {
        using var project = Project();
        var refused = OutputFolder.Check(output, Folders(project), force: true);
        Assert.Equal(Codes.UnsafeOutputFolder, refused?.Code);
    }

    [Theory]
    [InlineData("input", "is the input folder")]
    [InlineData("input/site", "inside the input folder")]
    [InlineData("theme", "is the theme folder")]
    [InlineData("theme/x", "inside the theme folder")]
    [InlineData(".", "contains the input folder")]
    [InlineData("..", "contains the input folder")]
    public void The_input_theme_and_project_folders_are_refused_even_with_force(string relative, string reason)
    {
        using var project = Project();
        var refused = OutputFolder.Check(Path.GetFullPath(Path.Combine(project.Path, relative)), Folders(project), force: true);
        Assert.NotNull(refused);
        Assert.Contains(reason, refused.Message);
        Assert.True(File.Exists(project["input/site.yml"]));
    }

    [Fact]
    public void A_folder_of_other_files_needs_force_and_an_empty_or_earlier_output_does_not()
    {
        using var project = Project();
        project.Write("docs/keep.txt", "keep");
        Assert.Contains("did not write", OutputFolder.Check(project["docs"], Folders(project), force: false)?.Message);
        Assert.Null(OutputFolder.Check(project["docs"], Folders(project), force: true));
        Directory.CreateDirectory(project["empty"]);
        Assert.Null(OutputFolder.Check(project["empty"], Folders(project), force: false));
        Assert.Null(OutputFolder.Check(project["not-yet"], Folders(project), force: false));
        project.Write("earlier/" + OutputFolder.MarkerName, "x");
        project.Write("earlier/index.html", "x");
        Assert.Null(OutputFolder.Check(project["earlier"], Folders(project), force: false));
    }

    [Fact]
    public void A_file_or_a_link_is_refused()
    {
        using var project = Project();
        project.Write("notes.txt", "x");
        Assert.Contains("existing file", OutputFolder.Check(project["notes.txt"], Folders(project), force: true)?.Message);
        Directory.CreateSymbolicLink(project["link"], project["input"]);
        Assert.Contains("symbolic link", OutputFolder.Check(project["link"], Folders(project), force: true)?.Message);
    }

    [Fact]
    public void Leftover_staging_is_removed_only_when_the_build_made_it()
    {
        using var project = Project();
        project.Write("output.staging/" + OutputFolder.MarkerName, "x");
        project.Write("output.staging/a/b.html", "x");
        OutputFolder.CleanLeftovers(project["output"]);
        Assert.False(Directory.Exists(project["output.staging"]));

        project.Write("output.staging/mine.txt", "mine");
        Assert.Throws<IOException>(() => OutputFolder.CleanLeftovers(project["output"]));
        Assert.True(File.Exists(project["output.staging/mine.txt"]));
        Assert.NotNull(OutputFolder.Check(project["output"], Folders(project), force: true));
    }

    [Fact]
    public void A_safe_output_path_always_stays_inside_the_staging_folder()
    {
        const string staging = "/srv/site/output.staging";
        Gen.String[Gen.Char["ab./\\:\0 .-~"], 0, 24].Sample(path =>
        {
            if (!OutputPaths.IsSafe(path)) return;
            var full = Path.GetFullPath(Path.Combine(staging, path));
            Assert.StartsWith(staging + "/", full);
        }, iter: 20_000);
        foreach (var bad in new[] { "../x", "a/../../x", "/etc/passwd", "a//b", "./a", "a\\..\\b", "", "a/.", "C:/x", "a\nb" })
            Assert.False(OutputPaths.IsSafe(bad), bad);
    }

    [Fact]
    public void The_staging_sink_refuses_a_path_outside_it()
    {
        using var dir = new TempDir();
        var sink = new StagingSink(dir["site"]);
        Assert.Throws<OutputEscapeException>(() => sink.Write("../escaped.html", [1]));
        Assert.Throws<OutputEscapeException>(() => new MemorySink().Write("../../x", [1]));
        Assert.False(File.Exists(dir["escaped.html"]));
        sink.Discard();
    }

    [Fact]
    public async Task The_swap_replaces_the_output_in_one_step_so_readers_always_find_it()
    {
        using var dir = new TempDir();
        var output = dir["site"];
        var first = new StagingSink(output);
        first.Write("index.html", "0"u8.ToArray());
        first.Commit();

        using var stop = new CancellationTokenSource();
        var missing = 0;
        var reads = 0;
        var reader = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (!File.Exists(Path.Combine(output, "index.html"))) Interlocked.Increment(ref missing);
                Interlocked.Increment(ref reads);
            }
        }, TaskCreationOptions.LongRunning);
        while (Volatile.Read(ref reads) == 0) await Task.Delay(1);
        var methods = new HashSet<string>();
        for (var i = 1; i <= 30; i++)
        {
            var sink = new StagingSink(output);
            sink.Write("index.html", System.Text.Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            sink.Commit();
            methods.Add(sink.SwapMethod);
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(output, "index.html")));
            Assert.False(Directory.Exists(output + ".staging"));
        }
        stop.Cancel();
        await reader;
        Assert.True(reads > 0);
        if (OperatingSystem.IsLinux() && methods.SetEquals(["exchange"])) Assert.Equal(0, missing);
        Assert.True(File.Exists(Path.Combine(output, OutputFolder.MarkerName)));
    }

    [Fact]
    public void Exchange_swaps_two_folders_or_says_it_cannot()
    {
        using var dir = new TempDir();
        dir.Write("a/which", "a");
        dir.Write("b/which", "b");
        if (!StagingSink.Exchange(dir["a"], dir["b"])) return; // not Linux, or a file system without RENAME_EXCHANGE
        Assert.Equal("b", File.ReadAllText(dir["a/which"]));
        Assert.Equal("a", File.ReadAllText(dir["b/which"]));
    }
}
