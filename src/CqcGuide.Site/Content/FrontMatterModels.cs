namespace CqcGuide.Site.Content;

// Typed front matter, one record per content type. Keys are the snake_case property names.
// Unknown keys, wrong types and missing `required` members are errors at the YAML node (see YamlBinder).

public sealed record SourceRef
{
    public required string Title { get; init; }
    public required string Url { get; init; }
}

public sealed record ChangeEntry
{
    public required string Version { get; init; }
    public required DateOnly Date { get; init; }
    public required string Summary { get; init; }
}

/// <summary>Front matter of a guidance page (current edition or a frozen older one).</summary>
public sealed record GuidanceFrontMatter
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

public sealed record ChecklistItem
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public required string Explanation { get; init; }
    public string? Guidance { get; init; }
    public IReadOnlyList<string> QualityStatements { get; init; } = [];
}

public sealed record ChecklistFrontMatter
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
    public required IReadOnlyList<ChecklistItem> Items { get; init; }
}

/// <summary>A plain page (about, accessibility, privacy) or the home page.</summary>
public sealed record PageFrontMatter
{
    public required string Title { get; init; }
    public string? Summary { get; init; }
    public int Order { get; init; } = 1000;
    public DateOnly? LastReviewed { get; init; }
    public DateOnly? NextReview { get; init; }
}

public sealed record VersionEntry
{
    public required string Version { get; init; }
    public string? Title { get; init; }
    public DateOnly? Date { get; init; }
}

/// <summary><c>input/site.yml</c>.</summary>
public sealed record SiteConfig
{
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public string Language { get; init; } = "en-GB";
    /// <summary>The public address, used for canonical links and the sitemap. <c>--base-url</c> overrides it.</summary>
    public string BaseUrl { get; init; } = "/";
    /// <summary>The organisation publishing the site (shown in the footer).</summary>
    public string? Organisation { get; init; }
    /// <summary>The current guidance edition, published at /guidance/.</summary>
    public required string CurrentVersion { get; init; }
    public string? CurrentVersionTitle { get; init; }
    public DateOnly? CurrentVersionDate { get; init; }
    /// <summary>Older editions, frozen under input/versions/&lt;v&gt;/.</summary>
    public IReadOnlyList<VersionEntry> Versions { get; init; } = [];
    /// <summary>An extra theme folder (relative to the input folder) whose files override the built-in theme.</summary>
    public string? Theme { get; init; }
    public bool Search { get; init; } = true;
    public string? FooterNote { get; init; }
}
