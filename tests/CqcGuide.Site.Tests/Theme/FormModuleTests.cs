using System.Text.Json;

namespace CqcGuide.Site.Tests.Theme;

/// <summary>
/// form-data.js (a fillable form's record, export, import, migration, required answers, the Markdown record and the
/// learning-log mapping) and handover.js (the one-off record "Turn this into a learning log" leaves for the draft
/// page), run in Jint.
/// </summary>
public class FormModuleTests
{
    /// <summary>A definition as FormsSection writes it (every field type, a factors and an actions table).</summary>
    private const string Definition = """
        const def = F.readFormDefinition(JSON.stringify({
          format: 'cqcguide.form/1', id: 'aar', version: '1.1.0', title: 'After Action Review',
          sections: [
            { id: 'about', title: 'The event', fields: [
              { id: 'title', type: 'text', label: 'Short title', required: true, options: [], columns: [] },
              { id: 'service', type: 'text', label: 'Service', required: false, options: [], columns: [] },
              { id: 'held', type: 'date', label: 'When was it held?', required: true, options: [], columns: [] },
              { id: 'people', type: 'number', label: 'How many took part?', required: false, options: [], columns: [] },
              { id: 'kind', type: 'choice', label: 'Kind of event', required: true, options: ['Incident', 'Near miss'], columns: [] },
              { id: 'rules', type: 'yes-no', label: 'Ground rules agreed?', required: true, options: [], columns: [] } ] },
            { id: 'questions', title: 'The questions', fields: [
              { id: 'expected', type: 'long-text', label: 'What was expected?', required: true, options: [], columns: [] },
              { id: 'actual', type: 'long-text', label: 'What happened?', required: false, options: [], columns: [] },
              { id: 'why', type: 'long-text', label: 'Why different?', required: false, options: [], columns: [] } ] },
            { id: 'tables', title: 'Factors and actions', fields: [
              { id: 'factors', type: 'rows', label: 'Contributory factors', required: true, options: [], columns: [
                { id: 'factor', type: 'long-text', label: 'Factor', options: [] },
                { id: 'area', type: 'choice', label: 'Area', options: ['Person', 'Tasks', 'Tools and technology'] },
                { id: 'systemic', type: 'yes-no', label: 'Systemic?', options: [] } ] },
              { id: 'actions', type: 'rows', label: 'Safety actions', required: false, options: [], columns: [
                { id: 'action', type: 'long-text', label: 'Action', options: [] },
                { id: 'owner', type: 'text', label: 'Owner (role)', options: [] },
                { id: 'due', type: 'date', label: 'Due', options: [] } ] } ] } ],
          learningLog: { method: 'after-action-review', title: 'title', summary: 'actual', expected: 'expected', actual: 'actual', whyDifferent: 'why',
            factors: { field: 'factors', columns: { description: 'factor', area: 'area', systemic: 'systemic' } },
            actions: { field: 'actions', columns: { description: 'action', owner_role: 'owner', due: 'due' } },
            areas: { 'Person': 'person', 'Tasks': 'tasks', 'Tools and technology': 'tools-technology' } },
        }));
        const filled = () => {
          const r = F.freshForm(def, '2026-11-01T09:00:00.000Z');
          Object.assign(r.answers, {
            title: 'Evening medicine missed', service: 'Oak House', held: '2026-11-02', people: '6', kind: 'Incident', rules: 'yes',
            expected: 'The evening round\nat 18:00', actual: '', why: 'Handover | sheet *lost*',
            factors: [{ factor: 'Two rounds at once', area: 'Tasks', systemic: 'yes' }, { factor: '', area: '', systemic: '' },
              { factor: 'Agency nurse new', area: 'Person', systemic: 'no' }],
            actions: [{ action: 'One round per nurse', owner: 'Deputy manager', due: '2026-12-01' }, { action: '', owner: '', due: '' }],
          });
          r.revision = 4;
          r.updatedAt = '2026-11-02T14:32:00.000Z';
          return r;
        };
        """;

