using System.Text.Json;
using AngleSharp.Html.Parser;

namespace CqcGuide.Site.Tests.Sections.Assessments;

public class AssessmentBuildTests
{
    private static string Definition(string model, string questions) => $"""
        title: Test assessment
        summary: For the tests.
        version: "1.0.0"
        model: {model}
        sections:
          - id: all
            title: All
            questions:
        {questions}
        """;

    private static string AllMaturityQuestions(Func<string, bool>? keep = null) => string.Join("\n",
        CqcGuide.Rules.ScoringModels.LearningMaturity.AllItemIds.Where(id => keep?.Invoke(id) ?? true).Select(id => $"      - id: {id}"));

    private static BuildResultAndDir Build(string yaml)
    {
        var input = TempDir.CopyOf(Repo.Fixture("site"));
        input.Write("assessments/test.yml", yaml);
        var output = new TempDir();
        return new(Builds.Run(input.Path, output.Path), output, input);
    }

    private sealed record BuildResultAndDir(CqcGuide.Site.Pipeline.BuildResult Result, TempDir Output, TempDir Input) : IDisposable
    {
        public void Dispose() { Output.Dispose(); Input.Dispose(); }
    }

    [Fact]
    public void A_valid_definition_builds_every_page_with_the_compiled_module()
    {
        // cqc-saf carries no guidance links, so the small fixture site can use it.
        var statements = string.Join("\n", CqcGuide.Rules.Domain.Framework.QualityStatements.Select(q => $"      - id: {q.Id}"));
        using var b = Build(Definition("cqc-saf", statements + "\n      - id: extra.plan\n        type: text\n        text: Any plans?\n        show_if: { question: safe.learning-culture, in: [\"1\", \"2\"] }"));
        Assert.True(b.Result.Success, Builds.Errors(b.Result));
        foreach (var page in new[] { "", "tasks/", "all/", "check/", "results/", "manage/", "team/" })
            Assert.True(File.Exists(Path.Combine(b.Output.Path, "assessments/test", page, "index.html")), page);
        var team = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(b.Output.Path, "assessments/test/team/index.html")));
        var teamModule = team.QuerySelector("[data-team-module]")!.GetAttribute("data-team-module")!;
        Assert.Matches(@"^/guide/assets/rules/team-assessment\.[0-9a-f]{10}\.js$", teamModule);
        Assert.Contains("export function aggregate(", File.ReadAllText(Path.Combine(b.Output.Path, teamModule["/guide/".Length..])));
        Assert.Equal("/guide/assessments/test/team/", team.QuerySelector("script#assessment-definition") is { } d
            ? JsonDocument.Parse(d.TextContent).RootElement.GetProperty("urls").GetProperty("team").GetString() : null);
        var start = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(b.Output.Path, "assessments/test/index.html")));
        Assert.NotNull(start.QuerySelector("a[href='/guide/assessments/test/team/']"));
        var section = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(b.Output.Path, "assessments/test/all/index.html")));
        var module = section.QuerySelector("[data-module]")!.GetAttribute("data-module")!;
        Assert.Matches(@"^/guide/assets/rules/cqc-saf\.[0-9a-f]{10}\.js$", module);
        Assert.Contains("export function score(", File.ReadAllText(Path.Combine(b.Output.Path, module["/guide/".Length..])));
        Assert.Equal(35, section.QuerySelectorAll("[data-question]").Length);
        Assert.Equal("safe.learning-culture", section.QuerySelector("[data-question='extra.plan']")!.GetAttribute("data-show-if"));
        Assert.Equal(5, section.QuerySelectorAll("input[name='safe.learning-culture']").Length); // 1-4 and not assessed
        Assert.NotNull(section.QuerySelector("script#assessment-definition[type='application/json']"));
    }

    [Fact]
    public void A_missing_model_question_an_unknown_question_and_a_bad_show_if_are_reported()
    {
        using var b = Build(Definition("learning-maturity", AllMaturityQuestions(id => id != "monitoring.measures-defined")
            + "\n      - id: causes.beyond-individual\n      - id: later\n        type: yes-no\n        text: Later?\n        show_if: { question: causes.beyond-individuals, in: [\"7\"] }"));
        Assert.False(b.Result.Success);
        var d = b.Result.Diagnostics;
        Assert.Contains(d, x => x.Code == "CG701" && x.Message.Contains("monitoring.measures-defined") && x.Message.Contains("missing"));
        Assert.Contains(d, x => x.Code == "CG701" && x.Message.Contains("'causes.beyond-individual' is not a question") && x.Hint!.Contains("did you mean 'causes.beyond-individuals'?"));
        Assert.Contains(d, x => x.Code == "CG701" && x.Message.Contains("'7' is not an answer"));
        Assert.All(d.Where(x => x.Code == "CG701"), x => Assert.EndsWith("assessments/test.yml", x.Path));
    }

    [Fact]
    public void A_site_that_uses_a_model_must_keep_the_guidance_its_flags_point_to()
    {
        using var b = Build(Definition("learning-maturity", AllMaturityQuestions()));
        Assert.Contains(b.Result.Diagnostics, x => x.Code == Codes.BrokenLink && x.Path == "rules:learning-maturity" && x.Message.Contains("/guidance/common-pitfalls/#quick-fixes"));
    }

    [Fact]
    public void An_unknown_model_and_a_duplicate_question_are_errors_at_their_lines()
    {
        using var unknown = Build(Definition("cqc-sa", "      - id: a"));
        var d = Assert.Single(unknown.Result.Diagnostics, x => x.Code == "CG701");
        Assert.Equal(4, d.Line);
        Assert.Contains("did you mean 'cqc-saf'?", d.Hint);

        using var duplicate = Build(Definition("learning-maturity", AllMaturityQuestions() + "\n      - id: causes.beyond-individuals"));
        Assert.Contains(duplicate.Result.Diagnostics, x => x.Code == Codes.DuplicateId && x.Message.Contains("causes.beyond-individuals"));
    }

    [Fact]
    public void Quality_statement_pages_list_the_assessment_questions_that_address_them()
    {
        using var out_ = new TempDir();
        var result = Builds.Run(Path.Combine(Repo.Root, "input"), out_.Path);
        Assert.True(result.Success, Builds.Errors(result));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(out_.Path, "quality-statements/safe.learning-culture/index.html")));
        var links = page.QuerySelectorAll("section[aria-labelledby='self-assessment-questions'] a").Select(a => a.GetAttribute("href")).ToArray();
        Assert.Contains("/assessments/cqc-readiness/safe/#q-safe.learning-culture", links);
    }

    [Fact]
    public void A_cqc_saf_assessment_can_start_from_the_last_published_scores()
    {
        var statements = string.Join("\n", CqcGuide.Rules.Domain.Framework.QualityStatements.Select(q => $"      - id: {q.Id}"));
        var yaml = Definition("cqc-saf", statements).Replace("sections:", "baseline:\n  intro: Enter the scores from your **last report**.\nsections:");
        using var b = Build(yaml);
        Assert.True(b.Result.Success, Builds.Errors(b.Result));
        var section = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(b.Output.Path, "assessments/test/all/index.html")));
        var definition = System.Text.Json.JsonDocument.Parse(section.QuerySelector("script#assessment-definition")!.TextContent).RootElement;
        Assert.Equal("cqcguide.answers/2", definition.GetProperty("format").GetString());
        Assert.Equal("not-reassessed", definition.GetProperty("baseline").GetProperty("keep").GetProperty("value").GetString());
        // The keep answer is offered by the browser only where a statement has a published score: the page's radios are unchanged.
        Assert.Equal(5, section.QuerySelectorAll("input[name='safe.learning-culture']").Length);
        // The definition lists keep among a statement's answers (so imports, labels and printouts know it), and the
        // scores the baseline page offers; that page has a choice per statement and a link from the start page.
        Assert.Contains(definition.GetProperty("sections")[0].GetProperty("questions")[0].GetProperty("options").EnumerateArray(),
            o => o.GetProperty("value").GetString() == "not-reassessed");
        Assert.Equal(["1", "2", "3", "4"], definition.GetProperty("baseline").GetProperty("scores").EnumerateArray().Select(o => o.GetProperty("value").GetString()));
        var baselinePage = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(b.Output.Path, "assessments/test/baseline/index.html")));
        Assert.Equal(34, baselinePage.QuerySelectorAll("select[data-baseline-statement]").Length);
        Assert.Contains("last report", baselinePage.QuerySelector(".prose")!.TextContent);
        Assert.NotNull(new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(b.Output.Path, "assessments/test/index.html")))
            .QuerySelector("a[href='/guide/assessments/test/baseline/']"));

        using var plain = Build(Definition("cqc-saf", statements));
        Assert.False(File.Exists(Path.Combine(plain.Output.Path, "assessments/test/baseline/index.html")));
        var plainDefinition = System.Text.Json.JsonDocument.Parse(new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(plain.Output.Path, "assessments/test/all/index.html")))
            .QuerySelector("script#assessment-definition")!.TextContent).RootElement;
        Assert.False(plainDefinition.TryGetProperty("baseline", out _));
    }

    [Fact]
    public void Only_a_model_that_accepts_a_baseline_can_have_one()
    {
        using var b = Build(Definition("learning-maturity", AllMaturityQuestions()).Replace("sections:", "baseline:\n  intro: Our last report.\nsections:"));
        var d = Assert.Single(b.Result.Diagnostics, x => x.Code == "CG701");
        Assert.Equal("learning-maturity does not start from published scores, so this assessment cannot have a baseline", d.Message);
        Assert.Equal(6, d.Line); // at the baseline's contents
        using var wrong = Build(Definition("cqc-saf", "      - id: safe.learning-culture").Replace("sections:", "baseline: [1, 2]\nsections:"));
        Assert.Contains(wrong.Result.Diagnostics, x => x.Code == Codes.WrongType && x.Line == 5);
        using var missing = Build(Definition("cqc-saf", "      - id: safe.learning-culture").Replace("sections:", "baseline:\n  text: x\nsections:"));
        Assert.Contains(missing.Result.Diagnostics, x => x.Code == Codes.UnknownKey && x.Line == 6);
        Assert.Contains(missing.Result.Diagnostics, x => x.Code == Codes.MissingField);
    }
}
