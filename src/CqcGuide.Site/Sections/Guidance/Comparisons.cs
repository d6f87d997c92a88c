using System.Net;
using System.Text;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Views;
using DiffPlex;
using DiffPlex.Chunkers;

namespace CqcGuide.Site.Sections.Guidance;

/// <summary>
/// Word-level comparison pages between consecutive editions (DiffPlex), at
/// <c>/changes/&lt;old&gt;-to-&lt;new&gt;/guidance/&lt;slug&gt;/</c>, plus an index per pair of editions.
/// Insertions and deletions are <c>&lt;ins&gt;</c>/<c>&lt;del&gt;</c> with hidden text that a screen reader announces.
/// </summary>
public static class Comparisons
{
    /// <summary>A changed page between two editions, with its diff.</summary>
    public sealed record ChangedPage(Edition Older, Edition Newer, ContentDocument Old, ContentDocument New, string Url, string Html, int Inserted, int Deleted)
    {
        public string Meta => $"{Inserted} words added, {Deleted} removed";
    }

    /// <summary>What changed between two consecutive editions.</summary>
    public sealed record Pair(Edition Older, Edition Newer, string Root, IReadOnlyList<ChangedPage> Changed, IReadOnlyList<ContentDocument> Added, IReadOnlyList<ContentDocument> Removed);

    /// <summary>Compares each edition with the next older one (editions are newest first).</summary>
    public static IReadOnlyList<Pair> Compare(IReadOnlyList<Edition> editions, ILookup<string?, ContentDocument> docs)
    {
        var pairs = new List<Pair>();
        for (var i = 0; i + 1 < editions.Count; i++)
        {
            var newer = editions[i];
            var older = editions[i + 1];
            var olderBySlug = docs[older.Key].ToDictionary(d => d.Slug, StringComparer.Ordinal);
            var root = $"/changes/{older.Version}-to-{newer.Version}/";
            var changed = new List<ChangedPage>();
            var added = new List<ContentDocument>();
            var newerSlugs = new HashSet<string>(StringComparer.Ordinal);
            foreach (var doc in docs[newer.Key].OrderBy(d => d.Slug, StringComparer.Ordinal))
            {
                newerSlugs.Add(doc.Slug);
                if (!olderBySlug.TryGetValue(doc.Slug, out var old))
                {
                    added.Add(doc);
                    continue;
                }
                var (oldText, newText) = (Text(old), Text(doc));
                if (oldText == newText) continue;
                var (html, inserted, deleted) = Diff(oldText, newText);
                changed.Add(new ChangedPage(older, newer, old, doc, root + "guidance/" + ContentType.Dir(doc.Slug), html, inserted, deleted));
            }
            var removed = olderBySlug.Values.Where(d => !newerSlugs.Contains(d.Slug)).OrderBy(d => d.Slug, StringComparer.Ordinal).ToArray();
            pairs.Add(new Pair(older, newer, root, changed, added, removed));
        }
        return pairs;
    }

    public static PageView PageOf(PagePlan plan, ChangedPage c, SiteIndex site) =>
        site.NewPage(plan, $"{c.New.Title}: changes from edition {c.Older.Version} to {c.Newer.Version}", "compare", "guidance", c.Meta) with
        {
            Content = c.Html,
            Breadcrumbs =
            [
                site.Home,
                new LinkView { Title = "Editions", Url = site.Href("/versions/") },
                new LinkView { Title = $"Changes from {c.Older.Version} to {c.Newer.Version}", Url = site.Href($"/changes/{c.Older.Version}-to-{c.Newer.Version}/") },
            ],
            Groups =
            [
                new ListGroup { Title = "Compare", Items =
                [
                    new ListItem { Title = $"Edition {c.Older.Version}", Url = site.Href(c.Old.Url), Meta = c.Old.Title },
                    new ListItem { Title = $"Edition {c.Newer.Version}" + (c.Newer.IsCurrent ? " (current)" : ""), Url = site.Href(c.New.Url), Meta = c.New.Title },
                ] },
            ],
        };

    public static PageView IndexOf(PagePlan plan, Pair p, SiteIndex site) =>
        site.NewPage(plan, $"What changed from edition {p.Older.Version} to {p.Newer.Version}", "list", "guidance",
            $"{p.Changed.Count} pages changed, {p.Added.Count} added, {p.Removed.Count} removed.") with
        {
            Breadcrumbs = [site.Home, new LinkView { Title = "Editions", Url = site.Href("/versions/") }],
            Groups =
            [
                new ListGroup { Title = "Changed pages", Id = "changed", Items = p.Changed.Select(c => new ListItem { Title = c.New.Title, Url = site.Href(c.Url), Meta = c.Meta }).ToArray() },
                new ListGroup { Title = "New pages", Id = "added", Items = p.Added.Select(d => new ListItem { Title = d.Title, Url = site.Href(d.Url), Summary = "New in this edition" }).ToArray() },
                new ListGroup { Title = "Removed pages", Id = "removed", Items = p.Removed.Select(d => new ListItem { Title = d.Title, Url = site.Href(d.Url), Summary = $"Not in edition {p.Newer.Version}" }).ToArray() },
            ],
        };

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
