using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Scoring;

/// <summary>"How scoring works": one model's rules, generated from the rules' own descriptions.</summary>
public sealed record ScoringView
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required string Summary { get; init; }
    public required bool IsCqcMethod { get; init; }
    public required string SourceHash { get; init; }
    public required string Module { get; init; }
    public IReadOnlyList<RuleView> Rules { get; init; } = [];
}
