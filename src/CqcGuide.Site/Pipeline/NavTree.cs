using System.Collections.Concurrent;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Pipeline;

/// <summary>
/// A section's navigation tree, built once from folders plus <c>order</c> (then title). Each page gets a view of it
/// with only its own branch expanded, so a page lists its ancestors' siblings, not the whole site.
/// </summary>
public sealed class NavTree
{
    public sealed record Node(string Title, string Url, string Slug, int Order, IReadOnlyList<Node> Children);

    private readonly Dictionary<string, Node> bySlug;
    private readonly Dictionary<string, int> position;
    /// <summary>The view of each page as every page but its own and its descendants' shows it (closed, not current),
    /// made once: a section of 10,000 pages would otherwise build a few hundred of these per page and keep them all.</summary>
    private Closed? closed;

    private sealed record Closed(Func<string, string> Href, ConcurrentDictionary<Node, NavNode> Nodes);

    public Node Root { get; }
    /// <summary>All pages in reading order (depth first), for previous/next links.</summary>
    public IReadOnlyList<Node> Flat { get; }

    public NavTree(IEnumerable<(string Slug, string Title, string Url, int Order)> pages, string rootTitle, string rootUrl)
    {
        var items = pages.ToDictionary(p => p.Slug, StringComparer.Ordinal);
        var childrenOf = items.Keys.Where(s => s.Length > 0)
            .ToLookup(s => s.Contains('/') ? s[..s.LastIndexOf('/')] : "", StringComparer.Ordinal);
        Node Build(string slug, string title, string url, int order)
        {
            var children = childrenOf[slug]
                .Select(s => items[s])
                .Select(p => Build(p.Slug, p.Title, p.Url, p.Order))
                .OrderBy(n => n.Order).ThenBy(n => n.Title, StringComparer.Ordinal).ThenBy(n => n.Slug, StringComparer.Ordinal)
                .ToArray();
            return new Node(title, url, slug, order, children);
        }
        var root = items.TryGetValue("", out var r) ? r : (Slug: "", Title: rootTitle, Url: rootUrl, Order: 0);
        Root = Build("", root.Title, root.Url, root.Order);
        var flat = new List<Node>();
        void Walk(Node n)
        {
            flat.Add(n);
            foreach (var c in n.Children) Walk(c);
        }
        Walk(Root);
        Flat = flat;
        bySlug = flat.ToDictionary(n => n.Slug, StringComparer.Ordinal);
        position = flat.Select((n, i) => (n.Slug, i)).ToDictionary(x => x.Slug, x => x.i, StringComparer.Ordinal);
    }

    public bool Contains(string slug) => bySlug.ContainsKey(slug);

    /// <summary>The side navigation for one page: top-level pages, with the current page's ancestors expanded.</summary>
    public IReadOnlyList<NavNode> ViewFor(string slug, Func<string, string> href)
    {
        // The entries are kept for one address function (the site's; a delegate of the same method and target is equal).
        // A call with another one starts a new set; each call reads through its own reference, so calls with different
        // functions at once stay correct, they only share less.
        var shared = closed;
        if (shared is null || !shared.Href.Equals(href)) closed = shared = new Closed(href, new(ReferenceEqualityComparer.Instance));
        IReadOnlyList<NavNode> Level(IReadOnlyList<Node> nodes) => nodes.Select(n =>
        {
            var isAncestor = slug.StartsWith(n.Slug, StringComparison.Ordinal) && slug.Length > n.Slug.Length && slug[n.Slug.Length] == '/';
            if (!isAncestor && n.Slug != slug)
                return shared.Nodes.GetOrAdd(n, static (n, href) => new NavNode { Title = n.Title, Url = href(n.Url) }, href);
            return new NavNode
            {
                Title = n.Title,
                Url = href(n.Url),
                Current = n.Slug == slug,
                Expanded = true,
                Children = Level(n.Children),
            };
        }).ToArray();
        var top = new NavNode { Title = Root.Title, Url = href(Root.Url), Current = slug.Length == 0, Expanded = true };
        return [top, .. Level(Root.Children)];
    }

    public (Node? Prev, Node? Next) Neighbours(string slug)
    {
        if (!position.TryGetValue(slug, out var i)) return (null, null);
        return (i > 0 ? Flat[i - 1] : null, i + 1 < Flat.Count ? Flat[i + 1] : null);
    }

    /// <summary>Ancestors of a page from the section root down (not including the page).</summary>
    public IEnumerable<Node> Ancestors(string slug)
    {
        if (slug.Length == 0) yield break;
        yield return Root;
        var parts = slug.Split('/');
        for (var i = 1; i < parts.Length; i++)
        {
            var s = string.Join('/', parts[..i]);
            if (bySlug.TryGetValue(s, out var n)) yield return n;
        }
    }

    public static IReadOnlyList<TocEntry> Toc(IReadOnlyList<Markdown.Heading> headings)
    {
        var result = new List<TocEntry>();
        List<TocEntry>? children = null;
        TocEntry? parent = null;
        foreach (var h in headings.Where(h => h.Level is 2 or 3))
        {
            if (h.Level == 2 || parent is null)
            {
                if (parent is not null) result[^1] = Close(parent, children);
                parent = new TocEntry { Id = h.Id, Text = h.Text };
                children = [];
                result.Add(parent);
            }
            else children!.Add(new TocEntry { Id = h.Id, Text = h.Text });
        }
        if (parent is not null) result[^1] = Close(parent, children);
        return result;

        static TocEntry Close(TocEntry p, List<TocEntry>? c) => new() { Id = p.Id, Text = p.Text, Children = c ?? [] };
    }
}