    private static JsonElement Run(string body) => new ThemeJs().Run($$"""
        import * as F from './form-data.js';
        import * as H from './handover.js';
        import * as D from './log-data.js';
        {{Definition}}
        {{body}}
        """);

    [Fact]
    public void An_export_has_the_documented_shape_leaves_out_empty_rows_and_imports_back_unchanged()
    {
        var r = Run("""
            const file = F.exportForm(def, filled());
            const back = F.readFormImport(def, F.toJson(file));
            const again = F.exportForm(def, F.importedRecord(def, F.freshForm(def), back));
            export const result = { file, back, same: JSON.stringify(again.answers) === JSON.stringify(file.answers) };
            """);
        var file = r.GetProperty("file");
        Assert.Equal("cqcguide.form/1", file.GetProperty("format").GetString());
        Assert.Equal("""{"id":"aar","version":"1.1.0","title":"After Action Review"}""", file.GetProperty("form").GetRawText());
        Assert.Equal("2026-11-02T14:32:00.000Z", file.GetProperty("updatedAt").GetString());
        Assert.Equal(4, file.GetProperty("revision").GetInt32());
        var answers = file.GetProperty("answers");
        Assert.Equal(["title", "service", "held", "people", "kind", "rules", "expected", "why", "factors", "actions"], answers.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, answers.GetProperty("factors").GetArrayLength());
        Assert.Equal("""[{"action":"One round per nurse","owner":"Deputy manager","due":"2026-12-01"}]""", answers.GetProperty("actions").GetRawText());
        Assert.False(file.TryGetProperty("unmatched", out _));
        var back = r.GetProperty("back");
        Assert.True(back.GetProperty("ok").GetBoolean());
        Assert.Equal(10, back.GetProperty("answered").GetInt32());
        Assert.Equal(JsonValueKind.Null, back.GetProperty("fromVersion").ValueKind);
        Assert.Equal(0, back.GetProperty("unmatched").GetArrayLength());
        Assert.True(r.GetProperty("same").GetBoolean());
    }

    [Fact]
    public void A_file_from_an_older_version_is_matched_by_field_id_and_what_matches_nothing_is_listed_and_kept()
    {
        var r = Run("""
            const old = { format: 'cqcguide.form/1', form: { id: 'aar', version: '1.0.0', title: 'AAR' }, createdAt: '2026-10-01T09:00:00Z',
              updatedAt: '2026-10-02T09:00:00Z', revision: 2,
              answers: { title: 'Kept', facilitator: 'Manager, other unit', kind: 'Something else', why: ['not', 'rows'],
                expected: [{ a: 'was a table' }],
                factors: [{ factor: 'Stays', area: 'Tasks', retired: 'old column', systemic: 'maybe' }] },
              unmatched: [{ id: 'older', value: 'from 0.9', reason: 'no field', from: '0.9.0' }] };
            const back = F.readFormImport(def, JSON.stringify(old));
            const record = F.importedRecord(def, F.freshForm(def), back);
            const file = F.exportForm(def, record);
            const twice = F.readFormImport(def, JSON.stringify(file));
            export const result = { back, file, twice, markdown: F.formMarkdown(def, record) };
            """);
        var back = r.GetProperty("back");
        Assert.True(back.GetProperty("ok").GetBoolean());
        Assert.Equal("1.0.0", back.GetProperty("fromVersion").GetString());
        Assert.Equal("Kept", back.GetProperty("answers").GetProperty("title").GetString());
        Assert.Equal("""[{"factor":"Stays","area":"Tasks","systemic":""}]""", back.GetProperty("answers").GetProperty("factors").GetRawText());
        var unmatched = back.GetProperty("unmatched").EnumerateArray().Select(u => $"{u.GetProperty("id").GetString()}|{(u.TryGetProperty("row", out var row) ? row.GetInt32() : 0)}|{(u.TryGetProperty("column", out var c) ? c.GetString() : "")}|{u.GetProperty("reason").GetString()}").ToArray();
        Assert.Equal("older|0||no field", unmatched[0]);
        Assert.Contains(unmatched, u => u.StartsWith("facilitator|0||no field has this id in version 1.1.0"));
        Assert.Contains(unmatched, u => u.StartsWith("kind|0||“Something else” is not one of its answers"));
        Assert.Contains(unmatched, u => u.StartsWith("why|0||the answer is not in the expected shape"));
        Assert.Contains(unmatched, u => u.StartsWith("expected|0||this field is no longer a table of rows"));
        Assert.Contains(unmatched, u => u.StartsWith("factors|1|retired|“Contributory factors” has no column with this id"));
        Assert.Contains(unmatched, u => u.StartsWith("factors|1|systemic|“maybe” is not yes or no"));
        Assert.Equal(7, unmatched.Length);
        Assert.All(back.GetProperty("newlyUnmatched").EnumerateArray(), u => Assert.Equal("1.0.0", u.GetProperty("from").GetString()));
        // Downloads carry them, and importing that download again neither loses nor doubles them.
        Assert.Equal(7, r.GetProperty("file").GetProperty("unmatched").GetArrayLength());
        Assert.Equal(7, r.GetProperty("twice").GetProperty("unmatched").GetArrayLength());
        var markdown = r.GetProperty("markdown").GetString()!;
        Assert.Contains("## Answers from an older version of this form", markdown);
        Assert.Contains("- **factors, row 1, column “retired”** (version 1.0.0): old column", markdown);
    }

