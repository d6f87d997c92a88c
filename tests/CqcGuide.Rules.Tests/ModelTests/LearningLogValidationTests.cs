using System.Text.Json;
using CqcGuide.Rules.LearningLogs;
using CqcGuide.Rules.Tests.Parity;
using CsCheck;
using Jint;

namespace CqcGuide.Rules.Tests.ModelTests;

/// <summary>
/// The learning-log validation: the build's wording and key paths, its order, the three cases the draft form used to
/// accept and the build refused, and proof that the parity generator reaches every check.
/// </summary>
public class LearningLogValidationTests
{
    private static readonly LogValidationInput Log = Generators.ValidLog;

    /// <summary>A broken wrist: changes to the structure of the body, in a hospital doctor's opinion; nothing recorded about the notification yet.</summary>
    private static readonly LogCandourInput Applies = Generators.NotNotifiable with { Outcomes = Generators.AllNo with { BodyStructure = "yes" }, ProfessionalRole = "Hospital doctor" };

    private const string AssessmentHint =
        "add 'outcomes:' under 'duty_of_candour:' with the seven Regulation 20(9) questions (death, impairment, body_structure, prolonged_pain, "
        + "prolonged_psychological_harm, shortened_life_expectancy, treatment_needed), each answered yes, no or unknown, and 'professional_role: ...' "
        + "and 'opinion_date: YYYY-MM-DD' for the health care professional whose opinion they are";

    private static JsHost Host => ParityTests.HostFor(LearningLogValidation.Instance);

    /// <summary>The issues in the shape the build prints them: <c>path: severity CODE: message (hint)</c>.</summary>
    private static string[] Lines(IEnumerable<LogIssue> issues) =>
        issues.Select(i => $"{i.Path}: {i.Severity} {i.Code}: {i.Message}" + (i.Hint is null ? "" : $" ({i.Hint})")).ToArray();

    private static string[] Lines(LogValidationInput input)
    {
        var lines = Lines(LearningLogValidation.Validate(input));
        // The compiled module gives the same issues, byte for byte.
        Assert.Null(ParityTests.Compare(Host, Generators.ValidationJson(input)));
        return lines;
    }

    [Fact]
    public void A_valid_log_has_no_issues()
    {
        Assert.Empty(Lines(Log));
        Assert.Empty(Lines(Log with { Status = "closed", Actions = [Log.Actions[1]] }));
        Assert.Empty(Lines(Log with { Status = "draft", Harm = "moderate", DutyOfCandour = Applies }));
        Assert.Empty(Lines(Log with { DutyOfCandour = Applies with { NotifiedInPerson = "2025-03-03", WrittenNotification = "2025-03-05" } }));
        Assert.Empty(Lines(Log with { Occurred = "2025-03", OccurredPrecision = "month", Identified = "2025-03-01" }));
    }

    // ---- the three cases the draft form accepted and the build refused -------------------------------------------

    [Fact]
    public void Identified_in_the_future_is_an_error() =>
        Assert.Equal(["identified: error LLV007: identified (2025-03-16) is in the future"], Lines(Log with { Identified = "2025-03-16", Actions = [Log.Actions[0]] }));

    [Fact]
    public void Action_completed_before_the_problem_was_identified_is_an_error() =>
        Assert.Equal(["actions[1].completed: error LLV020: action 'a2' was completed before the problem was identified"],
            Lines(Log with { Actions = [Log.Actions[0], Log.Actions[1] with { Completed = "2025-03-01" }] }));

    [Fact]
    public void Effectiveness_review_dated_in_the_future_is_an_error() =>
        Assert.Equal(["actions[1].reviews[1].date: error LLV021: an effectiveness review is dated in the future"],
            Lines(Log with { Actions = [Log.Actions[0], Log.Actions[1] with { Reviews = [new("2025-03-15", "Falls went down", "adopt"), new("2025-03-16", "Falls went down", "adopt")] }] }));

    // ---- the build's wording, check by check ---------------------------------------------------------------------

    [Fact]
    public void Id_and_occurred()
    {
        Assert.Equal(["id: error LLV001: the id 'll-2025-001' does not match the file name 'll-2025-009.md' (rename the file to ll-2025-001.md, or set 'id: ll-2025-009')"],
            Lines(Log with { FileSlug = "ll-2025-009" }));
        Assert.Empty(Lines(Log with { FileSlug = null }));
        Assert.Equal(["occurred_precision: error LLV002: occurred is a full date (2025-03-01) but occurred_precision is 'month' (write 'occurred: 2025-03' or 'occurred_precision: day')"],
            Lines(Log with { OccurredPrecision = "month" }));
        Assert.Equal(["occurred: error LLV003: occurred is a month (2025-02) but occurred_precision is 'day' (add 'occurred_precision: month', or give the full date)"],
            Lines(Log with { Occurred = "2025-02" }));
        Assert.Equal(["occurred: error LLV004: occurred '2025-02-30' is not a real date (YYYY-MM-DD, or YYYY-MM when only the month is known)"],
            Lines(Log with { Occurred = "2025-02-30" }));
        Assert.Equal(["occurred: error LLV004: occurred '2025-13' is not a real date (YYYY-MM-DD, or YYYY-MM when only the month is known)"],
            Lines(Log with { Occurred = "2025-13", OccurredPrecision = "month" }));
    }

