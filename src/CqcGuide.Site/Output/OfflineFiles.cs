using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CqcGuide.Site.Output;

/// <summary>
/// Passes every file on to the real sink and records its SHA-256 and size: the build's version (what the service
/// worker's cache is keyed by) and the offline manifest's sizes come from this ledger, without reading the pages again.
/// </summary>
public sealed class LedgerSink(IOutputSink inner) : IOutputSink
{
    public ConcurrentDictionary<string, (byte[] Hash, long Size)> Files { get; } = new(StringComparer.Ordinal);

    public void Write(string relativePath, byte[] bytes)
    {
        inner.Write(relativePath, bytes);
        Files[relativePath] = (SHA256.HashData(bytes), bytes.LongLength);
    }

    public void Copy(string relativePath, string sourceFile)
    {
        inner.Copy(relativePath, sourceFile);
        using var stream = File.OpenRead(sourceFile);
        Files[relativePath] = (SHA256.HashData(stream), stream.Length);
    }

    /// <summary>Records files another tool wrote into the staged site (Pagefind's index under <paramref name="folder"/>).</summary>
    public void AddWritten(string siteDir, string folder)
    {
        var root = Path.Combine(siteDir, folder);
        if (!Directory.Exists(root)) return;
        foreach (var full in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(siteDir, full).Replace(Path.DirectorySeparatorChar, '/');
            using var stream = File.OpenRead(full);
            Files[rel] = (SHA256.HashData(stream), stream.Length);
        }
    }
}

/// <summary>
/// The files that make the site work offline (issue 17): <c>offline.json</c>, the list of what the service worker
/// stores, and <c>sw.js</c>, the theme's service worker with this build's version written in. The version is a hash of
/// every other file the build wrote, so any change to the site changes <c>sw.js</c>, which is how a browser learns that
/// a new version is out; the same input gives the same bytes.
/// </summary>
public static class OfflineFiles
{
    public const string WorkerPath = "sw.js";
    /// <summary>The theme's service worker, which the build publishes as <see cref="WorkerPath"/>.</summary>
    public const string WorkerTemplate = "app/service-worker.js";
    public const string ListPath = "offline.json";
    public const string PagePath = "offline/index.html";
    public const string FallbackPath = "offline/unavailable/index.html";

    /// <summary>Page types stored when the service worker installs: the shell, and every page that works on a tablet
    /// without a connection (self-assessments, checklists and forms). Other pages are stored as they are read, or all at
    /// once with "save for offline".</summary>
    public static readonly IReadOnlySet<string> InstalledTypes = new HashSet<string>(StringComparer.Ordinal)
        { "home", "search", "404", "offline", "assessment", "checklist", "form" };

    private static readonly string[] HashedFolders = ["assets/css/", "assets/js/", "assets/rules/"];

    /// <summary>What goes where, with sizes; everything sorted, so the same site gives the same bytes.</summary>
    public sealed record Manifest
    {
        public required string Version { get; init; }
        /// <summary>Stored when the service worker installs.</summary>
        public required IReadOnlyList<string> Install { get; init; }
        /// <summary>Stored by "save for offline": the other pages and files, and the whole search index.</summary>
        public required IReadOnlyList<string> Save { get; init; }
        public required long InstallBytes { get; init; }
        public required long SaveBytes { get; init; }
        /// <summary>The part of <see cref="SaveBytes"/> that is the search index.</summary>
        public required long SearchBytes { get; init; }
        public required int Pages { get; init; }
    }

