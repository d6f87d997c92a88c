namespace CqcGuide.Site.Views;

/// <summary>What every layout sees as <c>page</c> (members in snake_case: <c>page.last_reviewed</c>). See docs/theming.md.</summary>
public sealed record PageView
{
    public required string Title { get; init; }
    public string Summary { get; init; } = "";
    public required string Url { get; init; }
    public required string CanonicalUrl { get; init; }
    public required string Kind { get; init; }
    public required string Section { get; init; }
    public string Content { get; init; } = "";
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
    public IReadOnlyList<ListGroup> Groups { get; init; } = [];
    public required SearchView Search { get; init; }
    /// <summary>The layout's own data (a checklist, an assessment, a learning log...), set by the section that owns the layout.</summary>
    public object? Data { get; init; }
    public required string Csp { get; init; }
}
