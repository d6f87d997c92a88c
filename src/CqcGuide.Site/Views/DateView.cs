namespace CqcGuide.Site.Views;

public sealed record DateView
{
    public required string Iso { get; init; }
    public required string Text { get; init; }

    public static DateView Of(DateOnly d) => new()
    {
        Iso = d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Text = d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
    };
}