    [Fact]
    public void Dates_in_order_and_not_in_the_future()
    {
        Assert.Equal(["identified: error LLV005: identified (2025-02-28) is before the event occurred (2025-03-01) (a problem cannot be identified before it happened)"],
            Lines(Log with { Identified = "2025-02-28" }));
        // A month counts from its first day: identified in the month is fine, the day before it is not.
        Assert.Equal(["identified: error LLV005: identified (2025-02-28) is before the event occurred (2025-03) (a problem cannot be identified before it happened)"],
            Lines(Log with { Occurred = "2025-03", OccurredPrecision = "month", Identified = "2025-02-28" }));
        Assert.Equal(
        [
            "occurred: error LLV006: occurred (2025-03-16) is in the future",
            "identified: error LLV007: identified (2025-03-16) is in the future",
        ], Lines(Log with { Occurred = "2025-03-16", Identified = "2025-03-16", Actions = [Log.Actions[0]], EventType = "risk", Harm = null, DutyOfCandour = null }));
        Assert.Equal(["occurred: error LLV006: occurred (2025-04) is in the future", "identified: error LLV007: identified (2025-04-02) is in the future"],
            Lines(Log with { Occurred = "2025-04", OccurredPrecision = "month", Identified = "2025-04-02", Today = "2025-03-31", Actions = [Log.Actions[0]], EventType = "risk", Harm = null, DutyOfCandour = null }));
        Assert.Empty(Lines(Log with { Occurred = "2025-03", OccurredPrecision = "month", Today = "2025-03-14" }));
        Assert.Empty(Lines(Log with { Occurred = "2025-03-15", Identified = "2025-03-15", Actions = [Log.Actions[0]], DutyOfCandour = Generators.NotNotifiable with { OpinionDate = "2025-03-15" } }));
    }

    [Fact]
    public void Harm_fits_the_event()
    {
        Assert.Equal(["event_type: error LLV008: an incident needs a harm grade (add 'harm: none | low | moderate | severe | fatal')"], Lines(Log with { Harm = null }));
        Assert.Equal(["harm: error LLV009: a near-miss cannot have harm 'low' (a near miss caused no harm and good care is not an incident; record it as an incident if someone was harmed)"],
            Lines(Log with { EventType = "near-miss" }));
        Assert.Equal(["harm: error LLV009: a good-care cannot have harm 'moderate' (a near miss caused no harm and good care is not an incident; record it as an incident if someone was harmed)"],
            Lines(Log with { EventType = "good-care", Harm = "moderate", DutyOfCandour = null }));
        Assert.Empty(Lines(Log with { EventType = "near-miss", Harm = "none", DutyOfCandour = null }));
        Assert.Empty(Lines(Log with { EventType = "risk", Harm = null, DutyOfCandour = null }));
    }

    // ---- the duty of candour: Regulation 20(9), not harm grades --------------------------------------------------

    [Fact]
    public void An_incident_needs_the_regulation_20_9_assessment()
    {
        Assert.Equal([$"event_type: error LLV010: an incident needs the Regulation 20(9) assessment of the duty of candour (the harm grade does not decide it) ({AssessmentHint})"],
            Lines(Log with { DutyOfCandour = null }));
        Assert.Equal([$"duty_of_candour: error LLV010: an incident needs the Regulation 20(9) assessment of the duty of candour (the harm grade does not decide it) ({AssessmentHint})"],
            Lines(Log with { DutyOfCandour = new(null, null, null, null, null, null, "Reason only", null, null) }));
        // Other events may leave it out, or record only their reasoning.
        foreach (var eventType in new[] { "near-miss", "risk", "poor-outcome", "good-care" })
        {
            Assert.Empty(Lines(Log with { EventType = eventType, Harm = "none", DutyOfCandour = null }));
            Assert.Empty(Lines(Log with { EventType = eventType, Harm = "none", DutyOfCandour = new(null, null, null, null, null, null, "Nothing happened to anyone", null, null) }));
        }
    }

