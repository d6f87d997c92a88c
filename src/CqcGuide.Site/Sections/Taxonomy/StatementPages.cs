using System.Text.RegularExpressions;
using CqcGuide.Rules.Domain;
using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Sections.Taxonomy;

/// <summary>The checks a quality statement page must pass: it names a real statement, has every section a manager
/// needs, and enough of the site's own words to be more than a list of links.</summary>
public static partial class StatementPages
{
    public const int MinimumWords = 250;

    /// <summary>The level-2 sections, and under "Evidence you can show" CQC's six evidence categories.</summary>
    public static IReadOnlyList<(int Level, string Text)> RequiredSections { get; } =
    [
        (2, "What it means in adult social care"),
        (2, "What inspectors look at and ask"),
        (2, "Evidence you can show"),
        (3, "People's experience"),
        (3, "Feedback from staff and leaders"),
        (3, "Feedback from partners"),
        (3, "Observation"),
        (3, "Processes"),
        (3, "Outcomes"),
        (2, "Common shortfalls after a poor inspection"),
    ];

    public static bool Check(ContentDocument doc, StatementFrontMatter fm, CheckContext context)
    {
        var (today, diagnostics) = (context.Today, context.Diagnostics);
        var ok = true;
        if (Framework.FindStatement(fm.Statement) is null)
        {
            var suggestion = Framework.SuggestStatement(fm.Statement);
            diagnostics.Error(Codes.UnknownQualityStatement, $"unknown quality statement '{fm.Statement}'", doc.At("statement"),
                suggestion is not null ? $"did you mean '{suggestion}'?" : "see the list at /quality-statements/");
            ok = false;
        }
        else if (fm.Statement != doc.Slug)
        {
            diagnostics.Error(Codes.IncompleteStatementPage, $"the page is about '{fm.Statement}' but the file is named '{doc.Slug}.md'", doc.At("statement"),
                $"rename the file to {fm.Statement}.md");
            ok = false;
        }
        var headings = doc.Markdown!.Headings.Select(h => (h.Level, Text: Normalise(h.Text))).ToArray();
        var missing = RequiredSections.Where(r => !headings.Contains((r.Level, Normalise(r.Text)))).ToArray();
        if (missing.Length > 0)
        {
            diagnostics.Error(Codes.IncompleteStatementPage,
                $"missing section{(missing.Length == 1 ? "" : "s")}: {string.Join(", ", missing.Select(m => new string('#', m.Level) + " " + m.Text))}",
                SourceSpan.File(doc.Path) with { Line = doc.Markdown.Headings.LastOrDefault()?.Line ?? 1 },
                "every quality statement page has the same sections, so a manager finds the same things on each");
            ok = false;
        }
        var words = WordCount(doc.Markdown.Body);
        if (words < MinimumWords)
        {
            diagnostics.Error(Codes.IncompleteStatementPage, $"the page has {words} words of its own; it needs at least {MinimumWords}", doc.At(""),
                "say what the statement means in adult social care, what inspectors ask, what evidence shows it and what commonly falls short");
            ok = false;
        }
        Validation.ReviewDates(doc, fm.LastReviewed, fm.NextReview, today, required: true, diagnostics, context.OwnsReviewDates(doc));
        for (var i = 0; i < fm.Sources.Count; i++) Validation.ExternalAddress(fm.Sources[i].Url, doc.At($"sources[{i}].url"), diagnostics);
        return ok;
    }

    /// <summary>Words of prose in a Markdown body: headings, link targets and markup are not counted.</summary>
    public static int WordCount(string markdown)
    {
        var prose = string.Join('\n', markdown.Split('\n').Where(l => !l.TrimStart().StartsWith('#')));
        var text = LinkTarget().Replace(prose, "");
        return WordRegex().Matches(text).Count;
    }

    private static string Normalise(string s) => s.Replace('’', '\'').Trim();

    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’-]*")]
    private static partial Regex WordRegex();
}
