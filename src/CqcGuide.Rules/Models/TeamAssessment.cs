using System.Globalization;
using System.Text.Json;

namespace CqcGuide.Rules.ScoringModels;

// The JSON contract of the team model (camelCase). The answers are the values of the answers files (question id →
// value); the answer options are the scoring model's own presentation, so the team rules know which answers score.

/// <summary>
/// What the team rules read: the scoring model's answer options (a divider option leaves an item out of the score) and
/// its "keep the last published score" answer if it has one, the questions in the order the page lists them, and each
/// person's answers.
/// </summary>
public sealed record TeamInput(AnswerOption[] Answers, AnswerOption? Keep, string[] Items, TeamMember[] Members)
{
    /// <summary>Reads an input from JSON (camelCase). Throws <see cref="JsonException"/> on malformed input.</summary>
    public static TeamInput FromJson(string json) =>
        JsonSerializer.Deserialize<TeamInput>(json, RulesJson.Options) ?? throw new JsonException("A team input must be a JSON object.");
}

/// <summary>One person's answers (question id → value) and the last published scores their file starts from, if any.</summary>
public sealed record TeamMember(IReadOnlyDictionary<string, string> Answers, AnswersBaseline? Baseline = null);

/// <summary>One question as the team rules read it: the scores in order, the options (for their labels) and each person's answer (null: none).</summary>
public sealed record TeamItemInput(string Id, string[] Scale, AnswerOption[] Options, string?[] Values);

/// <summary>An answer value and the options whose label it takes.</summary>
public sealed record TeamLabelInput(AnswerOption[] Options, string Value);

/// <summary>What the team gave for one question: people per score (scale order), the scale positions given, and the answers given that are not scores.</summary>
public sealed record TeamTally(int[] Counts, int[] Given, string[] Other);

/// <summary>A question and its tally, as the discuss rule reads them.</summary>
public sealed record TeamReasonInput(TeamItemInput Item, TeamTally Tally);

/// <summary>How many people gave one answer.</summary>
public sealed record TeamCount(string Value, string Label, int Count);

/// <summary>Why a question is flagged for discussion: <c>spread</c> or <c>not-scored</c>, and the sentence a page shows.</summary>
public sealed record TeamReason(string Code, string Text);

/// <summary>
/// One question across the team.
/// </summary>
/// <param name="Scores">How many people gave each score, lowest first (every score, also those nobody gave).</param>
/// <param name="Other">How many gave each answer that is not a score ("not assessed", "keep the last published score"), in the order first given.</param>
/// <param name="Scored">People who gave a score.</param>
/// <param name="Unanswered">People who gave no answer.</param>
/// <param name="Median">The median score (the lower middle one when two differ), or null when nobody gave a score.</param>
/// <param name="Lowest">The lowest score given, or null.</param>
/// <param name="Highest">The highest score given, or null.</param>
/// <param name="Spread">How many steps of the scale lie between the lowest and the highest score (0 when fewer than two).</param>
/// <param name="Discuss">True when the team should talk about it before agreeing an answer.</param>
/// <param name="Consensus">The answer the consensus starts from: the median, or the one answer everyone gave when nobody scored it; null when there is none.</param>
public sealed record TeamItem(
    string Id, TeamCount[] Scores, TeamCount[] Other, int Scored, int Unanswered, string? Median, string? Lowest, string? Highest, int Spread,
    bool Discuss, TeamReason[] Reasons, string? Consensus);

/// <summary>
/// The team's answers side by side: each question's summary, how many are flagged for discussion, and the last published
/// scores the agreed answers start from (<paramref name="Baseline"/>, null when the files do not share one;
/// <paramref name="BaselinesDiffer"/> when some file has one but they are not all the same).
/// </summary>
public sealed record TeamResult(int Members, TeamItem[] Items, int Discuss, AnswersBaseline? Baseline, bool BaselinesDiffer);

/// <summary>
/// Several people's answers to one self-assessment, side by side: the distribution of scores per question, its median
/// and range, a "discuss" flag where people disagree, and the answer a consensus starts from. The method follows the
/// Manchester Patient Safety Framework's: each person answers privately, then the team discusses where views differ and
/// agrees. CqcGuide's own model, not a CQC method.
/// </summary>
public sealed class TeamAssessment : RuleModel
{
    public const string ModelId = "team-assessment";
    public const string ModelVersion = "1.1.0";

    /// <summary>Scores this many steps apart, or more, are flagged for discussion.</summary>
    public const int DiscussSpread = 2;

    public const string SpreadReason = "spread";
    public const string NotScoredReason = "not-scored";

