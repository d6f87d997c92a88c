using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Site;

/// <summary>The site's own pages: search and "page not found".</summary>
public sealed class SiteSection : Section<NoContent>
{
    public override string Name => "site";

    public override void Index(IReadOnlyList<NoContent> documents, IndexBuilder index)
    {
        index.Page(new PagePlan { Url = "/search/", Layout = "search", Type = "search", InSitemap = false });
        index.Page(new PagePlan { Url = "/404.html", Layout = "404", Type = "404", InSitemap = false });
    }

    public override PageView View(PagePlan plan, SiteIndex site) => plan.Url switch
    {
        "/search/" => site.NewPage(plan, "Search", "search", "search", "Search the guidance, checklists, self-assessments and learning journal.") with
        {
            Csp = site.Csp(wasm: true), Breadcrumbs = [site.Home],
        },
        _ => site.NewPage(plan, "Page not found", "404", "404"),
    };
}
