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
    /// <summary>The log format's option lists (values, labels, hints), from the rules: the draft form's radios and selects.</summary>
    public CqcGuide.Rules.LearningLogs.LogFormatOptions? Format { get; init; }
    /// <summary>The site's measures (title, id): the draft form's choice for an action's <c>measure_id</c>.</summary>
    public IReadOnlyList<LabelledText> Measures { get; init; } = [];
    /// <summary>GitHub's "create a new file" page for input/journal/ of the fork's repository (organisation.yml
    /// <c>repository:</c>), and its upload page for a log too long for an address; null without a repository.</summary>
    public string? ProposeUrl { get; init; }
    public string? UploadUrl { get; init; }
    /// <summary>The compiled personal-data module (the draft form checks for personal data with it).</summary>
    public string? PersonalDataModule { get; init; }
}
