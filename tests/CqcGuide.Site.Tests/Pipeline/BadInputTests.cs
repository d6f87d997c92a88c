namespace CqcGuide.Site.Tests.Pipeline;

/// <summary>
/// tests/fixtures/bad/&lt;case&gt;/ each holds one broken file (overlaid on the fixture site) and an <c>expect</c> line:
/// <c>CODE path line</c>. Every case must be reported with that code at that file and line, and a failed build must
/// leave the previous output byte for byte as it was.
/// </summary>
public class BadInputTests
{
    private static string[] Names() => Directory.EnumerateDirectories(Repo.Fixture("bad")).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<string> Cases() => new(Names());

    private static (string Code, string Path, int Line) Expected(string caseDir)
    {
        var parts = File.ReadAllText(Path.Combine(caseDir, "expect")).Trim().Split(' ');
        return (parts[0], parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void Overlay(TempDir site, string caseDir)
    {
        foreach (var f in Directory.EnumerateFiles(caseDir, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "expect"))
            site.Write(Path.GetRelativePath(caseDir, f), File.ReadAllBytes(f));
    }

    [Fact]
    public void There_are_at_least_twelve_distinct_broken_files() =>
        Assert.True(Names().Length >= 12);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_broken_file_is_reported_at_its_line_and_the_previous_output_is_untouched(string name)
    {
        var caseDir = Path.Combine(Repo.Fixture("bad"), name);
        var (code, path, line) = Expected(caseDir);
        using var site = TempDir.CopyOf(Repo.Fixture("site"));
        using var out_ = new TempDir();
        var output = out_["site"];
        var good = Builds.Run(site.Path, output);
        Assert.True(good.Success, Builds.Errors(good));
        var before = Builds.Hashes(output);

        Overlay(site, caseDir);
        var result = Builds.Run(site.Path, output);

        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Code == code && d.Path.EndsWith("/" + path, StringComparison.Ordinal) && d.Line == line && d.IsError);
        Assert.All(result.Diagnostics, d => Assert.Matches(@"^.+:\d+:\d+: (error|warning) CG\d{3}: .+", d.ToString()));
        Assert.Equal(before, Builds.Hashes(output));
        Assert.False(Directory.Exists(output + ".staging"));
    }

    [Fact]
    public void All_broken_files_together_are_reported_in_one_run()
    {
        using var site = TempDir.CopyOf(Repo.Fixture("site"));
        var cases = Names().Select(c => Path.Combine(Repo.Fixture("bad"), c)).ToArray();
        foreach (var c in cases) Overlay(site, c);
        using var out_ = new TempDir();
        var result = Builds.Run(site.Path, out_["site"]);
        Assert.False(result.Success);
        foreach (var c in cases)
        {
            var (code, path, line) = Expected(c);
            Assert.Contains(result.Diagnostics, d => d.Code == code && d.Path.EndsWith("/" + path, StringComparison.Ordinal) && d.Line == line);
        }
        Assert.False(Directory.Exists(out_["site"]));
    }
}