    [Fact]
    public void A_stored_record_of_an_older_version_is_migrated_and_the_unmatched_answers_are_kept()
    {
        var r = Run("""
            const stored = { ...F.freshForm({ ...def, version: '1.0.0' }), revision: 3, answers: { title: 'T', gone: 'Old answer' } };
            const checked = F.validateFormRecord(def, JSON.parse(JSON.stringify(stored)));
            const m = F.migrateForm(def, checked.record);
            export const result = { ok: checked.ok, from: m.from, version: m.record.form.version, answers: m.record.answers, unmatched: m.record.unmatched,
              again: F.migrateForm(def, m.record).from };
            """);
        Assert.True(r.GetProperty("ok").GetBoolean());
        Assert.Equal("1.0.0", r.GetProperty("from").GetString());
        Assert.Equal("1.1.0", r.GetProperty("version").GetString());
        Assert.Equal("""{"title":"T"}""", r.GetProperty("answers").GetRawText());
        Assert.Equal("gone", r.GetProperty("unmatched")[0].GetProperty("id").GetString());
        Assert.Equal("Old answer", r.GetProperty("unmatched")[0].GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("again").ValueKind);
    }

    public static TheoryData<string, string> BadImports() => new()
    {
        { "{", "not valid JSON" },
        { "[]", "does not contain a set of answers" },
        { """{"format":"cqcguide.answers/1"}""", "self-assessment answers" },
        { """{"format":"cqcguide.checklist/1"}""", "checklist’s ticks" },
        { """{"format":"cqcguide.form/2"}""", "format this page cannot read" },
        { """{"format":"cqcguide.form/1","form":{"id":"swarm","version":"1.0.0"}}""", "another form (\"swarm\")" },
        { """{"format":"cqcguide.form/1","form":{"id":"aar","version":"1.0.0"},"updatedAt":"2026-01-01T00:00:00Z"}""", "has no \"answers\"" },
        { """{"format":"cqcguide.form/1","form":{"id":"aar"},"updatedAt":"2026-01-01T00:00:00Z","answers":{}}""", "which version" },
        { """{"format":"cqcguide.form/1","form":{"id":"aar","version":"1.1.0"},"updatedAt":"yesterday","answers":{}}""", "\"updatedAt\" is not a date" },
        { """{"format":"cqcguide.form/1","form":{"id":"aar","version":"1.1.0"},"updatedAt":"2026-01-01T00:00:00Z","answers":{},"unmatched":[{"id":1}]}""", "no id or reason" },
    };

