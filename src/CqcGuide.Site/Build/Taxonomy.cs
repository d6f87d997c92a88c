using CqcGuide.Rules.Domain;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Build;

/// <summary>Pages by key question, by quality statement (all 34, even when nothing is tagged yet) and by tag.</summary>
public static class Taxonomy
{
    public static LinkView StatementLink(SiteContext site, QualityStatement s) => new()
    {
        Title = s.Name, Url = site.Href($"/quality-statements/{s.Id}/"), Id = s.Id,
        Hint = Framework.FindKeyQuestion(s.KeyQuestionId)!.Name,
    };

    public static void Contribute(SiteContext site)
    {
        var entries = site.Tagged.ToLookup(e => (e.Axis, e.Key));
        IReadOnlyList<ListGroup> GroupsOf(string axis, string key) => entries[(axis, key)]
            .GroupBy(e => (e.GroupOrder, e.Group))
            .OrderBy(g => g.Key.GroupOrder).ThenBy(g => g.Key.Group, StringComparer.Ordinal)
            .Select(g => new ListGroup
            {
                Title = g.Key.Group,
                Id = Slug(g.Key.Group),
                Items = g.Select(e => e.Item).DistinctBy(i => i.Url + "|" + i.Title)
                    .OrderBy(i => i.Title, StringComparer.Ordinal).ThenBy(i => i.Url, StringComparer.Ordinal).ToArray(),
            }).ToArray();
        var home = new LinkView { Title = "Home", Url = site.Href("/") };

        // Quality statements
        var statementsIndex = new LinkView { Title = "Quality statements", Url = site.Href("/quality-statements/") };
        site.Pages.Add(new SitePage
        {
            Url = "/quality-statements/", Layout = "list", Type = "taxonomy",
            View = new PageView
            {
                Title = "Quality statements", Url = site.Href("/quality-statements/"), CanonicalUrl = site.Absolute("/quality-statements/"),
                Kind = "list", Section = "quality-statements", Csp = site.Csp(), Breadcrumbs = [home],
                Summary = "CQC's 34 quality statements, grouped by key question. Each page lists the guidance, checklist items, self-assessment questions and learning logs that address it.",
                Groups = Framework.KeyQuestions.Select(k => new ListGroup
                {
                    Title = k.Name, Id = k.Id,
                    Items = Framework.StatementsOf(k.Id).Select(s => new ListItem
                    {
                        Title = s.Name, Url = site.Href($"/quality-statements/{s.Id}/"),
                        Meta = Count(entries[("statement", s.Id)].Count()),
                    }).ToArray(),
                }).ToArray(),
                Search = new SearchView { Indexed = false, Type = "taxonomy" },
            },
        });
        foreach (var s in Framework.QualityStatements)
        {
            var kq = Framework.FindKeyQuestion(s.KeyQuestionId)!;
            var url = $"/quality-statements/{s.Id}/";
            var groups = GroupsOf("statement", s.Id);
            site.Pages.Add(new SitePage
            {
                Url = url, Layout = "list", Type = "taxonomy",
                ExtraAnchors = groups.Where(g => g.Id is not null).Select(g => g.Id!).ToHashSet(StringComparer.Ordinal),
                View = new PageView
                {
                    Title = s.Name, Url = site.Href(url), CanonicalUrl = site.Absolute(url), Kind = "statement", Section = "quality-statements",
                    Summary = $"A quality statement under the {kq.Name} key question (id: {s.Id}).",
                    Csp = site.Csp(), Breadcrumbs = [home, statementsIndex, new LinkView { Title = kq.Name, Url = site.Href($"/key-questions/{kq.Id}/") }],
                    KeyQuestions = [new LinkView { Title = kq.Name, Url = site.Href($"/key-questions/{kq.Id}/"), Id = kq.Id }],
                    Groups = groups,
                    Search = new SearchView { Indexed = true, Type = "quality statement", KeyQuestions = [kq.Id] },
                },
            });
        }

        // Key questions
        var kqIndex = new LinkView { Title = "Key questions", Url = site.Href("/key-questions/") };
        site.Pages.Add(new SitePage
        {
            Url = "/key-questions/", Layout = "list", Type = "taxonomy",
            View = new PageView
            {
                Title = "Key questions", Url = site.Href("/key-questions/"), CanonicalUrl = site.Absolute("/key-questions/"),
                Kind = "list", Section = "quality-statements", Csp = site.Csp(), Breadcrumbs = [home],
                Summary = "CQC asks five key questions of every service.",
                Groups = [new ListGroup { Items = Framework.KeyQuestions.Select(k => new ListItem
                {
                    Title = k.Name, Url = site.Href($"/key-questions/{k.Id}/"), Summary = k.Question,
                }).ToArray() }],
                Search = new SearchView { Indexed = false, Type = "taxonomy" },
            },
        });
        foreach (var k in Framework.KeyQuestions)
        {
            var url = $"/key-questions/{k.Id}/";
            var statements = new ListGroup
            {
                Title = "Quality statements", Id = "quality-statements",
                Items = Framework.StatementsOf(k.Id).Select(s => new ListItem { Title = s.Name, Url = site.Href($"/quality-statements/{s.Id}/") }).ToArray(),
            };
            site.Pages.Add(new SitePage
            {
                Url = url, Layout = "list", Type = "taxonomy",
                View = new PageView
                {
                    Title = k.Name, Summary = k.Question, Url = site.Href(url), CanonicalUrl = site.Absolute(url), Kind = "key-question",
                    Section = "quality-statements", Csp = site.Csp(), Breadcrumbs = [home, kqIndex],
                    Groups = [statements, .. GroupsOf("key-question", k.Id)],
                    Search = new SearchView { Indexed = true, Type = "key question", KeyQuestions = [k.Id] },
                },
            });
        }

        // Tags
        var tags = site.Tagged.Where(e => e.Axis == "tag").Select(e => e.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var tagIndex = new LinkView { Title = "Tags", Url = site.Href("/tags/") };
        site.Pages.Add(new SitePage
        {
            Url = "/tags/", Layout = "list", Type = "taxonomy",
            View = new PageView
            {
                Title = "Tags", Url = site.Href("/tags/"), CanonicalUrl = site.Absolute("/tags/"), Kind = "list", Section = "guidance",
                Csp = site.Csp(), Breadcrumbs = [home], Summary = "Topics across the guidance and checklists.",
                Groups = [new ListGroup { Items = tags.Select(t => new ListItem
                {
                    Title = t, Url = site.Href($"/tags/{t}/"), Meta = Count(entries[("tag", t)].Count()),
                }).ToArray() }],
                Search = new SearchView { Indexed = false, Type = "taxonomy" },
            },
        });
        foreach (var t in tags)
        {
            var url = $"/tags/{t}/";
            site.Pages.Add(new SitePage
            {
                Url = url, Layout = "list", Type = "taxonomy",
                View = new PageView
                {
                    Title = $"Tagged “{t}”", Url = site.Href(url), CanonicalUrl = site.Absolute(url), Kind = "tag", Section = "guidance",
                    Csp = site.Csp(), Breadcrumbs = [home, tagIndex], Groups = GroupsOf("tag", t),
                    Search = new SearchView { Indexed = false, Type = "taxonomy" },
                },
            });
        }
    }

    private static string Count(int n) => n == 1 ? "1 item" : $"{n} items";

    public static string Slug(string text) =>
        string.Concat(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-');
}
