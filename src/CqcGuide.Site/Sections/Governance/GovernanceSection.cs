using CqcGuide.Rules.Domain;
using CqcGuide.Rules.LearningLogs;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Sections.Journal;
using CqcGuide.Site.Sections.Measures;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Governance;

/// <summary>
/// Governance across the learning journal: a report per period (organisation.yml's <c>governance.periods</c>, or the
/// current quarter and the four before it) and the thematic review, all computed by the compiled
/// <c>learning-governance</c> rules from the logs the journal publishes and the measures' SPC analysis. Published when
/// the journal is. <see cref="ReportFor"/> gives the CLI's <c>report governance</c> the same report.
/// </summary>
public sealed class GovernanceSection : Section<NoContent>
{
    private sealed record ReportPage(GovernancePeriod Period);
    private sealed record ThemesPage;
    private sealed record IndexPage(IReadOnlyList<GovernancePeriod> Periods);

    /// <summary>How many quarters before the current one get a report when organisation.yml names no periods.</summary>
    public const int DefaultQuartersBefore = 4;

    /// <summary>The longest recurrence window organisation.yml may set (ten years).</summary>
    public const int MaxWindowDays = 3653;

    public override string Name => "governance";

    public override void Index(IReadOnlyList<NoContent> documents, IndexBuilder index)
    {
    }

    public override void IndexFromTags(IReadOnlyList<TaxonomyEntry> tagged, IndexBuilder index)
    {
        if (index.Offered<GovernanceLog[]>(LogGovernance.SharedKey) is null) return; // no journal, no governance
        var periods = Periods(index.Config, index.Today, index.Diagnostics);
        if (!WindowOk(index.Config, index.Diagnostics)) return;
        index.Menu(47, "Governance", index.Href("/governance/"), "governance");
        index.Page(new PagePlan { Url = "/governance/", Layout = "list", Type = "governance", Model = new IndexPage(periods) });
        index.Page(new PagePlan { Url = "/governance/themes/", Layout = "governance-themes", Type = "governance", Model = new ThemesPage() });
        foreach (var p in periods)
            index.Page(new PagePlan { Url = $"/governance/{p.Slug}/", Layout = "governance-report", Type = "governance", Model = new ReportPage(p) });
    }

    /// <summary>The periods with a report, latest first; each that cannot be read is an error at its line.</summary>
    private static IReadOnlyList<GovernancePeriod> Periods(SiteConfig config, DateOnly today, DiagnosticBag diagnostics)
    {
        if (config.Org.Governance.Periods is not { } written) return GovernancePeriod.QuartersTo(today, DefaultQuartersBefore);
        var periods = new List<GovernancePeriod>();
        for (var i = 0; i < written.Count; i++)
        {
            var at = config.OrganisationMap[$"governance.periods[{i}]"];
            if (GovernancePeriod.Parse(written[i], out var problem) is not { } p)
                diagnostics.Error(Codes.InvalidValue, $"governance period {problem}", at,
                    "write a quarter (2026-Q3), a month (2026-07), a year (2026) or two dates (2026-04-01/2026-09-30)");
            else if (periods.Any(q => q.Slug == p.Slug))
                diagnostics.Error(Codes.DuplicateId, $"the governance period '{written[i]}' is listed twice", at);
            else periods.Add(p);
        }
        return periods.OrderByDescending(p => p.To).ThenByDescending(p => p.From).ToArray();
    }

    private static bool WindowOk(SiteConfig config, DiagnosticBag diagnostics)
    {
        var window = config.Org.Governance.RecurrenceWindowDays;
        if (window is >= 1 and <= MaxWindowDays) return true;
        diagnostics.Error(Codes.InvalidValue, $"governance.recurrence_window_days must be between 1 and {MaxWindowDays}, not {window}",
            config.OrganisationMap["governance.recurrence_window_days"], "365 (a year) is the default");
        return false;
    }

    /// <summary>
    /// The report for any period, from a finished build's shared logs and measures (the CLI's <c>report governance</c>);
    /// null when the site has no journal.
    /// </summary>
    public static GovernanceReport? ReportFor(BuildSession session, DateOnly from, DateOnly to) => ReportOf(session.Site, GovernancePeriod.Between(from, to));

