using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Site;

/// <summary>The site's own pages: search, "page not found", and (unless site.yml turns it off) offline use.</summary>
public sealed class SiteSection : Section<NoContent>
{
    public override string Name => "site";

    public override void Index(IReadOnlyList<NoContent> documents, IndexBuilder index)
    {
        index.Page(new PagePlan { Url = "/search/", Layout = "search", Type = "search", InSitemap = false });
        index.Page(new PagePlan { Url = "/404.html", Layout = "404", Type = "404", InSitemap = false });
        if (!index.Config.Offline) return;
        index.Page(new PagePlan { Url = "/offline/", Layout = "offline", Type = "offline", InSitemap = false });
        index.Page(new PagePlan { Url = "/offline/unavailable/", Layout = "offline-unavailable", Type = "offline", InSitemap = false });
        index.Footer(3, 0, "Use this site offline", index.Href("/offline/"));
    }

    public override PageView View(PagePlan plan, SiteIndex site) => plan.Url switch
    {
        "/search/" => site.NewPage(plan, "Search", "search", "search", "Search the guidance, checklists, self-assessments and learning journal.") with
        {
            Csp = site.Csp(wasm: true), Breadcrumbs = [site.Home],
        },
        "/offline/" => site.NewPage(plan, "Use this site offline", "offline", "offline",
            "Keep the guidance, self-assessments, checklists and forms on this device, for when there is no signal.") with
        {
            Breadcrumbs = [site.Home],
        },
        "/offline/unavailable/" => site.NewPage(plan, "This page is not saved on this device", "offline-unavailable", "offline"),
        _ => site.NewPage(plan, "Page not found", "404", "404"),
    };
}
