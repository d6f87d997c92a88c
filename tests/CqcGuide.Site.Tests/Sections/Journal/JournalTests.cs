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
        foreach (var page in new[] { "common-pitfalls", "practice-change", "governance-reviews", "monitoring-effectiveness" })
            input.Write($"guidance/{page}.md", $"---\ntitle: {page}\nsummary: s\nowner: Registered manager\nlast_reviewed: 2026-01-10\nnext_review: 2027-01-10\nsources:\n  - title: S\n    url: https://example.org\n---\n## Quick fixes\n\n## Blaming individuals\n\n## Undocumented learning\n\n## Unmonitored changes\n");
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
        Assert.Equal(["14 March 2026", "15 March 2026", "18 March 2026", "10 April 2026", "28 April 2026", "30 June 2026"],
            log.QuerySelectorAll(".timeline time").Select(t => t.TextContent));
        var evidence = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output.Path, "journal/evidence/safe.medicines-optimisation/index.html")));
        Assert.Contains("1 of 1 actions done", evidence.QuerySelector("section[aria-labelledby='learning-logs']")!.TextContent);
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

    public static TheoryData<string, string> PersonalData() => new()
    {
        { "an NHS number", "summary: A returning resident (NHS 943 476 5919) missed an evening medicine." },
        { "a date of birth", "summary: A returning resident, DOB 12/03/1941, missed an evening medicine." },
        { "a titled name", "summary: Mrs Patel missed an evening medicine." },
    };

    [Theory]
    [MemberData(nameof(PersonalData))]
    public void Personal_data_blocks_publication_unless_the_redaction_check_is_confirmed(string what, string summary)
    {
        var edits = new[] { ("summary: A returning resident missed an evening medicine.", summary), ("  confirmed: true", "  confirmed: false") };
        var (result, output) = Build(Valid, false, edits);
        using var _ = output;
        var d = Assert.Single(result.Diagnostics, d => d.Code == PersonalDataCheck.PersonalDataFound);
        Assert.True(d.IsError, what);
        Assert.Equal(9, d.Line);
        var (confirmed, confirmedOut) = Build(Valid, false, edits[..1]);
        using var __ = confirmedOut;
        Assert.True(confirmed.Success);
        Assert.Contains(confirmed.Diagnostics, x => x.Code == PersonalDataCheck.PersonalDataFound && !x.IsError);
    }

    [Fact]
    public void A_name_where_a_role_belongs_is_caught_but_roles_are_not()
    {
        Assert.NotNull(CqcGuide.Site.Sections.Journal.PersonalData.NameInsteadOfRole("Sam Taylor"));
        Assert.NotNull(CqcGuide.Site.Sections.Journal.PersonalData.NameInsteadOfRole("Dr Okafor"));
        Assert.Null(CqcGuide.Site.Sections.Journal.PersonalData.NameInsteadOfRole("Deputy manager"));
        Assert.Null(CqcGuide.Site.Sections.Journal.PersonalData.NameInsteadOfRole("Night Nurse"));
        Assert.Null(CqcGuide.Site.Sections.Journal.PersonalData.NameInsteadOfRole("Registered Manager"));
        Assert.True(CqcGuide.Site.Sections.Journal.PersonalData.IsValidNhsNumber([9, 4, 3, 4, 7, 6, 5, 9, 1, 9]));
        Assert.False(CqcGuide.Site.Sections.Journal.PersonalData.IsValidNhsNumber([9, 4, 3, 4, 7, 6, 5, 9, 1, 8]));
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
}
