using System.Globalization;
using CqcGuide.Rules.ScoringModels;

namespace CqcGuide.Site.Views;

/// <summary>
/// The chart the <c>spc-chart</c> partial draws: the SPC rules' own geometry (every position computed by the rules, so
/// the build's SVG and the browser's agree), with coordinates written for SVG and a class per kind of mark, so the
/// chart reads by shape and label as well as colour.
/// </summary>
public sealed record SpcChartView
{
    public required string Id { get; init; }
    public required string ViewBox { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string PlotLeft { get; init; }
    public required string PlotRight { get; init; }
    public required string PlotTop { get; init; }
    public required string PlotBottom { get; init; }
    /// <summary>Where the y axis labels end (right-aligned) and where the x axis labels and their second line sit.</summary>
    public required string YLabelX { get; init; }
    public required string XLabelY { get; init; }
    public required string XSubY { get; init; }
    public required string MarkLabelY { get; init; }
    public IReadOnlyList<SpcTickView> YTicks { get; init; } = [];
    public IReadOnlyList<SpcTickView> XTicks { get; init; } = [];
    public IReadOnlyList<SpcLineView> Lines { get; init; } = [];
    public IReadOnlyList<SpcPointView> Points { get; init; } = [];
    public IReadOnlyList<SpcMarkView> Marks { get; init; } = [];
    /// <summary>The polyline of each segment's values ("x,y x,y ...").</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    public static SpcChartView Of(string id, string title, SpcChart c) => new()
    {
        Id = id, Title = title, Description = c.Description, ViewBox = $"0 0 {c.Width} {c.Height}",
        PlotLeft = N(c.PlotLeft), PlotRight = N(c.PlotRight), PlotTop = N(c.PlotTop), PlotBottom = N(c.PlotBottom),
        YLabelX = N(c.PlotLeft - 8), XLabelY = N(c.PlotBottom + 16), XSubY = N(c.PlotBottom + 30), MarkLabelY = N(c.PlotTop + 10),
        YTicks = c.YTicks.Select(t => new SpcTickView { Position = N(t.Position), Label = t.Label, Sub = t.Sub }).ToArray(),
        XTicks = c.XTicks.Select(t => new SpcTickView { Position = N(t.Position), Label = t.Label, Sub = t.Sub }).ToArray(),
        Lines = c.Lines.Select(l => new SpcLineView
        {
            Kind = l.Kind switch { SpcLineKind.Mean => "mean", SpcLineKind.Median => "median", SpcLineKind.Target => "target", _ => "limit" },
            X1 = N(l.X1), X2 = N(l.X2), Y = N(l.Y), Label = l.Label,
        }).ToArray(),
        Points = c.Points.Select(p => new SpcPointView
        {
            X = N(p.X), Y = N(p.Y), LabelY = N(p.Y - 10), Label = p.Label, ShowLabel = p.ShowLabel && p.Label.Length > 0,
            Marker = p.Marker switch { SpcMarker.Improvement => "improvement", SpcMarker.Concern => "concern", SpcMarker.Neutral => "neutral", _ => "normal" },
            // Shapes as well as colours: improvement a triangle, concern a square, neutral a diamond, normal a dot.
            Shape = p.Marker switch
            {
                SpcMarker.Improvement => $"M{N(p.X)} {N(p.Y - 6)} L{N(p.X + 6)} {N(p.Y + 5)} L{N(p.X - 6)} {N(p.Y + 5)} Z",
                SpcMarker.Concern => $"M{N(p.X - 5)} {N(p.Y - 5)} H{N(p.X + 5)} V{N(p.Y + 5)} H{N(p.X - 5)} Z",
                SpcMarker.Neutral => $"M{N(p.X)} {N(p.Y - 6)} L{N(p.X + 6)} {N(p.Y)} L{N(p.X)} {N(p.Y + 6)} L{N(p.X - 6)} {N(p.Y)} Z",
                _ => "",
            },
        }).ToArray(),
        Marks = c.Marks.Select(m => new SpcMarkView { X = N(m.X), LabelX = N(m.LabelX), LabelAnchor = m.LabelAnchor, Label = m.Label, Rebase = m.Rebase }).ToArray(),
        Paths = c.Points.GroupBy(p => p.Segment).Select(g => string.Join(' ', g.Select(p => $"{N(p.X)},{N(p.Y)}"))).ToArray(),
    };
}

public sealed record SpcTickView
{
    public required string Position { get; init; }
    public required string Label { get; init; }
    public string Sub { get; init; } = "";
}

public sealed record SpcLineView
{
    /// <summary>mean, median, limit or target.</summary>
    public required string Kind { get; init; }
    public required string X1 { get; init; }
    public required string X2 { get; init; }
    public required string Y { get; init; }
    public required string Label { get; init; }
}

public sealed record SpcPointView
{
    public required string X { get; init; }
    public required string Y { get; init; }
    /// <summary>Where the point's label sits (above the point).</summary>
    public required string LabelY { get; init; }
    /// <summary>normal, improvement, concern or neutral.</summary>
    public required string Marker { get; init; }
    /// <summary>The marker's outline (empty for a normal point, drawn as a dot).</summary>
    public required string Shape { get; init; }
    public required string Label { get; init; }
    public bool ShowLabel { get; init; }
}

public sealed record SpcMarkView
{
    public required string X { get; init; }
    /// <summary>Where the mark's label starts (just right of the line).</summary>
    public required string LabelX { get; init; }
    /// <summary>start or end (SVG text-anchor), from the rules.</summary>
    public required string LabelAnchor { get; init; }
    public required string Label { get; init; }
    public bool Rebase { get; init; }
}
