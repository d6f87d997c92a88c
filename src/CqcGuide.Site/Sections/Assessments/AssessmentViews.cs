using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using CqcGuide.Rules;
using CqcGuide.Rules.Domain;
using CqcGuide.Rules.LearningLogs;
using CqcGuide.Site.Markdown;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Assessments;

/// <summary>The view every page of a self-assessment shares: sections and questions with their answer options and
/// resolved guidance links, the URLs of the assessment's pages, and the definition as the JSON its scripts read.</summary>
public static partial class AssessmentViews
{
    public static AssessmentView Build(SiteIndex site, ContentDocument doc, AssessmentDefinition def, ScoringModel model, string moduleName, string planModule, string teamModule)
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
                var anchor = AnchorOf(q.Id);
                var options = item is not null ? model.AnswerOptions(item).Select(o => new OptionView { Value = o.Value, Label = o.Label, Hint = o.Hint, InputId = $"{anchor}-{o.Value}", Divider = o.Divider }).ToArray()
                    : q.Type switch
                    {
                        ExtraQuestionType.YesNo => AnswerLabels.Simple(anchor, ("yes", "Yes"), ("no", "No")),
                        ExtraQuestionType.YesPartlyNo => AnswerLabels.Simple(anchor, ("yes", "Yes"), ("partly", "Partly"), ("no", "No")),
                        _ => [],
                    };
                var guidance = q.Guidance.Select((g, gi) =>
                {
                    return new LinkView
                    {
                        Title = site.Links.TargetDocument(g, doc)?.Title ?? "Read the guidance",
                        Url = site.Link(g, doc, doc.At($"sections[{si}].questions[{qi}].guidance[{gi}]")),
                    };
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
            Manage = site.Href(root + "manage/"), Plan = site.Href(root + "plan/"), Team = site.Href(root + "team/"),
            Baseline = def.Baseline is not null && model.Presentation.Baseline is not null ? site.Href(root + "baseline/") : null, Index = site.Href("/assessments/"), Scoring = site.Href($"/scoring/{model.Id}/"),
        };
        var notice = model.IsCqcMethod ? "Self-assessment — not a CQC rating" : "Self-assessment — CqcGuide's own model, not a CQC method or rating";
        var baseline = def.Baseline is not null && model.Presentation.Baseline is { } presented
            ? new BaselineView
            {
                IntroHtml = Markdown(def.Baseline.Intro),
                Keep = new OptionView { Value = presented.Keep.Value, Label = presented.Keep.Label, Hint = presented.Keep.Hint, InputId = "baseline-keep", Divider = presented.Keep.Divider },
                Scores = presented.Scores.Select(o => new OptionView { Value = o.Value, Label = o.Label, Hint = o.Hint, InputId = $"baseline-{o.Value}", Divider = o.Divider }).ToArray(),
                Sources = presented.Sources.Select(s => new LabelledText { Label = s.Label, Text = s.Value }).ToArray(),
            }
            : null;
        var definition = new
        {
            format = AnswersFile.FormatId,
            id = doc.Slug, version = def.Version, title = def.Title,
            model = new { id = model.Id, version = model.Version, title = model.Title, cqc = model.IsCqcMethod },
            notice,
            // Present when the answers can start from the last published scores (the form offers "keep" only for statements with one).
            baseline = baseline is null ? null : new
            {
                keep = new { value = baseline.Keep.Value, label = baseline.Keep.Label, hint = baseline.Keep.Hint },
                scores = baseline.Scores.Select(o => new { value = o.Value, label = o.Label }),
            },
            groups = model.Groups.Select(g => new { id = g.Id, name = g.Name }),
            urls = new { start = urls.Start, tasks = urls.Tasks, check = urls.Check, results = urls.Results, manage = urls.Manage, plan = urls.Plan, team = urls.Team, baseline = urls.Baseline },
            // The improvement plan's statuses and limits: the improvement-plan model's, as the answers-file parser reads them.
            plan = new
            {
                statuses = ImprovementPlan.Format.Statuses.Select(o => new { value = o.Value, label = o.Label }),
                states = ImprovementPlan.Format.States.Select(o => new { value = o.Value, label = o.Label }),
                idPattern = ImprovementPlan.Format.IdPattern, maxItems = ImprovementPlan.Format.MaxItems, maxWhat = ImprovementPlan.Format.MaxWhat,
                maxText = ImprovementPlan.Format.MaxText, maxOwner = ImprovementPlan.Format.MaxOwner,
            },
            // For the results page: where a learning log about a next step is started.
            draftUrl = site.HasPage("/journal/draft/") ? site.Href("/journal/draft/") : null,
            sections = sections.Select(s => new
            {
                id = s.Id, title = s.Title, url = s.Url,
                questions = s.Questions.Select(q => new
                {
                    id = q.Id, anchor = q.Anchor, number = q.Number, text = q.Text, input = q.Input, scored = q.Scored,
                    // A scored question of an assessment with a baseline also takes "keep the last published score" (the
                    // form offers it only where the statement has a published score).
                    options = q.Options.Select(o => new { value = o.Value, label = o.Label })
                        .Concat(q.Scored && baseline is not null ? [new { value = baseline.Keep.Value, label = baseline.Keep.Label }] : []),
                    showIf = q.ShowIfQuestion is null ? null : new { question = q.ShowIfQuestion, @in = q.ShowIfValues!.Split(' ') },
                    guidance = q.Guidance.Count == 0 ? null : q.Guidance.Select(g => new { title = g.Title, url = g.Url }),
                    statementUrl = site.HasPage($"/quality-statements/{q.Id}/") ? site.Href($"/quality-statements/{q.Id}/") : null,
                }),
            }),
        };
        var json = JsonSerializer.Serialize(definition, new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
        return new AssessmentView
        {
            Id = doc.Slug, Title = def.Title, Version = def.Version, ModelId = model.Id, ModelVersion = model.Version, ModelTitle = model.Title,
            IsCqcMethod = model.IsCqcMethod, TimeNeeded = def.TimeNeeded, IntroductionHtml = Markdown(def.Introduction),
            Module = moduleName, PlanModule = planModule, TeamModule = teamModule, DefinitionJson = json, QuestionCount = sections.Sum(s => s.Questions.Count), Sections = sections, Urls = urls, Notice = notice,
            Baseline = baseline,
        };
    }

    private static string Markdown(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : MarkdownEngine.ToHtml(text);

    /// <summary>Quality statements a question addresses: its own id for the CQC models, plus any it names.</summary>
    public static IEnumerable<string> StatementsOf(AssessmentDefinition def, ScoringModel model, string questionId)
    {
        var q = def.Sections.SelectMany(s => s.Questions).First(q => q.Id == questionId);
        var own = model.FindItem(questionId) is not null && model.IsCqcMethod ? questionId.Split('/')[0] : null;
        return (own is null ? q.QualityStatements : q.QualityStatements.Append(own)).Where(s => Framework.FindStatement(s) is not null).Distinct(StringComparer.Ordinal);
    }


    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex AnchorRegex();

    public static string AnchorOf(string questionId) => "q-" + AnchorRegex().Replace(questionId, "-");
}
