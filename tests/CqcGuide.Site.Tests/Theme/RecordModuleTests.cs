using System.Text.Json;

namespace CqcGuide.Site.Tests.Theme;

/// <summary>checklist-data.js, format.js, definition.js and store.js (with a fake localStorage), run in Jint.</summary>
public class RecordModuleTests
{
    private const string Checklist = """
        const ref = { id: 'four', version: '1.0.0', title: 'Four pitfalls' };
        const items = [{ id: 'blame', number: 1, text: 'No blame' }, { id: 'fix', number: 2, text: 'Fix, "then" learn' }];
        """;

    [Fact]
    public void A_checklist_file_round_trips_and_keeps_items_that_are_not_on_this_version()
    {
        var r = new ThemeJs().Run($$"""
            import * as C from './checklist-data.js';
            {{Checklist}}
            const record = C.freshChecklist(ref, '2026-01-01T00:00:00.000Z');
            record.items.blame = { done: true, note: 'Discussed' };
            record.items.retired = { done: true };
            record.revision = 3;
            record.updatedAt = '2026-02-02T10:00:00.000Z';
            const file = C.exportChecklist(record, items);
            const back = C.readChecklistImport(ref, items, JSON.stringify(file));
            export const result = { file, back, csv: C.checklistCsvRows(record, items) };
            """);
        var file = r.GetProperty("file");
        Assert.Equal(["blame", "retired"], file.GetProperty("items").EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-02-02T10:00:00.000Z", file.GetProperty("updatedAt").GetString());
        var back = r.GetProperty("back");
        Assert.True(back.GetProperty("ok").GetBoolean());
        Assert.Equal(1, back.GetProperty("ticked").GetInt32());
        Assert.Equal(1, back.GetProperty("notes").GetInt32());
        Assert.Equal(["retired"], back.GetProperty("unknown").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Discussed", back.GetProperty("items").GetProperty("blame").GetProperty("note").GetString());
        var csv = r.GetProperty("csv").EnumerateArray().Select(row => string.Join("|", row.EnumerateArray().Select(c => c.ToString()))).ToArray();
        Assert.Equal("Checklist|Checklist ID|Item number|Item|Item ID|Done|Note", csv[0]);
        Assert.Equal("Four pitfalls|four|1|No blame|blame|Yes|Discussed", csv[1]);
        Assert.Equal("Four pitfalls|four|2|Fix, \"then\" learn|fix|No|", csv[2]);
    }

    public static TheoryData<string, string> BadChecklistImports() => new()
    {
        { "{", "not valid JSON" },
        { """{"format":"cqcguide.answers/1"}""", "self-assessment answers" },
        { """{"format":"cqcguide.checklist/1","checklist":{"id":"other"},"items":{}}""", "another checklist" },
        { """{"format":"cqcguide.checklist/1","checklist":{"id":"four"},"items":{"blame":{"done":"yes"}},"updatedAt":"2026-01-01T00:00:00Z"}""", "not yes or no" },
        { """{"format":"cqcguide.checklist/1","checklist":{"id":"four"},"items":[],"updatedAt":"2026-01-01T00:00:00Z"}""", "not a set of items" },
    };

    [Theory]
    [MemberData(nameof(BadChecklistImports))]
    public void A_malformed_checklist_import_is_refused_with_a_message(string text, string message)
    {
        var r = new ThemeJs().Run($$"""
            import * as C from './checklist-data.js';
            {{Checklist}}
            export const result = C.readChecklistImport(ref, items, {{JsonSerializer.Serialize(text)}});
            """);
        Assert.False(r.GetProperty("ok").GetBoolean());
        Assert.Contains(message, r.GetProperty("errors")[0].GetString());
    }

    [Theory]
    [InlineData("""{"revision":1}""", "no valid format")]
    [InlineData("""{"format":"cqcguide.checklist/1","revision":1,"checklist":{"id":"four"},"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z","items":{"blame":{"note":7}}}""", "not text")]
    [InlineData("""{"format":"cqcguide.checklist/1","revision":1,"checklist":{"id":"other"},"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z","items":{}}""", "not for \"four\"")]
    public void A_stored_checklist_of_the_wrong_shape_is_reported(string stored, string reason)
    {
        var r = new ThemeJs().Run($"import * as C from './checklist-data.js'; export const result = C.validateChecklistRecord('four', JSON.parse({JsonSerializer.Serialize(stored)}));");
        Assert.False(r.GetProperty("ok").GetBoolean());
        Assert.Contains(reason, r.GetProperty("reason").GetString());
    }

    [Fact]
    public void Csv_cells_are_quoted_and_formulas_neutralised_and_file_names_carry_the_date()
    {
        var r = new ThemeJs().Run("""
            import * as F from './format.js';
            export const result = { cells: ['=SUM(A1)', '+1', 'a,b', 'say "hi"', 'two\nlines', null, 3].map(F.csvCell),
              file: F.csv([['a', 'b']]), name: F.datedName('demo-answers', 'json', new Date(2026, 10, 6, 23, 59)) };
            """);
        Assert.Equal(["'=SUM(A1)", "'+1", "\"a,b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"", "", "3"], r.GetProperty("cells").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("\uFEFFa,b\r\n", r.GetProperty("file").GetString());
        Assert.Equal("demo-answers-2026-11-06.json", r.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("{broken", "not valid JSON")]
    [InlineData("""{"format":"cqcguide.answers/2","id":"x","version":"1.0.0","title":"X","model":{"id":"m","version":"1"},"urls":{},"sections":[]}""", "\"urls\" needs")]
    [InlineData("""{"format":"cqcguide.answers/2","id":"x","version":"1.0.0","title":"X","model":{"id":"m","version":"1"},"urls":{"start":"/","tasks":"/","check":"/","results":"/","manage":"/","plan":"/"},"sections":[]}""", "\"plan\" needs statuses")]
    [InlineData("""{"format":"cqcguide.answers/2","id":"x","version":"1.0.0","title":"X","model":{"id":"m","version":"1"},"urls":{"start":"/","tasks":"/","check":"/","results":"/","manage":"/","plan":"/"},"plan":{"statuses":[{"value":"planned","label":"Planned"}],"idPattern":"^p$","maxItems":1,"maxWhat":1,"maxText":1,"maxOwner":1},"sections":[{"id":"s","url":"/s/","questions":[{"id":"q","anchor":"q-q","text":"Q","input":"slider","scored":true,"number":1,"options":[]}]}]}""", "input \"slider\"")]
    public void A_broken_definition_fails_at_start_up_naming_the_problem(string text, string message)
    {
        var r = new ThemeJs().Run($$"""
            import { readDefinition } from './definition.js';
            let error = null;
            try { readDefinition({{JsonSerializer.Serialize(text)}}); } catch (e) { error = e.name + ': ' + e.message; }
            export const result = error;
            """);
        Assert.StartsWith("DefinitionError: The assessment definition embedded in this page is not valid: ", r.GetString());
        Assert.Contains(message, r.GetString());
    }

    [Fact]
    public void The_store_refuses_a_stale_write_reports_wrong_shapes_and_never_throws_when_storage_is_off()
    {
        var r = new ThemeJs().Run("""
            import { RecordStore, storageAvailable } from './store.js';
            const store = new RecordStore('checklist', 'four', (v) => (Array.isArray(v.items) ? { ok: false, reason: 'items is a list' } : { ok: true, record: v }));
            const first = store.write({ items: {} }, 0);
            const stale = store.write({ items: {} }, 0);
            localStorage.setItem(store.key, '{"revision":1,"items":[]}');
            const wrong = store.read();
            const overwrite = store.write({ items: {} }, 1);
            const aside = store.setAside(wrong.raw);
            localStorage.refuse = true;
            const off = { available: storageAvailable(), read: store.read().state, write: store.write({ items: {} }, 0).ok, remove: store.remove().ok };
            export const result = { first: first.ok && first.record.revision, stale: stale.ok === false && stale.conflict.revision,
              wrong: wrong.state + ': ' + wrong.reason, overwrite: Boolean(overwrite.corrupt), aside: aside.startsWith('cqcguide:checklist:four:unreadable:'), off };
            """);
        Assert.Equal(1, r.GetProperty("first").GetInt32());
        Assert.Equal(1, r.GetProperty("stale").GetInt32());
        Assert.Equal("corrupt: items is a list", r.GetProperty("wrong").GetString());
        Assert.True(r.GetProperty("overwrite").GetBoolean(), "a corrupt record is never overwritten");
        Assert.True(r.GetProperty("aside").GetBoolean());
        var off = r.GetProperty("off");
        Assert.False(off.GetProperty("available").GetBoolean());
        Assert.Equal("unavailable", off.GetProperty("read").GetString());
        Assert.False(off.GetProperty("write").GetBoolean());
        Assert.False(off.GetProperty("remove").GetBoolean());
    }

    [Fact]
    public void A_page_only_store_keeps_the_record_until_removed_and_counts_revisions_like_storage()
    {
        var r = new ThemeJs().Run("""
            import { PageRecordStore } from './store.js';
            const store = new PageRecordStore();
            const empty = store.read();
            const first = store.write({ revision: 0, people: ['a'] }, 0);
            const second = store.write({ ...first.record, people: ['a', 'b'] }, first.record.revision);
            const read = store.read();
            store.remove();
            export const result = { pageOnly: store.pageOnly, empty: empty.state, first: first.record.revision, second: second.record.revision,
              read: read.record.people, after: store.read().state };
            """);
        Assert.True(r.GetProperty("pageOnly").GetBoolean());
        Assert.Equal("empty", r.GetProperty("empty").GetString());
        Assert.Equal(1, r.GetProperty("first").GetInt32());
        Assert.Equal(2, r.GetProperty("second").GetInt32());
        Assert.Equal(["a", "b"], r.GetProperty("read").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("empty", r.GetProperty("after").GetString());
    }
}
