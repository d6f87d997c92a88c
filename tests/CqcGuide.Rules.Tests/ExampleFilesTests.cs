using CqcGuide.Rules.ScoringModels;

namespace CqcGuide.Rules.Tests;

/// <summary>
/// Scores every example under <c>tests/examples/</c> and compares with the <c>*.expected.json</c> (and
/// <c>*.expected.txt</c>) next to it. Set CQCGUIDE_UPDATE_EXAMPLES=1 to rewrite the expected files, then review the diff.
/// Answers files are scored; other JSON files are learning logs and are linted.
/// </summary>
public class ExampleFilesTests
{
    public static string Root
    {
        get
        {
            var dir = Path.GetDirectoryName(typeof(ExampleFilesTests).Assembly.Location)!;
            while (!File.Exists(Path.Combine(dir, "CqcGuide.sln")))
                dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("Repository root not found.");
            return dir;
        }
    }

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "tests", "examples"), "*.json").Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_scores_as_expected(string name)
    {
        var path = Path.Combine(Root, "tests", "examples", name);
        var input = File.ReadAllText(path);
        string json, text;
        if (input.Contains("\"format\"", StringComparison.Ordinal))
        {
            var parsed = AnswersFile.Parse(input);
            Assert.True(parsed.Success, string.Join("\n", parsed.Errors));
            var result = CqcGuide.Rules.Models.FindScoring(parsed.File!.Model.Id)!.Score(parsed.File);
            (json, text) = (ScoreReport.ToJson(result), ScoreReport.ToText(result));
        }
        else
        {
            var findings = LearningLogQuality.Lint(LearningLogInput.FromJson(input));
            (json, text) = (ScoreReport.ToJson(findings), ScoreReport.ToText(findings));
        }
        var expectedJson = Path.ChangeExtension(path, ".expected.json");
        var expectedText = Path.ChangeExtension(path, ".expected.txt");
        if (Environment.GetEnvironmentVariable("CQCGUIDE_UPDATE_EXAMPLES") == "1")
        {
            File.WriteAllText(expectedJson, json);
            File.WriteAllText(expectedText, text);
        }
        Assert.True(File.Exists(expectedJson), $"Missing {expectedJson}; run with CQCGUIDE_UPDATE_EXAMPLES=1 and review it.");
        Assert.Equal(File.ReadAllText(expectedJson).ReplaceLineEndings("\n"), json);
        Assert.Equal(File.ReadAllText(expectedText).ReplaceLineEndings("\n"), text);
    }
}
