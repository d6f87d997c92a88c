using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Journal;

public sealed record FindingView
{
    public required string Code { get; init; }
    public required string Pitfall { get; init; }
    public required string Message { get; init; }
    public required string Guidance { get; init; }
    public string? Acknowledged { get; init; }
}
