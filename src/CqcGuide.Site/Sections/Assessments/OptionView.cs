using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Assessments;

public sealed record OptionView
{
    public required string Value { get; init; }
    public required string Label { get; init; }
    public string? Hint { get; init; }
    public required string InputId { get; init; }
    /// <summary>Show GOV.UK's "or" divider before this option (e.g. before "Not assessed").</summary>
    public bool Divider { get; init; }
}
