using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;

namespace CqcGuide.Site.Sections.Journal;

/// <summary>
/// The JSON Schema of a learning log's front matter, generated from the same C# records the build binds
/// (<see cref="LearningLogFrontMatter"/>), so the schema editors validate against can never drift from the build.
/// Published at <c>/schemas/learning-log.schema.json</c> and kept in the repository at <c>schemas/</c>.
/// </summary>
public static class LogSchema
{
    public static string Json { get; } = Generate();

    private static string Generate()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        var schema = options.GetJsonSchemaAsNode(typeof(LearningLogFrontMatter), new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                if (node is not JsonObject o) return node;
                if (context.PropertyInfo?.Name == "occurred")
                {
                    o["pattern"] = "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$";
                    o["description"] = "YYYY-MM-DD, or YYYY-MM when only the month is known (then occurred_precision: month).";
                }
                if (context.TypeInfo.Type == typeof(DateOnly) || context.TypeInfo.Type == typeof(DateOnly?))
                    o["format"] = "date";
                if (context.PropertyInfo?.DeclaringType == typeof(CandourOutcomes)
                    && CqcGuide.Rules.LearningLogs.LogFormat.Outcomes.All.FirstOrDefault(q => q.Key == context.PropertyInfo.Name) is { } question)
                    o["description"] = $"Regulation 20(9): {question.Label}. {question.Hint}. Answer yes, no or unknown (unknown counts as yes until a health care professional has decided).";
                if (context.PropertyInfo?.DeclaringType == typeof(DutyOfCandour) && context.PropertyInfo.Name is "applies" or "completed")
                {
                    o["deprecated"] = true;
                    o["description"] = context.PropertyInfo.Name == "applies"
                        ? "No longer used: the Regulation 20(9) answers under 'outcomes' decide whether the duty of candour applies. The build reports it so a log can be migrated."
                        : "No longer used: write the date as 'written_notification', and add 'notified_in_person'. The build reports it so a log can be migrated.";
                }
                return node;
            },
        });
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://cqcguide.example/schemas/learning-log.schema.json",
            ["title"] = "CqcGuide learning log (front matter)",
            ["description"] = "The YAML front matter of a learning log in input/journal/. Generated from the C# records the build uses; see docs/content-spec.md.",
        };
        foreach (var (key, value) in schema.AsObject().ToArray())
        {
            schema.AsObject().Remove(key);
            root[key] = value;
        }
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
