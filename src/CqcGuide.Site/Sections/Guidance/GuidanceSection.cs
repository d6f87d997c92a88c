using System.Globalization;
using System.Text;
using System.Text.Json;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Sections.Taxonomy;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Guidance;

/// <summary>
/// Guidance pages of every edition: the current one (<c>input/guidance/**</c>) and frozen older ones
/// (<c>input/versions/&lt;v&gt;/guidance/**</c>), with navigation, review dates, a version switcher, change history,
/// comparison pages between editions, the editions page and <c>versions.json</c>.
/// </summary>
public sealed class GuidanceSection : Section<CheckedGuidance>
{
    public static readonly ContentType Current = ContentType.Markdown<GuidanceFrontMatter>("guidance", "guidance", "/guidance/", nested: true);

    public static readonly ContentType Frozen = ContentType.Custom<GuidanceFrontMatter>("guidance (older editions)", ContentFormat.Markdown, "versions",
        parts => parts.Length >= 4 && parts[0] == "versions" && parts[2] == "guidance" && parts[^1].EndsWith(".md", StringComparison.Ordinal)
            ? new ContentMatch(ContentType.SlugOf(parts.AsSpan(3)), parts[1]) : null,
        m => $"/v/{m.Edition}/guidance/" + ContentType.Dir(m.Slug));

    /// <summary>Everything the guidance pages of one build share: editions, navigation trees, comparisons.</summary>
    private sealed record Catalogue(
        IReadOnlyList<Edition> Editions,
        IReadOnlyDictionary<string, NavTree> Trees,
        IReadOnlyDictionary<string, IReadOnlySet<string>> Slugs,
        IReadOnlyDictionary<(string Version, string Slug), string> CompareUrls);

    private sealed record GuidancePage(CheckedGuidance Page, Edition Edition, Catalogue Catalogue);
    private sealed record FolderPage(string Slug, Edition Edition, Catalogue Catalogue);
    private sealed record EditionsPage(Catalogue Catalogue);

    public override string Name => "guidance";

    public override IReadOnlyList<ContentType> ContentTypes => [Current, Frozen];

    /// <summary>An edition's own <c>version.yml</c> is not content.</summary>
    public override bool Ignores(string[] parts) => parts is ["versions", _, "version.yml"];

    public override CheckedGuidance? Check(ContentDocument document, CheckContext context)
    {
        var fm = document.Front<GuidanceFrontMatter>();
        if (fm.Draft)
        {
            context.Unpublished();
            return null;
        }
        var d = context.Diagnostics;
        if (document.Edition is { } edition && !context.Config.Versions.Any(v => v.Version == edition))
        {
            d.Error(Codes.UnknownVersion, $"edition '{edition}' is not listed under 'versions' in site.yml", SourceSpan.File(document.Path),
                $"add '- version: \"{edition}\"' to versions in input/site.yml (cqcguide version snapshot does this for you)");
            return null;
        }
        Validation.QualityStatements(document, fm.QualityStatements, "quality_statements", d);
        Validation.KeyQuestions(document, fm.KeyQuestions, "key_questions", d);
        if (!Validation.Tags(document, fm.Tags, "tags", d)) return null;
        if (document.Edition is null)
            for (var i = 0; i < fm.Sources.Count; i++) Validation.ExternalAddress(fm.Sources[i].Url, document.At($"sources[{i}].url"), d);
        var overdue = false;
        if (document.Edition is null)
        {
            overdue = Validation.ReviewDates(document, fm.LastReviewed, fm.NextReview, context.Today, required: true, d, context.OwnsReviewDates(document));
            if (string.IsNullOrWhiteSpace(fm.Owner))
                d.Warning(Codes.MissingField, "guidance should name an owner (a role)", document.At(""), "add e.g. 'owner: Registered manager'");
            if (fm.Sources.Count == 0)
                d.Warning(Codes.MissingField, "guidance should list its sources", document.At(""), "add 'sources:' with a title and url for each");
        }
        else if (fm.LastReviewed is { } l && fm.NextReview is { } n && n <= l)
        {
            d.Error(Codes.ReviewDatesOutOfOrder, "next_review is not after last_reviewed", document.At("next_review"));
        }
        return new CheckedGuidance(document, fm, overdue);
    }

