using CqcGuide.Site.Sections.Journal;
using AngleSharp.Html.Parser;
using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Tests.Sections.Journal;

/// <summary>One test per validation rule and per lint finding, hostile HTML, personal data, pages, feed and schema.</summary>
public class JournalTests
{
    /// <summary>A valid, clean log; each test breaks one thing.</summary>
    internal const string Valid = """
        ---
        id: ll-test
        title: Medicine missed after discharge
        status: closed
        event_type: incident
        occurred: 2026-03-14
        identified: 2026-03-15
        harm: low
        summary: A returning resident missed an evening medicine.
        learning_response:
          method: after-action-review
          held: 2026-03-18
          roles: [Registered manager, Senior carer]
          expected: The medicine is on the chart.
          actual: It was not.
          why_different: The letter was not reconciled.
        factors:
          - id: f1
            area: tools-technology
            description: The letter format hides new medicines.
            systemic: true
          - id: f2
            area: person
            description: The carer was new.
            systemic: false
        actions:
          - id: a1
            description: Reconcile every discharge letter within 4 hours.
            kind: system-change
            addresses: [f1]
            owner_role: Deputy manager
            due: 2026-04-30
            status: done
            completed: 2026-04-28
            evidence: Checklist in use; audit of 12 discharges.
            measure: Late discrepancies per month (target 0).
            reviews:
              - date: 2026-06-30
                result: None in two months.
                decision: adopt
        governance_review:
          forum: Quality meeting
          date: 2026-04-10
          reflection: Oversight of discharges depended on one person.
        quality_statements: [safe.medicines-optimisation]
        learning_to_share: Reconcile discharge letters on the day.
        duty_of_candour:
          outcomes:
            death: no
            impairment: no
            body_structure: no
            prolonged_pain: no
            prolonged_psychological_harm: no
            shortened_life_expectancy: no
            treatment_needed: no
          professional_role: GP
          opinion_date: 2026-03-15
        redaction_check:
          confirmed: true
          by: Registered manager
          date: 2026-04-11
        ---
        The story.
        """;

    /// <summary>Writes a log into a copy of the fixture site, with stand-ins for the guidance pages the journal's quality
    /// checks point to.</summary>
    internal static void WriteLog(TempDir input, string text, string name = "ll-test")
    {
        input.Write($"journal/{name}.md", text);
        GuidanceStandIns.WriteTo(input);
    }


