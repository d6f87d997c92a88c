using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Journal;

public sealed record JournalView
{
    public IReadOnlyList<JournalEntryView> Logs { get; init; } = [];
    public IReadOnlyList<LabelledText> StatusOptions { get; init; } = [];
    public IReadOnlyList<LabelledText> EventOptions { get; init; } = [];
    public IReadOnlyList<LabelledText> KeyQuestionOptions { get; init; } = [];
    public IReadOnlyList<LabelledText> StatementOptions { get; init; } = [];
    public IReadOnlyList<ActionView> Overdue { get; init; } = [];
    public IReadOnlyList<ActionView> Open { get; init; } = [];
    public IReadOnlyList<ActionView> DueForReview { get; init; } = [];
    public DateView? AsOf { get; init; }
    public string? FeedUrl { get; init; }
    public string? Module { get; init; }
    /// <summary>The compiled learning-log-validation module (the draft form validates with it).</summary>
    public string? ValidationModule { get; init; }
}