    public static readonly RuleSource MaPSaF = new(
        "University of Manchester: Manchester Patient Safety (Assessment) Framework — each team member rates privately, then the team discusses differences and seeks consensus",
        "http://www.pharmacy.manchester.ac.uk/cip/resources/MaPSAF/");

    public static readonly RuleSource CqcGatheringFeedback = new(
        "CQC: Quality statements — staff and leaders' views, and consistency between them, are part of the evidence",
        "https://www.cqc.org.uk/assessment/quality-statements");

    public static readonly Rule<AnswerOption[], string[]> ScaleOf = new(
        "scale",
        RuleKind.OwnMethod,
        """
        The scores of the scale, lowest first: the scoring model's answer options other than those after its "or" divider
        (such as "not assessed" or "not applicable"), which leave a question out of the score.
        """,
        [CqcGatheringFeedback],
        options => options.Where(o => !o.Divider).Select(o => o.Value).ToArray());

    public static readonly Rule<TeamLabelInput, string> LabelOf = new(
        "answer-label",
        RuleKind.OwnMethod,
        "An answer's label as the form shows it; an answer the model has no label for is shown as it is.",
        [CqcGatheringFeedback],
        x => x.Options.Where(o => o.Value == x.Value).Select(o => o.Label).FirstOrDefault() ?? x.Value);

    public static readonly Rule<TeamItemInput, TeamTally> Tally = new(
        "tally",
        RuleKind.OwnMethod,
        """
        What the team gave for one question: how many gave each score of the scale, the positions on the scale of the
        scores given, and the answers given that are not scores (in the order first given).
        """,
        [MaPSaF],
        x => Expr.Let(
            x.Scale.Select(v => x.Values.Count(a => a == v)).ToArray(),
            counts => new TeamTally(
                counts,
                counts.Select((c, i) => c > 0 ? i : -1).Where(i => i >= 0).ToArray(),
                x.Values.Where(v => v != null && !x.Scale.Contains(v)).Select(v => v!).Distinct().ToArray())));

    public static readonly Rule<int[], int> MedianPosition = new(
        "median",
        RuleKind.OwnMethod,
        """
        The median score: the middle one when the scores are put in order. With an even number of scores the two middle
        ones may differ; then the median is the lower of the two, so a team split between two scores starts from the more
        cautious one and raises it only with the evidence the discussion brings. Returns the position on the scale, or -1
        when nobody gave a score.
        """,
        [MaPSaF],
        counts => Expr.Let(counts.Sum(), n => n == 0
            ? -1
            : Enumerable.Range(0, counts.Length).Where(i => counts.Select((c, j) => j <= i ? c : 0).Sum() > (n - 1) / 2).Min()));

    public static readonly Rule<TeamReasonInput, TeamReason[]> DiscussReasons = new(
        "discuss",
        RuleKind.OwnMethod,
        """
        A question is flagged for discussion when the scores people gave are 2 or more steps apart on the scale (one says
        "some shortfalls", another "good standard" or better), or when some people left it out of the score ("not
        assessed") while others scored it or left it out differently. Both mean the team does not yet share a view of the
        evidence, which is what the discussion is for.
        """,
        [MaPSaF, CqcGatheringFeedback],
        x => new[]
        {
            x.Tally.Given.Length > 1 && x.Tally.Given.Max() - x.Tally.Given.Min() >= DiscussSpread
                ? new TeamReason(SpreadReason, "Scores are " + (x.Tally.Given.Max() - x.Tally.Given.Min()).ToString(CultureInfo.InvariantCulture)
                    + " steps apart: from “" + LabelOf.Evaluate(new TeamLabelInput(x.Item.Options, x.Item.Scale[x.Tally.Given.Min()]))
                    + "” to “" + LabelOf.Evaluate(new TeamLabelInput(x.Item.Options, x.Item.Scale[x.Tally.Given.Max()])) + "”.")
                : null,
            x.Tally.Other.Length > 0 && (x.Tally.Given.Length > 0 || x.Tally.Other.Length > 1)
                ? new TeamReason(NotScoredReason, "Not everyone scored it: " + string.Join(", ", x.Tally.Other.Select(v =>
                    x.Item.Values.Count(a => a == v).ToString(CultureInfo.InvariantCulture) + " answered “" + LabelOf.Evaluate(new TeamLabelInput(x.Item.Options, v)) + "”")) + ".")
                : null,
        }.Where(r => r != null).Select(r => r!).ToArray());