    [Fact]
    public void A_log_in_the_old_format_is_told_exactly_what_to_change()
    {
        // ll-2026-009 as it was: moderate harm, "applies: true" and the date of the written notification.
        Assert.Equal(
        [
            $"duty_of_candour: error LLV010: an incident needs the Regulation 20(9) assessment of the duty of candour (the harm grade does not decide it) ({AssessmentHint})",
            "duty_of_candour.applies: error LLV028: 'applies' is no longer used: the Regulation 20(9) answers decide whether the duty of candour applies (remove 'applies:' and answer the questions under 'outcomes:')",
            "duty_of_candour.completed: error LLV029: 'completed' is now 'written_notification' (the date the written notification was sent) (rename it to 'written_notification:', and add 'notified_in_person: YYYY-MM-DD' (when you told the relevant person in person))",
        ], Lines(Log with { Harm = "moderate", DutyOfCandour = new(null, null, null, null, null, null, null, true, "2025-03-12") }));
        Assert.Equal(
        [
            "duty_of_candour.applies: error LLV028: 'applies' is no longer used: the Regulation 20(9) answers decide whether the duty of candour applies (remove 'applies:' and answer the questions under 'outcomes:')",
        ], Lines(Log with { DutyOfCandour = Generators.NotNotifiable with { Applies = false, Reason = "Low harm" } }));
    }

    [Fact]
    public void Changes_to_the_structure_of_the_body_need_a_candour_record_whatever_the_harm_grade()
    {
        string[] missing =
        [
            "duty_of_candour.notified_in_person: error LLV012: the duty of candour applies (Changes to the structure of the body: yes) but the in-person notification is not recorded (add 'notified_in_person: YYYY-MM-DD' (when you told the relevant person), or 'unable_to_notify: { reason: could-not-be-contacted | declined, attempts: ... }')",
            "duty_of_candour.written_notification: error LLV026: the duty of candour applies (Changes to the structure of the body: yes) but the written notification is not recorded (add 'written_notification: YYYY-MM-DD' (when the letter was sent), or 'unable_to_notify: { reason: could-not-be-contacted | declined, attempts: ... }')",
        ];
        foreach (var harm in new[] { "none", "low", "moderate", "severe", "fatal" })
        {
            Assert.Equal(missing, Lines(Log with { Harm = harm, DutyOfCandour = Applies }));
            // Every answer no: not a notifiable safety incident, however the harm was graded.
            Assert.Empty(Lines(Log with { Harm = harm }));
        }
        Assert.Equal([missing[1]], Lines(Log with { DutyOfCandour = Applies with { NotifiedInPerson = "2025-03-03" } }));
        // Before the learning is done the notification may still be pending.
        foreach (var status in new[] { "draft", "learning-in-progress" })
            Assert.Empty(Lines(Log with { Status = status, DutyOfCandour = Applies }));
        Assert.Equal(missing, Lines(Log with { Status = "closed", DutyOfCandour = Applies, Actions = [Log.Actions[1]] }));
    }

    [Fact]
    public void Unknown_counts_as_yes_until_a_professional_has_decided()
    {
        var unknown = new LogCandourOutcomes("unknown", "no", "no", "no", "no", "no", "no");
        Assert.True(LearningLogValidation.CandourApplies.Evaluate(unknown));
        Assert.False(LearningLogValidation.CandourApplies.Evaluate(Generators.AllNo));
        Assert.False(LearningLogValidation.CandourApplies.Evaluate(null));
        Assert.Equal(["Death relating directly to the incident: not known yet"], LearningLogValidation.NotifiableOutcomes.Evaluate(unknown));
        Assert.Equal(
        [
            "duty_of_candour.notified_in_person: error LLV012: the duty of candour applies (Death relating directly to the incident: not known yet) but the in-person notification is not recorded (add 'notified_in_person: YYYY-MM-DD' (when you told the relevant person), or 'unable_to_notify: { reason: could-not-be-contacted | declined, attempts: ... }')",
            "duty_of_candour.written_notification: error LLV026: the duty of candour applies (Death relating directly to the incident: not known yet) but the written notification is not recorded (add 'written_notification: YYYY-MM-DD' (when the letter was sent), or 'unable_to_notify: { reason: could-not-be-contacted | declined, attempts: ... }')",
        ], Lines(Log with { DutyOfCandour = Generators.NotNotifiable with { Outcomes = unknown } }));
        // All unknown: nobody has given an opinion yet, so no role or date is asked for.
        var allUnknown = new LogCandourOutcomes("unknown", "unknown", "unknown", "unknown", "unknown", "unknown", "unknown");
        Assert.Empty(Lines(Log with { Status = "learning-in-progress", DutyOfCandour = new(allUnknown, null, null, null, null, null, null, null, null) }));
        Assert.Equal(7, LearningLogValidation.NotifiableOutcomes.Evaluate(allUnknown).Length);
    }

