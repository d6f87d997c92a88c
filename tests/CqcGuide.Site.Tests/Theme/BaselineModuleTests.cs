using System.Text.Json;

namespace CqcGuide.Site.Tests.Theme;

/// <summary>answers.js with a baseline (the last published scores an assessment starts from): read, kept, exported, refused when wrong (run in Jint).</summary>
public class BaselineModuleTests
{
    private static JsonElement Run(string body) => new ThemeJs().Run($$"""
        import * as A from './answers.js';
        {{AnswersModuleTests.Def}}
        const keep = { value: 'not-reassessed', label: 'Not re-assessed: keep the last published score' };
        const bdef = { ...def, baseline: { keep, scores: [1, 2, 3, 4].map((n) => ({ value: String(n), label: String(n) })) },
          sections: def.sections.map((s) => ({ ...s, questions: s.questions.map((q) => (q.scored ? { ...q, options: [...q.options, keep] } : q)) })) };
        const file = (extra) => JSON.stringify({ format: 'cqcguide.answers/2', assessment: { id: 'demo', version: '2.0.0' },
          model: { id: 'learning-maturity', version: '1.0.0' }, createdAt: '2026-01-01T09:00:00Z', updatedAt: '2026-01-02T09:00:00Z', revision: 1,
          answers: { 'one.a': { value: 'not-reassessed' }, 'one.b': { value: '4' } }, ...extra });
        {{body}}
        """);

    [Fact]
    public void A_baseline_and_keep_answers_import_store_and_export_unchanged()
    {
        var r = Run("""
            const read = A.readImport(bdef, file({ baseline: { publishedOn: '2026-03-14', scores: { 'two.a': '3', 'one.a': '2' } } }));
            const record = A.importedRecord(A.newRecord(bdef), read);
            record.revision = 1;
            const stored = A.validateStored(bdef, JSON.parse(JSON.stringify(record)));
            const exported = A.exportable(bdef, stored.record);
            export const result = { ok: read.ok, unmapped: read.unmapped.length, stored: stored.ok, baseline: exported.baseline, keep: exported.answers['one.a'].value };
            """);
        Assert.True(r.GetProperty("ok").GetBoolean());
        Assert.Equal(0, r.GetProperty("unmapped").GetInt32());
        Assert.True(r.GetProperty("stored").GetBoolean());
        Assert.Equal("""{"publishedOn":"2026-03-14","scores":{"one.a":"2","two.a":"3"}}""", r.GetProperty("baseline").GetRawText());
        Assert.Equal("not-reassessed", r.GetProperty("keep").GetString());
    }

    public static TheoryData<string, string> Hostile() => new()
    {
        { "{ baseline: [] }", "not in the expected shape" },
        { "{ baseline: { publishedOn: '2026-03-14' } }", "not in the expected shape" },
        { "{ baseline: { publishedOn: '2026-02-30', scores: {} } }", "not a date written YYYY-MM-DD" },
        { "{ baseline: { scores: { 'one.a': '5' } } }", "score for \"one.a\" is not 1, 2, 3 or 4" },
        { "{ baseline: { scores: { 'one.a': 2 } } }", "score for \"one.a\" is not 1, 2, 3 or 4" },
        { "{ baseline: { scores: { 'one.a.plan': '2' } } }", "not a statement of this assessment" },
        { "{ baseline: JSON.parse('{\"scores\":{\"__proto__\":\"2\"}}') }", "not a statement of this assessment" },
        { "{ format: 'cqcguide.answers/1', baseline: { scores: { 'one.a': '2' } } }", "has no last published scores" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_wrong_baseline_refuses_the_import_with_the_reason(string extra, string message)
    {
        var r = Run($$"""
            const read = A.readImport(bdef, file({{extra}}));
            export const result = { ok: read.ok, errors: read.errors ?? [] };
            """);
        Assert.False(r.GetProperty("ok").GetBoolean());
        Assert.Contains(r.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void An_assessment_without_a_baseline_refuses_one_and_does_not_take_keep_answers()
    {
        var r = Run("""
            const withBaseline = A.readImport(def, file({ baseline: { scores: { 'one.a': '2' } } }));
            const keepOnly = A.readImport(def, file({}));
            export const result = { errors: withBaseline.errors, unmapped: keepOnly.unmapped.map((u) => u.id) };
            """);
        Assert.Contains("does not start from published scores", r.GetProperty("errors")[0].GetString());
        Assert.Equal(["one.a"], r.GetProperty("unmapped").EnumerateArray().Select(e => e.GetString()));
    }
}
