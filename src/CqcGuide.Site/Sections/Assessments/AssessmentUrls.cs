using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Assessments;

public sealed record AssessmentUrls
{
    public required string Start { get; init; }
    public required string Tasks { get; init; }
    public required string Check { get; init; }
    public required string Results { get; init; }
    public required string Manage { get; init; }
    public required string Plan { get; init; }
    public required string Team { get; init; }
    /// <summary>The "last published scores" page, when the assessment can start from them; else null.</summary>
    public string? Baseline { get; init; }
    public required string Index { get; init; }
    public required string Scoring { get; init; }
}