    [Fact]
    public void Each_answer_is_yes_no_or_unknown_and_says_whose_opinion_it_is()
    {
        Assert.Equal(
        [
            "duty_of_candour.outcomes.death: error LLV011: 'death' cannot be 'Yes' (answer yes, no or unknown (unknown counts as yes until a health care professional has decided))",
            "duty_of_candour.outcomes.body_structure: error LLV011: the Regulation 20(9) question 'body_structure' (Changes to the structure of the body) is not answered (answer yes, no or unknown (unknown counts as yes until a health care professional has decided))",
            "duty_of_candour.outcomes.treatment_needed: error LLV011: the Regulation 20(9) question 'treatment_needed' (Treatment needed to prevent one of these) is not answered (answer yes, no or unknown (unknown counts as yes until a health care professional has decided))",
        ], Lines(Log with { DutyOfCandour = Generators.NotNotifiable with { Outcomes = Generators.AllNo with { Death = "Yes", BodyStructure = null, TreatmentNeeded = "" } } }));
        Assert.Equal(
        [
            "duty_of_candour.professional_role: error LLV027: the Regulation 20(9) answers do not say whose opinion they are (add 'professional_role: ...' (the health care professional, for example GP, hospital doctor or registered nurse) and add 'opinion_date: YYYY-MM-DD' (when they gave their opinion))",
        ], Lines(Log with { DutyOfCandour = Generators.NotNotifiable with { ProfessionalRole = " ", OpinionDate = null } }));
        Assert.Equal(["duty_of_candour.opinion_date: error LLV027: the Regulation 20(9) answers do not say whose opinion they are (add 'opinion_date: YYYY-MM-DD' (when they gave their opinion))"],
            Lines(Log with { DutyOfCandour = Generators.NotNotifiable with { OpinionDate = "" } }));
    }

    [Fact]
    public void When_the_relevant_person_cannot_be_reached_or_declines_the_attempts_are_recorded()
    {
        Assert.Empty(Lines(Log with { DutyOfCandour = Applies with { UnableToNotify = new("declined", "Offered a meeting on 3 and 5 March; the resident said they did not want to discuss it.") } }));
        Assert.Empty(Lines(Log with { DutyOfCandour = Applies with { UnableToNotify = new("could-not-be-contacted", "Phoned twice and wrote on 4 March; no reply.") } }));
        Assert.Equal(
        [
            "duty_of_candour.unable_to_notify.reason: error LLV030: 'reason' cannot be 'refused' (add 'reason: could-not-be-contacted | declined')",
            "duty_of_candour.unable_to_notify: error LLV030: the written record of the attempts to contact or speak to the relevant person is missing (Regulation 20(5)) (add 'attempts: ...': each attempt's date, how, by which role, and what happened)",
        ], Lines(Log with { DutyOfCandour = Applies with { UnableToNotify = new("refused", "\u00a0") } }));
        Assert.Equal(["duty_of_candour.unable_to_notify.reason: error LLV030: say why the relevant person was not told: they could not be contacted, or declined to speak to you (add 'reason: could-not-be-contacted | declined')"],
            Lines(Log with { DutyOfCandour = Applies with { UnableToNotify = new(null, "Phoned twice.") } }));
    }

    [Fact]
    public void Candour_dates_are_between_the_event_and_today_and_in_order()
    {
        Assert.Equal(
        [
            "duty_of_candour.opinion_date: error LLV031: opinion_date (2025-02-28) is before the event occurred (2025-03-01)",
            "duty_of_candour.notified_in_person: error LLV031: notified_in_person (2025-03-16) is in the future",
            "duty_of_candour.written_notification: error LLV032: the written notification (2025-03-05) is dated before the in-person notification (2025-03-16) (the written notification follows the conversation (Regulation 20(4)))",
        ], Lines(Log with { DutyOfCandour = Applies with { OpinionDate = "2025-02-28", NotifiedInPerson = "2025-03-16", WrittenNotification = "2025-03-05" } }));
        Assert.Empty(Lines(Log with { DutyOfCandour = Applies with { OpinionDate = "2025-03-01", NotifiedInPerson = "2025-03-15", WrittenNotification = "2025-03-15" } }));
    }

    // ---- notifications -------------------------------------------------------------------------------------------

