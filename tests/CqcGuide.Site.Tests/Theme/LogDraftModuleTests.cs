using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace CqcGuide.Site.Tests.Theme;

/// <summary>log-data.js: the draft learning log's stored record and the Markdown file it downloads (run in Jint).</summary>
public class LogDraftModuleTests
{
    private const string Draft = """
        const d = { ...D.emptyDraft(), id: 'll-2026-099', title: 'Call bell: "not answered"', status: 'actions-open', event_type: 'incident',
          occurred: '2026-10-02', identified: '2026-10-03', harm: 'low', candour_death: 'no', candour_impairment: 'no', candour_body_structure: 'yes',
          candour_prolonged_pain: 'unknown', candour_prolonged_psychological_harm: 'no', candour_shortened_life_expectancy: 'no', candour_treatment_needed: 'no',
          candour_role: 'GP: on call', candour_opinion_date: '2026-10-03', candour_in_person: '2026-10-04', candour_written: '2026-10-06', candour_reason: 'Resident told',
          summary: 'A resident waited.\n---\nkey: value', method: 'swarm-huddle', held: '2026-10-03', roles: ['Night nurse', 'Senior carer: days'],
          factors: [{ id: 'f1', area: 'person', description: 'On a break # not a comment', systemic: true }],
          actions: [{ id: 'a1', description: 'Cover breaks', addresses: ['f1'], owner_role: 'Deputy manager', due: '2026-12-01', status: 'done',
            completed: '2026-11-01', evidence: 'Rota', measure: 'Response times', dropped_reason: '', review_date: '2026-11-20', review_result: 'Faster', review_decision: 'adopt' }],
          quality_statements: ['safe.safe-effective-staffing'], redaction: true, redaction_by: 'Registered manager', redaction_date: '2026-10-05' };
        """;

