using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CqcGuide.Rules;

/// <summary>One answer: the chosen value (always a string, e.g. "3" or "not-assessed") and an optional note.</summary>
public sealed record Answer(string Value, string? Note);

/// <summary>Scoring options carried in the answers file. Null means "the model's default".</summary>
public sealed record ScoreOptions(bool? ApplyLimiters);

/// <summary>
/// The scores of CQC's last published report, one per quality statement ("1"–"4"), that a self-assessment starts from:
/// a statement not re-assessed keeps its baseline score in the totals, as CQC keeps the previous scores of statements it
/// does not look at again.
/// </summary>
/// <param name="PublishedOn">The date the report was published (YYYY-MM-DD), if given.</param>
/// <param name="Scores">Statement id → its published score, "1" to "4".</param>
public sealed record AnswersBaseline(string? PublishedOn, IReadOnlyDictionary<string, string> Scores);

/// <summary>
/// One item of the improvement plan kept with the answers: what the team will do, why, which role owns it, when it is
/// due, how they will know it worked, and its status (a log action's statuses: planned, in-progress, done, dropped).
/// </summary>
/// <param name="Id">Stable within the file (<see cref="LearningLogs.ImprovementPlan.Format"/>'s id pattern), e.g. "p1".</param>
/// <param name="Statement">The question (quality statement) it answers, or null for an item of the team's own.</param>
/// <param name="Due">YYYY-MM-DD, or null.</param>
/// <param name="Completed">YYYY-MM-DD, or null: the day it was marked done.</param>
public sealed record PlanItem(string Id, string? Statement, string What, string? Why, string? Owner, string? Due, string? Completed, string? Measure, string Status);

/// <summary>A problem found while reading an answers file: JSON path, 1-based line and column, and a message.</summary>
public sealed record AnswersError(string Path, int Line, int Column, string Message)
{
    public override string ToString() => $"{Line}:{Column}: {Path}: {Message}";
}

/// <summary>The outcome of <see cref="AnswersFile.Parse"/>: a file, or the list of every problem found.</summary>
public sealed record AnswersParseResult(AnswersFile? File, IReadOnlyList<AnswersError> Errors)
{
    public bool Success => File is not null && Errors.Count == 0;

    /// <summary>The format the file was written in when it was older than <see cref="AnswersFile.FormatId"/> (it has been migrated), else null.</summary>
    public string? MigratedFrom { get; init; }
}

