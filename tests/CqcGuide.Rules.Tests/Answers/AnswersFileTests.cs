using CsCheck;
using System.Text.Json;
using CqcGuide.Rules.ScoringModels;
using CqcGuide.Rules.Tests.Parity;

namespace CqcGuide.Rules.Tests.Answers;

public class AnswersFileTests
{
    private const string Valid = """
        {
          "format": "cqcguide.answers/1",
          "assessment": { "id": "saf-self-assessment", "version": "1.2.0" },
          "model": { "id": "cqc-saf", "version": "1.0.0" },
          "createdAt": "2025-01-06T09:00:00Z",
          "updatedAt": "2025-02-03T16:45:30.5+01:00",
          "revision": 7,
          "answers": {
            "well-led.freedom-to-speak-up": { "value": "2", "note": "Staff survey: 40% unsure how to raise concerns." },
            "safe.learning-culture": { "value": "3" },
            "caring.workforce-wellbeing": { "value": "not-assessed", "note": null }
          },
          "options": { "applyLimiters": false }
        }
        """;

    private static IReadOnlyList<AnswersError> Errors(string json)
    {
        var result = AnswersFile.Parse(json);
        Assert.False(result.Success);
        Assert.Null(result.File);
        Assert.NotEmpty(result.Errors);
        return result.Errors;
    }

    private static string With(string find, string replace)
    {
        Assert.Contains(find, Valid);
        return Valid.Replace(find, replace);
    }

    [Fact]
    public void Parses_a_valid_file()
    {
        var result = AnswersFile.Parse(Valid);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var file = result.File!;
        Assert.Equal(("saf-self-assessment", "1.2.0"), (file.Assessment.Id, file.Assessment.Version));
        Assert.Equal(CqcSaf.ModelId, file.Model.Id);
        Assert.Equal(7, file.Revision);
        Assert.Equal(3, file.Answers.Count);
        Assert.Equal(new Answer("2", "Staff survey: 40% unsure how to raise concerns."), file.Answers["well-led.freedom-to-speak-up"]);
        Assert.Null(file.Answers["safe.learning-culture"].Note);
        Assert.False(file.Options!.ApplyLimiters);
        // A version 1 file is migrated: the same answers, the current format, no baseline.
        Assert.Equal(AnswersFile.FormatV1, result.MigratedFrom);
        Assert.Equal(AnswersFile.FormatId, file.Format);
        Assert.Null(file.Baseline);
    }

    private const string WithBaseline = """
        {
          "format": "cqcguide.answers/2",
          "assessment": { "id": "cqc-readiness", "version": "1.1.0" },
          "model": { "id": "cqc-saf", "version": "1.1.0" },
          "createdAt": "2026-11-06T09:00:00Z",
          "updatedAt": "2026-11-06T09:30:00Z",
          "revision": 2,
          "answers": {
            "safe.learning-culture": { "value": "3" },
            "safe.safeguarding": { "value": "not-reassessed" }
          },
          "baseline": {
            "publishedOn": "2026-03-14",
            "scores": { "safe.safeguarding": "2", "safe.learning-culture": "2" }
          }
        }
        """;

