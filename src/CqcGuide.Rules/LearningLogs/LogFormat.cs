namespace CqcGuide.Rules.LearningLogs;

// The learning log format's option lists (docs/content-spec.md). The enum names are the ones the site binds YAML to:
// a member's kebab-case name (ActionsOpen → actions-open) is the value written in a log.

public enum LogStatus { Draft, LearningInProgress, ActionsOpen, Monitoring, Closed }

public enum EventType { Incident, NearMiss, Risk, PoorOutcome, GoodCare }

public enum Harm { None, Low, Moderate, Severe, Fatal }

public enum DatePrecision { Day, Month }

public enum ResponseMethod { AfterActionReview, SwarmHuddle, MdtReview, ThematicReview, Psii, Other }

public enum WorkSystemArea { Person, Tasks, ToolsTechnology, Organisation, InternalEnvironment, ExternalEnvironment }

public enum ActionStatus { Planned, InProgress, Done, Dropped }

public enum ReviewDecision { Adopt, Adapt, Abandon }

/// <summary>An answer to one of the Regulation 20(9) questions of the duty of candour.</summary>
public enum CandourAnswer { Yes, No, Unknown }

/// <summary>Why the relevant person was not notified under the duty of candour (Regulation 20(5)).</summary>
public enum UnableToNotifyReason { CouldNotBeContacted, Declined }

/// <summary>Who a log's notification went to (or was decided against).</summary>
public enum NotificationRecipient { Cqc, Safeguarding, Riddor, Mhra, Coroner, Commissioner, Police, Other }

/// <summary>What kind of safety action an action is: the hierarchy of actions ranks system changes above training, reminders and policies.</summary>
public enum ActionKind { Repair, SystemChange, Training, Reminder, Policy, Other }

/// <summary>Which of CQC's six evidence categories an action's evidence belongs to (the evidence portfolio groups by it).</summary>
public enum CategoryOfEvidence { PeopleExperience, StaffLeadersFeedback, PartnersFeedback, Observation, Processes, Outcomes }

/// <summary>
/// One Regulation 20(9) question: its YAML key under <c>duty_of_candour.outcomes</c>, its JSON name in the rules' inputs,
/// the outcome it asks about and a hint with the regulation's detail.
/// </summary>
public sealed record CandourOutcome(string Key, string Field, string Label, string Hint);

/// <summary>One allowed value of a log field, as the browser receives it: the value written in a log, its label and an optional hint.</summary>
public sealed record LogOption(string Value, string Label, string? Hint);

/// <summary>One allowed value of a log field with its enum member.</summary>
/// <param name="Value">The kebab-case value written in a log file (and posted by the draft form).</param>
/// <param name="Label">How the site shows the value (log pages, filters, the draft form's options).</param>
/// <param name="Hint">A short explanation a form can show under the option, if any.</param>
public sealed record LogOption<TEnum>(TEnum Member, string Value, string Label, string? Hint = null)
    where TEnum : struct, Enum
{
    public LogOption Untyped() => new(Value, Label, Hint);
}

/// <summary>Every option list of the log format, as the <c>learning-log-validation</c> module exports it (<c>logFormat</c>).</summary>
public sealed record LogFormatOptions(
    IReadOnlyList<LogOption> Status,
    IReadOnlyList<LogOption> EventType,
    IReadOnlyList<LogOption> Harm,
    IReadOnlyList<LogOption> ResponseMethod,
    IReadOnlyList<LogOption> WorkSystemArea,
    IReadOnlyList<LogOption> ActionStatus,
    IReadOnlyList<LogOption> ReviewDecision,
    IReadOnlyList<LogOption> DatePrecision,
    IReadOnlyList<LogOption> CandourAnswer,
    IReadOnlyList<string> CandourNotifiable,
    IReadOnlyList<CandourOutcome> CandourOutcomes,
    IReadOnlyList<LogOption> UnableToNotifyReason,
    IReadOnlyList<LogOption> NotificationRecipient,
    IReadOnlyList<LogOption> ActionKind,
    IReadOnlyList<LogOption> EvidenceCategory);

