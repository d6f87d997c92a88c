using System.Globalization;
using CqcGuide.Rules;
using CqcGuide.Rules.LearningLogs;
using CqcGuide.Rules.ScoringModels;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Assessments;

/// <summary>
/// The progress page of an assessment: each key question's (or theme's) score and rating in every history file, a
/// small chart per key question, the statements that moved between the last two files, and the latest file's plan with
/// each item's state on the build date (the improvement-plan rules). Scores come from the scoring model, as for
/// <c>cqcguide score</c>; nothing here decides a score.
/// </summary>
public sealed record ProgressView
{
    public required AssessmentView Assessment { get; init; }
    public required IReadOnlyList<ProgressColumn> Columns { get; init; }
    public required IReadOnlyList<ProgressRow> Rows { get; init; }
    public required string GroupHeading { get; init; }
    public required IReadOnlyList<ProgressChart> Charts { get; init; }
    public DateView? MovesFrom { get; init; }
    public DateView? MovesTo { get; init; }
    public required IReadOnlyList<ProgressMove> Moves { get; init; }
    public required IReadOnlyList<ProgressPlanItem> Plan { get; init; }
    public required DateView AsOf { get; init; }
    public required DateView Latest { get; init; }
    /// <summary>True when the files are CqcGuide's fictional examples (the organisation has committed none of its own).</summary>
    public bool Example { get; init; }

    private const int Width = 340, Height = 150, Left = 48, Right = 300, Top = 14, Bottom = 118;

