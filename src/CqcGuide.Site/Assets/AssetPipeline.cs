using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CqcGuide.Site.Assets;

/// <summary>A file written to the site under a content-hashed name, e.g. <c>assets/css/site.3f2a9c1b7e.css</c>.</summary>
public sealed record BuiltAsset(string LogicalName, string OutputPath, byte[] Bytes);

/// <summary>
/// Copies theme assets (and generated ones, such as the compiled scoring modules) under content-hashed names so
/// that hosts can cache them for a year. Relative <c>import</c>s between ES modules and <c>url()</c>s in CSS are
/// rewritten to the hashed names, dependencies first, so a change to one module changes the names of its importers.
/// </summary>
public sealed partial class AssetPipeline
{
    private readonly Dictionary<string, byte[]> sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> origins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BuiltAsset> built = new(StringComparer.Ordinal);

    /// <param name="logicalName">Path under <c>assets/</c>, e.g. <c>js/site.js</c>.</param>
    public void Add(string logicalName, byte[] bytes, string origin)
    {
        sources[logicalName] = bytes;
        origins[logicalName] = origin;
    }

    public IReadOnlyCollection<BuiltAsset> Built => built.Values;

    /// <summary>Hashes every asset. Import cycles and imports of missing modules are reported.</summary>
    public void Build(DiagnosticBag diagnostics)
    {
        built.Clear();
        // Compacting parses each script (the largest part of this stage): in parallel, each on its own.
        var compact = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Parallel.ForEach(sources.Keys.Where(IsScript), name =>
            compact[name] = ScriptCompactor.Compact(Encoding.UTF8.GetString(sources[name]), $"'{name}'", origins[name], diagnostics));
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = in progress, 2 = done
        foreach (var name in sources.Keys.Order(StringComparer.Ordinal))
            Visit(name, state, compact, diagnostics);
    }

    private static bool IsScript(string name) => Path.GetExtension(name) is ".js" or ".mjs";

    /// <summary>The output path (relative to the site root) of a logical asset, or null if there is none.</summary>
    public string? OutputPathOf(string logicalName) => built.TryGetValue(logicalName, out var a) ? a.OutputPath : null;

    private void Visit(string name, Dictionary<string, int> state, IReadOnlyDictionary<string, string> compact, DiagnosticBag diagnostics)
    {
        if (state.TryGetValue(name, out var s))
        {
            if (s == 1)
                diagnostics.Error(Codes.AssetImportCycle, $"asset '{name}' is part of an import cycle", SourceSpan.File(origins[name]),
                    "content-hashed names need an acyclic module graph; move the shared code into a module both import");
            return;
        }
        state[name] = 1;
        var bytes = sources[name];
        var extension = Path.GetExtension(name);
        if (extension is ".js" or ".mjs" or ".css")
        {
            var text = Encoding.UTF8.GetString(bytes);
            if (compact.TryGetValue(name, out var script)) text = script;
            var regex = extension == ".css" ? CssUrlRegex() : JsImportRegex();
            var directory = Path.GetDirectoryName(name)?.Replace('\\', '/') ?? "";
            var rewritten = regex.Replace(text, m =>
            {
                var spec = m.Groups["spec"].Value;
                var target = Normalise(directory, spec);
                if (!sources.ContainsKey(target))
                {
                    if (extension != ".css")
                        diagnostics.Error(Codes.UnknownAsset, $"'{name}' imports '{spec}', which is not an asset", SourceSpan.File(origins[name]));
                    return m.Value;
                }
                Visit(target, state, compact, diagnostics);
                if (!built.TryGetValue(target, out var dep)) return m.Value;
                var hashedName = Path.GetFileName(dep.OutputPath);
                var newSpec = spec[..(spec.LastIndexOf('/') + 1)] + hashedName;
                return m.Value.Replace(spec, newSpec, StringComparison.Ordinal);
            });
            bytes = Encoding.UTF8.GetBytes(rewritten);
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
        var stem = name[..^extension.Length];
        built[name] = new BuiltAsset(name, $"assets/{stem}.{hash}{extension}", bytes);
        state[name] = 2;
    }

    private static string Normalise(string directory, string spec)
    {
        var parts = new List<string>(directory.Length == 0 ? [] : directory.Split('/'));
        foreach (var part in spec.Split('/'))
        {
            if (part == ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }

    [GeneratedRegex("""(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(?<q>["'])(?<spec>\.{1,2}/[^"'\s]+)\k<q>""")]
    private static partial Regex JsImportRegex();

    [GeneratedRegex("""url\(\s*(?<q>["']?)(?<spec>(?!data:|https?:|/|#)[^"')\s]+)\k<q>\s*\)""")]
    private static partial Regex CssUrlRegex();
}
