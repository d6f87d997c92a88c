using System.Globalization;
using System.Security;
using System.Text;
using CqcGuide.Rules;
using CqcGuide.Rules.Domain;
using CqcGuide.Rules.ScoringModels;
using CqcGuide.Site.Content;
using CqcGuide.Site.Markdown;
using CqcGuide.Site.Views;
using CqcGuide.Site.Yaml;
using Ganss.Xss;

namespace CqcGuide.Site.Build;

/// <summary>
/// The learning journal: validates every log, checks it for personal data, sanitises its raw HTML, lints it with the
/// compiled <c>learning-log-quality</c> rules, and publishes the journal, a page per log, an action tracker, an
/// evidence page per quality statement, an Atom feed, the log format's JSON Schema and the draft form.
/// </summary>
public static class JournalSection
{
    public const string InvalidLog = "CG802";
    public const string PersonalDataFound = "CG808";
    public const string LintFinding = "CG810";
    public const string StaleAcknowledgement = "CG811";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public sealed record CheckedLog(ContentDocument Doc, LearningLogFrontMatter Log, IReadOnlyList<LogFinding> Findings, IReadOnlyList<FindingView> FindingViews);

    public static void Contribute(SiteContext site)
    {
        // The journal is published when input/journal/ exists (a fork starting its journal gets the draft form at once).
        if (!Directory.Exists(Path.Combine(site.Options.InputDir, "journal"))) return;
        var docs = site.OfKind(ContentKind.LearningLog).ToArray();
        site.NavSections.Add(new LinkView { Title = "Learning journal", Url = site.Href("/journal/"), Id = "journal" });
        var module = ScoringSection.AddModule(site, LearningLogQuality.Instance);
        var checkedLogs = new List<CheckedLog>();
        var ids = new Dictionary<string, ContentDocument>(StringComparer.Ordinal);
        foreach (var doc in docs.OrderBy(d => d.Slug, StringComparer.Ordinal))
        {
            var log = doc.Front<LearningLogFrontMatter>();
            if (!ids.TryAdd(log.Id, doc))
                site.Diagnostics.Error(Codes.DuplicateId, $"learning log id '{log.Id}' is also used by {ids[log.Id].Path}", doc.At("id"));
            if (!Validate(site, doc, log)) continue;
            checkedLogs.Add(Lint(site, doc, log));
        }
        var published = checkedLogs.Where(c => c.Log.Status != LogStatus.Draft)
            .OrderByDescending(c => c.Log.Identified).ThenBy(c => c.Log.Id, StringComparer.Ordinal).ToArray();

        var home = Sections.Home(site);
        var journal = new LinkView { Title = "Learning journal", Url = site.Href("/journal/") };
        var entries = new List<JournalEntryView>();
        var allActions = new List<(CheckedLog Log, ActionView Action, LogActionEntry Entry)>();
        foreach (var c in published)
        {
            var view = LogViewOf(site, c);
            entries.Add(new JournalEntryView { Title = c.Log.Title, Url = site.Href(c.Doc.Url), Log = view });
            var logLink = new LinkView { Title = c.Log.Title, Url = site.Href(c.Doc.Url) };
            for (var i = 0; i < c.Log.Actions.Count; i++)
                allActions.Add((c, ActionOf(site, c.Log, c.Log.Actions[i], logLink), c.Log.Actions[i]));
            RawHtmlWarnings(c.Doc, site.Diagnostics);
            site.Pages.Add(new SitePage
            {
                Url = c.Doc.Url, Layout = "log", Document = c.Doc, Type = "learning log", Transform = Sanitise,
                View = new PageView
                {
                    Title = c.Log.Title, Summary = c.Log.Summary, Url = site.Href(c.Doc.Url), CanonicalUrl = site.Absolute(c.Doc.Url),
                    Kind = "log", Section = "journal", SourcePath = c.Doc.Path, Csp = site.Csp(),
                    Toc = NavTree.Toc(c.Doc.Markdown!.Headings), Breadcrumbs = [home, journal],
                    QualityStatements = c.Log.QualityStatements.Select(Framework.FindStatement).OfType<QualityStatement>().Select(s => Taxonomy.StatementLink(site, s)).ToArray(),
                    KeyQuestions = KeyQuestionsOf(c.Log).Select(k => new LinkView { Title = k.Name, Url = site.Href($"/key-questions/{k.Id}/"), Id = k.Id }).ToArray(),
                    Search = new SearchView { Indexed = true, Type = "learning log", KeyQuestions = KeyQuestionsOf(c.Log).Select(k => k.Id).ToArray() },
                    Data = view,
                },
            });
            foreach (var s in c.Log.QualityStatements)
                site.Tagged.Add(new TaxonomyEntry("statement", s, "Learning logs", 5, new ListItem { Title = c.Log.Title, Url = site.Href(c.Doc.Url), Summary = c.Log.Summary, Meta = view.Status }));
            foreach (var k in KeyQuestionsOf(c.Log))
                site.Tagged.Add(new TaxonomyEntry("key-question", k.Id, "Learning logs", 5, new ListItem { Title = c.Log.Title, Url = site.Href(c.Doc.Url), Summary = c.Log.Summary }));
        }

        site.Pages.Add(new SitePage
        {
            Url = "/journal/", Layout = "journal", Type = "journal",
            View = new PageView
            {
                Title = "Learning journal", Url = site.Href("/journal/"), CanonicalUrl = site.Absolute("/journal/"), Kind = "journal", Section = "journal",
                Summary = "What this service has learned from things that went wrong, and from things that went well: the causes found, the changes made, who owns them and whether they worked.",
                Csp = site.Csp(), Breadcrumbs = [home],
                Search = new SearchView { Indexed = false, Type = "learning log" },
                Data = new JournalView
                {
                    Logs = entries,
                    StatusOptions = Enum.GetValues<LogStatus>().Where(s => s != LogStatus.Draft).Select(s => new LabelledText { Label = StatusLabel(s), Text = YamlBinder.KebabCase(s.ToString()) }).ToArray(),
                    EventOptions = Enum.GetValues<EventType>().Select(e => new LabelledText { Label = EventLabel(e), Text = YamlBinder.KebabCase(e.ToString()) }).ToArray(),
                    KeyQuestionOptions = Framework.KeyQuestions.Select(k => new LabelledText { Label = k.Name, Text = k.Id }).ToArray(),
                    FeedUrl = site.Href("/journal/feed.xml"),
                },
            },
        });

        var today = site.Options.Today;
        bool Open(LogActionEntry a) => a.Status is ActionStatus.Planned or ActionStatus.InProgress;
        site.Pages.Add(new SitePage
        {
            Url = "/journal/actions/", Layout = "tracker", Type = "journal",
            View = new PageView
            {
                Title = "Action tracker", Url = site.Href("/journal/actions/"), CanonicalUrl = site.Absolute("/journal/actions/"), Kind = "tracker", Section = "journal",
                Summary = $"Every safety action across the learning logs, as of {DateView.Of(today).Text}.",
                Csp = site.Csp(), Breadcrumbs = [home, journal],
                Search = new SearchView { Indexed = false, Type = "learning log" },
                Data = new JournalView
                {
                    AsOf = DateView.Of(today),
                    Overdue = allActions.Where(a => Open(a.Entry) && a.Entry.Due is { } d && d < today).OrderBy(a => a.Entry.Due).Select(a => a.Action).ToArray(),
                    Open = allActions.Where(a => Open(a.Entry) && !(a.Entry.Due is { } d && d < today)).OrderBy(a => a.Entry.Due ?? DateOnly.MaxValue).Select(a => a.Action).ToArray(),
                    DueForReview = allActions.Where(a => a.Entry.Status == ActionStatus.Done && a.Entry.Reviews.Count == 0
                            || a.Entry.Status == ActionStatus.Done && a.Log.Log.Status == LogStatus.Monitoring && a.Log.Log.NextReview is { } n && n <= today.AddDays(30))
                        .OrderBy(a => a.Log.Log.NextReview ?? DateOnly.MinValue).Select(a => a.Action).ToArray(),
                },
            },
        });

        Evidence(site, published, home, journal);
        site.ExtraFiles["journal/feed.xml"] = Encoding.UTF8.GetBytes(Feed(site, published));
        site.ExtraFiles["schemas/learning-log.schema.json"] = Encoding.UTF8.GetBytes(LogSchema.Json);
        site.ExtraFiles["schemas/answers.schema.json"] = Encoding.UTF8.GetBytes(AnswersFile.Schema);
        site.Pages.Add(new SitePage
        {
            Url = "/journal/draft/", Layout = "log-draft", Type = "journal", InSitemap = true,
            View = new PageView
            {
                Title = "Draft a learning log", Url = site.Href("/journal/draft/"), CanonicalUrl = site.Absolute("/journal/draft/"), Kind = "log-draft", Section = "journal",
                Summary = "Write a learning log in your browser, see quality checks as you type, then download it as a file to add to your journal.",
                Csp = site.Csp(), Breadcrumbs = [home, journal],
                Search = new SearchView { Indexed = false, Type = "learning log" },
                Data = new JournalView
                {
                    Module = module, AsOf = DateView.Of(today),
                    StatementOptions = Framework.QualityStatements.Select(q => new LabelledText { Label = $"{Framework.FindKeyQuestion(q.KeyQuestionId)!.Name}: {q.Name}", Text = q.Id }).ToArray(),
                    StatusOptions = Enum.GetValues<LogStatus>().Select(s => new LabelledText { Label = StatusLabel(s), Text = YamlBinder.KebabCase(s.ToString()) }).ToArray(),
                },
            },
        });
    }

