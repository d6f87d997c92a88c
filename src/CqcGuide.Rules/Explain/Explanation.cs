using System.Text;
using System.Text.Json;

namespace CqcGuide.Rules;

/// <summary>One rule, explained: what it says, how much authority it has, and where it comes from.</summary>
/// <param name="Kind">"published", "interpretation", "unverified" or "own-method".</param>
/// <param name="KindLabel">The kind in plain words, e.g. "Our interpretation".</param>
public sealed record RuleExplanation(
    string Name,
    string Kind,
    string KindLabel,
    string Description,
    string? InterpretationName,
    string? InterpretationWhy,
    IReadOnlyList<RuleSource> Sources);

/// <summary>
/// A structured explanation of a model: what the site's "How scoring works" page and
/// <c>cqcguide rules explain &lt;id&gt;</c> both render.
/// </summary>
public sealed record Explanation(
    string ModelId,
    string Version,
    string Title,
    string Summary,
    bool IsCqcMethod,
    IReadOnlyList<RuleExplanation> Rules)
{
    public static Explanation Of(RuleModel model) => new(
        model.Id,
        model.Version,
        model.Title,
        model.Summary,
        model.IsCqcMethod,
        model.Rules.Select(Of).ToArray());

    public static RuleExplanation Of(Rule rule) => new(
        rule.Name,
        KindId(rule.Kind),
        KindLabel(rule.Kind, rule.Publisher),
        rule.Description,
        rule.Interpretation?.Name,
        rule.Interpretation?.Why,
        rule.Sources);

    public static string KindId(RuleKind kind) => kind switch
    {
        RuleKind.Published => "published",
        RuleKind.Interpretation => "interpretation",
        RuleKind.Unverified => "unverified",
        RuleKind.OwnMethod => "own-method",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string KindLabel(RuleKind kind) => KindLabel(kind, Rule.Cqc);

    /// <summary>The kind in plain words, naming the rule's publisher (CQC for the CQC models).</summary>
    public static string KindLabel(RuleKind kind, string publisher) => kind switch
    {
        RuleKind.Published => $"Published by {publisher}",
        RuleKind.Interpretation => $"Our interpretation ({publisher} is silent or ambiguous)",
        RuleKind.Unverified => $"Unverified (reported by third parties, not confirmed by {publisher})",
        RuleKind.OwnMethod => "CqcGuide's own method (not a CQC rule)",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The explanation as camelCase JSON.</summary>
    public static string ToJson(Explanation explanation) => JsonSerializer.Serialize(explanation, RulesJson.Options) + "\n";

    /// <summary>The explanation as plain text, wrapped at 100 columns.</summary>
    public static string ToText(Explanation e)
    {
        var text = new StringBuilder();
        text.Append(e.Title).Append(" (").Append(e.ModelId).Append(' ').Append(e.Version).Append(")\n");
        text.Append(new string('=', Math.Min(100, e.Title.Length + e.ModelId.Length + e.Version.Length + 4))).Append('\n');
        text.Append('\n');
        Wrap(text, e.Summary, "");
        text.Append('\n');
        Wrap(text, e.IsCqcMethod
            ? "Each rule below says whether CQC publishes it, whether it is our interpretation where CQC is silent or ambiguous, or whether it is reported only by third parties."
            : "This is CqcGuide's own model. It is not a CQC method and its results are not CQC ratings.", "");
        text.Append('\n');
        var n = 0;
        foreach (var rule in e.Rules)
        {
            n++;
            text.Append(n).Append(". ").Append(rule.Name).Append(" — ").Append(rule.KindLabel).Append('\n');
            foreach (var paragraph in rule.Description.Split("\n\n"))
                Wrap(text, paragraph, "   ");
            if (rule.InterpretationName is not null)
                Wrap(text, $"Interpretation \"{rule.InterpretationName}\": {rule.InterpretationWhy}", "   ");
            if (rule.Sources.Count > 0)
            {
                text.Append("   Sources:\n");
                foreach (var source in rule.Sources)
                    text.Append("   - ").Append(source.Title).Append(source.Url is null ? "" : " <" + source.Url + ">").Append('\n');
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    internal static void Wrap(StringBuilder text, string paragraph, string indent, int width = 100)
    {
        var line = new StringBuilder(indent);
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > indent.Length && line.Length + 1 + word.Length > width)
            {
                text.Append(line).Append('\n');
                line.Clear().Append(indent);
            }
            if (line.Length > indent.Length)
                line.Append(' ');
            line.Append(word);
        }
        if (line.Length > indent.Length)
            text.Append(line).Append('\n');
    }
}
