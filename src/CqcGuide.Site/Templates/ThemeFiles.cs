using CqcGuide.Site.Loading;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace CqcGuide.Site.Templates;

/// <summary>
/// The theme as layers: a file in an earlier folder overrides the file at the same relative path in a later one
/// (<c>input/_theme/</c>, then the folder named in site.yml, then the built-in <c>theme/</c>). Like the input, each layer
/// is read only from regular files inside it (<see cref="SafeFiles"/>); problems are reported once, at their path.
/// </summary>
public sealed class ThemeLayers
{
    private readonly DiagnosticBag diagnostics;
    private readonly Dictionary<string, IReadOnlyList<SafeFile>> files = new(StringComparer.Ordinal);

    public ThemeLayers(IReadOnlyList<string> roots, DiagnosticBag? diagnostics = null)
    {
        this.diagnostics = diagnostics ?? new DiagnosticBag();
        Roots = roots.Where(Directory.Exists).Select(r => Path.GetFullPath(r)).ToArray();
        foreach (var root in Roots) files[root] = SafeFiles.Enumerate(root, this.diagnostics, rel => rel is "node_modules");
    }

    public IReadOnlyList<string> Roots { get; }

    /// <summary>The winning path (to read) for a theme-relative path, or null.</summary>
    public string? Find(string relative)
    {
        foreach (var root in Roots)
        {
            var hit = files[root].FirstOrDefault(f => f.Relative == relative);
            if (hit is not null) return hit.ReadPath;
        }
        return null;
    }

    /// <summary>All theme-relative files under <paramref name="folder"/>, each resolved to its winning layer (the path to
    /// read), sorted.</summary>
    public IReadOnlyList<(string Relative, string FullPath)> List(string folder)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in Roots.Reverse())
        {
            foreach (var file in files[root])
            {
                if (!file.Relative.StartsWith(folder + "/", StringComparison.Ordinal)) continue;
                var name = Path.GetFileName(file.Relative);
                if (name == "package.json" || name == "package-lock.json") continue;
                result[file.Relative] = file.ReadPath;
            }
        }
        return result.Select(kv => (kv.Key, kv.Value)).ToArray();
    }

    /// <summary>Reads a theme file found by <see cref="List"/> or <see cref="Find"/>, capped; null when it cannot be (reported).</summary>
    public byte[]? Read(string path, long maxBytes) => SafeFiles.ReadAllBytes(path, SourceSpan.DisplayPath(path), maxBytes, diagnostics);
}

/// <summary>Lets Fluid's <c>{% include 'name' %}</c> read partials through the theme layers.</summary>
internal sealed class PartialsProvider(ThemeLayers layers) : IFileProvider
{
    public IFileInfo GetFileInfo(string subpath)
    {
        var full = layers.Find("partials/" + subpath.TrimStart('/'));
        return full is null ? new NotFoundFileInfo(subpath) : new ThemeFile(full, layers);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class ThemeFile(string path, ThemeLayers layers) : IFileInfo
    {
        public bool Exists => true;
        public long Length => new FileInfo(path).Length;
        public string PhysicalPath => path;
        public string Name => System.IO.Path.GetFileName(path);
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public bool IsDirectory => false;
        public Stream CreateReadStream() => new MemoryStream(layers.Read(path, SafeFiles.MaxTextBytes) ?? throw new IOException($"cannot read the partial {path}"));
    }
}