    private static IEnumerable<KeyQuestion> KeyQuestionsOf(LearningLogFrontMatter log) =>
        log.QualityStatements.Select(Framework.FindStatement).OfType<QualityStatement>().Select(s => s.KeyQuestionId).Distinct()
            .Select(id => Framework.FindKeyQuestion(id)!).OrderBy(k => k.Index);

    // ---- validation -----------------------------------------------------------------------------------------

    private static bool Validate(SiteContext site, ContentDocument doc, LearningLogFrontMatter log)
    {
        var ok = true;
        void Error(string message, string at, string? hint = null)
        {
            site.Diagnostics.Error(InvalidLog, message, doc.At(at), hint);
            ok = false;
        }
        if (log.Id != doc.Slug)
            Error($"the id '{log.Id}' does not match the file name '{doc.Slug}.md'", "id", $"rename the file to {log.Id}.md, or set 'id: {doc.Slug}'");

        // Dates: occurred may be partial (a month), but only when occurred_precision says so.
        DateOnly? occurredStart = null;
        if (DateOnly.TryParseExact(log.Occurred, "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var day))
        {
            if (log.OccurredPrecision == DatePrecision.Month)
                Error($"occurred is a full date ({log.Occurred}) but occurred_precision is 'month'", "occurred_precision", "write 'occurred: " + log.Occurred[..7] + "' or 'occurred_precision: day'");
            occurredStart = day;
        }
        else if (DateOnly.TryParseExact(log.Occurred + "-01", "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var month) && log.Occurred.Length == 7)
        {
            if (log.OccurredPrecision != DatePrecision.Month)
                Error($"occurred is a month ({log.Occurred}) but occurred_precision is 'day'", "occurred", "add 'occurred_precision: month', or give the full date");
            occurredStart = month;
        }
        else
            Error($"occurred '{log.Occurred}' is not a real date (YYYY-MM-DD, or YYYY-MM when only the month is known)", "occurred");
        if (occurredStart is { } o)
        {
            if (log.Identified < o)
                Error($"identified ({log.Identified:yyyy-MM-dd}) is before the event occurred ({log.Occurred})", "identified", "a problem cannot be identified before it happened");
            if (o > site.Options.Today)
                Error($"occurred ({log.Occurred}) is in the future", "occurred");
        }
        if (log.Identified > site.Options.Today)
            Error($"identified ({log.Identified:yyyy-MM-dd}) is in the future", "identified");

        // Harm against the event type, and the duty of candour.
        switch (log.EventType)
        {
            case EventType.Incident when log.Harm is null:
                Error("an incident needs a harm grade", "event_type", "add 'harm: none | low | moderate | severe | fatal'");
                break;
            case EventType.NearMiss or EventType.GoodCare when log.Harm is { } h && h != Harm.None:
                Error($"a {YamlBinder.KebabCase(log.EventType.ToString())} cannot have harm '{YamlBinder.KebabCase(h.ToString())}'", "harm",
                    "a near miss caused no harm and good care is not an incident; record it as an incident if someone was harmed");
                break;
        }
        if (log.Harm is Harm.Moderate or Harm.Severe or Harm.Fatal)
        {
            if (log.DutyOfCandour is null)
                Error("moderate or worse harm: say whether the duty of candour applies", "harm", "add 'duty_of_candour: { applies: true, completed: YYYY-MM-DD }' or 'applies: false' with a reason");
            else if (!log.DutyOfCandour.Applies && string.IsNullOrWhiteSpace(log.DutyOfCandour.Reason))
                Error("the duty of candour does not apply despite moderate or worse harm, but no reason is given", "duty_of_candour.applies", "add 'reason: ...'");
        }
        if (log.DutyOfCandour is { Applies: true, Completed: null } && log.Status is not (LogStatus.Draft or LogStatus.LearningInProgress))
            Error("the duty of candour applies but no completion date is recorded", "duty_of_candour", "add 'completed: YYYY-MM-DD' (when the written notification was sent)");

        // Factors and actions.
        var factorIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < log.Factors.Count; i++)
            if (!factorIds.Add(log.Factors[i].Id)) Error($"factor id '{log.Factors[i].Id}' is used twice", $"factors[{i}].id");
        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < log.Actions.Count; i++)
        {
            var a = log.Actions[i];
            var at = $"actions[{i}]";
            if (!actionIds.Add(a.Id)) Error($"action id '{a.Id}' is used twice", at + ".id");
            if (a.Addresses.Count == 0)
                Error($"action '{a.Id}' addresses no contributory factor", at + ".id", "add 'addresses: [factor id]': every action should answer a finding");
            for (var f = 0; f < a.Addresses.Count; f++)
                if (!factorIds.Contains(a.Addresses[f]))
                    Error($"action '{a.Id}' addresses '{a.Addresses[f]}', which is not a factor of this log", $"{at}.addresses[{f}]",
                        factorIds.Count > 0 ? "factors: " + string.Join(", ", factorIds) : "add the factor under 'factors:'");
            if (a.Status == ActionStatus.Done && string.IsNullOrWhiteSpace(a.Evidence))
                Error($"action '{a.Id}' is done but has no completion evidence", at + ".status", "add 'evidence: ...' saying how you know it was done");
            if (a.Status == ActionStatus.Done && a.Completed is null)
                Error($"action '{a.Id}' is done but has no completion date", at + ".status", "add 'completed: YYYY-MM-DD'");
            if (a.Status == ActionStatus.Dropped && string.IsNullOrWhiteSpace(a.DroppedReason))
                Error($"action '{a.Id}' was dropped without a reason", at + ".status", "add 'dropped_reason: ...'");
            if (a.Completed is { } c && c < log.Identified)
                Error($"action '{a.Id}' was completed before the problem was identified", at + ".completed");
            for (var r = 0; r < a.Reviews.Count; r++)
                if (a.Reviews[r].Date > site.Options.Today) Error("an effectiveness review is dated in the future", $"{at}.reviews[{r}].date");
        }
        if (log.Status == LogStatus.Closed)
        {
            var open = log.Actions.Where(a => a.Status is ActionStatus.Planned or ActionStatus.InProgress).Select(a => a.Id).ToArray();
            if (open.Length > 0)
                Error($"the log is closed but action{(open.Length == 1 ? "" : "s")} {string.Join(", ", open)} {(open.Length == 1 ? "is" : "are")} still open", "status",
                    "finish or drop the actions, or set the status to 'actions-open' or 'monitoring'");
            if (!log.Actions.Any(a => a.Reviews.Count > 0))
                Error("the log is closed but no action has an effectiveness review", "status", "record at least one review (adopt, adapt or abandon) before closing");
        }
        if (log.Status == LogStatus.Monitoring && log.NextReview is null)
            site.Diagnostics.Warning(InvalidLog, "a log being monitored should say when effectiveness is next reviewed", doc.At("status"), "add 'next_review: YYYY-MM-DD'");

        Validation.QualityStatements(doc, log.QualityStatements, "quality_statements", site.Diagnostics);
        ok &= CheckPersonalData(site, doc, log);
        return ok;
    }

    private static bool CheckPersonalData(SiteContext site, ContentDocument doc, LearningLogFrontMatter log)
    {
        var confirmed = log.RedactionCheck?.Confirmed == true;
        var found = new List<(string At, PersonalData.Finding Finding)>();
        void Text(string at, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            found.AddRange(PersonalData.NhsNumbers(value).Concat(PersonalData.DatesOfBirth(value)).Concat(PersonalData.TitledNames(value)).Select(f => (at, f)));
        }
        void Role(string at, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value) && PersonalData.NameInsteadOfRole(value) is { } f) found.Add((at, f));
        }
        Text("title", log.Title);
        Text("summary", log.Summary);
        Text("learning_to_share", log.LearningToShare);
        if (log.LearningResponse is { } r)
        {
            Text("learning_response.expected", r.Expected);
            Text("learning_response.actual", r.Actual);
            Text("learning_response.why_different", r.WhyDifferent);
            Text("learning_response.went_well", r.WentWell);
            for (var i = 0; i < r.Roles.Count; i++) Role($"learning_response.roles[{i}]", r.Roles[i]);
        }
        for (var i = 0; i < log.Factors.Count; i++) Text($"factors[{i}].description", log.Factors[i].Description);
        for (var i = 0; i < log.Actions.Count; i++)
        {
            var a = log.Actions[i];
            Text($"actions[{i}].description", a.Description);
            Text($"actions[{i}].evidence", a.Evidence);
            Role($"actions[{i}].owner_role", a.OwnerRole);
        }
        Text("governance_review.reflection", log.GovernanceReview?.Reflection);
        Role("redaction_check.by", log.RedactionCheck?.By);
        var bodyText = doc.Source.Text;
        foreach (var f in PersonalData.NhsNumbers(bodyText).Concat(PersonalData.DatesOfBirth(bodyText)).Concat(PersonalData.TitledNames(bodyText)))
        {
            var index = bodyText.IndexOf(f.Text, StringComparison.Ordinal);
            var line = 1 + bodyText.AsSpan(0, Math.Max(0, index)).Count('\n');
            if (found.Any(x => x.Finding.Text == f.Text)) continue;
            Report(new SourceSpan(doc.Path, line, 1), f);
        }
        foreach (var (at, f) in found) Report(doc.At(at), f);
        return confirmed || found.Count == 0;

        void Report(SourceSpan span, PersonalData.Finding f)
        {
            var message = $"this looks like {(f.Kind.StartsWith('a') ? "" : "a ")}{f.Kind} (“{f.Text}”) in a log meant for publication";
            if (confirmed)
                site.Diagnostics.Warning(PersonalDataFound, message + "; the redaction check is confirmed, so check again before publishing", span);
            else
                site.Diagnostics.Error(PersonalDataFound, message, span, "remove it (use roles, not names), then confirm 'redaction_check: { confirmed: true, by: <role>, date: YYYY-MM-DD }'");
        }
    }

