using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Assessments;

public sealed record QuestionView
{
    public required string Id { get; init; }
    public required string Anchor { get; init; }
    public required int Number { get; init; }
    public required string Text { get; init; }
    public string? Hint { get; init; }
    public string? EvidencePrompt { get; init; }
    /// <summary>"choice" (radios) or "text" (a text box).</summary>
    public required string Input { get; init; }
    public required bool Scored { get; init; }
    public IReadOnlyList<OptionView> Options { get; init; } = [];
    public IReadOnlyList<LinkView> Guidance { get; init; } = [];
    public string? ShowIfQuestion { get; init; }
    /// <summary>Values of <see cref="ShowIfQuestion"/> that show this question, space-separated.</summary>
    public string? ShowIfValues { get; init; }
}
