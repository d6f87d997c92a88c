using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CqcGuide.Rules;
using CqcGuide.Rules.ScoringModels;

namespace CqcGuide.Cli.Commands;

/// <summary>
/// <c>score --team a.json b.json …</c>: several people's answers to one self-assessment, side by side, by the compiled
/// team-assessment rules the team page runs (distribution, median, range, discuss), with the result each person's
/// answers give and the result of the answers an agreement starts from (each question's median).
/// </summary>
internal static class TeamScore
{
    private const string CompletedByKey = "progress/completed-by";

    /// <summary>One person: the role (the file's "completed by", else its name) and the parsed file.</summary>
    public sealed record Person(string Role, string Path, AnswersFile File);

    public static int Run(IReadOnlyList<(string Path, AnswersFile File)> files, bool json, TextWriter output, TextWriter error)
    {
        var first = files[0];
        var mismatched = false;
        foreach (var (path, file) in files.Skip(1))
        {
            if (file.Assessment.Id == first.File.Assessment.Id && file.Model.Id == first.File.Model.Id) continue;
            error.WriteLine($"{path}:1:1: error CG801: the file holds answers to '{file.Assessment.Id}' ({file.Model.Id}), but {first.Path} holds answers to '{first.File.Assessment.Id}' ({first.File.Model.Id}): a team compares answers to one self-assessment");
            mismatched = true;
        }
        if (mismatched) return CliApp.ContentErrors;

        var model = Models.FindScoring(first.File.Model.Id)!;
        var people = files.Select(f => new Person(RoleOf(f.File, f.Path), f.Path, f.File)).ToArray();
        var summary = TeamAssessment.SummaryOf(new TeamInput(
            model.Presentation.Answers.ToArray(), model.Presentation.Baseline?.Keep, model.Items.Select(i => i.QuestionId).ToArray(),
            people.Select(p => new TeamMember(p.File.Answers.ToDictionary(a => a.Key, a => a.Value.Value, StringComparer.Ordinal), p.File.Baseline)).ToArray()));
        // The median answers start from the baseline the files share (the team rules' shared-baseline, as on the team
        // page), with the model's default options.
        var agreed = first.File with
        {
            Answers = summary.Items.Where(i => i.Consensus is not null).ToDictionary(i => i.Id, i => new Answer(i.Consensus!, null), StringComparer.Ordinal),
            Extra = new Dictionary<string, Answer>(),
            Plan = [],
            Baseline = summary.Baseline,
            Options = null,
        };
        var results = people.Select(p => Groups(model, model.Score(p.File))).ToArray();
        var agreedResult = Groups(model, model.Score(agreed));
        output.Write(json ? Json(first.File, people, results, agreedResult, summary) : Text(model, first.File, people, results, agreedResult, summary));
        return CliApp.Ok;
    }