    // ---- lint -----------------------------------------------------------------------------------------------

    /// <summary>The same input the browser's draft form passes to the compiled <c>lint()</c>.</summary>
    public static LearningLogInput InputOf(LearningLogFrontMatter log) => new(
        YamlBinder.KebabCase(log.Status.ToString()),
        log.Factors.Select(f => new LogFactor(f.Id, YamlBinder.KebabCase(f.Area.ToString()), f.Systemic)).ToArray(),
        log.Actions.Select(a => new LogAction(a.Id, a.Description, a.Addresses.ToArray(), a.OwnerRole,
            a.Due?.ToString("yyyy-MM-dd", Invariant), YamlBinder.KebabCase(a.Status.ToString()), a.Measure, a.Reviews.Count)).ToArray(),
        log.GovernanceReview?.Reflection);

    private static CheckedLog Lint(SiteContext site, ContentDocument doc, LearningLogFrontMatter log)
    {
        var findings = LearningLogQuality.Lint(InputOf(log));
        var used = new bool[log.Acknowledged.Count];
        var views = new List<FindingView>();
        foreach (var f in findings)
        {
            var ack = log.Acknowledged.Select((a, i) => (a, i)).FirstOrDefault(x => x.a.Code == f.Code && (x.a.Action is null || x.a.Action == f.ActionId));
            if (ack.a is not null) used[ack.i] = true;
            views.Add(new FindingView { Code = f.Code, Pitfall = f.Pitfall, Message = f.Message, Guidance = site.Href(f.Guidance), Acknowledged = ack.a?.Reason });
            if (ack.a is not null) continue;
            var index = f.ActionId is null ? -1 : log.Actions.ToList().FindIndex(a => a.Id == f.ActionId);
            // Drafts are not published, so their findings advise without failing a --strict build.
            Action<string, string, SourceSpan, string?> report = log.Status == LogStatus.Draft ? site.Diagnostics.Advice : site.Diagnostics.Warning;
            report(LintFinding, $"{f.Code} {f.Pitfall}: {f.Message}", doc.At(index >= 0 ? $"actions[{index}]" : ""),
                $"guidance: {f.Guidance} (or acknowledge it: 'acknowledged: [{{ code: {f.Code}, reason: ... }}]')");
        }
        for (var i = 0; i < used.Length; i++)
            if (!used[i])
                site.Diagnostics.Warning(StaleAcknowledgement, $"acknowledgement of {log.Acknowledged[i].Code} matches no finding in this log", doc.At($"acknowledged[{i}]"),
                    "remove it: the log no longer has that problem");
        return new CheckedLog(doc, log, findings, views);
    }