/// <summary>
/// A saved self-assessment: <c>"format": "cqcguide.answers/2"</c>, the assessment and scoring model (id and version),
/// timestamps, a revision counter, the answers (question id → value and note), options and, for models that start from
/// CQC's last published scores, a baseline. This is the envelope the browser stores and exports, and the input of
/// <see cref="ScoringModel.Score"/> and of the JavaScript <c>score()</c>. Files in the older format
/// <c>cqcguide.answers/1</c> (the same, without a baseline) are read and migrated.
/// </summary>
public sealed record AnswersFile(
    string Format,
    ModelRef Assessment,
    ModelRef Model,
    string CreatedAt,
    string UpdatedAt,
    int Revision,
    IReadOnlyDictionary<string, Answer> Answers,
    ScoreOptions? Options)
{
    public const string FormatId = "cqcguide.answers/2";

    /// <summary>The first format: the same envelope without a baseline. <see cref="Parse"/> migrates it to <see cref="FormatId"/>.</summary>
    public const string FormatV1 = "cqcguide.answers/1";

    /// <summary>The last published scores the answers start from, or null (only models whose presentation has a baseline accept one).</summary>
    public AnswersBaseline? Baseline { get; init; }

    /// <summary>
    /// Answers to the assessment's own extra questions (e.g. "What will you do to improve this?"): kept and exported
    /// with the file, never scored, and not checked against the model.
    /// </summary>
    public IReadOnlyDictionary<string, Answer> Extra { get; init; } = new Dictionary<string, Answer>();

    /// <summary>The improvement plan kept with the answers, in the team's order (empty when there is none).</summary>
    public IReadOnlyList<PlanItem> Plan { get; init; } = [];

    /// <summary>Largest accepted file, in characters.</summary>
    public const int MaxLength = 2_000_000;

    /// <summary>The JSON Schema (draft 2020-12) of the format; the same text as <c>schemas/answers.schema.json</c>.</summary>
    public static string Schema => schema.Value;

    private static readonly Lazy<string> schema = new(() =>
    {
        using var stream = typeof(AnswersFile).Assembly.GetManifestResourceStream("CqcGuide.Rules.answers.schema.json")
            ?? throw new InvalidOperationException("The answers schema resource is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    /// <summary>Reads and validates an answers file against the format and the named scoring model.</summary>
    public static AnswersParseResult Parse(string json) => AnswersParser.Parse(json);

    /// <summary>Writes the file back as JSON with a stable key order (answers sorted by question id).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, IndentSize = 2, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            WriteRef(w, "assessment", Assessment);
            WriteRef(w, "model", Model);
            w.WriteString("createdAt", CreatedAt);
            w.WriteString("updatedAt", UpdatedAt);
            w.WriteNumber("revision", Revision);
            w.WriteStartObject("answers");
            foreach (var (id, answer) in Answers.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                w.WriteStartObject(id);
                w.WriteString("value", answer.Value);
                if (answer.Note is not null)
                    w.WriteString("note", answer.Note);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            if (Extra.Count > 0)
            {
                w.WriteStartObject("extra");
                foreach (var (id, answer) in Extra.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    w.WriteStartObject(id);
                    w.WriteString("value", answer.Value);
                    if (answer.Note is not null)
                        w.WriteString("note", answer.Note);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            if (Baseline is not null)
            {
                w.WriteStartObject("baseline");
                if (Baseline.PublishedOn is not null)
                    w.WriteString("publishedOn", Baseline.PublishedOn);
                w.WriteStartObject("scores");
                foreach (var (id, score) in Baseline.Scores.OrderBy(a => a.Key, StringComparer.Ordinal))
                    w.WriteString(id, score);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            if (Plan.Count > 0)
            {
                w.WriteStartArray("plan");
                foreach (var item in Plan)
                {
                    w.WriteStartObject();
                    w.WriteString("id", item.Id);
                    if (item.Statement is not null) w.WriteString("statement", item.Statement);
                    w.WriteString("what", item.What);
                    if (item.Why is not null) w.WriteString("why", item.Why);
                    if (item.Owner is not null) w.WriteString("owner", item.Owner);
                    if (item.Due is not null) w.WriteString("due", item.Due);
                    if (item.Completed is not null) w.WriteString("completed", item.Completed);
                    if (item.Measure is not null) w.WriteString("measure", item.Measure);
                    w.WriteString("status", item.Status);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            if (Options is not null)
            {
                w.WriteStartObject("options");
                if (Options.ApplyLimiters is { } apply)
                    w.WriteBoolean("applyLimiters", apply);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteRef(Utf8JsonWriter w, string name, ModelRef value)
    {
        w.WriteStartObject(name);
        w.WriteString("id", value.Id);
        w.WriteString("version", value.Version);
        w.WriteEndObject();
    }
}

/// <summary>A small position-aware JSON tree, so errors can name a line and column and duplicate keys are seen.</summary>
internal sealed class JNode
{
    public JsonTokenType Kind;
    public string? Text;
    public List<(string Key, JNode Value)>? Properties;
    public List<JNode>? Items;
    public int Line;
    public int Column;

    public string KindName => Kind switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => Kind.ToString(),
    };
}

internal static partial class AnswersParser
{
    private static readonly string[] TopLevel = ["format", "assessment", "model", "createdAt", "updatedAt", "revision", "answers", "extra", "options", "baseline", "plan"];

    private static readonly string[] PlanFields = ["id", "statement", "what", "why", "owner", "due", "completed", "measure", "status"];

    /// <summary>The scores a baseline may hold: CQC's 1–4.</summary>
    private static readonly string[] BaselineScores = ["1", "2", "3", "4"];

    public static AnswersParseResult Parse(string json)
    {
        var errors = new List<AnswersError>();
        if (json.Length > AnswersFile.MaxLength)
        {
            errors.Add(new("$", 1, 1, $"The file is too large ({json.Length:N0} characters; the limit is {AnswersFile.MaxLength:N0})."));
            return new(null, errors);
        }
        JNode root;
        try
        {
            root = Read(json);
        }
        catch (JsonException e)
        {
            errors.Add(new("$", (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "This is not valid JSON: " + FirstSentence(e.Message)));
            return new(null, errors);
        }
        catch (InvalidOperationException e)
        {
            // A string System.Text.Json cannot decode, such as an escaped lone surrogate ("\ud83d").
            errors.Add(new("$", 1, 1, "This is not valid JSON: " + FirstSentence(e.Message)));
            return new(null, errors);
        }

        var file = Validate(root, errors, out var migratedFrom);
        return errors.Count == 0 ? new(file, errors) { MigratedFrom = migratedFrom } : new(null, errors);
    }

    /// <summary>System.Text.Json's message without its own position ("LineNumber: 3 | BytePositionInLine: 0.", " Path: $"):
    /// the error already gives the line and column.</summary>
    private static string FirstSentence(string message)
    {
        var cut = new[] { " Path:", " LineNumber:" }.Select(m => message.IndexOf(m, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(message.Length).Min();
        return message[..cut];
    }

    private static AnswersFile? Validate(JNode root, List<AnswersError> errors, out string? migratedFrom)
    {
        migratedFrom = null;
        if (root.Kind != JsonTokenType.StartObject)
        {
            Error(errors, "$", root, $"An answers file must be a JSON object, not {root.KindName}.");
            return null;
        }
        var props = Properties(root, "$", errors, TopLevel);

        string? format = RequiredString(props, root, "$", "format", errors);
        if (format is not null && format != AnswersFile.FormatId && format != AnswersFile.FormatV1)
        {
            Error(errors, "$.format", props["format"], format.StartsWith("cqcguide.answers/", StringComparison.Ordinal)
                ? $"Format \"{format}\" is not supported; this version of CqcGuide reads \"{AnswersFile.FormatId}\" (and migrates \"{AnswersFile.FormatV1}\")."
                : $"This is not a CqcGuide answers file: \"format\" must be \"{AnswersFile.FormatId}\", not \"{format}\".");
            return null;
        }
        if (format == AnswersFile.FormatV1)
        {
            // Version 1 is version 2 without a baseline: migrate it.
            migratedFrom = format;
            format = AnswersFile.FormatId;
            if (props.TryGetValue("baseline", out var early))
                Error(errors, "$.baseline", early, $"\"baseline\" needs \"format\": \"{AnswersFile.FormatId}\"; \"{AnswersFile.FormatV1}\" files have no baseline.");
        }

        var assessment = Ref(props, root, "$", "assessment", errors);
        var modelRef = Ref(props, root, "$", "model", errors);
        var createdAt = Timestamp(props, root, "createdAt", errors);
        var updatedAt = Timestamp(props, root, "updatedAt", errors);

        int revision = 0;
        if (!props.TryGetValue("revision", out var revisionNode))
            Error(errors, "$", root, "\"revision\" is missing (a whole number, 0 or more).");
        else if (revisionNode.Kind != JsonTokenType.Number || !int.TryParse(revisionNode.Text, NumberStyles.None, CultureInfo.InvariantCulture, out revision))
            Error(errors, "$.revision", revisionNode, $"\"revision\" must be a whole number, 0 or more, not {Describe(revisionNode)}.");

        ScoringModel? model = null;
        if (modelRef is not null)
        {
            var known = Models.Find(modelRef.Id);
            if (known is null)
            {
                var hint = Domain.Nearest.Find(modelRef.Id, Models.All.Select(m => m.Id));
                Error(errors, "$.model.id", props["model"], $"Unknown scoring model \"{modelRef.Id}\"."
                    + (hint is null ? $" Known models: {string.Join(", ", Models.Scoring.Select(m => m.Id))}." : $" Did you mean \"{hint}\"?"));
            }
            else if (known is not ScoringModel scoring)
                Error(errors, "$.model.id", props["model"], $"Model \"{known.Id}\" checks learning logs; it does not score answers files.");
            else if (Major(modelRef.Version) != Major(scoring.Version))
                Error(errors, "$.model.version", props["model"], $"These answers were written for {scoring.Id} version {modelRef.Version}; this build has version {scoring.Version}, which is not compatible.");
            else
                model = scoring;
        }

        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
        if (!props.TryGetValue("answers", out var answersNode))
            Error(errors, "$", root, "\"answers\" is missing (an object of question id → { \"value\": ..., \"note\": ... }).");
        else if (answersNode.Kind != JsonTokenType.StartObject)
            Error(errors, "$.answers", answersNode, $"\"answers\" must be an object, not {answersNode.KindName}.");
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (id, node) in answersNode.Properties!)
            {
                var path = Path(id);
                if (!seen.Add(id))
                {
                    Error(errors, path, node, $"Question \"{id}\" is answered more than once.");
                    continue;
                }
                var answer = ReadAnswer(node, path, errors);
                if (answer is null)
                    continue;
                if (model is not null)
                {
                    var item = model.FindItem(id);
                    if (item is null)
                    {
                        var hint = Domain.Nearest.Find(id, model.Items.Select(i => i.QuestionId));
                        Error(errors, path, node, $"\"{id}\" is not a question of {model.Id}." + (hint is null ? "" : $" Did you mean \"{hint}\"?"));
                        continue;
                    }
                    if (!item.AllowedValues.Contains(answer.Value, StringComparer.Ordinal))
                    {
                        Error(errors, path + ".value", node, $"\"{answer.Value}\" is not an allowed answer to \"{id}\". Allowed: {string.Join(", ", item.AllowedValues.Select(v => "\"" + v + "\""))}.");
                        continue;
                    }
                }
                answers[id] = answer;
            }
        }

        var extra = new Dictionary<string, Answer>(StringComparer.Ordinal);
        if (props.TryGetValue("extra", out var extraNode))
        {
            if (extraNode.Kind != JsonTokenType.StartObject)
                Error(errors, "$.extra", extraNode, $"\"extra\" must be an object, not {extraNode.KindName}.");
            else
            {
                foreach (var (id, node) in extraNode.Properties!)
                {
                    var path = $"$.extra[{JsonString(id)}]";
                    if (extra.ContainsKey(id))
                    {
                        Error(errors, path, node, $"Question \"{id}\" is answered more than once.");
                        continue;
                    }
                    if (ReadAnswer(node, path, errors) is { } answer) extra[id] = answer;
                }
            }
        }

        ScoreOptions? options = null;
        if (props.TryGetValue("options", out var optionsNode))
        {
            if (optionsNode.Kind != JsonTokenType.StartObject)
                Error(errors, "$.options", optionsNode, $"\"options\" must be an object, not {optionsNode.KindName}.");
            else
            {
                var o = Properties(optionsNode, "$.options", errors, ["applyLimiters"]);
                bool? apply = null;
                if (o.TryGetValue("applyLimiters", out var a))
                {
                    if (a.Kind is JsonTokenType.True or JsonTokenType.False)
                        apply = a.Kind == JsonTokenType.True;
                    else if (a.Kind != JsonTokenType.Null)
                        Error(errors, "$.options.applyLimiters", a, $"\"applyLimiters\" must be true or false, not {Describe(a)}.");
                }
                options = new ScoreOptions(apply);
            }
        }

        AnswersBaseline? baseline = null;
        if (migratedFrom is null && props.TryGetValue("baseline", out var baselineNode))
            baseline = ReadBaseline(baselineNode, modelRef, model, errors);

        var plan = props.TryGetValue("plan", out var planNode) ? ReadPlan(planNode, model, errors) : [];

        if (errors.Count > 0 || format is null || assessment is null || modelRef is null || createdAt is null || updatedAt is null)
            return null;
        return new AnswersFile(format, assessment, modelRef, createdAt, updatedAt, revision, answers, options) { Extra = extra, Baseline = baseline, Plan = plan };
    }

    private static AnswersBaseline? ReadBaseline(JNode node, ModelRef? modelRef, ScoringModel? model, List<AnswersError> errors)
    {
        if (node.Kind != JsonTokenType.StartObject)
        {
            Error(errors, "$.baseline", node, $"\"baseline\" must be an object such as {{ \"publishedOn\": \"2026-03-14\", \"scores\": {{ \"safe.learning-culture\": \"2\" }} }}, not {node.KindName}.");
            return null;
        }
        if (model is not null && model.Presentation.Baseline is null)
        {
            Error(errors, "$.baseline", node, $"Model \"{model.Id}\" does not start from published scores, so its answers cannot have a baseline.");
            return null;
        }
        var p = Properties(node, "$.baseline", errors, ["publishedOn", "scores"]);
        string? publishedOn = null;
        if (p.TryGetValue("publishedOn", out var on))
        {
            if (on.Kind == JsonTokenType.String && DateOnly.TryParseExact(on.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                publishedOn = on.Text;
            else if (on.Kind != JsonTokenType.Null)
                Error(errors, "$.baseline.publishedOn", on, $"\"publishedOn\" must be a date written YYYY-MM-DD, such as \"2026-03-14\", not {Describe(on)}.");
        }
        var scores = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!p.TryGetValue("scores", out var scoresNode))
            Error(errors, "$.baseline", node, "\"scores\" is missing (an object of statement id → published score, \"1\" to \"4\").");
        else if (scoresNode.Kind != JsonTokenType.StartObject)
            Error(errors, "$.baseline.scores", scoresNode, $"\"scores\" must be an object of statement id → published score, not {scoresNode.KindName}.");
        else
        {
            foreach (var (id, value) in scoresNode.Properties!)
            {
                var path = $"$.baseline.scores[{JsonString(id)}]";
                if (scores.ContainsKey(id))
                {
                    Error(errors, path, value, $"Statement \"{id}\" has more than one baseline score.");
                    continue;
                }
                if (model is not null && model.FindItem(id) is null)
                {
                    var hint = Domain.Nearest.Find(id, model.Items.Select(i => i.QuestionId));
                    Error(errors, path, value, $"\"{id}\" is not a statement of {model.Id}." + (hint is null ? "" : $" Did you mean \"{hint}\"?"));
                    continue;
                }
                if (value.Kind != JsonTokenType.String || !BaselineScores.Contains(value.Text, StringComparer.Ordinal))
                {
                    Error(errors, path, value, $"A published score is \"1\", \"2\", \"3\" or \"4\", not {Describe(value)}.");
                    continue;
                }
                scores[id] = value.Text!;
            }
        }
        return modelRef is null ? null : new AnswersBaseline(publishedOn, scores);
    }

    private static List<PlanItem> ReadPlan(JNode node, ScoringModel? model, List<AnswersError> errors)
    {
        var format = LearningLogs.ImprovementPlan.Format;
        var items = new List<PlanItem>();
        if (node.Kind != JsonTokenType.StartArray)
        {
            Error(errors, "$.plan", node, $"\"plan\" must be a list of plan items, not {node.KindName}.");
            return items;
        }
        if (node.Items!.Count > format.MaxItems)
        {
            Error(errors, "$.plan", node, $"The plan has {node.Items.Count} items; the limit is {format.MaxItems}.");
            return items;
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var statuses = format.Statuses.Select(o => o.Value).ToArray();
        for (var i = 0; i < node.Items.Count; i++)
        {
            var item = node.Items[i];
            var path = $"$.plan[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (item.Kind != JsonTokenType.StartObject)
            {
                Error(errors, path, item, $"A plan item must be an object with \"id\", \"what\" and \"status\", not {item.KindName}.");
                continue;
            }
            var p = Properties(item, path, errors, PlanFields);
            var before = errors.Count;
            string? Text(string name, int max, bool required = false)
            {
                if (!p.TryGetValue(name, out var v) || v.Kind == JsonTokenType.Null)
                {
                    if (required) Error(errors, path, item, $"The plan item has no \"{name}\".");
                    return null;
                }
                if (v.Kind != JsonTokenType.String)
                    Error(errors, $"{path}.{name}", v, $"\"{name}\" must be a string, not {Describe(v)}.");
                else if (required && string.IsNullOrWhiteSpace(v.Text))
                    Error(errors, $"{path}.{name}", v, $"\"{name}\" must not be empty.");
                else if (v.Text!.Length > max)
                    Error(errors, $"{path}.{name}", v, $"\"{name}\" is {v.Text.Length:N0} characters long; the limit is {max:N0}.");
                else
                    return v.Text;
                return null;
            }
            string? Day(string name)
            {
                var text = Text(name, 10);
                if (text is not null && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    Error(errors, $"{path}.{name}", p[name], $"\"{name}\" must be a date written YYYY-MM-DD, such as \"2027-03-31\", not \"{text}\".");
                    return null;
                }
                return text;
            }
            var id = Text("id", 40, required: true);
            // (.NET's "$" also matches before a final newline: the id must be the whole match, as in JavaScript.)
            if (id is not null && Regex.Match(id, format.IdPattern, RegexOptions.CultureInvariant) is var m && (!m.Success || m.Length != id.Length))
                Error(errors, path + ".id", p["id"], $"\"id\" must be lower-case letters, digits and dashes (up to 40), such as \"p1\", not \"{id}\".");
            else if (id is not null && !ids.Add(id))
                Error(errors, path + ".id", p["id"], $"Plan item \"{id}\" appears more than once.");
            var statement = Text("statement", 200);
            if (statement is not null && model is not null && model.FindItem(statement) is null)
            {
                var hint = Domain.Nearest.Find(statement, model.Items.Select(m => m.QuestionId));
                Error(errors, path + ".statement", p["statement"], $"\"{statement}\" is not a question of {model.Id}." + (hint is null ? "" : $" Did you mean \"{hint}\"?"));
            }
            var what = Text("what", format.MaxWhat, required: true);
            var why = Text("why", format.MaxText);
            var owner = Text("owner", format.MaxOwner);
            var due = Day("due");
            var completed = Day("completed");
            var measure = Text("measure", format.MaxText);
            var status = Text("status", 20, required: true);
            if (status is not null && !statuses.Contains(status, StringComparer.Ordinal))
                Error(errors, path + ".status", p["status"], $"\"{status}\" is not a plan item status. Allowed: {string.Join(", ", statuses.Select(v => "\"" + v + "\""))}.");
            if (errors.Count == before && id is not null && what is not null && status is not null)
                items.Add(new PlanItem(id, statement, what, why, owner, due, completed, measure, status));
        }
        return items;
    }

    private static Answer? ReadAnswer(JNode node, string path, List<AnswersError> errors)
    {
        if (node.Kind != JsonTokenType.StartObject)
        {
            Error(errors, path, node, $"An answer must be an object such as {{ \"value\": \"3\", \"note\": \"...\" }}, not {node.KindName}.");
            return null;
        }
        var p = Properties(node, path, errors, ["value", "note"]);
        string? value = null, note = null;
        if (!p.TryGetValue("value", out var v))
            Error(errors, path, node, "The answer has no \"value\".");
        else if (v.Kind != JsonTokenType.String)
            Error(errors, path + ".value", v, $"\"value\" must be a string (for example \"3\"), not {Describe(v)}.");
        else
            value = v.Text;
        if (p.TryGetValue("note", out var n))
        {
            if (n.Kind == JsonTokenType.String)
                note = n.Text;
            else if (n.Kind != JsonTokenType.Null)
                Error(errors, path + ".note", n, $"\"note\" must be a string, not {Describe(n)}.");
        }
        return value is null ? null : new Answer(value, note);
    }

    private static string? Timestamp(Dictionary<string, JNode> props, JNode parent, string name, List<AnswersError> errors)
    {
        var s = RequiredString(props, parent, "$", name, errors);
        if (s is null)
            return null;
        if (!IsoTimestamp().IsMatch(s) || !DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
        {
            Error(errors, "$." + name, props[name], $"\"{name}\" must be an ISO 8601 date and time such as \"2025-03-01T09:30:00Z\", not \"{s}\".");
            return null;
        }
        return s;
    }

    private static ModelRef? Ref(Dictionary<string, JNode> props, JNode parent, string path, string name, List<AnswersError> errors)
    {
        if (!props.TryGetValue(name, out var node))
        {
            Error(errors, path, parent, $"\"{name}\" is missing (an object with \"id\" and \"version\").");
            return null;
        }
        if (node.Kind != JsonTokenType.StartObject)
        {
            Error(errors, $"{path}.{name}", node, $"\"{name}\" must be an object with \"id\" and \"version\", not {node.KindName}.");
            return null;
        }
        var p = Properties(node, $"{path}.{name}", errors, ["id", "version"]);
        var id = RequiredString(p, node, $"{path}.{name}", "id", errors);
        var version = RequiredString(p, node, $"{path}.{name}", "version", errors);
        if (id is not null && id.Length == 0)
        {
            Error(errors, $"{path}.{name}.id", p["id"], $"\"{name}.id\" must not be empty.");
            return null;
        }
        if (version is not null && !Semver().IsMatch(version))
        {
            Error(errors, $"{path}.{name}.version", p["version"], $"\"{name}.version\" must be a version such as \"1.0.0\", not \"{version}\".");
            return null;
        }
        return id is null || version is null ? null : new ModelRef(id, version);
    }

    private static string? RequiredString(Dictionary<string, JNode> props, JNode parent, string path, string name, List<AnswersError> errors)
    {
        if (!props.TryGetValue(name, out var node))
        {
            Error(errors, path, parent, $"\"{name}\" is missing.");
            return null;
        }
        if (node.Kind != JsonTokenType.String)
        {
            Error(errors, $"{path}.{name}", node, $"\"{name}\" must be a string, not {Describe(node)}.");
            return null;
        }
        return node.Text;
    }

    /// <summary>Properties by name; reports duplicates and unknown names.</summary>
    private static Dictionary<string, JNode> Properties(JNode obj, string path, List<AnswersError> errors, string[] known)
    {
        var result = new Dictionary<string, JNode>(StringComparer.Ordinal);
        foreach (var (key, value) in obj.Properties!)
        {
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                var hint = Domain.Nearest.Find(key, known);
                Error(errors, path, value, $"Unknown property \"{key}\"." + (hint is null ? "" : $" Did you mean \"{hint}\"?"));
                continue;
            }
            if (!result.TryAdd(key, value))
                Error(errors, $"{path}.{key}", value, $"\"{key}\" appears more than once.");
        }
        return result;
    }

    private static string Describe(JNode node) => node.Kind switch
    {
        JsonTokenType.String => $"the string \"{node.Text}\"",
        JsonTokenType.Number => $"the number {node.Text}",
        _ => node.KindName,
    };

    private static string JsonString(string s) => JsonSerializer.Serialize(s, RulesJson.Compact);

    // Most ids are plain (letters, digits, dots, dashes and slashes) and need no JSON escaping.
    private static string Path(string id) =>
        id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '/' or '_') ? "$.answers[\"" + id + "\"]" : $"$.answers[{JsonString(id)}]";

    private static int Major(string version) =>
        int.TryParse(version.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : -1;

    private static void Error(List<AnswersError> errors, string path, JNode at, string message) =>
        errors.Add(new AnswersError(path, at.Line, at.Column, message));

    private static JNode Read(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n')
                lineStarts.Add(i + 1);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        if (!reader.Read())
            throw new JsonException("The file is empty.", null, 0, 0);
        var root = ReadValue(ref reader, bytes, lineStarts);
        if (reader.Read())
            throw new JsonException("There is more text after the end of the JSON value.", null, 0, 0);
        return root;
    }

    private static JNode ReadValue(ref Utf8JsonReader reader, byte[] bytes, List<int> lineStarts)
    {
        var node = new JNode { Kind = reader.TokenType };
        Position(bytes, lineStarts, (int)reader.TokenStartIndex, out node.Line, out node.Column);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                node.Properties = [];
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    node.Properties.Add((key, ReadValue(ref reader, bytes, lineStarts)));
                }
                break;
            case JsonTokenType.StartArray:
                node.Items = [];
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    node.Items.Add(ReadValue(ref reader, bytes, lineStarts));
                break;
            case JsonTokenType.String:
                node.Text = reader.GetString();
                break;
            case JsonTokenType.Number:
                node.Text = Encoding.UTF8.GetString(reader.ValueSpan);
                break;
        }
        return node;
    }

    private static void Position(byte[] bytes, List<int> lineStarts, int offset, out int line, out int column)
    {
        var index = lineStarts.BinarySearch(offset);
        if (index < 0)
            index = ~index - 1;
        line = index + 1;
        column = 1;
        for (var i = lineStarts[index]; i < offset; i++)
            if ((bytes[i] & 0xC0) != 0x80)
                column++;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoTimestamp();

    [GeneratedRegex(@"^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$")]
    private static partial Regex Semver();
}
