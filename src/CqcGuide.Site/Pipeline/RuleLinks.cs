using System.Text.RegularExpressions;
using CqcGuide.Rules;

namespace CqcGuide.Site.Pipeline;

/// <summary>The site pages a rules model's findings and flags link to (e.g. <c>/guidance/common-pitfalls/#quick-fixes</c>).</summary>
public static partial class RuleLinks
{
    public static IReadOnlyList<string> Of(RuleModel model) =>
        GuidancePathRegex().Matches(model.Module).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex("\"(/guidance/[^\"#]*(?:#[^\"]*)?)\"")]
    private static partial Regex GuidancePathRegex();
}