    // ---- views ----------------------------------------------------------------------------------------------

    public static string StatusLabel(LogStatus s) => s switch
    {
        LogStatus.Draft => "Draft",
        LogStatus.LearningInProgress => "Learning in progress",
        LogStatus.ActionsOpen => "Actions open",
        LogStatus.Monitoring => "Monitoring",
        _ => "Closed",
    };

    private static string StatusClass(LogStatus s) => s switch
    {
        LogStatus.Closed => "tag--done",
        LogStatus.Monitoring => "tag--blue",
        _ => "tag--grey",
    };

    public static string EventLabel(EventType e) => e switch
    {
        EventType.Incident => "Incident",
        EventType.NearMiss => "Near miss",
        EventType.Risk => "Risk",
        EventType.PoorOutcome => "Poor outcome",
        _ => "Good care",
    };

    private static string MethodLabel(ResponseMethod m) => m switch
    {
        ResponseMethod.AfterActionReview => "After Action Review",
        ResponseMethod.SwarmHuddle => "SWARM huddle",
        ResponseMethod.MdtReview => "Multidisciplinary team review",
        ResponseMethod.ThematicReview => "Thematic review",
        ResponseMethod.Psii => "Patient safety incident investigation",
        _ => "Other learning response",
    };

    private static string AreaLabel(WorkSystemArea a) => a switch
    {
        WorkSystemArea.Person => "Person",
        WorkSystemArea.Tasks => "Tasks",
        WorkSystemArea.ToolsTechnology => "Tools and technology",
        WorkSystemArea.Organisation => "Organisation",
        WorkSystemArea.InternalEnvironment => "Internal environment",
        _ => "External environment",
    };

