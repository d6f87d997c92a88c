using System.Text.Json;

namespace CqcGuide.Site.Tests.Theme;

/// <summary>plan.js: the improvement plan kept with the answers: read, checked, exported and handed to a draft log (run in Jint).</summary>
public class PlanModuleTests
{
    private static JsonElement Run(string body) => new ThemeJs().Run($$"""
        import * as A from './answers.js';
        import * as P from './plan.js';
        import { validateHandover, handoverRecord } from './handover.js';
        {{AnswersModuleTests.Def}}
        const item = (over) => ({ id: 'p1', statement: 'one.a', what: 'Hold a learning huddle', why: '', owner: '', due: '', completed: '', measure: '', status: 'planned', ...over });
        {{body}}
        """);

    public static TheoryData<string, string> Hostile() => new()
    {
        { "{ plan: 'p1' }", "is not a list of items" },
        { "{ plan: [1, 2] }", "item 1 of its improvement plan is not a plan item" },
        { "{ plan: [{ id: '__proto__', what: 'x', status: 'planned' }] }", "has no valid id" },
        { "{ plan: [{ id: 'P1<b>', what: 'x', status: 'planned' }] }", "has no valid id" },
        { "{ plan: [{ id: 'p1', what: 'x', status: 'planned' }, { id: 'p1', what: 'y', status: 'planned' }] }", "repeats the id “p1”" },
        { "{ plan: [{ id: 'p1', what: '   ', status: 'planned' }] }", "does not say what will be done" },
        { "{ plan: [{ id: 'p1', what: 'x', status: 'finished' }] }", "not one of planned, in-progress, done, dropped" },
        { "{ plan: [{ id: 'p1', what: 'x', status: 'planned', due: '2027-02-30' }] }", "“due” of item 1 of its improvement plan is not a date" },
        { "{ plan: [{ id: 'p1', what: 'x', status: 'planned', owner: { toString: 1 } }] }", "“owner” of item 1 of its improvement plan is not text" },
        { "{ plan: [{ id: 'p1', what: 'x'.repeat(41), status: 'planned' }] }", "longer than 40 characters" },
        { "{ plan: [1, 2, 3, 4].map((n) => ({ id: 'p' + n, what: 'x', status: 'planned' })) }", "has 4 items; the limit is 3" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void An_import_with_a_wrong_plan_is_refused_with_the_reason_and_nothing_else_is_read(string extra, string message)
    {
        var r = Run($$"""
            const file = { format: 'cqcguide.answers/2', assessment: { id: 'demo', version: '2.0.0' }, model: { id: 'learning-maturity', version: '1.0.0' },
              createdAt: '2026-01-01T09:00:00Z', updatedAt: '2026-01-01T09:00:00Z', revision: 1, answers: { 'one.a': { value: '2' } }, ...({{extra}}) };
            const read = A.readImport(def, JSON.stringify(file));
            export const result = { ok: read.ok, errors: read.errors ?? [] };
            """);
        Assert.False(r.GetProperty("ok").GetBoolean());
        Assert.Contains(r.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_plan_round_trips_through_export_and_import_and_a_plan_being_written_is_kept_in_storage()
    {
        var r = Run("""
            const record = A.newRecord(def, '2026-01-01T09:00:00.000Z');
            record.file.plan = [item({ owner: 'Registered manager', due: '2027-01-31' }), item({ id: 'p2', statement: '', what: 'Our own', status: 'done', completed: '2026-11-30' })];
            const file = A.exportable(def, record);
            const back = A.readImport(def, A.toJson(file));
            // A plan being written: "what" cleared, a date typed in part. The stored record still reads (nothing is lost).
            const draft = A.newRecord(def);
            draft.revision = 1;
            draft.file.plan = [item({ what: '', due: '2027--5' })];
            const stored = A.validateStored(def, JSON.parse(JSON.stringify(draft)));
            export const result = { plan: file.plan, ok: back.ok, imported: back.file.plan, stored: stored.ok, storedPlan: stored.record?.file.plan,
              problems: P.planProblems(draft.file.plan, def.plan),
              // Two tabs adding at once can leave one item too many, or a long paste: still readable, named before a download.
              crowded: A.validateStored(def, JSON.parse(JSON.stringify({ ...draft, file: { ...draft.file, plan: [1, 2, 3, 4].map((n) => item({ id: 'p' + n, what: 'x'.repeat(50) })) } }))).ok,
              crowdedProblems: P.planProblems([1, 2, 3, 4].map((n) => item({ id: 'p' + n, what: 'x'.repeat(50) })), def.plan).length };
            """);
        Assert.Equal("""[{"id":"p1","statement":"one.a","what":"Hold a learning huddle","owner":"Registered manager","due":"2027-01-31","status":"planned"},{"id":"p2","what":"Our own","completed":"2026-11-30","status":"done"}]""",
            r.GetProperty("plan").GetRawText());
        Assert.True(r.GetProperty("ok").GetBoolean());
        Assert.Equal("Registered manager", r.GetProperty("imported")[0].GetProperty("owner").GetString());
        Assert.Equal("", r.GetProperty("imported")[1].GetProperty("statement").GetString());
        Assert.True(r.GetProperty("stored").GetBoolean());
        Assert.Equal("2027--5", r.GetProperty("storedPlan")[0].GetProperty("due").GetString());
        Assert.Equal(["Enter what you will do for item 1", "Enter the due date of item 1 as a real date, for example 31 1 2027"],
            r.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()));
        Assert.True(r.GetProperty("crowded").GetBoolean());
        Assert.Equal(5, r.GetProperty("crowdedProblems").GetInt32()); // four too long, and one item too many
    }

    [Fact]
    public void Date_boxes_become_one_date_and_back_and_only_real_days_count()
    {
        var r = Run("""
            export const result = {
              whole: P.dateOf({ day: '5', month: '1', year: '2027' }), empty: P.dateOf({ day: ' ', month: '', year: '' }), part: P.dateOf({ day: '5', month: '', year: '2027' }),
              parts: P.dateParts('2027-01-05'), partial: P.dateParts('2027--5'),
              days: ['2027-01-05', '2027-02-29', '2028-02-29', '2027-13-01', '27-01-05', '', '0000-01-01'].map(P.isDay),
              cut: [P.cut('ab😀', 3), P.cut('ab😀', 4), P.cut('abc', 5)],
            };
            """);
        Assert.Equal("2027-01-05", r.GetProperty("whole").GetString());
        Assert.Equal("", r.GetProperty("empty").GetString());
        Assert.Equal("2027--05", r.GetProperty("part").GetString());
        Assert.Equal("""{"day":"05","month":"01","year":"2027"}""", r.GetProperty("parts").GetRawText());
        Assert.Equal("""{"day":"5","month":"","year":"2027"}""", r.GetProperty("partial").GetRawText());
        Assert.Equal([true, false, true, false, false, false, false], r.GetProperty("days").EnumerateArray().Select(e => e.GetBoolean()));
        Assert.Equal(["ab", "ab😀", "abc"], r.GetProperty("cut").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Exports_escape_what_a_team_typed_and_neutralise_spreadsheet_formulas()
    {
        var r = Run("""
            import { csv } from './format.js';
            const plan = [item({ what: '=HYPERLINK("http://x")', why: 'See [here](http://evil) <img src=x onerror=alert(1)> *now*', owner: '@boss' })];
            const states = { p1: 'overdue' };
            export const result = {
              csv: csv(P.planCsvRows(def, plan, states)),
              md: P.planMarkdown(def, plan, states, { service: 'Care & Co <b>', today: '2026-12-02', completedBy: 'Team\nlead' }),
            };
            """);
        var csv = r.GetProperty("csv").GetString()!;
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\")\",", csv);
        Assert.Contains("'@boss", csv);
        Assert.EndsWith(",Planned,Overdue\r\n", csv);
        var md = r.GetProperty("md").GetString()!;
        Assert.Contains("- **Why:** See \\[here\\](http://evil) \\<img src=x onerror=alert(1)\\> \\*now\\*", md);
        Assert.Contains("- **Service:** Care \\& Co \\<b\\>", md);
        Assert.Contains("- **Completed by:** Team lead", md);
        Assert.Contains("- **Status:** Planned (overdue on 2 December 2026)", md);
        Assert.DoesNotMatch(@"(?<!\\)[<>\[\]*]", md.Replace("**", "", StringComparison.Ordinal)); // every such character a team typed is escaped
    }

    [Fact]
    public void A_plan_item_hands_over_a_draft_the_draft_log_accepts_with_the_item_as_its_first_action()
    {
        var r = Run("""
            const cqc = { ...def, model: { ...def.model, cqc: true } };
            const draft = P.planItemDraft(cqc, item({ why: 'Scored 1.', owner: 'Registered manager', due: '2027-01-31', measure: 'Huddles a month', status: 'in-progress' }), '2026-12-02');
            const checked = validateHandover(handoverRecord({ id: 'demo', version: '2.0.0', title: 'Demo' }, draft));
            export const result = { ok: checked.ok, reason: checked.reason ?? '', draft };
            """);
        Assert.True(r.GetProperty("ok").GetBoolean(), r.GetProperty("reason").GetString());
        var draft = r.GetProperty("draft");
        Assert.Equal("Hold a learning huddle", draft.GetProperty("title").GetString());
        Assert.Equal(["one.a"], draft.GetProperty("quality_statements").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Our self-assessment (Demo assessment) found a weakness in “A?”. Scored 1.", draft.GetProperty("summary").GetString());
        var action = draft.GetProperty("actions")[0];
        Assert.Equal(("Hold a learning huddle", "Registered manager", "2027-01-31", "in-progress", "Huddles a month"),
            (action.GetProperty("description").GetString(), action.GetProperty("owner_role").GetString(), action.GetProperty("due").GetString(),
             action.GetProperty("status").GetString(), action.GetProperty("measure").GetString()));
    }
}