    /// <summary>
    /// Sorts the written files into the two lists. <paramref name="pageTypes"/> maps each page's output path to its type;
    /// <paramref name="searchLanguages"/> are the WebAssembly names in pagefind-entry.json (only those are installed).
    /// </summary>
    public static Manifest Plan(IReadOnlyDictionary<string, (byte[] Hash, long Size)> files, IReadOnlyDictionary<string, string> pageTypes,
        string basePath, IReadOnlyCollection<string> searchLanguages)
    {
        var install = new List<string>();
        var save = new List<string>();
        long installBytes = 0, saveBytes = 0, searchBytes = 0;
        var pages = 0;
        var version = new StringBuilder();
        foreach (var (path, (hash, size)) in files.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (path is WorkerPath or ListPath) continue;
            version.Append(path).Append('\0').Append(Convert.ToHexStringLower(hash)).Append('\n');
            var (where, isSearch) = Classify(path, pageTypes, searchLanguages);
            if (where is null) continue;
            var url = basePath + Escaped(path.EndsWith("index.html", StringComparison.Ordinal) && (path.Length == 10 || path[^11] == '/') ? path[..^10] : path);
            if (path.EndsWith(".html", StringComparison.Ordinal)) pages++;
            if (where == "install")
            {
                install.Add(url);
                installBytes += size;
            }
            else
            {
                save.Add(url);
                saveBytes += size;
                if (isSearch) searchBytes += size;
            }
        }
        install.Sort(StringComparer.Ordinal);
        save.Sort(StringComparer.Ordinal);
        return new Manifest
        {
            Version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(version.ToString())))[..20],
            Install = install, Save = save, InstallBytes = installBytes, SaveBytes = saveBytes, SearchBytes = searchBytes, Pages = pages,
        };
    }

    /// <summary>
    /// A path as a browser's URL parser writes it (what the worker compares with): UTF-8 percent-encoding of controls,
    /// space, <c>" # % &lt; &gt; ? ` { }</c>, backslash and non-ASCII; everything else (<c>( ) ! ' * + , ; = @ $</c>...) as it is.
    /// </summary>
    private static string Escaped(string path)
    {
        var text = new StringBuilder(path.Length);
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            if (b <= 0x20 || b >= 0x7F || "\"#%<>?`{}\\".Contains((char)b, StringComparison.Ordinal)) text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else text.Append((char)b);
        }
        return text.ToString();
    }

    private static (string? Where, bool Search) Classify(string path, IReadOnlyDictionary<string, string> pageTypes, IReadOnlyCollection<string> searchLanguages)
    {
        if (path.EndsWith(".html", StringComparison.Ordinal))
            return (pageTypes.TryGetValue(path, out var type) && InstalledTypes.Contains(type) ? "install" : "save", false);
        if (HashedFolders.Any(f => path.StartsWith(f, StringComparison.Ordinal))) return ("install", false);
        if (path.StartsWith("pagefind/", StringComparison.Ordinal))
        {
            var name = path["pagefind/".Length..];
            // What every search needs (the script, its worker, the entry list, the metadata, the filters and the
            // WebAssembly of the site's languages) is installed; the index and excerpt chunks a query needs are stored as
            // they are fetched, or all at once when the reader saves the site. Pagefind's ready-made interfaces are unused.
            if (name is "pagefind.js" or "pagefind-worker.js" or "pagefind-entry.json" || name.EndsWith(".pf_meta", StringComparison.Ordinal)
                || name.StartsWith("filter/", StringComparison.Ordinal) || searchLanguages.Any(l => name == $"wasm.{l}.pagefind"))
                return ("install", false);
            if (name.StartsWith("index/", StringComparison.Ordinal) || name.StartsWith("fragment/", StringComparison.Ordinal)) return ("save", true);
            return (null, false);
        }
        if (path is "manifest.webmanifest" or "icon.svg") return ("install", false);
        // Feeds, the sitemap and robots.txt are for other programs; everything else (downloads, schemas, images) is saved.
        if (path == "robots.txt" || (path.EndsWith(".xml", StringComparison.Ordinal) && !path.StartsWith("assets/", StringComparison.Ordinal))) return (null, false);
        return ("save", false);
    }

    /// <summary>The WebAssembly names of the languages Pagefind indexed (pagefind-entry.json), or none.</summary>
    public static IReadOnlyCollection<string> SearchLanguages(string siteDir)
    {
        var entry = Path.Combine(siteDir, "pagefind", "pagefind-entry.json");
        if (!File.Exists(entry)) return [];
        using var doc = JsonDocument.Parse(File.ReadAllBytes(entry));
        if (!doc.RootElement.TryGetProperty("languages", out var languages) || languages.ValueKind != JsonValueKind.Object) return [];
        return languages.EnumerateObject()
            .Select(l => l.Value.TryGetProperty("wasm", out var w) && w.ValueKind == JsonValueKind.String ? w.GetString() : null)
            .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    public static byte[] ListJson(Manifest manifest) => JsonSerializer.SerializeToUtf8Bytes(manifest, Json);

    /// <summary>The service worker: the theme's script after one line with this build's settings.</summary>
    public static byte[] Worker(Manifest manifest, string basePath, string template)
    {
        var settings = JsonSerializer.Serialize(new WorkerSettings
        {
            Version = manifest.Version, Scope = basePath, List = basePath + ListPath,
            Fallback = basePath + FallbackPath[..^10],
        }, Json);
        return Encoding.UTF8.GetBytes($"'use strict';\n// Generated by CqcGuide from the theme's app/service-worker.js: build {manifest.Version}.\nconst BUILD = {settings};\n{template}");
    }

    private sealed record WorkerSettings
    {
        public required string Version { get; init; }
        public required string Scope { get; init; }
        public required string List { get; init; }
        public required string Fallback { get; init; }
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default,
    };
}
