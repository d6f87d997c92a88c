using System.Globalization;
using CqcGuide.Rules;
using CqcGuide.Rules.LearningLogs;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Assessments;

/// <summary>
/// Self-assessment history (<c>input/assessments/history/*.json</c>): answers files a fork exported from its
/// assessments and committed, read by the same parser as <c>cqcguide score</c> (older formats are migrated), and
/// refused when a note, an answer or the plan holds personal data (the compiled <c>personal-data</c> rules, as for
/// learning logs). The assessment section draws a progress page per assessment from them.
/// </summary>
public sealed class AssessmentHistorySection : Section<CheckedHistory>
{
    public static readonly ContentType History = ContentType.Json("assessment history", "assessments", "history", "/assessments/history/");

    /// <summary>Where the checked files are offered to the assessment section.</summary>
    public const string SharedKey = "assessments:history";

    public override string Name => "assessment history";

    public override IReadOnlyList<ContentType> ContentTypes => [History];

    public override CheckedHistory? Check(ContentDocument document, CheckContext context)
    {
        var parsed = AnswersFile.Parse(document.Source.Text);
        if (!parsed.Success)
        {
            foreach (var e in parsed.Errors)
                context.Diagnostics.Error(Codes.InvalidHistory, $"{e.Message} ({e.Path})", new SourceSpan(document.Path, e.Line, e.Column),
                    "export the answers again from the assessment's “Your saved answers” page, or correct the file");
            return null;
        }
        var file = parsed.File!;
        var fields = new List<PersonalDataField>();
        foreach (var (map, name) in new[] { (file.Answers, "answers"), (file.Extra, "extra") })
            foreach (var (id, answer) in map.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                if (name == "extra" && answer.Value.Length > 0) fields.Add(new($"{name}.{id}", answer.Value, false));
                if (answer.Note is { Length: > 0 } note) fields.Add(new($"{name}.{id}.note", note, false));
            }
        for (var i = 0; i < file.Plan.Count; i++)
        {
            var item = file.Plan[i];
            foreach (var (field, text) in new[] { ("what", item.What), ("why", item.Why), ("owner", item.Owner), ("measure", item.Measure) })
                if (text is { Length: > 0 }) fields.Add(new($"plan[{i}].{field}", text, field == "owner"));
        }
        var ok = true;
        foreach (var f in PersonalDataDetection.Find(new PersonalDataInput(fields.ToArray(), [])))
        {
            var offset = document.Source.Text.IndexOf(f.Text, StringComparison.Ordinal);
            context.Diagnostics.Error(Codes.InvalidHistory, $"{f.Path}: this looks like {f.Label} (“{f.Text}”) in a self-assessment published on the site",
                At(document, Math.Max(0, offset)), f.Hint + " Remove it from the file (and from the answers in the browser), then export again.");
            ok = false;
        }
        return ok ? new CheckedHistory(document, file, parsed.MigratedFrom) : null;
    }

    private static SourceSpan At(ContentDocument document, int offset)
    {
        var text = document.Source.Text;
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
            if (text[i] == '\n') { line++; lineStart = i + 1; }
        return new SourceSpan(document.Path, line, offset - lineStart + 1);
    }

    /// <summary>
    /// Offers the history in save order. Per assessment, the example files (input/examples/) stand in only until the
    /// organisation commits its own: the two are never mixed, so a progress page or a report compares like with like.
    /// </summary>
    public override void Index(IReadOnlyList<CheckedHistory> documents, IndexBuilder index)
    {
        var offered = documents.GroupBy(h => h.File.Assessment.Id, StringComparer.Ordinal)
            .SelectMany(g => g.Any(h => !h.Document.IsExample) ? g.Where(h => !h.Document.IsExample) : g)
            .OrderBy(h => h.SavedAt).ThenBy(h => h.Document.Slug, StringComparer.Ordinal).ToArray();
        if (offered.Length > 0) index.Share(SharedKey, offered);
    }

    public override PageView View(PagePlan plan, SiteIndex site) => throw new InvalidOperationException("history files have no pages of their own");
}

/// <summary>An answers file of the history that passed its checks.</summary>
public sealed record CheckedHistory(ContentDocument Document, AnswersFile File, string? MigratedFrom)
{
    /// <summary>When the answers were last saved (the file's updatedAt).</summary>
    public DateTimeOffset SavedAt => DateTimeOffset.Parse(File.UpdatedAt, CultureInfo.InvariantCulture);

    /// <summary>The day they were saved in England (a file saved at 00:30 in summer time belongs to that day, not the one before).</summary>
    public DateOnly Date => DateOnly.FromDateTime(London is null ? SavedAt.UtcDateTime : TimeZoneInfo.ConvertTime(SavedAt, London).DateTime);

    private static readonly TimeZoneInfo? London = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : null;
}
