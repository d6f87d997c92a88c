using System.Globalization;
using CqcGuide.Rules.Domain;
using CqcGuide.Site.Content;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Build;

/// <summary>A guidance edition: the current one at /guidance/, older frozen ones at /v/&lt;v&gt;/guidance/.</summary>
public sealed record Edition(string Version, string Label, DateOnly? Date, bool IsCurrent)
{
    public string Root => IsCurrent ? "/guidance/" : $"/v/{Version}/guidance/";
    public string? Key => IsCurrent ? null : Version;
}

/// <summary>Guidance pages of every edition: navigation, review dates, version switcher, history and comparisons.</summary>
public static class GuidanceSection
{
    public static IReadOnlyList<Edition> Editions(SiteConfig config)
    {
        var older = config.Versions
            .OrderByDescending(v => System.Version.TryParse(v.Version, out var parsed) ? parsed : new System.Version(0, 0))
            .ThenByDescending(v => v.Version, StringComparer.Ordinal)
            .Select(v => new Edition(v.Version, v.Title ?? $"Edition {v.Version}", v.Date, false));
        return [new Edition(config.CurrentVersion, config.CurrentVersionTitle ?? $"Edition {config.CurrentVersion}", config.CurrentVersionDate, true), .. older];
    }

    public static void Contribute(SiteContext site)
    {
        var editions = Editions(site.Config);
        var docsByEdition = site.OfKind(ContentKind.Guidance).ToLookup(d => d.Edition, StringComparer.Ordinal);
        var trees = new Dictionary<string, NavTree>(StringComparer.Ordinal);
        var slugsByEdition = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);

        foreach (var edition in editions)
        {
            var docs = docsByEdition[edition.Key].ToArray();
            if (docs.Length == 0 && !edition.IsCurrent)
            {
                site.Diagnostics.Error(Codes.UnknownVersion, $"edition '{edition.Version}' is listed in site.yml but input/versions/{edition.Version}/guidance/ has no pages",
                    SourceSpan.File(SourceSpan.DisplayPath(Path.Combine(site.Options.InputDir, "site.yml"))),
                    $"create it with 'cqcguide version snapshot {edition.Version}' or remove it from site.yml");
            }
            var entries = docs.Select(d => (d.Slug, d.Title, d.Url, d.Order)).ToList();
            // Folders without an index.md get a generated list page.
            var folders = docs.SelectMany(d => Prefixes(d.Slug)).Distinct(StringComparer.Ordinal)
                .Where(f => !docs.Any(d => d.Slug == f)).Order(StringComparer.Ordinal).ToArray();
            foreach (var f in folders)
                entries.Add((f, Humanise(f.Split('/')[^1]), edition.Root + (f.Length == 0 ? "" : f + "/"), 1000));
            trees[edition.Version] = new NavTree(entries, "Guidance", edition.Root);
            slugsByEdition[edition.Version] = entries.Select(e => e.Slug).ToHashSet(StringComparer.Ordinal);

            foreach (var f in folders)
            {
                var tree = trees[edition.Version];
                var node = tree.Flat.First(n => n.Slug == f);
                site.Pages.Add(new SitePage
                {
                    Url = node.Url, Layout = "list", Type = "guidance",
                    View = new PageView
                    {
                        Title = node.Title, Url = site.Href(node.Url), CanonicalUrl = site.Absolute(node.Url), Kind = "list", Section = "guidance",
                        Csp = site.Csp(), SideNavTitle = "Guidance", SideNav = tree.ViewFor(f, site.Href),
                        Breadcrumbs = Breadcrumbs(site, edition, tree, f),
                        Groups = [new ListGroup { Items = node.Children.Select(c => new ListItem { Title = c.Title, Url = site.Href(c.Url) }).ToArray() }],
                        Search = new SearchView { Indexed = false, Type = "guidance", Version = edition.IsCurrent ? "current" : edition.Version },
                    },
                });
            }
        }

        var comparisons = Comparisons.Contribute(site, editions, docsByEdition);