    public static ProgressView Build(AssessmentView view, CheckedAssessment assessment, IReadOnlyList<CheckedHistory> files, DateOnly today)
    {
        var def = assessment.Definition;
        var model = assessment.Model;
        var groups = model.Groups;
        var scores = files.Select(f => Groups(model.Score(f.File))).ToArray();
        var columns = files.Select(f => new ProgressColumn { Date = DateView.Of(f.Date), File = f.Document.Source.RelativePath }).ToArray();
        var rows = groups.Select(g => new ProgressRow
        {
            Name = g.Name,
            Cells = scores.Select(s => s.TryGetValue(g.Id, out var c) ? c : new ProgressCell { Text = "—", Percent = null }).ToArray(),
        }).ToArray();
        var charts = rows.Select((r, i) => Chart($"progress-{groups[i].Id}", r, columns)).ToArray();
        var questions = def.Sections.SelectMany(s => s.Questions).ToDictionary(q => q.Id, q => q.Text ?? model.FindItem(q.Id)?.Text ?? q.Id, StringComparer.Ordinal);
        string Label(string id, string value) => view.Sections.SelectMany(s => s.Questions).FirstOrDefault(q => q.Id == id)?.Options
            .FirstOrDefault(o => o.Value == value)?.Label ?? value;
        var moves = files.Count < 2 ? [] : AssessmentProgress.Moves(files[^2].File, files[^1].File).Select(m => new ProgressMove
        {
            Statement = questions.GetValueOrDefault(m.Id, m.Id), From = Label(m.Id, m.From), To = Label(m.Id, m.To),
            Direction = m.Direction > 0 ? "Up" : m.Direction < 0 ? "Down" : "Changed",
            DirectionClass = m.Direction > 0 ? "tag--done" : m.Direction < 0 ? "tag--overdue" : "tag--grey",
        }).ToArray();
        var latest = files[^1].File;
        var asOf = LearningGovernance.Date(today);
        var states = ImprovementPlan.SummaryOf(new PlanInput(asOf, latest.Plan.Select(p => new PlanItemInput(p.Id, p.Status, p.Due, p.Completed)).ToArray()))
            .Items.ToDictionary(i => i.Id, i => i.State, StringComparer.Ordinal);
        var plan = latest.Plan.Select(p => new ProgressPlanItem
        {
            What = p.What, Statement = p.Statement is null ? "" : questions.GetValueOrDefault(p.Statement, p.Statement), Owner = p.Owner ?? "",
            Due = p.Due is null ? null : DateView.Of(DateOnly.ParseExact(p.Due, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Status = ImprovementPlan.Format.Statuses.FirstOrDefault(s => s.Value == p.Status)?.Label ?? p.Status,
            State = StateTag.Label(states[p.Id]),
            StateClass = StateTag.ClassOf(states[p.Id]),
        }).ToArray();
        return new ProgressView
        {
            Assessment = view, Columns = columns, Rows = rows, GroupHeading = model is LearningMaturity ? "Theme" : "Key question", Charts = charts,
            MovesFrom = files.Count < 2 ? null : DateView.Of(files[^2].Date), MovesTo = files.Count < 2 ? null : DateView.Of(files[^1].Date),
            Moves = moves, Plan = plan, AsOf = DateView.Of(today), Latest = DateView.Of(files[^1].Date),
        };
    }

    /// <summary>Group id → its cell: rounded percentage and rating (CQC models) or maturity band.</summary>
    internal static Dictionary<string, ProgressCell> Groups(ScoreResult result) => result switch
    {
        SafScoreResult s => s.KeyQuestions.ToDictionary(k => k.Id, k => Cell(k.RoundedPercentage, k.RatingLabel), StringComparer.Ordinal),
        EvidenceScoreResult e => e.KeyQuestions.ToDictionary(k => k.Id, k => Cell(k.RoundedPercentage, k.RatingLabel), StringComparer.Ordinal),
        MaturityScoreResult m => m.Themes.ToDictionary(t => t.Id, t => Cell(t.RoundedPercentage, t.BandLabel), StringComparer.Ordinal),
        _ => [],
    };

    /// <summary>
    /// The self-assessments saved in a governance period, per assessment: each key question's score in the latest file
    /// of the period beside the latest file before it (none when the period holds no file of that assessment).
    /// </summary>
    public static IReadOnlyList<SelfAssessmentChange> ChangesIn(IReadOnlyList<CheckedHistory> history, IReadOnlyDictionary<string, (string Title, string? Url)> assessments,
        DateOnly from, DateOnly to) =>
        history.Where(h => assessments.ContainsKey(h.File.Assessment.Id)).GroupBy(h => h.File.Assessment.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var files = g.ToArray(); // in save order, own files or else examples (AssessmentHistorySection.Index)
                var latest = files.LastOrDefault(f => f.Date >= from && f.Date <= to);
                if (latest is null) return null;
                var before = files.LastOrDefault(f => f.Date < from);
                var model = Models.FindScoring(latest.File.Model.Id)!;
                var now = Groups(model.Score(latest.File));
                var then = before is null ? null : Groups(model.Score(before.File));
                var (title, url) = assessments[g.Key];
                return new SelfAssessmentChange
                {
                    Title = title, Url = url, Latest = DateView.Of(latest.Date), Before = before is null ? null : DateView.Of(before.Date),
                    Rows = model.Groups.Select(k => new SelfAssessmentChangeRow
                    {
                        Name = k.Name, Now = now.TryGetValue(k.Id, out var n) ? n.Text : "—",
                        Then = then is null ? "—" : then.TryGetValue(k.Id, out var t) ? t.Text : "—",
                    }).ToArray(),
                };
            }).OfType<SelfAssessmentChange>().ToArray();

    private static ProgressCell Cell(int? percent, string label) =>
        new() { Percent = percent, Text = percent is null ? "Not scored" : $"{percent.Value.ToString(CultureInfo.InvariantCulture)}% {label}" };

    /// <summary>A small line chart of one key question's percentage (25–100) over the files, with a text equivalent.</summary>
    private static ProgressChart Chart(string id, ProgressRow row, IReadOnlyList<ProgressColumn> columns)
    {
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        double X(int i) => columns.Count == 1 ? (Left + Right) / 2.0 : Left + i * (Right - Left) / (double)(columns.Count - 1);
        static double Y(int percent) => Bottom - (Math.Clamp(percent, 25, 100) - 25) * (Bottom - Top) / 75.0;
        var dots = row.Cells.Select((c, i) => (c, i)).Where(x => x.c.Percent is not null)
            .Select(x => new ProgressDot { X = F(X(x.i)), Y = F(Y(x.c.Percent!.Value)), Label = $"{x.c.Percent}%" , LabelY = F(Y(x.c.Percent!.Value) - 6) }).ToArray();
        var told = row.Cells.Select((c, i) => $"{columns[i].Date.Text}: {c.Text}");
        return new ProgressChart
        {
            Id = id, Title = $"{row.Name}: percentage in each self-assessment", Description = string.Join("; ", told) + ".",
            ViewBox = $"0 0 {Width} {Height}", Points = string.Join(' ', dots.Select(d => $"{d.X},{d.Y}")), Dots = dots,
            Ticks = new[] { 25, 50, 75, 100 }.Select(t => new ProgressTick { Position = F(Y(t)), Label = $"{t}%" }).ToArray(),
            Dates = columns.Select((c, i) => new ProgressTick { Position = F(X(i)), Label = DateOnly.ParseExact(c.Date.Iso, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMM yyyy", CultureInfo.InvariantCulture) }).ToArray(),
            Left = Left, Right = Right, Bottom = Bottom, DateY = Bottom + 16,
        };
    }
}

public sealed record SelfAssessmentChange
{
    public required string Title { get; init; }
    public string? Url { get; init; }
    public required DateView Latest { get; init; }
    public DateView? Before { get; init; }
    public required IReadOnlyList<SelfAssessmentChangeRow> Rows { get; init; }
}

public sealed record SelfAssessmentChangeRow { public required string Name { get; init; } public required string Then { get; init; } public required string Now { get; init; } }

public sealed record ProgressColumn { public required DateView Date { get; init; } public required string File { get; init; } }

public sealed record ProgressRow { public required string Name { get; init; } public required IReadOnlyList<ProgressCell> Cells { get; init; } }

public sealed record ProgressCell { public required string Text { get; init; } public int? Percent { get; init; } }

public sealed record ProgressMove
{
    public required string Statement { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required string Direction { get; init; }
    public required string DirectionClass { get; init; }
}

public sealed record ProgressPlanItem
{
    public required string What { get; init; }
    public required string Statement { get; init; }
    public required string Owner { get; init; }
    public DateView? Due { get; init; }
    public required string Status { get; init; }
    public required string State { get; init; }
    public required string StateClass { get; init; }
}

public sealed record ProgressChart
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string ViewBox { get; init; }
    public required string Points { get; init; }
    public required IReadOnlyList<ProgressDot> Dots { get; init; }
    public required IReadOnlyList<ProgressTick> Ticks { get; init; }
    /// <summary>One per file, positioned along the x axis.</summary>
    public required IReadOnlyList<ProgressTick> Dates { get; init; }
    public required int Left { get; init; }
    public required int Right { get; init; }
    public required int Bottom { get; init; }
    public required int DateY { get; init; }
}

public sealed record ProgressDot { public required string X { get; init; } public required string Y { get; init; } public required string Label { get; init; } public required string LabelY { get; init; } }

/// <summary>An axis label: <see cref="Position"/> is y for a percentage tick, x for a date.</summary>
public sealed record ProgressTick { public required string Position { get; init; } public required string Label { get; init; } }
