using CqcGuide.Rules;

namespace CqcGuide.Site.Sections.Assessments;

/// <summary>How each model's answer values read on a form (the rules decide which values exist).</summary>
public static class AnswerLabels
{
    public static IReadOnlyList<OptionView> For(ScoringModel model, ModelItem item, string anchor)
    {
        var cqc = model.IsCqcMethod;
        var list = new List<OptionView>();
        foreach (var value in item.AllowedValues.OrderBy(v => int.TryParse(v, out var n) ? n : 99))
        {
            var (label, hint) = (value, cqc) switch
            {
                ("1", true) => ("1 – Significant shortfalls", "The evidence shows significant shortfalls."),
                ("2", true) => ("2 – Some shortfalls", "The evidence shows some shortfalls."),
                ("3", true) => ("3 – Good standard", "The evidence shows a good standard."),
                ("4", true) => ("4 – Exceptional standard", "The evidence shows an exceptional standard."),
                ("1", false) => ("1 – Reactive", "We act only after things go wrong."),
                ("2", false) => ("2 – Developing", "We have started, but it is patchy or depends on a few people."),
                ("3", false) => ("3 – Established", "It is in place and usually followed."),
                ("4", false) => ("4 – Embedded", "It is simply how we work, and we can show it."),
                ("not-assessed", _) => ("Not assessed", (string?)"Leave this statement out of the score."),
                ("na", _) => ("Not applicable", "This does not apply to our service; leave it out of the score."),
                _ => (value, null),
            };
            list.Add(new OptionView { Value = value, Label = label, Hint = hint, InputId = $"{anchor}-{value}", Divider = !char.IsDigit(value[0]) });
        }
        return list;
    }

    public static IReadOnlyList<OptionView> Simple(string anchor, params (string Value, string Label)[] options) =>
        options.Select(o => new OptionView { Value = o.Value, Label = o.Label, InputId = $"{anchor}-{o.Value}" }).ToArray();
}
