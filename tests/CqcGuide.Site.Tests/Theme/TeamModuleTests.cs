using System.Text.Json;

namespace CqcGuide.Site.Tests.Theme;

/// <summary>team-data.js: the team page's imported files, roles, what it gives the compiled team rules, and the agreed answers (run in Jint).</summary>
public class TeamModuleTests
{
    private static JsonElement Run(string body) => new ThemeJs().Run($$"""
        import * as A from './answers.js';
        import * as T from './team-data.js';
        {{AnswersModuleTests.Def}}
        const file = (answers, extra) => JSON.stringify({ format: 'cqcguide.answers/2', assessment: { id: 'demo', version: '2.0.0' },
          model: { id: 'learning-maturity', version: '1.0.0' }, createdAt: '2026-01-01T09:00:00Z', updatedAt: '2026-01-02T09:00:00Z', revision: 1,
          answers, ...(extra ? { extra } : {}) });
        {{body}}
        """);

    public static TheoryData<string, string> HostileRoles() => new()
    {
        { "'  Registered\\n\\tmanager  '", "Registered manager" },
        { "'<img src=x onerror=alert(1)>'", "<img src=x onerror=alert(1)>" },   // kept as text; the page sets textContent
        { "'__proto__'", "__proto__" },
        { "'\\u0000\\u202e\\u2028Ni\\u200bght\\u2066'", "Night" },   // bidirectional overrides and zero-width characters dropped
        { "''", "From the file" },
        { "'   '", "From the file" },
    };

    [Theory]
    [MemberData(nameof(HostileRoles))]
    public void A_typed_role_is_cleaned_to_one_line_and_an_empty_one_takes_the_files_completed_by(string role, string expected)
    {
        var r = Run($$"""
            const team = T.newTeam();
            const read = T.readPerson(def, team, file({ 'one.a': { value: '2' } }, { 'progress/completed-by': { value: 'From the file' } }), { role: {{role}}, fileName: 'a.json' });
            export const result = { ok: read.ok, role: read.person?.role };
            """);
        Assert.True(r.GetProperty("ok").GetBoolean());
        Assert.Equal(expected, r.GetProperty("role").GetString());
    }

