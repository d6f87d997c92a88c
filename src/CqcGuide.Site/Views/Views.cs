namespace CqcGuide.Site.Views;

// Template view models. Liquid sees these members in snake_case (page.last_reviewed, site.home_url ...).
// A template that names a member that does not exist is a build error (CG402), so these classes are the
// templates' contract: see docs/theming.md.

public sealed class LinkView
{
    public required string Title { get; init; }
    /// <summary>Settable so that the link stage can fill in a resolved content link (e.g. a checklist item's guidance).</summary>
    public required string Url { get; set; }
    public bool Current { get; init; }
    /// <summary>Extra text such as a quality statement's key question or a count.</summary>
    public string? Hint { get; init; }
    public string? Id { get; init; }
}

public sealed class NavNode
{
    public required string Title { get; init; }
    public required string Url { get; init; }
    public bool Current { get; init; }
    public bool Expanded { get; init; }
    public IReadOnlyList<NavNode> Children { get; init; } = [];
}

public sealed class TocEntry
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public IReadOnlyList<TocEntry> Children { get; init; } = [];
}

public sealed class DateView
{
    public required string Iso { get; init; }
    public required string Text { get; init; }

    public static DateView Of(DateOnly d) => new()
    {
        Iso = d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Text = d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class ChangeView
{
    public required string Version { get; init; }
    public required DateView Date { get; init; }
    public required string Summary { get; init; }
    /// <summary>The comparison page for this change, when one was generated.</summary>
    public string? CompareUrl { get; init; }
}

public sealed class EditionView
{
    public required string Version { get; init; }
    public required string Label { get; init; }
    public required bool IsCurrent { get; init; }
    /// <summary>For an older edition: the current edition's page (or its start page).</summary>
    public string? CurrentPageUrl { get; init; }
    public IReadOnlyList<LinkView> Switcher { get; init; } = [];
}

public sealed class SiteView
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Language { get; init; }
    public required string HomeUrl { get; init; }
    public required string SearchUrl { get; init; }
    public required bool SearchEnabled { get; init; }
    public string? Organisation { get; init; }
    public string? FooterNote { get; init; }
    public required string CurrentVersion { get; init; }
    public IReadOnlyList<LinkView> Sections { get; init; } = [];
    public IReadOnlyList<LinkView> FooterLinks { get; init; } = [];
}

public sealed class ChecklistItemView
{
    public required string Id { get; init; }
    public required string Anchor { get; init; }
    public required string Text { get; init; }
    public required string Explanation { get; init; }
    public LinkView? Guidance { get; init; }
    public IReadOnlyList<LinkView> QualityStatements { get; init; } = [];
}

public sealed class ChecklistView
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public IReadOnlyList<ChecklistItemView> Items { get; init; } = [];
}

/// <summary>A group of links on a list page (an index, a taxonomy page).</summary>
public sealed class ListGroup
{
    public string? Title { get; init; }
    public string? Id { get; init; }
    public string? Intro { get; init; }
    public IReadOnlyList<ListItem> Items { get; init; } = [];
}

public sealed class ListItem
{
    public required string Title { get; init; }
    public required string Url { get; init; }
    public string? Summary { get; init; }
    public string? Meta { get; init; }
}

/// <summary>Pagefind metadata and filters for a page (rendered as data-pagefind-* attributes).</summary>
public sealed class SearchView
{
    public required bool Indexed { get; init; }
    public required string Type { get; init; }
    public string? Version { get; init; }
    public IReadOnlyList<string> KeyQuestions { get; init; } = [];
}

public sealed class PageView
{
    public required string Title { get; init; }
    public string Summary { get; init; } = "";
    public required string Url { get; init; }
    public required string CanonicalUrl { get; init; }
    public required string Kind { get; init; }
    public required string Section { get; init; }
    public string Content { get; set; } = "";
    public string? SourcePath { get; init; }
    public IReadOnlyList<TocEntry> Toc { get; init; } = [];
    public IReadOnlyList<LinkView> Breadcrumbs { get; init; } = [];
    public LinkView? Prev { get; init; }
    public LinkView? Next { get; init; }
    public string? SideNavTitle { get; init; }
    public IReadOnlyList<NavNode> SideNav { get; init; } = [];
    public string? Owner { get; init; }
    public DateView? LastReviewed { get; init; }
    public DateView? NextReview { get; init; }
    public bool ReviewOverdue { get; init; }
    public IReadOnlyList<LinkView> KeyQuestions { get; init; } = [];
    public IReadOnlyList<LinkView> QualityStatements { get; init; } = [];
    public IReadOnlyList<LinkView> Tags { get; init; } = [];
    public IReadOnlyList<LinkView> Sources { get; init; } = [];
    public IReadOnlyList<ChangeView> Changes { get; init; } = [];
    public EditionView? Edition { get; init; }
    public ChecklistView? Checklist { get; init; }
    public IReadOnlyList<ListGroup> Groups { get; init; } = [];
    public required SearchView Search { get; init; }
    /// <summary>Extra data for a layout (assessment, journal, scoring pages), set by the stage that owns the layout.</summary>
    public object? Data { get; init; }
    public required string Csp { get; init; }
}