    [Theory]
    [MemberData(nameof(BadImports))]
    public void A_malformed_import_is_refused_with_a_message(string text, string message)
    {
        var r = Run($"export const result = F.readFormImport(def, {JsonSerializer.Serialize(text)});");
        Assert.False(r.GetProperty("ok").GetBoolean());
        Assert.Contains(message, r.GetProperty("errors")[0].GetString());
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        var r = Run("export const result = F.readFormImport(def, ' '.repeat(F.MAX_IMPORT_BYTES + 1));");
        Assert.Contains("too large", r.GetProperty("errors")[0].GetString());
    }

    [Theory]
    [InlineData("""{"revision":1}""", "no valid format")]
    [InlineData("""{"format":"cqcguide.form/1","revision":-1}""", "revision")]
    [InlineData("""{"format":"cqcguide.form/1","revision":1,"form":{"id":"other","version":"1.0.0"}}""", "not for \"aar\"")]
    [InlineData("""{"format":"cqcguide.form/1","revision":1,"form":{"id":"aar","version":"1.0.0"},"createdAt":"2026-01-01T00:00:00Z","updatedAt":"x","answers":{}}""", "\"updatedAt\"")]
    [InlineData("""{"format":"cqcguide.form/1","revision":1,"form":{"id":"aar","version":"1.0.0"},"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z","answers":{"title":7}}""", "neither text nor a table")]
    [InlineData("""{"format":"cqcguide.form/1","revision":1,"form":{"id":"aar","version":"1.0.0"},"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z","answers":{"factors":[{"factor":true}]}}""", "cell “factor” is not text")]
    [InlineData("""{"format":"cqcguide.form/1","revision":1,"form":{"id":"aar","version":"1.0.0"},"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z","answers":{},"unmatched":{}}""", "not a list")]
    public void A_stored_record_of_the_wrong_shape_is_reported(string stored, string reason)
    {
        var r = Run($"export const result = F.validateFormRecord(def, JSON.parse({JsonSerializer.Serialize(stored)}));");
        Assert.False(r.GetProperty("ok").GetBoolean());
        Assert.Contains(reason, r.GetProperty("reason").GetString());
    }

    [Fact]
    public void Keys_such_as_proto_stay_plain_data()
    {
        var r = Run("""
            const stored = JSON.parse('{"format":"cqcguide.form/1","revision":1,"form":{"id":"aar","version":"1.1.0"},"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z","answers":{"__proto__":"x","title":"T"}}');
            const checked = F.validateFormRecord(def, stored);
            const back = F.readFormImport(def, JSON.stringify(F.exportForm(def, checked.record)).replace('"answers":{', '"answers":{"__proto__":{"polluted":"yes"},'));
            export const result = { ok: checked.ok, polluted: ({}).polluted === 'yes' || Object.prototype.polluted !== undefined, title: checked.record.answers.title,
              unmatched: back.unmatched.map((u) => u.id) };
            """);
        Assert.True(r.GetProperty("ok").GetBoolean());
        Assert.False(r.GetProperty("polluted").GetBoolean());
        Assert.Equal("T", r.GetProperty("title").GetString());
    }

    [Fact]
    public void Required_fields_without_an_answer_give_gov_uk_messages_that_link_to_the_first_input()
    {
        var r = Run("""
            const answers = Object.create(null);
            answers.title = '   ';
            answers.factors = [{ factor: '', area: '', systemic: '' }];
            answers.rules = 'no';
            export const result = F.requiredErrors(def, answers);
            """);
        Assert.Equal(
            [
                "title|field-title-input|Enter an answer for “Short title”",
                "held|field-held-input|Enter a date for “When was it held?”",
                "kind|field-kind-1|Select an answer for “Kind of event”",
                "expected|field-expected-input|Enter an answer for “What was expected?”",
                "factors|field-factors-r1-factor|Fill in at least one row of “Contributory factors”",
            ],
            r.EnumerateArray().Select(e => $"{e.GetProperty("field").GetString()}|{e.GetProperty("target").GetString()}|{e.GetProperty("message").GetString()}"));
        var yesNo = Run("export const result = F.requiredErrors(def, Object.create(null)).find((e) => e.field === 'rules');");
        Assert.Equal("field-rules-yes", yesNo.GetProperty("target").GetString());
        Assert.Equal("Select yes or no for “Ground rules agreed?”", yesNo.GetProperty("message").GetString());
    }

