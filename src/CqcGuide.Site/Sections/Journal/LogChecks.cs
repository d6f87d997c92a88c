using System.Globalization;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Yaml;

namespace CqcGuide.Site.Sections.Journal;

/// <summary>The rules a learning log must meet to be published: real dates in order, harm against the event type, the
/// duty of candour, actions that answer factors, evidence for done actions, closing only when the work is done.</summary>
public static class LogChecks
{
    public const string InvalidLog = Codes.InvalidLog;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static bool Check(ContentDocument doc, LearningLogFrontMatter log, DateOnly today, DiagnosticBag diagnostics)
    {
        var ok = true;
        void Error(string message, string at, string? hint = null)
        {
            diagnostics.Error(InvalidLog, message, doc.At(at), hint);
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
            if (o > today)
                Error($"occurred ({log.Occurred}) is in the future", "occurred");
        }
        if (log.Identified > today)
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
                if (a.Reviews[r].Date > today) Error("an effectiveness review is dated in the future", $"{at}.reviews[{r}].date");
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
            diagnostics.Warning(InvalidLog, "a log being monitored should say when effectiveness is next reviewed", doc.At("status"), "add 'next_review: YYYY-MM-DD'");

        ok &= Validation.QualityStatements(doc, log.QualityStatements, "quality_statements", diagnostics);
        return ok;
    }
}
