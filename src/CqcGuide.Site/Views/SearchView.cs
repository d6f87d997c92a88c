namespace CqcGuide.Site.Views;

/// <summary>Pagefind metadata and filters for a page (rendered as data-pagefind-* attributes).</summary>
public sealed record SearchView
{
    public required bool Indexed { get; init; }
    public required string Type { get; init; }
    public string? Version { get; init; }
    public IReadOnlyList<string> KeyQuestions { get; init; } = [];
}
