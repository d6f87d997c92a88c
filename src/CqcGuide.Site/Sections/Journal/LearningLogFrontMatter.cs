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

public sealed record DutyOfCandour
{
    public required bool Applies { get; init; }
    public DateOnly? Completed { get; init; }
    public string? Reason { get; init; }
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
    public IReadOnlyList<string> Addresses { get; init; } = [];
    public string? OwnerRole { get; init; }
    public DateOnly? Due { get; init; }
    public required ActionStatus Status { get; init; }
    public DateOnly? Completed { get; init; }
    public string? Evidence { get; init; }
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