    /// <summary>Whose report it is: the organisation's name, else the site's title.</summary>
    public static string ServiceOf(BuildSession session) => ServiceOf(session.Site);

    private static string ServiceOf(SiteIndex site) => site.Config.Publisher;

    private static GovernanceReport? ReportOf(SiteIndex site, GovernancePeriod period) =>
        site.Shared<GovernanceLog[]>(LogGovernance.SharedKey) is { } logs
            ? LearningGovernance.ReportOf(new GovernanceInput(LearningGovernance.Date(period.From), LearningGovernance.Date(period.To),
                LearningGovernance.Date(site.Today), site.Config.Org.Governance.RecurrenceWindowDays, logs,
                site.Shared<GovernanceMeasure[]>(MeasuresSection.GovernanceKey) ?? []))
            : null;

    public override PageView View(PagePlan plan, SiteIndex site)
    {
        var home = new LinkView { Title = "Governance", Url = site.Href("/governance/") };
        var service = ServiceOf(site);
        switch (plan.Model)
        {
            case IndexPage i:
                return site.NewPage(plan, "Governance", "list", "governance",
                    "What the learning journal and the measures show for each reporting period, as a paper for the governance meeting: what was opened, finished, overdue and reviewed, which measures changed, which themes keep coming back, and the questions to ask.") with
                {
                    Breadcrumbs = [site.Home],
                    Search = new SearchView { Indexed = false, Type = "page" },
                    Groups =
                    [
                        new ListGroup
                        {
                            Title = "Reports by period", Id = "reports",
                            Items = i.Periods.Select(p => new ListItem
                            {
                                Title = p.Title, Url = site.Href($"/governance/{p.Slug}/"),
                                Meta = $"{DateView.Of(p.From).Text} to {DateView.Of(p.To).Text}" + (p.To > site.Today && p.From <= site.Today ? " · in progress" : p.From > site.Today ? " · not started" : ""),
                            }).ToArray(),
                        },
                        new ListGroup
                        {
                            Title = "Across all periods", Id = "across",
                            Items =
                            [
                                new ListItem { Title = "Thematic review", Url = site.Href("/governance/themes/"), Summary = "The work-system areas and quality statements that come up again and again across the learning logs." },
                                new ListItem { Title = "Action tracker", Url = site.Href("/journal/actions/"), Summary = "Every action across the logs today: overdue, open, and due an effectiveness review." },
                            ],
                        },
                    ],
                };
            case ReportPage { Period: var p }:
            {
                var report = ReportOf(site, p)!;
                return site.NewPage(plan, $"Governance report: {p.Title}", "governance-report", "governance",
                    $"Learning and improvement at {service} from {DateView.Of(p.From).Text} to {DateView.Of(p.To).Text}.") with
                {
                    Breadcrumbs = [site.Home, home],
                    Search = new SearchView { Indexed = false, Type = "page" },
                    Data = GovernanceReportViews.Of(site, report, service, p) with
                    {
                        SelfAssessments = site.Shared<Assessments.CheckedHistory[]>(Assessments.AssessmentHistorySection.SharedKey) is { } history
                            && site.Shared<Dictionary<string, (string Title, string? Url)>>(Assessments.AssessmentSection.TitlesKey) is { } titles
                            ? Assessments.ProgressView.ChangesIn(history, titles.ToDictionary(t => t.Key, t => (t.Value.Title, t.Value.Url is null ? null : site.Href(t.Value.Url)), StringComparer.Ordinal), p.From, p.To)
                            : [],
                    },
                };
            }
            case ThemesPage:
            {
                var report = ReportOf(site, GovernancePeriod.Between(DateOnly.MinValue.AddDays(1), site.Today))!;
                return site.NewPage(plan, "Thematic review", "governance-themes", "governance",
                    "The contributory factors of every learning log, grouped by work-system area and by quality statement: the themes that recur across logs are the ones a single investigation cannot see.") with
                {
                    Breadcrumbs = [site.Home, home],
                    Search = new SearchView { Indexed = true, Type = "page" },
                    Data = GovernanceReportViews.Of(site, report, service, null),
                };
            }
            default:
                throw new InvalidOperationException(plan.Url);
        }
    }
}
