using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Sections.Guidance;

// Keys are the snake_case property names. Unknown keys, wrong types and missing `required` members are errors at
// the YAML node (see YamlBinder).

/// <summary>Front matter of a guidance page (current edition or a frozen older one).</summary>
public sealed record GuidanceFrontMatter : IFrontMatter
{
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public int Order { get; init; } = 1000;
    public string? Owner { get; init; }
    public DateOnly? LastReviewed { get; init; }
    public DateOnly? NextReview { get; init; }
    public IReadOnlyList<string> KeyQuestions { get; init; } = [];
    public IReadOnlyList<string> QualityStatements { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<SourceRef> Sources { get; init; } = [];
    public IReadOnlyList<ChangeEntry> Changes { get; init; } = [];
    /// <summary>Ignored by the site (kept so forks can carry it); the edition comes from the folder.</summary>
    public string? Version { get; init; }
    public bool Draft { get; init; }
}

/// <summary>An entry of a guidance page's change history.</summary>
public sealed record ChangeEntry
{
    public required string Version { get; init; }
    public required DateOnly Date { get; init; }
    public required string Summary { get; init; }
}
