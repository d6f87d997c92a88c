using CqcGuide.Rules.LearningLogs;
using CqcGuide.Rules.ScoringModels;
using CqcGuide.Rules.Tests.Parity;

namespace CqcGuide.Rules.Tests.ModelTests;

/// <summary>Hand-worked examples of the learning-log linter: each finding, a case that raises it and one that does not.</summary>
public class LearningLogQualityTests
{
    private static readonly LogFactor Systemic = new("f1", "organisation", true);
    private static readonly LogFactor Person = new("f2", "person", false);

    private static LogAction Action(string id, params string[] addresses) =>
        new(id, "Change the handover checklist", addresses, "Registered manager", "2025-04-30", "in-progress", "Missed handovers per month", 1, null);

    private static LearningLogInput L(string status, LogFactor[] factors, LogAction[] actions, string? reflection) => Generators.Log(status, factors, actions, reflection);

    private static string[] Codes(LearningLogInput input) => LearningLogQuality.Lint(input).Select(f => f.Code).ToArray();

    [Fact]
    public void A_good_log_has_no_findings() =>
        Assert.Empty(LearningLogQuality.Lint(L("closed", [Systemic, Person], [Action("a1", "f1")], "Reviewed at the May governance meeting.")));

    [Fact]
    public void An_empty_draft_shows_the_log_level_findings_due_at_its_stage()
    {
        var findings = LearningLogQuality.Lint(L("draft", [], [], null));
        Assert.Equal(["LLQ001", "LLQ002"], findings.Select(f => f.Code));
        Assert.All(findings, f => Assert.Equal("warning", f.Severity));
        Assert.All(findings, f => Assert.Null(f.ActionId));
        Assert.Equal("/guidance/common-pitfalls/#quick-fixes", findings[0].Guidance);
        Assert.Equal("/guidance/common-pitfalls/#blaming-individuals", findings[1].Guidance);
        Assert.StartsWith("No contributory factor is marked as systemic", findings[0].Message);
        Assert.StartsWith("No contributory factors", findings[1].Message);
        var monitored = LearningLogQuality.Lint(L("monitoring", [], [], null));
        Assert.Equal(["LLQ001", "LLQ002", "LLQ003"], monitored.Select(f => f.Code));
        Assert.Equal("/guidance/common-pitfalls/#undocumented-learning", monitored[2].Guidance);
    }

    [Fact]
    public void Every_systemic_factor_needs_an_action()
    {
        var f3 = Systemic with { Id = "f3" };
        var f4 = Systemic with { Id = "f4" };
        var one = Assert.Single(LearningLogQuality.Lint(L("monitoring", [Systemic, f3, Person], [Action("a1", "f1")], "ok")));
        Assert.Equal("LLQ001", one.Code);
        Assert.Equal("Systemic factor f3 has no action, so the conditions it describes are still there. Give every systemic factor at least one action.", one.Message);
        var two = Assert.Single(LearningLogQuality.Lint(L("monitoring", [Systemic, f3, f4], [Action("a1", "f1"), Action("a2", "f4") with { Status = "dropped" }], "ok")));
        Assert.Equal("Systemic factors f3, f4 have no action, so the conditions they describe are still there. Give every systemic factor at least one action.", two.Message);
        Assert.DoesNotContain("LLQ001", Codes(L("monitoring", [Systemic, f3, f4], [Action("a1", "f1", "f3"), Action("a2", "f4")], "ok")));
        // No systemic factor at all.
        Assert.Contains("LLQ001", Codes(L("monitoring", [Person], [Action("a1", "f2")], "ok")));
        // An action addressing the systemic factor but dropped does not count.
        Assert.Contains("LLQ001", Codes(L("monitoring", [Systemic], [Action("a1", "f1") with { Status = "dropped" }], "ok")));
    }

