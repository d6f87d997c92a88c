using System.Text.Json;

namespace CqcGuide.Site.Tests.Theme;

/// <summary>
/// session.js, the editing session every page with reader data shares: autosave, merge with another tab's save,
/// "ask" when both tabs changed the same field, save on pagehide, storage turned off (run in Jint with a fake
/// localStorage; two sessions on one storage are two tabs).
/// </summary>
public class SessionModuleTests
{
    private const string Setup = """
        import { Session } from './session.js';
        import { RecordStore } from './store.js';
        const validate = (v) => (v && typeof v.notes === 'object' && !Array.isArray(v.notes) ? { ok: true, record: v } : { ok: false, reason: 'no notes' });
        const conflicts = [];
        const tab = (name) => {
          const status = { textContent: '', classList: { toggle() {} } };
          const session = new Session({ store: new RecordStore('test', 'x', validate), fresh: () => ({ revision: 0, notes: {} }), noun: 'answers',
            status, render: () => {}, onConflict: (c) => conflicts.push({ tab: name, key: c.field.key, theirs: c.theirs, mine: c.mine }) });
          session.start();
          return { session, status };
        };
        const note = (id) => ({ key: `note:${id}`, label: `note ${id}`, get: (r) => r.notes[id], set: (r, v) => { r.notes[id] = v; } });
        const stored = () => JSON.parse(localStorage.getItem('cqcguide:test:x'));
        const deliver = () => __fire('storage', { key: 'cqcguide:test:x' });
        """;

    private static JsonElement Run(string body)
    {
        var js = new ThemeJs();
        return js.Run(Setup + body);
    }

    [Fact]
    public void A_note_typed_just_before_another_tab_saves_is_merged_not_dropped()
    {
        var r = Run("""
            const a = tab('a');
            const b = tab('b');
            a.session.edit(note('q1'), 'Typed in tab A');          // pending: autosave in 400 ms
            b.session.edit(note('q2'), 'Saved by tab B', 0);
            b.session.flush();                                      // tab B saves first
            deliver();                                              // tab A hears of it before its own save
            const shownBeforeSave = a.session.record.notes.q1;
            __runTimers();                                          // tab A's autosave
            export const result = { stored: stored().notes, shownBeforeSave, statusA: a.status.textContent, conflicts };
            """);
        Assert.Equal("Typed in tab A", r.GetProperty("stored").GetProperty("q1").GetString());
        Assert.Equal("Saved by tab B", r.GetProperty("stored").GetProperty("q2").GetString());
        Assert.Equal("Typed in tab A", r.GetProperty("shownBeforeSave").GetString());
        Assert.StartsWith("Saved at", r.GetProperty("statusA").GetString());
        Assert.Equal(0, r.GetProperty("conflicts").GetArrayLength());
    }

    [Fact]
    public void When_two_tabs_write_the_same_revision_at_once_the_tab_whose_save_was_replaced_saves_its_changes_again()
    {
        var r = Run("""
            const a = tab('a');
            a.session.edit(note('q1'), 'Typed in tab A', 0);
            a.session.flush();                                      // revision 1 with A's note
            // Tab B read revision 0 before A's write landed, and its write of revision 1 replaced A's (no atomic swap across tabs).
            localStorage.setItem('cqcguide:test:x', JSON.stringify({ revision: 1, updatedAt: '2099-01-01T00:00:00.000Z', notes: { q2: 'Typed in tab B' } }));
            deliver();                                              // tab A hears of a record with its own revision
            __runTimers();
            const afterRace = stored();
            // An ordinary later save by another tab (a newer revision) is taken as it is: nothing is replayed twice.
            localStorage.setItem('cqcguide:test:x', JSON.stringify({ ...afterRace, revision: afterRace.revision + 1, updatedAt: '2099-01-02T00:00:00.000Z', notes: { q2: 'Cleared q1 in tab B' } }));
            deliver();
            __runTimers();
            export const result = { afterRace, shown: a.session.record.notes, final: stored(), conflicts };
            """);
        Assert.Equal("Typed in tab A", r.GetProperty("afterRace").GetProperty("notes").GetProperty("q1").GetString());
        Assert.Equal("Typed in tab B", r.GetProperty("afterRace").GetProperty("notes").GetProperty("q2").GetString());
        Assert.Equal(2, r.GetProperty("afterRace").GetProperty("revision").GetInt32());
        Assert.False(r.GetProperty("final").GetProperty("notes").TryGetProperty("q1", out _));
        Assert.False(r.GetProperty("shown").TryGetProperty("q1", out _));
        Assert.Equal(0, r.GetProperty("conflicts").GetArrayLength());
    }

    [Fact]
    public void A_tab_whose_save_was_replaced_finds_out_at_its_next_write_before_the_storage_event_arrives()
    {
        var r = Run("""
            const a = tab('a');
            a.session.edit(note('q1'), 'Typed in tab A', 0);
            a.session.flush();
            localStorage.setItem('cqcguide:test:x', JSON.stringify({ revision: 1, updatedAt: '2099-01-01T00:00:00.000Z', notes: { q2: 'Typed in tab B' } }));
            a.session.edit(note('q3'), 'Then typed in tab A', 0);  // no storage event yet
            a.session.flush();
            export const result = { stored: stored(), conflicts };
            """);
        var notes = r.GetProperty("stored").GetProperty("notes");
        Assert.Equal("Typed in tab A", notes.GetProperty("q1").GetString());
        Assert.Equal("Typed in tab B", notes.GetProperty("q2").GetString());
        Assert.Equal("Then typed in tab A", notes.GetProperty("q3").GetString());
        Assert.Equal(2, r.GetProperty("stored").GetProperty("revision").GetInt32());
        Assert.Equal(0, r.GetProperty("conflicts").GetArrayLength());
    }

