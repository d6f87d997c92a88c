using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace CqcGuide.Site.Templates;

/// <summary>
/// The theme as layers: a file in an earlier folder overrides the file at the same relative path in a later one
/// (<c>input/_theme/</c>, then the folder named in site.yml, then the built-in <c>theme/</c>).
/// </summary>
public sealed class ThemeLayers(IReadOnlyList<string> roots)
{
    public IReadOnlyList<string> Roots { get; } = roots.Where(Directory.Exists).ToArray();

    /// <summary>The winning full path for a theme-relative path, or null.</summary>
    public string? Find(string relative)
    {
        foreach (var root in Roots)
        {
            var full = Path.Combine(root, relative);
            if (File.Exists(full)) return full;
        }
        return null;
    }

    /// <summary>All theme-relative files under <paramref name="folder"/>, each resolved to its winning layer, sorted.</summary>
    public IReadOnlyList<(string Relative, string FullPath)> List(string folder)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in Roots.Reverse())
        {
            var dir = Path.Combine(root, folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            {
                var name = Path.GetFileName(file);
                if (name.StartsWith('.') || name == "package.json" || name == "package-lock.json") continue;
                result[Path.GetRelativePath(root, file).Replace('\\', '/')] = file;
            }
        }
        return result.Select(kv => (kv.Key, kv.Value)).ToArray();
    }
}

/// <summary>Lets Fluid's <c>{% include 'name' %}</c> read partials through the theme layers.</summary>
internal sealed class PartialsProvider(ThemeLayers layers) : IFileProvider
{
    public IFileInfo GetFileInfo(string subpath)
    {
        var full = layers.Find("partials/" + subpath.TrimStart('/'));
        return full is null ? new NotFoundFileInfo(subpath) : new ThemeFile(full);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class ThemeFile(string path) : IFileInfo
    {
        public bool Exists => true;
        public long Length => new FileInfo(path).Length;
        public string PhysicalPath => path;
        public string Name => System.IO.Path.GetFileName(path);
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public bool IsDirectory => false;
        public Stream CreateReadStream() => File.OpenRead(path);
    }
}
