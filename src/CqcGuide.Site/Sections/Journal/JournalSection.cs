using CqcGuide.Rules.LearningLogs;
using System.Text;
using CqcGuide.Rules.Domain;
using CqcGuide.Rules.ScoringModels;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Sections.Taxonomy;
using CqcGuide.Site.Views;
using CqcGuide.Site.Yaml;

namespace CqcGuide.Site.Sections.Journal;

/// <summary>
/// The learning journal (<c>input/journal/*.md</c>): checks every log (its rules, personal data, provider-authored
/// HTML, the <c>learning-log-quality</c> lint) and publishes the journal, a page per log, an action tracker, an
/// evidence page per quality statement, an Atom feed (a theme template), the log format's JSON Schema and the draft
/// form. The journal is published when <c>input/journal/</c> exists (so a fork starting its journal gets the form at
/// once) or when there are logs, such as the examples in <c>input/examples/journal/</c>.
/// </summary>
public sealed class JournalSection : Section<CheckedLog>
{
    public static readonly ContentType Log = ContentType.Markdown<LearningLogFrontMatter>("learning log", "journal", "/journal/");

    private sealed record JournalIndex(IReadOnlyList<CheckedLog> Logs);
    private sealed record Tracker(IReadOnlyList<CheckedLog> Logs);
    private sealed record Feed(IReadOnlyList<CheckedLog> Logs);
    private sealed record Draft(string Module, string ValidationModule, string PersonalDataModule);
    private sealed record EvidenceIndex(IReadOnlyList<CheckedLog> Logs);
    private sealed record Evidence(QualityStatement Statement, IReadOnlyList<CheckedLog> Logs);

    public override string Name => "journal";

    public override IReadOnlyList<ContentType> ContentTypes => [Log];

    public override CheckedLog? Check(ContentDocument document, CheckContext context)
    {
        var log = document.Front<LearningLogFrontMatter>();
        var ok = LogChecks.Check(document, log, context.Today, context.Diagnostics);
        ok &= PersonalDataCheck.Check(document, log, context.Diagnostics);
        // An invalid log is still indexed (its id must stay unique) but not published.
        if (!ok) return new CheckedLog(document, log, [], Valid: false);
        if (log.Status != LogStatus.Draft) Sanitiser.Warnings(document, context.Diagnostics);
        var findings = LogLint.Lint(document, log, context.Diagnostics);
        if (log.Status == LogStatus.Draft) context.Unpublished();
        return new CheckedLog(document, log, findings, Valid: true);
    }