/// <summary>
/// The learning log format's domain, the one source of its allowed values and their labels: the site binds YAML to the
/// enums and labels pages with <see cref="Label{TEnum}"/>, the rules compare with the values (<c>Statuses.Closed.Value</c>),
/// and the browser builds its option lists from the exported <see cref="Options"/>.
/// </summary>
public static class LogFormat
{
    public static class Statuses
    {
        public static readonly LogOption<LogStatus> Draft = new(LogStatus.Draft, "draft", "Draft");
        public static readonly LogOption<LogStatus> LearningInProgress = new(LogStatus.LearningInProgress, "learning-in-progress", "Learning in progress");
        public static readonly LogOption<LogStatus> ActionsOpen = new(LogStatus.ActionsOpen, "actions-open", "Actions open");
        public static readonly LogOption<LogStatus> Monitoring = new(LogStatus.Monitoring, "monitoring", "Monitoring");
        public static readonly LogOption<LogStatus> Closed = new(LogStatus.Closed, "closed", "Closed");
        public static IReadOnlyList<LogOption<LogStatus>> All { get; } = [Draft, LearningInProgress, ActionsOpen, Monitoring, Closed];
    }

    public static class EventTypes
    {
        public static readonly LogOption<EventType> Incident = new(EventType.Incident, "incident", "Incident");
        public static readonly LogOption<EventType> NearMiss = new(EventType.NearMiss, "near-miss", "Near miss");
        public static readonly LogOption<EventType> Risk = new(EventType.Risk, "risk", "Risk");
        public static readonly LogOption<EventType> PoorOutcome = new(EventType.PoorOutcome, "poor-outcome", "Poor outcome");
        public static readonly LogOption<EventType> GoodCare = new(EventType.GoodCare, "good-care", "Good care", "Learning from what went well");
        public static IReadOnlyList<LogOption<EventType>> All { get; } = [Incident, NearMiss, Risk, PoorOutcome, GoodCare];
    }

    public static class Harms
    {
        public static readonly LogOption<Harm> None = new(Harm.None, "none", "No harm");
        public static readonly LogOption<Harm> Low = new(Harm.Low, "low", "Low harm");
        public static readonly LogOption<Harm> Moderate = new(Harm.Moderate, "moderate", "Moderate harm");
        public static readonly LogOption<Harm> Severe = new(Harm.Severe, "severe", "Severe harm");
        public static readonly LogOption<Harm> Fatal = new(Harm.Fatal, "fatal", "Fatal harm");
        public static IReadOnlyList<LogOption<Harm>> All { get; } = [None, Low, Moderate, Severe, Fatal];
    }

    public static class ResponseMethods
    {
        public static readonly LogOption<ResponseMethod> AfterActionReview = new(ResponseMethod.AfterActionReview, "after-action-review", "After Action Review");
        public static readonly LogOption<ResponseMethod> SwarmHuddle = new(ResponseMethod.SwarmHuddle, "swarm-huddle", "SWARM huddle");
        public static readonly LogOption<ResponseMethod> MdtReview = new(ResponseMethod.MdtReview, "mdt-review", "Multidisciplinary team review");
        public static readonly LogOption<ResponseMethod> ThematicReview = new(ResponseMethod.ThematicReview, "thematic-review", "Thematic review");
        public static readonly LogOption<ResponseMethod> Psii = new(ResponseMethod.Psii, "psii", "Patient safety incident investigation");
        public static readonly LogOption<ResponseMethod> Other = new(ResponseMethod.Other, "other", "Other learning response");
        public static IReadOnlyList<LogOption<ResponseMethod>> All { get; } = [AfterActionReview, SwarmHuddle, MdtReview, ThematicReview, Psii, Other];
    }

    public static class WorkSystemAreas
    {
        public static readonly LogOption<WorkSystemArea> Person = new(WorkSystemArea.Person, "person", "Person");
        public static readonly LogOption<WorkSystemArea> Tasks = new(WorkSystemArea.Tasks, "tasks", "Tasks");
        public static readonly LogOption<WorkSystemArea> ToolsTechnology = new(WorkSystemArea.ToolsTechnology, "tools-technology", "Tools and technology");
        public static readonly LogOption<WorkSystemArea> Organisation = new(WorkSystemArea.Organisation, "organisation", "Organisation");
        public static readonly LogOption<WorkSystemArea> InternalEnvironment = new(WorkSystemArea.InternalEnvironment, "internal-environment", "Internal environment");
        public static readonly LogOption<WorkSystemArea> ExternalEnvironment = new(WorkSystemArea.ExternalEnvironment, "external-environment", "External environment");
        public static IReadOnlyList<LogOption<WorkSystemArea>> All { get; } = [Person, Tasks, ToolsTechnology, Organisation, InternalEnvironment, ExternalEnvironment];
    }

