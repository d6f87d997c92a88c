using System.Globalization;
using CqcGuide.Rules.ScoringModels;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Measures;

/// <summary>
/// Measures (<c>input/measures/*.yml</c>): series a service counts to see whether a change worked, analysed with NHS
/// England's Making Data Count XmR charts by the compiled <c>spc</c> rules. Each gets a page (chart, reading, data, the
/// actions it monitors); the index shows every measure's latest variation and assurance; learning logs embed a measure's
/// chart next to the action it monitors; and "check your own data" runs the same rules in the reader's browser.
/// </summary>
public sealed class MeasuresSection : Section<CheckedMeasure>
{
    public static readonly ContentType Measure = ContentType.Yaml<MeasureDefinition>("measure", "measures", "/measures/");

    private sealed record MeasuresIndex(IReadOnlyList<CheckedMeasure> Measures);
    private sealed record CheckPage(string Module);

    public override string Name => "measures";

    public override IReadOnlyList<ContentType> ContentTypes => [Measure];

    public override CheckedMeasure? Check(ContentDocument document, CheckContext context)
    {
        var m = document.Front<MeasureDefinition>();
        var ok = Validation.QualityStatements(document, m.QualityStatements, "quality_statements", context.Diagnostics);
        var result = MeasureChecks.Check(document, m, context.Diagnostics);
        return ok && result is not null ? new CheckedMeasure(document, m, result) : null;
    }

    public override void Index(IReadOnlyList<CheckedMeasure> documents, IndexBuilder index)
    {
        var module = index.Module(Spc.Instance);
        index.Page(new PagePlan { Url = "/measures/check/", Layout = "spc-check", Type = "measure", Model = new CheckPage(module) });
        if (documents.Count == 0) return;
        index.Menu(45, "Measures", index.Href("/measures/"), "measures");
        var ordered = documents.OrderBy(d => d.Definition.Order).ThenBy(d => d.Definition.Title, StringComparer.Ordinal).ToArray();
        var cards = new List<MeasureCard>();
        foreach (var m in ordered)
        {
            index.Page(new PagePlan { Url = m.Document.Url, Layout = "measure", Type = "measure", Model = m });
            var card = CardOf(m, index.Href);
            cards.Add(card);
            index.Share("measure:" + m.Document.Slug, card);
            var item = new ListItem { Title = m.Definition.Title, Url = index.Href(m.Document.Url), Summary = m.Definition.Summary, Meta = m.Analysis.Summary.VariationLabel };
            foreach (var s in m.Definition.QualityStatements) index.Tag("statement", s, "Measures", 12, item);
            for (var i = 0; i < m.Definition.Changes.Count; i++)
                if (m.Definition.Changes[i].Action is { } action && MeasureChecks.ActionReference(action) is { Ok: true } r)
                    index.CheckLink($"/journal/{r.Log}/#action-{r.Action}", null, m.Document.At($"changes[{i}].action"));
        }
        index.Page(new PagePlan { Url = "/measures/", Layout = "measures", Type = "measure", Model = new MeasuresIndex(ordered) });
        index.Share(GovernanceKey, ordered.Select(GovernanceOf).ToArray());
        index.Share(CardsKey, cards.ToArray());
    }

    /// <summary>The key under which every measure's card is shared (the evidence portfolio shows their charts).</summary>
    public const string CardsKey = "measures:cards";

    /// <summary>The key under which the measures are shared with the governance section.</summary>
    public const string GovernanceKey = "governance:measures";

    /// <summary>A measure as the <c>learning-governance</c> rules read it: each point with its period's first and last day.</summary>
    private static Rules.LearningLogs.GovernanceMeasure GovernanceOf(CheckedMeasure m) => new(m.Document.Slug, m.Definition.Title,
        m.Analysis.Points.Select(p =>
        {
            var (start, end) = PeriodDays(m.Analysis.Settings.PeriodKind, p.Period);
            var signal = !p.SpecialCause ? "" : p.Variation switch
            {
                SpcVariation.ImprovementHigh or SpcVariation.ImprovementLow => "improvement",
                SpcVariation.ConcernHigh or SpcVariation.ConcernLow => "concern",
                _ => "neutral",
            };
            return new Rules.LearningLogs.GovernancePoint(p.Period, p.Label, start, end, signal, p.SpecialCause ? p.CauseLabel : "");
        }).ToArray());