    [Fact]
    public void Parses_and_writes_a_baseline()
    {
        var result = AnswersFile.Parse(WithBaseline);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Null(result.MigratedFrom);
        var file = result.File!;
        Assert.Equal("2026-03-14", file.Baseline!.PublishedOn);
        Assert.Equal(new Dictionary<string, string> { ["safe.learning-culture"] = "2", ["safe.safeguarding"] = "2" }, file.Baseline.Scores);
        var json = file.ToJson();
        Assert.Equal(["format", "assessment", "model", "createdAt", "updatedAt", "revision", "answers", "baseline"],
            JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Contains("\"scores\": {\n      \"safe.learning-culture\": \"2\",\n      \"safe.safeguarding\": \"2\"\n    }", json);
        Assert.Equal(json, AnswersFile.Parse(json).File!.ToJson());
        // No publication date is fine; a null one too.
        Assert.Null(AnswersFile.Parse(WithBaseline.Replace("\"publishedOn\": \"2026-03-14\",", "")).File!.Baseline!.PublishedOn);
        Assert.Null(AnswersFile.Parse(WithBaseline.Replace("\"2026-03-14\"", "null")).File!.Baseline!.PublishedOn);
    }

    [Theory]
    [InlineData("\"scores\": { \"safe.safeguarding\": \"2\", \"safe.learning-culture\": \"2\" }", "\"scores\": [\"2\"]", "$.baseline.scores", "must be an object of statement id")]
    [InlineData("\"safe.safeguarding\": \"2\"", "\"safe.safeguarding\": 2", "$.baseline.scores[\"safe.safeguarding\"]", "A published score is \"1\", \"2\", \"3\" or \"4\", not the number 2.")]
    [InlineData("\"safe.safeguarding\": \"2\"", "\"safe.safeguarding\": \"5\"", "$.baseline.scores[\"safe.safeguarding\"]", "not the string \"5\"")]
    [InlineData("\"safe.safeguarding\": \"2\"", "\"safe.safeguarding\": \"not-assessed\"", "$.baseline.scores[\"safe.safeguarding\"]", "not the string \"not-assessed\"")]
    [InlineData("\"safe.safeguarding\": \"2\"", "\"safe.safegarding\": \"2\"", "$.baseline.scores[\"safe.safegarding\"]", "Did you mean \"safe.safeguarding\"?")]
    [InlineData("\"safe.safeguarding\": \"2\"", "\"safe.learning-culture\": \"3\"", "$.baseline.scores[\"safe.learning-culture\"]", "more than one baseline score")]
    [InlineData("\"publishedOn\": \"2026-03-14\"", "\"publishedOn\": \"14/03/2026\"", "$.baseline.publishedOn", "YYYY-MM-DD")]
    [InlineData("\"publishedOn\": \"2026-03-14\"", "\"publishedOn\": \"2026-02-30\"", "$.baseline.publishedOn", "YYYY-MM-DD")]
    [InlineData("\"publishedOn\": \"2026-03-14\"", "\"published\": \"2026-03-14\"", "$.baseline", "Did you mean \"publishedOn\"?")]
    [InlineData("\"cqcguide.answers/2\"", "\"cqcguide.answers/1\"", "$.baseline", "\"baseline\" needs \"format\": \"cqcguide.answers/2\"")]
    [InlineData("\"id\": \"cqc-saf\"", "\"id\": \"cqc-saf-evidence\"", "$.baseline", "does not start from published scores")]
    public void A_wrong_baseline_is_reported_at_its_path(string find, string replace, string path, string message)
    {
        Assert.Contains(find, WithBaseline);
        var errors = Errors(WithBaseline.Replace(find, replace));
        Assert.Contains(errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"2\"")]
    [InlineData("null")]
    [InlineData("{ }")]
    public void A_baseline_must_be_an_object_with_scores(string value)
    {
        var start = WithBaseline.IndexOf("\"baseline\":", StringComparison.Ordinal);
        var json = WithBaseline[..start] + "\"baseline\": " + value + "\n}";
        var errors = Errors(json);
        Assert.Contains(errors, e => e.Path.StartsWith("$.baseline", StringComparison.Ordinal));
    }

    [Fact]
    public void Not_reassessed_is_an_answer_only_cqc_saf_accepts()
    {
        var evidence = Generators.File("cqc-saf-evidence", new Dictionary<string, Answer> { ["safe.learning-culture/people-experience"] = new("not-reassessed", null) });
        Assert.Contains(Errors(evidence), e => e.Message.Contains("is not an allowed answer", StringComparison.Ordinal));
        Assert.True(AnswersFile.Parse(Generators.File("cqc-saf", new Dictionary<string, Answer> { ["safe.learning-culture"] = new("not-reassessed", null) })).Success);
    }

    [Fact]
    public void Writes_back_with_a_stable_key_order()
    {
        var file = AnswersFile.Parse(Valid).File!;
        var json = file.ToJson();
        var keys = JsonDocument.Parse(json).RootElement.GetProperty("answers").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal(["format", "assessment", "model", "createdAt", "updatedAt", "revision", "answers", "options"],
            JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name));
        var again = AnswersFile.Parse(json).File!;
        Assert.Equal(json, again.ToJson());
        Assert.Contains("\"note\": \"Staff survey: 40% unsure how to raise concerns.\"", json);
    }

    [Fact]
    public void Not_json_reports_line_and_column()
    {
        var error = Assert.Single(Errors("{\n  \"format\": \"cqcguide.answers/1\",\n  oops\n}"));
        Assert.Equal(3, error.Line);
        Assert.StartsWith("This is not valid JSON", error.Message);
    }