    private static ActionView ActionOf(SiteContext site, LearningLogFrontMatter log, LogActionEntry a, LinkView? logLink = null) => new()
    {
        Id = a.Id, Description = a.Description,
        Addresses = string.Join("; ", a.Addresses.Select(id => log.Factors.FirstOrDefault(f => f.Id == id) is { } f ? $"{id}: {AreaLabel(f.Area)}" : id)),
        OwnerRole = a.OwnerRole, Due = a.Due is { } d ? DateView.Of(d) : null,
        Status = a.Status switch { ActionStatus.Planned => "Planned", ActionStatus.InProgress => "In progress", ActionStatus.Done => "Done", _ => "Dropped" },
        StatusClass = a.Status switch { ActionStatus.Done => "tag--done", ActionStatus.InProgress => "tag--blue", _ => "tag--grey" },
        Completed = a.Completed is { } c ? DateView.Of(c) : null, Evidence = a.Evidence, Measure = a.Measure, DroppedReason = a.DroppedReason,
        Overdue = a.Status is ActionStatus.Planned or ActionStatus.InProgress && a.Due is { } due && due < site.Options.Today,
        Reviews = a.Reviews.OrderBy(r => r.Date).Select(r => new ReviewView { Date = DateView.Of(r.Date), Result = r.Result, Decision = YamlBinder.KebabCase(r.Decision.ToString()) }).ToArray(),
        Log = logLink,
    };

