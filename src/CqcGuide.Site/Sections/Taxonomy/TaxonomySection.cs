using CqcGuide.Rules.Domain;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Taxonomy;

/// <summary>
/// Pages by quality statement (all 34, even when nothing is tagged yet), by key question and by tag, listing what every
/// section tagged with them. A statement page carries the site's own text about the statement when
/// <c>input/quality-statements/&lt;id&gt;.md</c> exists; once that folder exists, every statement needs its page.
/// </summary>
public sealed class TaxonomySection : Section<CheckedStatement>
{
    public static readonly ContentType Statement = ContentType.Markdown<StatementFrontMatter>("quality statement", "quality-statements", "/quality-statements/");

    private sealed record StatementPage(QualityStatement Statement, CheckedStatement? Page);
    private sealed record KeyQuestionPage(KeyQuestion KeyQuestion);
    private sealed record TagPage(string Tag);
    private sealed record IndexPage(string Axis);

    public override string Name => "taxonomy";

    public override IReadOnlyList<ContentType> ContentTypes => [Statement];

    public override CheckedStatement? Check(ContentDocument document, CheckContext context)
    {
        var fm = document.Front<StatementFrontMatter>();
        return StatementPages.Check(document, fm, context) ? new CheckedStatement(document, fm) : null;
    }

    public override void Index(IReadOnlyList<CheckedStatement> documents, IndexBuilder index)
    {
        index.Menu(90, "Quality statements", index.Href("/quality-statements/"), "quality-statements");
        index.Page(new PagePlan { Url = "/quality-statements/", Layout = "list", Type = "taxonomy", Model = new IndexPage("statement") });
        var pages = documents.ToDictionary(d => d.FrontMatter.Statement, StringComparer.Ordinal);
        var folder = Path.Combine(index.Options.InputDir, "quality-statements");
        foreach (var s in Framework.QualityStatements)
        {
            var page = pages.GetValueOrDefault(s.Id);
            if (page is null && Directory.Exists(folder))
                index.Diagnostics.Error(Codes.IncompleteStatementPage, $"quality statement '{s.Id}' has no page", SourceSpan.File(SourceSpan.DisplayPath(Path.Combine(folder, s.Id + ".md"))),
                    $"write input/quality-statements/{s.Id}.md (every statement has one once the folder exists)");
            index.Page(new PagePlan
            {
                Url = $"/quality-statements/{s.Id}/", Layout = page is null ? "list" : "statement", Type = "taxonomy", Model = new StatementPage(s, page), Document = page?.Document,
            });
        }
        index.Page(new PagePlan { Url = "/key-questions/", Layout = "list", Type = "taxonomy", Model = new IndexPage("key-question") });
        foreach (var k in Framework.KeyQuestions)
            index.Page(new PagePlan { Url = $"/key-questions/{k.Id}/", Layout = "list", Type = "taxonomy", Model = new KeyQuestionPage(k) });
        index.Page(new PagePlan { Url = "/tags/", Layout = "list", Type = "taxonomy", Model = new IndexPage("tag") });
    }

    public override void IndexFromTags(IReadOnlyList<TaxonomyEntry> tagged, IndexBuilder index)
    {
        foreach (var tag in Tags(tagged))
            index.Page(new PagePlan { Url = $"/tags/{tag}/", Layout = "list", Type = "taxonomy", Model = new TagPage(tag) });
    }

