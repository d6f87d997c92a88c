using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Sections.Journal;

/// <summary>Looks for personal data (NHS numbers, dates of birth, names) in a log meant for publication.</summary>
public static class PersonalDataCheck
{
    public const string PersonalDataFound = Codes.PersonalDataFound;

    public static bool Check(ContentDocument doc, LearningLogFrontMatter log, DiagnosticBag diagnostics)
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
                diagnostics.Warning(PersonalDataFound, message + "; the redaction check is confirmed, so check again before publishing", span);
            else
                diagnostics.Error(PersonalDataFound, message, span, "remove it (use roles, not names), then confirm 'redaction_check: { confirmed: true, by: <role>, date: YYYY-MM-DD }'");
        }
    }
}