    public override void Index(IReadOnlyList<CheckedGuidance> documents, IndexBuilder index)
    {
        index.Menu(10, "Guidance", index.Href("/guidance/"), "guidance");
        index.Footer(1, 0, "Editions", index.Href("/versions/"));
        var editions = Edition.All(index.Config);
        var byEdition = documents.ToLookup(d => d.Document.Edition, StringComparer.Ordinal);
        var trees = new Dictionary<string, NavTree>(StringComparer.Ordinal);
        var slugs = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var folders = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var edition in editions)
        {
            var docs = byEdition[edition.Key].Select(c => c.Document).ToArray();
            if (docs.Length == 0 && !edition.IsCurrent)
                index.Diagnostics.Error(Codes.UnknownVersion, $"edition '{edition.Version}' is listed in site.yml but input/versions/{edition.Version}/guidance/ has no pages",
                    SourceSpan.File(SourceSpan.DisplayPath(Path.Combine(index.Options.InputDir, "site.yml"))),
                    $"create it with 'cqcguide version snapshot {edition.Version}' or remove it from site.yml");
            var entries = docs.Select(d => (d.Slug, d.Title, d.Url, d.Order)).ToList();
            // Folders without an index.md get a generated list page.
            folders[edition.Version] = docs.SelectMany(d => Prefixes(d.Slug)).Distinct(StringComparer.Ordinal)
                .Where(f => !docs.Any(d => d.Slug == f)).Order(StringComparer.Ordinal).ToArray();
            foreach (var f in folders[edition.Version])
                entries.Add((f, Humanise(f.Split('/')[^1]), edition.Root + ContentType.Dir(f), 1000));
            trees[edition.Version] = new NavTree(entries, "Guidance", edition.Root);
            slugs[edition.Version] = entries.Select(e => e.Slug).ToHashSet(StringComparer.Ordinal);
        }
        var pairs = Comparisons.Compare(editions, documents.Select(c => c.Document).ToLookup(d => d.Edition, StringComparer.Ordinal));
        var catalogue = new Catalogue(editions, trees, slugs,
            pairs.SelectMany(p => p.Changed).ToDictionary(c => (c.Newer.Version, c.New.Slug), c => c.Url));

        foreach (var edition in editions)
        {
            foreach (var f in folders[edition.Version])
                index.Page(new PagePlan { Url = edition.Root + ContentType.Dir(f), Layout = "list", Type = "guidance", Model = new FolderPage(f, edition, catalogue) });
            foreach (var c in byEdition[edition.Key])
            {
                index.Page(new PagePlan
                {
                    Url = c.Document.Url, Layout = "guidance", Document = c.Document, Type = edition.IsCurrent ? "guidance" : "guidance (older editions)",
                    InSitemap = edition.IsCurrent, Model = new GuidancePage(c, edition, catalogue),
                });
                if (!edition.IsCurrent) continue;
                var item = new ListItem { Title = c.Document.Title, Url = index.Href(c.Document.Url), Summary = c.FrontMatter.Summary };
                foreach (var id in c.FrontMatter.QualityStatements) index.Tag("statement", id, "Guidance", 10, item);
                foreach (var id in c.FrontMatter.KeyQuestions) index.Tag("key-question", id, "Guidance", 10, item);
                foreach (var t in c.FrontMatter.Tags) index.Tag("tag", t, "Guidance", 10, item);
            }
        }
        foreach (var pair in pairs)
        {
            foreach (var changed in pair.Changed)
                index.Page(new PagePlan { Url = changed.Url, Layout = "compare", Type = "comparison", InSitemap = false, Model = changed });
            index.Page(new PagePlan { Url = pair.Root, Layout = "list", Type = "comparison", InSitemap = false, Model = pair });
        }
        index.Page(new PagePlan { Url = "/versions/", Layout = "list", Type = "guidance", Model = new EditionsPage(catalogue) });

