using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Journal;

public sealed record FactorView
{
    public required string Id { get; init; }
    public required string Area { get; init; }
    public required string Description { get; init; }
    public required bool Systemic { get; init; }
}
