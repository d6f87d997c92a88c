using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Sections.Pages;

// Keys are the snake_case property names. Unknown keys, wrong types and missing `required` members are errors at
// the YAML node (see YamlBinder).

/// <summary>A plain page (about, accessibility, privacy) or the home page.</summary>
public sealed record PageFrontMatter : IFrontMatter
{
    public required string Title { get; init; }
    public string? Summary { get; init; }
    public int Order { get; init; } = 1000;
    public DateOnly? LastReviewed { get; init; }
    public DateOnly? NextReview { get; init; }
    /// <summary>The page's own layout (<c>layouts/&lt;layout&gt;.liquid</c> in the theme or <c>input/_theme/</c>); default <c>page</c>.</summary>
    public string? Layout { get; init; }
    /// <summary>Link the page from every page's footer (when site.yml has no <c>footer:</c> list).</summary>
    public bool Footer { get; init; }
    /// <summary>Show the organisation's contact details (from organisation.yml) at the end of the page.</summary>
    public bool Contact { get; init; }
}
