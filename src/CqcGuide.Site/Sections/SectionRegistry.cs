using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Sections;

/// <summary>Every content type of the site: one line per section. The order does not matter: the pipeline runs each
/// phase over all of them.</summary>
public static class SectionRegistry
{
    public static IReadOnlyList<ISection> Create() =>
    [
        new Guidance.GuidanceSection(),
        new Checklists.ChecklistSection(),
        new Pages.PagesSection(),
        new Site.SiteSection(),
        new Assessments.AssessmentSection(),
        new Assessments.AssessmentHistorySection(),
        new Forms.FormsSection(),
        new Measures.MeasuresSection(),
        new Journal.JournalSection(),
        new Governance.GovernanceSection(),
        new Scoring.ScoringSection(),
        new Taxonomy.TaxonomySection(),
    ];
}
