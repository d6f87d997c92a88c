using CqcGuide.Rules.Domain;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Taxonomy;

/// <summary>Links to the taxonomy's pages, for any section that shows a quality statement or key question.</summary>
public static class TaxonomyLinks
{
    public static LinkView Statement(SiteIndex site, QualityStatement s) => new()
    {
        Title = s.Name, Url = site.Href($"/quality-statements/{s.Id}/"), Id = s.Id,
        Hint = Framework.FindKeyQuestion(s.KeyQuestionId)!.Name,
    };

    public static LinkView KeyQuestion(SiteIndex site, KeyQuestion k) => new() { Title = k.Name, Url = site.Href($"/key-questions/{k.Id}/"), Id = k.Id };

    public static IReadOnlyList<LinkView> Statements(SiteIndex site, IEnumerable<string> ids) =>
        ids.Select(Framework.FindStatement).OfType<QualityStatement>().Select(s => Statement(site, s)).ToArray();

    public static IReadOnlyList<LinkView> KeyQuestions(SiteIndex site, IEnumerable<string> ids) =>
        ids.Select(Framework.FindKeyQuestion).OfType<KeyQuestion>().Select(k => KeyQuestion(site, k)).ToArray();
}
