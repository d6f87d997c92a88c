using CqcGuide.Rules.LearningLogs;
using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Sections.Journal;


/// <summary>A provider-authored learning log: <c>input/journal/&lt;id&gt;.md</c> (see docs/content-spec.md).</summary>
public sealed record LearningLogFrontMatter : IFrontMatter
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required LogStatus Status { get; init; }
    public required EventType EventType { get; init; }
    /// <summary>YYYY-MM-DD, or YYYY-MM when only the month is known (see <see cref="OccurredPrecision"/>).</summary>
    public required string Occurred { get; init; }
    public DatePrecision OccurredPrecision { get; init; } = DatePrecision.Day;
    public required DateOnly Identified { get; init; }
    public Harm? Harm { get; init; }
    public DutyOfCandour? DutyOfCandour { get; init; }
    /// <summary>Who was told about the event (CQC, safeguarding, RIDDOR…), or decided against, with the reason.</summary>
    public IReadOnlyList<NotificationEntry> Notifications { get; init; } = [];
    public required string Summary { get; init; }
    public LearningResponse? LearningResponse { get; init; }
    public IReadOnlyList<LogFactorEntry> Factors { get; init; } = [];
    public IReadOnlyList<LogActionEntry> Actions { get; init; } = [];
    public GovernanceReview? GovernanceReview { get; init; }
    public IReadOnlyList<string> QualityStatements { get; init; } = [];
    public string? LearningToShare { get; init; }
    public DateOnly? NextReview { get; init; }
    public RedactionCheck? RedactionCheck { get; init; }
    public IReadOnlyList<Acknowledgement> Acknowledged { get; init; } = [];
    /// <summary>Phrases a person has checked and found not to be personal data: each marks the personal-data findings it covers.</summary>
    public IReadOnlyList<string> NotPersonalData { get; init; } = [];
    /// <summary>A log written to show a pitfall: labelled as such and never counted as evidence.</summary>
    public bool TeachingExample { get; init; }

    int IFrontMatter.Order => 0;
}

/// <summary>
/// The duty of candour: the Regulation 20(9) answers (which decide whether it applies), whose opinion they are, and the
/// notification record. See docs/content-spec.md.
/// </summary>
public sealed record DutyOfCandour
{
    public CandourOutcomes? Outcomes { get; init; }
    /// <summary>The role of the health care professional whose opinion the answers are (a role, never a name).</summary>
    public string? ProfessionalRole { get; init; }
    public DateOnly? OpinionDate { get; init; }
    /// <summary>When the relevant person was told in person (Regulation 20(3)).</summary>
    public DateOnly? NotifiedInPerson { get; init; }
    /// <summary>When the written notification was sent (Regulation 20(4)).</summary>
    public DateOnly? WrittenNotification { get; init; }
    /// <summary>Instead of the two dates: the relevant person could not be contacted or declined (Regulation 20(5)).</summary>
    public UnableToNotify? UnableToNotify { get; init; }
    /// <summary>Notes in the team's own words.</summary>
    public string? Reason { get; init; }
    /// <summary>The old format's own decision: no longer used (the build says what replaces it).</summary>
    public bool? Applies { get; init; }
    /// <summary>The old format's date of the written notification: now <see cref="WrittenNotification"/>.</summary>
    public DateOnly? Completed { get; init; }
}

/// <summary>The Regulation 20(9) questions (the keys are LogFormat.Outcomes' keys), each yes, no or unknown.</summary>
public sealed record CandourOutcomes
{
    public required CandourAnswer Death { get; init; }
    public required CandourAnswer Impairment { get; init; }
    public required CandourAnswer BodyStructure { get; init; }
    public required CandourAnswer ProlongedPain { get; init; }
    public required CandourAnswer ProlongedPsychologicalHarm { get; init; }
    public required CandourAnswer ShortenedLifeExpectancy { get; init; }
    public required CandourAnswer TreatmentNeeded { get; init; }
}

public sealed record UnableToNotify
{
    public required UnableToNotifyReason Reason { get; init; }
    /// <summary>The written record of the attempts to contact or speak to the relevant person.</summary>
    public required string Attempts { get; init; }
}

/// <summary>A notification made (a date) or decided against (<see cref="NotNotified"/>, the reason).</summary>
public sealed record NotificationEntry
{
    public required NotificationRecipient To { get; init; }
    /// <summary>Who, in words: required for <c>to: other</c>.</summary>
    public string? Recipient { get; init; }
    public DateOnly? Date { get; init; }
    public string? Reference { get; init; }
    /// <summary>What they decided or asked of the service.</summary>
    public string? Outcome { get; init; }
    /// <summary>Instead of a date: the decision not to tell them, and why.</summary>
    public string? NotNotified { get; init; }
}

public sealed record LearningResponse
{
    public required ResponseMethod Method { get; init; }
    public DateOnly? Held { get; init; }
    public IReadOnlyList<string> Roles { get; init; } = [];
    public string? Expected { get; init; }
    public string? Actual { get; init; }
    public string? WhyDifferent { get; init; }
    public string? WentWell { get; init; }
}

public sealed record LogFactorEntry
{
    public required string Id { get; init; }
    public required WorkSystemArea Area { get; init; }
    public required string Description { get; init; }
    public required bool Systemic { get; init; }
}

public sealed record LogActionEntry
{
    public required string Id { get; init; }
    public required string Description { get; init; }
    /// <summary>repair | system-change | training | reminder | policy | other (optional).</summary>
    public ActionKind? Kind { get; init; }
    public IReadOnlyList<string> Addresses { get; init; } = [];
    public string? OwnerRole { get; init; }
    public DateOnly? Due { get; init; }
    public required ActionStatus Status { get; init; }
    public DateOnly? Completed { get; init; }
    public string? Evidence { get; init; }
    /// <summary>Which of CQC's six evidence categories the evidence belongs to; the evidence portfolio groups by it.</summary>
    public CategoryOfEvidence? EvidenceCategory { get; init; }
    public string? Measure { get; init; }
    /// <summary>The measure (input/measures/&lt;id&gt;.yml) that shows whether the action worked; its chart is shown with the action.</summary>
    public string? MeasureId { get; init; }
    public IReadOnlyList<EffectivenessReview> Reviews { get; init; } = [];
    public string? DroppedReason { get; init; }
}

public sealed record EffectivenessReview
{
    public required DateOnly Date { get; init; }
    public required string Result { get; init; }
    public required ReviewDecision Decision { get; init; }
}

public sealed record GovernanceReview
{
    public required string Forum { get; init; }
    public required DateOnly Date { get; init; }
    public string? Reflection { get; init; }
}

public sealed record RedactionCheck
{
    public required bool Confirmed { get; init; }
    public string? By { get; init; }
    public DateOnly? Date { get; init; }
}

public sealed record Acknowledgement
{
    public required string Code { get; init; }
    public string? Action { get; init; }
    public required string Reason { get; init; }
}
