using AngleSharp.Html.Parser;

namespace CqcGuide.Site.Tests.Pipeline;

/// <summary>Test-side check of a built site: every internal href/src resolves to a file, every #fragment to an id.</summary>
public static class LinkCrawler
{
    public static void AssertAllResolve(string siteDir, string basePath)
    {
        var parser = new HtmlParser();
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> IdsOf(string file)
        {
            if (!ids.TryGetValue(file, out var set))
            {
                var doc = parser.ParseDocument(File.ReadAllText(file));
                set = doc.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
                ids[file] = set;
            }
            return set;
        }
        var problems = new List<string>();
        var checkedLinks = 0;
        foreach (var file in Directory.EnumerateFiles(siteDir, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}pagefind{Path.DirectorySeparatorChar}")) continue;
            var doc = parser.ParseDocument(File.ReadAllText(file));
            var pageUrl = "/" + Path.GetRelativePath(siteDir, file).Replace('\\', '/');
            foreach (var (el, attr) in doc.QuerySelectorAll("a[href], link[href], script[src], img[src], form[action]")
                         .Select(e => (e, e.HasAttribute("href") ? "href" : e.HasAttribute("src") ? "src" : "action")))
            {
                var value = el.GetAttribute(attr)!;
                if (value.StartsWith("http:", StringComparison.Ordinal) || value.StartsWith("https:", StringComparison.Ordinal) || value.StartsWith("mailto:", StringComparison.Ordinal) || value.StartsWith("data:", StringComparison.Ordinal))
                    continue;
                checkedLinks++;
                var hash = value.IndexOf('#');
                var path = hash >= 0 ? value[..hash] : value;
                var fragment = hash >= 0 ? Uri.UnescapeDataString(value[(hash + 1)..]) : null;
                var q = path.IndexOf('?');
                if (q >= 0) path = path[..q];
                string target;
                if (path.Length == 0) target = file;
                else
                {
                    var absolute = path.StartsWith('/') ? path : new Uri(new Uri("http://x" + pageUrl), path).AbsolutePath;
                    if (!absolute.StartsWith(basePath, StringComparison.Ordinal))
                    {
                        problems.Add($"{pageUrl}: {value} is outside the base path {basePath}");
                        continue;
                    }
                    var rel = Uri.UnescapeDataString(absolute[basePath.Length..]);
                    target = Path.Combine(siteDir, rel);
                    if (rel.Length == 0 || rel.EndsWith('/')) target = Path.Combine(target, "index.html");
                    if (!File.Exists(target))
                    {
                        problems.Add($"{pageUrl}: {value} → missing {Path.GetRelativePath(siteDir, target)}");
                        continue;
                    }
                }
                if (fragment is { Length: > 0 } && target.EndsWith(".html", StringComparison.Ordinal) && !IdsOf(target).Contains(fragment))
                    problems.Add($"{pageUrl}: {value} → no id '{fragment}'");
            }
        }
        Assert.True(checkedLinks > 0);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(50)));
    }
}
