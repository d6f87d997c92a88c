using CqcGuide.Rules;
using CqcGuide.Rules.Domain;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Assessments;

/// <summary>
/// Self-assessments (<c>input/assessments/*.yml</c>): each definition is checked against its scoring model and becomes
/// a start page, a task list, one page per section, a check-your-answers page, a results page, an improvement plan page, a "your saved
/// answers" page and a team page (several people's answers side by side). The model's compiled ES module is a hashed asset; the pages embed the definition as JSON.
/// </summary>
public sealed class AssessmentSection : Section<CheckedAssessment>
{
    public static readonly ContentType Assessment = ContentType.Yaml<AssessmentDefinition>("assessment", "assessments", "/assessments/");

    private enum Kind { Start, Tasks, Section, Check, Results, Plan, Manage, Team, Baseline }

    /// <summary>The view all pages of one assessment share, built once on first use.</summary>
    private sealed class Shared(CheckedAssessment assessment, string module, string planModule, string teamModule)
    {
        private AssessmentView? view;
        public CheckedAssessment Assessment { get; } = assessment;
        /// <summary>The progress page, when history files exist (set while indexing, before any view is built).</summary>
        public string? ProgressUrl { get; set; }
        public AssessmentView View(SiteIndex site)
        {
            lock (this)
                return view ??= AssessmentViews.Build(site, Assessment.Document, Assessment.Definition, Assessment.Model, module, planModule, teamModule)
                    with { ProgressUrl = ProgressUrl is null ? null : site.Href(ProgressUrl) };
        }
    }

    private sealed record AssessmentPage(Shared Shared, Kind Kind, int Section = -1);

    private sealed record ProgressPage(Shared Shared, IReadOnlyList<CheckedHistory> Files)
    {
        public bool Example => Files.All(f => f.Document.IsExample);
    }

    /// <summary>Where <see cref="Index"/> offers the assessments (and their shared views) to <see cref="IndexFromTags"/>.</summary>
    private const string SharedKey = "assessments:checked";

    /// <summary>Assessment id → title and progress page (site-relative, or null), for the governance reports.</summary>
    public const string TitlesKey = "assessments:titles";

    public override string Name => "assessments";

    public override IReadOnlyList<ContentType> ContentTypes => [Assessment];

    public override CheckedAssessment? Check(ContentDocument document, CheckContext context)
    {
        var def = document.Front<AssessmentDefinition>();
        var model = Models.FindScoring(def.Model);
        if (model is null)
        {
            var hint = Nearest.Find(def.Model, Models.Scoring.Select(m => m.Id));
            context.Diagnostics.Error(AssessmentChecks.InvalidAssessment, $"unknown scoring model '{def.Model}'", document.At("model"),
                (hint is not null ? $"did you mean '{hint}'? " : "") + "models: " + string.Join(", ", Models.Scoring.Select(m => m.Id)));
            return null;
        }
        return AssessmentChecks.Check(document, def, model, context.Diagnostics) ? new CheckedAssessment(document, def, model) : null;
    }

