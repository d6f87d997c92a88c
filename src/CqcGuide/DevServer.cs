using System.Collections.Concurrent;
using System.Text;
using CqcGuide.Cli.Commands;
using CqcGuide.Site.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CqcGuide.Cli;

/// <summary>
/// <c>cqcguide serve</c>: builds into memory, serves on 127.0.0.1 with Kestrel, watches input/ and theme/, rebuilds on
/// change and tells open pages to reload (Server-Sent Events). The reload script exists only here, never in a build.
/// </summary>
public sealed class DevServer : IDisposable
{
    public const string ReloadScriptPath = "/_cqcguide/livereload.js";
    private const string EventsPath = "/_cqcguide/events";

    private readonly BuildOptions options;
    private readonly TextWriter output;
    private readonly TextWriter error;
    private readonly ConcurrentDictionary<Guid, HttpResponse> clients = new();
    private readonly List<FileSystemWatcher> watchers = [];
    private readonly SemaphoreSlim buildLock = new(1, 1);
    private readonly FileExtensionContentTypeProvider contentTypes = new();
    private volatile IReadOnlyDictionary<string, byte[]> files = new Dictionary<string, byte[]>();
    private Timer? debounce;
    private long generation;
    private BuildSession? session;
    private readonly ConcurrentDictionary<string, bool> pending = new(StringComparer.Ordinal);

    private readonly bool verbose;

    public DevServer(BuildOptions options, TextWriter output, TextWriter error, bool verbose = false)
    {
        this.verbose = verbose;
        this.options = options with { Write = false, Search = false, LiveReloadScript = ReloadScriptPath };
        this.output = output;
        this.error = error;
    }

    /// <summary>Number of completed builds (for tests).</summary>
    public long Generation => Interlocked.Read(ref generation);

    public static int Run(BuildOptions options, int port, TextWriter output, TextWriter error, bool verbose = false)
    {
        using var server = new DevServer(options with { BaseUrl = $"http://127.0.0.1:{port}/" }, output, error, verbose);
        return server.RunAsync(port, CancellationToken.None).GetAwaiter().GetResult();
    }

    public async Task<int> RunAsync(int port, CancellationToken cancellation)
    {
        if (port is < 1 or > 65535) throw new UsageException($"--port must be between 1 and 65535, not {port}");
        this.port = port;
        Rebuild("initial build");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var app = builder.Build();
        app.Run(Handle);
        Watch(options.InputDir);
        Watch(options.ResolvedThemeDir);
        try
        {
            await app.StartAsync(cancellation);
        }
        catch (IOException e)
        {
            throw new UsageException($"cannot listen on 127.0.0.1:{port} ({e.Message}); another program may be using it: choose another --port");
        }
        output.WriteLine($"Serving http://127.0.0.1:{port}/ (Ctrl+C to stop). Watching {options.InputDir} and {options.ResolvedThemeDir}.");
        output.WriteLine("Search is not indexed in serve mode; run 'cqcguide build' to build the search index.");
        await app.WaitForShutdownAsync(cancellation);
        return CliApp.Ok;
    }

    private int port;

