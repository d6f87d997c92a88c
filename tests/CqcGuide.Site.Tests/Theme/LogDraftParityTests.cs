using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CqcGuide.Rules.LearningLogs;
using CqcGuide.Rules.ScoringModels;
using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Tests.Theme;

/// <summary>
/// A log the draft form accepts is a log the build accepts, and the other way round: 5,000 generated drafts, each
/// validated by the form's own code (log-validation.js with the compiled rules, in Jint) and downloaded as the form
/// downloads it (log-data.js <c>markdown</c>); every file is then checked by one build. The drafts are drawn from what
/// the form's controls can hold (date inputs, selects, radios, text), with every field sometimes empty and dates on
/// either side of the event, the problem's identification and today.
/// </summary>
public class LogDraftParityTests
{
    private const int Count = 5000;

    private static readonly string[] Statuses = ["draft", "learning-in-progress", "actions-open", "monitoring", "closed"];
    private static readonly string[] EventTypes = ["incident", "near-miss", "risk", "poor-outcome", "good-care"];
    private static readonly string[] Harms = ["none", "low", "moderate", "severe", "fatal"];
    private static readonly string[] Methods = ["after-action-review", "swarm-huddle", "mdt-review", "thematic-review", "psii", "other"];
    private static readonly string[] Areas = ["person", "tasks", "tools-technology", "organisation", "internal-environment", "external-environment"];
    private static readonly string[] ActionStatuses = ["planned", "in-progress", "done", "dropped"];
    private static readonly string[] Decisions = ["adopt", "adapt", "abandon"];
    private static readonly string[] Answers = ["yes", "no", "unknown"];
    private static readonly string[] Outcomes = ["death", "impairment", "body_structure", "prolonged_pain", "prolonged_psychological_harm", "shortened_life_expectancy", "treatment_needed"];

    private sealed class Draw(int seed)
    {
        private readonly Random random = new(seed);

        public bool Chance(double p) => random.NextDouble() < p;
        public T One<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
        public string Text(string text, double emptyChance = 0.08) => Chance(emptyChance) ? "" : text;

        /// <summary>The day the draft's story starts: up to a year before today.</summary>
        public DateOnly Start { get; set; }

