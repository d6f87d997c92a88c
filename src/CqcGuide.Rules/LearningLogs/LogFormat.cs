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
    IReadOnlyList<LogOption> DatePrecision);

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

    /// <summary>Every option list, untyped, for the browser (exported by the validation module as <c>logFormat</c>).</summary>
    public static LogFormatOptions Options { get; } = new(
        Untyped(Statuses.All), Untyped(EventTypes.All), Untyped(Harms.All), Untyped(ResponseMethods.All), Untyped(WorkSystemAreas.All),
        Untyped(ActionStatuses.All), Untyped(ReviewDecisions.All), Untyped(DatePrecisions.All));

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