    [Fact]
    public void Wrong_format_string()
    {
        var error = Assert.Single(Errors(With("cqcguide.answers/1", "something-else")));
        Assert.Equal("$.format", error.Path);
        Assert.Contains("not a CqcGuide answers file", error.Message);
        Assert.Contains("\"cqcguide.answers/3\" is not supported; this version of CqcGuide reads \"cqcguide.answers/2\" (and migrates \"cqcguide.answers/1\")",
            Assert.Single(Errors(With("cqcguide.answers/1", "cqcguide.answers/3"))).Message);
    }

    [Fact]
    public void Wrong_types_are_reported_together()
    {
        var json = With("\"revision\": 7", "\"revision\": \"7\"").Replace("\"value\": \"3\"", "\"value\": 3").Replace("\"applyLimiters\": false", "\"applyLimiters\": \"no\"");
        var errors = Errors(json);
        Assert.Contains(errors, e => e.Path == "$.revision" && e.Message.Contains("whole number"));
        Assert.Contains(errors, e => e.Path == "$.answers[\"safe.learning-culture\"].value" && e.Message.Contains("must be a string"));
        Assert.Contains(errors, e => e.Path == "$.options.applyLimiters");
        Assert.All(errors, e => Assert.True(e.Line > 1 && e.Column > 0));
    }

    [Fact]
    public void Unknown_model_suggests_the_nearest()
    {
        var error = Assert.Single(Errors(With("\"id\": \"cqc-saf\"", "\"id\": \"cqc-sav\"")));
        Assert.Equal("$.model.id", error.Path);
        Assert.Contains("Did you mean \"cqc-saf\"?", error.Message);
    }

    [Fact]
    public void The_linter_model_does_not_score_answers() =>
        Assert.Contains("checks learning logs", Assert.Single(Errors(With("\"id\": \"cqc-saf\"", "\"id\": \"learning-log-quality\""))).Message);

    [Fact]
    public void Incompatible_model_version() =>
        Assert.Contains("not compatible", Assert.Single(Errors(With("\"id\": \"cqc-saf\", \"version\": \"1.0.0\"", "\"id\": \"cqc-saf\", \"version\": \"2.0.0\""))).Message);

    [Fact]
    public void Values_not_allowed_for_the_item()
    {
        var error = Assert.Single(Errors(With("\"value\": \"3\"", "\"value\": \"5\"")));
        Assert.Contains("\"5\" is not an allowed answer to \"safe.learning-culture\"", error.Message);
        Assert.Contains("\"not-assessed\"", error.Message);
        // "na" belongs to the learning-maturity scale, not to CQC's.
        Assert.Single(Errors(With("\"value\": \"3\"", "\"value\": \"na\"")));
    }

    [Fact]
    public void Unknown_questions_suggest_the_nearest() =>
        Assert.Contains("Did you mean \"safe.learning-culture\"?", Assert.Single(Errors(With("\"safe.learning-culture\"", "\"safe.learning-cultur\""))).Message);

    [Fact]
    public void Duplicate_keys_are_errors()
    {
        var errors = Errors(With("\"safe.learning-culture\": { \"value\": \"3\" }", "\"safe.learning-culture\": { \"value\": \"3\" }, \"safe.learning-culture\": { \"value\": \"4\" }"));
        Assert.Contains(errors, e => e.Message.Contains("answered more than once"));
        Assert.Contains(Errors(With("\"revision\": 7", "\"revision\": 7, \"revision\": 8")), e => e.Message.Contains("appears more than once"));
    }

    [Theory]
    [InlineData("__proto__")]
    [InlineData("constructor")]
    [InlineData("toString")]
    public void Prototype_style_keys_are_just_data(string key)
    {
        var error = Assert.Single(Errors(With("\"safe.learning-culture\"", $"\"{key}\"")));
        Assert.Contains($"\"{key}\" is not a question of cqc-saf", error.Message);
    }

