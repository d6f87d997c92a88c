using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CqcGuide.Cli;
using CqcGuide.Site.Build;

namespace CqcGuide.Tests;

public class ServeTests
{
    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    [Fact]
    public async Task An_edit_to_an_input_file_reaches_an_open_page_within_a_second()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        var port = FreePort();
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

        var clock = Stopwatch.StartNew();
        File.AppendAllText(input["guidance/alpha.md"], "\nEdited in the test.\n");
        string? line;
        do line = await reader.ReadLineAsync(cts.Token); while (line is not null && line != "event: reload");
        var updated = await http.GetStringAsync("guidance/alpha/", cts.Token);
        clock.Stop();
        Assert.Contains("Edited in the test.", updated);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed.TotalMilliseconds:0} ms");

        var js = await http.GetStringAsync("_cqcguide/livereload.js", cts.Token);
        Assert.Contains("EventSource", js);
        var missing = await http.GetAsync("no/such/page/", cts.Token);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
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