    private static LogView LogViewOf(SiteContext site, CheckedLog c)
    {
        var log = c.Log;
        var today = site.Options.Today;
        var occurred = log.OccurredPrecision == DatePrecision.Month
            ? DateOnly.ParseExact(log.Occurred + "-01", "yyyy-MM-dd", Invariant).ToString("MMMM yyyy", Invariant)
            : DateView.Of(DateOnly.ParseExact(log.Occurred, "yyyy-MM-dd", Invariant)).Text;
        var timeline = new List<(DateOnly Date, string Text)>();
        if (log.OccurredPrecision == DatePrecision.Day) timeline.Add((DateOnly.ParseExact(log.Occurred, "yyyy-MM-dd", Invariant), "The event happened"));
        timeline.Add((log.Identified, "The problem was identified"));
        if (log.DutyOfCandour?.Completed is { } dc) timeline.Add((dc, "Duty of candour notification sent"));
        if (log.LearningResponse?.Held is { } held) timeline.Add((held, $"{MethodLabel(log.LearningResponse.Method)} held"));
        if (log.GovernanceReview is { } g) timeline.Add((g.Date, $"Governance review: {g.Forum}"));
        foreach (var a in log.Actions)
        {
            if (a.Completed is { } done) timeline.Add((done, $"Action {a.Id} completed"));
            foreach (var review in a.Reviews) timeline.Add((review.Date, $"Action {a.Id} reviewed: {YamlBinder.KebabCase(review.Decision.ToString())}"));
            if (a.Status is ActionStatus.Planned or ActionStatus.InProgress && a.Due is { } due) timeline.Add((due, $"Action {a.Id} due"));
        }
        if (log.NextReview is { } next) timeline.Add((next, "Next effectiveness review"));
        var harm = log.Harm is { } h ? YamlBinder.KebabCase(h.ToString()) switch { "none" => "No harm", var x => char.ToUpperInvariant(x[0]) + x[1..] + " harm" } : null;
        var candour = log.DutyOfCandour is null ? null
            : log.DutyOfCandour.Applies ? "Applies" + (log.DutyOfCandour.Completed is { } sent ? $"; notification sent {DateView.Of(sent).Text}" : "; notification not yet recorded")
            : "Does not apply" + (string.IsNullOrWhiteSpace(log.DutyOfCandour.Reason) ? "" : $": {log.DutyOfCandour.Reason}");
        var response = new List<LabelledText>();
        if (log.LearningResponse is { } r)
        {
            response.Add(new LabelledText { Label = "Method", Text = MethodLabel(r.Method) + (r.Held is { } when ? $", held {DateView.Of(when).Text}" : "") });
            if (r.Roles.Count > 0) response.Add(new LabelledText { Label = "Who took part", Text = string.Join(", ", r.Roles) });
            void Add(string label, string? text) { if (!string.IsNullOrWhiteSpace(text)) response.Add(new LabelledText { Label = label, Text = text }); }
            Add("What was expected to happen", r.Expected);
            Add("What actually happened", r.Actual);
            Add("Why they differed", r.WhyDifferent);
            Add("What went well", r.WentWell);
        }
        var governance = log.GovernanceReview is { } gr
            ? new[] { new LabelledText { Label = "Forum", Text = gr.Forum }, new LabelledText { Label = "Date", Text = DateView.Of(gr.Date).Text },
                new LabelledText { Label = "Reflection", Text = string.IsNullOrWhiteSpace(gr.Reflection) ? "Not recorded" : gr.Reflection } }
            : [];
        return new LogView
        {
            Id = log.Id, Status = StatusLabel(log.Status), StatusClass = StatusClass(log.Status), EventType = EventLabel(log.EventType),
            Occurred = occurred, Identified = DateView.Of(log.Identified), Harm = harm, Candour = candour, Summary = log.Summary,
            Response = response,
            Factors = log.Factors.Select(f => new FactorView { Id = f.Id, Area = AreaLabel(f.Area), Description = f.Description, Systemic = f.Systemic }).ToArray(),
            Actions = log.Actions.Select(a => ActionOf(site, log, a)).ToArray(),
            Timeline = timeline.OrderBy(t => t.Date).ThenBy(t => t.Text, StringComparer.Ordinal)
                .Select(t => new TimelineEntry { Date = DateView.Of(t.Date), Text = t.Text, Future = t.Date > today }).ToArray(),
            Governance = governance, LearningToShare = log.LearningToShare,
            NextReview = log.NextReview is { } nr ? DateView.Of(nr) : null,
            Findings = c.FindingViews,
            FilterStatus = YamlBinder.KebabCase(log.Status.ToString()), FilterEvent = YamlBinder.KebabCase(log.EventType.ToString()),
            FilterKeyQuestions = string.Join(' ', KeyQuestionsOf(log).Select(k => k.Id)),
        };
    }

