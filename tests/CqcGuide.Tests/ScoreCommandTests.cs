namespace CqcGuide.Tests;

public class ScoreCommandTests
{
    public static TheoryData<string> Examples() => new(Directory.EnumerateFiles(Path.Combine(Repo.Root, "tests", "examples"), "*.json")
        .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("learning-log", StringComparison.Ordinal))
        .Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());

    [Theory]
    [MemberData(nameof(Examples))]
    public void Score_prints_the_expected_result_for_each_example(string name)
    {
        var path = Path.Combine(Repo.Root, "tests", "examples", name);
        var json = Cli.Run("score", path);
        Assert.True(json.ExitCode == 0, json.Error);
        Assert.Equal(File.ReadAllText(Path.ChangeExtension(path, ".expected.json")), json.Output);
        var text = Cli.Run("score", path, "--format", "text");
        Assert.Equal(File.ReadAllText(Path.ChangeExtension(path, ".expected.txt")), text.Output);
        Assert.Contains("not a CQC", text.Output);
    }

    [Fact]
    public void A_broken_answers_file_is_reported_with_line_and_column_and_exit_1()
    {
        using var dir = new TempDir();
        dir.Write("bad.json", "{\n  \"format\": \"cqcguide.answers/1\",\n  \"assessment\": { \"id\": \"x\", \"version\": \"1.0.0\" },\n  \"model\": { \"id\": \"cqc-saf\", \"version\": \"1.0.0\" },\n  \"createdAt\": \"2026-01-01T00:00:00Z\", \"updatedAt\": \"2026-01-01T00:00:00Z\", \"revision\": 1,\n  \"answers\": { \"safe.learning-culture\": { \"value\": \"5\" } }\n}\n");
        var r = Cli.Run("score", dir["bad.json"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"bad\.json:6:\d+: error CG801: .*""5"" is not an allowed answer", r.Error);
        Assert.Equal(2, Cli.Run("score", dir["missing.json"]).ExitCode);
    }

    [Fact]
    public void Rules_explain_reads_as_plain_english_with_kinds_and_sources()
    {
        var r = Cli.Run("rules", "explain", "cqc-saf");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("whole-percent-rounding — Our interpretation", r.Output);
        Assert.Contains("Unverified", r.Output);
        Assert.Contains("Sources:", r.Output);
        Assert.Matches(@"62\.5%\s+becomes\s+63%", r.Output);
        Assert.Equal(2, Cli.Run("rules", "explain", "cqc-sa").ExitCode);
    }

    [Fact]
    public void Rules_export_writes_every_module_and_the_schema()
    {
        using var dir = new TempDir();
        var r = Cli.Run("rules", "export", dir.Path);
        Assert.Equal(0, r.ExitCode);
        foreach (var id in new[] { "cqc-saf", "cqc-saf-evidence", "learning-maturity", "learning-log-quality" })
            Assert.Contains("export const model = Object.freeze(", File.ReadAllText(dir[id + ".js"]));
        Assert.Equal(File.ReadAllText(Path.Combine(Repo.Root, "schemas", "answers.schema.json")), File.ReadAllText(dir["answers.schema.json"]));
    }
}
