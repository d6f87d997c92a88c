using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Tests.Pipeline;

public class NavTreeTests
{
    private static NavTree Tree() => new(
        [
            ("a", "A", "/g/a/", 1), ("a/one", "A one", "/g/a/one/", 1), ("a/two", "A two", "/g/a/two/", 2),
            ("b", "B", "/g/b/", 2), ("b/one", "B one", "/g/b/one/", 1),
            ("c", "C", "/g/c/", 3),
        ], "Guidance", "/g/");

    private static string Base(string url) => "/base" + url;

    [Fact]
    public void A_page_sees_its_ancestors_open_and_every_other_branch_closed()
    {
        var view = Tree().ViewFor("a/two", Base);
        Assert.Equal(["Guidance", "A", "B", "C"], view.Select(n => n.Title));
        Assert.Equal("/base/g/", view[0].Url);
        var a = view[1];
        Assert.True(a.Expanded);
        Assert.False(a.Current);
        Assert.Equal(["A one", "A two"], a.Children.Select(n => n.Title));
        Assert.Equal([false, true], a.Children.Select(n => n.Current));
        Assert.Equal("/base/g/a/two/", a.Children[1].Url);
        Assert.All(view.Skip(2), n => Assert.Equal(new NavNode { Title = n.Title, Url = n.Url }, n)); // closed, not current, no children
    }

    [Fact]
    public void Closed_entries_are_made_once_and_shared_by_every_page()
    {
        var tree = Tree();
        var fromA = tree.ViewFor("a/one", Base);
        var fromB = tree.ViewFor("b/one", Base);
        Assert.Same(fromA[3], fromB[3]); // C: closed on both pages
        Assert.NotSame(fromA[1], fromB[1]); // A: open on the first page only
        Assert.True(fromA[1].Expanded);
        Assert.False(fromB[1].Expanded);
        Assert.Empty(fromB[1].Children);
        // Another base address is not served from the shared entries.
        Assert.Equal("/other/g/c/", tree.ViewFor("a/one", url => "/other" + url)[3].Url);
        Assert.Equal("/base/g/c/", tree.ViewFor("a/one", Base)[3].Url);
    }

    [Fact]
    public void Views_from_many_threads_agree_whatever_address_function_each_uses()
    {
        var tree = Tree();
        var slugs = new[] { "a/one", "a/two", "b/one", "c", "" };
        Func<string, string>[] hrefs = [Base, url => "/other" + url];
        var expected = hrefs.Select(h => slugs.Select(s => Describe(Tree().ViewFor(s, h))).ToArray()).ToArray();
        Parallel.For(0, 4_000, i =>
        {
            var h = i / 7 % 2;
            Assert.Equal(expected[h][i % slugs.Length], Describe(tree.ViewFor(slugs[i % slugs.Length], hrefs[h])));
        });
    }

    private static string Describe(IReadOnlyList<NavNode> nodes) =>
        string.Join(",", nodes.Select(n => $"{n.Title}|{n.Url}|{n.Current}|{n.Expanded}[{Describe(n.Children)}]"));
}
