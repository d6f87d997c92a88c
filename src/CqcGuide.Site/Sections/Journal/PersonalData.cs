using CqcGuide.Rules.LearningLogs;
using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Sections.Journal;

/// <summary>
/// The bridge between a learning log and the <c>personal-data</c> rules (<see cref="PersonalDataDetection"/>): which texts
/// of a log are checked, under which key paths, and where a finding is in the file. The detection itself is the compiled
/// rule the draft form also runs.
/// </summary>
public static class PersonalData
{
    /// <summary>The rules' input for a log: every free-text field with its key path, the role fields, the body, and the log's not_personal_data phrases.</summary>
    public static PersonalDataInput InputOf(LearningLogFrontMatter log, string body)
    {
        var fields = new List<PersonalDataField>();
        void Text(string path, string? value)
        {
            if (!string.IsNullOrEmpty(value)) fields.Add(new PersonalDataField(path, value, false));
        }
        void Role(string path, string? value)
        {
            if (!string.IsNullOrEmpty(value)) fields.Add(new PersonalDataField(path, value, true));
        }
        Text("title", log.Title);
        Text("summary", log.Summary);
        Text("duty_of_candour.reason", log.DutyOfCandour?.Reason);
        // The attempts to reach the relevant person and what other bodies decided are where names slip in most easily.
        Text("duty_of_candour.unable_to_notify.attempts", log.DutyOfCandour?.UnableToNotify?.Attempts);
        for (var i = 0; i < log.Notifications.Count; i++)
        {
            Text($"notifications[{i}].recipient", log.Notifications[i].Recipient);
            Text($"notifications[{i}].outcome", log.Notifications[i].Outcome);
            Text($"notifications[{i}].not_notified", log.Notifications[i].NotNotified);
        }
        if (log.LearningResponse is { } r)
        {
            for (var i = 0; i < r.Roles.Count; i++) Role($"learning_response.roles[{i}]", r.Roles[i]);
            Text("learning_response.expected", r.Expected);
            Text("learning_response.actual", r.Actual);
            Text("learning_response.why_different", r.WhyDifferent);
            Text("learning_response.went_well", r.WentWell);
        }
        for (var i = 0; i < log.Factors.Count; i++) Text($"factors[{i}].description", log.Factors[i].Description);
        for (var i = 0; i < log.Actions.Count; i++)
        {
            var a = log.Actions[i];
            Text($"actions[{i}].description", a.Description);
            Role($"actions[{i}].owner_role", a.OwnerRole);
            Text($"actions[{i}].evidence", a.Evidence);
            Text($"actions[{i}].measure", a.Measure);
            Text($"actions[{i}].dropped_reason", a.DroppedReason);
            for (var k = 0; k < a.Reviews.Count; k++) Text($"actions[{i}].reviews[{k}].result", a.Reviews[k].Result);
        }
        Text("governance_review.forum", log.GovernanceReview?.Forum);
        Text("governance_review.reflection", log.GovernanceReview?.Reflection);
        Text("learning_to_share", log.LearningToShare);
        Role("redaction_check.by", log.RedactionCheck?.By);
        for (var i = 0; i < log.Acknowledged.Count; i++) Text($"acknowledged[{i}].reason", log.Acknowledged[i].Reason);
        Text(BodyPath, body);
        return new PersonalDataInput(fields.ToArray(), log.NotPersonalData.ToArray());
    }

    /// <summary>The path the body's findings carry.</summary>
    public const string BodyPath = "body";

    /// <summary>
    /// Where a finding is in the file: for the body, its exact line and column; for a front-matter value, the finding's
    /// text where it first appears from the value's start to the end of the front matter (the n-th time, when the value
    /// holds it n times), or the value's position when the text is not there verbatim (a folded line break inside it).
    /// </summary>
    public static SourceSpan Locate(ContentDocument doc, PersonalDataFinding finding, string fieldText, int bodyOffset)
    {
        var text = doc.Source.Text;
        if (finding.Path == BodyPath) return At(doc.Path, text, bodyOffset + finding.Start);
        var value = doc.At(finding.Path);
        var from = OffsetOf(text, value.Line, value.Column);
        if (from < 0) return value;
        var occurrence = 0;
        for (var i = fieldText.IndexOf(finding.Text, StringComparison.Ordinal); i >= 0 && i < finding.Start; i = fieldText.IndexOf(finding.Text, i + 1, StringComparison.Ordinal))
            occurrence++;
        var at = from - 1;
        for (var n = 0; n <= occurrence; n++)
        {
            at = text.IndexOf(finding.Text, at + 1, StringComparison.Ordinal);
            if (at < 0 || at >= bodyOffset) return value;
        }
        return At(doc.Path, text, at);
    }

    private static int OffsetOf(string text, int line, int column)
    {
        var offset = 0;
        for (var l = 1; l < line; l++)
        {
            offset = text.IndexOf('\n', offset) + 1;
            if (offset == 0) return -1;
        }
        return Math.Min(text.Length, offset + Math.Max(0, column - 1));
    }

    private static SourceSpan At(string path, string text, int offset)
    {
        var line = 1 + text.AsSpan(0, offset).Count('\n');
        var lineStart = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        if (offset == 0) lineStart = 0;
        return new SourceSpan(path, line, offset - lineStart + 1);
    }
}
