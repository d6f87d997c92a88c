namespace CqcGuide.Site.Sections.Taxonomy;

/// <summary>The data of the <c>statement</c> layout: CQC's own words for the statement, with where they come from.</summary>
public sealed record StatementView
{
    public required string Id { get; init; }
    public required string KeyQuestion { get; init; }
    /// <summary>CQC's "we statement", quoted exactly; empty when the site does not quote it.</summary>
    public required string WeStatement { get; init; }
    /// <summary>CQC's page about the statement, when the page lists one among its sources.</summary>
    public string? CqcUrl { get; init; }
}
