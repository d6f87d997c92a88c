using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Pages;

/// <summary>The home page (<c>input/index.md</c>) and plain pages (<c>input/pages/*.md</c>: about, accessibility,
/// privacy...). A page may choose its own layout with <c>layout:</c>, so a fork adds a page type with a Markdown file
/// and a template, and no C#.</summary>
public sealed partial class PagesSection : Section<ContentDocument>
{
    public static readonly ContentType Home = ContentType.Custom<PageFrontMatter>("home", ContentFormat.Markdown, "",
        parts => parts is ["index.md"] ? new ContentMatch("") : null, _ => "/");

    public static readonly ContentType Page = ContentType.Markdown<PageFrontMatter>("page", "pages", "/");

    public override string Name => "pages";

    public override IReadOnlyList<ContentType> ContentTypes => [Home, Page];

    public override ContentDocument? Check(ContentDocument document, CheckContext context)
    {
        var fm = document.Front<PageFrontMatter>();
        if (fm.Layout is { } layout && !LayoutName().IsMatch(layout))
        {
            context.Diagnostics.Error(Codes.InvalidValue, $"'{layout}' is not a layout name", document.At("layout"),
                "name a file in the theme's layouts/ folder without '.liquid', e.g. 'layout: team'");
            return null;
        }
        return document;
    }

    /// <summary>The most pages that may ask for a footer link: every page carries the footer, so its size multiplies by
    /// the number of pages (2,000 footer pages made 200 MB of output).</summary>
    public const int MaxFooterPages = 20;

    public override void Index(IReadOnlyList<ContentDocument> documents, IndexBuilder index)
    {
        var footerPages = 0;
        foreach (var doc in documents)
        {
            var fm = doc.Front<PageFrontMatter>();
            var isHome = doc.Type == Home;
            index.Page(new PagePlan
            {
                Url = doc.Url, Layout = fm.Layout ?? (isHome ? "home" : "page"), Type = isHome ? "home" : "page", Document = doc, Model = doc,
                LayoutAt = fm.Layout is null ? null : doc.At("layout"),
            });
            if (!isHome && fm.Footer && ++footerPages == MaxFooterPages + 1 && index.Config.Footer is null)
                index.Diagnostics.Error(Codes.InvalidValue, $"more than {MaxFooterPages} pages ask for a link in the footer", doc.At("footer"),
                    "keep the footer to a few pages (about, accessibility, privacy), or list its links under 'footer:' in site.yml");
            if (!isHome && fm.Footer && footerPages <= MaxFooterPages) index.Footer(0, fm.Order, doc.Title, index.Href(doc.Url));
        }
        if (!documents.Any(d => d.Type == Home))
            index.Diagnostics.Error(Codes.MissingField, "the site has no home page",
                SourceSpan.File(SourceSpan.DisplayPath(Path.Combine(index.Options.InputDir, "index.md"))), "create input/index.md with front matter 'title: ...'");
    }

    public override PageView View(PagePlan plan, SiteIndex site)
    {
        var doc = (ContentDocument)plan.Model!;
        var fm = doc.Front<PageFrontMatter>();
        var isHome = doc.Type == Home;
        return site.NewPage(plan, doc.Title, isHome ? "home" : "page", isHome ? "home" : "page", fm.Summary ?? "", indexed: true) with
        {
            Toc = NavTree.Toc(doc.Markdown!.Headings),
            Breadcrumbs = isHome ? [] : [site.Home],
            LastReviewed = fm.LastReviewed is { } l ? DateView.Of(l) : null,
            NextReview = fm.NextReview is { } n ? DateView.Of(n) : null,
            Search = new SearchView { Indexed = true, Type = "page" },
            Data = new PageData { Contact = fm.Contact },
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial System.Text.RegularExpressions.Regex LayoutName();
}