    public static class ActionStatuses
    {
        public static readonly LogOption<ActionStatus> Planned = new(ActionStatus.Planned, "planned", "Planned");
        public static readonly LogOption<ActionStatus> InProgress = new(ActionStatus.InProgress, "in-progress", "In progress");
        public static readonly LogOption<ActionStatus> Done = new(ActionStatus.Done, "done", "Done");
        public static readonly LogOption<ActionStatus> Dropped = new(ActionStatus.Dropped, "dropped", "Dropped");
        public static IReadOnlyList<LogOption<ActionStatus>> All { get; } = [Planned, InProgress, Done, Dropped];
    }

    public static class ReviewDecisions
    {
        public static readonly LogOption<ReviewDecision> Adopt = new(ReviewDecision.Adopt, "adopt", "Adopt");
        public static readonly LogOption<ReviewDecision> Adapt = new(ReviewDecision.Adapt, "adapt", "Adapt");
        public static readonly LogOption<ReviewDecision> Abandon = new(ReviewDecision.Abandon, "abandon", "Abandon");
        public static IReadOnlyList<LogOption<ReviewDecision>> All { get; } = [Adopt, Adapt, Abandon];
    }

    public static class DatePrecisions
    {
        public static readonly LogOption<DatePrecision> Day = new(DatePrecision.Day, "day", "Day");
        public static readonly LogOption<DatePrecision> Month = new(DatePrecision.Month, "month", "Month", "We only know the month");
        public static IReadOnlyList<LogOption<DatePrecision>> All { get; } = [Day, Month];
    }

    public static class CandourAnswers
    {
        public static readonly LogOption<CandourAnswer> Yes = new(CandourAnswer.Yes, "yes", "Yes");
        public static readonly LogOption<CandourAnswer> No = new(CandourAnswer.No, "no", "No");
        public static readonly LogOption<CandourAnswer> Unknown = new(CandourAnswer.Unknown, "unknown", "Not known yet",
            "Counts as yes until a health care professional has decided");
        public static IReadOnlyList<LogOption<CandourAnswer>> All { get; } = [Yes, No, Unknown];

        /// <summary>
        /// The answers that make an incident notifiable: yes, and "not known yet", which counts as yes until a health care
        /// professional has decided (the rules read this list, and the draft form shows the notification fields from it).
        /// </summary>
        public static IReadOnlyList<string> Notifiable { get; } = [Yes.Value, Unknown.Value];
    }

    /// <summary>
    /// The Regulation 20(9) questions, in the regulation's order. In the reasonable opinion of a health care professional,
    /// has the unintended or unexpected incident appeared to result in … (or does it need treatment to prevent …)?
    /// </summary>
    public static class Outcomes
    {
        public static readonly CandourOutcome Death = new("death", "death", "Death relating directly to the incident",
            "Death caused by the incident, not by the natural course of the person's illness or underlying condition");
        public static readonly CandourOutcome Impairment = new("impairment", "impairment", "Impairment lasting 28 days or more",
            "An impairment of the person's senses, movement or thinking (sensory, motor or intellectual functions) that has lasted, or is likely to last, at least 28 days in a row");
        public static readonly CandourOutcome BodyStructure = new("body_structure", "bodyStructure", "Changes to the structure of the body",
            "For example a broken bone");
        public static readonly CandourOutcome ProlongedPain = new("prolonged_pain", "prolongedPain", "Prolonged pain",
            "Pain the person has felt, or is likely to feel, for at least 28 days in a row");
        public static readonly CandourOutcome ProlongedPsychologicalHarm = new("prolonged_psychological_harm", "prolongedPsychologicalHarm", "Prolonged psychological harm",
            "Psychological harm the person has experienced, or is likely to experience, for at least 28 days in a row");
        public static readonly CandourOutcome ShortenedLifeExpectancy = new("shortened_life_expectancy", "shortenedLifeExpectancy", "Shortened life expectancy",
            "The incident appears to have shortened the person's life expectancy");
        public static readonly CandourOutcome TreatmentNeeded = new("treatment_needed", "treatmentNeeded", "Treatment needed to prevent one of these",
            "The person needs treatment by a health care professional to prevent their death, or an injury that would lead to one of the outcomes above if it were not treated");

        /// <summary>The seven questions in the regulation's order (the order of <c>LogCandourOutcomes</c>' answers).</summary>
        public static IReadOnlyList<CandourOutcome> All { get; } =
            [Death, Impairment, BodyStructure, ProlongedPain, ProlongedPsychologicalHarm, ShortenedLifeExpectancy, TreatmentNeeded];
    }

