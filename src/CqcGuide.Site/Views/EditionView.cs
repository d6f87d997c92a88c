namespace CqcGuide.Site.Views;

public sealed record EditionView
{
    public required string Version { get; init; }
    public required string Label { get; init; }
    public required bool IsCurrent { get; init; }
    /// <summary>For an older edition: the current edition's page (or its start page).</summary>
    public string? CurrentPageUrl { get; init; }
    public IReadOnlyList<LinkView> Switcher { get; init; } = [];
}
