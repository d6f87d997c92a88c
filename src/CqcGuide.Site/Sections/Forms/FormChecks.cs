using System.Text.RegularExpressions;
using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Sections.Forms;

/// <summary>A form definition that can be filled in: real ids used once, choices with answers, row tables with
/// columns, and a learning-log mapping that names fields the form has.</summary>
public static partial class FormChecks
{
    public static bool Check(ContentDocument doc, FormDefinition form, DiagnosticBag diagnostics)
    {
        var ok = true;
        void Error(string code, string message, string at, string? hint = null)
        {
            diagnostics.Error(code, message, doc.At(at), hint);
            ok = false;
        }
        if (!SemverRegex().IsMatch(form.Version))
            Error(Codes.InvalidForm, $"version '{form.Version}' must be written as x.y.z, e.g. \"1.0.0\"", "version", "saved answers record this version; bump it when fields change");
        if (form.Sections.Count == 0) Error(Codes.InvalidForm, "a form needs at least one section", "sections");
        var sections = new HashSet<string>(StringComparer.Ordinal);
        var fields = new Dictionary<string, FormField>(StringComparer.Ordinal);
        for (var s = 0; s < form.Sections.Count; s++)
        {
            var section = form.Sections[s];
            if (!IdRegex().IsMatch(section.Id)) Error(Codes.InvalidForm, $"section id '{section.Id}' cannot be used", $"sections[{s}].id", "use lower-case letters, digits and hyphens");
            if (!sections.Add(section.Id)) Error(Codes.DuplicateId, $"section id '{section.Id}' is used twice", $"sections[{s}].id");
            if (section.Fields.Count == 0) Error(Codes.InvalidForm, $"section '{section.Id}' has no fields", $"sections[{s}].fields");
            for (var f = 0; f < section.Fields.Count; f++)
            {
                var field = section.Fields[f];
                var at = $"sections[{s}].fields[{f}]";
                if (!IdRegex().IsMatch(field.Id)) Error(Codes.InvalidForm, $"field id '{field.Id}' cannot be used", at + ".id", "use lower-case letters, digits and hyphens");
                if (!fields.TryAdd(field.Id, field))
                    Error(Codes.DuplicateId, $"field id '{field.Id}' is used twice in this form", at + ".id", "answers are saved under the field id, so each must be unique in the form");
                CheckOptions(field.Type, field.Options, at, Error);
                if (field.Type == FieldType.Rows)
                {
                    if (field.Columns.Count == 0) Error(Codes.InvalidForm, $"'{field.Id}' is a table of rows but has no columns", at + ".columns", "add 'columns:' with an id, type and label for each");
                    if (field.StartRows is < 1 or > 20) Error(Codes.InvalidForm, $"start_rows must be between 1 and 20, not {field.StartRows}", at + ".start_rows");
                    var columns = new HashSet<string>(StringComparer.Ordinal);
                    for (var c = 0; c < field.Columns.Count; c++)
                    {
                        var column = field.Columns[c];
                        if (!IdRegex().IsMatch(column.Id)) Error(Codes.InvalidForm, $"column id '{column.Id}' cannot be used", $"{at}.columns[{c}].id");
                        if (!columns.Add(column.Id)) Error(Codes.DuplicateId, $"column id '{column.Id}' is used twice in '{field.Id}'", $"{at}.columns[{c}].id");
                        if (column.Type == FieldType.Rows) Error(Codes.InvalidForm, "a column cannot itself be a table of rows", $"{at}.columns[{c}].type");
                        CheckOptions(column.Type, column.Options, $"{at}.columns[{c}]", Error);
                    }
                }
                else if (field.Columns.Count > 0) Error(Codes.InvalidForm, $"only a table of rows has columns ('{field.Id}' is {Name(field.Type)})", at + ".columns");
            }
        }
        if (form.LearningLog is { } map)
        {
            foreach (var (key, id) in new[] { ("title", map.Title), ("summary", map.Summary), ("expected", map.Expected), ("actual", map.Actual), ("why_different", map.WhyDifferent), ("went_well", map.WentWell) })
                if (id is not null && !fields.ContainsKey(id))
                    Error(Codes.InvalidForm, $"learning_log.{key} names '{id}', which is not a field of this form", $"learning_log.{key}", "fields: " + string.Join(", ", fields.Keys));
            foreach (var (key, rows) in new[] { ("factors", map.Factors), ("actions", map.Actions) })
            {
                if (rows is null) continue;
                if (!fields.TryGetValue(rows.Field, out var table) || table.Type != FieldType.Rows)
                {
                    Error(Codes.InvalidForm, $"learning_log.{key}.field names '{rows.Field}', which is not a table of rows in this form", $"learning_log.{key}.field");
                    continue;
                }
                foreach (var (part, column) in rows.Columns())
                    if (!table.Columns.Any(c => c.Id == column))
                        Error(Codes.InvalidForm, $"learning_log.{key}.{part} names column '{column}', which '{rows.Field}' does not have", $"learning_log.{key}.{part}",
                            "columns: " + string.Join(", ", table.Columns.Select(c => c.Id)));
            }
        }
        ok &= Validation.QualityStatements(doc, form.QualityStatements, "quality_statements", diagnostics);
        return ok;
    }

    private static void CheckOptions(FieldType type, IReadOnlyList<string> options, string at, Action<string, string, string, string?> error)
    {
        if (type == FieldType.Choice)
        {
            if (options.Count < 2) error(Codes.InvalidForm, "a choice needs at least two options", at + ".options", "add 'options: [first, second]'");
            if (options.Any(string.IsNullOrWhiteSpace)) error(Codes.InvalidForm, "an option cannot be empty", at + ".options", null);
            if (options.Distinct(StringComparer.Ordinal).Count() != options.Count) error(Codes.DuplicateId, "an option is listed twice", at + ".options", null);
        }
        else if (options.Count > 0) error(Codes.InvalidForm, $"only a choice has options (this is {Name(type)})", at + ".options", "remove 'options', or set 'type: choice'");
    }

    public static string Name(FieldType type) => type switch
    {
        FieldType.LongText => "long-text", FieldType.YesNo => "yes-no", _ => type.ToString().ToLowerInvariant(),
    };

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemverRegex();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdRegex();
}