    public static class UnableToNotifyReasons
    {
        public static readonly LogOption<UnableToNotifyReason> CouldNotBeContacted = new(UnableToNotifyReason.CouldNotBeContacted, "could-not-be-contacted", "Could not be contacted",
            "Every attempt to reach the relevant person in person failed");
        public static readonly LogOption<UnableToNotifyReason> Declined = new(UnableToNotifyReason.Declined, "declined", "Declined to speak to us",
            "The relevant person did not want to discuss the incident");
        public static IReadOnlyList<LogOption<UnableToNotifyReason>> All { get; } = [CouldNotBeContacted, Declined];
    }

    public static class NotificationRecipients
    {
        public static readonly LogOption<NotificationRecipient> Cqc = new(NotificationRecipient.Cqc, "cqc", "CQC",
            "Statutory notifications: deaths, serious injuries, abuse or allegations of abuse, police incidents (Registration Regulations 2009, regulations 16 and 18)");
        public static readonly LogOption<NotificationRecipient> Safeguarding = new(NotificationRecipient.Safeguarding, "safeguarding", "Local authority safeguarding team",
            "A safeguarding concern (Care Act 2014, section 42)");
        public static readonly LogOption<NotificationRecipient> Riddor = new(NotificationRecipient.Riddor, "riddor", "Health and Safety Executive (RIDDOR)");
        public static readonly LogOption<NotificationRecipient> Mhra = new(NotificationRecipient.Mhra, "mhra", "MHRA (Yellow Card)",
            "Suspected side effects of medicines and problems with medical devices");
        public static readonly LogOption<NotificationRecipient> Coroner = new(NotificationRecipient.Coroner, "coroner", "Coroner");
        public static readonly LogOption<NotificationRecipient> Commissioner = new(NotificationRecipient.Commissioner, "commissioner", "Commissioner",
            "What your contract with the local authority or integrated care board asks you to report");
        public static readonly LogOption<NotificationRecipient> Police = new(NotificationRecipient.Police, "police", "Police");
        public static readonly LogOption<NotificationRecipient> Other = new(NotificationRecipient.Other, "other", "Someone else",
            "Say who under 'recipient', for example the local health protection team");
        public static IReadOnlyList<LogOption<NotificationRecipient>> All { get; } = [Cqc, Safeguarding, Riddor, Mhra, Coroner, Commissioner, Police, Other];
    }

    /// <summary>
    /// The kinds of safety action. System changes and one-off repairs change the work or put it back as it was; training,
    /// reminders and policies rely on people remembering, so the hierarchy of actions counts them as weaker on their own.
    /// </summary>
    public static class ActionKinds
    {
        public static readonly LogOption<ActionKind> Repair = new(ActionKind.Repair, "repair", "One-off repair",
            "Mends or replaces something broken, such as equipment; needs no measure of effectiveness");
        public static readonly LogOption<ActionKind> SystemChange = new(ActionKind.SystemChange, "system-change", "System change",
            "Removes a hazard or redesigns the work: equipment, the environment, a process, a form, staffing (a stronger action)");
        public static readonly LogOption<ActionKind> Training = new(ActionKind.Training, "training", "Training",
            "Teaching, refreshers, competency checks (a weaker action on its own)");
        public static readonly LogOption<ActionKind> Reminder = new(ActionKind.Reminder, "reminder", "Reminder",
            "Reminders, notices, posters and briefings (a weaker action on its own)");
        public static readonly LogOption<ActionKind> Policy = new(ActionKind.Policy, "policy", "Policy or procedure",
            "Writing, revising or re-issuing a policy or procedure (a weaker action on its own)");
        public static readonly LogOption<ActionKind> Other = new(ActionKind.Other, "other", "Other");
        public static IReadOnlyList<LogOption<ActionKind>> All { get; } = [Repair, SystemChange, Training, Reminder, Policy, Other];
    }

    /// <summary>CQC's six evidence categories, as the evidence model names them (one list for both).</summary>
    public static class EvidenceCategories
    {
        private static LogOption<CategoryOfEvidence> Of(CategoryOfEvidence member, string hint)
        {
            var c = ScoringModels.CqcSafEvidence.Categories[(int)member];
            return new(member, c.Id, c.Name, hint);
        }