    [Fact]
    public void A_save_that_finds_a_newer_record_merges_and_says_so()
    {
        var r = Run("""
            const a = tab('a');
            const b = tab('b');
            b.session.edit(note('q2'), 'B', 0);
            b.session.flush();
            a.session.edit(note('q1'), 'A', 0);
            const saved = a.session.flush();                       // no storage event yet: the write itself finds the conflict
            export const result = { saved, stored: stored(), status: a.status.textContent };
            """);
        Assert.True(r.GetProperty("saved").GetBoolean());
        Assert.Equal(2, r.GetProperty("stored").GetProperty("revision").GetInt32());
        Assert.Equal("A", r.GetProperty("stored").GetProperty("notes").GetProperty("q1").GetString());
        Assert.Equal("B", r.GetProperty("stored").GetProperty("notes").GetProperty("q2").GetString());
        Assert.Contains("together with changes made in another tab", r.GetProperty("status").GetString());
    }

    [Fact]
    public void When_both_tabs_change_the_same_note_this_tabs_text_is_saved_and_the_other_is_offered()
    {
        var r = Run("""
            const a = tab('a');
            const b = tab('b');
            a.session.edit(note('q1'), 'Version A');
            b.session.edit(note('q1'), 'Version B', 0);
            b.session.flush();
            deliver();
            __runTimers();
            export const result = { stored: stored().notes.q1, conflicts };
            """);
        Assert.Equal("Version A", r.GetProperty("stored").GetString());
        var c = r.GetProperty("conflicts")[0];
        Assert.Equal("a", c.GetProperty("tab").GetString());
        Assert.Equal("note:q1", c.GetProperty("key").GetString());
        Assert.Equal("Version B", c.GetProperty("theirs").GetString());
        Assert.Equal("Version A", c.GetProperty("mine").GetString());
    }

    [Fact]
    public void Pending_edits_are_saved_when_the_page_is_left()
    {
        var r = Run("""
            const a = tab('a');
            a.session.edit(note('q1'), 'Typed just before leaving');
            const before = localStorage.getItem('cqcguide:test:x');
            __fire('pagehide');
            export const result = { before, after: stored().notes.q1 };
            """);
        Assert.Equal(JsonValueKind.Null, r.GetProperty("before").ValueKind);
        Assert.Equal("Typed just before leaving", r.GetProperty("after").GetString());
    }

    [Fact]
    public void With_storage_turned_off_nothing_throws_and_the_status_says_not_saved()
    {
        var r = Run("""
            localStorage.refuse = true;
            const a = tab('a');
            const startStatus = a.status.textContent;
            a.session.edit(note('q1'), 'x', 0);
            const saved = a.session.flush();
            const removed = a.session.remove();
            export const result = { startStatus, saved, status: a.status.textContent, removed, shown: a.session.record.notes.q1 };
            """);
        Assert.StartsWith("Not saved: this browser is not letting the site save anything", r.GetProperty("startStatus").GetString());
        Assert.False(r.GetProperty("saved").GetBoolean());
        Assert.StartsWith("Not saved:", r.GetProperty("status").GetString());
        Assert.False(r.GetProperty("removed").GetProperty("ok").GetBoolean());
        Assert.StartsWith("Nothing was deleted:", r.GetProperty("removed").GetProperty("message").GetString());
        Assert.Equal("x", r.GetProperty("shown").GetString());
    }

    [Fact]
    public void A_corrupt_record_is_reported_at_start_and_never_overwritten()
    {
        var r = Run("""
            localStorage.setItem('cqcguide:test:x', '{"revision":1}');
            const status = { textContent: '', classList: { toggle() {} } };
            const s = new Session({ store: new RecordStore('test', 'x', validate), fresh: () => ({ revision: 0, notes: {} }), noun: 'answers', status });
            const state = s.start();
            export const result = { state: state.state, reason: state.reason, raw: localStorage.getItem('cqcguide:test:x') };
            """);
        Assert.Equal("corrupt", r.GetProperty("state").GetString());
        Assert.Equal("no notes", r.GetProperty("reason").GetString());
        Assert.Equal("{\"revision\":1}", r.GetProperty("raw").GetString());
    }

    [Fact]
    public void Another_tabs_delete_is_followed_unless_this_tab_has_unsaved_text()
    {
        var r = Run("""
            const a = tab('a');
            const b = tab('b');
            a.session.edit(note('q1'), 'Saved', 0);
            a.session.flush();
            deliver();
            b.session.edit(note('q2'), 'Typing');
            a.session.remove();
            deliver();
            __runTimers();
            export const result = { a: a.session.record.notes, stored: stored().notes };
            """);
        Assert.Empty(r.GetProperty("a").EnumerateObject());
        Assert.Equal(["q2"], r.GetProperty("stored").EnumerateObject().Select(p => p.Name));
    }
}
