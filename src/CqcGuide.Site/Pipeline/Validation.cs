using System.Text.RegularExpressions;
using CqcGuide.Rules.Domain;
namespace CqcGuide.Site.Pipeline;

/// <summary>Checks shared by content types: registry ids, review dates, duplicate addresses.</summary>
public static partial class Validation
{
    /// <summary>Tags become addresses (<c>/tags/&lt;tag&gt;/</c>): lower-case words joined by hyphens, as the content spec
    /// documents. Reports every other tag at its line (a tag like <c>../../x</c> would be written outside the site).</summary>
    public static bool Tags(ContentDocument doc, IReadOnlyList<string> tags, string key, DiagnosticBag diagnostics)
    {
        var ok = true;
        for (var i = 0; i < tags.Count; i++)
        {
            if (TagRegex().IsMatch(tags[i]) && tags[i].Length <= 60) continue;
            diagnostics.Error(Codes.InvalidSlug, $"tag '{tags[i]}' cannot be used in a web address", doc.At($"{key}[{i}]"),
                "write tags in lower case with hyphens between words, e.g. root-cause-analysis (at most 60 characters)");
            ok = false;
        }
        return ok;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex TagRegex();

    /// <summary>Reports every unknown quality statement id; true when all are known.</summary>
    public static bool QualityStatements(ContentDocument doc, IReadOnlyList<string> ids, string key, DiagnosticBag diagnostics)
    {
        var ok = true;
        for (var i = 0; i < ids.Count; i++)
        {
            if (Framework.FindStatement(ids[i]) is not null) continue;
            var suggestion = Framework.SuggestStatement(ids[i]);
            diagnostics.Error(Codes.UnknownQualityStatement, $"unknown quality statement '{ids[i]}'", doc.At($"{key}[{i}]"),
                suggestion is not null ? $"did you mean '{suggestion}'?" : "see the list at /quality-statements/ or docs/content-spec.md");
            ok = false;
        }
        return ok;
    }

    /// <summary>Reports every unknown key question id; true when all are known.</summary>
    public static bool KeyQuestions(ContentDocument doc, IReadOnlyList<string> ids, string key, DiagnosticBag diagnostics)
    {
        var ok = true;
        for (var i = 0; i < ids.Count; i++)
        {
            if (Framework.FindKeyQuestion(ids[i]) is not null) continue;
            var suggestion = Framework.SuggestKeyQuestion(ids[i]);
            diagnostics.Error(Codes.UnknownKeyQuestion, $"unknown key question '{ids[i]}'", doc.At($"{key}[{i}]"),
                (suggestion is not null ? $"did you mean '{suggestion}'? " : "") + "key questions: safe, effective, caring, responsive, well-led");
            ok = false;
        }
        return ok;
    }

    /// <summary>
    /// Review dates: next_review must follow last_reviewed; a page past next_review (as of <paramref name="today"/>)
    /// is a warning (an error under --strict) when the organisation <paramref name="owns"/> its review dates, and advice
    /// (never an error) for upstream's unchanged content. Returns whether the page is overdue.
    /// </summary>
    public static bool ReviewDates(ContentDocument doc, DateOnly? last, DateOnly? next, DateOnly today, bool required, DiagnosticBag diagnostics, bool owns = true)
    {
        if (required && (last is null || next is null))
        {
            var missing = last is null ? "last_reviewed" : "next_review";
            (owns ? (Action<string, string, SourceSpan, string?>)diagnostics.Warning : diagnostics.Advice)(Codes.MissingReviewDates, $"'{missing}' is missing", doc.At(""),
                "guidance should say when it was last reviewed and when it is next due, e.g. 'last_reviewed: 2026-10-01' and 'next_review: 2027-10-01'");
        }
        if (last is { } l && next is { } n && n <= l)
            diagnostics.Error(Codes.ReviewDatesOutOfOrder, $"next_review ({n:yyyy-MM-dd}) is not after last_reviewed ({l:yyyy-MM-dd})", doc.At("next_review"));
        if (next is { } due && due < today)
        {
            if (owns)
                diagnostics.Warning(Codes.ReviewOverdue, $"this page was due for review on {due:yyyy-MM-dd}", doc.At("next_review"),
                    "review the page, then update last_reviewed and next_review");
            else
                diagnostics.Advice(Codes.ReviewOverdue, $"this page was due for review on {due:yyyy-MM-dd} (upstream's content, unchanged here: this never fails --strict)", doc.At("next_review"),
                    "merge the latest edition from upstream, or review the page yourself (then it is your own and its dates count)");
            return true;
        }
        return false;
    }

    public static void UniqueUrls(IEnumerable<ContentDocument> docs, DiagnosticBag diagnostics)
    {
        foreach (var group in docs.GroupBy(d => d.Url, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var dup in group.Skip(1))
                diagnostics.Error(Codes.DuplicateUrl, $"two files publish the same address {dup.Url} (also {first.Path})",
                    SourceSpan.File(dup.Path), "rename one of them (e.g. 'x.md' and 'x/index.md' clash)");
        }
    }

    /// <summary>
    /// Warns about a web address whose host ends with a dot (<c>https://www.cqc.org.uk./x</c>): it works in a browser
    /// but defeats caches, certificates on some hosts, and every "is this the same page" check.
    /// </summary>
    public static void ExternalAddress(string url, SourceSpan at, DiagnosticBag diagnostics)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.EndsWith('.'))
            diagnostics.Warning(Codes.HostEndsWithDot, $"the address '{url}' has a host ending with a dot ({uri.Host})", at,
                $"write it without the dot: {uri.Scheme}://{uri.Host.TrimEnd('.')}{uri.PathAndQuery}{uri.Fragment}");
    }
}