        // versions.json at the root, in the shape documentation version selectors (e.g. mike) use.
        var json = JsonSerializer.Serialize(editions.Select(e => new VersionJson(
            e.Version, e.Label, e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.IsCurrent ? ["latest"] : [], index.Href(e.Root))).ToArray(),
            VersionsJsonContext.Default.VersionJsonArray);
        index.File("versions.json", Encoding.UTF8.GetBytes(json + "\n"));
    }

    public override PageView View(PagePlan plan, SiteIndex site) => plan.Model switch
    {
        GuidancePage g => Page(plan, g, site),
        FolderPage f => Folder(plan, f, site),
        Comparisons.ChangedPage c => Comparisons.PageOf(plan, c, site),
        Comparisons.Pair p => Comparisons.IndexOf(plan, p, site),
        EditionsPage e => Editions(plan, e.Catalogue, site),
        _ => throw new InvalidOperationException(plan.Url),
    };

    private static PageView Page(PagePlan plan, GuidancePage g, SiteIndex site)
    {
        var (doc, fm, edition, catalogue) = (g.Page.Document, g.Page.FrontMatter, g.Edition, g.Catalogue);
        var tree = catalogue.Trees[edition.Version];
        var (prev, next) = tree.Neighbours(doc.Slug);
        var current = catalogue.Editions[0];
        var currentUrl = catalogue.Slugs[current.Version].Contains(doc.Slug) ? current.Root + ContentType.Dir(doc.Slug) : current.Root;
        var switcher = catalogue.Editions.Select(e => new LinkView
        {
            Title = e.IsCurrent ? $"{e.Version} (current)" : e.Version,
            Url = site.Href(catalogue.Slugs[e.Version].Contains(doc.Slug) ? e.Root + ContentType.Dir(doc.Slug) : e.Root),
            Current = e.Version == edition.Version,
            Hint = catalogue.Slugs[e.Version].Contains(doc.Slug) ? null : "start page (this page is not in that edition)",
        }).ToArray();
        var compare = catalogue.CompareUrls.GetValueOrDefault((edition.Version, doc.Slug));
        return site.NewPage(plan, doc.Title, "guidance", "guidance", fm.Summary, indexed: true) with
        {
            CanonicalUrl = site.Absolute(edition.IsCurrent ? doc.Url : currentUrl),
            Toc = NavTree.Toc(doc.Markdown!.Headings),
            Breadcrumbs = Breadcrumbs(site, edition, tree, doc.Slug),
            SideNavTitle = edition.IsCurrent ? "Guidance" : $"Guidance, edition {edition.Version}",
            SideNav = tree.ViewFor(doc.Slug, site.Href),
            Prev = prev is null ? null : new LinkView { Title = prev.Title, Url = site.Href(prev.Url) },
            Next = next is null ? null : new LinkView { Title = next.Title, Url = site.Href(next.Url) },
            Owner = fm.Owner,
            LastReviewed = fm.LastReviewed is { } lr ? DateView.Of(lr) : null,
            NextReview = fm.NextReview is { } nr ? DateView.Of(nr) : null,
            ReviewOverdue = g.Page.Overdue,
            KeyQuestions = TaxonomyLinks.KeyQuestions(site, fm.KeyQuestions),
            QualityStatements = TaxonomyLinks.Statements(site, fm.QualityStatements),
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
                Indexed = true, Type = "guidance", Version = edition.IsCurrent ? "current" : edition.Version, KeyQuestions = fm.KeyQuestions,
            },
        };
    }

    private static PageView Folder(PagePlan plan, FolderPage f, SiteIndex site)
    {
        var tree = f.Catalogue.Trees[f.Edition.Version];
        var node = tree.Flat.First(n => n.Slug == f.Slug);
        return site.NewPage(plan, node.Title, "list", "guidance") with
        {
            SideNavTitle = "Guidance", SideNav = tree.ViewFor(f.Slug, site.Href),
            Breadcrumbs = Breadcrumbs(site, f.Edition, tree, f.Slug),
            Groups = [new ListGroup { Items = node.Children.Select(c => new ListItem { Title = c.Title, Url = site.Href(c.Url) }).ToArray() }],
            Search = new SearchView { Indexed = false, Type = "guidance", Version = f.Edition.IsCurrent ? "current" : f.Edition.Version },
        };
    }

    private static PageView Editions(PagePlan plan, Catalogue catalogue, SiteIndex site)
    {
        var editions = catalogue.Editions;
        var starts = editions.Select(e => new ListItem
        {
            Title = e.Label + (e.IsCurrent ? " (current)" : ""), Url = site.Href(e.Root), Meta = e.Date is { } d ? DateView.Of(d).Text : null,
        }).ToArray();
        var changes = editions.Zip(editions.Skip(1), (newer, older) => new ListItem
        {
            Title = $"What changed from {older.Version} to {newer.Version}", Url = site.Href($"/changes/{older.Version}-to-{newer.Version}/"),
        }).ToArray();
        return site.NewPage(plan, "Editions of the guidance", "list", "guidance",
            "The current guidance and frozen copies of earlier editions, so you can see what the guidance said when you acted and what has changed since.") with
        {
            Breadcrumbs = [site.Home],
            Groups = [new ListGroup { Title = "Editions", Id = "editions", Items = starts }, new ListGroup { Title = "Changes between editions", Id = "changes", Items = changes }],
        };
    }

    private static IReadOnlyList<LinkView> Breadcrumbs(SiteIndex site, Edition edition, NavTree tree, string slug)
    {
        var crumbs = new List<LinkView> { site.Home };
        if (!edition.IsCurrent)
            crumbs.Add(new LinkView { Title = "Editions", Url = site.Href("/versions/") });
        crumbs.AddRange(tree.Ancestors(slug).Select(n => new LinkView
        {
            Title = n.Slug.Length == 0 && !edition.IsCurrent ? $"Guidance {edition.Version}" : n.Title,
            Url = site.Href(n.Url),
        }));
        return crumbs;
    }

    private static IEnumerable<string> Prefixes(string slug)
    {
        if (slug.Length == 0) yield break;
        yield return "";
        var parts = slug.Split('/');
        for (var i = 1; i < parts.Length; i++) yield return string.Join('/', parts[..i]);
    }

    public static string Humanise(string slug) =>
        slug.Length == 0 ? "" : CultureInfo.InvariantCulture.TextInfo.ToUpper(slug[0]) + slug[1..].Replace('-', ' ');

    internal sealed record VersionJson(string Version, string Title, string? Date, string[] Aliases, string Url);
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[System.Text.Json.Serialization.JsonSerializable(typeof(GuidanceSection.VersionJson[]))]
internal sealed partial class VersionsJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