    [Fact]
    public void Notifications_are_made_with_a_date_or_decided_against_with_a_reason()
    {
        Assert.Empty(Lines(Log with
        {
            Notifications = [new("cqc", null, "2025-03-02", null), new("riddor", null, null, "Not reportable: no work activity was involved"), new("other", "Local health protection team", "2025-03-03", null)],
        }));
        Assert.Equal(
        [
            "notifications[0].to: error LLV033: 'to' cannot be 'CQC' (allowed: cqc, safeguarding, riddor, mhra, coroner, commissioner, police, other)",
            "notifications[1]: error LLV034: the notification to 'safeguarding' has neither a date nor a decision not to notify (add 'date: YYYY-MM-DD' (when you told them), or 'not_notified: ...' (why you decided not to))",
            "notifications[2]: error LLV034: the notification to 'riddor' has both a date and a decision not to notify (keep 'date:' if you told them, or 'not_notified:' if you decided not to)",
            "notifications[3].recipient: error LLV035: a notification to 'other' needs to say who was told (add 'recipient: ...', for example 'Local health protection team')",
            "notifications[4].date: error LLV031: date (2025-02-28) is before the event occurred (2025-03-01)",
            "notifications[5].date: error LLV031: date (2025-03-16) is in the future",
        ], Lines(Log with
        {
            Notifications =
            [
                new("CQC", null, "2025-03-02", null), new("safeguarding", null, "", " "), new("riddor", null, "2025-03-02", "Not reportable"),
                new("other", "\u3000", "2025-03-02", null), new("cqc", null, "2025-02-28", null), new("police", null, "2025-03-16", null),
            ],
        }));
    }

    [Fact]
    public void An_action_kind_is_one_of_the_formats_kinds()
    {
        foreach (var kind in LogFormat.ActionKinds.All)
            Assert.Empty(Lines(Log with { Actions = [Log.Actions[0] with { Kind = kind.Value }, Log.Actions[1]] }));
        Assert.Equal(["actions[0].kind: error LLV036: 'kind' cannot be 'System-change' (allowed: repair, system-change, training, reminder, policy, other)"],
            Lines(Log with { Actions = [Log.Actions[0] with { Kind = "System-change" }, Log.Actions[1]] }));
        Assert.Empty(Lines(Log with { Actions = [Log.Actions[0] with { Kind = "" }, Log.Actions[1]] }));
    }

    [Fact]
    public void An_evidence_category_is_one_of_cqcs_six()
    {
        Assert.Equal(CqcGuide.Rules.ScoringModels.CqcSafEvidence.Categories.Select(c => (c.Id, c.Name)), LogFormat.EvidenceCategories.All.Select(o => (o.Value, o.Label)));
        foreach (var category in LogFormat.EvidenceCategories.All)
            Assert.Empty(Lines(Log with { Actions = [Log.Actions[0] with { EvidenceCategory = category.Value }, Log.Actions[1]] }));
        Assert.Equal(["actions[0].evidence_category: error LLV041: 'evidence_category' cannot be 'Outcomes' (allowed: people-experience, staff-leaders-feedback, partners-feedback, observation, processes, outcomes)"],
            Lines(Log with { Actions = [Log.Actions[0] with { EvidenceCategory = "Outcomes" }, Log.Actions[1]] }));
        Assert.Empty(Lines(Log with { Actions = [Log.Actions[0] with { EvidenceCategory = "" }, Log.Actions[1]] }));
    }

    [Fact]
    public void The_candour_answers_are_the_formats_questions_in_order()
    {
        Assert.Equal(LogFormat.Outcomes.All.Select(o => o.Field), RulesJson.PropertiesOf(typeof(LogCandourOutcomes)).Select(p => p.JsonName));
        Assert.Equal(["death", "impairment", "body_structure", "prolonged_pain", "prolonged_psychological_harm", "shortened_life_expectancy", "treatment_needed"],
            LogFormat.Outcomes.All.Select(o => o.Key));
        Assert.Equal(["yes", "unknown"], LogFormat.CandourAnswers.Notifiable);
    }

    [Fact]
    public void Factors_and_actions()
    {
        Assert.Equal(["factors[1].id: error LLV013: factor id 'f1' is used twice", "factors[3].id: error LLV013: factor id 'f1' is used twice"],
            Lines(Log with { Factors = [new("f1", "x"), new("f1", "x"), new("f2", "x"), new("f1", "x")] }));
        Assert.Equal(
        [
            "actions[1].id: error LLV014: action id 'a1' is used twice",
            "actions[1].id: error LLV015: action 'a1' addresses no contributory factor (add 'addresses: [factor id]': every action should answer a finding)",
            "actions[2].addresses[1]: error LLV016: action 'a3' addresses 'f9', which is not a factor of this log (factors: f1, f2)",
        ], Lines(Log with { Actions = [Log.Actions[0], Log.Actions[0] with { Addresses = [] }, Log.Actions[0] with { Id = "a3", Addresses = ["f1", "f9"] }] }));
        Assert.Equal(["actions[0].addresses[0]: error LLV016: action 'a1' addresses 'f1', which is not a factor of this log (add the factor under 'factors:')"],
            Lines(Log with { Factors = [], Actions = [Log.Actions[0]] }));
        Assert.Equal(
        [
            "actions[1].evidence: error LLV017: action 'a2' is done but has no completion evidence (add 'evidence: ...' saying how you know it was done)",
            "actions[1].completed: error LLV018: action 'a2' is done but has no completion date (add 'completed: YYYY-MM-DD')",
        ], Lines(Log with { Actions = [Log.Actions[0], Log.Actions[1] with { Evidence = "\u00a0", Completed = null }] }));
        Assert.Equal(["actions[0].dropped_reason: error LLV019: action 'a1' was dropped without a reason (add 'dropped_reason: ...')"],
            Lines(Log with { Actions = [Log.Actions[0] with { Status = "dropped" }, Log.Actions[1]] }));
    }

