using CqcGuide.Rules.LearningLogs;
using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Sections.Journal;

/// <summary>
/// The rules a learning log must meet to be published: the compiled <c>learning-log-validation</c> rules (the same ones
/// the draft form runs, so a log the form accepts is a log the build accepts), plus the quality statement ids, whose
/// "did you mean" needs the site's registry search.
/// </summary>
public static class LogChecks
{
    public const string InvalidLog = Codes.InvalidLog;

    /// <summary>The log as the validation rules read it (the draft form builds the same input from its fields).</summary>
    public static LogValidationInput InputOf(ContentDocument doc, LearningLogFrontMatter log, DateOnly today)
    {
        static string? D(DateOnly? d) => LearningLogValidation.Date(d);
        return new LogValidationInput(log.Id, doc.Slug, LogFormat.Value(log.Status), LogFormat.Value(log.EventType),
            log.Occurred, LogFormat.Value(log.OccurredPrecision), LearningLogValidation.Date(log.Identified),
            log.Harm is { } h ? LogFormat.Value(h) : null,
            log.DutyOfCandour is { } c
                ? new LogCandourInput(OutcomesOf(c.Outcomes), c.ProfessionalRole, D(c.OpinionDate), D(c.NotifiedInPerson), D(c.WrittenNotification),
                    c.UnableToNotify is { } u ? new LogUnableToNotify(LogFormat.Value(u.Reason), u.Attempts) : null, c.Reason, c.Applies, D(c.Completed))
                : null,
            log.Notifications.Select(n => new LogValidationNotification(LogFormat.Value(n.To), n.Recipient, D(n.Date), n.NotNotified)).ToArray(),
            log.Factors.Select(f => new LogValidationFactor(f.Id, f.Description)).ToArray(),
            log.Actions.Select(a => new LogValidationAction(a.Id, a.Addresses.ToArray(), LogFormat.Value(a.Status), D(a.Completed),
                a.Evidence, a.DroppedReason, a.Reviews.Select(r => new LogValidationReview(LearningLogValidation.Date(r.Date), r.Result, LogFormat.Value(r.Decision))).ToArray(),
                a.Kind is { } k ? LogFormat.Value(k) : null, a.Description, a.EvidenceCategory is { } e ? LogFormat.Value(e) : null)).ToArray(),
            D(log.NextReview), LearningLogValidation.Date(today), log.Title, log.Summary,
            log.RedactionCheck is { } r ? new LogRedactionInput(r.Confirmed, r.By, D(r.Date)) : null,
            log.GovernanceReview is { } g ? new LogGovernanceInput(g.Forum, LearningLogValidation.Date(g.Date)) : null);
    }

    /// <summary>The Regulation 20(9) answers as the rules read them (the same for the validation and the quality checks).</summary>
    public static LogCandourOutcomes? OutcomesOf(CandourOutcomes? o) => o is null ? null : new(
        LogFormat.Value(o.Death), LogFormat.Value(o.Impairment), LogFormat.Value(o.BodyStructure), LogFormat.Value(o.ProlongedPain),
        LogFormat.Value(o.ProlongedPsychologicalHarm), LogFormat.Value(o.ShortenedLifeExpectancy), LogFormat.Value(o.TreatmentNeeded));

    /// <summary>
    /// The site's code for a validation issue: CG809 for a log meant for publication whose redaction check is missing
    /// or unconfirmed (its own code, so a fork can find every such log), CG802 for every other problem.
    /// </summary>
    public static string CodeOf(LogIssue issue) => issue.Code == "LLV039" ? Codes.RedactionNotConfirmed : InvalidLog;

    /// <summary>Reports every problem of the log; true when it can be published.</summary>
    public static bool Check(ContentDocument doc, LearningLogFrontMatter log, DateOnly today, DiagnosticBag diagnostics)
    {
        var ok = true;
        foreach (var issue in LearningLogValidation.Validate(InputOf(doc, log, today)))
        {
            if (issue.Severity == LearningLogValidation.Error)
            {
                diagnostics.Error(CodeOf(issue), issue.Message, doc.At(issue.Path), issue.Hint);
                ok = false;
            }
            else diagnostics.Warning(InvalidLog, issue.Message, doc.At(issue.Path), issue.Hint);
        }
        ok &= Validation.QualityStatements(doc, log.QualityStatements, "quality_statements", diagnostics);
        return ok;
    }
}
