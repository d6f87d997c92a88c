using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CqcGuide.Cli;
using CqcGuide.Site.Pipeline;

namespace CqcGuide.Tests;

[CollectionDefinition(nameof(ServeTests), DisableParallelization = true)]
public sealed class ServeCollection;

/// <summary>Serve tests measure time, so they run alone, not beside the other test classes.</summary>
[Collection(nameof(ServeTests))]
public class ServeTests
{

    [Fact]
    public async Task An_edit_to_an_input_file_reaches_an_open_page_within_a_second()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        var port = Ports.Free();
        var options = new BuildOptions { InputDir = input.Path, OutputDir = input["unused"], ThemeDir = Repo.Theme, Today = Builds.Today, BaseUrl = $"http://127.0.0.1:{port}/" };
        using var server = new DevServer(options, TextWriter.Null, TextWriter.Null);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = server.RunAsync(port, cts.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        string page = "";
        for (var i = 0; i < 100; i++)
        {
            try { page = await http.GetStringAsync("guidance/alpha/", cts.Token); break; }
            catch (HttpRequestException) { await Task.Delay(100, cts.Token); }
        }
        Assert.Contains("<script type=\"module\" src=\"/_cqcguide/livereload.js\"></script>", page);
        Assert.DoesNotContain("Edited in the test", page);

        using var events = await http.GetStreamAsync("_cqcguide/events", cts.Token);
        using var reader = new StreamReader(events);
        Assert.Equal("event: hello", await reader.ReadLineAsync(cts.Token));

        // A change to front matter (here, a guidance page with older editions) takes a full rebuild...
        File.WriteAllText(input["guidance/alpha.md"], File.ReadAllText(input["guidance/alpha.md"]).Replace("title: Alpha page", "title: Alpha page, edited") + "\nEdited in the test.\n");
        string? line;
        do line = await reader.ReadLineAsync(cts.Token); while (line is not null && line != "event: reload");
        var updated = await http.GetStringAsync("guidance/alpha/", cts.Token);
        Assert.Contains("Edited in the test.", updated);
        Assert.Contains("Alpha page, edited", await http.GetStringAsync("guidance/", cts.Token)); // the navigation too

        // ...and an everyday edit to a page's text reaches the open page within a second.
        var clock = Stopwatch.StartNew();
        File.AppendAllText(input["pages/about.md"], "\nEdited in the test.\n");
        do line = await reader.ReadLineAsync(cts.Token); while (line is not null && line != "event: reload");
        var about = await http.GetStringAsync("about/", cts.Token);
        clock.Stop();
        Assert.Contains("Edited in the test.", about);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed.TotalMilliseconds:0} ms");

        var js = await http.GetStringAsync("_cqcguide/livereload.js", cts.Token);
        Assert.Contains("EventSource", js);
        var missing = await http.GetAsync("no/such/page/", cts.Token);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        cts.Cancel();
        try { await run; } catch (OperationCanceledException) { }
    }

    [Fact]
    public async Task A_body_edit_takes_the_fast_path_and_reloads()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        var port = Ports.Free();
        var options = new BuildOptions { InputDir = input.Path, OutputDir = input["unused"], ThemeDir = Repo.Theme, Today = Builds.Today, BaseUrl = $"http://127.0.0.1:{port}/" };
        var log = new StringWriter();
        using var server = new DevServer(options, TextWriter.Synchronized(log), TextWriter.Null);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = server.RunAsync(port, cts.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        for (var i = 0; i < 100 && server.Generation == 0; i++) await Task.Delay(100, cts.Token);
        using var events = await http.GetStreamAsync("_cqcguide/events", cts.Token);
        using var reader = new StreamReader(events);
        Assert.Equal("event: hello", await reader.ReadLineAsync(cts.Token));
        File.AppendAllText(input["pages/about.md"], "\nFast path text.\n");
        string? line;
        do line = await reader.ReadLineAsync(cts.Token); while (line is not null && line != "event: reload");
        Assert.Contains("Fast path text.", await http.GetStringAsync("about/", cts.Token));
        Assert.Contains("(only this page changed)", log.ToString());
        cts.Cancel();
        try { await run; } catch (OperationCanceledException) { }
    }

    [Fact]
    public void Built_pages_never_carry_the_reload_script()
    {
        using var out_ = new TempDir();
        var r = Cli.Run("build", "--input", Repo.Fixture("site"), "--output", out_.Path, "--theme", Repo.Theme, "--date", "2026-11-26", "--no-search");
        Assert.Equal(0, r.ExitCode);
        Assert.All(Directory.EnumerateFiles(out_.Path, "*.html", SearchOption.AllDirectories), f => Assert.DoesNotContain("livereload", File.ReadAllText(f)));
    }
}