// Self-assessments

public sealed class OptionView
{
    public required string Value { get; init; }
    public required string Label { get; init; }
    public string? Hint { get; init; }
    public required string InputId { get; init; }
    /// <summary>Show GOV.UK's "or" divider before this option (e.g. before "Not assessed").</summary>
    public bool Divider { get; init; }
}

public sealed class QuestionView
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

public sealed class AssessmentSectionView
{
    public required string Id { get; init; }
    public required int Number { get; init; }
    public required string Title { get; init; }
    public required string Url { get; init; }
    public string IntroHtml { get; init; } = "";
    public IReadOnlyList<QuestionView> Questions { get; init; } = [];
}

public sealed class AssessmentUrls
{
    public required string Start { get; init; }
    public required string Tasks { get; init; }
    public required string Check { get; init; }
    public required string Results { get; init; }
    public required string Manage { get; init; }
    public required string Index { get; init; }
    public required string Scoring { get; init; }
}

public sealed class AssessmentView
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Version { get; init; }
    public required string ModelId { get; init; }
    public required string ModelVersion { get; init; }
    public required string ModelTitle { get; init; }
    public required bool IsCqcMethod { get; init; }
    public string? TimeNeeded { get; init; }
    public string IntroductionHtml { get; init; } = "";
    /// <summary>Logical asset name of the compiled scoring module, for the <c>asset</c> filter.</summary>
    public required string Module { get; init; }
    /// <summary>The definition the browser needs, as JSON safe to place inside a script data block.</summary>
    public required string DefinitionJson { get; init; }
    public required int QuestionCount { get; init; }
    public required IReadOnlyList<AssessmentSectionView> Sections { get; init; }
    public AssessmentSectionView? Section { get; init; }
    public LinkView? PrevSection { get; init; }
    public LinkView? NextSection { get; init; }
    public required AssessmentUrls Urls { get; init; }
    public required string Notice { get; init; }
}

/// <summary>"How scoring works": one model's rules, generated from the rules' own descriptions.</summary>
public sealed class ScoringView
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required string Summary { get; init; }
    public required bool IsCqcMethod { get; init; }
    public required string SourceHash { get; init; }
    public required string Module { get; init; }
    public IReadOnlyList<RuleView> Rules { get; init; } = [];
}

public sealed class RuleView
{
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public required string KindLabel { get; init; }
    public required IReadOnlyList<string> Paragraphs { get; init; }
    public string? InterpretationName { get; init; }
    public string? InterpretationWhy { get; init; }
    public IReadOnlyList<LinkView> Sources { get; init; } = [];
}

// Learning journal

public sealed class LabelledText
{
    public required string Label { get; init; }
    public required string Text { get; init; }
}

public sealed class FactorView
{
    public required string Id { get; init; }
    public required string Area { get; init; }
    public required string Description { get; init; }
    public required bool Systemic { get; init; }
}

public sealed class ReviewView
{
    public required DateView Date { get; init; }
    public required string Result { get; init; }
    public required string Decision { get; init; }
}

public sealed class ActionView
{
    public required string Id { get; init; }
    public required string Description { get; init; }
    public required string Addresses { get; init; }
    public string? OwnerRole { get; init; }
    public DateView? Due { get; init; }
    public required string Status { get; init; }
    public required string StatusClass { get; init; }
    public DateView? Completed { get; init; }
    public string? Evidence { get; init; }
    public string? Measure { get; init; }
    public string? DroppedReason { get; init; }
    public bool Overdue { get; init; }
    public IReadOnlyList<ReviewView> Reviews { get; init; } = [];
    /// <summary>For the tracker: the log the action belongs to.</summary>
    public LinkView? Log { get; init; }
}

public sealed class TimelineEntry
{
    public required DateView Date { get; init; }
    public required string Text { get; init; }
    public bool Future { get; init; }
}

public sealed class FindingView
{
    public required string Code { get; init; }
    public required string Pitfall { get; init; }
    public required string Message { get; init; }
    public required string Guidance { get; init; }
    public string? Acknowledged { get; init; }
}

public sealed class LogView
{
    public required string Id { get; init; }
    public required string Status { get; init; }
    public required string StatusClass { get; init; }
    public required string EventType { get; init; }
    public required string Occurred { get; init; }
    public required DateView Identified { get; init; }
    public string? Harm { get; init; }
    public string? Candour { get; init; }
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
}

public sealed class JournalView
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
}

public sealed class JournalEntryView
{
    public required string Title { get; init; }
    public required string Url { get; init; }
    public required LogView Log { get; init; }
}
