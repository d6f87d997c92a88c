using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CqcGuide.Tests;

/// <summary>
/// The hostile-input corpus (issue 15): <c>tests/fixtures/hostile/&lt;case&gt;/</c> holds files overlaid on a copy of the
/// fixture site (<c>input/</c>) and of the theme (<c>theme/</c>), an optional <c>setup</c> that makes what git cannot hold
/// (symbolic links, FIFOs, devices, huge or generated files), optional <c>args</c> (the commands to run; default
/// <c>build</c>) and an <c>expect</c> file. Every case runs the real command line in a fresh project folder
/// (<c>{root}/input</c>, <c>{root}/theme</c>, <c>{root}/output</c> built from the clean fixture first) and must: end with
/// the expected exit codes, report each expected code at its file and line, finish within its time bound, leave the
/// previous output byte for byte as it was when it fails, leave no staging behind, and write nothing anywhere in the
/// project outside the output folder (unless the case is a command that writes content, such as <c>new</c>).
/// </summary>
/// <remarks>
/// <c>setup</c> lines (paths relative to the case's project root; <c>{root}</c> expands):
/// <c>symlink PATH TARGET</c>, <c>fifo PATH</c>, <c>device PATH</c> (a character device like /dev/null),
/// <c>write PATH TEXT</c> (C escapes: \n \t \xNN \uNNNN), <c>repeat PATH COUNT TEXT</c> (appends TEXT COUNT times),
/// <c>sparse PATH BYTES</c>, <c>delete PATH</c>.
/// <c>expect</c> lines: <c>exit N...</c> (one per command), <c>CODE PATH LINE[:COL]</c> (an error),
/// <c>warning CODE PATH LINE</c>, <c>present PATH</c>, <c>absent PATH</c>, <c>contains PATH TEXT</c>,
/// <c>lacks PATH TEXT</c>, <c>seconds N</c> (default 60), <c>writes-input</c> (the command is meant to change the project).
/// </remarks>
public class HostileInputTests
{
    private static string Corpus => Repo.Fixture("hostile");

    public static TheoryData<string> Cases() =>
        new(Directory.EnumerateDirectories(Corpus).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!);

    private static readonly Regex DiagnosticLine = new(@"^(?<path>.+?):(?<line>\d+):(?<col>\d+): (?<sev>error|warning) (?<code>CG\d{3}): ", RegexOptions.Multiline);

