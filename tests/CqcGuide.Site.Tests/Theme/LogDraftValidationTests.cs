using System.Text.Json;
using CqcGuide.Rules.LearningLogs;

namespace CqcGuide.Site.Tests.Theme;

/// <summary>
/// log-validation.js: the draft form runs the compiled learning-log-validation rules on the input the build reads from
/// the downloaded file, and places each problem on its field (run in Jint with the compiled module).
/// </summary>
public class LogDraftValidationTests
{
    private const string Complete = """
        const d = { ...D.emptyDraft(), id: 'll-2026-099', title: 'Fall', status: 'actions-open', event_type: 'incident',
          occurred: '2026-10-02', identified: '2026-10-03', harm: 'moderate', summary: 'A fall.',
          redaction: true, redaction_by: 'Registered manager', redaction_date: '2026-10-05' };
        for (const [key] of D.CANDOUR_OUTCOMES) d[`candour_${key}`] = 'no';
        d.candour_role = 'GP'; d.candour_opinion_date = '2026-10-03';
        """;

    /// <summary>The errors for the complete draft after <paramref name="changes"/>, as "group target: message".</summary>
    private static string[] Errors(string changes, string? group = null)
    {
        var r = new ThemeJs().WithRules(LearningLogValidation.Instance).Run($$"""
            import * as D from './log-data.js';
            import * as rules from './rules/learning-log-validation.js';
            import { validate } from './log-validation.js';
            {{Complete}}
            {{changes}}
            export const result = validate(d, { today: '2026-11-01', rules })
              .filter((e) => {{(group is null ? "true" : $"e.groupId === '{group}'")}})
              .map((e) => `${e.groupId} ${e.target}: ${e.message}`);
            """);
        return r.EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    [Fact]
    public void A_complete_draft_has_no_errors() => Assert.Empty(Errors(""));

    [Fact]
    public void An_empty_form_lists_what_every_log_must_fill_in_at_each_field() =>
        Assert.Equal(
        [
            "g-id f-id: The log has no id",
            "g-title f-title: The log has no title",
            "g-event_type f-event_type: The log does not say what type of event it was",
            "g-occurred f-occurred: The log does not say when the event occurred",
            "g-identified f-identified: The log does not say when the problem was identified",
            "g-summary f-summary: The log has no summary",
        ], Errors("Object.assign(d, D.emptyDraft());"));

    [Fact]
    public void The_three_cases_the_form_used_to_accept_are_refused()
    {
        Assert.Equal(["g-identified f-identified: Identified (2026-11-02) is in the future"], Errors("d.identified = '2026-11-02';"));
        const string Action = "d.factors = [{ id: 'f1', area: 'tasks', description: 'No checklist', systemic: true }]; "
            + "d.actions = [{ id: 'a1', description: 'Add a checklist', addresses: ['f1'], owner_role: '', due: '', status: 'done', completed: '2026-10-01', "
            + "evidence: 'Audit', measure: '', dropped_reason: '', review_date: '2026-10-20', review_result: 'Fewer falls', review_decision: 'adopt' }];";
        Assert.Equal(["item-a1 a1-completed: Action 'a1' was completed before the problem was identified"], Errors(Action));
        Assert.Equal(["item-a1 a1-review_date: An effectiveness review is dated in the future"], Errors(Action + "d.actions[0].completed = '2026-10-04'; d.actions[0].review_date = '2026-11-05';"));
    }

    [Fact]
    public void Each_problem_of_an_action_is_placed_on_its_field()
    {
        const string Action = "d.factors = [{ id: 'f1', area: 'tasks', description: 'No checklist', systemic: true }]; "
            + "d.actions = [{ id: 'a7', description: '', addresses: [], owner_role: '', due: '', status: 'done', completed: '', "
            + "evidence: '', measure: '', dropped_reason: '', review_date: '2026-10-20', review_result: '', review_decision: '' }];";
        Assert.Equal(
        [
            "item-a7 a7-description: Action 'a7' has no description",
            "item-a7 a7-review_result: An effectiveness review of action 'a7' does not say what the measure showed",
            "item-a7 a7-review_decision: An effectiveness review of action 'a7' has no decision",
            "item-a7 a7-description: Action 'a7' addresses no contributory factor",
            "item-a7 a7-evidence: Action 'a7' is done but has no completion evidence",
            "item-a7 a7-completed: Action 'a7' is done but has no completion date",
        ], Errors(Action, "item-a7"));
    }

    [Fact]
    public void Candour_problems_are_placed_on_the_question_or_date_they_concern()
    {
        var unanswered = Assert.Single(Errors("d.candour_treatment_needed = '';", "g-candour"));
        Assert.StartsWith("g-candour f-candour_treatment_needed: The Regulation 20(9) question 'treatment_needed' (", unanswered);
        Assert.EndsWith(") is not answered", unanswered);
        Assert.Equal(["g-candour f-candour_role: The Regulation 20(9) answers do not say whose opinion they are"], Errors("d.candour_role = ''; d.candour_opinion_date = '';"));
        // All not known yet: no opinion has been given, so none is asked for; before learning in progress ends, no notification is due.
        Assert.Empty(Errors("for (const [key] of D.CANDOUR_OUTCOMES) d[`candour_${key}`] = 'unknown'; d.candour_role = ''; d.candour_opinion_date = ''; d.status = 'learning-in-progress';"));
        var applies = Errors("d.candour_body_structure = 'yes';");
        Assert.Equal(2, applies.Length);
        Assert.StartsWith("g-candour f-candour_in_person: The duty of candour applies", applies[0]);
        Assert.StartsWith("g-candour f-candour_written: The duty of candour applies", applies[1]);
        Assert.Empty(Errors("d.candour_body_structure = 'yes'; d.status = 'learning-in-progress';"));
    }

    [Fact]
    public void A_log_meant_for_publication_needs_the_redaction_check()
    {
        Assert.Equal(["g-status f-status: A log meant for publication needs a redaction check: someone must confirm that no personal data remains"],
            Errors("d.redaction = false; d.redaction_by = ''; d.redaction_date = '';"));
        Assert.Equal(["g-redaction f-redaction: The redaction check is not confirmed, so this log cannot be published"], Errors("d.redaction = false;"));
        Assert.Equal(["g-redaction f-redaction_by: The redaction check does not say who made it (a role) and when"], Errors("d.redaction_by = '';"));
        Assert.Empty(Errors("d.status = 'draft'; d.redaction = false; d.redaction_by = ''; d.redaction_date = '';"));
    }

    [Fact]
    public void A_started_governance_review_must_be_finished()
    {
        Assert.Equal(["g-forum f-forum: The governance review does not name its forum"], Errors("d.reflection = 'Escalation worked'; d.governance_date = '2026-10-20';"));
        Assert.Equal(["g-governance_date f-governance_date: The governance review has no date"], Errors("d.forum = 'Quality meeting';"));
    }
}
