using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Scoring;

public sealed record RuleView
{
    /// <summary>The rule's id (what <c>cqcguide rules explain</c> and the compiled module call it).</summary>
    public required string Name { get; init; }
    /// <summary>The id read as words for the heading: "overall-needs-all-five" → "Overall needs all five", "llq004-…" → "LLQ004: …".</summary>
    public required string Title { get; init; }
    public required string Kind { get; init; }
    public required string KindLabel { get; init; }
    public required IReadOnlyList<string> Paragraphs { get; init; }
    public string? InterpretationName { get; init; }
    public string? InterpretationWhy { get; init; }
    public IReadOnlyList<LinkView> Sources { get; init; } = [];
}