        public static readonly LogOption<CategoryOfEvidence> PeopleExperience = Of(CategoryOfEvidence.PeopleExperience, "What people who use the service and their families say: feedback, complaints, compliments, surveys");
        public static readonly LogOption<CategoryOfEvidence> StaffLeadersFeedback = Of(CategoryOfEvidence.StaffLeadersFeedback, "What staff and managers say: supervision, team meetings, staff surveys");
        public static readonly LogOption<CategoryOfEvidence> PartnersFeedback = Of(CategoryOfEvidence.PartnersFeedback, "What GPs, hospitals, commissioners and other partners say");
        public static readonly LogOption<CategoryOfEvidence> Observation = Of(CategoryOfEvidence.Observation, "What someone saw of care as it happened: observations, spot checks, walk-rounds");
        public static readonly LogOption<CategoryOfEvidence> Processes = Of(CategoryOfEvidence.Processes, "Records, audits, policies, checklists and the systems the service runs");
        public static readonly LogOption<CategoryOfEvidence> Outcomes = Of(CategoryOfEvidence.Outcomes, "What happened to people: counts and measures such as falls, infections or readmissions");
        public static IReadOnlyList<LogOption<CategoryOfEvidence>> All { get; } = [PeopleExperience, StaffLeadersFeedback, PartnersFeedback, Observation, Processes, Outcomes];
    }

    /// <summary>Every option list, untyped, for the browser (exported by the validation module as <c>logFormat</c>).</summary>
    public static LogFormatOptions Options { get; } = new(
        Untyped(Statuses.All), Untyped(EventTypes.All), Untyped(Harms.All), Untyped(ResponseMethods.All), Untyped(WorkSystemAreas.All),
        Untyped(ActionStatuses.All), Untyped(ReviewDecisions.All), Untyped(DatePrecisions.All),
        Untyped(CandourAnswers.All), CandourAnswers.Notifiable, Outcomes.All, Untyped(UnableToNotifyReasons.All),
        Untyped(NotificationRecipients.All), Untyped(ActionKinds.All), Untyped(EvidenceCategories.All));

    private static readonly Dictionary<Type, object> ByType = new()
    {
        [typeof(LogStatus)] = Statuses.All,
        [typeof(EventType)] = EventTypes.All,
        [typeof(Harm)] = Harms.All,
        [typeof(ResponseMethod)] = ResponseMethods.All,
        [typeof(WorkSystemArea)] = WorkSystemAreas.All,
        [typeof(ActionStatus)] = ActionStatuses.All,
        [typeof(ReviewDecision)] = ReviewDecisions.All,
        [typeof(DatePrecision)] = DatePrecisions.All,
        [typeof(CandourAnswer)] = CandourAnswers.All,
        [typeof(UnableToNotifyReason)] = UnableToNotifyReasons.All,
        [typeof(NotificationRecipient)] = NotificationRecipients.All,
        [typeof(ActionKind)] = ActionKinds.All,
        [typeof(CategoryOfEvidence)] = EvidenceCategories.All,
    };

    /// <summary>The options of one of the format's enums, in the format's order.</summary>
    public static IReadOnlyList<LogOption<TEnum>> OptionsOf<TEnum>() where TEnum : struct, Enum =>
        ByType.TryGetValue(typeof(TEnum), out var list)
            ? (IReadOnlyList<LogOption<TEnum>>)list
            : throw new ArgumentException($"{typeof(TEnum).Name} is not an enum of the learning log format.", nameof(TEnum));

    /// <summary>The option of an enum member.</summary>
    public static LogOption<TEnum> Option<TEnum>(TEnum member) where TEnum : struct, Enum =>
        OptionsOf<TEnum>().FirstOrDefault(o => EqualityComparer<TEnum>.Default.Equals(o.Member, member))
        ?? throw new ArgumentOutOfRangeException(nameof(member), member, $"{member} is not a value of {typeof(TEnum).Name}.");

    /// <summary>The value written in a log for <paramref name="member"/>, e.g. <c>actions-open</c>.</summary>
    public static string Value<TEnum>(TEnum member) where TEnum : struct, Enum => Option(member).Value;

    /// <summary>How the site shows <paramref name="member"/>, e.g. "Actions open".</summary>
    public static string Label<TEnum>(TEnum member) where TEnum : struct, Enum => Option(member).Label;

    /// <summary>The member written as <paramref name="value"/> (ordinal, exact), if any.</summary>
    public static bool TryParse<TEnum>(string? value, out TEnum member) where TEnum : struct, Enum
    {
        var option = OptionsOf<TEnum>().FirstOrDefault(o => o.Value == value);
        member = option?.Member ?? default;
        return option is not null;
    }

    private static IReadOnlyList<LogOption> Untyped<TEnum>(IReadOnlyList<LogOption<TEnum>> options) where TEnum : struct, Enum =>
        options.Select(o => o.Untyped()).ToArray();
}