    private static (CqcGuide.Site.Pipeline.BuildResult Result, TempDir Output) Build(string log, bool strict = false, params (string Find, string Replace)[] edits)
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        var text = edits.Aggregate(log, (t, e) =>
        {
            Assert.Contains(e.Find, t);
            return t.Replace(e.Find, e.Replace);
        });
        WriteLog(input, text);
        var output = new TempDir();
        return (Builds.Run(input.Path, output.Path, strict), output);
    }

    private static Diagnostic Single(string code, params (string, string)[] edits)
    {
        var (result, output) = Build(Valid, false, edits);
        using var _ = output;
        return Assert.Single(result.Diagnostics, d => d.Code == code);
    }

    [Fact]
    public void A_valid_log_builds_clean_under_strict_with_every_page()
    {
        var (result, output) = Build(Valid, strict: true);
        using var _ = output;
        Assert.True(result.Success, Builds.Errors(result));
        Assert.Empty(result.Diagnostics);
        foreach (var page in new[] { "journal/index.html", "journal/ll-test/index.html", "journal/actions/index.html", "journal/evidence/index.html",
                     "journal/evidence/safe.medicines-optimisation/index.html", "journal/draft/index.html", "journal/feed.xml", "schemas/learning-log.schema.json" })
            Assert.True(File.Exists(Path.Combine(output.Path, page)), page);
        var log = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output.Path, "journal/ll-test/index.html")));
        Assert.Equal("Closed", log.QuerySelector(".tag")!.TextContent);
        Assert.Equal("Done", log.QuerySelector(".actions-table .tag")!.TextContent);
        Assert.Contains("passes every quality check", log.QuerySelector("main")!.TextContent);
        Assert.Equal(["14 March 2026", "15 March 2026", "15 March 2026", "18 March 2026", "10 April 2026", "28 April 2026", "30 June 2026"],
            log.QuerySelectorAll(".timeline time").Select(t => t.TextContent));
        var evidence = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output.Path, "journal/evidence/safe.medicines-optimisation/index.html")));
        Assert.Contains("1 of 1 actions done", evidence.QuerySelector("#learning-logs + ul")!.TextContent);
    }

    public static TheoryData<string, string, string, string> ValidationRules() => new()
    {
        { "impossible date", "identified: 2026-03-15", "identified: 2026-02-30", Codes.InvalidDate },
        { "partial date used wrongly", "occurred: 2026-03-14", "occurred: \"2026-03\"", "CG802" },
        { "identified before occurred", "identified: 2026-03-15", "identified: 2026-03-01", "CG802" },
        { "action done without evidence", "    evidence: Checklist in use; audit of 12 discharges.\n", "", "CG802" },
        { "closed with open actions", "    status: done\n    completed: 2026-04-28\n", "    status: in-progress\n", "CG802" },
        { "closed without a review", "    reviews:\n      - date: 2026-06-30\n        result: None in two months.\n        decision: adopt\n", "", "CG802" },
        { "action addressing no factor", "    addresses: [f1]", "    addresses: []", "CG802" },
        { "action addressing an unknown factor", "    addresses: [f1]", "    addresses: [f9]", "CG802" },
        { "harm contradicting the event type", "event_type: incident", "event_type: near-miss", "CG802" },
        { "incident without harm", "harm: low\n", "", "CG802" },
        { "unknown quality statement", "[safe.medicines-optimisation]", "[safe.medicine-optimisation]", Codes.UnknownQualityStatement },
        { "id not matching the file", "id: ll-test", "id: ll-other", "CG802" },
        { "incident without the Regulation 20(9) assessment", "duty_of_candour:\n  outcomes:\n", "duty_of_candour:\n  reason: Not assessed.\n  outcomes_:\n", Codes.UnknownKey },
        { "notification with neither a date nor a reason", "redaction_check:", "notifications:\n  - to: cqc\nredaction_check:", "CG802" },
        { "notification to someone else without saying who", "redaction_check:", "notifications:\n  - to: other\n    date: 2026-03-16\nredaction_check:", "CG802" },
        { "notification dated before the event", "redaction_check:", "notifications:\n  - to: safeguarding\n    date: 2026-03-01\nredaction_check:", "CG802" },
        { "candour opinion with no professional", "  professional_role: GP\n", "", "CG802" },
        { "written notification before the conversation", "  opinion_date: 2026-03-15\n", "  opinion_date: 2026-03-15\n  notified_in_person: 2026-03-20\n  written_notification: 2026-03-18\n", "CG802" },
    };

    [Theory]
    [MemberData(nameof(ValidationRules))]
    public void Each_validation_rule_is_an_error_at_the_right_place(string rule, string find, string replace, string code)
    {
        var (result, output) = Build(Valid, false, (find, replace));
        using var _ = output;
        Assert.False(result.Success, rule);
        var d = Assert.Single(result.Diagnostics, d => d.Code == code && d.IsError);
        Assert.EndsWith("journal/ll-test.md", d.Path);
        Assert.True(d.Line > 1, rule);
        Assert.False(File.Exists(Path.Combine(output.Path, "journal/ll-test/index.html")));
    }

    [Theory]
    [InlineData("notifications:\n  - to: other\n    recipient: \"\"\n    date: 2026-03-16\nredaction_check:", "    recipient:")]
    [InlineData("notifications:\n  - date: 2026-03-16\n    to: other\nredaction_check:", "  - date:")]
    public void Someone_else_told_without_saying_who_is_reported_at_the_recipient_or_else_the_entry(string notifications, string lineStart)
    {
        var (result, output) = Build(Valid, false, ("redaction_check:", notifications));
        using var _ = output;
        var d = Assert.Single(result.Diagnostics, d => d.Message.Contains("needs to say who was told", StringComparison.Ordinal));
        var lines = Valid.Replace("redaction_check:", notifications).Split('\n');
        Assert.StartsWith(lineStart, lines[d.Line - 1]);
    }

    [Fact]
    public void Duplicate_log_ids_are_reported()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        input.Write("journal/ll-test.md", Valid);
        input.Write("journal/ll-copy.md", Valid.Replace("id: ll-test", "id: ll-test"));
        using var output = new TempDir();
        var result = Builds.Run(input.Path, output.Path);
        Assert.Contains(result.Diagnostics, d => d.Code == Codes.DuplicateId && d.Message.Contains("ll-test"));
    }

    public static TheoryData<string, (string, string)[]> LintFindings() => new()
    {
        { "LLQ001", [("    systemic: true", "    systemic: false")] },
        { "LLQ002", [("    area: tools-technology", "    area: person")] },
        { "LLQ003", [("  reflection: Oversight of discharges depended on one person.\n", "")] },
        { "LLQ004", [("    measure: Late discrepancies per month (target 0).\n", "")] },
        { "LLQ005", [("    owner_role: Deputy manager\n", "")] },
        { "LLQ007", [("harm: low", "harm: severe")] },
        { "LLQ008", [("    kind: system-change", "    kind: reminder")] },
        { "LLQ006", [("status: closed", "status: monitoring\nnext_review: 2027-01-01"), ("      - date: 2026-06-30\n        result: None in two months.\n        decision: adopt\n", ""), ("    reviews:\n", ""), ("status: monitoring", "status: closed"), ("next_review: 2027-01-01\n", ""), ("  - id: a1\n", "  - id: a0\n    description: Earlier fix.\n    addresses: [f1]\n    owner_role: Deputy manager\n    due: 2026-04-01\n    status: done\n    completed: 2026-04-01\n    evidence: Done.\n    measure: Count.\n    reviews:\n      - date: 2026-05-01\n        result: Fine.\n        decision: adopt\n  - id: a1\n")] },
    };

    [Theory]
    [MemberData(nameof(LintFindings))]
    public void Each_lint_finding_is_a_warning_naming_the_pitfall_and_an_error_under_strict(string code, (string, string)[] edits)
    {
        var (result, output) = Build(Valid, false, edits);
        using var _ = output;
        Assert.True(result.Success, Builds.Errors(result));
        var d = Assert.Single(result.Diagnostics, d => d.Code == LogLint.LintFinding);
        Assert.StartsWith(code + " ", d.Message);
        Assert.Contains("/guidance/", d.Hint);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output.Path, "journal/ll-test/index.html")));
        Assert.Contains(code, page.QuerySelector(".findings")!.TextContent);

        var (strict, strictOut) = Build(Valid, true, edits);
        using var __ = strictOut;
        Assert.False(strict.Success);
        Assert.Contains(strict.Diagnostics, x => x.Code == LogLint.LintFinding && x.IsError);

        // Acknowledged with a reason, the finding no longer fails a strict build but stays on the page.
        var acknowledged = edits.Append(("redaction_check:", $"acknowledged:\n  - code: {code}\n    reason: Kept as a teaching example.\nredaction_check:")).ToArray();
        var (ack, ackOut) = Build(Valid, true, acknowledged);
        using var ___ = ackOut;
        Assert.True(ack.Success, Builds.Errors(ack));
        Assert.Contains("Kept as a teaching example.", File.ReadAllText(Path.Combine(ackOut.Path, "journal/ll-test/index.html")));
    }

    [Fact]
    public void Hostile_html_is_removed_with_a_warning_at_its_line()
    {
        var hostile = Valid.Replace("The story.", "The story.\n\n<script>alert(1)</script>\n\n<p onclick=\"steal()\">Click <a href=\"javascript:evil()\">here</a></p>\n\n<iframe src=\"https://evil.example\"></iframe>\n\n<img src=\"x.png\" onerror=\"evil()\" alt=\"x\">\n");
        var (result, output) = Build(hostile);
        using var _ = output;
        Assert.True(result.Success, Builds.Errors(result));
        var warnings = result.Diagnostics.Where(d => d.Code == Codes.UnsafeHtml).ToArray();
        Assert.True(warnings.Length >= 4, string.Join("\n", warnings.Select(w => w.ToString())));
        Assert.All(warnings, w => Assert.True(w.Line > 50));
        var html = File.ReadAllText(Path.Combine(output.Path, "journal/ll-test/index.html"));
        var main = new HtmlParser().ParseDocument(html).QuerySelector(".prose")!;
        Assert.Empty(main.QuerySelectorAll("script, iframe"));
        Assert.Null(main.QuerySelector("[onclick], [onerror]"));
        Assert.DoesNotContain("javascript:", main.InnerHtml);
        Assert.Contains("Click", main.TextContent);
    }

    public static TheoryData<string, string, int> PersonalData() => new()
    {
        { "summary: A returning resident (NHS 943 476 5919) missed an evening medicine.", "943 476 5919", 36 },
        { "summary: A returning resident, DOB 12/03/1941, missed an evening medicine.", "12/03/1941", 36 },
        { "summary: Mrs Patel missed an evening medicine.", "Mrs Patel", 10 },
        { "summary: Carer Sarah Jones missed an evening medicine.", "Sarah Jones", 16 },
    };

    [Theory]
    [MemberData(nameof(PersonalData))]
    public void Personal_data_fails_every_build_even_with_a_confirmed_redaction_check(string summary, string found, int column)
    {
        var (result, output) = Build(Valid, false, ("summary: A returning resident missed an evening medicine.", summary));
        using var _ = output;
        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics, d => d.Code == PersonalDataCheck.PersonalDataFound);
        Assert.True(d.IsError);
        Assert.Contains($"“{found}”", d.Message);
        Assert.Contains("not_personal_data", d.Hint);
        Assert.Equal((9, column), (d.Line, d.Column));
        Assert.False(File.Exists(Path.Combine(output.Path, "journal/ll-test/index.html")));
    }

    [Fact]
    public void A_finding_marked_as_not_personal_data_is_published_and_a_stale_mark_is_a_warning()
    {
        var edits = new[]
        {
            ("summary: A returning resident missed an evening medicine.", "summary: A returning resident on Sam Taylor Way missed an evening medicine."),
        };
        var (failed, failedOut) = Build(Valid, false, edits[0]);
        using (failedOut) Assert.Contains(failed.Diagnostics, d => d.Code == PersonalDataCheck.PersonalDataFound && d.IsError);
        var (result, output) = Build(Valid, false, edits[0], ("redaction_check:", "not_personal_data: [Sam Taylor Way, Nobody Here]\nredaction_check:"));
        using var _ = output;
        Assert.True(result.Success, Builds.Errors(result));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == PersonalDataCheck.PersonalDataFound);
        var stale = Assert.Single(result.Diagnostics, d => d.Code == Codes.StaleAcknowledgement);
        Assert.Contains("Nobody Here", stale.Message);
        Assert.False(stale.IsError);
    }

    [Fact]
    public void A_log_meant_for_publication_needs_a_confirmed_redaction_check()
    {
        var (unconfirmed, o1) = Build(Valid, false, ("  confirmed: true", "  confirmed: false"));
        using (o1)
        {
            Assert.False(unconfirmed.Success);
            var d = Assert.Single(unconfirmed.Diagnostics, d => d.Code == Codes.RedactionNotConfirmed);
            Assert.True(d.IsError);
        }
        var (missing, o2) = Build(Valid, false, ("redaction_check:\n  confirmed: true\n  by: Registered manager\n  date: 2026-04-11\n", ""));
        using (o2) Assert.Contains(missing.Diagnostics, d => d.Code == Codes.RedactionNotConfirmed && d.IsError && d.Line == 4);
        var (draft, o3) = Build(Valid, false, ("status: closed", "status: draft"), ("  confirmed: true", "  confirmed: false"), ("summary: A returning resident missed an evening medicine.", "summary: Mrs Patel missed an evening medicine."));
        using (o3)
        {
            Assert.True(draft.Success, Builds.Errors(draft));
            Assert.DoesNotContain(draft.Diagnostics, d => d.Code == Codes.RedactionNotConfirmed);
            Assert.Contains(draft.Diagnostics, d => d.Code == PersonalDataCheck.PersonalDataFound && !d.IsError);
        }
    }

    [Fact]
    public void A_name_where_a_role_belongs_is_caught_but_roles_are_not()
    {
        var (result, output) = Build(Valid, false, ("owner_role: Deputy manager", "owner_role: Sam Taylor"), ("roles: [Registered manager, Senior carer]", "roles: [Registered Manager, Night Nurse, Sarah]"));
        using var _ = output;
        var found = result.Diagnostics.Where(d => d.Code == PersonalDataCheck.PersonalDataFound).ToArray();
        Assert.Equal(2, found.Length);
        Assert.Contains(found, d => d.Message.Contains("“Sarah”") && d.Message.StartsWith("learning_response.roles[2]", StringComparison.Ordinal));
        Assert.Contains(found, d => d.Message.Contains("“Sam Taylor”") && d.Message.Contains("where a role belongs"));
    }

    [Fact]
    public void A_finding_in_the_body_is_reported_at_its_line_and_column()
    {
        var (result, output) = Build(Valid, false, ("---\nThe story.", "---\nThe story.\n\nWe told Ngozi, the night nurse."));
        using var _ = output;
        var d = Assert.Single(result.Diagnostics, d => d.Code == PersonalDataCheck.PersonalDataFound);
        Assert.StartsWith("body:", d.Message);
        Assert.Equal(9, d.Column);
        Assert.Equal(Valid.Split('\n').Length + 2, d.Line);
    }

    [Fact]
    public void The_published_schema_is_the_one_in_the_repository_and_describes_the_format()
    {
        var path = Path.Combine(Repo.Root, "schemas", "learning-log.schema.json");
        if (Environment.GetEnvironmentVariable("CQCGUIDE_UPDATE_DOCS") == "1") File.WriteAllText(path, LogSchema.Json);
        var repo = File.ReadAllText(path);
        Assert.Equal(LogSchema.Json, repo);
        using var doc = System.Text.Json.JsonDocument.Parse(repo);
        var root = doc.RootElement;
        Assert.Equal("object", root.GetProperty("type").GetString());
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
        Assert.Contains("event_type", root.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.True(root.GetProperty("properties").TryGetProperty("learning_response", out _));
    }

    [Fact]
    public void The_atom_feed_lists_shared_learning_with_absolute_links()
    {
        var (result, output) = Build(Valid);
        using var _ = output;
        var feed = System.Xml.Linq.XDocument.Load(Path.Combine(output.Path, "journal/feed.xml"));
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = Assert.Single(feed.Root!.Elements(atom + "entry"));
        Assert.Equal("https://example.org/guide/journal/ll-test/", entry.Element(atom + "id")!.Value);
        Assert.Equal("Reconcile discharge letters on the day.", entry.Element(atom + "summary")!.Value);
        Assert.Equal("2026-06-30T00:00:00Z", entry.Element(atom + "updated")!.Value);
    }

    [Fact]
    public void A_teaching_example_is_labelled_and_never_counted_as_evidence()
    {
        var (result, output) = Build(Valid, false, ("status: closed", "status: closed\nteaching_example: true"));
        using var _ = output;
        Assert.True(result.Success, Builds.Errors(result));
        var parser = new HtmlParser();
        var page = parser.ParseDocument(File.ReadAllText(Path.Combine(output.Path, "journal/ll-test/index.html")));
        Assert.Contains("Teaching example", page.QuerySelector(".notice--teaching")!.TextContent);
        var journal = parser.ParseDocument(File.ReadAllText(Path.Combine(output.Path, "journal/index.html")));
        Assert.NotNull(journal.QuerySelector(".tag--teaching"));
        var evidence = parser.ParseDocument(File.ReadAllText(Path.Combine(output.Path, "journal/evidence/safe.medicines-optimisation/index.html")));
        Assert.DoesNotContain("Medicine missed after discharge", evidence.QuerySelector("main")!.TextContent);

        var (plain, plainOut) = Build(Valid);
        using var __ = plainOut;
        var counted = parser.ParseDocument(File.ReadAllText(Path.Combine(plainOut.Path, "journal/evidence/safe.medicines-optimisation/index.html")));
        Assert.Contains("Medicine missed after discharge", counted.QuerySelector("main")!.TextContent);
    }

    // ---- the duty of candour by Regulation 20(9), and who was told ---------------------------------------------------

    private static readonly (string, string) BrokenWrist = ("    body_structure: no", "    body_structure: yes");

    [Fact]
    public void Changes_to_the_structure_of_the_body_with_no_candour_record_fails_the_build_at_its_line()
    {
        var (result, output) = Build(Valid, false, BrokenWrist);
        using var _ = output;
        Assert.False(result.Success);
        var errors = result.Diagnostics.Where(d => d.Code == LogChecks.InvalidLog && d.IsError).ToArray();
        Assert.Equal(2, errors.Length);
        var line = Valid.Split('\n').ToList().FindIndex(l => l == "duty_of_candour:") + 2; // the front matter starts on line 2
        Assert.All(errors, e => Assert.Equal(line, e.Line));
        Assert.Contains("the duty of candour applies (Changes to the structure of the body: yes) but the in-person notification is not recorded", errors[0].Message);
        Assert.Contains("but the written notification is not recorded", errors[1].Message);
        Assert.False(File.Exists(Path.Combine(output.Path, "journal/ll-test/index.html")));

        // Recorded: it builds, the page says it applies and why, and the harm grade (low) plays no part.
        var recorded = Build(Valid, true, BrokenWrist,
            ("  opinion_date: 2026-03-15\n", "  opinion_date: 2026-03-15\n  notified_in_person: 2026-03-16\n  written_notification: 2026-03-18\n"),
            ("redaction_check:", "notifications:\n  - to: cqc\n    date: 2026-03-15\n    reference: CQC-0001\n  - to: riddor\n    not_notified: Not reportable; no work activity was involved.\nredaction_check:"));
        using var __ = recorded.Output;
        Assert.True(recorded.Result.Success, Builds.Errors(recorded.Result));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(recorded.Output.Path, "journal/ll-test/index.html")));
        var facts = page.QuerySelector(".summary-facts")!.TextContent;
        Assert.Contains("Applies: a notifiable safety incident under Regulation 20(9) (Changes to the structure of the body: yes). Told in person on 16 March 2026; written notification sent on 18 March 2026.", facts);
        Assert.Contains("Low harm", facts);
        var told = page.QuerySelector("#log-notifications")!.ParentElement!.TextContent;
        Assert.Contains("Changes to the structure of the body", told);
        Assert.Contains("GP, 15 March 2026", told);
        Assert.Contains("Reference: CQC-0001", told);
        Assert.Contains("Not reportable; no work activity was involved.", told);
        Assert.Contains("Notified: CQC", string.Join("|", page.QuerySelectorAll(".timeline li").Select(li => li.TextContent)));
    }

    [Fact]
    public void Every_answer_no_is_not_a_notifiable_incident_whatever_the_harm_grade()
    {
        var (result, output) = Build(Valid, true, ("harm: low", "harm: moderate"));
        using var _ = output;
        Assert.True(result.Success, Builds.Errors(result));
        var facts = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output.Path, "journal/ll-test/index.html"))).QuerySelector(".summary-facts")!.TextContent;
        Assert.Contains("Does not apply: every Regulation 20(9) answer is no.", facts);
    }

    [Fact]
    public void A_log_in_the_old_candour_format_gets_errors_saying_exactly_what_to_change()
    {
        var old = Valid[..Valid.IndexOf("duty_of_candour:", StringComparison.Ordinal)]
            + "duty_of_candour:\n  applies: true\n  completed: 2026-03-20\n"
            + Valid[Valid.IndexOf("redaction_check:", StringComparison.Ordinal)..];
        var (result, output) = Build(old);
        using var _ = output;
        Assert.False(result.Success);
        var messages = result.Diagnostics.Where(d => d.Code == LogChecks.InvalidLog).Select(d => d.Message + " | " + d.Hint).ToArray();
        Assert.Equal(3, messages.Length);
        Assert.Contains(messages, m => m.StartsWith("an incident needs the Regulation 20(9) assessment", StringComparison.Ordinal)
            && m.Contains("(death, impairment, body_structure, prolonged_pain, prolonged_psychological_harm, shortened_life_expectancy, treatment_needed)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("'applies' is no longer used", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("'completed' is now 'written_notification'", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string, string> HostileFields() => new()
    {
        { "an answer that is not yes, no or unknown", "    death: no", "    death: maybe", Codes.InvalidValue },
        { "an answer written as a boolean", "    death: no", "    death: true", Codes.InvalidValue },
        { "an answer in capitals", "    death: no", "    death: Yes", Codes.InvalidValue },
        { "a question left out", "    treatment_needed: no\n", "", Codes.MissingField },
        { "an unknown question", "    treatment_needed: no\n", "    treatment_needed: no\n    bruising: no\n", Codes.UnknownKey },
        { "outcomes as a list", "  outcomes:\n    death: no\n    impairment: no\n    body_structure: no\n    prolonged_pain: no\n    prolonged_psychological_harm: no\n    shortened_life_expectancy: no\n    treatment_needed: no\n", "  outcomes: [no, no]\n", Codes.WrongType },
        { "a role given as a list", "  professional_role: GP", "  professional_role: [GP, Nurse]", Codes.WrongType },
        { "an impossible opinion date", "  opinion_date: 2026-03-15", "  opinion_date: 2026-02-30", Codes.InvalidDate },
        { "a notification date in words", "  opinion_date: 2026-03-15\n", "  opinion_date: 2026-03-15\n  notified_in_person: yesterday\n", Codes.InvalidDate },
        { "an unknown reason for not notifying", "  opinion_date: 2026-03-15\n", "  opinion_date: 2026-03-15\n  unable_to_notify:\n    reason: refused\n    attempts: Phoned twice.\n", Codes.InvalidValue },
        { "no record of the attempts", "  opinion_date: 2026-03-15\n", "  opinion_date: 2026-03-15\n  unable_to_notify:\n    reason: declined\n", Codes.MissingField },
        { "applies that is not true or false", "  opinion_date: 2026-03-15\n", "  opinion_date: 2026-03-15\n  applies: yes\n", Codes.WrongType },
        { "notifications as one value", "redaction_check:", "notifications: cqc\nredaction_check:", Codes.WrongType },
        { "a notification to an unknown body", "redaction_check:", "notifications:\n  - to: CQC\n    date: 2026-03-16\nredaction_check:", Codes.InvalidValue },
        { "a notification with no 'to'", "redaction_check:", "notifications:\n  - date: 2026-03-16\nredaction_check:", Codes.MissingField },
        { "a notification date in another format", "redaction_check:", "notifications:\n  - to: cqc\n    date: 16/03/2026\nredaction_check:", Codes.InvalidDate },
        { "a reference that is a mapping", "redaction_check:", "notifications:\n  - to: cqc\n    date: 2026-03-16\n    reference: { number: 1 }\nredaction_check:", Codes.WrongType },
        { "an unknown key in a notification", "redaction_check:", "notifications:\n  - to: cqc\n    when: 2026-03-16\nredaction_check:", Codes.UnknownKey },
        { "a recipient given as a list", "redaction_check:", "notifications:\n  - to: other\n    recipient: [Insurer]\n    date: 2026-03-16\nredaction_check:", Codes.WrongType },
        { "a decision not to notify given as a mapping", "redaction_check:", "notifications:\n  - to: riddor\n    not_notified: { reason: none }\nredaction_check:", Codes.WrongType },
        { "a notification that is not a mapping", "redaction_check:", "notifications:\n  - cqc\nredaction_check:", Codes.WrongType },
        { "an unknown action kind", "    kind: system-change", "    kind: strong", Codes.InvalidValue },
        { "an action kind as a list", "    kind: system-change", "    kind: [system-change, training]", Codes.WrongType },
    };

    [Theory]
    [MemberData(nameof(HostileFields))]
    public void New_fields_refuse_wrong_types_and_unknown_values_at_their_line(string what, string find, string replace, string code)
    {
        var (result, output) = Build(Valid, false, (find, replace));
        using var _ = output;
        Assert.False(result.Success, what);
        var d = Assert.Single(result.Diagnostics, d => d.Code == code && d.IsError);
        Assert.EndsWith("journal/ll-test.md", d.Path);
        Assert.True(d.Line > 1, what);
        Assert.False(File.Exists(Path.Combine(output.Path, "journal/ll-test/index.html")));
    }

    [Fact]
    public void No_page_of_the_default_site_decides_candour_from_the_harm_grade()
    {
        using var output = new TempDir();
        var result = Builds.Run(Path.Combine(Repo.Root, "input"), output["site"], strict: true);
        Assert.True(result.Success, Builds.Errors(result));
        // The NHS grade used as the test: "moderate harm, so it applied", "low harm, so not notifiable", "moderate or worse harm".
        var gradeAsTest = new System.Text.RegularExpressions.Regex(
            @"\b(no|low|moderate|severe|fatal) harm[,;:]? (so|therefore)\b|moderate or worse harm|\b(low|moderate|severe) harm\b[^.]{0,60}\b(so|therefore)\b[^.]{0,60}\b(candour|notifiable)",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        var pages = Directory.GetFiles(output["site"], "*.html", SearchOption.AllDirectories);
        Assert.True(pages.Length > 100);
        var hits = pages.SelectMany(p => gradeAsTest.Matches(new HtmlParser().ParseDocument(File.ReadAllText(p)).Body!.TextContent).Select(m => $"{p}: {m.Value}")).ToArray();
        Assert.True(hits.Length == 0, string.Join("\n", hits));
        // The broken wrist shows its CQC notification and its Regulation 20(9) answer.
        var wrist = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output["site"], "journal/ll-2026-009/index.html")));
        var told = wrist.QuerySelector("#log-notifications")!.ParentElement!.TextContent;
        Assert.Contains("Changes to the structure of the body", told);
        Assert.Matches(@"CQC\s*8 June 2026", told);
        Assert.Contains("Local authority safeguarding team", told);
    }
}
