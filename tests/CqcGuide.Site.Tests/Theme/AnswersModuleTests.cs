using System.Text.Json;

namespace CqcGuide.Site.Tests.Theme;

/// <summary>answers.js: the answers file the self-assessment pages keep, export, import and migrate (run in Jint).</summary>
public class AnswersModuleTests
{
    /// <summary>A small definition with a conditional follow-up question, in the shape definition.js describes.</summary>
    internal const string Def = """
        const def = {
          format: 'cqcguide.answers/2', id: 'demo', version: '2.0.0', title: 'Demo assessment', notice: 'Self-assessment',
          model: { id: 'learning-maturity', version: '1.0.0', title: 'Maturity', cqc: false }, groups: [],
          urls: { start: '/a/', tasks: '/a/tasks/', check: '/a/check/', results: '/a/results/', manage: '/a/manage/', plan: '/a/plan/' },
          plan: { statuses: [{ value: 'planned', label: 'Planned' }, { value: 'in-progress', label: 'In progress' }, { value: 'done', label: 'Done' }, { value: 'dropped', label: 'Dropped' }],
            states: [{ value: 'open', label: 'Open' }, { value: 'overdue', label: 'Overdue' }, { value: 'done', label: 'Done' }, { value: 'dropped', label: 'Dropped' }],
            idPattern: '^[a-z0-9][a-z0-9-]{0,39}$', maxItems: 3, maxWhat: 40, maxText: 100, maxOwner: 20 },
          sections: [
            { id: 'one', title: 'One', url: '/a/one/', questions: [
              { id: 'one.a', anchor: 'q-one.a', number: 1, text: 'A?', input: 'choice', scored: true, options: [{ value: '1', label: '1' }, { value: '2', label: '2' }, { value: '4', label: '4 – Best' }] },
              { id: 'one.a.plan', anchor: 'q-one.a.plan', number: 0, text: 'Plan?', input: 'text', scored: false, options: [], showIf: { question: 'one.a', in: ['1', '2'] } },
              { id: 'one.b', anchor: 'q-one.b', number: 2, text: 'B?', input: 'choice', scored: true, options: [{ value: '1', label: '1' }, { value: '4', label: '4' }] } ] },
            { id: 'two', title: 'Two', url: '/a/two/', questions: [
              { id: 'two.a', anchor: 'q-two.a', number: 3, text: 'C?', input: 'choice', scored: true, options: [{ value: '1', label: '1' }, { value: '4', label: '4' }] } ] },
          ],
        };
        """;

    private static JsonElement Run(string body) => new ThemeJs().Run($$"""
        import * as A from './answers.js';
        {{Def}}
        {{body}}
        """);

