using System.Diagnostics;
using CqcGuide.Site.Loading;

namespace CqcGuide.Site.Tests.Loading;

/// <summary>Issue 15 item 2: the build reads regular files inside its folders, nothing else.</summary>
public class SafeFilesTests
{
    private static bool Make(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        return p.ExitCode == 0;
    }

    [Fact]
    public void Every_kind_of_entry_is_told_apart_without_opening_it()
    {
        using var dir = new TempDir();
        dir.Write("file.md", "x");
        Directory.CreateDirectory(dir["folder"]);
        File.CreateSymbolicLink(dir["link"], dir["file.md"]);
        Assert.Equal(EntryKind.Regular, SafeFiles.Kind(dir["file.md"], follow: false));
        Assert.Equal(EntryKind.Directory, SafeFiles.Kind(dir["folder"], follow: false));
        Assert.Equal(EntryKind.Link, SafeFiles.Kind(dir["link"], follow: false));
        Assert.Equal(EntryKind.Regular, SafeFiles.Kind(dir["link"], follow: true));
        Assert.Equal(EntryKind.Missing, SafeFiles.Kind(dir["nothing"], follow: false));
        if (!OperatingSystem.IsLinux()) return;
        Assert.True(Make("mkfifo", dir["pipe.md"]));
        Assert.Equal(EntryKind.Fifo, SafeFiles.Kind(dir["pipe.md"], follow: false));
        Assert.Equal(EntryKind.CharDevice, SafeFiles.Kind("/dev/null", follow: false));
    }

    [Fact]
    public async Task Enumerating_reports_what_is_not_a_regular_file_inside_and_never_blocks()
    {
        using var dir = new TempDir();
        dir.Write("ok.md", "x");
        dir.Write("sub/deeper.md", "x");
        dir.Write(".hidden/skip.md", "x");
        File.CreateSymbolicLink(dir["inside.md"], dir["ok.md"]);
        File.CreateSymbolicLink(dir["outside.md"], "/etc/hostname");
        File.CreateSymbolicLink(dir["broken.md"], dir["nothing.md"]);
        File.CreateSymbolicLink(dir["loop-a.md"], dir["loop-b.md"]);
        File.CreateSymbolicLink(dir["loop-b.md"], dir["loop-a.md"]);
        Directory.CreateSymbolicLink(dir["up"], dir.Path);
        if (OperatingSystem.IsLinux()) Assert.True(Make("mkfifo", dir["pipe.md"]));
        var bag = new DiagnosticBag();
        var task = Task.Run(() => SafeFiles.Enumerate(dir.Path, bag));
        Assert.Same(task, await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(30))));
        var files = await task;
        Assert.Equal(["inside.md", "ok.md", "sub/deeper.md"], files.Select(f => f.Relative).ToArray());
        Assert.Equal(dir["ok.md"], files[0].ReadPath);
        var problems = bag.Sorted();
        foreach (var name in new[] { "outside.md", "broken.md", "loop-a.md", "loop-b.md", "up" })
            Assert.Contains(problems, d => d.Code == Codes.UnsafeLink && d.Path.EndsWith("/" + name, StringComparison.Ordinal));
        if (OperatingSystem.IsLinux()) Assert.Contains(problems, d => d.Code == Codes.NotRegularFile && d.Path.EndsWith("/pipe.md", StringComparison.Ordinal));
        foreach (var entry in new[] { "inside.md", "outside.md", "broken.md", "loop-a.md", "loop-b.md", "up" }) File.Delete(dir[entry]);
    }

    [Fact]
    public void Reads_are_capped()
    {
        using var dir = new TempDir();
        dir.Write("big.md", new string('x', 5000));
        var bag = new DiagnosticBag();
        Assert.Null(SafeFiles.ReadAllBytes(dir["big.md"], "big.md", 4096, bag));
        Assert.Equal(Codes.FileTooLarge, Assert.Single(bag.Sorted()).Code);
        Assert.Equal(5000, SafeFiles.ReadAllBytes(dir["big.md"], "big.md", 5000, new DiagnosticBag())!.Length);
        if (!OperatingSystem.IsLinux()) return;
        var zero = new DiagnosticBag();
        Assert.Null(SafeFiles.ReadAllBytes("/dev/zero", "/dev/zero", 1 << 20, zero)); // a device never fills memory
        Assert.Equal(Codes.FileTooLarge, Assert.Single(zero.Sorted()).Code);
    }
}
