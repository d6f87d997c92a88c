using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Scoring;

public sealed record RuleView
{
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public required string KindLabel { get; init; }
    public required IReadOnlyList<string> Paragraphs { get; init; }
    public string? InterpretationName { get; init; }
    public string? InterpretationWhy { get; init; }
    public IReadOnlyList<LinkView> Sources { get; init; } = [];
}