    [Fact]
    public void An_exported_file_imports_back_with_every_answer_note_and_section_completion()
    {
        var r = Run("""
            const record = A.newRecord(def, '2026-01-01T09:00:00.000Z');
            A.setAnswer(record, def.sections[0].questions[0], '4', 'Audited monthly');
            A.setAnswer(record, def.sections[0].questions[2], undefined, 'A note before answering');
            A.setAnswer(record, def.sections[1].questions[0], '1', undefined);
            record.progress.completed = ['one', 'two'];
            record.revision = 7;
            record.updatedAt = '2026-03-04T15:30:00.000Z';
            const file = A.exportable(def, record);
            const back = A.readImport(def, A.toJson(file));
            const restored = A.importedRecord(A.newRecord(def), back);
            export const result = { file, ok: back.ok, completed: back.completed, answered: back.answered, unmapped: back.unmapped,
              b: A.answerOf(restored, def.sections[0].questions[2]), a: A.answerOf(restored, def.sections[0].questions[0]),
              restoredCompleted: restored.progress.completed, statuses: def.sections.map((s) => A.sectionStatus(def, restored, s)) };
            """);
        var file = r.GetProperty("file");
        Assert.Equal("2026-03-04T15:30:00.000Z", file.GetProperty("updatedAt").GetString()); // the last save, not the first
        Assert.Equal("2026-01-01T09:00:00.000Z", file.GetProperty("createdAt").GetString());
        Assert.Equal(7, file.GetProperty("revision").GetInt32());
        Assert.False(file.GetProperty("answers").TryGetProperty("one.b", out _), "a note-only answer has no value, so it is not a scored answer");
        Assert.Equal("A note before answering", file.GetProperty("extra").GetProperty("notes/one.b").GetProperty("note").GetString());
        Assert.Equal("one two", file.GetProperty("extra").GetProperty("progress/completed").GetProperty("value").GetString());
        Assert.True(r.GetProperty("ok").GetBoolean());
        Assert.Equal(["one", "two"], r.GetProperty("completed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, r.GetProperty("answered").GetInt32());
        Assert.Equal(0, r.GetProperty("unmapped").GetArrayLength());
        Assert.Equal("A note before answering", r.GetProperty("b").GetProperty("note").GetString());
        Assert.Equal("Audited monthly", r.GetProperty("a").GetProperty("note").GetString());
        Assert.Equal(["one", "two"], r.GetProperty("restoredCompleted").EnumerateArray().Select(e => e.GetString()));
        // Section one is marked complete but its question 2 has only a note, so it shows as in progress (as before export).
        Assert.Equal(["In progress", "Completed"], r.GetProperty("statuses").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Who_completed_it_travels_with_the_file_and_a_hostile_one_is_cut_to_length()
    {
        var r = Run("""
            const record = A.newRecord(def, '2026-01-01T09:00:00.000Z');
            record.progress.completedBy = 'Registered manager, <b>deputy</b>';
            const file = A.exportable(def, record);
            const back = A.readImport(def, A.toJson(file));
            const restored = A.importedRecord(A.newRecord(def), back);
            const long = A.readImport(def, A.toJson({ ...file, extra: { 'progress/completed-by': { value: 'x'.repeat(5000) } } }));
            const stored = A.validateStored(def, { ...record, progress: { ...record.progress, completedBy: 7 } });
            export const result = { value: file.extra['progress/completed-by'].value, restored: restored.progress.completedBy,
              long: long.completedBy.length, unmapped: back.unmapped.length, stored: stored.ok };
            """);
        Assert.Equal("Registered manager, <b>deputy</b>", r.GetProperty("value").GetString()); // text, never markup: the page sets it as a value
        Assert.Equal("Registered manager, <b>deputy</b>", r.GetProperty("restored").GetString());
        Assert.Equal(200, r.GetProperty("long").GetInt32());
        Assert.Equal(0, r.GetProperty("unmapped").GetInt32());
        Assert.False(r.GetProperty("stored").GetBoolean());
    }

    [Fact]
    public void Next_steps_carry_the_teams_note_and_plan_and_start_a_draft_log()
    {
        var r = Run("""
            const record = A.newRecord(def, '2026-01-01T09:00:00.000Z');
            A.setAnswer(record, def.sections[0].questions[0], '2', 'Only one person knows how');
            A.setAnswer(record, def.sections[0].questions[1], 'Train a second person', undefined);
            const items = A.nextStepItems(def, record, [{ id: 'one.a', groupId: 'one', groupName: 'One', score: 2, source: 'new' }, { id: 'gone', groupId: 'one', groupName: 'One', score: 1, source: 'new' }]);
            export const result = { count: items.length, label: items[0].scoreLabel, note: items[0].note, plan: items[0].plan, draft: A.nextStepDraft(def, items[0], '2026-12-02') };
            """);
        Assert.Equal(1, r.GetProperty("count").GetInt32()); // a step the page has no question for is left out
        Assert.Equal("2", r.GetProperty("label").GetString());
        Assert.Equal("Only one person knows how", r.GetProperty("note").GetString());
        Assert.Equal("""[{"question":"Plan?","answer":"Train a second person"}]""", r.GetProperty("plan").GetRawText());
        var draft = r.GetProperty("draft");
        Assert.Equal("Self-assessment: A?", draft.GetProperty("title").GetString()); // not a CQC statement: quoted as written
        Assert.Equal("Our self-assessment (Demo assessment) scored “A?” 2. Our note: Only one person knows how Plan? Train a second person", draft.GetProperty("summary").GetString());
        Assert.Equal(("risk", "2026-12-02"), (draft.GetProperty("event_type").GetString(), draft.GetProperty("identified").GetString()));
        Assert.Equal(0, draft.GetProperty("quality_statements").GetArrayLength()); // not a CQC model: no statement ids
    }

    [Fact]
    public void An_import_lists_answers_it_cannot_place_and_keeps_proto_keys_as_data()
    {
        var r = Run("""
            const text = JSON.stringify({ format: 'cqcguide.answers/1', assessment: { id: 'demo', version: '1.0.0' }, model: { id: 'learning-maturity', version: '1.0.0' },
              createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-02-01T00:00:00Z', revision: 3,
              answers: { 'one.a': { value: '4' }, 'one.retired': { value: '2', note: 'old' }, 'one.b': { value: '9' }, 'two.a': 5 } })
              .replace('"two.a"', '"__proto__":{"value":"1"},"two.a"');
            const r = A.readImport(def, text);
            export const result = { ok: r.ok, migrated: r.migrated, answered: r.answered, unmapped: r.unmapped.map((u) => u.id + '|' + u.value + '|' + u.reason),
              clean: Object.getPrototypeOf({}) === Object.prototype && !('value' in {}) };
            """);
        Assert.True(r.GetProperty("ok").GetBoolean());
        Assert.Equal("1.0.0", r.GetProperty("migrated").GetString());
        Assert.Equal(1, r.GetProperty("answered").GetInt32());
        var unmapped = r.GetProperty("unmapped").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Contains("one.retired|2|no question has this id in this version", unmapped);
        Assert.Contains("one.b|9|\"9\" is not one of this question's answers", unmapped);
        Assert.Contains("__proto__|1|no question has this id in this version", unmapped);
        Assert.Contains("two.a|5|the answer is not in the expected shape", unmapped);
        Assert.True(r.GetProperty("clean").GetBoolean(), "no prototype pollution");
    }

    public static TheoryData<string, string> BadImports() => new()
    {
        { "not json", "not valid JSON" },
        { "[1]", "does not contain a set of answers" },
        { """{"format":"x/2"}""", "format this site cannot read" },
        { """{"format":"cqcguide.answers/1","assessment":{"id":"other"}}""", "another assessment" },
        { """{"format":"cqcguide.answers/1","assessment":{"id":"demo"},"model":{"id":"cqc-saf"}}""", "another model" },
        { """{"format":"cqcguide.answers/1","assessment":{"id":"demo"},"model":{"id":"learning-maturity"},"revision":-1,"createdAt":"x","updatedAt":"2025-01-01T00:00:00Z","answers":[]}""", "no valid revision" },
    };

    [Theory]
    [MemberData(nameof(BadImports))]
    public void A_malformed_import_is_refused_with_a_message(string text, string message)
    {
        var r = Run($"export const result = A.readImport(def, {JsonSerializer.Serialize(text)});");
        Assert.False(r.GetProperty("ok").GetBoolean());
        Assert.Contains(message, string.Join(" ", r.GetProperty("errors").EnumerateArray().Select(e => e.GetString())));
    }

    [Fact]
    public void A_record_saved_for_an_older_version_is_migrated_by_question_id_and_keeps_notes_and_progress()
    {
        var r = Run("""
            const old = A.newRecord({ ...def, version: '1.0.0' }, '2025-01-01T00:00:00.000Z');
            old.file.answers['one.a'] = { value: '2', note: 'kept' };
            old.file.answers['one.gone'] = { value: '1' };
            old.file.answers['one.b'] = { note: 'only a note' };
            old.progress.completed = ['one'];
            old.revision = 4;
            const checked = A.validateStored(def, JSON.parse(JSON.stringify(old)));
            const m = A.migrate(def, checked.record);
            export const result = { from: m.migratedFrom, version: m.record.file.assessment.version, a: m.record.file.answers['one.a'],
              b: m.record.file.answers['one.b'], unmapped: m.record.unmapped.map((u) => u.id), completed: m.record.progress.completed };
            """);
        Assert.Equal("1.0.0", r.GetProperty("from").GetString());
        Assert.Equal("2.0.0", r.GetProperty("version").GetString());
        Assert.Equal("kept", r.GetProperty("a").GetProperty("note").GetString());
        Assert.Equal("only a note", r.GetProperty("b").GetProperty("note").GetString());
        Assert.Equal(["one.gone"], r.GetProperty("unmapped").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["one"], r.GetProperty("completed").EnumerateArray().Select(e => e.GetString()));
    }

    public static TheoryData<string, string> BadStored() => new()
    {
        { """{"revision":1}""", "holds no answers file" },
        { """{"revision":1,"file":{"format":"cqcguide.answers/1","assessment":{"id":"demo","version":"2.0.0"},"model":{"id":"learning-maturity"},"answers":{}},"progress":{"completed":5}}""", "completed sections" },
        { """{"revision":1,"file":{"format":"cqcguide.answers/1","assessment":{"id":"demo","version":"2.0.0"},"model":{"id":"learning-maturity"},"answers":{"one.a":{"value":4}}}}""", "not text" },
        { """{"revision":1,"file":{"format":"cqcguide.answers/1","assessment":{"id":"demo","version":"2.0.0"},"model":{"id":"learning-maturity"},"answers":[]}}""", "not a set of answers" },
        { """{"revision":1,"file":{"format":"cqcguide.answers/1","assessment":{"id":"other","version":"2.0.0"},"model":{"id":"learning-maturity"},"answers":{}}}""", "not for \"demo\"" },
        { """{"revision":"1"}""", "revision" },
        { """{"revision":1,"unmapped":"x","file":{"format":"cqcguide.answers/1","assessment":{"id":"demo","version":"2.0.0"},"model":{"id":"learning-maturity"},"answers":{}}}""", "unmatched answers" },
        { "[]", "not an object" },
    };

    [Theory]
    [MemberData(nameof(BadStored))]
    public void A_stored_record_of_the_wrong_shape_is_reported_not_used(string stored, string reason)
    {
        var r = Run($"export const result = A.validateStored(def, JSON.parse({JsonSerializer.Serialize(stored)}));");
        Assert.False(r.GetProperty("ok").GetBoolean());
        Assert.Contains(reason, r.GetProperty("reason").GetString());
    }

    [Fact]
    public void A_stored_record_without_progress_is_accepted_with_empty_progress_and_prototype_free_maps()
    {
        var r = Run("""
            const v = A.validateStored(def, JSON.parse('{"revision":2,"file":{"format":"cqcguide.answers/1","assessment":{"id":"demo","version":"2.0.0"},"model":{"id":"learning-maturity","version":"1.0.0"},"answers":{"__proto__":{"value":"1"}}}}'));
            export const result = { ok: v.ok, completed: v.record.progress.completed, proto: Object.getPrototypeOf(v.record.file.answers), own: Object.keys(v.record.file.answers) };
            """);
        Assert.True(r.GetProperty("ok").GetBoolean());
        Assert.Equal(0, r.GetProperty("completed").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("proto").ValueKind);
        Assert.Equal(["__proto__"], r.GetProperty("own").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Question_counts_leave_out_hidden_follow_up_questions()
    {
        var r = Run("""
            const record = A.newRecord(def);
            const before = A.progressCounts(def, record);
            A.setAnswer(record, def.sections[0].questions[0], '2', undefined);
            const low = A.progressCounts(def, record);
            A.setAnswer(record, def.sections[0].questions[0], '4', undefined);
            export const result = { before, low, high: A.progressCounts(def, record) };
            """);
        Assert.Equal(3, r.GetProperty("before").GetProperty("total").GetInt32());
        Assert.Equal(4, r.GetProperty("low").GetProperty("total").GetInt32());
        Assert.Equal(1, r.GetProperty("low").GetProperty("answered").GetInt32());
        Assert.Equal(3, r.GetProperty("high").GetProperty("total").GetInt32());
    }

    [Fact]
    public void The_csv_has_headings_people_read_and_keeps_the_ids_in_columns_of_their_own()
    {
        var r = Run("""
            const record = A.newRecord(def);
            A.setAnswer(record, def.sections[0].questions[0], '4', 'Fine');
            export const result = A.toCsvRows(def, record);
            """);
        var rows = r.EnumerateArray().Select(row => row.EnumerateArray().Select(c => c.ToString()).ToArray()).ToArray();
        Assert.Equal(["Assessment", "Assessment version", "Section", "Section ID", "Question number", "Question", "Question ID", "Scored", "Answer", "Answer value", "Note"], rows[0]);
        Assert.Equal(["Demo assessment", "2.0.0", "One", "one", "1", "A?", "one.a", "Yes", "4 – Best", "4", "Fine"], rows[1]);
        Assert.Equal(4, rows.Length); // the hidden follow-up question is not a row
    }
}