    [Fact]
    public void Roles_default_to_unused_person_numbers_and_bad_input_is_refused_with_every_reason()
    {
        var r = Run("""
            const team = T.newTeam();
            for (const v of ['1', '2']) team.people.push(T.readPerson(def, team, file({ 'one.a': { value: v } }), { role: '', fileName: v + '.json' }).person);
            team.people[0].role = 'Person 3';
            const third = T.readPerson(def, team, file({ 'one.a': { value: '4' } }), { role: '', fileName: 'c.json' });
            const same = T.readPerson(def, team, file({ 'one.a': { value: '2' } }), { role: 'x'.repeat(61), fileName: 'again.json' });
            const broken = T.readPerson(def, team, '{"format":"cqcguide.answers/2"', { role: '', fileName: 'bad.json' });
            export const result = { roles: team.people.map((p) => p.role), third: third.person.role, same: same.errors, broken: broken.errors };
            """);
        Assert.Equal(["Person 3", "Person 2"], r.GetProperty("roles").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Person 4", r.GetProperty("third").GetString());
        var same = r.GetProperty("same").EnumerateArray().Select(e => e.GetProperty("field").GetString() + ": " + e.GetProperty("message").GetString()).ToArray();
        Assert.Equal(["role: The role must be 60 characters or fewer", "file: This file is already in the comparison, as “Person 2”"], same);
        Assert.Contains("not valid JSON", r.GetProperty("broken")[0].GetProperty("message").GetString());
    }

    [Fact]
    public void The_rules_input_holds_scored_answers_only_and_the_agreed_answers_follow_the_teams_choices()
    {
        var r = Run("""
            const team = T.newTeam();
            team.people.push(T.readPerson(def, team, file({ 'one.a': { value: '2', note: 'n' }, 'one.a.plan': { value: 'typed' }, 'two.a': { value: '4' } }), { role: 'A' }).person);
            team.people.push(T.readPerson(def, team, file({ 'one.b': { value: '1' } }), { role: 'B' }).person);
            const presentation = { answers: [{ value: '1', label: '1', hint: null, divider: false }], baseline: null };
            const input = T.teamInput(def, presentation, team.people);
            const summary = { items: [{ id: 'one.a', consensus: '2' }, { id: 'one.b', consensus: '1' }, { id: 'two.a', consensus: null }] };
            const agreed = T.agreedAnswers(summary, Object.assign(Object.create(null), { 'one.b': '', 'two.a': '4' }));
            const record = T.agreedRecord(def, team.people, agreed, null, '2026-12-02T10:00:00.000Z');
            const exported = A.exportable(def, record);
            const stored = T.validateTeam(def, JSON.parse(JSON.stringify({ ...team, revision: 1 })));
            const tampered = T.validateTeam(def, { ...team, revision: 1, people: [{ role: 'A', file: { format: 'x' } }] });
            export const result = { input, agreed, exported, stored: stored.ok, tampered: tampered.reason };
            """);
        var input = r.GetProperty("input");
        Assert.Equal(["one.a", "one.b", "two.a"], input.GetProperty("items").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("{\"one.a\":\"2\",\"two.a\":\"4\"}", input.GetProperty("members")[0].GetProperty("answers").GetRawText());
        Assert.Equal(JsonValueKind.Null, input.GetProperty("keep").ValueKind);
        Assert.Equal("{\"one.a\":\"2\",\"two.a\":\"4\"}", r.GetProperty("agreed").GetRawText());
        var exported = r.GetProperty("exported");
        Assert.Equal("cqcguide.answers/2", exported.GetProperty("format").GetString());
        Assert.Equal("Agreed by A, B", exported.GetProperty("extra").GetProperty("progress/completed-by").GetProperty("value").GetString());
        Assert.True(r.GetProperty("stored").GetBoolean());
        Assert.Contains("cannot be read", r.GetProperty("tampered").GetString());
    }

    [Fact]
    public void The_agreed_answers_keep_the_baseline_the_team_rules_find_shared_and_none_when_they_differ()
    {
        var r = new ThemeJs().WithRules(CqcGuide.Rules.ScoringModels.TeamAssessment.Instance).Run($$"""
            import * as A from './answers.js';
            import * as T from './team-data.js';
            import * as rules from './rules/team-assessment.js';
            {{AnswersModuleTests.Def}}
            const file = (answers) => JSON.stringify({ format: 'cqcguide.answers/2', assessment: { id: 'demo', version: '2.0.0' },
              model: { id: 'learning-maturity', version: '1.0.0' }, createdAt: '2026-01-01T09:00:00Z', updatedAt: '2026-01-02T09:00:00Z', revision: 1, answers });
            const keep = { value: 'not-reassessed', label: 'Keep' };
            const bdef = { ...def, baseline: { keep, scores: [] },
              sections: def.sections.map((s) => ({ ...s, questions: s.questions.map((q) => (q.scored ? { ...q, options: [...q.options, keep] } : q)) })) };
            const presentation = { answers: [{ value: '1', label: '1', hint: null, divider: false }, { value: '2', label: '2', hint: null, divider: false }], baseline: { keep } };
            const team = T.newTeam();
            const add = (scores, v) => team.people.push(T.readPerson(bdef, team, file({ 'one.a': { value: v } }).replace('"answers"',
              `"baseline":${JSON.stringify({ publishedOn: '2026-03-14', scores })},"answers"`), { role: v }).person);
            add({ 'one.a': '2', 'two.a': '3' }, 'not-reassessed');
            add({ 'two.a': '3', 'one.a': '2' }, '1');
            const shared = rules.aggregate(T.teamInput(bdef, presentation, team.people));
            const same = T.agreedRecord(bdef, team.people, { 'one.a': 'not-reassessed' }, shared.baseline).file.baseline;
            add({ 'one.a': '4' }, '2');
            const apart = rules.aggregate(T.teamInput(bdef, presentation, team.people));
            export const result = { same: same && { publishedOn: same.publishedOn, scores: { ...same.scores } }, sharedDiffer: shared.baselinesDiffer,
              differ: apart.baselinesDiffer, none: apart.baseline, record: T.agreedRecord(bdef, team.people, {}, apart.baseline).file.baseline ?? null };
            """);
        Assert.Equal("""{"publishedOn":"2026-03-14","scores":{"one.a":"2","two.a":"3"}}""", r.GetProperty("same").GetRawText());
        Assert.False(r.GetProperty("sharedDiffer").GetBoolean());
        Assert.True(r.GetProperty("differ").GetBoolean());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("none").ValueKind);
        Assert.Equal(JsonValueKind.Null, r.GetProperty("record").ValueKind);
    }
}
