using CqcGuide.Rules.LearningLogs;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Yaml;

namespace CqcGuide.Site.Sections.Journal;

/// <summary>
/// Personal data in a learning log, found by the compiled <c>personal-data</c> rules (the draft form runs the same
/// module). A log meant for publication (any status but draft) fails the build on every finding that its
/// <c>not_personal_data</c> phrases do not mark; a draft gets the findings as warnings. A <c>not_personal_data</c>
/// phrase that marks nothing is a warning. (The redaction check itself is a validation rule, LLV039, reported as CG809.)
/// </summary>
public static class PersonalDataCheck
{
    public const string PersonalDataFound = Codes.PersonalDataFound;

    public static bool Check(ContentDocument doc, LearningLogFrontMatter log, DiagnosticBag diagnostics)
    {
        var published = log.Status != LogStatus.Draft;
        var split = FrontMatter.Split(doc.Source.Text, doc.Path, new DiagnosticBag());
        var body = split?.Body ?? "";
        var bodyOffset = doc.Source.Text.Length - body.Length;
        var input = PersonalData.InputOf(log, body);
        var findings = PersonalDataDetection.Find(input);
        var ok = true;
        foreach (var f in findings.Where(f => f.MarkedBy is null))
        {
            var text = input.Fields.First(x => x.Path == f.Path).Text;
            var at = PersonalData.Locate(doc, f, text, bodyOffset);
            var message = $"{f.Path}: this looks like {f.Label} (“{f.Text}”) in a log meant for publication";
            var hint = f.Hint + $" If it is not personal data, add it to the log's list: not_personal_data: [\"{f.Text}\"]";
            if (published)
            {
                diagnostics.Error(PersonalDataFound, message, at, hint);
                ok = false;
            }
            else
                diagnostics.Warning(PersonalDataFound, message + " (a draft: it is not published, but the file may be shared)", at, hint);
        }
        for (var i = 0; i < log.NotPersonalData.Count; i++)
            if (!findings.Any(f => f.MarkedBy == log.NotPersonalData[i]))
                diagnostics.Warning(Codes.StaleAcknowledgement, $"not_personal_data: '{log.NotPersonalData[i]}' marks no finding of this log", doc.At($"not_personal_data[{i}]"),
                    "remove it, so the list keeps only what someone has checked");
        return ok;
    }
}
