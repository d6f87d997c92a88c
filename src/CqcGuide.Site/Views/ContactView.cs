namespace CqcGuide.Site.Views;

/// <summary>How readers reach the organisation that publishes the site (from <c>input/organisation.yml</c>).</summary>
public sealed record ContactView
{
    public required string Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Address { get; init; }
    public string? Url { get; init; }
    public string? DataController { get; init; }
}