    /// <summary>The file's "completed by", else its name, on one line: control and format characters (a terminal escape, a bidirectional override) cannot reach the output.</summary>
    private static string RoleOf(AnswersFile file, string path)
    {
        var raw = file.Extra.GetValueOrDefault(CompletedByKey)?.Value is { } by && !string.IsNullOrWhiteSpace(by) ? by : Path.GetFileNameWithoutExtension(path);
        var clean = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            var category = char.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format) continue;
            clean.Append(category is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator ? ' ' : c);
        }
        return string.Join(' ', clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A result's groups and overall label, read through the model's results layout (as the browser reads them).</summary>
    private sealed record GroupResults(IReadOnlyList<(string Id, string Name, string Label)> Groups, string Overall);

    private static GroupResults Groups(ScoringModel model, ScoreResult result)
    {
        var layout = model.Presentation.Result;
        using var doc = JsonDocument.Parse(ScoreReport.ToJson(result));
        var root = doc.RootElement;
        var groups = root.GetProperty(layout.GroupsField).EnumerateArray()
            .Select(g => (g.GetProperty("id").GetString()!, g.GetProperty("name").GetString()!, g.GetProperty(layout.LabelField).GetString()!)).ToArray();
        return new GroupResults(groups, root.GetProperty("overall").GetProperty(layout.LabelField).GetString()!);
    }

    private static string Text(ScoringModel model, AnswersFile file, Person[] people, GroupResults[] results, GroupResults agreed, TeamResult summary)
    {
        var layout = model.Presentation.Result;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Team self-assessment: {people.Length} {(people.Length == 1 ? "person" : "people")}, {file.Assessment.Id} ({model.Id} {model.Version})\n");
        text.Append(model.IsCqcMethod ? "Self-assessment — not a CQC rating\n" : "Self-assessment — CqcGuide's own model, not a CQC method or rating\n");
        text.Append(CultureInfo.InvariantCulture, $"\n{layout.BandHeading} by {layout.GroupLabel.ToLowerInvariant()}\n");
        void Row(string label, GroupResults r) =>
            text.Append("  ").Append(label).Append(": ").Append(string.Join("; ", r.Groups.Select(g => $"{g.Name} {g.Label}"))).Append("; overall ").Append(r.Overall).Append('\n');
        for (var i = 0; i < people.Length; i++) Row($"{people[i].Role} ({Path.GetFileName(people[i].Path)})", results[i]);
        Row("Median answers", agreed);
        if (summary.Baseline is { } shared)
            text.Append(CultureInfo.InvariantCulture, $"  (the median answers keep the last published scores every file shares{(shared.PublishedOn is { } on ? $", from {on}" : "")})\n");
        else if (summary.BaselinesDiffer)
            text.Append("  (the files start from different last published scores, so the median answers have none: \"keep the last published score\" counts as not assessed)\n");
        text.Append(CultureInfo.InvariantCulture, $"\nQuestions to discuss: {summary.Discuss} of {summary.Items.Length}\n");
        foreach (var item in summary.Items.Where(i => i.Discuss))
            text.Append("  ").Append(item.Id).Append(": ").Append(string.Join(" ", item.Reasons.Select(r => r.Text))).Append('\n');
        text.Append("\nEvery question (people per answer; median; range)\n");
        foreach (var item in summary.Items)
        {
            var counts = item.Scores.Concat(item.Other).Where(c => c.Count > 0).Select(c => $"{c.Value}:{c.Count}");
            if (item.Unanswered > 0) counts = counts.Append($"no answer:{item.Unanswered}");
            text.Append("  ").Append(item.Id).Append(item.Discuss ? " [discuss]" : "").Append(": ").Append(string.Join(" ", counts))
                .Append("; median ").Append(item.Median ?? "none")
                .Append("; range ").Append(item.Lowest is null ? "none" : item.Lowest == item.Highest ? item.Lowest : $"{item.Lowest}-{item.Highest}").Append('\n');
        }
        return text.ToString();
    }

    private static string Json(AnswersFile file, Person[] people, GroupResults[] results, GroupResults agreed, TeamResult summary)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, IndentSize = 2, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            void Result(GroupResults r)
            {
                w.WriteStartArray("groups");
                foreach (var g in r.Groups)
                {
                    w.WriteStartObject();
                    w.WriteString("id", g.Id);
                    w.WriteString("name", g.Name);
                    w.WriteString("label", g.Label);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteString("overall", r.Overall);
            }
            w.WriteStartObject();
            w.WriteStartObject("assessment");
            w.WriteString("id", file.Assessment.Id);
            w.WriteString("version", file.Assessment.Version);
            w.WriteEndObject();
            w.WriteStartObject("model");
            w.WriteString("id", file.Model.Id);
            w.WriteString("version", file.Model.Version);
            w.WriteEndObject();
            w.WriteStartArray("people");
            for (var i = 0; i < people.Length; i++)
            {
                w.WriteStartObject();
                w.WriteString("role", people[i].Role);
                w.WriteString("file", people[i].Path);
                Result(results[i]);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("medianAnswers");
            Result(agreed);
            w.WriteEndObject();
            w.WritePropertyName("team");
            using (var team = JsonDocument.Parse(ScoreReport.ToJson(summary)))
                team.RootElement.WriteTo(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
