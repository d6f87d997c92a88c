using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using CqcGuide.Rules;
using CqcGuide.Rules.Domain;
using CqcGuide.Site.Content;
using CqcGuide.Site.Markdown;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Build;

/// <summary>
/// Self-assessments: each definition is validated against its scoring model and becomes a start page, a task list,
/// one page per section, a check-your-answers page, a results page and a "your saved answers" page. The model's
/// compiled ES module is added as a hashed asset; the pages embed the definition as a JSON data block.
/// </summary>
public static partial class AssessmentSection
{
    public const string InvalidAssessment = "CG701";
    private static readonly string[] Reserved = ["tasks", "check", "results", "manage"];

    public static void Contribute(SiteContext site)
    {
        var docs = site.OfKind(ContentKind.Assessment).OrderBy(d => d.Order).ThenBy(d => d.Slug, StringComparer.Ordinal).ToArray();
        if (docs.Length == 0) return;
        var home = Sections.Home(site);
        var index = new LinkView { Title = "Self-assessments", Url = site.Href("/assessments/") };
        site.NavSections.Add(new LinkView { Title = "Self-assessments", Url = site.Href("/assessments/"), Id = "assessments" });
        var listed = new List<ListItem>();
        foreach (var doc in docs)
        {
            var def = doc.Front<AssessmentDefinition>();
            var model = Models.FindScoring(def.Model);
            if (model is null)
            {
                var hint = Nearest.Find(def.Model, Models.Scoring.Select(m => m.Id));
                site.Diagnostics.Error(InvalidAssessment, $"unknown scoring model '{def.Model}'", doc.At("model"),
                    (hint is not null ? $"did you mean '{hint}'? " : "") + "models: " + string.Join(", ", Models.Scoring.Select(m => m.Id)));
                continue;
            }
            if (!Validate(site, doc, def, model)) continue;
            var moduleName = ScoringSection.AddModule(site, model);
            var view = BuildView(site, doc, def, model, moduleName);
            listed.Add(new ListItem { Title = def.Title, Url = view.Urls.Start, Summary = def.Summary, Meta = $"{view.QuestionCount} questions" + (def.TimeNeeded is null ? "" : " · " + def.TimeNeeded) });
            var start = new LinkView { Title = def.Title, Url = view.Urls.Start };
            var tasks = new LinkView { Title = "Tasks", Url = view.Urls.Tasks };
            PageView Page(string title, string url, string kind, IReadOnlyList<LinkView> crumbs, AssessmentView data, bool indexed = false, string summary = "") => new()
            {
                Title = title, Summary = summary, Url = site.Href(url), CanonicalUrl = site.Absolute(url), Kind = kind, Section = "assessments",
                Csp = site.Csp(), Breadcrumbs = crumbs, SourcePath = doc.Path, Data = data,
                Search = new SearchView { Indexed = indexed, Type = "assessment" },
            };
            var root = doc.Url;
            site.Pages.Add(new SitePage { Url = root, Layout = "assessment-start", Type = "assessment", Document = null,
                View = Page(def.Title, root, "assessment-start", [home, index], view, indexed: true, summary: def.Summary) });
            site.Pages.Add(new SitePage { Url = root + "tasks/", Layout = "assessment-tasks", Type = "assessment", InSitemap = false,
                View = Page($"{def.Title}: tasks", root + "tasks/", "assessment-tasks", [home, index, start], view) });
            for (var i = 0; i < view.Sections.Count; i++)
            {
                var section = view.Sections[i];
                var sectionView = Clone(view, section, i == 0 ? null : view.Sections[i - 1], i + 1 < view.Sections.Count ? view.Sections[i + 1] : null);
                site.Pages.Add(new SitePage
                {
                    Url = root + section.Id + "/", Layout = "assessment-section", Type = "assessment",
                    ExtraAnchors = section.Questions.Select(q => q.Anchor).ToHashSet(StringComparer.Ordinal),
                    View = Page(section.Title, root + section.Id + "/", "assessment-section", [home, index, start, tasks], sectionView, indexed: true,
                        summary: $"{def.Title}, section {section.Number} of {view.Sections.Count}"),
                });
            }
            site.Pages.Add(new SitePage { Url = root + "check/", Layout = "assessment-check", Type = "assessment", InSitemap = false,
                View = Page("Check your answers", root + "check/", "assessment-check", [home, index, start, tasks], view) });
            site.Pages.Add(new SitePage { Url = root + "results/", Layout = "assessment-results", Type = "assessment", InSitemap = false,
                View = Page($"Your results: {def.Title}", root + "results/", "assessment-results", [home, index, start], view) });
            site.Pages.Add(new SitePage { Url = root + "manage/", Layout = "assessment-manage", Type = "assessment", InSitemap = false,
                View = Page("Your saved answers", root + "manage/", "assessment-manage", [home, index, start], view) });

            foreach (var section in view.Sections)
            foreach (var q in section.Questions)
            {
                var statements = StatementsOf(def, model, q.Id).ToArray();
                foreach (var s in statements)
                    site.Tagged.Add(new TaxonomyEntry("statement", s, "Self-assessment questions", 30,
                        new ListItem { Title = q.Text, Url = site.Href(root + section.Id + "/#" + q.Anchor), Meta = def.Title }));
                foreach (var k in statements.Select(s => Framework.FindStatement(s)?.KeyQuestionId).OfType<string>().Distinct())
                    site.Tagged.Add(new TaxonomyEntry("key-question", k, "Self-assessments", 30, new ListItem { Title = def.Title, Url = site.Href(root), Summary = def.Summary }));
            }
        }
        site.Pages.Add(new SitePage
        {
            Url = "/assessments/", Layout = "list", Type = "assessment",
            View = new PageView
            {
                Title = "Self-assessments", Url = site.Href("/assessments/"), CanonicalUrl = site.Absolute("/assessments/"), Kind = "list", Section = "assessments",
                Summary = "Work through a self-assessment with your team. Your answers stay in this browser on this device: nothing is sent anywhere. Results are a self-assessment, never a CQC rating.",
                Csp = site.Csp(), Breadcrumbs = [home],
                Groups = [new ListGroup { Items = listed }],
                Search = new SearchView { Indexed = false, Type = "assessment" },
            },
        });
    }

