using System.Net;
using System.Text;
using CqcGuide.Site.Content;
using CqcGuide.Site.Views;
using DiffPlex;
using DiffPlex.Chunkers;

namespace CqcGuide.Site.Build;

/// <summary>
/// Word-level comparison pages between consecutive editions (DiffPlex), at
/// <c>/changes/&lt;old&gt;-to-&lt;new&gt;/guidance/&lt;slug&gt;/</c>, plus an index per pair of editions.
/// Insertions and deletions are <c>&lt;ins&gt;</c>/<c>&lt;del&gt;</c> with hidden text that a screen reader announces.
/// </summary>
public static class Comparisons
{
    /// <summary>Returns (newer edition, slug) → comparison page URL, for the pages' history links.</summary>
    public static Dictionary<(string, string), string> Contribute(SiteContext site, IReadOnlyList<Edition> editions, ILookup<string?, ContentDocument> docs)
    {
        var result = new Dictionary<(string, string), string>();
        // editions are newest first; compare each with the next older one.
        for (var i = 0; i + 1 < editions.Count; i++)
        {
            var newer = editions[i];
            var older = editions[i + 1];
            var olderBySlug = docs[older.Key].ToDictionary(d => d.Slug, StringComparer.Ordinal);
            var pairRoot = $"/changes/{older.Version}-to-{newer.Version}/";
            var changed = new List<ListItem>();
            var added = new List<ListItem>();
            var newerSlugs = new HashSet<string>(StringComparer.Ordinal);
            foreach (var doc in docs[newer.Key].OrderBy(d => d.Slug, StringComparer.Ordinal))
            {
                newerSlugs.Add(doc.Slug);
                if (!olderBySlug.TryGetValue(doc.Slug, out var old))
                {
                    added.Add(new ListItem { Title = doc.Title, Url = site.Href(doc.Url), Summary = "New in this edition" });
                    continue;
                }
                var (oldText, newText) = (Text(old), Text(doc));
                if (oldText == newText) continue;
                var url = pairRoot + "guidance/" + GuidanceSection.Dir(doc.Slug);
                var (html, insertedWords, deletedWords) = Diff(oldText, newText);
                result[(newer.Version, doc.Slug)] = url;
                var meta = $"{insertedWords} words added, {deletedWords} removed";
                changed.Add(new ListItem { Title = doc.Title, Url = site.Href(url), Meta = meta });
                site.Pages.Add(new SitePage
                {
                    Url = url, Layout = "compare", Type = "comparison", InSitemap = false,
                    Html = html,
                    View = new PageView
                    {
                        Title = $"{doc.Title}: changes from edition {older.Version} to {newer.Version}",
                        Summary = meta, Url = site.Href(url), CanonicalUrl = site.Absolute(url), Kind = "compare", Section = "guidance",
                        Csp = site.Csp(),
                        Breadcrumbs =
                        [
                            new LinkView { Title = "Home", Url = site.Href("/") },
                            new LinkView { Title = "Editions", Url = site.Href("/versions/") },
                            new LinkView { Title = $"Changes from {older.Version} to {newer.Version}", Url = site.Href(pairRoot) },
                        ],
                        Groups =
                        [
                            new ListGroup { Title = "Compare", Items =
                            [
                                new ListItem { Title = $"Edition {older.Version}", Url = site.Href(old.Url), Meta = old.Title },
                                new ListItem { Title = $"Edition {newer.Version}" + (newer.IsCurrent ? " (current)" : ""), Url = site.Href(doc.Url), Meta = doc.Title },
                            ] },
                        ],
                        Search = new SearchView { Indexed = false, Type = "comparison" },
                    },
                });
            }
            var removed = olderBySlug.Values.Where(d => !newerSlugs.Contains(d.Slug)).OrderBy(d => d.Slug, StringComparer.Ordinal)
                .Select(d => new ListItem { Title = d.Title, Url = site.Href(d.Url), Summary = $"Not in edition {newer.Version}" }).ToArray();
            site.Pages.Add(new SitePage
            {
                Url = pairRoot, Layout = "list", Type = "comparison", InSitemap = false,
                View = new PageView
                {
                    Title = $"What changed from edition {older.Version} to {newer.Version}",
                    Summary = $"{changed.Count} pages changed, {added.Count} added, {removed.Length} removed.",
                    Url = site.Href(pairRoot), CanonicalUrl = site.Absolute(pairRoot), Kind = "list", Section = "guidance", Csp = site.Csp(),
                    Breadcrumbs = [new LinkView { Title = "Home", Url = site.Href("/") }, new LinkView { Title = "Editions", Url = site.Href("/versions/") }],
                    Groups =
                    [
                        new ListGroup { Title = "Changed pages", Id = "changed", Items = changed },
                        new ListGroup { Title = "New pages", Id = "added", Items = added },
                        new ListGroup { Title = "Removed pages", Id = "removed", Items = removed },
                    ],
                    Search = new SearchView { Indexed = false, Type = "comparison" },
                },
            });
        }
        return result;
    }

    private static string Text(ContentDocument doc) => doc.Title + "\n\n" + doc.Markdown!.Body.Trim();

    /// <summary>Word-level diff rendered as HTML; returns the counts of inserted and deleted words.</summary>
    public static (string Html, int Inserted, int Deleted) Diff(string oldText, string newText)
    {
        var diff = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, new WordChunker());
        var sb = new StringBuilder();
        var inserted = 0;
        var deleted = 0;
        var a = 0;
        foreach (var block in diff.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++) sb.Append(WebUtility.HtmlEncode(diff.PiecesOld[a]));
            if (block.DeleteCountA > 0)
            {
                var text = string.Concat(diff.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
                deleted += Words(text);
                sb.Append("<del><span class=\"visually-hidden\">[Removed: </span>").Append(WebUtility.HtmlEncode(text))
                  .Append("<span class=\"visually-hidden\">]</span></del>");
            }
            if (block.InsertCountB > 0)
            {
                var text = string.Concat(diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
                inserted += Words(text);
                sb.Append("<ins><span class=\"visually-hidden\">[Added: </span>").Append(WebUtility.HtmlEncode(text))
                  .Append("<span class=\"visually-hidden\">]</span></ins>");
            }
            a = block.DeleteStartA + block.DeleteCountA;
        }
        for (; a < diff.PiecesOld.Count; a++) sb.Append(WebUtility.HtmlEncode(diff.PiecesOld[a]));
        return (sb.ToString(), inserted, deleted);
    }

    private static int Words(string s) => s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));
}
