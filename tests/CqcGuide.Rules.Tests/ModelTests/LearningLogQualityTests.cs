using CqcGuide.Rules.ScoringModels;

namespace CqcGuide.Rules.Tests.ModelTests;

/// <summary>Hand-worked examples of the learning-log linter.</summary>
public class LearningLogQualityTests
{
    private static readonly LogFactor Systemic = new("f1", "organisation", true);
    private static readonly LogFactor Person = new("f2", "person", false);

    private static LogAction Action(string id, params string[] addresses) =>
        new(id, "Change the handover checklist", addresses, "Registered manager", "2025-04-30", "in-progress", "Missed handovers per month", 1);

    private static string[] Codes(LearningLogInput input) => LearningLogQuality.Lint(input).Select(f => f.Code).ToArray();

    [Fact]
    public void A_good_log_has_no_findings() =>
        Assert.Empty(LearningLogQuality.Lint(new("closed", [Systemic, Person], [Action("a1", "f1")], "Reviewed at the May governance meeting.")));

    [Fact]
    public void An_empty_draft_shows_the_log_level_findings_in_order()
    {
        var findings = LearningLogQuality.Lint(new("draft", [], [], null));
        Assert.Equal(["LLQ001", "LLQ002", "LLQ003"], findings.Select(f => f.Code));
        Assert.All(findings, f => Assert.Equal("warning", f.Severity));
        Assert.All(findings, f => Assert.Null(f.ActionId));
        Assert.Equal("/guidance/common-pitfalls/#quick-fixes", findings[0].Guidance);
        Assert.Equal("/guidance/common-pitfalls/#blaming-individuals", findings[1].Guidance);
        Assert.Equal("/guidance/common-pitfalls/#undocumented-learning", findings[2].Guidance);
        Assert.StartsWith("No contributory factors", findings[1].Message);
    }

    [Fact]
    public void Only_quick_fixes_when_no_live_action_addresses_a_systemic_factor()
    {
        Assert.Contains("LLQ001", Codes(new("monitoring", [Systemic, Person], [Action("a1", "f2")], "ok")));
        // An action addressing the systemic factor but dropped does not count.
        Assert.Contains("LLQ001", Codes(new("monitoring", [Systemic], [Action("a1", "f1") with { Status = "dropped" }], "ok")));
        Assert.DoesNotContain("LLQ001", Codes(new("monitoring", [Systemic], [Action("a1", "f1")], "ok")));
    }

    [Fact]
    public void Causes_attributed_only_to_individuals()
    {
        var findings = LearningLogQuality.Lint(new("monitoring", [Person, Person with { Id = "f3" }], [Action("a1", "f2")], "ok"));
        var finding = Assert.Single(findings, f => f.Code == "LLQ002");
        Assert.StartsWith("Every contributory factor is about an individual", finding.Message);
        Assert.DoesNotContain("LLQ002", Codes(new("monitoring", [Person, Systemic], [Action("a1", "f1")], "ok")));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("   ", true)]
    [InlineData("\u0085", true)]   // NEXT LINE is white space in .NET (not in JavaScript's \s)
    [InlineData("\u00a0\u2028", true)]
    [InlineData("\ufeff", false)]  // ZERO WIDTH NO-BREAK SPACE is not white space in .NET (it is in JavaScript's \s)
    [InlineData("\u200b", false)]
    [InlineData("Discussed.", false)]
    public void Governance_reflection_blank_as_dotnet_defines_it(string? reflection, bool flagged) =>
        Assert.Equal(flagged, Codes(new("monitoring", [Systemic], [Action("a1", "f1")], reflection)).Contains("LLQ003"));

    [Fact]
    public void One_finding_per_action_in_action_order()
    {
        var input = new LearningLogInput("closed", [Systemic], [
            Action("a1", "f1") with { Measure = " ", Reviews = 0 },
            Action("a2", "f1") with { OwnerRole = null, Due = "\t" },
            Action("a3", "f1") with { Measure = null, Status = "dropped", OwnerRole = "" },
            Action("a4", "f1") with { Due = null, Reviews = 0 },
        ], "ok");
        var findings = LearningLogQuality.Lint(input);
        Assert.Equal(
            [("LLQ004", "a1"), ("LLQ005", "a2"), ("LLQ005", "a3"), ("LLQ005", "a4"), ("LLQ006", "a1"), ("LLQ006", "a4")],
            findings.Select(f => (f.Code, f.ActionId!)));
        Assert.Equal("Action a2 has no owner role and no due date. Give every action an owner role and a date to be completed by.", findings[1].Message);
        Assert.Equal("Action a3 has no owner role. Give every action an owner role and a date to be completed by.", findings[2].Message);
        Assert.Equal("Action a4 has no due date. Give every action an owner role and a date to be completed by.", findings[3].Message);
        Assert.Equal("/guidance/practice-change/", findings[1].Guidance);
        Assert.Equal("/guidance/common-pitfalls/#unmonitored-changes", findings[4].Guidance);
    }

    [Fact]
    public void Reviews_are_only_required_once_closed() =>
        Assert.DoesNotContain("LLQ006", Codes(new("monitoring", [Systemic], [Action("a1", "f1") with { Reviews = 0 }], "ok")));

    [Fact]
    public void Json_contract_is_camel_case()
    {
        var input = LearningLogInput.FromJson("""
            {"status":"closed","factors":[{"id":"f1","area":"tasks","systemic":true}],
             "actions":[{"id":"a1","description":"d","addresses":["f1"],"ownerRole":"Nurse","due":"2025-01-01","status":"done","measure":"m","reviews":0}],
             "governanceReflection":"x"}
            """);
        var json = ScoreReport.ToJson(LearningLogQuality.Lint(input));
        Assert.Contains("\"code\": \"LLQ006\"", json);
        Assert.Contains("\"actionId\": \"a1\"", json);
        Assert.Contains("\"pitfall\": \"unmonitored-changes\"", json);
    }
}
