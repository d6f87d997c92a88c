using CqcGuide.Rules.Domain;
using CqcGuide.Site.Content;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Build;

/// <summary>Checklists, plain pages, the home page and the site's own pages (search, 404, editions).</summary>
public static class Sections
{
    public static LinkView Home(SiteContext site) => new() { Title = "Home", Url = site.Href("/") };

    public static void Checklists(SiteContext site)
    {
        var docs = site.OfKind(ContentKind.Checklist).OrderBy(d => d.Order).ThenBy(d => d.Title, StringComparer.Ordinal).ToArray();
        var index = new LinkView { Title = "Checklists", Url = site.Href("/checklists/") };
        foreach (var doc in docs)
        {
            var fm = doc.Front<ChecklistFrontMatter>();
            Validation.QualityStatements(doc, fm.QualityStatements, "quality_statements", site.Diagnostics);
            Validation.KeyQuestions(doc, fm.KeyQuestions, "key_questions", site.Diagnostics);
            var overdue = Validation.ReviewDates(doc, fm.LastReviewed, fm.NextReview, site.Options.Today, required: false, site.Diagnostics);
            var items = new List<ChecklistItemView>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < fm.Items.Count; i++)
            {
                var item = fm.Items[i];
                if (!seen.TryAdd(item.Id, i))
                    site.Diagnostics.Error(Codes.DuplicateId, $"checklist item id '{item.Id}' is used twice (also item {seen[item.Id] + 1})", doc.At($"items[{i}].id"));
                Validation.QualityStatements(doc, item.QualityStatements, $"items[{i}].quality_statements", site.Diagnostics);
                LinkView? guidance = null;
                if (item.Guidance is { } raw)
                {
                    guidance = new LinkView { Title = "Read the guidance", Url = raw };
                    site.PendingLinks.Add(new PendingLink(guidance, raw, doc, doc.At($"items[{i}].guidance")));
                }
                var anchor = "item-" + item.Id;
                items.Add(new ChecklistItemView
                {
                    Id = item.Id, Anchor = anchor, Text = item.Text, Explanation = item.Explanation, Guidance = guidance,
                    QualityStatements = item.QualityStatements.Select(Framework.FindStatement).OfType<QualityStatement>()
                        .Select(s => Taxonomy.StatementLink(site, s)).ToArray(),
                });
                foreach (var s in item.QualityStatements.Concat(fm.QualityStatements).Distinct(StringComparer.Ordinal))
                    site.Tagged.Add(new TaxonomyEntry("statement", s, "Checklist items", 20,
                        new ListItem { Title = item.Text, Url = site.Href(doc.Url + "#" + anchor), Meta = doc.Title }));
            }
            foreach (var s in fm.QualityStatements)
                site.Tagged.Add(new TaxonomyEntry("statement", s, "Checklists", 15, new ListItem { Title = doc.Title, Url = site.Href(doc.Url), Summary = fm.Summary }));
            foreach (var k in fm.KeyQuestions)
                site.Tagged.Add(new TaxonomyEntry("key-question", k, "Checklists", 15, new ListItem { Title = doc.Title, Url = site.Href(doc.Url), Summary = fm.Summary }));
            foreach (var t in fm.Tags)
                site.Tagged.Add(new TaxonomyEntry("tag", t, "Checklists", 15, new ListItem { Title = doc.Title, Url = site.Href(doc.Url), Summary = fm.Summary }));
            site.Pages.Add(new SitePage
            {
                Url = doc.Url, Layout = "checklist", Document = doc, Type = "checklist",
                ExtraAnchors = items.Select(i => i.Anchor).ToHashSet(StringComparer.Ordinal),
                View = new PageView
                {
                    Title = doc.Title, Summary = fm.Summary, Url = site.Href(doc.Url), CanonicalUrl = site.Absolute(doc.Url),
                    Kind = "checklist", Section = "checklists", SourcePath = doc.Path, Csp = site.Csp(),
                    Toc = NavTree.Toc(doc.Markdown!.Headings),
                    Breadcrumbs = [Home(site), index],
                    Owner = fm.Owner,
                    LastReviewed = fm.LastReviewed is { } l ? DateView.Of(l) : null,
                    NextReview = fm.NextReview is { } n ? DateView.Of(n) : null,
                    ReviewOverdue = overdue,
                    QualityStatements = fm.QualityStatements.Select(Framework.FindStatement).OfType<QualityStatement>()
                        .Select(s => Taxonomy.StatementLink(site, s)).ToArray(),
                    Checklist = new ChecklistView { Id = doc.Slug, Version = fm.LastReviewed?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "1", Items = items },
                    Search = new SearchView { Indexed = true, Type = "checklist", KeyQuestions = fm.KeyQuestions },
                },
            });
        }
        site.Pages.Add(new SitePage
        {
            Url = "/checklists/", Layout = "list", Type = "checklist",
            View = new PageView
            {
                Title = "Checklists", Url = site.Href("/checklists/"), CanonicalUrl = site.Absolute("/checklists/"), Kind = "list", Section = "checklists",
                Summary = "Practical checklists that turn the guidance into action. Ticks and notes are kept only in this browser.",
                Csp = site.Csp(), Breadcrumbs = [Home(site)],
                Groups = [new ListGroup { Items = docs.Select(d => new ListItem
                {
                    Title = d.Title, Url = site.Href(d.Url), Summary = d.Front<ChecklistFrontMatter>().Summary,
                    Meta = $"{d.Front<ChecklistFrontMatter>().Items.Count} items",
                }).ToArray() }],
                Search = new SearchView { Indexed = false, Type = "checklist" },
            },
        });
    }

    public static void Pages(SiteContext site)
    {
        foreach (var doc in site.OfKind(ContentKind.Page).Concat(site.OfKind(ContentKind.Home)))
        {
            var fm = doc.Front<PageFrontMatter>();
            var isHome = doc.Kind == ContentKind.Home;
            site.Pages.Add(new SitePage
            {
                Url = doc.Url, Layout = isHome ? "home" : "page", Document = doc, Type = isHome ? "home" : "page",
                View = new PageView
                {
                    Title = doc.Title, Summary = fm.Summary ?? "", Url = site.Href(doc.Url), CanonicalUrl = site.Absolute(doc.Url),
                    Kind = isHome ? "home" : "page", Section = isHome ? "home" : "page", SourcePath = doc.Path, Csp = site.Csp(),
                    Toc = NavTree.Toc(doc.Markdown!.Headings),
                    Breadcrumbs = isHome ? [] : [Home(site)],
                    LastReviewed = fm.LastReviewed is { } l ? DateView.Of(l) : null,
                    NextReview = fm.NextReview is { } n ? DateView.Of(n) : null,
                    Search = new SearchView { Indexed = true, Type = "page" },
                },
            });
        }
        if (!site.OfKind(ContentKind.Home).Any())
            site.Diagnostics.Error(Codes.MissingField, "the site has no home page", SourceSpan.File(SourceSpan.DisplayPath(Path.Combine(site.Options.InputDir, "index.md"))),
                "create input/index.md with front matter 'title: ...'");
    }

    public static void SitePages(SiteContext site, IReadOnlyList<Edition> editions)
    {
        site.Pages.Add(new SitePage
        {
            Url = "/search/", Layout = "search", Type = "search", InSitemap = false,
            View = new PageView
            {
                Title = "Search", Url = site.Href("/search/"), CanonicalUrl = site.Absolute("/search/"), Kind = "search", Section = "search",
                Summary = "Search the guidance, checklists, self-assessments and learning journal.",
                Csp = site.Csp(wasm: true), Breadcrumbs = [Home(site)],
                Search = new SearchView { Indexed = false, Type = "search" },
            },
        });
        site.Pages.Add(new SitePage
        {
            Url = "/404.html", Layout = "404", Type = "404", InSitemap = false,
            View = new PageView
            {
                Title = "Page not found", Url = site.Href("/404.html"), CanonicalUrl = site.Absolute("/404.html"), Kind = "404", Section = "404",
                Csp = site.Csp(), Search = new SearchView { Indexed = false, Type = "404" },
            },
        });
        var guidanceStarts = editions.Select(e => new ListItem
        {
            Title = e.Label + (e.IsCurrent ? " (current)" : ""), Url = site.Href(e.Root),
            Meta = e.Date is { } d ? DateView.Of(d).Text : null,
        }).ToArray();
        var changes = editions.Zip(editions.Skip(1), (newer, older) => new ListItem
        {
            Title = $"What changed from {older.Version} to {newer.Version}", Url = site.Href($"/changes/{older.Version}-to-{newer.Version}/"),
        }).ToArray();
        site.Pages.Add(new SitePage
        {
            Url = "/versions/", Layout = "list", Type = "guidance", InSitemap = true,
            View = new PageView
            {
                Title = "Editions of the guidance", Url = site.Href("/versions/"), CanonicalUrl = site.Absolute("/versions/"), Kind = "list", Section = "guidance",
                Summary = "The current guidance and frozen copies of earlier editions, so you can see what the guidance said when you acted and what has changed since.",
                Csp = site.Csp(), Breadcrumbs = [Home(site)],
                Groups = [new ListGroup { Title = "Editions", Id = "editions", Items = guidanceStarts }, new ListGroup { Title = "Changes between editions", Id = "changes", Items = changes }],
                Search = new SearchView { Indexed = false, Type = "guidance" },
            },
        });
        // versions.json at the root, in the shape documentation version selectors (e.g. mike) use.
        var json = System.Text.Json.JsonSerializer.Serialize(editions.Select(e => new VersionJson(
            e.Version, e.Label, e.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.IsCurrent ? ["latest"] : [], site.Href(e.Root))).ToArray(),
            VersionsJsonContext.Default.VersionJsonArray);
        site.ExtraFiles["versions.json"] = System.Text.Encoding.UTF8.GetBytes(json + "\n");
    }

    internal sealed record VersionJson(string Version, string Title, string? Date, string[] Aliases, string Url);
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[System.Text.Json.Serialization.JsonSerializable(typeof(Sections.VersionJson[]))]
internal sealed partial class VersionsJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