    /// <summary>The first and last day of a period as the SPC rules write it (2026-04, 2026-Q2, 2026-W14).</summary>
    public static (string Start, string End) PeriodDays(SpcPeriodKind kind, string period)
    {
        static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var year = int.Parse(period[..4], CultureInfo.InvariantCulture);
        var number = int.Parse(kind == SpcPeriodKind.Month ? period[5..] : period[6..], CultureInfo.InvariantCulture); // 2026-04, 2026-Q2, 2026-W14
        var (start, end) = kind switch
        {
            SpcPeriodKind.Week => (DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday)), DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Sunday))),
            SpcPeriodKind.Quarter => (new DateOnly(year, 3 * number - 2, 1), new DateOnly(year, 3 * number - 2, 1).AddMonths(3).AddDays(-1)),
            _ => (new DateOnly(year, number, 1), new DateOnly(year, number, 1).AddMonths(1).AddDays(-1)),
        };
        return (D(start), D(end));
    }

    private static MeasureCard CardOf(CheckedMeasure m, Func<string, string> href) => new()
    {
        Id = m.Document.Slug, Title = m.Definition.Title, Url = href(m.Document.Url), Unit = m.Definition.Unit,
        Reading = m.Analysis.Summary.Reading, VariationLabel = m.Analysis.Summary.VariationLabel, AssuranceLabel = m.Analysis.Summary.AssuranceLabel,
        Chart = SpcChartView.Of("chart-" + m.Document.Slug, $"{m.Definition.Title} ({m.Definition.Unit})", m.Analysis.Chart!),
        QualityStatements = m.Definition.QualityStatements, EvidenceCategory = Rules.LearningLogs.LogFormat.Value(m.Definition.EvidenceCategory),
        Analysis = m.Analysis,
        Changes = m.Definition.Changes.Where(c => c.Action is not null)
            .Select(c => new MeasureChangeRef(c.Action!, Math.Max(0, Array.FindIndex(m.Analysis.Points, p => p.Period == c.Period)))).ToArray(),
    };

    public override PageView View(PagePlan plan, SiteIndex site)
    {
        var index = new LinkView { Title = "Measures", Url = site.Href("/measures/") };
        switch (plan.Model)
        {
            case CheckPage check:
                return site.NewPage(plan, "Check your own data", "spc-check", "measures",
                    "Paste or type a series: see its chart and what the Making Data Count rules find. " +
                    (site.Config.Org.Repository is null ? "Nothing leaves this browser." : "Nothing leaves this browser unless you press \u201cPropose it on GitHub\u201d.")) with
                {
                    Breadcrumbs = site.HasPage("/measures/") ? [site.Home, index] : [site.Home],
                    Data = new SpcCheckView
                    {
                        Module = check.Module, MeasuresUrl = site.HasPage("/measures/") ? site.Href("/measures/") : null,
                        ProposeUrl = site.Config.Org.Repository?.NewFileUrl("input/measures"),
                        UploadUrl = site.Config.Org.Repository?.UploadUrl("input/measures"),
                    },
                };
            case MeasuresIndex all:
                return site.NewPage(plan, "Measures", "measures", "measures",
                    "What this service counts to see whether its changes worked, read with statistical process control: is the latest value special cause or common cause variation, and will the target be met?") with
                {
                    Breadcrumbs = [site.Home],
                    Data = new MeasuresIndexView { Measures = all.Measures.Select(m => site.Shared<MeasureCard>("measure:" + m.Document.Slug)!).ToArray(), CheckUrl = site.Href("/measures/check/") },
                };
            case CheckedMeasure m:
            {
                var (doc, def, analysis) = (m.Document, m.Definition, m.Analysis);
                var card = site.Shared<MeasureCard>("measure:" + doc.Slug)!;
                var changes = def.Changes.Select((c, i) => new MeasureChangeView
                {
                    Period = analysis.Points.FirstOrDefault(p => p.Period == c.Period)?.Label ?? c.Period, Label = c.Label, Rebase = c.Rebase,
                    Action = c.Action is { } a && MeasureChecks.ActionReference(a) is { Ok: true } r
                        ? new LinkView { Title = $"Action {r.Action} of {r.Log}", Url = site.Link($"/journal/{r.Log}/#action-{r.Action}", null, doc.At($"changes[{i}].action")) }
                        : null,
                }).ToArray();
                var actions = site.TaggedWith("measure-action", doc.Slug).Select(e => e.Item)
                    .Concat(changes.Where(c => c.Action is not null).Select(c => new ListItem { Title = c.Action!.Title, Url = c.Action.Url, Summary = c.Label }))
                    .DistinctBy(i => i.Url).OrderBy(i => i.Title, StringComparer.Ordinal).ToArray();
                return site.NewPage(plan, def.Title, "measure", "measures", def.Summary, indexed: true) with
                {
                    Breadcrumbs = [site.Home, index],
                    QualityStatements = Taxonomy.TaxonomyLinks.Statements(site, def.QualityStatements),
                    Search = new SearchView { Indexed = true, Type = "measure" },
                    Data = new MeasureView
                    {
                        Card = card, Numerator = def.Numerator, Denominator = def.Denominator, Unit = def.Unit,
                        Direction = def.Direction switch { "increase" => "Higher is better", "decrease" => "Lower is better", _ => "Neither higher nor lower is better" },
                        Target = def.Target, OwnerRole = def.OwnerRole,
                        PeriodName = def.Period switch { "week" => "Week", "quarter" => "Quarter", _ => "Month" },
                        Rows = analysis.Points.Select(p => new MeasureRowView
                        {
                            Period = p.Label, Value = def.Data[p.Index].Value, Note = def.Data[p.Index].Note,
                            Variation = p.SpecialCause ? p.CauseLabel : "Common cause", SpecialCause = p.SpecialCause,
                        }).ToArray(),
                        Changes = changes, Actions = actions, SourcePath = doc.Source.RelativePath,
                        Segments = analysis.Segments.Select(s => new SegmentView
                        {
                            Label = s.ChangeLabel is null ? $"{Label(analysis, s.Start)} to {Label(analysis, s.Start + s.Count - 1)}" : $"From {Label(analysis, s.Start)}: {s.ChangeLabel}",
                            Centre = s.RunChart ? $"Median {N(s.Median)}" : $"Mean {N(s.Mean)}",
                            Limits = s.RunChart ? null : $"{N(s.LowerLimit)} to {N(s.UpperLimit)}",
                            Reading = s.Reading,
                        }).ToArray(),
                    },
                };
            }
            default:
                throw new InvalidOperationException(plan.Url);
        }
    }

    private static string Label(SpcResult r, int index) => index < r.Points.Length ? r.Points[index].Label : "";

    private static string N(double? v) => v is { } d ? d.ToString("0.##", CultureInfo.InvariantCulture) : "";
}

/// <summary>A measure whose data the SPC rules read without errors, with their analysis.</summary>
public sealed record CheckedMeasure(ContentDocument Document, MeasureDefinition Definition, SpcResult Analysis);

/// <summary>The data of the "check your own data" page: the compiled SPC module the page runs, and where a measure file
/// can be proposed and uploaded on GitHub when organisation.yml names the repository.</summary>
public sealed record SpcCheckView
{
    public required string Module { get; init; }
    public string? MeasuresUrl { get; init; }
    public string? ProposeUrl { get; init; }
    public string? UploadUrl { get; init; }
}