    [Fact]
    public void Extra_answers_are_kept_unscored_and_round_trip()
    {
        var json = With("\"options\"", "\"extra\": { \"safe.learning-culture.plan\": { \"value\": \"Weekly huddles\", \"note\": null }, \"__proto__\": { \"value\": \"yes\" } },\n  \"options\"");
        var file = AnswersFile.Parse(json).File!;
        Assert.Equal("Weekly huddles", file.Extra["safe.learning-culture.plan"].Value);
        Assert.Equal("yes", file.Extra["__proto__"].Value);
        var again = AnswersFile.Parse(file.ToJson()).File!;
        Assert.Equal(file.Extra.Keys.Order(), again.Extra.Keys.Order());
        Assert.Equal(ScoreReport.ToJson(CqcSaf.Instance.Score(file with { Extra = new Dictionary<string, Answer>() })), ScoreReport.ToJson(CqcSaf.Instance.Score(file)));
        Assert.Contains(Errors(With("\"options\"", "\"extra\": [],\n  \"options\"")), e => e.Path == "$.extra");
    }

    [Fact]
    public void Missing_and_unknown_properties()
    {
        var errors = Errors("""{ "format": "cqcguide.answers/1", "extras": 1 }""");
        Assert.Contains(errors, e => e.Message.StartsWith("Unknown property \"extras\"") && e.Message.Contains("Did you mean \"extra\"?"));
        foreach (var name in new[] { "assessment", "model", "createdAt", "updatedAt", "revision", "answers" })
            Assert.Contains(errors, e => e.Message.StartsWith($"\"{name}\" is missing"));
    }

    [Theory]
    [InlineData("2025-01-06")]
    [InlineData("06/01/2025 09:00")]
    [InlineData("2025-13-06T09:00:00Z")]
    [InlineData("2025-01-06T09:00:00")]
    public void Timestamps_must_be_iso_8601_with_an_offset(string value) =>
        Assert.Contains("ISO 8601", Assert.Single(Errors(With("2025-01-06T09:00:00Z", value))).Message);

    [Fact]
    public void Not_an_object_and_too_large()
    {
        Assert.Contains("must be a JSON object", Assert.Single(Errors("[]")).Message);
        Assert.Contains("too large", Assert.Single(Errors(new string(' ', AnswersFile.MaxLength + 1))).Message);
    }

    [Fact]
    public void Options_are_optional_and_scoring_reads_them()
    {
        var withoutOptions = AnswersFile.Parse(With(",\n  \"options\": { \"applyLimiters\": false }", "")).File!;
        Assert.Null(withoutOptions.Options);
        Assert.True(((SafScoreResult)CqcSaf.Instance.Score(withoutOptions)).LimitersApplied);
        Assert.False(((SafScoreResult)CqcSaf.Instance.Score(AnswersFile.Parse(Valid).File!)).LimitersApplied);
    }

    private const string WithPlan = """
        {
          "format": "cqcguide.answers/2",
          "assessment": { "id": "cqc-readiness", "version": "1.1.0" },
          "model": { "id": "cqc-saf", "version": "1.1.0" },
          "createdAt": "2026-11-06T09:00:00Z",
          "updatedAt": "2026-11-06T09:30:00Z",
          "revision": 2,
          "answers": { "safe.learning-culture": { "value": "1" } },
          "plan": [
            { "id": "p1", "statement": "safe.learning-culture", "what": "Hold a monthly learning huddle", "why": "Scored 1: staff do not hear what changed.",
              "owner": "Registered manager", "due": "2027-01-31", "measure": "Huddles held per month", "status": "planned" },
            { "id": "p2", "what": "Our own item", "status": "done", "completed": "2026-11-30" }
          ]
        }
        """;

    [Fact]
    public void Parses_and_writes_an_improvement_plan_in_the_teams_order()
    {
        var result = AnswersFile.Parse(WithPlan);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var plan = result.File!.Plan;
        Assert.Equal(["p1", "p2"], plan.Select(p => p.Id));
        Assert.Equal(new PlanItem("p1", "safe.learning-culture", "Hold a monthly learning huddle", "Scored 1: staff do not hear what changed.",
            "Registered manager", "2027-01-31", null, "Huddles held per month", "planned"), plan[0]);
        Assert.Equal(new PlanItem("p2", null, "Our own item", null, null, null, "2026-11-30", null, "done"), plan[1]);
        var json = result.File.ToJson();
        Assert.Equal(json, AnswersFile.Parse(json).File!.ToJson());
        Assert.Equal(["completed", "id", "status", "what"], JsonDocument.Parse(json).RootElement.GetProperty("plan")[1].EnumerateObject().Select(p => p.Name).Order());
        Assert.Empty(AnswersFile.Parse(Valid).File!.Plan);
    }