    public static readonly Rule<TeamItemInput, TeamItem> Summarise = new(
        "question-summary",
        RuleKind.OwnMethod,
        """
        One question across the team: how many gave each score and each answer that is not a score, how many gave no
        answer, the median, lowest and highest score, how far apart they are, whether to discuss it, and the answer the
        consensus starts from. That is the median score; when nobody scored the question but everyone who answered gave
        the same answer (all "not assessed"), it is that answer; otherwise there is none and the team chooses.
        """,
        [MaPSaF],
        x => Expr.Let(Tally.Evaluate(x), t => Expr.Let(MedianPosition.Evaluate(t.Counts), median => Expr.Let(DiscussReasons.Evaluate(new TeamReasonInput(x, t)), reasons =>
            new TeamItem(
                x.Id,
                x.Scale.Select((v, i) => new TeamCount(v, LabelOf.Evaluate(new TeamLabelInput(x.Options, v)), t.Counts[i])).ToArray(),
                t.Other.Select(v => new TeamCount(v, LabelOf.Evaluate(new TeamLabelInput(x.Options, v)), x.Values.Count(a => a == v))).ToArray(),
                t.Counts.Sum(),
                x.Values.Count(a => a == null),
                median >= 0 ? x.Scale[median] : null,
                t.Given.Length > 0 ? x.Scale[t.Given.Min()] : null,
                t.Given.Length > 0 ? x.Scale[t.Given.Max()] : null,
                t.Given.Length > 0 ? t.Given.Max() - t.Given.Min() : 0,
                reasons.Length > 0,
                reasons,
                median >= 0 ? x.Scale[median] : t.Other.Length == 1 ? t.Other[0] : null)))));

    public static readonly Rule<TeamInput, AnswersBaseline?> SharedBaseline = new(
        "shared-baseline",
        RuleKind.OwnMethod,
        """
        The last published scores the agreed answers start from: the baseline of the first file, when every file has one
        with the same report date and the same score for each question compared. Otherwise there is none, and "keep the
        last published score" in the agreed answers counts as not assessed until the team enters the scores: a kept
        score would mean different things in different people's files.
        """,
        [CqcGatheringFeedback],
        x => x.Members.Length > 0 && x.Members.All(m => m.Baseline != null && x.Members[0].Baseline != null
                && m.Baseline.PublishedOn == x.Members[0].Baseline!.PublishedOn
                && x.Items.All(id => m.Baseline.Scores.GetValueOrDefault(id) == x.Members[0].Baseline!.Scores.GetValueOrDefault(id)))
            ? x.Members[0].Baseline
            : null);

    public static readonly Rule<TeamInput, TeamResult> Aggregate = new(
        "team-summary",
        RuleKind.OwnMethod,
        """
        Each question of the assessment summarised across everyone's answers (question-summary), in the page's order, and
        how many questions are flagged for discussion. Answers to questions the assessment does not ask are left out; the
        "keep the last published score" answer counts as an answer that is not a score. With the baseline the files share
        (shared-baseline), and whether some file has one that the others do not share.
        """,
        [MaPSaF, CqcGatheringFeedback],
        x => Expr.Let(
            ScaleOf.Evaluate(x.Answers),
            scale => Expr.Let(
                x.Keep != null ? x.Answers.Concat(new[] { x.Keep }).ToArray() : x.Answers,
                options => Expr.Let(
                    x.Items.Select(id => Summarise.Evaluate(new TeamItemInput(id, scale, options, x.Members.Select(m => m.Answers.GetValueOrDefault(id)).ToArray()))).ToArray(),
                    items => Expr.Let(
                        SharedBaseline.Evaluate(x),
                        shared => new TeamResult(x.Members.Length, items, items.Count(i => i.Discuss), shared,
                            shared == null && x.Members.Any(m => m.Baseline != null)))))));

    public static TeamAssessment Instance => instance.Value;

    private static readonly Lazy<TeamAssessment> instance = new(() => new TeamAssessment());

    /// <summary>Summarises the team's answers (the entry rule).</summary>
    public static TeamResult SummaryOf(TeamInput input) => Aggregate.Evaluate(input);

    private TeamAssessment()
        : base(new ModelDescriptor
        {
            Id = ModelId,
            Version = ModelVersion,
            Title = "Team self-assessment",
            Summary = "CqcGuide's own model, not a CQC method: several people's answers to one self-assessment side by side, as the "
                + "Manchester Patient Safety Framework has a team work (each person answers privately, then the team discusses where "
                + "views differ and agrees). Per question: the distribution of scores, the median (the lower middle score on a tie), "
                + "the range, a discuss flag and the answer the consensus starts from. The team page in the browser and "
                + "`cqcguide score --team` use these rules.",
            IsCqcMethod = false,
            Entry = new("aggregate", Aggregate),
            Rules = [Aggregate, ScaleOf, Summarise, Tally, MedianPosition, DiscussReasons, LabelOf, SharedBaseline],
            Exports = [],
        })
    {
    }
}