    [Fact]
    public void The_markdown_record_reads_well_and_shows_typed_text_as_typed()
    {
        var r = Run("export const result = F.formMarkdown(def, filled(), { organisation: 'Example Care Group' });");
        var md = r.GetString()!;
        Assert.StartsWith("# After Action Review\n\nExample Care Group · Service: Oak House · Form version 1.1.0 · last saved 2 November 2026 at ", md);
        Assert.Contains("## 1. The event\n\n**Short title**\n\nEvening medicine missed\n\n", md);
        Assert.Contains("**When was it held?**\n\n2 November 2026\n\n", md);
        Assert.Contains("**Ground rules agreed?**\n\nYes\n\n", md);
        Assert.Contains("**What was expected?**\n\nThe evening round\\\nat 18:00\n\n", md);
        Assert.Contains("**What happened?**\n\n*Not answered*\n\n", md);
        Assert.Contains("Handover \\| sheet \\*lost\\*", md);
        Assert.Contains("| Factor | Area | Systemic? |\n| --- | --- | --- |\n| Two rounds at once | Tasks | Yes |\n| Agency nurse new | Person | No |\n\n", md);
        Assert.Contains("| One round per nurse | Deputy manager | 1 December 2026 |", md);
        Assert.DoesNotContain("Answers from an older version", md);
        Assert.EndsWith("\n", md);
        Assert.DoesNotContain("\n\n\n", md);
    }

    [Fact]
    public void Markdown_markup_typed_by_a_reader_is_escaped()
    {
        var r = Run("""
            const rec = filled();
            rec.answers.title = '# Not a heading';
            rec.answers.expected = '- not a list\n1. not numbered\n> not a quote\n<script>x</script> [link](http://x)';
            rec.answers.factors = [{ factor: 'a\nb | c', area: 'Tasks', systemic: 'no' }];
            export const result = F.formMarkdown(def, rec);
            """);
        var md = r.GetString()!;
        Assert.Contains("\\# Not a heading", md);
        Assert.Contains("\\- not a list\\\n1\\. not numbered\\\n\\> not a quote\\\n\\<script\\>x\\</script\\> \\[link\\](http://x)", md);
        Assert.Contains("| a<br>b \\| c | Tasks | No |", md);
    }

