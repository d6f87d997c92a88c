using CqcGuide.Rules.ScoringModels;
using CqcGuide.Rules.LearningLogs;
using System.Globalization;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Views;
using CqcGuide.Site.Yaml;

namespace CqcGuide.Site.Sections.Journal;

/// <summary>A learning log as its page and the journal's lists show it.</summary>
public static class LogViews
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IEnumerable<Rules.Domain.KeyQuestion> KeyQuestionsOf(LearningLogFrontMatter log) =>
        log.QualityStatements.Select(Rules.Domain.Framework.FindStatement).OfType<Rules.Domain.QualityStatement>().Select(s => s.KeyQuestionId).Distinct()
            .Select(id => Rules.Domain.Framework.FindKeyQuestion(id)!).OrderBy(k => k.Index);

    /// <summary>What the measures of the log's actions show (LLQ009–LLQ011), linted with the log's acknowledgements.</summary>
    private static IReadOnlyList<LintedFinding> MeasureFindings(SiteIndex site, CheckedLog c)
    {
        if (!c.Valid) return [];
        var evidence = new List<LogMeasureEvidence>();
        foreach (var a in c.Log.Actions)
        {
            if (a.MeasureId is null || site.Shared<MeasureCard>("measure:" + a.MeasureId) is not { } card) continue;
            var change = card.Changes.FirstOrDefault(x => x.Action == $"{c.Log.Id}#{a.Id}");
            evidence.Add(new LogMeasureEvidence(a.Id, card.Title, a.Reviews.Any(r => r.Decision == ReviewDecision.Adopt), change?.PointIndex ?? 0,
                card.Analysis.Points.Select(p => (int)p.Variation).ToArray(), (int)(card.Analysis.Segments.LastOrDefault()?.Assurance ?? 0)));
        }
        return LogLint.LintMeasures(c.Document, c.Log, evidence.ToArray(), site.Diagnostics);
    }

    /// <summary>The measure an action names (<c>measure_id</c>), shared by the measures section; an unknown id is an error.</summary>
    private static MeasureCard? MeasureOf(SiteIndex site, CheckedLog c, LogActionEntry a, int index)
    {
        if (a.MeasureId is not { } id) return null;
        if (site.Shared<MeasureCard>("measure:" + id) is { } card) return card;
        site.Diagnostics.Error(Codes.UnknownMeasure, $"action '{a.Id}' names the measure '{id}', which this site does not have", c.Document.At($"actions[{index}].measure_id"),
            "measures are the files in input/measures/ (or input/examples/measures/ while examples are on); write its file name without .yml");
        return null;
    }

    /// <summary>An action as the log page and the tracker show it; <paramref name="at"/> is the same action as the governance rules read it.</summary>
    public static ActionView ActionOf(GovernanceActionAt at, LearningLogFrontMatter log, LogActionEntry a, LinkView? logLink = null) => new()
    {
        Id = a.Id, Description = a.Description, Kind = a.Kind is { } k ? LogFormat.Label(k) : null,
        Addresses = string.Join("; ", a.Addresses.Select(id => log.Factors.FirstOrDefault(f => f.Id == id) is { } f ? $"{id}: {LogLabels.AreaLabel(f.Area)}" : id)),
        OwnerRole = a.OwnerRole, Due = a.Due is { } d ? DateView.Of(d) : null,
        Status = a.Status switch { ActionStatus.Planned => "Planned", ActionStatus.InProgress => "In progress", ActionStatus.Done => "Done", _ => "Dropped" },
        StatusClass = a.Status switch { ActionStatus.Done => "tag--done", ActionStatus.InProgress => "tag--blue", _ => "tag--grey" },
        Completed = a.Completed is { } c ? DateView.Of(c) : null, Evidence = a.Evidence, EvidenceCategory = a.EvidenceCategory is { } e ? LogFormat.Label(e) : null, Measure = a.Measure, DroppedReason = a.DroppedReason,
        Overdue = LearningGovernance.ActionState.Evaluate(at) == LearningGovernance.Overdue,
        Reviews = a.Reviews.OrderBy(r => r.Date).Select(r => new ReviewView { Date = DateView.Of(r.Date), Result = r.Result, Decision = LogFormat.Value(r.Decision) }).ToArray(),
        Log = logLink,
    };

    /// <summary>Who a notification went to, as the page names it: the format's label, or the recipient for "other".</summary>
    public static string NotificationLabel(NotificationEntry n) =>
        n.To == NotificationRecipient.Other && !string.IsNullOrWhiteSpace(n.Recipient) ? n.Recipient
        : LogFormat.Label(n.To) + (string.IsNullOrWhiteSpace(n.Recipient) ? "" : $" ({n.Recipient})");

    /// <summary>
    /// The duty of candour in one line. Whether it applies is the rules' decision (candour-applies), from the Regulation
    /// 20(9) answers; the harm grade plays no part.
    /// </summary>
    public static string CandourSummary(DutyOfCandour dc, LogCandourOutcomes? outcomes)
    {
        string Notes() => string.IsNullOrWhiteSpace(dc.Reason) ? "" : " " + dc.Reason;
        if (outcomes is null)
            return "No Regulation 20(9) assessment recorded." + Notes();
        if (!LearningLogValidation.CandourApplies.Evaluate(outcomes))
            return "Does not apply: every Regulation 20(9) answer is no." + Notes();
        var why = string.Join("; ", LearningLogValidation.NotifiableOutcomes.Evaluate(outcomes));
        var record = dc.UnableToNotify is { } unable ? $"The relevant person was not told in person: {LogFormat.Label(unable.Reason).ToLowerInvariant()}."
            : (dc.NotifiedInPerson is { } told ? $"Told in person on {DateView.Of(told).Text}" : "In-person notification not yet recorded")
              + "; " + (dc.WrittenNotification is { } written ? $"written notification sent on {DateView.Of(written).Text}." : "written notification not yet recorded.");
        return $"Applies: a notifiable safety incident under Regulation 20(9) ({why}). {record}" + Notes();
    }

    public static LogView LogViewOf(SiteIndex site, CheckedLog c)
    {
        var log = c.Log;
        var today = site.Options.Today;
        var occurred = log.OccurredPrecision == DatePrecision.Month
            ? DateOnly.ParseExact(log.Occurred + "-01", "yyyy-MM-dd", Invariant).ToString("MMMM yyyy", Invariant)
            : DateView.Of(DateOnly.ParseExact(log.Occurred, "yyyy-MM-dd", Invariant)).Text;
        var timeline = new List<(DateOnly Date, string Text)>();
        if (log.OccurredPrecision == DatePrecision.Day) timeline.Add((DateOnly.ParseExact(log.Occurred, "yyyy-MM-dd", Invariant), "The event happened"));
        timeline.Add((log.Identified, "The problem was identified"));
        if (log.DutyOfCandour?.OpinionDate is { } opinion) timeline.Add((opinion, "Health care professional's opinion (Regulation 20(9))"));
        if (log.DutyOfCandour?.NotifiedInPerson is { } told) timeline.Add((told, "Relevant person told in person (duty of candour)"));
        if (log.DutyOfCandour?.WrittenNotification is { } written) timeline.Add((written, "Written duty of candour notification sent"));
        foreach (var n in log.Notifications)
            if (n.Date is { } sent) timeline.Add((sent, $"Notified: {NotificationLabel(n)}"));
        if (log.LearningResponse?.Held is { } held) timeline.Add((held, $"{LogLabels.MethodLabel(log.LearningResponse.Method)} held"));
        if (log.GovernanceReview is { } g) timeline.Add((g.Date, $"Governance review: {g.Forum}"));
        foreach (var a in log.Actions)
        {
            if (a.Completed is { } done) timeline.Add((done, $"Action {a.Id} completed"));
            foreach (var review in a.Reviews) timeline.Add((review.Date, $"Action {a.Id} reviewed: {LogFormat.Value(review.Decision)}"));
            if (a.Status is ActionStatus.Planned or ActionStatus.InProgress && a.Due is { } due) timeline.Add((due, $"Action {a.Id} due"));
        }
        if (log.NextReview is { } next) timeline.Add((next, "Next effectiveness review"));
        var harm = log.Harm is { } h ? LogLabels.HarmLabel(h) : null;
        var dc = log.DutyOfCandour;
        var outcomes = LogChecks.OutcomesOf(dc?.Outcomes);
        var candour = dc is null ? null : CandourSummary(dc, outcomes);
        var response = new List<LabelledText>();
        if (log.LearningResponse is { } r)
        {
            response.Add(new LabelledText { Label = "Method", Text = LogLabels.MethodLabel(r.Method) + (r.Held is { } when ? $", held {DateView.Of(when).Text}" : "") });
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
            Id = log.Id, Status = LogLabels.StatusLabel(log.Status), StatusClass = LogLabels.StatusClass(log.Status), EventType = LogLabels.EventLabel(log.EventType),
            Occurred = occurred, Identified = DateView.Of(log.Identified), Harm = harm, Candour = candour, Summary = log.Summary,
            CandourAnswers = outcomes is null ? []
                : LogFormat.Outcomes.All.Zip(LearningLogValidation.CandourAnswers.Evaluate(outcomes),
                    (q, a) => new LabelledText { Label = q.Label, Text = LogFormat.TryParse<CandourAnswer>(a, out var answer) ? LogFormat.Label(answer) : a ?? "" }).ToArray(),
            CandourOpinion = dc?.ProfessionalRole is { } role
                ? role + (dc.OpinionDate is { } on ? ", " + DateView.Of(on).Text : "")
                : null,
            CandourUnable = dc?.UnableToNotify is { } unable ? $"{LogFormat.Label(unable.Reason)}. {unable.Attempts}" : null,
            Notifications = log.Notifications.Select(n => new NotificationView
            {
                To = NotificationLabel(n), Date = n.Date is { } d ? DateView.Of(d) : null, Reference = n.Reference, Outcome = n.Outcome, NotNotified = n.NotNotified,
            }).ToArray(),
            Response = response,
            Factors = log.Factors.Select(f => new FactorView { Id = f.Id, Area = LogLabels.AreaLabel(f.Area), Description = f.Description, Systemic = f.Systemic }).ToArray(),
            Actions = log.Actions.Zip(LogGovernance.ActionsAt(c, today)).Select((p, i) => ActionOf(p.Second, log, p.First) with { MeasureCard = MeasureOf(site, c, p.First, i) }).ToArray(),
            Timeline = timeline.OrderBy(t => t.Date).ThenBy(t => t.Text, StringComparer.Ordinal)
                .Select(t => new TimelineEntry { Date = DateView.Of(t.Date), Text = t.Text, Future = t.Date > today }).ToArray(),
            Governance = governance, LearningToShare = log.LearningToShare,
            NextReview = log.NextReview is { } nr ? DateView.Of(nr) : null,
            Findings = c.Findings.Concat(MeasureFindings(site, c)).Select(f => new FindingView
            {
                Code = f.Finding.Code, Pitfall = f.Finding.Pitfall, Message = f.Finding.Message, Guidance = site.Href(f.Finding.Guidance), Acknowledged = f.Acknowledged,
            }).ToArray(),
            FilterStatus = LogFormat.Value(log.Status), FilterEvent = LogFormat.Value(log.EventType),
            FilterKeyQuestions = string.Join(' ', KeyQuestionsOf(log).Select(k => k.Id)),
            TeachingExample = log.TeachingExample,
            Example = c.Document.IsExample,
        };
    }
}
