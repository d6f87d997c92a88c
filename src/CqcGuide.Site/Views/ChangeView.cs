namespace CqcGuide.Site.Views;

public sealed record ChangeView
{
    public required string Version { get; init; }
    public required DateView Date { get; init; }
    public required string Summary { get; init; }
    /// <summary>The comparison page for this change, when one was generated.</summary>
    public string? CompareUrl { get; init; }
}
