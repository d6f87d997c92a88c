using CqcGuide.Rules;

namespace CqcGuide.Site.Sections.Assessments;

/// <summary>The answers of an assessment's own unscored questions (a scored question's answers and labels come from its
/// model: <see cref="ScoringModel.AnswerOptions"/>).</summary>
public static class AnswerLabels
{
    public static IReadOnlyList<OptionView> Simple(string anchor, params (string Value, string Label)[] options) =>
        options.Select(o => new OptionView { Value = o.Value, Label = o.Label, InputId = $"{anchor}-{o.Value}" }).ToArray();
}