    // ---- evidence pages and feed ----------------------------------------------------------------------------

    private static void Evidence(SiteContext site, IReadOnlyList<CheckedLog> logs, LinkView home, LinkView journal)
    {
        var index = new LinkView { Title = "Evidence by quality statement", Url = site.Href("/journal/evidence/") };
        site.Pages.Add(new SitePage
        {
            Url = "/journal/evidence/", Layout = "list", Type = "journal",
            View = new PageView
            {
                Title = "Evidence by quality statement", Url = site.Href("/journal/evidence/"), CanonicalUrl = site.Absolute("/journal/evidence/"),
                Kind = "list", Section = "journal", Csp = site.Csp(), Breadcrumbs = [home, journal],
                Summary = "For each of CQC's quality statements: the learning logs that show what this service has learned, with the guidance and self-assessment questions behind them.",
                Groups = Framework.KeyQuestions.Select(k => new ListGroup
                {
                    Title = k.Name, Id = k.Id,
                    Items = Framework.StatementsOf(k.Id).Select(s => new ListItem
                    {
                        Title = s.Name, Url = site.Href($"/journal/evidence/{s.Id}/"),
                        Meta = logs.Count(l => l.Log.QualityStatements.Contains(s.Id)) switch { 0 => "no learning logs yet", 1 => "1 learning log", var n => $"{n} learning logs" },
                    }).ToArray(),
                }).ToArray(),
                Search = new SearchView { Indexed = false, Type = "learning log" },
            },
        });
        foreach (var s in Framework.QualityStatements)
        {
            var url = $"/journal/evidence/{s.Id}/";
            var related = logs.Where(l => l.Log.QualityStatements.Contains(s.Id)).ToArray();
            var others = site.Tagged.Where(e => e.Axis == "statement" && e.Key == s.Id && e.Group != "Learning logs")
                .GroupBy(e => (e.GroupOrder, e.Group)).OrderBy(g => g.Key.GroupOrder)
                .Select(g => new ListGroup { Title = g.Key.Group, Id = Taxonomy.Slug(g.Key.Group), Items = g.Select(e => e.Item).DistinctBy(i => i.Url).OrderBy(i => i.Title, StringComparer.Ordinal).ToArray() });
            var logGroup = new ListGroup
            {
                Title = "Learning logs", Id = "learning-logs",
                Intro = related.Length == 0 ? "No learning log names this quality statement yet." : null,
                Items = related.Select(l => new ListItem
                {
                    Title = l.Log.Title, Url = site.Href(l.Doc.Url), Summary = l.Log.Summary,
                    Meta = $"{StatusLabel(l.Log.Status)} · identified {DateView.Of(l.Log.Identified).Text} · {l.Log.Actions.Count(a => a.Status == ActionStatus.Done)} of {l.Log.Actions.Count(a => a.Status != ActionStatus.Dropped)} actions done · {l.Log.Actions.Sum(a => a.Reviews.Count)} effectiveness reviews",
                }).ToArray(),
            };
            site.Pages.Add(new SitePage
            {
                Url = url, Layout = "list", Type = "journal", InSitemap = related.Length > 0,
                View = new PageView
                {
                    Title = $"Evidence: {s.Name}", Url = site.Href(url), CanonicalUrl = site.Absolute(url), Kind = "evidence", Section = "journal",
                    Summary = $"What this service has learned under the “{s.Name}” quality statement ({Framework.FindKeyQuestion(s.KeyQuestionId)!.Name}).",
                    Csp = site.Csp(), Breadcrumbs = [home, journal, index],
                    QualityStatements = [Taxonomy.StatementLink(site, s)],
                    Groups = [logGroup, .. others],
                    Search = new SearchView { Indexed = false, Type = "learning log" },
                },
            });
        }
    }