    public override void Index(IReadOnlyList<CheckedLog> documents, IndexBuilder index)
    {
        if (!Directory.Exists(Path.Combine(index.Options.InputDir, "journal")) && documents.Count == 0) return;
        index.Menu(40, "Learning journal", index.Href("/journal/"), "journal");
        var module = index.Module(LearningLogQuality.Instance);
        var validation = index.Module(LearningLogValidation.Instance);
        var personalData = index.Module(PersonalDataDetection.Instance);
        var ids = new Dictionary<string, CheckedLog>(StringComparer.Ordinal);
        foreach (var c in documents.OrderBy(d => d.Document.Slug, StringComparer.Ordinal))
            if (!ids.TryAdd(c.Log.Id, c))
                index.Diagnostics.Error(Codes.DuplicateId, $"learning log id '{c.Log.Id}' is also used by {ids[c.Log.Id].Document.Path}", c.Document.At("id"));
        var published = documents.Where(c => c.Valid).OrderByDescending(c => c.Log.Identified).ThenBy(c => c.Log.Id, StringComparer.Ordinal).ToArray();
        foreach (var c in published)
        {
            index.Page(new PagePlan
            {
                Url = c.Document.Url, Layout = "log", Document = c.Document, Type = "learning log", Transform = Sanitiser.For(c.Document), Model = c,
                Anchors = c.Log.Actions.Select(a => "action-" + a.Id).Concat(c.Log.Actions.Where(a => a.MeasureId is not null).Select(a => "measure-of-" + a.Id)).ToHashSet(StringComparer.Ordinal),
            });
            foreach (var a in c.Log.Actions.Where(a => a.MeasureId is not null))
                index.Tag("measure-action", a.MeasureId!, "Actions", 0,
                    new ListItem { Title = $"{c.Log.Title}: action {a.Id}", Url = index.Href(c.Document.Url + "#action-" + a.Id), Summary = a.Description });
            var item = new ListItem
            {
                Title = c.Log.Title, Url = index.Href(c.Document.Url), Summary = c.Log.Summary,
                Meta = LogLabels.StatusLabel(c.Log.Status) + (c.Document.IsExample ? " · example" : "") + (c.Log.TeachingExample ? " · teaching example" : ""),
            };
            foreach (var s in c.Log.QualityStatements) index.Tag("statement", s, "Learning logs", 5, item);
            foreach (var k in LogViews.KeyQuestionsOf(c.Log))
                index.Tag("key-question", k.Id, "Learning logs", 5, item with { Meta = null });
        }
        index.Page(new PagePlan { Url = "/journal/", Layout = "journal", Type = "journal", Model = new JournalIndex(published) });
        index.Page(new PagePlan { Url = "/journal/actions/", Layout = "tracker", Type = "journal", Model = new Tracker(published) });
        index.Page(new PagePlan { Url = "/journal/draft/", Layout = "log-draft", Type = "journal", Model = new Draft(module, validation, personalData) });
        index.Page(new PagePlan { Url = "/journal/feed.xml", Layout = "feed.xml", Type = "journal", InSitemap = false, Model = new Feed(published) });
        index.Page(new PagePlan { Url = "/journal/evidence/", Layout = "list", Type = "journal", Model = new EvidenceIndex(published) });
        foreach (var s in Framework.QualityStatements)
        {
            // Teaching examples show a pitfall; they are never evidence.
            var related = published.Where(l => !l.Log.TeachingExample && l.Log.QualityStatements.Contains(s.Id)).ToArray();
            index.Page(new PagePlan { Url = $"/journal/evidence/{s.Id}/", Layout = "evidence", Type = "journal", Model = new Evidence(s, related), InSitemap = related.Length > 0 });
        }
        index.File("schemas/learning-log.schema.json", Encoding.UTF8.GetBytes(LogSchema.Json));
        index.Share(LogGovernance.SharedKey, published.OrderBy(c => c.Log.Identified).ThenBy(c => c.Log.Id, StringComparer.Ordinal).Select(LogGovernance.Of).ToArray());
    }