    [Fact]
    public void The_corpus_covers_every_hardening_item()
    {
        var names = Directory.EnumerateDirectories(Corpus).Select(Path.GetFileName).ToArray();
        // Issue 15's build-side items and the deployment list: each has at least one case, named after it.
        foreach (var item in new[] { "i01", "i02", "i03", "i06", "i07", "i08", "i09", "i10", "i12", "i13", "i14", "i15", "dep" })
            Assert.Contains(names, n => n!.StartsWith(item + "-", StringComparison.Ordinal));
        Assert.True(names.Length >= 50, $"{names.Length} cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_hostile_case_is_reported_and_nothing_outside_the_output_is_touched(string name)
    {
        var caseDir = Path.Combine(Corpus, name);
        using var root = new TempDir();
        try
        {
            Run(caseDir, root.Path);
        }
        finally
        {
            // Undo what setup made that a recursive delete must not follow or cannot remove.
            foreach (var entry in Directory.EnumerateFileSystemEntries(root.Path, "*", SearchOption.AllDirectories).ToArray())
                if (new FileInfo(entry).LinkTarget is not null) File.Delete(entry);
        }
    }

    private static void Run(string caseDir, string root)
    {
        var input = Path.Combine(root, "input");
        var theme = Path.Combine(root, "theme");
        var output = Path.Combine(root, "output");
        // The fixture site, or the default site for cases that need its journal and assessments.
        Copy(File.Exists(Path.Combine(caseDir, "site")) ? Path.Combine(Repo.Root, "input") : Repo.Fixture("site"), input);
        Copy(Repo.Theme, theme, skip: rel => rel.StartsWith("node_modules", StringComparison.Ordinal));
        // The previous output: a good build of the clean fixture.
        var good = Cli.Run("build", "--input", input, "--output", output, "--theme", theme, "--date", "2026-11-26", "--no-search");
        Assert.True(good.ExitCode == 0, good.Error);
        var before = Hashes(output);

        foreach (var overlay in new[] { "input", "theme" })
            if (Directory.Exists(Path.Combine(caseDir, overlay))) Copy(Path.Combine(caseDir, overlay), Path.Combine(root, overlay));
        var setup = Path.Combine(caseDir, "setup");
        if (File.Exists(setup))
            foreach (var line in Lines(setup)) Setup(line, root);

        var expect = Lines(Path.Combine(caseDir, "expect")).Select(l => l.Replace("{root}", root, StringComparison.Ordinal)).ToArray();
        var writesInput = expect.Contains("writes-input");
        var seconds = expect.Where(l => l.StartsWith("seconds ", StringComparison.Ordinal)).Select(l => int.Parse(l[8..], CultureInfo.InvariantCulture)).DefaultIfEmpty(60).Single();
        var exits = expect.Where(l => l.StartsWith("exit ", StringComparison.Ordinal)).SelectMany(l => l[5..].Split(' ').Select(int.Parse)).ToArray();
        var project = writesInput ? null : Snapshot(root, output);

        var argsFile = Path.Combine(caseDir, "args");
        var commands = File.Exists(argsFile) ? Lines(argsFile).Select(l => Tokens(l, root)).ToArray() : [["build"]];
        var errors = new StringBuilder();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < commands.Length; i++)
        {
            var command = commands[i];
            if (command[0] is "build" or "check")
            {
                var given = command.ToHashSet(StringComparer.Ordinal);
                var extra = new List<string>();
                void Add(string option, string? value)
                {
                    if (given.Contains(option)) return;
                    extra.Add(option);
                    if (value is not null) extra.Add(value);
                }
                Add("--input", input);
                Add("--theme", theme);
                Add("--date", "2026-11-26");
                if (command[0] == "build")
                {
                    Add("--output", output);
                    Add("--no-search", null);
                }
                command = [.. command, .. extra];
            }
            var run = Task.Run(() => Cli.Run(command));
            Assert.True(run.Wait(TimeSpan.FromSeconds(seconds)), $"'{string.Join(' ', command)}' did not finish within {seconds} s");
            var result = run.Result;
            errors.Append(result.Error);
            var expected = i < exits.Length ? exits[i] : 1;
            Assert.True(result.ExitCode == expected, $"'{string.Join(' ', command.Take(3))}' exited {result.ExitCode}, expected {expected}:\n{result.Error}\n{result.Output}");
        }
        var stderr = errors.ToString();
        Assert.DoesNotContain("   at ", stderr); // no stack trace without --verbose
        var reported = DiagnosticLine.Matches(stderr).Select(m => (Path: m.Groups["path"].Value, Line: int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture),
            Col: int.Parse(m.Groups["col"].Value, CultureInfo.InvariantCulture), Warning: m.Groups["sev"].Value == "warning", Code: m.Groups["code"].Value)).ToArray();
        foreach (var line in expect)
        {
            var parts = line.Split(' ', 3);
            switch (parts[0])
            {
                case "exit" or "seconds" or "writes-input":
                    break;
                case "present":
                    Assert.True(File.Exists(Path.Combine(root, parts[1])) || Directory.Exists(Path.Combine(root, parts[1])), $"{parts[1]} should exist");
                    break;
                case "absent":
                    Assert.False(File.Exists(Path.Combine(root, parts[1])) || Directory.Exists(Path.Combine(root, parts[1])), $"{parts[1]} should not exist");
                    break;
                case "contains":
                    Assert.Contains(Unescape(parts[2]), File.ReadAllText(Path.Combine(root, parts[1])));
                    break;
                case "lacks":
                    Assert.DoesNotContain(Unescape(parts[2]), File.ReadAllText(Path.Combine(root, parts[1])));
                    break;
                case "warning":
                    Expect(reported, parts[1], parts[2], warning: true, stderr);
                    break;
                default:
                    Expect(reported, parts[0], parts[1] + " " + parts[2], warning: false, stderr);
                    break;
            }
        }
        Assert.All(stderr.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("    hint: ", StringComparison.Ordinal) && !l.StartsWith("error: ", StringComparison.Ordinal)),
            l => Assert.Matches(@"^(.+:\d+:\d+: (error|warning) CG\d{3}: .+|Run '.+' for usage\.)$", l));
        if (exits.Length == 0 || exits[^1] != 0)
        {
            Assert.Equal(before, Hashes(output));
            if (!expect.Any(l => l.Contains("output.staging", StringComparison.Ordinal))) Assert.False(Directory.Exists(output + ".staging"), "staging left behind");
        }
        if (project is not null) Assert.Equal(project, Snapshot(root, output));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(seconds * commands.Length), $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static void Expect((string Path, int Line, int Col, bool Warning, string Code)[] reported, string code, string where, bool warning, string stderr)
    {
        var parts = where.Split(' ');
        var path = parts[0];
        var position = parts[1].Split(':');
        var line = int.Parse(position[0], CultureInfo.InvariantCulture);
        int? col = position.Length > 1 ? int.Parse(position[1], CultureInfo.InvariantCulture) : null;
        Assert.True(reported.Any(r => r.Code == code && r.Warning == warning && (r.Path == path || r.Path.EndsWith("/" + path, StringComparison.Ordinal)) && r.Line == line && (col is null || r.Col == col)),
            $"expected {(warning ? "warning" : "error")} {code} at {path}:{line}{(col is null ? "" : ":" + col)}; got:\n{stderr}");
    }