    private static string Feed(SiteContext site, IReadOnlyList<CheckedLog> logs)
    {
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", Invariant) + "T00:00:00Z";
        DateOnly Updated(CheckedLog l) => new[] { l.Log.Identified }
            .Concat(l.Log.GovernanceReview is { } g ? [g.Date] : [])
            .Concat(l.Log.Actions.SelectMany(a => a.Reviews.Select(r => r.Date)))
            .Concat(l.Log.Actions.Where(a => a.Completed is not null).Select(a => a.Completed!.Value)).Max();
        var shared = logs.Where(l => !string.IsNullOrWhiteSpace(l.Log.LearningToShare)).OrderByDescending(Updated).ThenBy(l => l.Log.Id, StringComparer.Ordinal).ToArray();
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        sb.Append($"  <title>{SecurityElement.Escape(site.Config.Title)}: learning journal</title>\n");
        sb.Append($"  <subtitle>Learning shared from this service's learning logs.</subtitle>\n");
        sb.Append($"  <id>{SecurityElement.Escape(site.Absolute("/journal/"))}</id>\n");
        sb.Append($"  <link rel=\"self\" href=\"{SecurityElement.Escape(site.Absolute("/journal/feed.xml"))}\"/>\n");
        sb.Append($"  <link rel=\"alternate\" type=\"text/html\" href=\"{SecurityElement.Escape(site.Absolute("/journal/"))}\"/>\n");
        sb.Append($"  <updated>{(shared.Length > 0 ? Iso(shared.Max(Updated)) : "1970-01-01T00:00:00Z")}</updated>\n");
        sb.Append($"  <author><name>{SecurityElement.Escape(site.Config.Organisation ?? site.Config.Title)}</name></author>\n");
        foreach (var l in shared)
        {
            sb.Append("  <entry>\n");
            sb.Append($"    <title>{SecurityElement.Escape(l.Log.Title)}</title>\n");
            sb.Append($"    <id>{SecurityElement.Escape(site.Absolute(l.Doc.Url))}</id>\n");
            sb.Append($"    <link rel=\"alternate\" type=\"text/html\" href=\"{SecurityElement.Escape(site.Absolute(l.Doc.Url))}\"/>\n");
            sb.Append($"    <published>{Iso(l.Log.Identified)}</published>\n");
            sb.Append($"    <updated>{Iso(Updated(l))}</updated>\n");
            sb.Append($"    <summary>{SecurityElement.Escape(l.Log.LearningToShare!)}</summary>\n");
            foreach (var s in l.Log.QualityStatements) sb.Append($"    <category term=\"{SecurityElement.Escape(s)}\"/>\n");
            sb.Append("  </entry>\n");
        }
        return sb.Append("</feed>\n").ToString();
    }

    // ---- sanitising provider-authored HTML -------------------------------------------------------------------

    private static HtmlSanitizer NewSanitizer()
    {
        // HtmlSanitizer's allow-list (no script, iframe, object, event handlers, javascript: URLs or styles), plus the
        // attributes our own Markdown output uses for headings, alerts and accessible tables.
        var sanitizer = new HtmlSanitizer();
        foreach (var attribute in new[] { "id", "class", "role", "aria-label", "aria-hidden", "tabindex" })
            sanitizer.AllowedAttributes.Add(attribute);
        return sanitizer;
    }

    /// <summary>Sanitises a log's rendered body (after the link stage has rewritten its links).</summary>
    public static string Sanitise(string html) => NewSanitizer().Sanitize(html);

    /// <summary>Reports each raw HTML fragment in a log that sanitising would change, at its line.</summary>
    public static void RawHtmlWarnings(ContentDocument doc, DiagnosticBag diagnostics)
    {
        foreach (var fragment in doc.Markdown!.RawHtml)
        {
            var removed = new List<string>();
            var probe = NewSanitizer();
            probe.RemovingTag += (_, e) => removed.Add($"<{e.Tag.NodeName.ToLowerInvariant()}>");
            probe.RemovingAttribute += (_, e) => removed.Add($"{e.Attribute.Name}=\"{e.Attribute.Value}\"");
            probe.RemovingStyle += (_, _) => removed.Add("style");
            probe.RemovingAtRule += (_, _) => removed.Add("@-rule");
            probe.Sanitize(fragment.Html);
            if (removed.Count > 0)
                diagnostics.Warning(Codes.UnsafeHtml, $"unsafe HTML removed from a provider-authored page: {string.Join(", ", removed.Distinct().Take(5))}",
                    new SourceSpan(doc.Path, fragment.Line, fragment.Column), "scripts, event handlers, javascript: links, iframes and styles are never published");
        }
    }
}