    // Hostile and wrong plan items: each error at its own path, every one reported, nothing half-read.
    [Theory]
    [InlineData("\"plan\": [", "\"plan\": {}, \"x\": [", "$.plan", "must be a list of plan items, not an object")]
    [InlineData("{ \"id\": \"p2\",", "\"p2\", { \"id\": \"p3\",", "$.plan[1]", "A plan item must be an object")]
    [InlineData("\"id\": \"p2\"", "\"id\": \"p1\"", "$.plan[1].id", "Plan item \"p1\" appears more than once.")]
    [InlineData("\"id\": \"p2\"", "\"id\": \"__proto__\"", "$.plan[1].id", "lower-case letters, digits and dashes")]
    [InlineData("\"id\": \"p2\"", "\"id\": \"P2 <script>\"", "$.plan[1].id", "lower-case letters, digits and dashes")]
    [InlineData("\"id\": \"p2\",", "", "$.plan[1]", "The plan item has no \"id\".")]
    [InlineData("\"id\": \"p2\"", "\"id\": \"p2\\n\"", "$.plan[1].id", "lower-case letters, digits and dashes")]
    [InlineData("\"what\": \"Our own item\"", "\"what\": \"Our own \\ud83d item\"", "$", "This is not valid JSON")]
    [InlineData("\"what\": \"Our own item\"", "\"what\": \"   \"", "$.plan[1].what", "must not be empty")]
    [InlineData("\"what\": \"Our own item\"", "\"what\": 42", "$.plan[1].what", "must be a string, not the number 42")]
    [InlineData("\"status\": \"done\"", "\"status\": \"finished\"", "$.plan[1].status", "Allowed: \"planned\", \"in-progress\", \"done\", \"dropped\"")]
    [InlineData("\"completed\": \"2026-11-30\"", "\"completed\": \"2026-02-30\"", "$.plan[1].completed", "YYYY-MM-DD")]
    [InlineData("\"due\": \"2027-01-31\"", "\"due\": \"31/01/2027\"", "$.plan[0].due", "YYYY-MM-DD")]
    [InlineData("\"statement\": \"safe.learning-culture\"", "\"statement\": \"safe.learning-cultur\"", "$.plan[0].statement", "Did you mean \"safe.learning-culture\"?")]
    [InlineData("\"owner\": \"Registered manager\"", "\"owner\": \"Registered manager\", \"owner\": \"Deputy\"", "$.plan[0].owner", "appears more than once")]
    [InlineData("\"owner\": \"Registered manager\"", "\"ownr\": \"Registered manager\"", "$.plan[0]", "Did you mean \"owner\"?")]
    public void A_wrong_plan_item_is_reported_at_its_path(string find, string replace, string path, string message)
    {
        Assert.Contains(find, WithPlan);
        var errors = Errors(WithPlan.Replace(find, replace));
        Assert.Contains(errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_plan_too_long_or_with_too_long_text_is_refused_with_the_limit()
    {
        var format = CqcGuide.Rules.LearningLogs.ImprovementPlan.Format;
        var many = string.Join(", ", Enumerable.Range(0, format.MaxItems + 1).Select(i => $"{{ \"id\": \"p{i}\", \"what\": \"x\", \"status\": \"planned\" }}"));
        Assert.Contains(Errors(WithPlan[..WithPlan.IndexOf("\"plan\"", StringComparison.Ordinal)] + $"\"plan\": [{many}] }}"),
            e => e.Path == "$.plan" && e.Message.Contains($"the limit is {format.MaxItems}", StringComparison.Ordinal));
        var errors = Errors(WithPlan.Replace("Our own item", new string('w', format.MaxWhat + 1)).Replace("Registered manager", new string('o', format.MaxOwner + 1)));
        Assert.Contains(errors, e => e.Path == "$.plan[1].what" && e.Message.Contains($"the limit is {format.MaxWhat}", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "$.plan[0].owner" && e.Message.Contains($"the limit is {format.MaxOwner}", StringComparison.Ordinal));
    }

    /// <summary>Fuzz: generated plans (any JSON in any field, unknown and repeated names, long and hostile text) never crash
    /// the parser; every refusal has a path and a position; every accepted file writes back to itself.</summary>
    [Fact]
    public void Generated_plans_never_crash_and_what_is_accepted_round_trips()
    {
        var text = CsCheck.Gen.OneOf(
            CsCheck.Gen.String[CsCheck.Gen.Char["ap1- \"\\<>/\u0000\u202e😀"], 0, 12],
            CsCheck.Gen.OneOf(CsCheck.Gen.Const("p1"), CsCheck.Gen.Const("planned"), CsCheck.Gen.Const("done"), CsCheck.Gen.Const("2027-01-31"),
                CsCheck.Gen.Const("safe.learning-culture"), CsCheck.Gen.Const("__proto__"), CsCheck.Gen.Const(new string('x', 320))));
        var value = CsCheck.Gen.Frequency(
            (6, text.Select((string t) => JsonSerializer.Serialize(t, (JsonSerializerOptions?)null))),
            (1, CsCheck.Gen.OneOf(CsCheck.Gen.Const("null"), CsCheck.Gen.Const("42"), CsCheck.Gen.Const("true"), CsCheck.Gen.Const("[]"), CsCheck.Gen.Const("{}"))));
        var name = CsCheck.Gen.Frequency((8, CsCheck.Gen.OneOf("id", "statement", "what", "why", "owner", "due", "completed", "measure", "status")), (1, text));
        var item = CsCheck.Gen.Frequency(
            (8, CsCheck.Gen.Select(name, value, (n, v) => JsonSerializer.Serialize(n) + ": " + v).Array[0, 10].Select(pairs => "{" + string.Join(", ", pairs) + "}")),
            (1, value));
        var head = WithPlan[..WithPlan.IndexOf("\"plan\"", StringComparison.Ordinal)];
        var accepted = 0;
        item.Array[0, 6].Sample(items =>
        {
            var json = head + "\"plan\": [" + string.Join(", ", items) + "] }";
            var result = AnswersFile.Parse(json);
            if (result.Success)
            {
                accepted++;
                var written = result.File!.ToJson();
                Assert.Equal(written, AnswersFile.Parse(written).File!.ToJson());
            }
            else
                Assert.All(result.Errors, e => Assert.True(e.Line >= 1 && e.Column >= 1 && e.Path.StartsWith('$'), e.ToString()));
        }, iter: 5000, threads: 1, seed: "0000000000AB");
        Assert.InRange(accepted, 1, 4999);
    }

    [Fact]
    public void Schema_is_the_published_file_and_matches_the_code()
    {
        var root = Path.GetDirectoryName(typeof(AnswersFileTests).Assembly.Location)!;
        while (!File.Exists(Path.Combine(root, "CqcGuide.sln")))
            root = Path.GetDirectoryName(root)!;
        Assert.Equal(File.ReadAllText(Path.Combine(root, "schemas", "answers.schema.json")), AnswersFile.Schema);
        using var schema = JsonDocument.Parse(AnswersFile.Schema);
        var s = schema.RootElement;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", s.GetProperty("$schema").GetString());
        Assert.Equal([AnswersFile.FormatId, AnswersFile.FormatV1],
            s.GetProperty("properties").GetProperty("format").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["publishedOn", "scores"], s.GetProperty("properties").GetProperty("baseline").GetProperty("properties").EnumerateObject().Select(p => p.Name));
        // The plan's limits and statuses are the improvement-plan model's.
        var format = CqcGuide.Rules.LearningLogs.ImprovementPlan.Format;
        var item = s.GetProperty("$defs").GetProperty("planItem").GetProperty("properties");
        Assert.Equal(format.MaxItems, s.GetProperty("properties").GetProperty("plan").GetProperty("maxItems").GetInt32());
        Assert.Equal(format.IdPattern, item.GetProperty("id").GetProperty("pattern").GetString());
        Assert.Equal(format.MaxWhat, item.GetProperty("what").GetProperty("maxLength").GetInt32());
        Assert.Equal(format.MaxOwner, item.GetProperty("owner").GetProperty("maxLength").GetInt32());
        Assert.Equal(format.MaxText, item.GetProperty("why").GetProperty("maxLength").GetInt32());
        Assert.Equal(format.Statuses.Select(o => o.Value), item.GetProperty("status").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var modelIds = s.GetProperty("properties").GetProperty("model").GetProperty("allOf")[1].GetProperty("properties").GetProperty("id").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Equal(CqcGuide.Rules.Models.Scoring.Select(m => m.Id), modelIds);
        Assert.Equal(["format", "assessment", "model", "createdAt", "updatedAt", "revision", "answers"],
            s.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }
}