        /// <summary>
        /// A date input's value, or empty: mostly in the story's order (a few days after <see cref="Start"/> plus
        /// <paramref name="after"/>, never after today), sometimes anywhere from a year before today to a week after.
        /// </summary>
        public string Date(double emptyChance = 0.1, int after = 0)
        {
            if (Chance(emptyChance)) return "";
            var day = Chance(0.12) ? Builds.Today.AddDays(random.Next(-400, 8)) : Start.AddDays(after + random.Next(0, 6));
            if (day > Builds.Today && !Chance(0.3)) day = Builds.Today;
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>One draft as the form reads it (<c>read()</c> in log-draft.js): every field present, text trimmed.</summary>
    private static JsonObject Draft(int n, Draw g)
    {
        g.Start = Builds.Today.AddDays(-g.One(Enumerable.Range(20, 340).ToArray()));
        var month = g.Chance(0.1);
        var occurred = g.Date(0.05);
        var d = new JsonObject
        {
            ["format"] = "cqcguide.log-draft/1",
            ["id"] = g.Chance(0.03) ? g.One(new[] { $"LL-P-{n}", $"ll_p_{n}", $"-ll-p-{n}" }) : $"ll-p-{n:00000}",
            ["title"] = g.Text("Fall on the stairs at night"),
            ["event_type"] = g.Chance(0.03) ? "" : g.One(EventTypes),
            ["occurred"] = month && occurred != "" ? occurred[..7] : occurred,
            ["occurred_month"] = month,
            ["identified"] = g.Chance(0.3) && !month ? occurred : g.Date(0.05, 2),
            ["harm"] = g.Chance(0.2) ? "" : g.One(Harms),
            ["summary"] = g.Text("A resident fell on the stairs at night and was found by staff."),
            ["body"] = g.Chance(0.5) ? "" : "The story, told by the team.",
            ["method"] = g.Chance(0.4) ? "" : g.One(Methods),
            ["held"] = g.Date(0.5, 8),
            ["roles"] = new JsonArray(g.Chance(0.5) ? [] : ["Night nurse", "Senior carer"]),
            ["expected"] = g.Text("checks every hour", 0.5), ["actual"] = g.Text("checks were missed", 0.5),
            ["why_different"] = g.Text("one carer covered two floors", 0.5), ["went_well"] = g.Text("quick first aid", 0.7),
            ["forum"] = g.Text("Quality and safety meeting", 0.6), ["governance_date"] = g.Date(0.6, 15), ["reflection"] = g.Text("escalation worked", 0.6),
            ["quality_statements"] = new JsonArray(g.Chance(0.5) ? [] : ["safe.safe-effective-staffing"]),
            ["learning_to_share"] = g.Text("share the handover change", 0.6),
            ["status"] = g.One(Statuses),
            ["next_review"] = g.Date(0.6, 40),
            ["redaction"] = g.Chance(0.75),
            ["redaction_by"] = g.Text("Registered manager", 0.15),
            ["redaction_date"] = g.Date(0.15, 10),
            ["not_personal_data"] = new JsonArray(),
        };
        var candour = d["event_type"]!.GetValue<string>() == "incident" ? g.Chance(0.9) : g.Chance(0.3);
        foreach (var o in Outcomes)
            d[$"candour_{o}"] = candour && !g.Chance(0.04) ? (g.Chance(0.8) ? "no" : g.One(Answers)) : "";
        d["candour_role"] = candour ? g.Text("GP", 0.1) : "";
        d["candour_opinion_date"] = candour ? g.Date(0.1, 2) : "";
        d["candour_in_person"] = candour ? g.Date(0.3, 5) : "";
        d["candour_written"] = candour ? g.Date(0.3, 11) : "";
        d["candour_reason"] = g.Text("told by the deputy manager", 0.7);
        var unable = candour && g.Chance(0.15);
        d["candour_unable_reason"] = unable ? g.One(UnableReasons) : "";
        d["candour_unable_attempts"] = unable ? g.Text("phoned twice on 3 March, then wrote", 0.2) : g.Text("a note left over from before", 0.95);
        d["notifications"] = Notifications(g);
        var factors = new JsonArray();
        var factorCount = g.Chance(0.15) ? 0 : 1 + (g.Chance(0.4) ? 1 : 0) + (g.Chance(0.2) ? 1 : 0);
        for (var i = 1; i <= factorCount; i++)
            factors.Add(new JsonObject { ["id"] = $"f{i}", ["area"] = g.One(Areas), ["description"] = g.Text("the handover sheet has no falls field", 0.04), ["systemic"] = g.Chance(0.5) });
        d["factors"] = factors;
        var actions = new JsonArray();
        var actionCount = g.Chance(0.15) ? 0 : 1 + (g.Chance(0.4) ? 1 : 0);
        for (var i = 1; i <= actionCount; i++)
        {
            var addresses = new JsonArray();
            for (var f = 1; f <= factorCount; f++)
                if (g.Chance(0.8)) addresses.Add($"f{f}");
            var reviewed = g.Chance(0.4);
            actions.Add(new JsonObject
            {
                ["id"] = $"a{i}", ["description"] = g.Text("add a falls field to the handover sheet", 0.04), ["addresses"] = addresses,
                ["owner_role"] = g.Text("Deputy manager", 0.3), ["due"] = g.Date(0.4, 20), ["status"] = g.One(ActionStatuses),
                ["completed"] = g.Date(0.3, 10), ["evidence"] = g.Text("audit of twelve handovers", 0.25), ["measure"] = g.Text("falls per month", 0.4),
                ["dropped_reason"] = g.Text("replaced by a new sheet", 0.3),
                ["kind"] = g.One(KindChoices), ["evidence_category"] = g.One(CategoryChoices), ["measure_id"] = "",
                ["review_date"] = reviewed ? g.Date(0.05, 20) : "", ["review_result"] = reviewed ? g.Text("fewer falls at night", 0.05) : "",
                ["review_decision"] = reviewed && !g.Chance(0.05) ? g.One(Decisions) : "",
            });
        }
        d["actions"] = actions;
        return d;
    }

    private static readonly string[] UnableReasons = ["could-not-be-contacted", "declined"];
    private static readonly string[] Recipients = ["cqc", "safeguarding", "riddor", "mhra", "coroner", "commissioner", "police", "other"];

    /// <summary>Who else was told: none to three entries, each with a date or a decision not to tell, sometimes neither or both.</summary>
    private static JsonArray Notifications(Draw g)
    {
        var list = new JsonArray();
        var count = g.Chance(0.5) ? 0 : 1 + (g.Chance(0.4) ? 1 : 0) + (g.Chance(0.15) ? 1 : 0);
        for (var i = 1; i <= count; i++)
        {
            var decided = g.Chance(0.25);
            var to = g.Chance(0.03) ? "" : g.One(Recipients);
            list.Add(new JsonObject
            {
                ["id"] = $"n{i}", ["to"] = to,
                ["recipient"] = to == "other" ? g.Text("the GP practice", 0.2) : g.Text("", 1),
                ["date"] = decided && !g.Chance(0.1) ? "" : g.Date(0.08, 3),
                ["reference"] = g.Text("REF-2231", 0.5), ["outcome"] = g.Text("no further action", 0.6),
                ["not_notified"] = decided ? g.Text("not reportable: no work activity played a part", 0.1) : "",
            });
        }
        return list;
    }

    private static readonly string[] KindChoices = ["", "", "repair", "system-change", "training", "reminder", "policy", "other"];
    private static readonly string[] CategoryChoices = ["", "", "people-experience", "staff-leaders-feedback", "partners-feedback", "observation", "processes", "outcomes"];

    /// <summary>
    /// A draft a careful team would write (every required field, groups complete, statuses that fit the actions), then,
    /// half the time, one field changed to empty or to a date anywhere near today: the drafts at the edge of each rule.
    /// </summary>
    private static JsonObject CarefulDraft(int n, Draw g)
    {
        var d = Draft(n, g);
        d["id"] = $"ll-p-{n:00000}";
        d["title"] = "Fall on the stairs at night";
        d["summary"] = "A resident fell on the stairs at night and was found by staff.";
        if (d["event_type"]!.GetValue<string>() == "") d["event_type"] = "risk";
        var incident = d["event_type"]!.GetValue<string>() == "incident";
        if (incident && d["harm"]!.GetValue<string>() == "") d["harm"] = "low";
        if (incident || d["candour_death"]!.GetValue<string>() != "")
        {
            foreach (var o in Outcomes) d[$"candour_{o}"] = g.Chance(0.9) ? "no" : g.One(Answers);
            d["candour_role"] = "GP";
            d["candour_opinion_date"] = d["identified"]!.GetValue<string>();
            d["candour_in_person"] = d["identified"]!.GetValue<string>();
            d["candour_written"] = d["identified"]!.GetValue<string>();
        }
        d["redaction"] = true;
        d["redaction_by"] = "Registered manager";
        d["redaction_date"] = d["identified"]!.GetValue<string>();
        if (d["forum"]!.GetValue<string>() != "" || d["reflection"]!.GetValue<string>() != "" || d["governance_date"]!.GetValue<string>() != "")
        {
            d["forum"] = "Quality and safety meeting";
            d["governance_date"] = d["identified"]!.GetValue<string>();
        }
        var factors = d["factors"]!.AsArray();
        if (factors.Count == 0) factors.Add(new JsonObject { ["id"] = "f1", ["area"] = "tasks", ["description"] = "no rail on the landing", ["systemic"] = true });
        foreach (var f in factors) f!["description"] = "no rail on the landing";
        foreach (var a in d["actions"]!.AsArray())
        {
            a!["description"] = "fit a rail";
            if (a["addresses"]!.AsArray().Count == 0) a["addresses"]!.AsArray().Add("f1");
            a["completed"] = a["status"]!.GetValue<string>() == "done" ? d["identified"]!.GetValue<string>() : "";
            a["evidence"] = "rail fitted";
            a["dropped_reason"] = "replaced by a new sheet";
            if (a["review_date"]!.GetValue<string>() != "" || a["review_result"]!.GetValue<string>() != "")
            {
                a["review_date"] = d["identified"]!.GetValue<string>();
                a["review_result"] = "no falls since";
                a["review_decision"] = "adopt";
            }
        }
        var actions = d["actions"]!.AsArray();
        var open = actions.Any(a => a!["status"]!.GetValue<string>() is "planned" or "in-progress");
        var reviewed = actions.Any(a => a!["review_decision"]!.GetValue<string>() != "");
        if (d["status"]!.GetValue<string>() == "closed" && (open || !reviewed)) d["status"] = "monitoring";
        if (g.Chance(0.5))
        {
            // One change at the edge of a rule (the id names the file, so it stays; an empty id is a unit test).
            var keys = d.Where(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String && p.Key is not "format" and not "status" and not "id").Select(p => p.Key).ToArray();
            var key = g.One(keys);
            d[key] = key.Contains("date", StringComparison.Ordinal) || key is "occurred" or "identified" or "held" or "next_review" or "candour_in_person" or "candour_written"
                ? g.Date(0.3, -3) : "";
        }
        return d;
    }

    /// <summary>The three cases the issue found (the form accepted them; the build refused), on a complete draft.</summary>
    private static IEnumerable<JsonObject> KnownCases(JsonObject complete)
    {
        JsonObject With(string id, Action<JsonObject> change)
        {
            var d = (JsonObject)complete.DeepClone();
            d["id"] = id;
            change(d);
            return d;
        }
        var future = Builds.Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        yield return With("ll-known-1", d => d["identified"] = future);
        yield return With("ll-known-2", d => d["actions"]![0]!["completed"] = "2026-01-01");
        yield return With("ll-known-3", d => d["actions"]![0]!["review_date"] = future);
        yield return With("ll-known-ok", _ => { });
    }

    private static JsonObject CompleteDraft() => JsonNode.Parse($$"""
        {
          "format": "cqcguide.log-draft/1", "id": "", "title": "Fall on the stairs", "event_type": "near-miss", "occurred": "2026-10-01", "occurred_month": false,
          "identified": "2026-10-02", "harm": "", "summary": "A resident nearly fell on the stairs.", "body": "", "method": "", "held": "", "roles": [],
          "expected": "", "actual": "", "why_different": "", "went_well": "", "forum": "", "governance_date": "", "reflection": "", "quality_statements": [],
          "learning_to_share": "", "status": "actions-open", "next_review": "", "redaction": true, "redaction_by": "Registered manager", "redaction_date": "2026-10-05",
          "not_personal_data": [], "candour_death": "", "candour_impairment": "", "candour_body_structure": "", "candour_prolonged_pain": "",
          "candour_prolonged_psychological_harm": "", "candour_shortened_life_expectancy": "", "candour_treatment_needed": "", "candour_role": "",
          "candour_opinion_date": "", "candour_in_person": "", "candour_written": "", "candour_reason": "",
          "candour_unable_reason": "", "candour_unable_attempts": "", "notifications": [],
          "factors": [{ "id": "f1", "area": "tasks", "description": "no rail on the landing", "systemic": true }],
          "actions": [{ "id": "a1", "description": "fit a rail", "addresses": ["f1"], "owner_role": "", "due": "", "status": "done", "completed": "2026-10-10",
            "evidence": "rail fitted", "measure": "", "dropped_reason": "", "review_date": "2026-10-20", "review_result": "no near misses since", "review_decision": "adopt" }]
        }
        """)!.AsObject();

    [Fact]
    public void Form_and_build_agree_on_5000_generated_drafts_and_the_three_known_cases()
    {
        var draws = new Draw(20261202);
        var drafts = Enumerable.Range(1, Count).Select(n => n % 3 == 0 ? Draft(n, draws) : CarefulDraft(n, draws)).Concat(KnownCases(CompleteDraft())).ToArray();
        var today = Builds.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // The form: its validation with the compiled rules, and the file it downloads.
        var js = new ThemeJs().WithRules(LearningLogValidation.Instance).WithRules(LearningLogQuality.Instance);
        // In batches, each well inside the engine's time limit even on a busy machine.
        var form = drafts.Chunk(250).SelectMany(batch => js.Run($$"""
            import * as D from './log-data.js';
            import * as rules from './rules/learning-log-validation.js';
            import * as quality from './rules/learning-log-quality.js';
            import { validate } from './log-validation.js';
            export const result = JSON.parse({{JsonSerializer.Serialize(JsonSerializer.Serialize(new JsonArray(batch.Select(d => (JsonNode)d.DeepClone()).ToArray())))}}).map((d) => ({
              id: d.id, errors: validate(d, { today: '{{today}}', rules }).map((e) => `${e.code} ${e.target}: ${e.message}`), markdown: D.markdown(d),
              findings: quality.lint(D.lintInput(d)).map((f) => f.code).sort() }));
            """).EnumerateArray().Select(e => (
                Id: e.GetProperty("id").GetString()!,
                Errors: e.GetProperty("errors").EnumerateArray().Select(x => x.GetString()!).ToArray(),
                Markdown: e.GetProperty("markdown").GetString()!,
                Findings: e.GetProperty("findings").EnumerateArray().Select(x => x.GetString()!).ToArray())).ToArray()).ToArray();

        // The build: every downloaded file in one journal, checked once.
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        GuidanceStandIns.WriteTo(input);
        foreach (var f in form)
            input.Write($"journal/{f.Id}.md", f.Markdown);
        using var output = new TempDir();
        var result = SiteBuilder.Build(Builds.Options(input.Path, output.Path, write: false));
        var errorsByFile = result.Diagnostics.Where(d => d.IsError)
            .GroupBy(d => Path.GetFileNameWithoutExtension(d.Path))
            .ToDictionary(g => g.Key, g => g.Select(d => $"{d.Line}:{d.Column} {d.Code} {d.Message}").ToArray(), StringComparer.Ordinal);
        // The generated text holds no personal data, so personal data plays no part in either verdict.
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == Codes.PersonalDataFound);

        var disagreements = form
            .Select(f => (f.Id, Form: f.Errors, Build: errorsByFile.GetValueOrDefault(f.Id, [])))
            .Where(x => (x.Form.Length == 0) != (x.Build.Length == 0))
            .ToArray();
        Assert.True(disagreements.Length == 0,
            $"{disagreements.Length} of {form.Length} drafts: the form and the build disagree. First ones:\n" + string.Join("\n\n", disagreements.Take(8).Select(x =>
                $"{x.Id}\n  form: {string.Join(" | ", x.Form)}\n  build: {string.Join(" | ", x.Build)}\n{form.First(f => f.Id == x.Id).Markdown}")));

        // And on every accepted draft, the quality checks the form shows as you type are the ones the build reports.
        var findingsByFile = result.Diagnostics.Where(d => d.Code == Codes.LintFinding)
            .GroupBy(d => Path.GetFileNameWithoutExtension(d.Path))
            .ToDictionary(g => g.Key, g => g.Select(d => d.Message.Split(' ')[0]).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        var lintDisagreements = form.Where(f => f.Errors.Length == 0 && !f.Findings.SequenceEqual(findingsByFile.GetValueOrDefault(f.Id, []))).ToArray();
        Assert.True(lintDisagreements.Length == 0, $"{lintDisagreements.Length} accepted drafts get other quality findings from the build, for example "
            + string.Join("; ", lintDisagreements.Take(3).Select(f => $"{f.Id}: form {string.Join(",", f.Findings)}, build {string.Join(",", findingsByFile.GetValueOrDefault(f.Id, []))}")));
        Assert.True(form.Where(f => f.Errors.Length == 0).SelectMany(f => f.Findings).Distinct().Count() >= 5);

        // Both verdicts are well represented, and the known cases come out as the build decides them.
        var accepted = form.Count(f => f.Errors.Length == 0);
        // The rejected drafts reach the rules widely (20 or more of the validation's codes), so the agreement means something.
        Assert.True(form.SelectMany(f => f.Errors.Select(e => e.Split(' ')[0])).Distinct().Count() >= 20);
        Assert.InRange(accepted, Count / 10, Count * 9 / 10);
        Assert.Contains(form.Single(f => f.Id == "ll-known-1").Errors, e => e.StartsWith("LLV007 f-identified:", StringComparison.Ordinal));
        Assert.Contains(form.Single(f => f.Id == "ll-known-2").Errors, e => e.StartsWith("LLV020 a1-completed:", StringComparison.Ordinal));
        Assert.Contains(form.Single(f => f.Id == "ll-known-3").Errors, e => e.StartsWith("LLV021 a1-review_date:", StringComparison.Ordinal));
        Assert.Empty(form.Single(f => f.Id == "ll-known-ok").Errors);
    }
}
