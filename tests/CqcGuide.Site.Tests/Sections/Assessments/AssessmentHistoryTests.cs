using AngleSharp.Html.Parser;
using CqcGuide.Rules.Domain;

namespace CqcGuide.Site.Tests.Sections.Assessments;

/// <summary>
/// Self-assessment history (<c>input/assessments/history/</c>): three exported answers files draw the progress page
/// (each key question's score over time, the statements that moved, the latest plan); files the answers parser refuses,
/// files of no assessment here and files with personal data fail the build at their line.
/// </summary>
public class AssessmentHistoryTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static readonly string Definition = "title: Test assessment\nsummary: For the tests.\nversion: \"1.0.0\"\nmodel: cqc-saf\nsections:\n  - id: all\n    title: All\n    questions:\n"
        + string.Join("\n", Framework.QualityStatements.Select(q => $"      - id: {q.Id}"));

    /// <summary>An exported answers file: every statement "3" except those given, and an optional plan.</summary>
    private static string File(string updatedAt, Dictionary<string, string> changed, string plan = "", string note = "Reviewed at the team meeting")
    {
        var answers = Framework.QualityStatements.Select(q => (q.Id, Value: changed.GetValueOrDefault(q.Id, "3")))
            .Select(a => a.Id == "safe.learning-culture" ? $"    \"{a.Id}\": {{ \"value\": \"{a.Value}\", \"note\": \"{note}\" }}" : $"    \"{a.Id}\": {{ \"value\": \"{a.Value}\" }}");
        return "{\n  \"format\": \"cqcguide.answers/2\",\n  \"assessment\": { \"id\": \"test\", \"version\": \"1.0.0\" },\n  \"model\": { \"id\": \"cqc-saf\", \"version\": \"1.2.0\" },\n"
            + $"  \"createdAt\": \"2026-01-05T09:00:00Z\",\n  \"updatedAt\": \"{updatedAt}\",\n  \"revision\": 4,\n  \"answers\": {{\n"
            + string.Join(",\n", answers) + "\n  }" + (plan.Length > 0 ? ",\n  \"plan\": " + plan : "") + "\n}\n";
    }

    private const string Plan = """
        [
            { "id": "p1", "statement": "safe.learning-culture", "what": "Monthly learning huddle", "owner": "Registered manager", "due": "2026-10-31", "status": "in-progress" },
            { "id": "p2", "what": "New falls sensor mats", "due": "2027-03-31", "status": "planned" },
            { "id": "p3", "statement": "safe.safeguarding", "what": "Supervision for senior carers", "due": "2026-09-30", "completed": "2026-09-12", "status": "done" }
          ]
        """;

    private static (CqcGuide.Site.Pipeline.BuildResult Result, TempDir Output, TempDir Input) Build(params (string Name, string Text)[] files)
    {
        var input = TempDir.CopyOf(Repo.Fixture("site"));
        input.Write("assessments/test.yml", Definition);
        foreach (var (name, text) in files) input.Write("assessments/history/" + name, text);
        var output = new TempDir();
        return (Builds.Run(input.Path, output.Path, today: Today), output, input);
    }

    private static (string, string)[] ThreeFiles() =>
    [
        ("2026-03.json", File("2026-03-10T15:00:00Z", new() { ["safe.learning-culture"] = "1", ["safe.safeguarding"] = "2", ["caring.kindness-compassion-dignity"] = "4" })),
        ("2026-07.json", File("2026-07-14T11:00:00Z", new() { ["safe.learning-culture"] = "2", ["safe.safeguarding"] = "2", ["caring.kindness-compassion-dignity"] = "4" })),
        ("2026-11.json", File("2026-11-20T16:00:00Z", new() { ["safe.learning-culture"] = "3", ["safe.safeguarding"] = "2", ["caring.kindness-compassion-dignity"] = "3", ["well-led.shared-direction-culture"] = "not-assessed" }, Plan)),
    ];

    [Fact]
    public void Three_history_files_draw_each_key_questions_trend_the_statements_that_moved_and_the_latest_plan()
    {
        var (result, output, input) = Build(ThreeFiles());
        using var _ = output;
        using var __ = input;
        Assert.True(result.Success, Builds.Errors(result));
        var page = new HtmlParser().ParseDocument(System.IO.File.ReadAllText(output["assessments/test/progress/index.html"]));
        var scores = page.QuerySelectorAll("#scores-caption").Single().ParentElement!;
        Assert.Equal(["Key question", "10 March 2026", "14 July 2026", "20 November 2026"], scores.QuerySelectorAll("thead th").Select(th => th.TextContent));
        var safe = scores.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent == "Safe");
        // Safe, 8 statements: (1 + 2 + 6 × 3) / 32 = 66% but a 1 limits it; then (2 + 2 + 18) / 32 = 69%; then (3 + 2 + 18) / 32 = 72%.
        Assert.Equal(["66% Requires improvement", "69% Good", "72% Good"], safe.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal(5, page.QuerySelectorAll("svg.progress-chart__svg[role='img']").Length);
        Assert.Contains("10 March 2026: 66% Requires improvement; 14 July 2026: 69% Good; 20 November 2026: 72% Good.", page.QuerySelector("#progress-safe-desc")!.TextContent);
        // The statements that moved between July and November: up, down, and to "not assessed".
        var moved = page.QuerySelector("#moved-caption")!.ParentElement!.QuerySelectorAll("tbody tr")
            .Select(tr => string.Join(" | ", tr.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()))).ToArray();
        Assert.Equal(3, moved.Length);
        Assert.Contains(moved, m => m.StartsWith("Learning culture | 2", StringComparison.Ordinal) && m.EndsWith("| Up", StringComparison.Ordinal));
        Assert.Contains(moved, m => m.StartsWith("Kindness, compassion and dignity | 4", StringComparison.Ordinal) && m.EndsWith("| Down", StringComparison.Ordinal));
        Assert.Contains(moved, m => m.StartsWith("Shared direction and culture | 3", StringComparison.Ordinal) && m.EndsWith("| Changed", StringComparison.Ordinal));
        // The latest plan, each item's state on the build date from the improvement-plan rules.
        var plan = page.QuerySelector("#plan-caption")!.ParentElement!.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelectorAll("td").Last().TextContent).ToArray();
        Assert.Equal(["Overdue", "Open", "Done"], plan);
        Assert.Contains("/assessments/test/progress/", System.IO.File.ReadAllText(output["assessments/test/index.html"]));
        // Same input, same bytes.
        using var again = new TempDir();
        Builds.Run(input.Path, again.Path, today: Today);
        Assert.Equal(System.IO.File.ReadAllText(output["assessments/test/progress/index.html"]), System.IO.File.ReadAllText(again["assessments/test/progress/index.html"]));
    }

    [Fact]
    public void The_governance_report_of_a_period_shows_the_self_assessment_saved_in_it_beside_the_one_before()
    {
        using var input = GovernanceFixture.Input();
        input.Write("assessments/test.yml", Definition);
        foreach (var (name, text) in ThreeFiles()) input.Write("assessments/history/" + name, text);
        using var output = new TempDir();
        var result = Builds.Run(input.Path, output.Path, today: Today);
        Assert.True(result.Success, Builds.Errors(result));
        // July to September 2026 holds the July file; the one before is March's.
        var q3 = new HtmlParser().ParseDocument(System.IO.File.ReadAllText(output["governance/2026-q3/index.html"]));
        var table = q3.QuerySelector("#self-assessment")!.ParentElement!.QuerySelector("table")!;
        Assert.Equal("Test assessment, saved on 14 July 2026, beside 10 March 2026", table.QuerySelector("caption")!.TextContent);
        Assert.Equal("Safe | 66% Requires improvement | 69% Good",
            string.Join(" | ", table.QuerySelectorAll("tbody tr").First().QuerySelectorAll("th, td").Select(c => c.TextContent)));
        // August 2026 holds none.
        var august = new HtmlParser().ParseDocument(System.IO.File.ReadAllText(output["governance/2026-08/index.html"]));
        Assert.Contains("No self-assessment was published for this period", august.QuerySelector("#self-assessment")!.ParentElement!.TextContent);
    }

    [Fact]
    public void Example_history_shows_until_the_organisation_commits_its_own_and_is_never_mixed_with_it()
    {
        var example = ("examples/assessments/history/2026-01.json", File("2026-01-10T15:00:00Z", new() { ["safe.learning-culture"] = "4" }));
        var (onlyExample, output1, input1) = Build();
        using (output1) using (input1)
        {
            input1.Write(example.Item1, example.Item2);
            using var output = new TempDir();
            var result = Builds.Run(input1.Path, output.Path, today: Today);
            Assert.True(result.Success, Builds.Errors(result));
            var page = new HtmlParser().ParseDocument(System.IO.File.ReadAllText(output["assessments/test/progress/index.html"]));
            Assert.Contains("fictional example self-assessments", page.QuerySelector("main")!.TextContent);
        }
        var (result2, output2, input2) = Build(ThreeFiles());
        using (output2) using (input2)
        {
            input2.Write(example.Item1, example.Item2);
            using var output = new TempDir();
            var result = Builds.Run(input2.Path, output.Path, today: Today);
            Assert.True(result.Success, Builds.Errors(result));
            var page = new HtmlParser().ParseDocument(System.IO.File.ReadAllText(output["assessments/test/progress/index.html"]));
            Assert.Equal(4, page.QuerySelector("#scores-caption")!.ParentElement!.QuerySelectorAll("thead th").Length); // the three own files only
            Assert.DoesNotContain("fictional example", page.QuerySelector("main")!.TextContent);
        }
        _ = onlyExample;
        _ = result2;
    }

    [Fact]
    public void A_history_file_with_an_nhs_number_in_a_note_fails_the_build_at_its_line()
    {
        var files = ThreeFiles();
        files[1] = (files[1].Item1, File("2026-07-14T11:00:00Z", new() { ["safe.learning-culture"] = "2" }, note: "Fall of resident 943 476 5919 reviewed"));
        var (result, output, input) = Build(files);
        using var _ = output;
        using var __ = input;
        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics, x => x.Code == "CG710");
        Assert.EndsWith("assessments/history/2026-07.json", d.Path.Replace('\\', '/'));
        var line = System.IO.File.ReadAllLines(System.IO.Path.Combine(input.Path, "assessments", "history", "2026-07.json"))[d.Line - 1];
        Assert.Contains("943 476 5919", line);
        Assert.Contains("NHS number", d.Message);
    }

    [Fact]
    public void Files_the_parser_refuses_or_that_belong_to_no_assessment_here_are_errors_at_their_place()
    {
        var (result, output, input) = Build(
            ("broken.json", "{\n  \"format\": \"cqcguide.answers/2\",\n  \"answers\": [1,\n"),
            ("wrong-value.json", File("2026-03-10T15:00:00Z", new() { ["safe.learning-culture"] = "5" })),
            ("other.json", File("2026-03-10T15:00:00Z", []).Replace("\"id\": \"test\"", "\"id\": \"no-such-assessment\"")),
            ("bad-plan.json", File("2026-03-10T15:00:00Z", [], "[{ \"id\": \"p1\", \"what\": \"x\", \"status\": \"finished\" }]")));
        using var _ = output;
        using var __ = input;
        Assert.False(result.Success);
        var errors = result.Diagnostics.Where(x => x.Code == "CG710").ToArray();
        Assert.Contains(errors, e => e.Path.EndsWith("broken.json", StringComparison.Ordinal) && e.Line == 4 && e.Message.Contains("not valid JSON"));
        Assert.Contains(errors, e => e.Path.EndsWith("wrong-value.json", StringComparison.Ordinal) && e.Line > 1 && e.Message.Contains("\"5\" is not an allowed answer"));
        Assert.Contains(errors, e => e.Path.EndsWith("other.json", StringComparison.Ordinal) && e.Message.Contains("'no-such-assessment', which is not a self-assessment of this site"));
        Assert.Contains(errors, e => e.Path.EndsWith("bad-plan.json", StringComparison.Ordinal) && e.Message.Contains("is not a plan item status") && e.Message.Contains("$.plan[0].status"));
    }
}
