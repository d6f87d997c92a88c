using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Governance;

/// <summary>A governance report page (one period), or the thematic review page (<see cref="Period"/> null).</summary>
public sealed record GovernanceReportView
{
    public required string Service { get; init; }
    public GovernancePeriodView? Period { get; init; }
    public required DateView AsOf { get; init; }
    /// <summary>The period has not ended: statuses are read as at today.</summary>
    public bool Partial { get; init; }
    public IReadOnlyList<GovernanceCountView> Counts { get; init; } = [];
    public IReadOnlyList<string> Questions { get; init; } = [];
    public IReadOnlyList<GovernanceListView> Lists { get; init; } = [];
    public IReadOnlyList<GovernanceThemeView> Themes { get; init; } = [];
    public IReadOnlyList<GovernanceThemeView> StatementThemes { get; init; } = [];
    /// <summary>Self-assessments saved in the period (history files), each key question beside the one before.</summary>
    public IReadOnlyList<Assessments.SelfAssessmentChange> SelfAssessments { get; init; } = [];
    public int WindowDays { get; init; }
    public string? ThemesUrl { get; init; }
    public string? TrackerUrl { get; init; }
    public string? IndexUrl { get; init; }
}

public sealed record GovernancePeriodView
{
    public required string Title { get; init; }
    public required DateView From { get; init; }
    public required DateView To { get; init; }
}

/// <summary>One figure of the summary, linking to its list.</summary>
public sealed record GovernanceCountView
{
    public required string Group { get; init; }
    public required string Label { get; init; }
    public required int Count { get; init; }
    public required string Anchor { get; init; }
}

public sealed record GovernanceListView
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Empty { get; init; }
    public string? Hint { get; init; }
    public IReadOnlyList<GovernanceRowView> Rows { get; init; } = [];
}

/// <summary>A log, an action, a review, a signal or a finding in a report's list.</summary>
public sealed record GovernanceRowView
{
    public required LinkView Link { get; init; }
    public string? Detail { get; init; }
    public DateView? Date { get; init; }
    public string? DateLabel { get; init; }
    public string? State { get; init; }
    public string? StateClass { get; init; }
}

public sealed record GovernanceThemeView
{
    public required string Label { get; init; }
    public string? Url { get; init; }
    public IReadOnlyList<LinkView> Logs { get; init; } = [];
    public int Factors { get; init; }
    public int Actions { get; init; }
    public int SystemChanges { get; init; }
    public bool Recurring { get; init; }
    /// <summary>It recurs and no action answering it changes the system (the rules' flag).</summary>
    public bool NoSystemChange { get; init; }
    public DateView? First { get; init; }
    public DateView? Last { get; init; }
}