        foreach (var edition in editions)
        {
            var tree = trees[edition.Version];
            foreach (var doc in docsByEdition[edition.Key])
            {
                var fm = doc.Front<GuidanceFrontMatter>();
                Validation.QualityStatements(doc, fm.QualityStatements, "quality_statements", site.Diagnostics);
                Validation.KeyQuestions(doc, fm.KeyQuestions, "key_questions", site.Diagnostics);
                var overdue = false;
                if (edition.IsCurrent)
                {
                    overdue = Validation.ReviewDates(doc, fm.LastReviewed, fm.NextReview, site.Options.Today, required: true, site.Diagnostics);
                    if (string.IsNullOrWhiteSpace(fm.Owner))
                        site.Diagnostics.Warning(Codes.MissingField, "guidance should name an owner (a role)", doc.At(""), "add e.g. 'owner: Registered manager'");
                    if (fm.Sources.Count == 0)
                        site.Diagnostics.Warning(Codes.MissingField, "guidance should list its sources", doc.At(""), "add 'sources:' with a title and url for each");
                }
                else if (fm.LastReviewed is { } l && fm.NextReview is { } n && n <= l)
                {
                    site.Diagnostics.Error(Codes.ReviewDatesOutOfOrder, "next_review is not after last_reviewed", doc.At("next_review"));
                }

                if (edition.IsCurrent)
                {
                    var item = new ListItem { Title = doc.Title, Url = site.Href(doc.Url), Summary = fm.Summary };
                    foreach (var id in fm.QualityStatements) site.Tagged.Add(new TaxonomyEntry("statement", id, "Guidance", 10, item));
                    foreach (var id in fm.KeyQuestions) site.Tagged.Add(new TaxonomyEntry("key-question", id, "Guidance", 10, item));
                    foreach (var t in fm.Tags) site.Tagged.Add(new TaxonomyEntry("tag", t, "Guidance", 10, item));
                }
                var (prev, next) = tree.Neighbours(doc.Slug);
                var currentEdition = editions[0];
                var currentSlugs = slugsByEdition[currentEdition.Version];
                var currentUrl = currentSlugs.Contains(doc.Slug) ? currentEdition.Root + Dir(doc.Slug) : currentEdition.Root;
                var switcher = editions.Select(e => new LinkView
                {
                    Title = e.IsCurrent ? $"{e.Version} (current)" : e.Version,
                    Url = site.Href(slugsByEdition[e.Version].Contains(doc.Slug) ? e.Root + Dir(doc.Slug) : e.Root),
                    Current = e.Version == edition.Version,
                    Hint = slugsByEdition[e.Version].Contains(doc.Slug) ? null : "start page (this page is not in that edition)",
                }).ToArray();
                var compare = comparisons.GetValueOrDefault((edition.Version, doc.Slug));
                site.Pages.Add(new SitePage
                {
                    Url = doc.Url, Layout = "guidance", Document = doc, Type = edition.IsCurrent ? "guidance" : "guidance (older editions)",
                    InSitemap = edition.IsCurrent,
                    View = new PageView
                    {
                        Title = doc.Title, Summary = fm.Summary, Url = site.Href(doc.Url), Kind = "guidance", Section = "guidance",
                        CanonicalUrl = site.Absolute(edition.IsCurrent ? doc.Url : currentUrl),
                        SourcePath = doc.Path, Csp = site.Csp(),
                        Toc = NavTree.Toc(doc.Markdown!.Headings),
                        Breadcrumbs = Breadcrumbs(site, edition, tree, doc.Slug),
                        SideNavTitle = edition.IsCurrent ? "Guidance" : $"Guidance, edition {edition.Version}",
                        SideNav = tree.ViewFor(doc.Slug, site.Href),
                        Prev = prev is null ? null : new LinkView { Title = prev.Title, Url = site.Href(prev.Url) },
                        Next = next is null ? null : new LinkView { Title = next.Title, Url = site.Href(next.Url) },
                        Owner = fm.Owner,
                        LastReviewed = fm.LastReviewed is { } lr ? DateView.Of(lr) : null,
                        NextReview = fm.NextReview is { } nr ? DateView.Of(nr) : null,
                        ReviewOverdue = overdue,
                        KeyQuestions = fm.KeyQuestions.Select(Framework.FindKeyQuestion).OfType<KeyQuestion>()
                            .Select(k => new LinkView { Title = k.Name, Url = site.Href($"/key-questions/{k.Id}/"), Id = k.Id }).ToArray(),
                        QualityStatements = fm.QualityStatements.Select(Framework.FindStatement).OfType<QualityStatement>()
                            .Select(s => Taxonomy.StatementLink(site, s)).ToArray(),
                        Tags = fm.Tags.Select(t => new LinkView { Title = t, Url = site.Href($"/tags/{t}/") }).ToArray(),
                        Sources = fm.Sources.Select(s => new LinkView { Title = s.Title, Url = s.Url }).ToArray(),
                        Changes = fm.Changes.Select(c => new ChangeView
                        {
                            Version = c.Version, Date = DateView.Of(c.Date), Summary = c.Summary,
                            CompareUrl = compare is not null && c.Version == edition.Version ? site.Href(compare) : null,
                        }).ToArray(),
                        Edition = new EditionView
                        {
                            Version = edition.Version, Label = edition.Label, IsCurrent = edition.IsCurrent,
                            CurrentPageUrl = edition.IsCurrent ? null : site.Href(currentUrl),
                            Switcher = switcher,
                        },
                        Search = new SearchView
                        {
                            Indexed = true, Type = "guidance", Version = edition.IsCurrent ? "current" : edition.Version,
                            KeyQuestions = fm.KeyQuestions,
                        },
                    },
                });
            }
        }
    }

    private static IReadOnlyList<LinkView> Breadcrumbs(SiteContext site, Edition edition, NavTree tree, string slug)
    {
        var crumbs = new List<LinkView> { new() { Title = "Home", Url = site.Href("/") } };
        if (!edition.IsCurrent)
            crumbs.Add(new LinkView { Title = "Editions", Url = site.Href("/versions/") });
        crumbs.AddRange(tree.Ancestors(slug).Select(n => new LinkView
        {
            Title = n.Slug.Length == 0 && !edition.IsCurrent ? $"Guidance {edition.Version}" : n.Title,
            Url = site.Href(n.Url),
        }));
        return crumbs;
    }

    public static string Dir(string slug) => slug.Length == 0 ? "" : slug + "/";

    private static IEnumerable<string> Prefixes(string slug)
    {
        if (slug.Length == 0) yield break;
        yield return "";
        var parts = slug.Split('/');
        for (var i = 1; i < parts.Length; i++) yield return string.Join('/', parts[..i]);
    }

    public static string Humanise(string slug) =>
        slug.Length == 0 ? "" : CultureInfo.InvariantCulture.TextInfo.ToUpper(slug[0]) + slug[1..].Replace('-', ' ');
}