    /// <summary>
    /// The server answers only requests for its own address (a page on another site cannot read it through DNS
    /// rebinding) and only GET and HEAD (a static site has nothing to post to).
    /// </summary>
    private async Task Handle(HttpContext context)
    {
        var host = context.Request.Host;
        if (!host.HasValue || host.Port != port || host.Host is not ("127.0.0.1" or "localhost"))
        {
            context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"cqcguide serve answers only http://127.0.0.1:{port}/ and http://localhost:{port}/\n");
            return;
        }
        var method = context.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD";
            return;
        }
        var head = HttpMethods.IsHead(method);
        var path = context.Request.Path.Value ?? "/";
        if (path == ReloadScriptPath)
        {
            context.Response.ContentType = "text/javascript; charset=utf-8";
            await context.Response.WriteAsync(ReloadScript);
            return;
        }
        if (path == EventsPath)
        {
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-store";
            var id = Guid.NewGuid();
            clients[id] = context.Response;
            await context.Response.WriteAsync($"event: hello\ndata: {Generation}\n\n");
            await context.Response.Body.FlushAsync();
            // End the stream when the client leaves or the server stops (so Ctrl+C does not wait for open pages).
            var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            try { await Task.Delay(Timeout.Infinite, either.Token); }
            catch (OperationCanceledException) { }
            finally { clients.TryRemove(id, out _); }
            return;
        }
        var relative = Uri.UnescapeDataString(path.TrimStart('/'));
        var snapshot = files;
        // A folder asked for without its slash (/guidance) goes to the folder (/guidance/), as a static host does,
        // rather than serving its index.html under a name without an extension (which browsers downloaded).
        if (relative.Length > 0 && !relative.EndsWith('/') && !snapshot.ContainsKey(relative) && snapshot.ContainsKey(relative + "/index.html"))
        {
            context.Response.Redirect(path + "/" + context.Request.QueryString.Value);
            return;
        }
        if (!snapshot.TryGetValue(relative, out var body) && !snapshot.TryGetValue(relative.TrimEnd('/') + (relative.Length == 0 ? "index.html" : "/index.html"), out body))
        {
            context.Response.StatusCode = 404;
            snapshot.TryGetValue("404.html", out body);
            relative = "404.html";
        }
        if (!contentTypes.TryGetContentType(relative.EndsWith('/') || relative.Length == 0 ? "index.html" : relative, out var type)) type = "application/octet-stream";
        context.Response.ContentType = type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("javascript") ? type + "; charset=utf-8" : type;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        if (body is null) return;
        context.Response.ContentLength = body.Length;
        if (!head) await context.Response.Body.WriteAsync(body);
    }

    private void Watch(string dir)
    {
        if (!Directory.Exists(dir)) return;
        var watcher = new FileSystemWatcher(dir) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        void Changed(object? sender, FileSystemEventArgs e)
        {
            if (e.FullPath.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) return;
            pending[e.FullPath] = e.ChangeType == WatcherChangeTypes.Changed;
            if (e is RenamedEventArgs r) pending[r.OldFullPath] = false;
            debounce?.Dispose();
            debounce = new Timer(_ => RebuildSafely(), null, 30, Timeout.Infinite);
        }
        watcher.Changed += Changed;
        watcher.Created += Changed;
        watcher.Deleted += Changed;
        watcher.Renamed += Changed;
        watchers.Add(watcher);
    }

    /// <summary>The watcher's rebuild: whatever goes wrong is reported and the server keeps serving the last good build
    /// (an exception in a timer callback would end the process).</summary>
    private void RebuildSafely()
    {
        try
        {
            RebuildPending();
        }
        catch (Exception e)
        {
            error.WriteLine($"error {CqcGuide.Site.Codes.InternalError}: internal error while rebuilding: {e.GetType().Name}: {e.Message}");
            error.WriteLine(verbose ? e.ToString() : "    hint: run serve with --verbose for the stack trace, and report it");
            output.WriteLine("Still serving the last good build.");
        }
    }

    private void RebuildPending()
    {
        var changes = pending.ToArray();
        foreach (var (path, _) in changes) pending.TryRemove(path, out _);
        if (changes.Length == 0) return;
        // One edited file whose change stays inside its own page: render just that page.
        if (changes.Length == 1 && changes[0].Value && session is { } current)
        {
            buildLock.Wait();
            try
            {
                if (Incremental.TryRebuild(current, changes[0].Key) is { } quick)
                {
                    var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), changes[0].Key);
                    BuildCommands.Report(quick, error, verbose);
                    if (quick.Success)
                    {
                        files = quick.Files;
                        var n = Interlocked.Increment(ref generation);
                        output.WriteLine($"Rebuilt {relative} in {quick.Elapsed.TotalMilliseconds:0} ms (only this page changed).");
                        Broadcast($"event: reload\ndata: {n}\n\n");
                    }
                    else output.WriteLine($"{relative} has errors; still serving the last good build.");
                    return;
                }
            }
            finally
            {
                buildLock.Release();
            }
        }
        Rebuild(changes.Length == 1 ? Path.GetRelativePath(Directory.GetCurrentDirectory(), changes[0].Key) : $"{changes.Length} files changed");
    }

    /// <summary>Builds into memory; on success swaps the served files and tells open pages to reload.</summary>
    public void Rebuild(string reason)
    {
        buildLock.Wait();
        try
        {
            var result = SiteBuilder.Build(options, out var built);
            session = built;
            BuildCommands.Report(result, error, verbose);
            if (result.Success)
            {
                files = result.Files;
                var n = Interlocked.Increment(ref generation);
                output.WriteLine($"Rebuilt ({reason}): {result.PageCounts.Values.Sum()} pages in {result.Elapsed.TotalMilliseconds:0} ms.");
                Broadcast($"event: reload\ndata: {n}\n\n");
            }
            else
            {
                output.WriteLine($"Build failed ({reason}): {result.Errors} errors; still serving the last good build.");
            }
        }
        finally
        {
            buildLock.Release();
        }
    }

    private void Broadcast(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        foreach (var (id, response) in clients)
        {
            try
            {
                response.Body.WriteAsync(bytes).AsTask().ContinueWith(_ => response.Body.FlushAsync());
            }
            catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
            {
                clients.TryRemove(id, out _);
            }
        }
    }

    private const string ReloadScript = """
        // Added by `cqcguide serve` only: reloads the page when the site is rebuilt.
        const source = new EventSource('/_cqcguide/events');
        source.addEventListener('reload', () => location.reload());
        """;

    public void Dispose()
    {
        foreach (var w in watchers) w.Dispose();
        debounce?.Dispose();
        buildLock.Dispose();
    }
}
