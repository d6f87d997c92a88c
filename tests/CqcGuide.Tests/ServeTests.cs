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

    /// <summary>Issue 15 item 19: only its own address (no DNS rebinding), only GET and HEAD, folders redirect to their
    /// slash, and a file that breaks a rebuild leaves the server serving and rebuilding.</summary>
    [Fact]
    public async Task The_server_answers_only_its_address_and_reads_and_survives_a_broken_rebuild()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        var port = Ports.Free();
        var options = new BuildOptions { InputDir = input.Path, OutputDir = input["unused"], ThemeDir = Repo.Theme, Today = Builds.Today, BaseUrl = $"http://127.0.0.1:{port}/" };
        var errors = new StringWriter();
        using var server = new DevServer(options, TextWriter.Null, TextWriter.Synchronized(errors));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var run = server.RunAsync(port, cts.Token);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        for (var i = 0; i < 200; i++)
        {
            try { if ((await http.GetAsync("guidance/alpha/", cts.Token)).IsSuccessStatusCode) break; }
            catch (HttpRequestException) { }
            await Task.Delay(100, cts.Token);
        }

        async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? host = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (host is not null) request.Headers.Host = host;
            return await http.SendAsync(request, cts.Token);
        }
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "guidance/alpha/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "guidance/alpha/", $"localhost:{port}")).StatusCode);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, (await Send(HttpMethod.Get, "guidance/alpha/", $"attacker.example:{port}")).StatusCode);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, (await Send(HttpMethod.Get, "guidance/alpha/", "127.0.0.1")).StatusCode);
        var post = await Send(HttpMethod.Post, "guidance/alpha/");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal("GET, HEAD", string.Join(", ", post.Content.Headers.Allow.Count > 0 ? post.Content.Headers.Allow : post.Headers.GetValues("Allow")));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await Send(HttpMethod.Delete, "guidance/alpha/")).StatusCode);
        var head = await Send(HttpMethod.Head, "guidance/alpha/");
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(cts.Token));
        var folder = await Send(HttpMethod.Get, "guidance?x=1");
        Assert.Equal(HttpStatusCode.Redirect, folder.StatusCode);
        Assert.Equal("/guidance/?x=1", folder.Headers.Location!.OriginalString);

        // A page nested too deeply used to end the watcher's timer with an exception: now it is an error, and the next
        // good edit is served.
        using var events = await http.GetStreamAsync("_cqcguide/events", cts.Token);
        using var reader = new StreamReader(events);
        Assert.Equal("event: hello", await reader.ReadLineAsync(cts.Token));
        var generation = server.Generation;
        File.WriteAllText(input["guidance/deep.md"], "---\ntitle: Deep\nsummary: s\n---\n" + new string('>', 200) + " deep\n");
        for (var i = 0; i < 300 && !errors.ToString().Contains("CG108", StringComparison.Ordinal); i++) await Task.Delay(100, cts.Token);
        Assert.Contains("CG108", errors.ToString());
        Assert.Equal(generation, server.Generation);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "guidance/alpha/")).StatusCode);
        File.Delete(input["guidance/deep.md"]);
        File.AppendAllText(input["pages/about.md"], "\nAfter the broken file.\n");
        string? line;
        do line = await reader.ReadLineAsync(cts.Token); while (line is not null && line != "event: reload");
        Assert.Contains("After the broken file.", await http.GetStringAsync("about/", cts.Token));
        cts.Cancel();
        try { await run; } catch (OperationCanceledException) { }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    public void A_port_out_of_range_is_a_usage_error(string port)
    {
        var r = Cli.Run("serve", "--port", port, "--input", Repo.Fixture("site"), "--theme", Repo.Theme);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--port must be between 1 and 65535", r.Error);
    }

    [Fact]
    public void A_busy_port_is_a_usage_error()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var r = Cli.Run("serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--input", Repo.Fixture("site"), "--theme", Repo.Theme, "--date", "2026-11-26");
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("choose another --port", r.Error);
        }
        finally
        {
            listener.Stop();
        }
    }
}