    public override PageView View(PagePlan plan, SiteIndex site)
    {
        var journal = new LinkView { Title = "Learning journal", Url = site.Href("/journal/") };
        switch (plan.Model)
        {
            case CheckedLog c:
            {
                var keyQuestions = LogViews.KeyQuestionsOf(c.Log).ToArray();
                return site.NewPage(plan, c.Log.Title, "log", "journal", c.Log.Summary) with
                {
                    Toc = NavTree.Toc(c.Document.Markdown!.Headings), Breadcrumbs = [site.Home, journal],
                    QualityStatements = TaxonomyLinks.Statements(site, c.Log.QualityStatements),
                    KeyQuestions = keyQuestions.Select(k => TaxonomyLinks.KeyQuestion(site, k)).ToArray(),
                    Search = new SearchView { Indexed = true, Type = "learning log", KeyQuestions = keyQuestions.Select(k => k.Id).ToArray() },
                    Data = LogViews.LogViewOf(site, c),
                };
            }
            case JournalIndex j:
                return JournalPage(plan, site, "Learning journal", "journal",
                    "What this service has learned from things that went wrong, and from things that went well: the causes found, the changes made, who owns them and whether they worked.",
                    [site.Home]) with
                {
                    Data = new JournalView
                    {
                        Logs = j.Logs.Select(c => new JournalEntryView { Title = c.Log.Title, Url = site.Href(c.Document.Url), Log = LogViews.LogViewOf(site, c) }).ToArray(),
                        StatusOptions = Enum.GetValues<LogStatus>().Where(s => s != LogStatus.Draft).Select(s => new LabelledText { Label = LogLabels.StatusLabel(s), Text = LogFormat.Value(s) }).ToArray(),
                        EventOptions = Enum.GetValues<EventType>().Select(e => new LabelledText { Label = LogLabels.EventLabel(e), Text = LogFormat.Value(e) }).ToArray(),
                        KeyQuestionOptions = Framework.KeyQuestions.Select(k => new LabelledText { Label = k.Name, Text = k.Id }).ToArray(),
                        FeedUrl = site.Href("/journal/feed.xml"),
                    },
                };
            case Tracker t:
                return TrackerPage(plan, site, t.Logs, journal);
            case Draft d:
                return JournalPage(plan, site, "Draft a learning log", "log-draft",
                    "Write a learning log in your browser, see quality checks as you type, then download it as a file to add to your journal.", [site.Home, journal]) with
                {
                    Data = new JournalView
                    {
                        Module = d.Module, ValidationModule = d.ValidationModule, PersonalDataModule = d.PersonalDataModule, AsOf = DateView.Of(site.Today),
                        StatementOptions = Framework.QualityStatements.Select(q => new LabelledText { Label = $"{Framework.FindKeyQuestion(q.KeyQuestionId)!.Name}: {q.Name}", Text = q.Id }).ToArray(),
                        Format = LogFormat.Options,
                        Measures = (site.Shared<MeasureCard[]>(Measures.MeasuresSection.CardsKey) ?? []).Select(m => new LabelledText { Label = m.Title, Text = m.Id }).ToArray(),
                        ProposeUrl = site.Config.Org.Repository?.NewFileUrl("input/journal"),
                        UploadUrl = site.Config.Org.Repository?.UploadUrl("input/journal"),
                    },
                };
            case Feed f:
                return site.NewPage(plan, $"{site.Config.Title}: learning journal", "feed", "journal") with { Data = JournalFeed.Of(site, f.Logs) };
            case EvidenceIndex e:
                return JournalPage(plan, site, "Evidence by quality statement", "list",
                    "For each of CQC's quality statements: the learning logs that show what this service has learned, with the guidance and self-assessment questions behind them.",
                    [site.Home, journal]) with
                {
                    Groups = Framework.KeyQuestions.Select(k => new ListGroup
                    {
                        Title = k.Name, Id = k.Id,
                        Items = Framework.StatementsOf(k.Id).Select(s => new ListItem
                        {
                            Title = s.Name, Url = site.Href($"/journal/evidence/{s.Id}/"),
                            Meta = e.Logs.Count(l => !l.Log.TeachingExample && l.Log.QualityStatements.Contains(s.Id)) switch { 0 => "no learning logs yet", 1 => "1 learning log", var n => $"{n} learning logs" },
                        }).ToArray(),
                    }).ToArray(),
                };
            case Evidence { Statement: var s, Logs: var related }:
                return JournalPage(plan, site, $"Evidence: {s.Name}", "evidence",
                    $"What this service holds under the “{s.Name}” quality statement ({Framework.FindKeyQuestion(s.KeyQuestionId)!.Name}), grouped by CQC's six evidence categories: the actions its learning logs record with their evidence, and the measures that show whether they worked.",
                    [site.Home, journal, new LinkView { Title = "Evidence by quality statement", Url = site.Href("/journal/evidence/") }]) with
                {
                    QualityStatements = [TaxonomyLinks.Statement(site, s)],
                    Data = EvidencePortfolio(site, s, related),
                };
            default:
                throw new InvalidOperationException(plan.Url);
        }
    }