    /// <summary>Quality statements a question addresses: its own id for the CQC models, plus any it names.</summary>
    private static IEnumerable<string> StatementsOf(AssessmentDefinition def, ScoringModel model, string questionId)
    {
        var q = def.Sections.SelectMany(s => s.Questions).First(q => q.Id == questionId);
        var own = model.FindItem(questionId) is not null && model.IsCqcMethod ? questionId.Split('/')[0] : null;
        return (own is null ? q.QualityStatements : q.QualityStatements.Append(own)).Where(s => Framework.FindStatement(s) is not null).Distinct(StringComparer.Ordinal);
    }

    private static bool Validate(SiteContext site, ContentDocument doc, AssessmentDefinition def, ScoringModel model)
    {
        var ok = true;
        void Error(string code, string message, string at, string? hint = null)
        {
            site.Diagnostics.Error(code, message, doc.At(at), hint);
            ok = false;
        }
        if (!SemverRegex().IsMatch(def.Version))
            Error(InvalidAssessment, $"version '{def.Version}' must be written as x.y.z, e.g. \"1.0.0\"", "version", "saved answers record this version; bump it when questions change");
        var seenSections = new HashSet<string>(StringComparer.Ordinal);
        var seenQuestions = new Dictionary<string, (int Section, int Question)>(StringComparer.Ordinal);
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
                Validation.QualityStatements(doc, q.QualityStatements, at + ".quality_statements", site.Diagnostics);
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

    private static IReadOnlyList<string>? AllowedValues(AssessmentDefinition def, ScoringModel model, string questionId)
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

    private static AssessmentView Clone(AssessmentView v, AssessmentSectionView section, AssessmentSectionView? prev, AssessmentSectionView? next) => new()
    {
        Id = v.Id, Title = v.Title, Version = v.Version, ModelId = v.ModelId, ModelVersion = v.ModelVersion, ModelTitle = v.ModelTitle,
        IsCqcMethod = v.IsCqcMethod, TimeNeeded = v.TimeNeeded, IntroductionHtml = v.IntroductionHtml, Module = v.Module,
        DefinitionJson = v.DefinitionJson, QuestionCount = v.QuestionCount, Sections = v.Sections, Urls = v.Urls, Notice = v.Notice,
        Section = section,
        PrevSection = prev is null ? null : new LinkView { Title = prev.Title, Url = prev.Url },
        NextSection = next is null ? null : new LinkView { Title = next.Title, Url = next.Url },
    };

    private static AssessmentView BuildView(SiteContext site, ContentDocument doc, AssessmentDefinition def, ScoringModel model, string moduleName)
    {
        var root = doc.Url;
        var number = 0;
        var sections = def.Sections.Select((s, si) => new AssessmentSectionView
        {
            Id = s.Id, Number = si + 1, Title = s.Title, Url = site.Href(root + s.Id + "/"),
            IntroHtml = Markdown(s.Intro),
            Questions = s.Questions.Select((q, qi) =>
            {
                var item = model.FindItem(q.Id);
                var anchor = "q-" + AnchorRegex().Replace(q.Id, "-");
                var options = item is not null ? AnswerLabels.For(model, item, anchor)
                    : q.Type switch
                    {
                        ExtraQuestionType.YesNo => AnswerLabels.Simple(anchor, ("yes", "Yes"), ("no", "No")),
                        ExtraQuestionType.YesPartlyNo => AnswerLabels.Simple(anchor, ("yes", "Yes"), ("partly", "Partly"), ("no", "No")),
                        _ => [],
                    };
                var guidance = q.Guidance.Select((g, gi) =>
                {
                    var link = new LinkView { Title = GuidanceTitle(site, g), Url = g };
                    site.PendingLinks.Add(new PendingLink(link, g, doc, doc.At($"sections[{si}].questions[{qi}].guidance[{gi}]")));
                    return link;
                }).ToArray();
                return new QuestionView
                {
                    Id = q.Id, Anchor = anchor, Number = q.ShowIf is null ? ++number : 0, Text = q.Text ?? item?.Text ?? q.Id, Hint = q.Hint, EvidencePrompt = q.EvidencePrompt,
                    Input = q.Type == ExtraQuestionType.Text ? "text" : "choice", Scored = item is not null, Options = options,
                    Guidance = guidance,
                    ShowIfQuestion = q.ShowIf?.Question, ShowIfValues = q.ShowIf is null ? null : string.Join(' ', q.ShowIf.In),
                };
            }).ToArray(),
        }).ToArray();
        var urls = new AssessmentUrls
        {
            Start = site.Href(root), Tasks = site.Href(root + "tasks/"), Check = site.Href(root + "check/"), Results = site.Href(root + "results/"),
            Manage = site.Href(root + "manage/"), Index = site.Href("/assessments/"), Scoring = site.Href($"/scoring/{model.Id}/"),
        };
        var notice = model.IsCqcMethod ? "Self-assessment — not a CQC rating" : "Self-assessment — CqcGuide's own model, not a CQC method or rating";
        var definition = new
        {
            format = AnswersFile.FormatId,
            id = doc.Slug, version = def.Version, title = def.Title,
            model = new { id = model.Id, version = model.Version, title = model.Title, cqc = model.IsCqcMethod },
            notice,
            groups = model.Groups.Select(g => new { id = g.Id, name = g.Name }),
            urls = new { start = urls.Start, tasks = urls.Tasks, check = urls.Check, results = urls.Results, manage = urls.Manage },
            sections = sections.Select(s => new
            {
                id = s.Id, title = s.Title, url = s.Url,
                questions = s.Questions.Select(q => new
                {
                    id = q.Id, anchor = q.Anchor, number = q.Number, text = q.Text, input = q.Input, scored = q.Scored,
                    options = q.Options.Select(o => new { value = o.Value, label = o.Label }),
                    showIf = q.ShowIfQuestion is null ? null : new { question = q.ShowIfQuestion, @in = q.ShowIfValues!.Split(' ') },
                }),
            }),
        };
        var json = JsonSerializer.Serialize(definition, new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
        return new AssessmentView
        {
            Id = doc.Slug, Title = def.Title, Version = def.Version, ModelId = model.Id, ModelVersion = model.Version, ModelTitle = model.Title,
            IsCqcMethod = model.IsCqcMethod, TimeNeeded = def.TimeNeeded, IntroductionHtml = Markdown(def.Introduction),
            Module = moduleName, DefinitionJson = json, QuestionCount = sections.Sum(s => s.Questions.Count), Sections = sections, Urls = urls, Notice = notice,
        };
    }

    /// <summary>The title of the page a guidance link points to (resolved later by the link stage).</summary>
    private static string GuidanceTitle(SiteContext site, string raw)
    {
        var path = raw.Split('#')[0];
        var file = path.StartsWith("../", StringComparison.Ordinal) ? path[3..] : path;
        return site.Documents.FirstOrDefault(d => d.Source.RelativePath == file)?.Title ?? "Read the guidance";
    }

    private static string Markdown(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : MarkdownEngine.ToHtml(text);

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemverRegex();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SlugRegex();

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex AnchorRegex();
}

/// <summary>How each model's answer values read on a form (the rules decide which values exist).</summary>
public static class AnswerLabels
{
    public static IReadOnlyList<OptionView> For(ScoringModel model, ModelItem item, string anchor)
    {
        var cqc = model.IsCqcMethod;
        var list = new List<OptionView>();
        foreach (var value in item.AllowedValues.OrderBy(v => int.TryParse(v, out var n) ? n : 99))
        {
            var (label, hint) = (value, cqc) switch
            {
                ("1", true) => ("1 – Significant shortfalls", "The evidence shows significant shortfalls."),
                ("2", true) => ("2 – Some shortfalls", "The evidence shows some shortfalls."),
                ("3", true) => ("3 – Good standard", "The evidence shows a good standard."),
                ("4", true) => ("4 – Exceptional standard", "The evidence shows an exceptional standard."),
                ("1", false) => ("1 – Reactive", "We act only after things go wrong."),
                ("2", false) => ("2 – Developing", "We have started, but it is patchy or depends on a few people."),
                ("3", false) => ("3 – Established", "It is in place and usually followed."),
                ("4", false) => ("4 – Embedded", "It is simply how we work, and we can show it."),
                ("not-assessed", _) => ("Not assessed", (string?)"Leave this statement out of the score."),
                ("na", _) => ("Not applicable", "This does not apply to our service; leave it out of the score."),
                _ => (value, null),
            };
            list.Add(new OptionView { Value = value, Label = label, Hint = hint, InputId = $"{anchor}-{value}", Divider = !char.IsDigit(value[0]) });
        }
        return list;
    }

    public static IReadOnlyList<OptionView> Simple(string anchor, params (string Value, string Label)[] options) =>
        options.Select(o => new OptionView { Value = o.Value, Label = o.Label, InputId = $"{anchor}-{o.Value}" }).ToArray();
}
