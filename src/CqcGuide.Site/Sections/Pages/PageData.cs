namespace CqcGuide.Site.Sections.Pages;

/// <summary>The data of the <c>page</c> layout.</summary>
public sealed record PageData
{
    /// <summary>End the page with the organisation's contact details, when it gives them.</summary>
    public bool Contact { get; init; }
}
