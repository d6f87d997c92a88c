using System.Runtime.InteropServices;

namespace CqcGuide.Site.Loading;

/// <summary>What a path is, without following a final symbolic link.</summary>
public enum EntryKind { Missing, Regular, Directory, Link, Fifo, CharDevice, BlockDevice, Socket, Unknown }

/// <summary>A regular file found under a folder: its path, its path relative to the folder (forward slashes) and the
/// path to read it from (the link's target, inside the same folder, when the entry is a symbolic link).</summary>
public sealed record SafeFile(string FullPath, string Relative, string ReadPath);

/// <summary>
/// The only way the build reads its input and theme (decision 11): regular files inside their folder. A symbolic link
/// is followed only to a regular file inside the same folder; a link out of it, to a folder, to nothing or round in a
/// loop, a device, a FIFO or a socket is a coded error at its path, never a read (so nothing hangs on a FIFO or fills
/// the disk from <c>/dev/zero</c>), and every read is capped.
/// </summary>
public static class SafeFiles
{
    /// <summary>Markdown, YAML and templates.</summary>
    public const long MaxTextBytes = 1L << 20;
    /// <summary>Images and downloads under <c>input/assets/</c> and the theme's assets.</summary>
    public const long MaxAssetBytes = 50L << 20;

    /// <summary>Every regular file under <paramref name="root"/> (hidden names skipped), sorted by relative path, with the
    /// problems of every other entry reported to <paramref name="diagnostics"/>.</summary>
    public static IReadOnlyList<SafeFile> Enumerate(string root, DiagnosticBag diagnostics, Func<string, bool>? skip = null)
    {
        var result = new List<SafeFile>();
        var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        if (Kind(fullRoot, follow: true) != EntryKind.Directory) return result;
        var realRoot = RealPath(fullRoot) ?? fullRoot;
        var pending = new Stack<string>();
        pending.Push(fullRoot);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            string[] names;
            try
            {
                names = Directory.GetFileSystemEntries(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(Codes.Unreadable, $"cannot read the folder: {e.Message}", SourceSpan.File(SourceSpan.DisplayPath(dir)));
                continue;
            }
            foreach (var full in names)
            {
                if (Path.GetFileName(full).StartsWith('.')) continue;
                var relative = Path.GetRelativePath(fullRoot, full).Replace('\\', '/');
                if (skip?.Invoke(relative) == true) continue;
                var kind = Kind(full, follow: false);
                if (kind == EntryKind.Directory)
                {
                    pending.Push(full);
                    continue;
                }
                if (Inspect(full, realRoot, diagnostics) is { } readPath) result.Add(new SafeFile(full, relative, readPath));
            }
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        return result;
    }

    /// <summary>
    /// Checks one path that is expected to be a regular file inside <paramref name="root"/> and returns the path to read
    /// (itself, or its link's target), or null when it is not one (reported, unless it is simply missing).
    /// </summary>
    public static string? Check(string path, string root, DiagnosticBag diagnostics)
    {
        var full = Path.GetFullPath(path);
        var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        if (Kind(full, follow: false) == EntryKind.Missing) return null;
        return Inspect(full, RealPath(fullRoot) ?? fullRoot, diagnostics);
    }

    private static string? Inspect(string full, string realRoot, DiagnosticBag diagnostics)
    {
        var at = SourceSpan.File(SourceSpan.DisplayPath(full));
        var kind = Kind(full, follow: false);
        var readPath = full;
        if (kind == EntryKind.Link)
        {
            var target = RealPath(full);
            if (target is null)
            {
                diagnostics.Error(Codes.UnsafeLink, "this symbolic link points to nothing, or round in a loop of links", at,
                    "replace the link with the file itself, or delete it");
                return null;
            }
            if (!IsInside(target, realRoot))
            {
                diagnostics.Error(Codes.UnsafeLink, $"this symbolic link leads out of {SourceSpan.DisplayPath(realRoot)}/ (to {target}): it is not followed", at,
                    "the build reads only files inside its folders; copy the file in instead of linking to it");
                return null;
            }
            kind = Kind(target, follow: false);
            if (kind == EntryKind.Directory)
            {
                diagnostics.Error(Codes.UnsafeLink, "this symbolic link leads to a folder: links to folders are not followed", at,
                    "put the files themselves in the folder instead of linking to another folder");
                return null;
            }
            readPath = target;
        }
        switch (kind)
        {
            case EntryKind.Regular or EntryKind.Unknown:
                return readPath;
            case EntryKind.Missing:
                return null; // removed while the build ran
            default:
                diagnostics.Error(Codes.NotRegularFile, $"this is not a regular file but a {Describe(kind)}: it is not read", at,
                    "the input may hold only ordinary files; remove it");
                return null;
        }
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> bytes; null (reported) when the file is larger or unreadable.</summary>
    public static byte[]? ReadAllBytes(string readPath, string displayPath, long maxBytes, DiagnosticBag diagnostics)
    {
        try
        {
            using var stream = new FileStream(readPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var buffer = new MemoryStream(stream.CanSeek ? (int)Math.Min(stream.Length, maxBytes) + 1 : 4096);
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > maxBytes)
                {
                    diagnostics.Error(Codes.FileTooLarge, $"the file is larger than {Size(maxBytes)}, the most the build reads for it", SourceSpan.File(displayPath),
                        maxBytes == MaxTextBytes ? "split it into several pages" : "make it smaller, or host it elsewhere and link to it");
                    return null;
                }
            }
            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(Codes.Unreadable, $"cannot read the file: {e.Message}", SourceSpan.File(displayPath), "check the file's permissions");
            return null;
        }
    }

    public static string Size(long bytes) => bytes >= 1L << 20 ? $"{bytes >> 20} MiB" : $"{bytes >> 10} KiB";

    private static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.Fifo => "FIFO (named pipe)",
        EntryKind.CharDevice => "character device",
        EntryKind.BlockDevice => "block device",
        EntryKind.Socket => "socket",
        _ => "special file",
    };

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or inside it (both full paths).</summary>
    public static bool IsInside(string path, string folder)
    {
        var f = folder.TrimEnd(Path.DirectorySeparatorChar);
        if (f.Length == 0) return true; // the root of the file system
        return path.Equals(f, StringComparison.Ordinal) || path.StartsWith(f + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>The path with every symbolic link resolved; null when it (or a link on the way) does not exist or loops.</summary>
    public static string? RealPath(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                var p = Native.realpath(path, IntPtr.Zero);
                if (p == IntPtr.Zero) return null;
                try { return Marshal.PtrToStringUTF8(p); }
                finally { Native.free(p); }
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
            }
        }
        try
        {
            var full = Path.GetFullPath(path);
            var info = new FileInfo(full);
            if (info.LinkTarget is not null) return info.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true } t ? t.FullName : null;
            return File.Exists(full) || Directory.Exists(full) ? full : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The kind of file at <paramref name="path"/> (<c>lstat</c>, or <c>stat</c> when <paramref name="follow"/>).</summary>
    public static EntryKind Kind(string path, bool follow)
    {
        if (!OperatingSystem.IsWindows() && Native.ModeOffset() is { } offset)
        {
            var buffer = new byte[512];
            try
            {
                var r = follow ? Native.stat(path, buffer) : Native.lstat(path, buffer);
                if (r != 0) return EntryKind.Missing;
                var mode = offset.Wide ? BitConverter.ToUInt32(buffer, offset.Offset) : BitConverter.ToUInt16(buffer, offset.Offset);
                return (mode & 0xF000) switch
                {
                    0x8000 => EntryKind.Regular,
                    0x4000 => EntryKind.Directory,
                    0xA000 => EntryKind.Link,
                    0x1000 => EntryKind.Fifo,
                    0x2000 => EntryKind.CharDevice,
                    0x6000 => EntryKind.BlockDevice,
                    0xC000 => EntryKind.Socket,
                    _ => EntryKind.Unknown,
                };
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
            }
        }
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path)) return info.LinkTarget is not null ? EntryKind.Link : EntryKind.Missing;
        if (!follow && info.LinkTarget is not null) return EntryKind.Link;
        return info.Attributes.HasFlag(FileAttributes.Directory) ? EntryKind.Directory : EntryKind.Regular;
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int lstat(string path, byte[] buffer);

        [DllImport("libc", SetLastError = true)]
        public static extern int stat(string path, byte[] buffer);

        [DllImport("libc", SetLastError = true)]
        public static extern IntPtr realpath(string path, IntPtr resolved);

        [DllImport("libc")]
        public static extern void free(IntPtr p);

        /// <summary>Where <c>st_mode</c> sits in <c>struct stat</c> on the platforms whose layout we know.</summary>
        public static (int Offset, bool Wide)? ModeOffset()
        {
            if (OperatingSystem.IsLinux())
                return RuntimeInformation.ProcessArchitecture switch
                {
                    Architecture.X64 => (24, true),
                    Architecture.Arm64 or Architecture.RiscV64 or Architecture.LoongArch64 => (16, true),
                    _ => null,
                };
            if (OperatingSystem.IsMacOS() && RuntimeInformation.ProcessArchitecture == Architecture.Arm64) return (4, false);
            return null;
        }
    }
}
