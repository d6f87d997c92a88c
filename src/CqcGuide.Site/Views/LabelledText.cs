namespace CqcGuide.Site.Views;

public sealed record LabelledText
{
    public required string Label { get; init; }
    public required string Text { get; init; }
}
