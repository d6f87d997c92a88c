namespace CqcGuide.Rules;

/// <summary>
/// How a scoring model's answers and results are shown: the one source of the form's answer labels, the chart's bands
/// and the results page's layout. Read it in .NET as <see cref="ScoringModel.Presentation"/>; the compiled module
/// exports the same data as <c>presentation</c>.
/// </summary>
/// <param name="Notice">The self-assessment notice every result carries.</param>
/// <param name="Answers">Every answer value the model's items accept, in the order a form lists them.</param>
/// <param name="Bands">The bands a percentage falls into, lowest first.</param>
/// <param name="Result">Which results layout to use and which result fields it reads.</param>
public sealed record ModelPresentation(string Notice, IReadOnlyList<AnswerOption> Answers, IReadOnlyList<PresentedBand> Bands, ResultLayout Result)
{
    /// <summary>
    /// For a model whose answers can start from CQC's last published scores: how a form offers the baseline and how the
    /// results name where each score came from. Null for the other models (their answers files cannot have a baseline).
    /// </summary>
    public BaselinePresentation? Baseline { get; init; }
}

/// <summary>How a form offers a baseline of last published scores, and how results label each score's source.</summary>
/// <param name="Keep">
/// The answer that keeps a statement's baseline score ("not re-assessed"). A form offers it only for statements that have
/// a baseline score, in addition to <see cref="ModelPresentation.Answers"/>; no answer at all keeps the baseline too.
/// </param>
/// <param name="Scores">The scores a baseline may hold, with their labels (the 1–4 of <see cref="ModelPresentation.Answers"/>).</param>
/// <param name="Sources">How the result's score sources read: <c>new</c>, <c>baseline</c> and <c>not-assessed</c>.</param>
public sealed record BaselinePresentation(AnswerOption Keep, IReadOnlyList<AnswerOption> Scores, IReadOnlyList<ScoreSourceLabel> Sources);

/// <summary>Where a statement's score came from, as the results name it.</summary>
/// <param name="Value">The value in the result: <c>new</c>, <c>baseline</c> or <c>not-assessed</c>.</param>
public sealed record ScoreSourceLabel(string Value, string Label, string Hint);

/// <summary>One answer a form offers.</summary>
/// <param name="Value">The value stored in the answers file.</param>
/// <param name="Label">The radio button's label.</param>
/// <param name="Hint">The hint under the label, if any.</param>
/// <param name="Divider">True for the answers that leave an item out of the score; a form puts an "or" divider before them.</param>
public sealed record AnswerOption(string Value, string Label, string? Hint, bool Divider);

/// <summary>
/// A band as the results show it. <see cref="Lower"/> and <see cref="Upper"/> are the inclusive whole-percent limits the
/// rules use; <see cref="From"/> and <see cref="To"/> are the zone a chart shades, meeting halfway between adjacent bands
/// (38.5 between 38 and 39), so every rounded percentage falls inside exactly one zone.
/// </summary>
/// <param name="Value">The band's number in the result (the <c>Rating</c> or <c>Maturity</c> enum value).</param>
/// <param name="Name">The band's label, as the result's label field shows it.</param>
public sealed record PresentedBand(int Value, string Name, int Lower, int Upper, double From, double To)
{
    /// <summary>The bands from their limits, lowest first: chart zones meet halfway between adjacent bands.</summary>
    public static IReadOnlyList<PresentedBand> Of(IEnumerable<(int Value, string Name, int Lower, int Upper)> bands)
    {
        var list = bands.ToArray();
        return list.Select((b, i) => new PresentedBand(
            b.Value, b.Name, b.Lower, b.Upper,
            i == 0 ? b.Lower : (list[i - 1].Upper + b.Lower) / 2.0,
            i == list.Length - 1 ? b.Upper : (b.Upper + list[i + 1].Lower) / 2.0)).ToArray();
    }
}

/// <summary>
/// Which results layout a model's result needs and where its parts are. The field names are the result's own JSON
/// names, taken from the result records, so they cannot drift.
/// </summary>
/// <param name="Layout"><see cref="CqcRatings"/> (ratings, overall reason, limiters) or <see cref="MaturityBands"/> (bands, pitfalls).</param>
/// <param name="GroupsField">The result property holding the groups (key questions or themes).</param>
/// <param name="GroupLabel">What one group is called: "Key question" or "Theme".</param>
/// <param name="GroupsCaption">The results table's caption.</param>
/// <param name="ChartTitle">The percentage chart's title.</param>
/// <param name="OverallTitle">The heading of the overall result.</param>
/// <param name="BandHeading">The column heading of a group's band: "Rating" or "Maturity".</param>
/// <param name="LabelField">The group (and overall) property holding the band's label.</param>
/// <param name="NotScoredField">The group property counting items left out of the score.</param>
public sealed record ResultLayout(
    string Layout,
    string GroupsField,
    string GroupLabel,
    string GroupsCaption,
    string ChartTitle,
    string OverallTitle,
    string BandHeading,
    string LabelField,
    string NotScoredField)
{
    /// <summary>CQC ratings by key question, the overall rating with its reason, and the limiters.</summary>
    public const string CqcRatings = "cqc-ratings";

    /// <summary>Maturity bands by theme, the overall maturity with its percentage, and the pitfalls.</summary>
    public const string MaturityBands = "maturity-bands";
}

/// <summary>
/// Data a model's module exports besides its entry function: <c>export const {Name} = ...</c>, deeply frozen, written
/// from <see cref="Value"/>'s JSON (camelCase, enums as numbers), so JSON.stringify of the export equals
/// <see cref="RulesJson"/>'s compact JSON of the value.
/// </summary>
/// <param name="Name">A JavaScript identifier, unique in the module.</param>
/// <param name="Description">One sentence for the export's doc comment.</param>
public sealed record ModuleExport(string Name, string Description, object Value);