    [Fact]
    public void Causes_attributed_only_to_individuals()
    {
        var findings = LearningLogQuality.Lint(L("monitoring", [Person, Person with { Id = "f3" }], [Action("a1", "f2")], "ok"));
        var finding = Assert.Single(findings, f => f.Code == "LLQ002");
        Assert.StartsWith("Every contributory factor is about an individual", finding.Message);
        Assert.DoesNotContain("LLQ002", Codes(L("monitoring", [Person, Systemic], [Action("a1", "f1")], "ok")));
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
        Assert.Equal(flagged, Codes(L("monitoring", [Systemic], [Action("a1", "f1")], reflection)).Contains("LLQ003"));

    [Theory]
    [InlineData("draft", false)]
    [InlineData("learning-in-progress", false)]
    [InlineData("actions-open", false)]
    [InlineData("monitoring", true)]
    [InlineData("closed", true)]
    public void Governance_reflection_is_due_once_the_log_is_monitored(string status, bool flagged) =>
        Assert.Equal(flagged, Codes(L(status, [Systemic], [Action("a1", "f1")], null)).Contains("LLQ003"));

    [Fact]
    public void One_finding_per_action_in_action_order()
    {
        var input = L("closed", [Systemic], [
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
    public void A_one_off_repair_needs_no_measure()
    {
        var repair = Action("a1", "f1") with { Description = "Repair the bedpan washer", Measure = null, Kind = "repair" };
        Assert.DoesNotContain("LLQ004", Codes(L("monitoring", [Systemic], [repair], "ok")));
        Assert.Contains("LLQ004", Codes(L("monitoring", [Systemic], [repair with { Kind = "system-change" }], "ok")));
        Assert.Contains("LLQ004", Codes(L("monitoring", [Systemic], [repair with { Kind = null }], "ok")));
        Assert.Contains("LLQ004", Codes(L("monitoring", [Systemic], [repair with { Kind = "Repair" }], "ok")));
    }

    [Fact]
    public void Reviews_are_only_required_once_closed() =>
        Assert.DoesNotContain("LLQ006", Codes(L("monitoring", [Systemic], [Action("a1", "f1") with { Reviews = 0 }], "ok")));

    // ---- a death or serious injury with no CQC notification (LLQ007) ---------------------------------------------

    private static LearningLogInput Incident(string? harm, LogCandourOutcomes? outcomes, params LogNotification[] notifications) =>
        new("monitoring", [Systemic], [Action("a1", "f1") with { Kind = "system-change" }], "ok", harm, outcomes, notifications);

    [Fact]
    public void A_serious_injury_without_a_cqc_notification_is_a_finding()
    {
        var fracture = Generators.AllNo with { BodyStructure = "yes" };
        var finding = Assert.Single(LearningLogQuality.Lint(Incident("moderate", fracture)));
        Assert.Equal(("LLQ007", "missed-notification", "/guidance/who-must-be-told/#2-is-there-a-serious-injury"), (finding.Code, finding.Pitfall, finding.Guidance));
        Assert.Equal("This log describes a serious injury, but no notification to CQC is recorded. A provider must tell CQC about a serious injury, such as a broken bone, without delay. Record it under notifications (to: cqc) with the date it was sent.",
            finding.Message);
        Assert.Equal(["LLQ007"], Codes(Incident("severe", null)));
        Assert.Equal(["LLQ007"], Codes(Incident("low", fracture, new LogNotification("safeguarding", "2025-03-01"))));
        // A decision not to notify CQC does not clear it.
        Assert.Equal(["LLQ007"], Codes(Incident("severe", null, new LogNotification("cqc", null))));
        // Recorded, or not serious: no finding.
        Assert.Empty(Codes(Incident("moderate", fracture, new LogNotification("cqc", "2025-03-01"))));
        Assert.Empty(Codes(Incident("moderate", Generators.AllNo)));
        Assert.Empty(Codes(Incident("moderate", Generators.AllNo with { BodyStructure = "unknown" })));
        Assert.Empty(Codes(Incident(null, null)));
    }

    [Fact]
    public void A_death_without_a_cqc_notification_is_a_finding()
    {
        var finding = Assert.Single(LearningLogQuality.Lint(Incident("fatal", null)));
        Assert.Equal("/guidance/who-must-be-told/#1-has-the-person-died", finding.Guidance);
        Assert.StartsWith("This log describes a death, but no notification to CQC is recorded.", finding.Message);
        Assert.Equal(["LLQ007"], Codes(Incident("low", Generators.AllNo with { Death = "yes" })));
        Assert.Empty(Codes(Incident("fatal", Generators.AllNo with { Death = "yes" }, new LogNotification("coroner", "2025-03-01"), new LogNotification("cqc", "2025-03-01"))));
    }

    // ---- weaker actions with no system change (LLQ008) --------------------------------------------------------------

    private static LearningLogInput Actions(params LogAction[] actions) => L("actions-open", [Systemic, Systemic with { Id = "f2" }], actions, "ok");

    [Fact]
    public void A_weaker_action_with_no_system_change_is_a_finding_that_cites_the_hierarchy_of_actions()
    {
        var remind = Action("a1", "f1") with { Description = "Remind staff to read the night notes", Kind = null };
        var finding = Assert.Single(LearningLogQuality.Lint(Actions(remind, Action("a2", "f2"))));
        Assert.Equal(("LLQ008", "weak-actions", "a1", "/guidance/practice-change/#stronger-and-weaker-actions"), (finding.Code, finding.Pitfall, finding.ActionId!, finding.Guidance));
        Assert.Equal("Action a1 is a weaker action: it asks people to remember or try harder (\"remind\"), and no system change addresses the same factors. "
            + "In the hierarchy of actions, removing a hazard or redesigning the work is strongest; training, reminders and policies are weakest, because they rely on people remembering. "
            + "Add an action that changes the work itself, or set this action's kind to system-change if it already does.", finding.Message);
        // A system change on the same factor: fine.
        Assert.DoesNotContain("LLQ008", Codes(Actions(remind, Action("a2", "f1") with { Kind = "system-change" })));
        // ...but not a dropped one, nor one on another factor.
        Assert.Contains("LLQ008", Codes(Actions(remind, Action("a2", "f1") with { Kind = "system-change", Status = "dropped" })));
        Assert.Contains("LLQ008", Codes(Actions(remind, Action("a2", "f2") with { Kind = "system-change" })));
    }

    [Theory]
    [InlineData("Remind staff of the 48-hour rule", null, "it asks people to remember or try harder (\"remind\")")]
    [InlineData("Retrain the night carer", "training", "it asks people to remember or try harder (\"retrain\")")]
    [InlineData("Re-issue the medicines policy", "policy", "it asks people to remember or try harder (\"re-issue\")")]
    [InlineData("Ask staff to be more careful at night", "other", "it asks people to remember or try harder (\"be more careful\")")]
    [InlineData("Staff to reflect on the incident", null, "it asks people to remember or try harder (\"reflect on\")")]
    [InlineData("Put up hand-washing posters", "reminder", "it is a reminder")]
    [InlineData("Extend the practice scenario to day staff, every six months", "training", null)]
    [InlineData("Revise the falls policy to add a review after every new medicine", "policy", null)]
    [InlineData("Update the care plan to reflect the new rota", null, null)]
    [InlineData("Remind the on-call manager automatically from the rota system", "system-change", null)]
    [InlineData("Retrain", "repair", null)]
    [InlineData("REMIND STAFF", null, null)]
    public void What_counts_as_a_weaker_action(string description, string? kind, string? why)
    {
        var action = Action("a1", "f1") with { Description = description, Kind = kind };
        Assert.Equal(why, LearningLogQuality.WeakerAction.Evaluate(action));
        Assert.Equal(why is not null, Codes(Actions(action)).Contains("LLQ008"));
        // A dropped weaker action is never a finding.
        Assert.DoesNotContain("LLQ008", Codes(Actions(action with { Status = "dropped" })));
    }

    // ---- what a measure shows about an action (LLQ009-LLQ011) ---------------------------------------------------------

    private static LearningLogInput Measured(string status, params LogMeasureEvidence[] measures) =>
        L(status, [Systemic, Person], [Action("a1", "f1")], "ok") with { Measures = measures };

    /// <summary>Twelve points after a change at index 4: common cause (1) throughout, or with a run of improvement (3).</summary>
    private static int[] Points(int improvementAt = -1) =>
        Enumerable.Range(0, 16).Select(i => i == improvementAt ? 3 : 1).ToArray();

    [Fact]
    public void An_adopted_change_its_measure_does_not_show_working_is_a_finding()
    {
        var finding = Assert.Single(LearningLogQuality.Lint(Measured("monitoring", new LogMeasureEvidence("a1", "Falls at night", true, 4, Points(), 1))));
        Assert.Equal(("LLQ009", "unmonitored-changes", "a1", "/guidance/is-it-working/"), (finding.Code, finding.Pitfall, finding.ActionId!, finding.Guidance));
        Assert.StartsWith("Action a1 is treated as done and working, but its measure (Falls at night) shows no special cause improvement", finding.Message);
        // Improvement after the change: fine. Improvement only before it does not count.
        Assert.Empty(Codes(Measured("monitoring", new LogMeasureEvidence("a1", "Falls", true, 4, Points(improvementAt: 9), 1))));
        Assert.Equal(["LLQ009"], Codes(Measured("monitoring", new LogMeasureEvidence("a1", "Falls", true, 4, Points(improvementAt: 2), 1))));
        // Not adopted and the log still open: too early to judge. Closed: judged.
        Assert.Empty(Codes(Measured("monitoring", new LogMeasureEvidence("a1", "Falls", false, 4, Points(), 1))));
        Assert.Equal(["LLQ009"], Codes(Measured("closed", new LogMeasureEvidence("a1", "Falls", false, 4, Points(), 1))));
        // Improvement in the higher direction counts as well.
        Assert.Empty(Codes(Measured("closed", new LogMeasureEvidence("a1", "Falls", false, 4, Points().Select((v, i) => i == 15 ? 2 : v).ToArray(), 1))));
    }

    [Fact]
    public void A_hit_and_miss_target_and_thin_evidence_are_findings_once_a_change_is_adopted()
    {
        var hitAndMiss = new LogMeasureEvidence("a1", "Falls", true, 4, Points(improvementAt: 9), 3);
        Assert.Equal(["LLQ010"], Codes(Measured("monitoring", hitAndMiss)));
        Assert.Empty(Codes(Measured("monitoring", hitAndMiss with { Assurance = 1 })));
        Assert.Empty(Codes(Measured("monitoring", hitAndMiss with { Adopted = false })));
        // Eleven points since the change: thin; twelve: enough.
        var thin = Assert.Single(LearningLogQuality.Lint(Measured("closed", hitAndMiss with { Assurance = 1, ChangeIndex = 5 })));
        Assert.Equal("LLQ011", thin.Code);
        Assert.Contains("has only 11 points since the change", thin.Message);
        Assert.Empty(Codes(Measured("closed", hitAndMiss with { Assurance = 1, ChangeIndex = 4 })));
        // Findings come after the per-action ones, in the order LLQ009, LLQ010, LLQ011.
        Assert.Equal(["LLQ009", "LLQ010", "LLQ011"], Codes(Measured("closed", new LogMeasureEvidence("a1", "Falls", true, 10, Points(), 3))));
    }

    [Fact]
    public void Json_contract_is_camel_case()
    {
        var input = LearningLogInput.FromJson("""
            {"status":"closed","factors":[{"id":"f1","area":"tasks","systemic":true}],
             "actions":[{"id":"a1","description":"d","addresses":["f1"],"ownerRole":"Nurse","due":"2025-01-01","status":"done","measure":"m","reviews":0,"kind":"system-change"}],
             "governanceReflection":"x","harm":"severe",
             "candourOutcomes":{"death":"no","impairment":"no","bodyStructure":"yes","prolongedPain":"no","prolongedPsychologicalHarm":"no","shortenedLifeExpectancy":"no","treatmentNeeded":"no"},
             "notifications":[{"to":"safeguarding","date":"2025-01-02"}]}
            """);
        Assert.Equal("yes", input.CandourOutcomes!.BodyStructure);
        var json = ScoreReport.ToJson(LearningLogQuality.Lint(input));
        Assert.Contains("\"code\": \"LLQ006\"", json);
        Assert.Contains("\"code\": \"LLQ007\"", json);
        Assert.Contains("\"actionId\": \"a1\"", json);
        Assert.Contains("\"pitfall\": \"unmonitored-changes\"", json);
    }
}