    [Fact]
    public void The_markdown_has_the_front_matter_the_build_reads_and_every_string_survives_yaml()
    {
        var r = new ThemeJs().Run($$"""
            import * as D from './log-data.js';
            {{Draft}}
            export const result = D.markdown(d);
            """);
        var text = r.GetString()!;
        Assert.StartsWith("---\nid: ll-2026-099\ntitle: \"Call bell: \\\"not answered\\\"\"\nstatus: actions-open\nevent_type: incident\noccurred: 2026-10-02\n", text);
        var parts = text.Split("\n---\n", 2);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(parts[0][4..]));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        Assert.Equal("Call bell: \"not answered\"", root["title"].ToString());
        Assert.Equal("A resident waited.\n---\nkey: value", root["summary"].ToString());
        var roles = (YamlSequenceNode)((YamlMappingNode)root["learning_response"])["roles"];
        Assert.Equal(["Night nurse", "Senior carer: days"], roles.Select(n => n.ToString()));
        var factor = (YamlMappingNode)((YamlSequenceNode)root["factors"])[0];
        Assert.Equal("On a break # not a comment", factor["description"].ToString());
        var action = (YamlMappingNode)((YamlSequenceNode)root["actions"])[0];
        Assert.Equal("adopt", ((YamlMappingNode)((YamlSequenceNode)action["reviews"])[0])["decision"].ToString());
        Assert.Equal("true", ((YamlMappingNode)root["redaction_check"])["confirmed"].ToString());
        var candour = (YamlMappingNode)root["duty_of_candour"];
        var outcomes = (YamlMappingNode)candour["outcomes"];
        Assert.Equal(["death", "impairment", "body_structure", "prolonged_pain", "prolonged_psychological_harm", "shortened_life_expectancy", "treatment_needed"],
            outcomes.Children.Keys.Select(k => k.ToString()));
        Assert.Equal(["no", "no", "yes", "unknown", "no", "no", "no"], outcomes.Children.Values.Select(v => v.ToString()));
        Assert.Equal(("GP: on call", "2026-10-03", "2026-10-04", "2026-10-06", "Resident told"),
            (candour["professional_role"].ToString(), candour["opinion_date"].ToString(), candour["notified_in_person"].ToString(), candour["written_notification"].ToString(), candour["reason"].ToString()));
        Assert.Equal("A resident waited.\n---\nkey: value\n", parts[1]); // no body: the summary is the text
    }

    [Fact]
    public void The_lint_input_is_what_the_build_passes_to_the_rules()
    {
        var r = new ThemeJs().Run($$"""
            import * as D from './log-data.js';
            {{Draft}}
            export const result = D.lintInput(d);
            """);
        Assert.Equal("""{"status":"actions-open","factors":[{"id":"f1","area":"person","systemic":true}],"actions":[{"id":"a1","description":"Cover breaks","addresses":["f1"],"ownerRole":"Deputy manager","due":"2026-12-01","status":"done","measure":"Response times","reviews":1}],"governanceReflection":null,"harm":"low","candourOutcomes":{"death":"no","impairment":"no","bodyStructure":"yes","prolongedPain":"unknown","prolongedPsychologicalHarm":"no","shortenedLifeExpectancy":"no","treatmentNeeded":"no"},"notifications":[]}""",
            r.GetRawText());
    }

    [Fact]
    public void The_personal_data_input_has_the_paths_the_build_uses_and_the_marked_phrases_are_written()
    {
        var r = new ThemeJs().Run($$"""
            import * as D from './log-data.js';
            {{Draft}}
            d.not_personal_data = ['Sam Taylor', 'say "hi"'];
            export const result = { fields: D.personalDataFields(d).map((f) => f.path + '>' + f.target + (f.role ? '!' : '')), input: D.personalDataInput(d), markdown: D.markdown(d) };
            """);
        Assert.Equal(["title>f-title", "summary>f-summary", "duty_of_candour.reason>f-candour_reason", "learning_response.roles[0]>f-roles!",
            "learning_response.roles[1]>f-roles!", "factors[0].description>f1-description", "actions[0].description>a1-description",
            "actions[0].owner_role>a1-owner_role!", "actions[0].evidence>a1-evidence", "actions[0].measure>a1-measure",
            "actions[0].reviews[0].result>a1-review_result", "redaction_check.by>f-redaction_by!", "body>f-summary"],
            r.GetProperty("fields").EnumerateArray().Select(e => e.GetString()));
        Assert.False(r.GetProperty("input").GetProperty("fields")[0].TryGetProperty("target", out _));
        Assert.Equal(2, r.GetProperty("input").GetProperty("notPersonalData").GetArrayLength());
        var yaml = new YamlStream();
        yaml.Load(new StringReader(r.GetProperty("markdown").GetString()!.Split("\n---\n", 2)[0][4..]));
        var phrases = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["not_personal_data"];
        Assert.Equal(["Sam Taylor", "say \"hi\""], phrases.Select(n => n.ToString()));
    }

    [Fact]
    public void Who_was_told_and_an_unable_to_notify_record_reach_the_file_the_rules_and_the_personal_data_check()
    {
        var r = new ThemeJs().Run($$"""
            import * as D from './log-data.js';
            {{Draft}}
            d.candour_in_person = ''; d.candour_written = '';
            d.candour_unable_reason = 'declined'; d.candour_unable_attempts = 'Phoned on 4 October: "not now"';
            d.notifications = [
              { id: 'n1', to: 'cqc', recipient: '', date: '2026-10-04', reference: 'CQC-1234', outcome: 'No further action', not_notified: '' },
              { id: 'n2', to: 'other', recipient: 'The GP practice', date: '', reference: '', outcome: '', not_notified: 'Not needed: the GP was told by phone' },
            ];
            export const result = { markdown: D.markdown(d), validation: D.validationInput(d, '2026-11-26'), lint: D.lintInput(d),
              fields: D.personalDataFields(d).map((f) => f.path + '>' + f.target) };
            """);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(r.GetProperty("markdown").GetString()!.Split("\n---\n", 2)[0][4..]));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var unable = (YamlMappingNode)((YamlMappingNode)root["duty_of_candour"])["unable_to_notify"];
        Assert.Equal(("declined", "Phoned on 4 October: \"not now\""), (unable["reason"].ToString(), unable["attempts"].ToString()));
        var told = (YamlSequenceNode)root["notifications"];
        Assert.Equal(("cqc", "2026-10-04", "CQC-1234", "No further action"),
            (told[0]["to"].ToString(), told[0]["date"].ToString(), told[0]["reference"].ToString(), told[0]["outcome"].ToString()));
        Assert.Equal(["to", "recipient", "not_notified"], ((YamlMappingNode)told[1]).Children.Keys.Select(k => k.ToString()));
        var v = r.GetProperty("validation");
        Assert.Equal("""[{"to":"cqc","recipient":null,"date":"2026-10-04","notNotified":null},{"to":"other","recipient":"The GP practice","date":null,"notNotified":"Not needed: the GP was told by phone"}]""",
            v.GetProperty("notifications").GetRawText());
        Assert.Equal("declined", v.GetProperty("dutyOfCandour").GetProperty("unableToNotify").GetProperty("reason").GetString());
        Assert.Equal("""[{"to":"cqc","date":"2026-10-04"},{"to":"other","date":null}]""", r.GetProperty("lint").GetProperty("notifications").GetRawText());
        var fields = r.GetProperty("fields").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Contains("duty_of_candour.unable_to_notify.attempts>f-candour_unable_attempts", fields);
        Assert.Contains("notifications[0].outcome>n1-outcome", fields);
        Assert.Contains("notifications[1].recipient>n2-recipient", fields);
        Assert.Contains("notifications[1].not_notified>n2-not_notified", fields);
    }

    [Fact]
    public void An_unable_to_notify_record_is_written_only_when_the_duty_applies()
    {
        var r = new ThemeJs().Run($$"""
            import * as D from './log-data.js';
            {{Draft}}
            for (const [key] of D.CANDOUR_OUTCOMES) d[`candour_${key}`] = 'no';
            d.candour_unable_reason = 'declined'; d.candour_unable_attempts = 'left over';
            export const result = { markdown: D.markdown(d), unable: D.validationInput(d, '2026-11-26').dutyOfCandour.unableToNotify };
            """);
        Assert.DoesNotContain("unable_to_notify", r.GetProperty("markdown").GetString());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("unable").ValueKind);

        // Attempts typed without a reason are not dropped: the record goes to the rules (and the file), which refuse it.
        var half = new ThemeJs().Run($$"""
            import * as D from './log-data.js';
            {{Draft}}
            d.candour_unable_attempts = 'Phoned twice';
            export const result = { markdown: D.markdown(d), unable: D.validationInput(d, '2026-11-26').dutyOfCandour.unableToNotify };
            """);
        Assert.Equal("""{"reason":"","attempts":"Phoned twice"}""", half.GetProperty("unable").GetRawText());
        Assert.Contains("  unable_to_notify:\n    reason: \n    attempts: \"Phoned twice\"\n", half.GetProperty("markdown").GetString());
    }

    public static TheoryData<string> HostileTexts() => new()
    {
        "<script>alert(1)</script><img src=x onerror=alert(1)>", "../../etc/passwd", "line one\nline two: \"quoted\" # not a comment",
        "tab\tand\u0007bell and \u202e override", "- [a, b]\n---\nkey: value", new string('x', 10_000),
    };

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Hostile_text_in_who_was_told_and_the_attempts_survives_the_file_as_text(string text)
    {
        var r = new ThemeJs().Run($$"""
            import * as D from './log-data.js';
            {{Draft}}
            const t = {{JsonSerializer.Serialize(text)}};
            d.candour_body_structure = 'yes'; d.candour_unable_reason = 'declined'; d.candour_unable_attempts = t;
            d.notifications = [{ id: 'n1', to: 'other', recipient: t, date: '2026-10-04', reference: t, outcome: t, not_notified: '' }];
            export const result = D.markdown(d);
            """);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(r.GetString()!.Split("\n---\n", 2)[0][4..]));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var told = (YamlMappingNode)((YamlSequenceNode)root["notifications"])[0];
        Assert.Equal(text, told["recipient"].ToString());
        Assert.Equal(text, told["reference"].ToString());
        Assert.Equal(text, told["outcome"].ToString());
        Assert.Equal(text, ((YamlMappingNode)((YamlMappingNode)root["duty_of_candour"])["unable_to_notify"])["attempts"].ToString());
    }

    public static TheoryData<string, string> BadDrafts() => new()
    {
        { """{"revision":1}""", "no valid format" },
        { """{"format":"cqcguide.log-draft/1","revision":1,"draft":{"roles":"Night nurse"}}""", "“roles” is not a list of text" },
        { """{"format":"cqcguide.log-draft/1","revision":1,"draft":{"factors":{"f1":{}}}}""", "“factors” is not a list" },
        { """{"format":"cqcguide.log-draft/1","revision":1,"draft":{"actions":[{"id":"a1","addresses":"f1"}]}}""", "“addresses” of a1" },
        { """{"format":"cqcguide.log-draft/1","revision":1,"draft":{"factors":[{"id":"\"><b>"}]}}""", "no valid id" },
        { """{"format":"cqcguide.log-draft/1","revision":1,"draft":{"title":7}}""", "“title” is not text" },
        { """{"format":"cqcguide.log-draft/1","revision":1,"draft":"text"}""", "not a set of fields" },
        { """{"format":"cqcguide.log-draft/1","revision":1,"draft":{"notifications":[{"id":"n1","to":3}]}}""", "“to” of n1 is not text" },
        { """{"format":"cqcguide.log-draft/1","revision":1,"draft":{"notifications":[{"id":"<img>"}]}}""", "an item of “notifications” has no valid id" },
        { """{"format":"cqcguide.log-draft/1","revision":1,"draft":{"candour_unable_attempts":["a"]}}""", "“candour_unable_attempts” is not text" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public void A_stored_draft_of_the_wrong_shape_is_reported_not_used(string stored, string reason)
    {
        var r = new ThemeJs().Run($"import * as D from './log-data.js'; export const result = D.validateDraftRecord(JSON.parse({JsonSerializer.Serialize(stored)}));");
        Assert.False(r.GetProperty("ok").GetBoolean());
        Assert.Contains(reason, r.GetProperty("reason").GetString());
    }

    [Fact]
    public void An_actions_kind_evidence_category_and_measure_reach_the_file_and_the_rules()
    {
        var r = new ThemeJs().Run($$"""
            import * as D from './log-data.js';
            {{Draft}}
            Object.assign(d.actions[0], { kind: 'system-change', evidence_category: 'processes', measure_id: 'night-falls' });
            export const result = { markdown: D.markdown(d), lint: D.lintInput(d).actions[0].kind,
              validation: D.validationInput(d, '2026-12-02').actions[0] };
            """);
        var markdown = r.GetProperty("markdown").GetString()!;
        Assert.Contains("\n    kind: system-change\n", markdown);
        Assert.Contains("\n    evidence_category: processes\n", markdown);
        Assert.Contains("\n    measure_id: \"night-falls\"\n", markdown);
        Assert.Equal("system-change", r.GetProperty("lint").GetString());
        Assert.Equal(("system-change", "processes"), (r.GetProperty("validation").GetProperty("kind").GetString(), r.GetProperty("validation").GetProperty("evidenceCategory").GetString()));
    }

    [Fact]
    public void Propose_on_github_fills_github_new_file_page_with_the_file_or_declines_when_too_long()
    {
        var r = new ThemeJs().Run($$"""
            import * as D from './log-data.js';
            import { newFileUrl, MAX_PROPOSE_URL } from './github.js';
            {{Draft}}
            const base = 'https://github.com/example-care/our-journal/new/main/input/journal';
            const url = newFileUrl(base, `${d.id}.md`, D.markdown(d));
            const [start, query] = url.split('?');
            const params = Object.fromEntries(query.split('&').map((p) => p.split('=').map(decodeURIComponent)));
            const long = newFileUrl(base, `${d.id}.md`, D.markdown({ ...d, body: 'x'.repeat(MAX_PROPOSE_URL) }));
            export const result = { start, filename: params.filename, same: params.value === D.markdown(d), raw: !/[\s"<>]/.test(query), long };
            """);
        Assert.Equal("https://github.com/example-care/our-journal/new/main/input/journal", r.GetProperty("start").GetString());
        Assert.Equal("ll-2026-099.md", r.GetProperty("filename").GetString());
        Assert.True(r.GetProperty("same").GetBoolean()); // the file exactly as downloaded
        Assert.True(r.GetProperty("raw").GetBoolean()); // every space, quote and bracket encoded
        Assert.Equal(JsonValueKind.Null, r.GetProperty("long").ValueKind);
    }

    [Fact]
    public void An_action_saved_before_kinds_and_categories_gets_them_empty()
    {
        var r = new ThemeJs().Run("""
            import * as D from './log-data.js';
            export const result = D.validateDraftRecord({ format: 'cqcguide.log-draft/1', revision: 2, draft: { actions: [{ id: 'a1', description: 'Old' }] } });
            """);
        var action = r.GetProperty("record").GetProperty("draft").GetProperty("actions")[0];
        Assert.Equal(("Old", "", "", ""), (action.GetProperty("description").GetString(), action.GetProperty("kind").GetString(),
            action.GetProperty("evidence_category").GetString(), action.GetProperty("measure_id").GetString()));
        Assert.Equal(0, action.GetProperty("addresses").GetArrayLength());
    }

    [Fact]
    public void A_draft_saved_by_an_older_form_gets_its_missing_fields_empty()
    {
        var r = new ThemeJs().Run("""
            import * as D from './log-data.js';
            export const result = D.validateDraftRecord({ format: 'cqcguide.log-draft/1', revision: 2, draft: { title: 'Kept' } });
            """);
        Assert.True(r.GetProperty("ok").GetBoolean());
        var draft = r.GetProperty("record").GetProperty("draft");
        Assert.Equal("Kept", draft.GetProperty("title").GetString());
        Assert.Equal(0, draft.GetProperty("factors").GetArrayLength());
        Assert.Equal("draft", draft.GetProperty("status").GetString());
    }
}