    private static string[] Tags(IEnumerable<TaxonomyEntry> tagged) =>
        tagged.Where(e => e.Axis == "tag").Select(e => e.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    public override PageView View(PagePlan plan, SiteIndex site)
    {
        var home = site.Home;
        switch (plan.Model)
        {
            case IndexPage { Axis: "statement" }:
                return site.NewPage(plan, "Quality statements", "list", "quality-statements",
                    "CQC's 34 quality statements, grouped by key question. Each page lists the guidance, checklist items, self-assessment questions and learning logs that address it.") with
                {
                    Breadcrumbs = [home],
                    Groups = Framework.KeyQuestions.Select(k => new ListGroup
                    {
                        Title = k.Name, Id = k.Id,
                        Items = Framework.StatementsOf(k.Id).Select(s => new ListItem
                        {
                            Title = s.Name, Url = site.Href($"/quality-statements/{s.Id}/"), Meta = Count(site.TaggedWith("statement", s.Id).Count()),
                        }).ToArray(),
                    }).ToArray(),
                };
            case StatementPage { Statement: var s, Page: var page }:
            {
                var kq = Framework.FindKeyQuestion(s.KeyQuestionId)!;
                var summary = page?.FrontMatter.Summary ?? $"A quality statement under the {kq.Name} key question (id: {s.Id}).";
                return site.NewPage(plan, s.Name, "statement", "quality-statements", summary, indexed: true) with
                {
                    Toc = page is null ? [] : NavTree.Toc(page.Document.Markdown!.Headings),
                    Owner = page?.FrontMatter.Owner,
                    LastReviewed = page?.FrontMatter.LastReviewed is { } l ? DateView.Of(l) : null,
                    NextReview = page?.FrontMatter.NextReview is { } n ? DateView.Of(n) : null,
                    Sources = page?.FrontMatter.Sources.Select(x => new LinkView { Title = x.Title, Url = x.Url }).ToArray() ?? [],
                    Data = page is null ? null : new StatementView
                    {
                        Id = s.Id, KeyQuestion = kq.Name, WeStatement = page.FrontMatter.WeStatement,
                        CqcUrl = page.FrontMatter.Sources.FirstOrDefault(x => x.Url.Contains("cqc.org.uk", StringComparison.Ordinal))?.Url,
                    },
                    Breadcrumbs = [home, new LinkView { Title = "Quality statements", Url = site.Href("/quality-statements/") }, TaxonomyLinks.KeyQuestion(site, kq)],
                    KeyQuestions = [TaxonomyLinks.KeyQuestion(site, kq)],
                    Groups = site.GroupsOf("statement", s.Id),
                    Search = new SearchView { Indexed = true, Type = "quality statement", KeyQuestions = [kq.Id] },
                };
            }
            case IndexPage { Axis: "key-question" }:
                return site.NewPage(plan, "Key questions", "list", "quality-statements", "CQC asks five key questions of every service.") with
                {
                    Breadcrumbs = [home],
                    Groups = [new ListGroup { Items = Framework.KeyQuestions.Select(k => new ListItem { Title = k.Name, Url = site.Href($"/key-questions/{k.Id}/"), Summary = k.Question }).ToArray() }],
                };
            case KeyQuestionPage { KeyQuestion: var k }:
            {
                var statements = new ListGroup
                {
                    Title = "Quality statements", Id = "quality-statements",
                    Items = Framework.StatementsOf(k.Id).Select(s => new ListItem { Title = s.Name, Url = site.Href($"/quality-statements/{s.Id}/") }).ToArray(),
                };
                return site.NewPage(plan, k.Name, "key-question", "quality-statements", k.Question, indexed: true) with
                {
                    Breadcrumbs = [home, new LinkView { Title = "Key questions", Url = site.Href("/key-questions/") }],
                    Groups = [statements, .. site.GroupsOf("key-question", k.Id)],
                    Search = new SearchView { Indexed = true, Type = "key question", KeyQuestions = [k.Id] },
                };
            }
            case IndexPage { Axis: "tag" }:
                return site.NewPage(plan, "Tags", "list", "guidance", "Topics across the guidance and checklists.") with
                {
                    Breadcrumbs = [home],
                    Groups = [new ListGroup { Items = Tags(site.Tagged).Select(t => new ListItem
                    {
                        Title = t, Url = site.Href($"/tags/{t}/"), Meta = Count(site.TaggedWith("tag", t).Count()),
                    }).ToArray() }],
                };
            case TagPage { Tag: var t }:
                return site.NewPage(plan, $"Tagged “{t}”", "tag", "guidance") with
                {
                    Breadcrumbs = [home, new LinkView { Title = "Tags", Url = site.Href("/tags/") }],
                    Groups = site.GroupsOf("tag", t),
                };
            default:
                throw new InvalidOperationException(plan.Url);
        }
    }

    private static string Count(int n) => n == 1 ? "1 item" : $"{n} items";
}

/// <summary>A quality statement page that passed its checks.</summary>
public sealed record CheckedStatement(ContentDocument Document, StatementFrontMatter FrontMatter);
