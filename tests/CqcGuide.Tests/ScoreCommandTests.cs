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

    private static string Person(string structuredReviews, string reflection, string? completedBy, string note = "")
    {
        var file = new System.Text.Json.Nodes.JsonObject
        {
            ["format"] = "cqcguide.answers/2",
            ["assessment"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "learning-maturity", ["version"] = "1.0.0" },
            ["model"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "learning-maturity", ["version"] = "1.2.0" },
            ["createdAt"] = "2026-11-30T09:00:00Z", ["updatedAt"] = "2026-11-30T10:00:00Z", ["revision"] = 3,
            ["answers"] = new System.Text.Json.Nodes.JsonObject
            {
                ["governance.structured-reviews"] = new System.Text.Json.Nodes.JsonObject { ["value"] = structuredReviews },
                ["governance.reflection-documented"] = new System.Text.Json.Nodes.JsonObject { ["value"] = reflection, ["note"] = note },
            },
        };
        if (completedBy is not null)
            file["extra"] = new System.Text.Json.Nodes.JsonObject { ["progress/completed-by"] = new System.Text.Json.Nodes.JsonObject { ["value"] = completedBy } };
        return file.ToJsonString();
    }

    [Fact]
    public void Score_team_prints_each_persons_result_the_spread_and_what_to_discuss()
    {
        using var dir = new TempDir();
        dir.Write("a.json", Person("1", "3", "Registered manager", "<b>we log</b>"));
        dir.Write("b.json", Person("3", "3", null));
        dir.Write("c.json", Person("4", "na", "Night\u001b[31m\u202e senior\n"));
        var text = Cli.Run("score", "--team", dir["a.json"], dir["b.json"], dir["c.json"], "--format", "text");
        Assert.True(text.ExitCode == 0, text.Error);
        Assert.Contains("Team self-assessment: 3 people, learning-maturity", text.Output);
        Assert.Contains("Registered manager (a.json): ", text.Output);
        Assert.Contains("  b (b.json): ", text.Output);
        Assert.Contains("Governance and oversight Established; ", text.Output.Split('\n').Single(l => l.StartsWith("  Median answers: ", StringComparison.Ordinal)));
        Assert.Contains("Questions to discuss: 2 of 35", text.Output);
        Assert.Contains("governance.structured-reviews: Scores are 3 steps apart: from “1 – Reactive” to “4 – Embedded”.", text.Output);
        Assert.Contains("governance.structured-reviews [discuss]: 1:1 3:1 4:1; median 3; range 1-4", text.Output);
        Assert.Contains("governance.reflection-documented [discuss]: 3:2 na:1; median 3; range 3", text.Output);
        Assert.Contains("causes.beyond-individuals: no answer:3; median none; range none", text.Output);

        var json = Cli.Run("score", "--team", dir["a.json"], dir["b.json"], dir["c.json"]);
        using var doc = System.Text.Json.JsonDocument.Parse(json.Output);
        var team = doc.RootElement.GetProperty("team");
        Assert.Equal(3, team.GetProperty("members").GetInt32());
        Assert.Equal(2, team.GetProperty("discuss").GetInt32());
        var item = team.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "governance.structured-reviews");
        Assert.Equal("3", item.GetProperty("consensus").GetString());
        Assert.Equal(["Registered manager", "b", "Night [31m senior"], doc.RootElement.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("role").GetString()));
        Assert.Equal("Established", doc.RootElement.GetProperty("medianAnswers").GetProperty("overall").GetString());
    }

    [Fact]
    public void Score_team_reports_every_bad_file_and_refuses_answers_to_different_assessments()
    {
        using var dir = new TempDir();
        dir.Write("a.json", Person("1", "3", null));
        dir.Write("bad1.json", "{ not json");
        dir.Write("bad2.json", Person("9", "3", null));
        var r = Cli.Run("score", "--team", dir["a.json"], dir["bad1.json"], dir["missing.json"], dir["bad2.json"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("missing.json:1:1: error CG801: no such file", r.Error);
        Assert.Contains("bad1.json:1:", r.Error);
        Assert.Matches(@"bad2\.json:\d+:\d+: error CG801: .*""9""", r.Error);
        Assert.Equal("", r.Output);

        dir.Write("other.json", File.ReadAllText(Path.Combine(Repo.Root, "input", "examples", "assessments", "history", "2026-03-10.json")));
        var mixed = Cli.Run("score", "--team", dir["a.json"], dir["other.json"]);
        Assert.Equal(1, mixed.ExitCode);
        Assert.Matches(@"other\.json:1:1: error CG801: the file holds answers to 'cqc-readiness' \(cqc-saf\), but .*a\.json holds answers to 'learning-maturity'", mixed.Error);

        var two = Cli.Run("score", dir["a.json"], dir["a.json"]);
        Assert.Equal(2, two.ExitCode);
        Assert.Contains("add --team", two.Error);
        Assert.Equal(2, Cli.Run("score", "--team", dir["a.json"]).ExitCode);
    }

    [Fact]
    public void Score_team_median_answers_keep_the_baseline_every_file_shares()
    {
        using var dir = new TempDir();
        string File(string value) => new System.Text.Json.Nodes.JsonObject
        {
            ["format"] = "cqcguide.answers/2",
            ["assessment"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "cqc-readiness", ["version"] = "1.0.0" },
            ["model"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "cqc-saf", ["version"] = "1.2.0" },
            ["createdAt"] = "2026-11-30T09:00:00Z", ["updatedAt"] = "2026-11-30T10:00:00Z", ["revision"] = 1,
            ["answers"] = new System.Text.Json.Nodes.JsonObject { ["safe.learning-culture"] = new System.Text.Json.Nodes.JsonObject { ["value"] = value } },
            ["baseline"] = new System.Text.Json.Nodes.JsonObject
            {
                ["publishedOn"] = "2026-03-14",
                ["scores"] = new System.Text.Json.Nodes.JsonObject { ["safe.learning-culture"] = "2", ["safe.safeguarding"] = "3" },
            },
            ["options"] = new System.Text.Json.Nodes.JsonObject { ["applyLimiters"] = false },
        }.ToJsonString();
        dir.Write("a.json", File("not-reassessed"));
        dir.Write("b.json", File("not-reassessed"));
        dir.Write("c.json", File("not-reassessed"));
        var r = Cli.Run("score", "--team", dir["a.json"], dir["b.json"], dir["c.json"]);
        Assert.True(r.ExitCode == 0, r.Error);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Output);
        string Safe(System.Text.Json.JsonElement e) => e.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("id").GetString() == "safe").GetProperty("label").GetString()!;
        // Everyone kept the published 2, so the median answers keep it too (with the shared baseline), and Safe reads as theirs.
        Assert.Equal(Safe(doc.RootElement.GetProperty("people")[0]), Safe(doc.RootElement.GetProperty("medianAnswers")));
        Assert.Equal("2026-03-14", doc.RootElement.GetProperty("team").GetProperty("baseline").GetProperty("publishedOn").GetString());
        Assert.False(doc.RootElement.GetProperty("team").GetProperty("baselinesDiffer").GetBoolean());
        Assert.Contains("(the median answers keep the last published scores every file shares, from 2026-03-14)",
            Cli.Run("score", "--team", dir["a.json"], dir["b.json"], dir["c.json"], "--format", "text").Output);

        // One file from another report: the files share no baseline, and the page's and the CLI's shared rule says so.
        dir.Write("d.json", File("not-reassessed").Replace("2026-03-14", "2025-09-01"));
        var differ = Cli.Run("score", "--team", dir["a.json"], dir["b.json"], dir["d.json"]);
        using var differDoc = System.Text.Json.JsonDocument.Parse(differ.Output);
        Assert.True(differDoc.RootElement.GetProperty("team").GetProperty("baselinesDiffer").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, differDoc.RootElement.GetProperty("team").GetProperty("baseline").ValueKind);
        Assert.NotEqual(Safe(differDoc.RootElement.GetProperty("people")[0]), Safe(differDoc.RootElement.GetProperty("medianAnswers")));
        Assert.Contains("the files start from different last published scores",
            Cli.Run("score", "--team", dir["a.json"], dir["b.json"], dir["d.json"], "--format", "text").Output);
    }
}
