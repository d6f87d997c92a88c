using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CqcGuide.Site.Loading;
using CqcGuide.Site.Markdown;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Sections;
using CqcGuide.Site.Sections.Assessments;
using CqcGuide.Site.Sections.Checklists;
using CqcGuide.Site.Sections.Guidance;
using CqcGuide.Site.Sections.Journal;
using CqcGuide.Site.Sections.Pages;
using CsCheck;
using Xunit.Abstractions;

namespace CqcGuide.Site.Tests.Pipeline;

/// <summary>
/// Generated front matter and Markdown (valid, nearly valid and hostile: escapes, control and invisible characters,
/// aliases, deep nesting, tabs, raw HTML, script links, long values...) through the load stage exactly as the build runs
/// it (decode, split, YAML limits, bind, Markdown limits and parse), the owning section's check, the Markdown render and,
/// for learning logs, the sanitiser. Every case must end without an unhandled exception, within a time bound, with
/// only registered codes and no internal error (CG900); every 2,500th case is also built as a whole site on disk, which
/// must write nothing outside its output folder. 10,000 cases in the normal run; set CQCGUIDE_FUZZ=long (or a number)
/// for more.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private static readonly int Cases = Environment.GetEnvironmentVariable("CQCGUIDE_FUZZ") switch
    {
        "long" => 200_000,
        { } n when int.TryParse(n, out var count) => count,
        _ => 10_000,
    };

    /// <summary>A case slower than this is a hang (real cases take milliseconds; the first log pays for compiling the rules,
    /// and this machine is shared, so the bound is generous; the slowest case is reported).</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static readonly ContentType[] Types =
        [GuidanceSection.Current, JournalSection.Log, ChecklistSection.Checklist, PagesSection.Page, AssessmentSection.Assessment];

    private static readonly IReadOnlySet<string> Registered = Codes.All.Select(c => c.Code).ToHashSet();

    [Fact]
    public void Generated_front_matter_and_markdown_never_crash_hang_or_escape()
    {
        var sections = SectionRegistry.Create();
        var configBag = new DiagnosticBag();
        var config = DocumentLoader.LoadConfig(Repo.Fixture("site"), configBag) ?? throw new InvalidOperationException(string.Join("\n", configBag.Sorted()));
        var options = Builds.Options(Repo.Fixture("site"), "unused", write: false);
        var codes = new ConcurrentDictionary<string, int>();
        var count = 0;
        var slowest = TimeSpan.Zero;
        var slowestCase = "";
        var perType = new ConcurrentDictionary<string, long>();
        var clock = Stopwatch.StartNew();
        var fullBuilds = 0;

        FuzzGen.Document.Sample(generated =>
        {
            var (typeIndex, text, bytesVariant) = generated;
            var n = Interlocked.Increment(ref count);
            var type = Types[typeIndex];
            var watch = Stopwatch.StartNew();
            var bag = new DiagnosticBag();
            var relative = type.Folder + "/fuzz" + (type.Format == ContentFormat.Yaml ? ".yml" : ".md");
            var bytes = FuzzGen.Bytes(text, bytesVariant);
            var decoded = SourceReader.Decode(bytes, relative, bag);
            if (decoded is not null)
            {
                var match = type.Match(relative.Split('/'))!;
                var section = sections.First(s => s.ContentTypes.Contains(type));
                var discovered = new DocumentLoader.Discovered("/fuzz/" + relative, relative, type, match, section);
                var doc = DocumentLoader.Load(discovered, new SourceFile("/fuzz/" + relative, relative, relative, decoded), bag);
                if (doc is not null)
                {
                    var checkedDoc = section.Check(doc, new CheckContext(options, config, bag));
                    if (doc.Markdown is { } md)
                    {
                        var html = MarkdownEngine.Render(md, _ => null);
                        if (type == JournalSection.Log) Sanitiser.For(doc)(html);
                    }
                    _ = checkedDoc;
                }
            }
            watch.Stop();
            perType.AddOrUpdate(Types[typeIndex].Name, watch.Elapsed.Ticks, (_, t) => t + watch.Elapsed.Ticks);
            lock (codes)
                if (watch.Elapsed > slowest)
                {
                    slowest = watch.Elapsed;
                    slowestCase = $"{Types[typeIndex].Name}, {text.Length:N0} chars: " + string.Concat(text.Take(300)).ReplaceLineEndings("⏎");
                }
            foreach (var d in bag.All)
            {
                codes.AddOrUpdate(d.Code, 1, (_, c) => c + 1);
                if (!Registered.Contains(d.Code)) throw new Xunit.Sdk.XunitException($"unregistered code {d.Code}: {d}\n--- input ---\n{text}");
                if (d.Code == Codes.InternalError) throw new Xunit.Sdk.XunitException($"internal error: {d}\n{d.Detail}\n--- input ---\n{text}");
                if (!Regex.IsMatch(d.ToString(), @"^.+:\d+:\d+: (error|warning) CG\d{3}: .+", RegexOptions.Singleline))
                    throw new Xunit.Sdk.XunitException($"badly formed diagnostic: {d}");
            }
            if (watch.Elapsed > Bound) throw new Xunit.Sdk.XunitException($"took {watch.Elapsed.TotalSeconds:0.0} s\n--- input ---\n{text}");
            if (n % 2500 == 0)
            {
                Interlocked.Increment(ref fullBuilds);
                FullBuild(type, text);
            }
        }, iter: Cases);

        output.WriteLine($"fuzz: {count:N0} cases in {clock.Elapsed.TotalSeconds:0.0} s (slowest {slowest.TotalMilliseconds:0} ms), {fullBuilds} full builds on disk");
        output.WriteLine("slowest case: " + slowestCase);
        output.WriteLine("time by type: " + string.Join(", ", perType.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {TimeSpan.FromTicks(kv.Value).TotalSeconds:0.0} s")));
        output.WriteLine("diagnostics: " + string.Join(", ", codes.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}")));
        Assert.True(count >= Cases);
    }

    /// <summary>Builds the fixture site with the generated file on disk; nothing may appear or change outside the output.</summary>
    private static void FullBuild(ContentType type, string text)
    {
        using var sandbox = new TempDir();
        var project = sandbox["project"];
        foreach (var file in Directory.EnumerateFiles(Repo.Fixture("site"), "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(project, "input", Path.GetRelativePath(Repo.Fixture("site"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        var path = Path.Combine(project, "input", type.Folder, "fuzz" + (type.Format == ContentFormat.Yaml ? ".yml" : ".md"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, FuzzGen.Bytes(text, 0));
        var before = Listing(sandbox.Path, Path.Combine(project, "output"));
        var result = SiteBuilder.Build(Builds.Options(Path.Combine(project, "input"), Path.Combine(project, "output")));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == Codes.InternalError || !Registered.Contains(d.Code));
        Assert.Equal(before, Listing(sandbox.Path, Path.Combine(project, "output")));
        Assert.Equal(["project"], Directory.EnumerateFileSystemEntries(sandbox.Path).Select(p => Path.GetFileName(p)!).ToArray());
    }

    private static SortedDictionary<string, long> Listing(string root, string output)
    {
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
        {
            if (SafeFiles.IsInside(entry, output)) continue;
            result[Path.GetRelativePath(root, entry)] = File.Exists(entry) ? new FileInfo(entry).Length : -1;
        }
        return result;
    }
}

/// <summary>The generators of <see cref="FuzzTests"/>.</summary>
internal static class FuzzGen
{
    private static readonly string[] Keys =
    [
        .. new[] { typeof(GuidanceFrontMatter), typeof(LearningLogFrontMatter), typeof(ChecklistFrontMatter), typeof(PageFrontMatter), typeof(AssessmentDefinition) }
            .SelectMany(CqcGuide.Site.Yaml.YamlBinder.KeysOf).Distinct(),
        "titel", "x", "<<", "id", "url", "items", "sections", "questions",
    ];

    private static readonly string[] Words =
    [
        "t", "Title", "2026-01-10", "2026-02-30", "2026-13-01", "2025-10", "true", "false", "1000", "-1", "0", "1e400", "0x10", "safe",
        "well-led", "safe.learning-culture", "safe.nope", "null", "~", "yes", "incident", "near-miss", "closed", "draft", "monitoring",
        "after-action-review", "tasks", "person", "done", "planned", "adopt", "Registered manager", "cqc-saf", "learning-maturity",
        "1.0.0", "text", "yes-no", "../guidance/alpha.md", "alpha.md#first-part", "/quality-statements/safe.learning-culture/",
        "https://example.org", "mailto:a@example.org", "f1", "a1", "ll-2026-001", "root-causes", "-", "|", ">", "[", "]", "{", "}",
    ];

    private static readonly string[] Hostile =
    [
        "\"a\\x01b\"", "\"a\\vb\"", "\"\\u202Eevil\"", "\"zero\\u200Bwidth\"", "\"\\uFFFE\"", "\"\\uD800\"", "\"\\U0001F600\"", "'single ''quoted'''",
        "\"---\"", "\"../../../../x\"", "\"/etc/passwd\"", "\"javascript:alert(1)\"", "\"JaVaScRiPt:x\"", "\"data:text/html,x\"",
        "\"vbscript:x\"", "\"<script>alert(1)</script>\"", "\"{{ page.title }}\"", "\"{% raw %}\"", "!!binary aGVsbG8=", "!custom x",
        "&a x", "*a", "*undefined", "? x", "\"\\0\"", "\"\\e\"", "'\t'", "\"\\N\\_\\L\\P\"", "@reserved", "`tick", "%percent",
    ];

    private static Gen<string> Scalar { get; } = Gen.Frequency(
        (12, Gen.OneOf(Words)),
        (6, Gen.String[Gen.Char["abc xyz-./:#'\"\\é€😀"], 0, 24]),
        (4, Gen.OneOf(Hostile)),
        (1, Gen.Int[180, 220].Select(n => new string('T', n))),
        (1, Gen.Int[19_990, 20_010].Select(n => new string('s', n))));

    private static Gen<string> Value(int depth, int indent)
    {
        var pad = new string(' ', indent + 2);
        if (depth <= 0) return Scalar;
        var child = Value(depth - 1, indent + 2);
        return Gen.Frequency(
            (10, Scalar),
            (3, Scalar.Array[0, 4].Select(items => "[" + string.Join(", ", items) + "]")),
            (3, child.Array[1, 4].Select(items => string.Concat(items.Select(i => "\n" + pad + "- " + i)))),
            (3, Gen.Select(Gen.OneOf(Keys), child).Array[1, 4].Select(pairs => string.Concat(pairs.Select(p => "\n" + pad + p.Item1 + ": " + p.Item2)))),
            (1, Gen.Select(Gen.OneOf("a", "b"), child).Select(p => "&" + p.Item1 + " " + p.Item2)),
            (1, Gen.Int[1, 80].Select(n => new string('[', n) + "x" + new string(']', n))),
            (1, Gen.Int[1, 80].Select(n => string.Concat(Enumerable.Repeat("{a: ", n)) + "x" + new string('}', n))));
    }

    private static Gen<string> Yaml { get; } = Gen.Frequency(
        (20, Gen.Select(Gen.OneOf(Keys), Value(3, 0)).Array[0, 12].Select(pairs => string.Join("\n", pairs.Select(p => p.Item1 + ": " + p.Item2)))),
        (1, Gen.Const("a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]")),
        (1, Gen.Const("? &k [*k]\n: v")),
        (1, Gen.Const("title: t\n\tsummary: tab")),
        (1, Gen.Const("title: t\ntitle: again")),
        (1, Gen.Const("%YAML 1.1\n---\ntitle: t")),
        (1, Gen.Const("title: t\n...\nmore: x")),
        (1, Gen.Const("- just\n- a list")),
        (1, Gen.Const("title: [unclosed")),
        (1, Gen.Const("base: &base {title: t, summary: s}\n<<: *base")));

    private static readonly string[] Lines =
    [
        "", "Plain text with *emphasis*, **strong** and `code`.", "## A heading", "## A heading", "### Sub heading", "# Top",
        "- item", "  - nested item", "1. first", "- [x] done", "- [ ] open", "> quote", "> > nested quote", "> [!NOTE]", "> [!WARNING] careful",
        "| A | B |", "|---|:-:|", "| 1 | 2 |", "```", "```csharp", "    indented code", "***", "Footnote here.[^1]", "[^1]: The note.",
        "[link](alpha.md)", "[anchor](alpha.md#first-part)", "[broken](nowhere.md)", "[site](/guidance/)", "[ext](https://example.org)",
        "[js](javascript:alert(1))", "[tab](<java\tscript:alert(1)>)", "<javascript:alert(1)>", "<https://example.org>", "<a@example.org>",
        "![img](/assets/x.png)", "![data](data:image/png;base64,AAAA)", "[ref][r]", "[r]: javascript:x", "[r]: https://example.org",
        "<script>alert(1)</script>", "<form action=\"https://evil.example\"><input></form>", "<div style=\"position:fixed\">x</div>",
        "<p id=\"main-content\" class=\"skip-link\">chrome</p>", "<img src=\"https://tracker.example/p.gif\">", "<a href=\"/\" target=\"_blank\">x</a>",
        "<iframe src=\"https://example.org\"></iframe>", "<span onclick=\"x()\">x</span>", "<!-- comment -->", "<details><summary>S</summary>D</details>",
        "Text with \u202E bidi and \u200B zero width.", "Emoji 😀 and é.", "{{ page.title }} and {% raw %}", "\\*escaped\\*", "&amp; &lt; &#0; &#x110000;",
        "Setext heading", "===", "---", "Line with trailing spaces  ", "NHS number 943 476 5919", "Date of birth 01/02/1950",
    ];

    private static Gen<string> Body { get; } = Gen.Frequency(
        (20, Gen.OneOf(Lines).Array[0, 30].Select(lines => string.Join("\n", lines) + "\n")),
        (1, Gen.Int[1, 300].Select(n => new string('>', n) + " deep\n")),
        (1, Gen.Int[1, 200].Select(n => string.Concat(Enumerable.Range(0, n).Select(i => new string(' ', 2 * i) + "- a\n")))),
        (1, Gen.Int[1, 3000].Select(n => string.Concat(Enumerable.Repeat("**a", n)) + "\n")),
        (1, Gen.Int[1, 3000].Select(n => string.Concat(Enumerable.Repeat("[a](", n)) + "\n")),
        (1, Gen.Int[1, 2000].Select(n => string.Concat(Enumerable.Repeat("## a\n\n", n)))),
        (1, Gen.Char[(char)0, (char)0x7F].Array[0, 200].Select(cs => new string(cs) + "\n")));

    /// <summary>A valid file of each content type (guidance, learning log, checklist, page, assessment), to mutate.</summary>
    private static readonly string[] Bases =
    [
        File.ReadAllText(Path.Combine(Repo.Fixture("site"), "guidance", "alpha.md")),
        File.ReadAllText(Path.Combine(Repo.Root, "input", "examples", "journal", "ll-2026-004.md")),
        File.ReadAllText(Path.Combine(Repo.Fixture("site"), "checklists", "pitfalls.md")),
        File.ReadAllText(Path.Combine(Repo.Fixture("site"), "pages", "about.md")),
        File.ReadAllText(Path.Combine(Repo.Root, "input", "assessments", "learning-maturity.yml")),
    ];

    /// <summary>One edit of a line: replace its value, delete it, repeat it, insert a line, or splice in body text.</summary>
    private static Gen<(int Kind, int Line, string Text)> Mutation { get; } =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 10_000], Gen.Frequency((3, Scalar), (1, Gen.OneOf(Lines)), (1, Value(2, 2))), (kind, line, text) => (kind, line, text));

    private static string Mutate(string text, (int Kind, int Line, string Text)[] mutations)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        foreach (var (kind, at, value) in mutations)
        {
            var i = at % lines.Count;
            var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
            switch (kind)
            {
                case 0 or 1 when colon > 0: lines[i] = lines[i][..(colon + 2)] + value; break;
                case 2: lines.RemoveAt(i); if (lines.Count == 0) lines.Add(""); break;
                case 3: lines.Insert(i, lines[i]); break;
                case 4: lines.Insert(i, value); break;
                default: lines.Insert(i, Keys[at % Keys.Length] + ": " + value); break;
            }
        }
        return string.Join("\n", lines);
    }

    private static Gen<(int, string, int)> Mutated { get; } = Gen.Select(Gen.Int[0, 4], Mutation.Array[0, 4], Body, Gen.Bool, Gen.Int[0, 19], (type, mutations, body, newBody, bytes) =>
    {
        var text = Bases[type];
        if (newBody && type != 4)
        {
            var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
            text = text[..(end + 5)] + body;
        }
        return (type, Mutate(text, mutations), bytes);
    });

    /// <summary>(content type, file text, how its bytes are made): mostly valid files with a few edits, and wholly
    /// generated ones.</summary>
    public static Gen<(int, string, int)> Document => Gen.Frequency((7, Mutated), (3, Generated));

    private static Gen<(int, string, int)> Generated { get; } = Gen.Select(Gen.Int[0, 4], Yaml, Body, Gen.Int[0, 9], Gen.Int[0, 19], (type, yaml, body, shape, bytes) =>
    {
        var isYamlType = type == 4;
        var text = isYamlType ? yaml + "\n" : shape switch
        {
            0 => body,                                      // no front matter
            1 => "---\n" + yaml + "\n" + body,             // unclosed
            2 => "---\n" + yaml + "\n---",                 // no body
            3 => "---\r\n" + yaml.Replace("\n", "\r\n") + "\r\n---\r\n" + body,
            _ => "---\n" + yaml + "\n---\n" + body,
        };
        return (type, text, bytes);
    });

    /// <summary>UTF-8 (most often as written), with a BOM, with an invalid byte, with a NUL, or empty.</summary>
    public static byte[] Bytes(string text, int variant)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        return variant switch
        {
            1 => [0xEF, 0xBB, 0xBF, .. utf8],
            2 => [.. utf8.Take(utf8.Length / 2), 0xFF, .. utf8.Skip(utf8.Length / 2)],
            3 => [.. utf8, 0],
            4 => [],
            _ => utf8,
        };
    }
}
