using System.Text.RegularExpressions;
using CqcGuide.Rules;
using CqcGuide.Rules.Domain;
using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Sections.Assessments;

/// <summary>A self-assessment definition checked against its scoring model: versions, ids, every question the model
/// needs exactly once, extra questions typed, conditions on earlier questions with real answers.</summary>
public static partial class AssessmentChecks
{
    public const string InvalidAssessment = Codes.InvalidAssessment;
    private static readonly string[] Reserved = ["tasks", "check", "results", "manage"];

    public static bool Check(ContentDocument doc, AssessmentDefinition def, ScoringModel model, DiagnosticBag diagnostics)
    {
        var ok = true;
        void Error(string code, string message, string at, string? hint = null)
        {
            diagnostics.Error(code, message, doc.At(at), hint);
            ok = false;
        }
        if (!SemverRegex().IsMatch(def.Version))
            Error(InvalidAssessment, $"version '{def.Version}' must be written as x.y.z, e.g. \"1.0.0\"", "version", "saved answers record this version; bump it when questions change");
        if (def.Baseline is not null && model.Presentation.Baseline is null)
            Error(InvalidAssessment, $"{model.Id} does not start from published scores, so this assessment cannot have a baseline", "baseline",
                "remove 'baseline:', or use a model that accepts one (cqc-saf)");
        var seenSections = new HashSet<string>(StringComparer.Ordinal);
        var seenQuestions = new Dictionary<string, (int Section, int Question)>(StringComparer.Ordinal);
        var seenAnchors = new Dictionary<string, string>(StringComparer.Ordinal);
        // Introductions are Markdown written by the site's authors (trusted like guidance), but their links obey the
        // same rule as every other link: web, email or site addresses only.
        foreach (var url in Markdown.MarkdownEngine.LinkAddresses(def.Introduction ?? ""))
            ok &= WebAddresses.Check(url, doc.At("introduction"), diagnostics);
        for (var s = 0; s < def.Sections.Count; s++)
            foreach (var url in Markdown.MarkdownEngine.LinkAddresses(def.Sections[s].Intro ?? ""))
                ok &= WebAddresses.Check(url, doc.At($"sections[{s}].intro"), diagnostics);
        for (var s = 0; s < def.Sections.Count; s++)
        {
            var section = def.Sections[s];
            if (!SlugRegex().IsMatch(section.Id) || Reserved.Contains(section.Id))
                Error(InvalidAssessment, $"section id '{section.Id}' cannot be used", $"sections[{s}].id",
                    "use lower-case letters, digits and hyphens; 'tasks', 'check', 'results' and 'manage' are taken by the assessment's own pages");
            if (!seenSections.Add(section.Id))
                Error(Codes.DuplicateId, $"section id '{section.Id}' is used twice", $"sections[{s}].id");
            for (var i = 0; i < section.Questions.Count; i++)
            {
                var q = section.Questions[i];
                var at = $"sections[{s}].questions[{i}]";
                if (!seenQuestions.TryAdd(q.Id, (s, i)))
                {
                    Error(Codes.DuplicateId, $"question id '{q.Id}' is used twice", at + ".id");
                    continue;
                }
                // Two ids that differ only in characters an anchor cannot hold ('dup a', 'dup-a') would share an anchor.
                var anchor = AssessmentViews.AnchorOf(q.Id);
                if (!seenAnchors.TryAdd(anchor, q.Id))
                    Error(Codes.DuplicateId, $"question ids '{seenAnchors[anchor]}' and '{q.Id}' both become the anchor #{anchor}", at + ".id",
                        "give the question an id of letters, digits, dots and hyphens that no other question shares");
                var item = model.FindItem(q.Id);
                if (item is null && q.Type is null)
                {
                    var hint = Nearest.Find(q.Id, model.Items.Select(m => m.QuestionId));
                    Error(InvalidAssessment, $"'{q.Id}' is not a question of {model.Id}", at + ".id",
                        (hint is not null ? $"did you mean '{hint}'? " : "") + "an extra question of your own (not scored) needs a 'type': text, yes-no or yes-partly-no");
                }
                if (item is not null && q.Type is not null)
                    Error(InvalidAssessment, $"'{q.Id}' is scored by {model.Id}, so it cannot have a type", at + ".type", "remove 'type': the model decides the answers");
                if (item is null && q.Text is null)
                    Error(Codes.MissingField, $"extra question '{q.Id}' needs its 'text'", at);
                ok &= Validation.QualityStatements(doc, q.QualityStatements, at + ".quality_statements", diagnostics);
                if (q.ShowIf is { } cond)
                {
                    if (!seenQuestions.TryGetValue(cond.Question, out _) || cond.Question == q.Id)
                        Error(InvalidAssessment, $"show_if names '{cond.Question}', which is not an earlier question", at + ".show_if.question",
                            "a question can only depend on a question asked before it");
                    else
                    {
                        var allowed = AllowedValues(def, model, cond.Question);
                        for (var v = 0; v < cond.In.Count; v++)
                            if (allowed is not null && !allowed.Contains(cond.In[v], StringComparer.Ordinal))
                                Error(InvalidAssessment, $"'{cond.In[v]}' is not an answer to '{cond.Question}'", $"{at}.show_if.in[{v}]", "answers: " + string.Join(", ", allowed));
                    }
                }
            }
        }
        var missing = model.Items.Select(i => i.QuestionId).Where(id => !seenQuestions.ContainsKey(id)).ToArray();
        if (missing.Length > 0)
            Error(InvalidAssessment, $"{missing.Length} question{(missing.Length == 1 ? "" : "s")} that {model.Id} needs {(missing.Length == 1 ? "is" : "are")} missing: {string.Join(", ", missing.Take(12))}{(missing.Length > 12 ? ", …" : "")}",
                "sections", "every question the model scores must appear exactly once");
        return ok;
    }

    public static IReadOnlyList<string>? AllowedValues(AssessmentDefinition def, ScoringModel model, string questionId)
    {
        if (model.FindItem(questionId) is { } item) return item.AllowedValues;
        var q = def.Sections.SelectMany(s => s.Questions).FirstOrDefault(q => q.Id == questionId);
        return q?.Type switch
        {
            ExtraQuestionType.YesNo => ["yes", "no"],
            ExtraQuestionType.YesPartlyNo => ["yes", "partly", "no"],
            _ => null, // free text: any value
        };
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemverRegex();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SlugRegex();
}