    [Fact]
    public void A_form_turns_into_a_draft_learning_log_with_areas_as_log_values()
    {
        var r = Run("""
            const draft = F.learningLogDraft(def, filled());
            export const result = { draft, content: F.draftHasContent(draft), none: F.learningLogDraft({ ...def, learningLog: null }, filled()),
              empty: F.draftHasContent(F.learningLogDraft(def, F.freshForm(def))) };
            """);
        var d = r.GetProperty("draft");
        Assert.Equal("after-action-review", d.GetProperty("method").GetString());
        Assert.Equal("Evening medicine missed", d.GetProperty("title").GetString());
        Assert.Equal("", d.GetProperty("summary").GetString());
        Assert.Equal("The evening round\nat 18:00", d.GetProperty("expected").GetString());
        Assert.Equal("Handover | sheet *lost*", d.GetProperty("why_different").GetString());
        Assert.Equal("""[{"id":"f1","area":"tasks","description":"Two rounds at once","systemic":true},{"id":"f2","area":"person","description":"Agency nurse new","systemic":false}]""",
            d.GetProperty("factors").GetRawText());
        Assert.Equal("""[{"id":"a1","description":"One round per nurse","addresses":[],"owner_role":"Deputy manager","due":"2026-12-01","status":"planned"}]""",
            d.GetProperty("actions").GetRawText());
        Assert.True(r.GetProperty("content").GetBoolean());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("none").ValueKind);
        Assert.False(r.GetProperty("empty").GetBoolean());
    }

    [Fact]
    public void The_hand_over_passes_the_draft_logs_own_validation_and_becomes_a_log_file()
    {
        var r = Run("""
            const record = H.handoverRecord(def, F.learningLogDraft(def, filled()), '2026-11-02T15:00:00.000Z');
            const stored = { ...record, revision: 1 };
            const checked = H.validateHandover(JSON.parse(JSON.stringify(stored)));
            const draft = H.draftFromHandover(checked.record);
            export const result = { ok: checked.ok, source: checked.record.source, empty: H.isEmptyDraft(draft), fresh: H.isEmptyDraft(null),
              cleared: H.isEmptyDraft(D.emptyDraft()), markdown: D.markdown({ ...draft, id: 'll-2026-100' }),
              bad: H.validateHandover({ ...stored, draft: { factors: 'not a list' } }), other: H.validateHandover({ ...stored, format: 'x' }) };
            """);
        Assert.True(r.GetProperty("ok").GetBoolean());
        Assert.Equal("""{"id":"aar","version":"1.1.0","title":"After Action Review"}""", r.GetProperty("source").GetRawText());
        Assert.False(r.GetProperty("empty").GetBoolean());
        Assert.True(r.GetProperty("fresh").GetBoolean());
        Assert.True(r.GetProperty("cleared").GetBoolean());
        var md = r.GetProperty("markdown").GetString()!;
        Assert.Contains("learning_response:\n  method: after-action-review\n  expected: \"The evening round\\nat 18:00\"\n", md);
        Assert.Contains("factors:\n  - id: f1\n    area: tasks\n    description: \"Two rounds at once\"\n    systemic: true\n", md);
        Assert.Contains("actions:\n  - id: a1\n    description: \"One round per nurse\"\n    addresses: []\n    owner_role: \"Deputy manager\"\n    due: 2026-12-01\n    status: planned\n", md);
        Assert.False(r.GetProperty("bad").GetProperty("ok").GetBoolean());
        Assert.Contains("“factors” is not a list", r.GetProperty("bad").GetProperty("reason").GetString());
        Assert.False(r.GetProperty("other").GetProperty("ok").GetBoolean());
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("""{"format":"cqcguide.answers/1","id":"x","version":"1","title":"t","sections":[]}""", "\"format\"")]
    [InlineData("""{"format":"cqcguide.form/1","id":"x","version":"1","title":"t","sections":[{"id":"s","fields":[{"id":"a","type":"slider","label":"A"}]}]}""", "type \"slider\"")]
    [InlineData("""{"format":"cqcguide.form/1","id":"x","version":"1","title":"t","sections":[{"id":"s","fields":[{"id":"a","type":"text","label":"A"},{"id":"a","type":"text","label":"B"}]}]}""", "used twice")]
    [InlineData("""{"format":"cqcguide.form/1","id":"x","version":"1","title":"t","sections":[{"id":"s","fields":[{"id":"a","type":"rows","label":"A","columns":[]}]}]}""", "no columns")]
    [InlineData("""{"format":"cqcguide.form/1","id":"x","version":"1","title":"t","sections":[{"id":"s","fields":[{"id":"a","type":"text","label":"A"}]}],"learningLog":{"method":"other","expected":"nope"}}""", "names no field")]
    public void A_broken_definition_on_the_page_fails_loudly_naming_the_problem(string json, string message)
    {
        var r = new ThemeJs().Run($$"""
            import * as F from './form-data.js';
            let error = null;
            try { F.readFormDefinition({{JsonSerializer.Serialize(json)}}); } catch (e) { error = e.message; }
            export const result = error;
            """);
        Assert.Contains(message, r.GetString());
        Assert.StartsWith("The form definition on this page cannot be used", r.GetString());
    }
}