    [Fact]
    public void Closed_and_monitored_logs()
    {
        Assert.Equal(["status: error LLV022: the log is closed but action a1 is still open (finish or drop the actions, or set the status to 'actions-open' or 'monitoring')"],
            Lines(Log with { Status = "closed" }));
        Assert.Equal(
        [
            "status: error LLV022: the log is closed but actions a1, a3 are still open (finish or drop the actions, or set the status to 'actions-open' or 'monitoring')",
            "status: error LLV023: the log is closed but no action has an effectiveness review (record at least one review (adopt, adapt or abandon) before closing)",
        ], Lines(Log with { Status = "closed", Actions = [Log.Actions[0], Log.Actions[0] with { Id = "a3", Status = "in-progress" }] }));
        Assert.Equal(["status: warning LLV024: a log being monitored should say when effectiveness is next reviewed (add 'next_review: YYYY-MM-DD')"],
            Lines(Log with { Status = "monitoring" }));
        Assert.Empty(Lines(Log with { Status = "monitoring", NextReview = "2025-06-01" }));
    }

    [Fact]
    public void Malformed_dates_are_reported_for_the_draft_form()
    {
        Assert.Equal(
        [
            "identified: error LLV025: identified '2025-02-30' is not a real date (YYYY-MM-DD)",
            "actions[1].completed: error LLV025: completed '15/03/2025' is not a real date (YYYY-MM-DD)",
            "actions[1].reviews[0].date: error LLV025: date '2025-3-14' is not a real date (YYYY-MM-DD)",
            "next_review: error LLV025: next_review 'soon' is not a real date (YYYY-MM-DD)",
        ], Lines(Log with
        {
            Identified = "2025-02-30", NextReview = "soon",
            Actions = [Log.Actions[0], Log.Actions[1] with { Completed = "15/03/2025", Reviews = [new("2025-3-14", "Falls went down", "adopt")] }],
        }));
        // Empty means not given, as the form sends it.
        Assert.Empty(Lines(Log with { NextReview = "" }));
    }

    [Fact]
    public void Issues_come_in_the_order_the_build_reports_them()
    {
        var codes = LearningLogValidation.Validate(Log with
        {
            FileSlug = "other", Occurred = "2025-04", OccurredPrecision = "day", Identified = "2025-03-16", Harm = null, Status = "closed",
            DutyOfCandour = Applies with { NotifiedInPerson = "2025-03-03", WrittenNotification = "2025-03-02", OpinionDate = "2025-05-01", Applies = true },
            Notifications = [new("cqc", null, null, null)],
            Factors = [new("f1", "x"), new("f1", "x")],
            Actions = [Log.Actions[0] with { Addresses = ["f9"] }, Log.Actions[1] with { Status = "dropped", Reviews = [new("2025-04-01", "Falls went down", "adopt")] }],
        }).Select(i => i.Code);
        Assert.Equal(
        [
            "LLV001", "LLV003", "LLV005", "LLV006", "LLV007", "LLV008", "LLV028", "LLV031", "LLV031", "LLV031", "LLV032", "LLV034",
            "LLV013", "LLV016", "LLV016", "LLV019", "LLV020", "LLV021", "LLV022",
        ], codes);
    }

