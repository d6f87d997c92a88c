using System.Text.Encodings.Web;
using System.Text.Json;
using CqcGuide.Rules.LearningLogs;
using CqcGuide.Site.Markdown;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Forms;

/// <summary>
/// Fillable forms (<c>input/forms/*.yml</c>): After Action Review, SWARM huddle, governance minutes, audit schedules...
/// Each becomes a page that the reader fills in the browser (saved on the device, exported, printed, and where the
/// form says how, turned into a draft learning log), plus an index of all forms by group.
/// </summary>
public sealed class FormsSection : Section<CheckedForm>
{
    public static readonly ContentType Form = ContentType.Yaml<FormDefinition>("form", "forms", "/forms/");

    private sealed record FormsIndex(IReadOnlyList<CheckedForm> Forms);

    public override string Name => "forms";

    public override IReadOnlyList<ContentType> ContentTypes => [Form];

    public override CheckedForm? Check(ContentDocument document, CheckContext context)
    {
        var form = document.Front<FormDefinition>();
        return FormChecks.Check(document, form, context.Diagnostics) ? new CheckedForm(document, form) : null;
    }

    public override void Index(IReadOnlyList<CheckedForm> documents, IndexBuilder index)
    {
        if (documents.Count == 0) return;
        index.Menu(35, "Forms", index.Href("/forms/"), "forms");
        var ordered = documents.OrderBy(f => f.Form.Order).ThenBy(f => f.Form.Title, StringComparer.Ordinal).ToArray();
        foreach (var f in ordered)
        {
            index.Page(new PagePlan
            {
                Url = f.Document.Url, Layout = "form", Type = "form", Model = f,
                Anchors = f.Form.Sections.SelectMany(s => s.Fields.Select(x => "field-" + x.Id).Append("section-" + s.Id)).ToHashSet(StringComparer.Ordinal),
            });
            var item = new ListItem { Title = f.Form.Title, Url = index.Href(f.Document.Url), Summary = f.Form.Summary };
            foreach (var s in f.Form.QualityStatements) index.Tag("statement", s, "Forms", 25, item);
        }
        index.Page(new PagePlan { Url = "/forms/", Layout = "list", Type = "form", Model = new FormsIndex(ordered) });
    }

    public override PageView View(PagePlan plan, SiteIndex site)
    {
        if (plan.Model is FormsIndex all)
        {
            return site.NewPage(plan, "Forms", "list", "forms",
                "Forms to fill in as a team: learning responses, governance papers, audits and plans. What you type stays in this browser; download, print or turn it into a learning log.") with
            {
                Breadcrumbs = [site.Home],
                Groups = all.Forms.GroupBy(f => f.Form.Group).Select(g => new ListGroup
                {
                    Title = g.Key, Id = SiteIndex.Slug(g.Key),
                    Items = g.Select(f => new ListItem { Title = f.Form.Title, Url = site.Href(f.Document.Url), Summary = f.Form.Summary }).ToArray(),
                }).ToArray(),
            };
        }
        var c = (CheckedForm)plan.Model!;
        var (doc, form) = (c.Document, c.Form);
        var sections = form.Sections.Select((s, i) => new FormSectionView
        {
            Id = s.Id, Number = i + 1, Title = s.Title, IntroHtml = Html(s.Intro),
            Fields = s.Fields.Select(f => new FormFieldView
            {
                Id = f.Id, Anchor = "field-" + f.Id, Type = FormChecks.Name(f.Type), Label = f.Label, Hint = f.Hint, Required = f.Required,
                Options = f.Options, StartRows = f.StartRows,
                Columns = f.Columns.Select(col => new FormColumnView { Id = col.Id, Type = FormChecks.Name(col.Type), Label = col.Label, Hint = col.Hint, Options = col.Options }).ToArray(),
            }).ToArray(),
        }).ToArray();
        var draftUrl = form.LearningLog is not null && site.HasPage("/journal/draft/") ? site.Href("/journal/draft/") : null;
        var definition = new
        {
            format = "cqcguide.form/1", id = doc.Slug, version = form.Version, title = form.Title,
            sections = sections.Select(s => new
            {
                id = s.Id, title = s.Title,
                fields = s.Fields.Select(f => new { id = f.Id, type = f.Type, label = f.Label, required = f.Required, options = f.Options, columns = f.Columns.Select(x => new { id = x.Id, type = x.Type, label = x.Label, options = x.Options }) }),
            }),
            learningLog = form.LearningLog is { } m ? new
            {
                method = LogFormat.Value(m.Method), title = m.Title, summary = m.Summary, expected = m.Expected, actual = m.Actual,
                whyDifferent = m.WhyDifferent, wentWell = m.WentWell,
                factors = m.Factors is null ? null : new { field = m.Factors.Field, columns = m.Factors.Columns().ToDictionary(x => x.Key, x => x.Column) },
                // The work-system areas as the form's choices show them (the log format's labels) and as a log writes them.
                areas = m.Factors is null ? null : LogFormat.WorkSystemAreas.All.ToDictionary(o => o.Label, o => o.Value),
                actions = m.Actions is null ? null : new { field = m.Actions.Field, columns = m.Actions.Columns().ToDictionary(x => x.Key, x => x.Column) },
            } : null,
        };
        var json = JsonSerializer.Serialize(definition, new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
        return site.NewPage(plan, form.Title, "form", "forms", form.Summary, indexed: true) with
        {
            Breadcrumbs = [site.Home, new LinkView { Title = "Forms", Url = site.Href("/forms/") }],
            QualityStatements = Taxonomy.TaxonomyLinks.Statements(site, form.QualityStatements),
            Search = new SearchView { Indexed = true, Type = "form" },
            Data = new FormView
            {
                Id = doc.Slug, Title = form.Title, Version = form.Version, IntroductionHtml = Html(form.Introduction),
                Guidance = form.Guidance is { } g ? new LinkView { Title = site.Links.TargetDocument(g, doc)?.Title ?? "When and how to use this form", Url = site.Link(g, doc, doc.At("guidance")) } : null,
                Sections = sections, DefinitionJson = json, LearningLogUrl = draftUrl, IndexUrl = site.Href("/forms/"),
            },
        };
    }

    private static string Html(string? markdown) => string.IsNullOrWhiteSpace(markdown) ? "" : MarkdownEngine.ToHtml(markdown);
}

/// <summary>A form definition that passed its checks.</summary>
public sealed record CheckedForm(ContentDocument Document, FormDefinition Form);