    public override void Index(IReadOnlyList<CheckedAssessment> documents, IndexBuilder index)
    {
        if (documents.Count == 0) return;
        index.Menu(30, "Self-assessments", index.Href("/assessments/"), "assessments");
        index.File("schemas/answers.schema.json", System.Text.Encoding.UTF8.GetBytes(AnswersFile.Schema));
        var planModule = index.Module(Rules.LearningLogs.ImprovementPlan.Instance);
        var teamModule = index.Module(Rules.ScoringModels.TeamAssessment.Instance);
        var ordered = documents.OrderBy(d => d.Definition.Order).ThenBy(d => d.Document.Slug, StringComparer.Ordinal).ToArray();
        var shares = new List<Shared>();
        foreach (var a in ordered)
        {
            var shared = new Shared(a, index.Module(a.Model), planModule, teamModule);
            shares.Add(shared);
            var root = a.Document.Url;
            void Plan(string url, string layout, Kind kind, bool sitemap = true, int section = -1, IReadOnlySet<string>? anchors = null) =>
                index.Page(new PagePlan
                {
                    Url = url, Layout = layout, Type = "assessment", InSitemap = sitemap, Model = new AssessmentPage(shared, kind, section),
                    Anchors = anchors ?? new HashSet<string>(),
                });
            Plan(root, "assessment-start", Kind.Start);
            Plan(root + "tasks/", "assessment-tasks", Kind.Tasks, sitemap: false);
            for (var i = 0; i < a.Definition.Sections.Count; i++)
            {
                var section = a.Definition.Sections[i];
                Plan(root + section.Id + "/", "assessment-section", Kind.Section, section: i,
                    anchors: section.Questions.Select(q => AssessmentViews.AnchorOf(q.Id)).ToHashSet(StringComparer.Ordinal));
            }
            Plan(root + "check/", "assessment-check", Kind.Check, sitemap: false);
            Plan(root + "results/", "assessment-results", Kind.Results, sitemap: false);
            Plan(root + "plan/", "assessment-plan", Kind.Plan, sitemap: false);
            Plan(root + "manage/", "assessment-manage", Kind.Manage, sitemap: false);
            Plan(root + "team/", "assessment-team", Kind.Team, sitemap: false);
            if (a.Definition.Baseline is not null && a.Model.Presentation.Baseline is not null)
                Plan(root + "baseline/", "assessment-baseline", Kind.Baseline, sitemap: false);

            foreach (var section in a.Definition.Sections)
            foreach (var q in section.Questions)
            {
                var statements = AssessmentViews.StatementsOf(a.Definition, a.Model, q.Id).ToArray();
                var text = q.Text ?? a.Model.FindItem(q.Id)?.Text ?? q.Id;
                foreach (var s in statements)
                    index.Tag("statement", s, "Self-assessment questions", 30,
                        new ListItem { Title = text, Url = index.Href(root + section.Id + "/#" + AssessmentViews.AnchorOf(q.Id)), Meta = a.Definition.Title });
                foreach (var k in statements.Select(s => Framework.FindStatement(s)?.KeyQuestionId).OfType<string>().Distinct())
                    index.Tag("key-question", k, "Self-assessments", 30, new ListItem { Title = a.Definition.Title, Url = index.Href(root), Summary = a.Definition.Summary });
            }
        }
        index.Page(new PagePlan { Url = "/assessments/", Layout = "list", Type = "assessment", Model = ordered });
        index.Share(SharedKey, shares.ToArray());
    }

