using System.Globalization;
using CqcGuide.Rules.Domain;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Sections.Taxonomy;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Checklists;

/// <summary>Pitfall checklists (<c>input/checklists/*.md</c>): each item with its explanation, guidance link and quality
/// statements; ticks and notes are kept in the reader's browser.</summary>
public sealed class ChecklistSection : Section<CheckedChecklist>
{
    public static readonly ContentType Checklist = ContentType.Markdown<ChecklistFrontMatter>("checklist", "checklists", "/checklists/");

    public override string Name => "checklists";

    public override IReadOnlyList<ContentType> ContentTypes => [Checklist];

    public override CheckedChecklist? Check(ContentDocument document, CheckContext context)
    {
        var fm = document.Front<ChecklistFrontMatter>();
        var ok = Validation.QualityStatements(document, fm.QualityStatements, "quality_statements", context.Diagnostics);
        ok &= Validation.KeyQuestions(document, fm.KeyQuestions, "key_questions", context.Diagnostics);
        if (!Validation.Tags(document, fm.Tags, "tags", context.Diagnostics)) return null;
        var overdue = Validation.ReviewDates(document, fm.LastReviewed, fm.NextReview, context.Today, required: false, context.Diagnostics, context.OwnsReviewDates(document));
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fm.Items.Count; i++)
        {
            var item = fm.Items[i];
            if (!seen.TryAdd(item.Id, i))
            {
                context.Diagnostics.Error(Codes.DuplicateId, $"checklist item id '{item.Id}' is used twice (also item {seen[item.Id] + 1})", document.At($"items[{i}].id"));
                ok = false;
            }
            ok &= Validation.QualityStatements(document, item.QualityStatements, $"items[{i}].quality_statements", context.Diagnostics);
        }
        return new CheckedChecklist(document, fm, overdue);
    }

    public override void Index(IReadOnlyList<CheckedChecklist> documents, IndexBuilder index)
    {
        index.Menu(20, "Checklists", index.Href("/checklists/"), "checklists");
        foreach (var c in documents)
        {
            var (doc, fm) = (c.Document, c.FrontMatter);
            index.Page(new PagePlan
            {
                Url = doc.Url, Layout = "checklist", Type = "checklist", Document = doc, Model = c,
                Anchors = fm.Items.Select(i => AnchorOf(i)).ToHashSet(StringComparer.Ordinal),
            });
            var page = new ListItem { Title = doc.Title, Url = index.Href(doc.Url), Summary = fm.Summary };
            foreach (var item in fm.Items)
            foreach (var s in item.QualityStatements.Concat(fm.QualityStatements).Distinct(StringComparer.Ordinal))
                index.Tag("statement", s, "Checklist items", 20, new ListItem { Title = item.Text, Url = index.Href(doc.Url + "#" + AnchorOf(item)), Meta = doc.Title });
            foreach (var s in fm.QualityStatements) index.Tag("statement", s, "Checklists", 15, page);
            foreach (var k in fm.KeyQuestions) index.Tag("key-question", k, "Checklists", 15, page);
            foreach (var t in fm.Tags) index.Tag("tag", t, "Checklists", 15, page);
        }
        index.Page(new PagePlan { Url = "/checklists/", Layout = "list", Type = "checklist", Model = documents.OrderBy(d => d.Document.Order).ThenBy(d => d.Document.Title, StringComparer.Ordinal).ToArray() });
    }

    private static string AnchorOf(ChecklistItem item) => "item-" + item.Id;

    public override PageView View(PagePlan plan, SiteIndex site) => plan.Model switch
    {
        CheckedChecklist c => ChecklistPage(plan, c, site),
        CheckedChecklist[] all => site.NewPage(plan, "Checklists", "list", "checklists",
            "Practical checklists that turn the guidance into action. Ticks and notes are kept only in this browser.") with
        {
            Breadcrumbs = [site.Home],
            Groups = [new ListGroup { Items = all.Select(d => new ListItem
            {
                Title = d.Document.Title, Url = site.Href(d.Document.Url), Summary = d.FrontMatter.Summary, Meta = $"{d.FrontMatter.Items.Count} items",
            }).ToArray() }],
        },
        _ => throw new InvalidOperationException(plan.Url),
    };

    private static PageView ChecklistPage(PagePlan plan, CheckedChecklist c, SiteIndex site)
    {
        var (doc, fm) = (c.Document, c.FrontMatter);
        var items = fm.Items.Select((item, i) => new ChecklistItemView
        {
            Id = item.Id, Anchor = AnchorOf(item), Text = item.Text, Explanation = item.Explanation,
            Guidance = item.Guidance is { } raw ? new LinkView { Title = "Read the guidance", Url = site.Link(raw, doc, doc.At($"items[{i}].guidance")) } : null,
            QualityStatements = StatementLinks(site, item.QualityStatements),
        }).ToArray();
        return site.NewPage(plan, doc.Title, "checklist", "checklists", fm.Summary, indexed: true) with
        {
            Toc = NavTree.Toc(doc.Markdown!.Headings),
            Breadcrumbs = [site.Home, new LinkView { Title = "Checklists", Url = site.Href("/checklists/") }],
            Owner = fm.Owner,
            LastReviewed = fm.LastReviewed is { } l ? DateView.Of(l) : null,
            NextReview = fm.NextReview is { } n ? DateView.Of(n) : null,
            ReviewOverdue = c.Overdue,
            QualityStatements = StatementLinks(site, fm.QualityStatements),
            Data = new ChecklistView { Id = doc.Slug, Version = fm.LastReviewed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "1", Items = items },
            Search = new SearchView { Indexed = true, Type = "checklist", KeyQuestions = fm.KeyQuestions },
        };
    }

    private static IReadOnlyList<LinkView> StatementLinks(SiteIndex site, IEnumerable<string> ids) =>
        ids.Select(Framework.FindStatement).OfType<QualityStatement>().Select(s => TaxonomyLinks.Statement(site, s)).ToArray();
}

/// <summary>A checklist that passed its checks.</summary>
public sealed record CheckedChecklist(ContentDocument Document, ChecklistFrontMatter FrontMatter, bool Overdue);