    /// <summary>
    /// One statement's evidence: each action with recorded evidence (dropped ones aside) in the logs that name the
    /// statement, and each measure that names it, under the evidence category its file gives (a measure's default is
    /// outcomes; an action without one is listed as not yet categorised). Teaching examples are never evidence.
    /// </summary>
    private static EvidenceView EvidencePortfolio(SiteIndex site, QualityStatement s, IReadOnlyList<CheckedLog> related)
    {
        var actions = related.SelectMany(l => l.Log.Actions
            .Where(a => a.Status != ActionStatus.Dropped && !string.IsNullOrWhiteSpace(a.Evidence))
            .Select(a => (a.EvidenceCategory, View: new EvidenceActionView
            {
                Log = new LinkView { Title = l.Log.Title, Url = site.Href(l.Document.Url) }, Url = site.Href(l.Document.Url + "#action-" + a.Id),
                Id = a.Id, Description = a.Description, Evidence = a.Evidence!, Completed = a.Completed is { } c ? DateView.Of(c) : null,
                Status = LogFormat.Label(a.Status),
                StatusClass = a.Status == ActionStatus.Done ? "tag--done" : "tag--blue", Measure = a.Measure,
            }))).ToArray();
        var measures = (site.Shared<MeasureCard[]>(Measures.MeasuresSection.CardsKey) ?? []).Where(m => m.QualityStatements.Contains(s.Id)).ToArray();
        var categories = LogFormat.EvidenceCategories.All.Select(c => new EvidenceCategoryView
        {
            Id = c.Value, Name = c.Label, Hint = c.Hint ?? "",
            Actions = actions.Where(a => a.EvidenceCategory == c.Member).Select(a => a.View).ToArray(),
            Measures = measures.Where(m => m.EvidenceCategory == c.Value).ToArray(),
        }).ToArray();
        return new EvidenceView
        {
            Statement = new LinkView { Title = s.Name, Url = site.Href($"/quality-statements/{s.Id}/") },
            KeyQuestion = Framework.FindKeyQuestion(s.KeyQuestionId)!.Name,
            Categories = categories,
            Uncategorised = actions.Where(a => a.EvidenceCategory is null).Select(a => a.View).ToArray(),
            Count = actions.Length + measures.Length,
            Logs = related.Select(l => new ListItem
            {
                Title = l.Log.Title, Url = site.Href(l.Document.Url), Summary = l.Log.Summary,
                Meta = $"{LogLabels.StatusLabel(l.Log.Status)} · identified {DateView.Of(l.Log.Identified).Text} · {l.Log.Actions.Count(a => a.Status == ActionStatus.Done)} of {l.Log.Actions.Count(a => a.Status != ActionStatus.Dropped)} actions done · {l.Log.Actions.Sum(a => a.Reviews.Count)} effectiveness reviews",
            }).ToArray(),
            Related = site.GroupsOf("statement", s.Id, e => e.Group is not ("Learning logs" or "Measures")),
            AssessmentsUrl = site.HasPage("/assessments/") ? site.Href("/assessments/") : null,
        };
    }

    private static PageView JournalPage(PagePlan plan, SiteIndex site, string title, string kind, string summary, IReadOnlyList<LinkView> crumbs) =>
        site.NewPage(plan, title, kind, "journal", summary) with { Breadcrumbs = crumbs, Search = new SearchView { Indexed = false, Type = "learning log" } };

    private static PageView TrackerPage(PagePlan plan, SiteIndex site, IReadOnlyList<CheckedLog> logs, LinkView journal)
    {
        // Which actions are open, overdue or due a review is the learning-governance rules' decision, as in the reports.
        var today = site.Today;
        var all = logs.SelectMany(c => c.Log.Actions.Zip(LogGovernance.ActionsAt(c, today), (a, at) =>
            (Entry: a, At: at, State: LearningGovernance.ActionState.Evaluate(at),
                Action: LogViews.ActionOf(at, c.Log, a, new LinkView { Title = c.Log.Title, Url = site.Href(c.Document.Url) })))).ToArray();
        return JournalPage(plan, site, "Action tracker", "tracker", $"Every safety action across the learning logs, as of {DateView.Of(today).Text}.", [site.Home, journal]) with
        {
            Data = new JournalView
            {
                AsOf = DateView.Of(today),
                Overdue = all.Where(a => a.State == LearningGovernance.Overdue).OrderBy(a => a.Entry.Due).Select(a => a.Action).ToArray(),
                Open = all.Where(a => a.State == LearningGovernance.Open).OrderBy(a => a.Entry.Due ?? DateOnly.MaxValue).Select(a => a.Action).ToArray(),
                DueForReview = all.Where(a => LearningGovernance.ReviewDue.Evaluate(a.At))
                    .OrderBy(a => a.At.Log.NextReview ?? "", StringComparer.Ordinal).Select(a => a.Action).ToArray(),
            },
        };
    }
}

/// <summary>A checked learning log with its lint findings; only a <paramref name="Valid"/> log is published.</summary>
public sealed record CheckedLog(ContentDocument Document, LearningLogFrontMatter Log, IReadOnlyList<LintedFinding> Findings, bool Valid);