    /// <summary>
    /// A progress page for each assessment with history files (offered by <see cref="AssessmentHistorySection"/>, whose
    /// index runs alongside this one, hence here); a history file of no assessment here, or scored with another model,
    /// is an error at its file.
    /// </summary>
    public override void IndexFromTags(IReadOnlyList<TaxonomyEntry> tagged, IndexBuilder index)
    {
        if (index.Offered<CheckedHistory[]>(AssessmentHistorySection.SharedKey) is not { } history) return;
        var shared = index.Offered<Shared[]>(SharedKey) ?? [];
        var titles = new Dictionary<string, (string Title, string? Url)>(StringComparer.Ordinal);
        foreach (var group in history.GroupBy(h => h.File.Assessment.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var owner = shared.FirstOrDefault(a => a.Assessment.Document.Slug == group.Key);
            var files = new List<CheckedHistory>();
            // The example history (input/examples/) shows what the page looks like until the organisation commits its own
            // files: it is never mixed with them, and never an error (a fork may have dropped the example's assessment).
            var own = group.Where(h => !h.Document.IsExample).ToArray();
            foreach (var h in own.Length > 0 ? own : group.Where(h => owner is not null && h.File.Model.Id == owner.Assessment.Model.Id))
            {
                if (owner is null)
                    index.Diagnostics.Error(Codes.InvalidHistory, $"the file holds answers to '{group.Key}', which is not a self-assessment of this site",
                        SourceSpan.File(h.Document.Path), "assessments: " + string.Join(", ", shared.Select(a => a.Assessment.Document.Slug)));
                else if (h.File.Model.Id != owner.Assessment.Model.Id)
                    index.Diagnostics.Error(Codes.InvalidHistory, $"the file was scored with '{h.File.Model.Id}', but '{group.Key}' uses '{owner.Assessment.Model.Id}'",
                        SourceSpan.File(h.Document.Path));
                else files.Add(h);
            }
            if (owner is null || files.Count == 0) continue;
            var ordered = files.OrderBy(f => f.SavedAt).ThenBy(f => f.Document.Slug, StringComparer.Ordinal).ToArray();
            owner.ProgressUrl = owner.Assessment.Document.Url + "progress/";
            titles[group.Key] = (owner.Assessment.Definition.Title, owner.ProgressUrl);
            index.Page(new PagePlan { Url = owner.ProgressUrl, Layout = "assessment-progress", Type = "assessment", Model = new ProgressPage(owner, ordered) });
        }
        if (titles.Count > 0) index.Share(TitlesKey, titles);
    }

    public override PageView View(PagePlan plan, SiteIndex site)
    {
        if (plan.Model is CheckedAssessment[] all)
        {
            return site.NewPage(plan, "Self-assessments", "list", "assessments",
                "Work through a self-assessment with your team. Your answers stay in this browser on this device: nothing is sent anywhere. Results are a self-assessment, never a CQC rating.") with
            {
                Breadcrumbs = [site.Home],
                Groups = [new ListGroup { Items = all.Select(a =>
                {
                    var count = a.Definition.Sections.Sum(s => s.Questions.Count);
                    return new ListItem
                    {
                        Title = a.Definition.Title, Url = site.Href(a.Document.Url), Summary = a.Definition.Summary,
                        Meta = $"{count} questions" + (a.Definition.TimeNeeded is null ? "" : " · " + a.Definition.TimeNeeded),
                    };
                }).ToArray() }],
            };
        }
        if (plan.Model is ProgressPage progress)
        {
            var v = progress.Shared.View(site);
            var d = progress.Shared.Assessment.Definition;
            return site.NewPage(plan, $"Progress over time: {d.Title}", "assessment-progress", "assessments",
                $"How {d.Title} changed across {progress.Files.Count} self-assessment{(progress.Files.Count == 1 ? "" : "s")}") with
            {
                Breadcrumbs = [site.Home, new LinkView { Title = "Self-assessments", Url = site.Href("/assessments/") }, new LinkView { Title = d.Title, Url = v.Urls.Start }],
                SourcePath = progress.Files[^1].Document.Path,
                Data = ProgressView.Build(v, progress.Shared.Assessment, progress.Files, site.Today) with { Example = progress.Example },
            };
        }
        var page = (AssessmentPage)plan.Model!;
        var view = page.Shared.View(site);
        var def = page.Shared.Assessment.Definition;
        var start = new LinkView { Title = def.Title, Url = view.Urls.Start };
        var tasks = new LinkView { Title = "Tasks", Url = view.Urls.Tasks };
        var index = new LinkView { Title = "Self-assessments", Url = site.Href("/assessments/") };
        PageView Page(string title, string kind, IReadOnlyList<LinkView> crumbs, AssessmentView data, bool indexed = false, string summary = "") =>
            site.NewPage(plan, title, kind, "assessments", summary, indexed) with
            {
                Breadcrumbs = crumbs, SourcePath = page.Shared.Assessment.Document.Path, Data = data,
                Search = new SearchView { Indexed = indexed, Type = "assessment" },
            };
        switch (page.Kind)
        {
            case Kind.Start: return Page(def.Title, "assessment-start", [site.Home, index], view, indexed: true, summary: def.Summary);
            case Kind.Tasks: return Page($"{def.Title}: tasks", "assessment-tasks", [site.Home, index, start], view);
            case Kind.Section:
            {
                var i = page.Section;
                var section = view.Sections[i];
                var prev = i == 0 ? null : view.Sections[i - 1];
                var next = i + 1 < view.Sections.Count ? view.Sections[i + 1] : null;
                var data = view with
                {
                    Section = section,
                    PrevSection = prev is null ? null : new LinkView { Title = prev.Title, Url = prev.Url },
                    NextSection = next is null ? null : new LinkView { Title = next.Title, Url = next.Url },
                };
                return Page(section.Title, "assessment-section", [site.Home, index, start, tasks], data, indexed: true,
                    summary: $"{def.Title}, section {section.Number} of {view.Sections.Count}");
            }
            case Kind.Check: return Page("Check your answers", "assessment-check", [site.Home, index, start, tasks], view);
            case Kind.Results: return Page($"Your results: {def.Title}", "assessment-results", [site.Home, index, start], view);
            case Kind.Plan: return Page($"Your improvement plan: {def.Title}", "assessment-plan", [site.Home, index, start], view);
            case Kind.Baseline: return Page($"Your last published scores: {def.Title}", "assessment-baseline", [site.Home, index, start], view);
            case Kind.Team: return Page($"Compare your team's answers: {def.Title}", "assessment-team", [site.Home, index, start], view);
            default: return Page("Your saved answers", "assessment-manage", [site.Home, index, start], view);
        }
    }
}

/// <summary>A self-assessment definition that passed its checks, with its scoring model.</summary>
public sealed record CheckedAssessment(ContentDocument Document, AssessmentDefinition Definition, ScoringModel Model);