    [Fact]
    public void What_every_log_must_fill_in()
    {
        Assert.Equal(
        [
            "title: error LLV037: the log has no title (add 'title: ...', what happened in a few words, without names)",
            "summary: error LLV037: the log has no summary (add 'summary: ...', what happened in two or three plain sentences)",
            "factors[1].description: error LLV037: factor 'f2' has no description (add 'description: ...')",
            "actions[0].description: error LLV037: action 'a1' has no description (add 'description: ...')",
            "actions[1].reviews[0].result: error LLV037: an effectiveness review of action 'a2' does not say what the measure showed (add 'result: ...')",
            "governance_review.forum: error LLV037: the governance review does not name its forum (add 'forum: ...', for example 'Clinical governance meeting')",
        ], Lines(Log with
        {
            Title = "", Summary = " \u00a0",
            Factors = [Log.Factors[0], Log.Factors[1] with { Description = null }],
            Actions = [Log.Actions[0] with { Description = "\t" }, Log.Actions[1] with { Reviews = [new("2025-03-14", "", "adopt")] }],
            GovernanceReview = new LogGovernanceInput("", "2025-03-15"),
        }));
        // A missing id, event type or date says so once (not also "'' is not a real date" or "does not match the file name").
        Assert.Equal(
        [
            "id: error LLV037: the log has no id (add 'id: ...', the file's name without .md)",
            "event_type: error LLV037: the log does not say what type of event it was (add 'event_type: incident | near-miss | risk | poor-outcome | good-care')",
            "occurred: error LLV037: the log does not say when the event occurred (add 'occurred: YYYY-MM-DD' (or YYYY-MM with 'occurred_precision: month' when only the month is known))",
            "identified: error LLV037: the log does not say when the problem was identified (add 'identified: YYYY-MM-DD')",
        ], Lines(Log with { Id = "", EventType = "", Occurred = "", Identified = "", Harm = null, DutyOfCandour = null }));
    }

    [Fact]
    public void The_id_is_a_file_name_and_an_address()
    {
        Assert.Equal(["id: error LLV038: the id 'LL 1' can only use lower-case letters, digits and hyphens (for example ll-2026-016)"],
            Lines(Log with { Id = "LL 1", FileSlug = "LL 1" }));
        Assert.Equal(["id: error LLV038: the id '-ll' can only use lower-case letters, digits and hyphens (for example ll-2026-016)"], Lines(Log with { Id = "-ll", FileSlug = null }));
        Assert.Equal(["id: error LLV038: the id 'll-1\n' can only use lower-case letters, digits and hyphens (for example ll-2026-016)"], Lines(Log with { Id = "ll-1\n", FileSlug = null }));
        Assert.Empty(Lines(Log with { Id = "0", FileSlug = null }));
    }

    [Fact]
    public void A_log_meant_for_publication_needs_a_confirmed_redaction_check_by_someone_on_a_date()
    {
        const string Hint = "read the whole log for names, dates of birth, NHS numbers and anything else that could identify someone, then set "
            + "'redaction_check: { confirmed: true, by: <role>, date: YYYY-MM-DD }' (or keep 'status: draft')";
        Assert.Equal([$"status: error LLV039: a log meant for publication needs a redaction check: someone must confirm that no personal data remains ({Hint})"],
            Lines(Log with { RedactionCheck = null }));
        Assert.Equal([$"redaction_check.confirmed: error LLV039: the redaction check is not confirmed, so this log cannot be published ({Hint})"],
            Lines(Log with { RedactionCheck = new LogRedactionInput(false, "Registered manager", "2025-03-15") }));
        Assert.Empty(Lines(Log with { Status = "draft", RedactionCheck = null }));
        Assert.Equal(["redaction_check.by: error LLV040: the redaction check does not say who made it (a role) and when (add 'by: <role>' and 'date: YYYY-MM-DD' under 'redaction_check:')"],
            Lines(Log with { Status = "draft", RedactionCheck = new LogRedactionInput(true, " ", "2025-03-15") }));
        Assert.Equal(["redaction_check.date: error LLV040: the redaction check does not say who made it (a role) and when (add 'by: <role>' and 'date: YYYY-MM-DD' under 'redaction_check:')"],
            Lines(Log with { RedactionCheck = new LogRedactionInput(true, "Registered manager", null) }));
    }

    // ---- the generator reaches every check --------------------------------------------------------------------------

