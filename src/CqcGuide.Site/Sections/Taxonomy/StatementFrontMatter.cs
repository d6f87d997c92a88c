using CqcGuide.Rules.Domain;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Yaml;

namespace CqcGuide.Site.Sections.Taxonomy;

/// <summary>
/// The site's own page about one of CQC's 34 quality statements: <c>input/quality-statements/&lt;statement id&gt;.md</c>.
/// The body must have the sections in <see cref="StatementPages.RequiredSections"/>.
/// </summary>
public sealed record StatementFrontMatter : IFrontMatter
{
    /// <summary>The statement's id, e.g. <c>safe.learning-culture</c>; equals the file name.</summary>
    public required string Statement { get; init; }
    /// <summary>CQC's own "we statement", quoted exactly (Open Government Licence); empty when not quoted.</summary>
    public string WeStatement { get; init; } = "";
    public required string Summary { get; init; }
    public string? Owner { get; init; }
    public DateOnly? LastReviewed { get; init; }
    public DateOnly? NextReview { get; init; }
    public IReadOnlyList<SourceRef> Sources { get; init; } = [];

    [YamlIgnore]
    public string Title => Framework.FindStatement(Statement)?.Name ?? Statement;

    [YamlIgnore]
    public int Order => 0;
}