    private static void Setup(string line, string root)
    {
        var parts = line.Split(' ', 3);
        var path = Path.Combine(root, parts[1]);
        string Arg(int i) => parts[i].Replace("{root}", root, StringComparison.Ordinal);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (parts[0])
        {
            case "symlink":
                if (File.Exists(path)) File.Delete(path);
                File.CreateSymbolicLink(path, Arg(2));
                break;
            case "fifo":
                Exec("mkfifo", path);
                break;
            case "device":
                Exec("mknod", path, "c", "1", "3");
                break;
            case "write":
                File.WriteAllText(path, Unescape(Arg(2)));
                break;
            case "repeat":
            {
                var count = int.Parse(parts[2].Split(' ')[0], CultureInfo.InvariantCulture);
                var text = Unescape(parts[2][(parts[2].IndexOf(' ') + 1)..]);
                using var w = new StreamWriter(path, append: true);
                for (var i = 0; i < count; i++) w.Write(text);
                break;
            }
            case "sparse":
            {
                using var f = new FileStream(path, FileMode.Create);
                f.SetLength(long.Parse(parts[2], CultureInfo.InvariantCulture));
                break;
            }
            case "delete":
                File.Delete(path);
                break;
            default:
                throw new InvalidOperationException($"unknown setup line: {line}");
        }
    }

    private static void Exec(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{file} failed: {p.StandardError.ReadToEnd()}");
    }

    private static string[] Tokens(string line, string root)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"') quoted = !quoted;
            else if (c == ' ' && !quoted)
            {
                if (current.Length > 0) tokens.Add(current.ToString());
                current.Clear();
            }
            else current.Append(c);
        }
        if (current.Length > 0) tokens.Add(current.ToString());
        return tokens.Select(t => Unescape(t.Replace("{root}", root, StringComparison.Ordinal))).ToArray();
    }

    private static string Unescape(string s) => Regex.Replace(s, @"\\(n|t|\\|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|q)", m => m.Value[1] switch
    {
        'n' => "\n",
        't' => "\t",
        '\\' => "\\",
        'q' => "\"",
        'x' or 'u' => ((char)Convert.ToInt32(m.Value[2..], 16)).ToString(),
        _ => m.Value,
    });

    private static IEnumerable<string> Lines(string file) =>
        File.ReadAllLines(file).Where(l => l.Length > 0 && !l.StartsWith('#'));

    private static void Copy(string from, string to, Func<string, bool>? skip = null)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(from, file);
            if (skip?.Invoke(rel) == true) continue;
            var dest = Path.Combine(to, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest, overwrite: true);
        }
    }

    private static SortedDictionary<string, string> Hashes(string dir)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            result[Path.GetRelativePath(dir, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        return result;
    }

    /// <summary>Every entry of the project folder except the output (and its staging), with what it is: regular files
    /// by content, links by target, special files by kind, so any write outside the output shows.</summary>
    private static SortedDictionary<string, string> Snapshot(string root, string output)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(pending.Pop()))
            {
                if (entry == output || entry == output + ".staging" || entry == output + ".previous") continue;
                var info = new FileInfo(entry);
                var rel = Path.GetRelativePath(root, entry);
                if (info.LinkTarget is { } target) result[rel] = "link " + target;
                else if (Directory.Exists(entry))
                {
                    result[rel] = "dir";
                    pending.Push(entry);
                }
                else if (CqcGuide.Site.Loading.SafeFiles.Kind(entry, follow: false) != CqcGuide.Site.Loading.EntryKind.Regular) result[rel] = "special";
                else result[rel] = info.Length > 10_000_000 ? "big " + info.Length : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry)));
            }
        }
        return result;
    }
}