    [Fact]
    public void The_parity_generator_raises_every_check_many_times()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        void Count(string json)
        {
            foreach (var issue in LearningLogValidation.Validate(LogValidationInput.FromJson(json)))
                counts[issue.Code] = counts.GetValueOrDefault(issue.Code) + 1;
        }
        Generators.InputJson(LearningLogValidation.ModelId).Sample(Count, iter: 5000, threads: 1, seed: "0000000000AB");
        var codes = Enumerable.Range(1, 40).Select(n => $"LLV{n:000}").ToArray();
        Assert.All(codes, code => Assert.True(counts.GetValueOrDefault(code) >= 20, $"{code} raised {counts.GetValueOrDefault(code)} times in 5,000 generated logs"));
        counts.Clear();
        foreach (var json in Generators.BoundaryInputs(LearningLogValidation.ModelId))
            Count(json);
        Assert.All(codes, code => Assert.True(counts.GetValueOrDefault(code) >= 1, $"no boundary case raises {code}"));
    }

    // ---- the format's option lists ----------------------------------------------------------------------------------

    [Fact]
    public void Module_exports_the_log_format_exactly()
    {
        var exported = Host.Module.Get("logFormat");
        var json = JsonSerializer.Serialize(LogFormat.Options, RulesJson.Compact);
        Assert.Equal(json, Host.Evaluate("(v) => JSON.stringify(v)").Call(exported).AsString());
        Assert.True(Host.Evaluate("(f) => Object.isFrozen(f) && Object.values(f).every((list) => Object.isFrozen(list) && list.every((o) => typeof o !== 'object' || Object.isFrozen(o)))").Call(exported).AsBoolean());
        using var document = JsonDocument.Parse(json);
        Assert.Equal(["status", "eventType", "harm", "responseMethod", "workSystemArea", "actionStatus", "reviewDecision", "datePrecision",
            "candourAnswer", "candourNotifiable", "candourOutcomes", "unableToNotifyReason", "notificationRecipient", "actionKind", "evidenceCategory"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
    }

    public static TheoryData<Type> FormatEnums() => new(
        typeof(LogStatus), typeof(EventType), typeof(Harm), typeof(DatePrecision), typeof(ResponseMethod), typeof(WorkSystemArea), typeof(ActionStatus), typeof(ReviewDecision),
        typeof(CandourAnswer), typeof(UnableToNotifyReason), typeof(NotificationRecipient), typeof(ActionKind), typeof(CategoryOfEvidence));

    [Theory]
    [MemberData(nameof(FormatEnums))]
    public void Every_enum_member_has_one_option_whose_value_is_its_kebab_case_name(Type type) =>
        typeof(LearningLogValidationTests).GetMethod(nameof(CheckOptions), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, null);

    private static void CheckOptions<TEnum>() where TEnum : struct, Enum
    {
        var options = LogFormat.OptionsOf<TEnum>();
        Assert.Equal(Enum.GetValues<TEnum>(), options.Select(o => o.Member));
        foreach (var option in options)
        {
            // The site's YAML binder writes an enum member as its kebab-case name (YamlBinder.KebabCase).
            Assert.Equal(Kebab(option.Member.ToString()), option.Value);
            Assert.Equal(option.Value, LogFormat.Value(option.Member));
            Assert.Equal(option.Label, LogFormat.Label(option.Member));
            Assert.True(LogFormat.TryParse<TEnum>(option.Value, out var parsed));
            Assert.Equal(option.Member, parsed);
            Assert.False(string.IsNullOrWhiteSpace(option.Label));
        }
        Assert.False(LogFormat.TryParse<TEnum>("Not-a-value", out _));
    }

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    [Fact]
    public void Labels_are_the_wording_the_journal_pages_use()
    {
        Assert.Equal(["Draft", "Learning in progress", "Actions open", "Monitoring", "Closed"], LogFormat.Statuses.All.Select(o => o.Label));
        Assert.Equal(["Incident", "Near miss", "Risk", "Poor outcome", "Good care"], LogFormat.EventTypes.All.Select(o => o.Label));
        Assert.Equal(["No harm", "Low harm", "Moderate harm", "Severe harm", "Fatal harm"], LogFormat.Harms.All.Select(o => o.Label));
        Assert.Equal(["After Action Review", "SWARM huddle", "Multidisciplinary team review", "Thematic review", "Patient safety incident investigation", "Other learning response"],
            LogFormat.ResponseMethods.All.Select(o => o.Label));
        Assert.Equal(["Person", "Tasks", "Tools and technology", "Organisation", "Internal environment", "External environment"], LogFormat.WorkSystemAreas.All.Select(o => o.Label));
        Assert.Equal(["Planned", "In progress", "Done", "Dropped"], LogFormat.ActionStatuses.All.Select(o => o.Label));
        Assert.Equal(["Yes", "No", "Not known yet"], LogFormat.CandourAnswers.All.Select(o => o.Label));
        Assert.Equal(["Could not be contacted", "Declined to speak to us"], LogFormat.UnableToNotifyReasons.All.Select(o => o.Label));
        Assert.Equal(["CQC", "Local authority safeguarding team", "Health and Safety Executive (RIDDOR)", "MHRA (Yellow Card)", "Coroner", "Commissioner", "Police", "Someone else"],
            LogFormat.NotificationRecipients.All.Select(o => o.Label));
        Assert.Equal(["One-off repair", "System change", "Training", "Reminder", "Policy or procedure", "Other"], LogFormat.ActionKinds.All.Select(o => o.Label));
        Assert.Throws<ArgumentException>(() => LogFormat.OptionsOf<DayOfWeek>());
        Assert.Equal("2025-03-05", LearningLogValidation.Date(new DateOnly(2025, 3, 5)));
        Assert.Null(LearningLogValidation.Date(null));
        Assert.Equal("0001-01-01", LearningLogValidation.Date(DateOnly.MinValue));
    }
}
