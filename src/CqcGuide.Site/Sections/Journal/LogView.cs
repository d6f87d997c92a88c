using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Journal;

public sealed record LogView
{
    public required string Id { get; init; }
    public required string Status { get; init; }
    public required string StatusClass { get; init; }
    public required string EventType { get; init; }
    public required string Occurred { get; init; }
    public required DateView Identified { get; init; }
    public string? Harm { get; init; }
    /// <summary>The duty of candour in one line: applies or not (decided by the rules from the Regulation 20(9) answers) and the notification record.</summary>
    public string? Candour { get; init; }
    /// <summary>The seven Regulation 20(9) questions and their answers, when recorded.</summary>
    public IReadOnlyList<LabelledText> CandourAnswers { get; init; } = [];
    /// <summary>Whose opinion the answers are, and when ("GP, 16 March 2026").</summary>
    public string? CandourOpinion { get; init; }
    /// <summary>When the relevant person could not be told: why, and the record of attempts.</summary>
    public string? CandourUnable { get; init; }
    public IReadOnlyList<NotificationView> Notifications { get; init; } = [];
    public required string Summary { get; init; }
    public IReadOnlyList<LabelledText> Response { get; init; } = [];
    public IReadOnlyList<FactorView> Factors { get; init; } = [];
    public IReadOnlyList<ActionView> Actions { get; init; } = [];
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];
    public IReadOnlyList<LabelledText> Governance { get; init; } = [];
    public string? LearningToShare { get; init; }
    public DateView? NextReview { get; init; }
    public IReadOnlyList<FindingView> Findings { get; init; } = [];
    /// <summary>Filter keys for the journal index: status, event type and key questions.</summary>
    public required string FilterStatus { get; init; }
    public required string FilterEvent { get; init; }
    public required string FilterKeyQuestions { get; init; }
    /// <summary>Written to show a pitfall; never evidence.</summary>
    public bool TeachingExample { get; init; }
    /// <summary>Fictional example content (input/examples/), not the organisation's own log.</summary>
    public bool Example { get; init; }
}
