using static System.FormattableString;

namespace CqcGuide.Rules.ScoringModels;

/// <summary>CQC ratings. The numbers are stable: they are what the JSON results and the JavaScript module carry.</summary>
public enum Rating
{
    NotRated = 0,
    Inadequate = 1,
    RequiresImprovement = 2,
    Good = 3,
    Outstanding = 4,
}

/// <summary>Where to find one answer: the answers and a question id.</summary>
public sealed record AnswerKey(IReadOnlyDictionary<string, Answer> Answers, string QuestionId);

/// <summary>A scored item (statement or evidence category). <see cref="Score"/> 0 means not assessed.</summary>
public sealed record ItemScore(string Id, int Score);

/// <summary>How many items were scored, how many were not, their sum and the maximum possible (4 × scored).</summary>
public sealed record ScoreTotals(int Scored, int NotScored, int Sum, int Maximum);

/// <summary>The inclusive whole-percent limits of a band.</summary>
public sealed record BandLimits(int Lower, int Upper);

public sealed record PercentInBand(int Percent, BandLimits Band);

/// <summary>Where a percentage sits in its band: 0 at the bottom, 1 at the top, and which third.</summary>
public sealed record BandPosition(double Position, string Third);

public sealed record LimiterInput(Rating Rating, IReadOnlyList<int> Scores, bool Apply);

public sealed record LimiterOutcome(Rating Rating, string? Limiter);

public sealed record KeyQuestionInput(string Id, string Name, IReadOnlyList<ItemScore> Statements, bool ApplyLimiters);

/// <summary>One key question's result.</summary>
public sealed record KeyQuestionResult(
    string Id,
    string Name,
    IReadOnlyList<ItemScore> Statements,
    int Scored,
    int NotAssessed,
    int Sum,
    int Maximum,
    double? Percentage,
    int? RoundedPercentage,
    Rating RatingBeforeLimiters,
    string? Limiter,
    Rating Rating,
    string RatingLabel,
    double? PositionInBand,
    string? PositionInBandThird);

/// <summary>The overall rating, the principle that decided it, and why.</summary>
public sealed record OverallResult(Rating Rating, string RatingLabel, string DecidedBy, string Reason);

/// <summary>
/// A rating's band: the inclusive whole-percent limits and the label. The rules read these records (percentage-band,
/// rating-band-limits, rating-label) and <see cref="ModelPresentation.Bands"/> exports the same records to the browser.
/// </summary>
public sealed record RatingBand(Rating Rating, string Label, int Lower, int Upper);

/// <summary>
/// The CQC rules shared by <see cref="CqcSaf"/> and <see cref="CqcSafEvidence"/>: the 1–4 scale, percentages,
/// rounding, bands, position in band, limiters and the overall aggregation principles.
/// </summary>
public static class CqcRules
{
    public const string Notice = "Self-assessment — not a CQC rating";

    /// <summary>The label of a key question or service with nothing to rate.</summary>
    public const string NotRatedLabel = "Not rated";

    // The bands come first: the band rules' descriptions below are written from them as the class is initialised.
    public static readonly RatingBand InadequateBand = new(Rating.Inadequate, "Inadequate", 25, 38);
    public static readonly RatingBand RequiresImprovementBand = new(Rating.RequiresImprovement, "Requires improvement", 39, 62);
    public static readonly RatingBand GoodBand = new(Rating.Good, "Good", 63, 87);
    public static readonly RatingBand OutstandingBand = new(Rating.Outstanding, "Outstanding", 88, 100);

    /// <summary>CQC's four rating bands, lowest first: the data the band rules read and the browser draws.</summary>
    public static IReadOnlyList<RatingBand> RatingBands { get; } = [InadequateBand, RequiresImprovementBand, GoodBand, OutstandingBand];

    /// <summary>The answer that leaves a statement out of the score.</summary>
    public const string NotAssessedValue = "not-assessed";

    /// <summary>The answers each CQC item accepts, with the wording a form shows (the values <see cref="AnswerScore"/> reads).</summary>
    public static IReadOnlyList<AnswerOption> AnswerOptions { get; } =
    [
        new("1", "1 – Significant shortfalls", "The evidence shows significant shortfalls.", false),
        new("2", "2 – Some shortfalls", "The evidence shows some shortfalls.", false),
        new("3", "3 – Good standard", "The evidence shows a good standard.", false),
        new("4", "4 – Exceptional standard", "The evidence shows an exceptional standard.", false),
        new(NotAssessedValue, "Not assessed", "Leave this statement out of the score.", true),
    ];

    /// <summary>The values of <see cref="AnswerOptions"/>: what each evidence category of <see cref="CqcSafEvidence"/> accepts.</summary>
    public static IReadOnlyList<string> AnswerValues { get; } = AnswerOptions.Select(o => o.Value).ToArray();

    /// <summary>How the CQC models' answers and results are shown (shared by <see cref="CqcSaf"/> and <see cref="CqcSafEvidence"/>).</summary>
    public static ModelPresentation Presentation { get; } = new(
        Notice,
        AnswerOptions,
        PresentedBand.Of(RatingBands.Select(b => ((int)b.Rating, b.Label, b.Lower, b.Upper))),
        new ResultLayout(
            ResultLayout.CqcRatings,
            RulesJson.NameOf(typeof(SafScoreResult), nameof(SafScoreResult.KeyQuestions)),
            "Key question",
            "Results by key question",
            "Percentage by key question",
            "Overall self-assessed rating",
            "Rating",
            RulesJson.NameOf(typeof(KeyQuestionResult), nameof(KeyQuestionResult.RatingLabel)),
            RulesJson.NameOf(typeof(KeyQuestionResult), nameof(KeyQuestionResult.NotAssessed))));

    public static readonly Rule<AnswerKey, int> AnswerScore = new(
        "answer-score",
        RuleKind.Published,
        """
        Each item is scored on CQC's four-point scale: 4 means the evidence shows an exceptional standard, 3 a good
        standard, 2 some shortfalls and 1 significant shortfalls. In this self-assessment the answer "not-assessed",
        or no answer at all, means the item is not assessed: it is left out of every total, so it neither lowers nor
        raises a percentage.
        """,
        [Sources.CqcLocalAuthorityRatings],
        k => Expr.Let(k.Answers.GetValueOrDefault(k.QuestionId), a =>
            a == null ? 0
            : a.Value == "1" ? 1
            : a.Value == "2" ? 2
            : a.Value == "3" ? 3
            : a.Value == "4" ? 4
            : 0));

    public static readonly Rule<IReadOnlyList<int>, ScoreTotals> Totals = new(
        "score-totals",
        RuleKind.Published,
        """
        Add up the scores of the items that were assessed (scores 1 to 4) and count them. The maximum possible is 4
        for every assessed item. Items not assessed are counted separately and take no part in the sums.
        """,
        [Sources.CqcLocalAuthorityRatings, Sources.CqcGpExample],
        s => Expr.Let(s.Count(x => x >= 1 && x <= 4), scored =>
            new ScoreTotals(scored, s.Count - scored, s.Where(x => x >= 1 && x <= 4).Sum(), 4 * scored)));

    public static readonly Rule<ScoreTotals, double?> PercentageOfMaximum = new(
        "percentage-of-maximum",
        RuleKind.Published,
        """
        The percentage is the sum of the scores divided by the maximum possible (4 × the number of scored items),
        times 100. For example 24 out of a possible 32 is 75%. It is worked out as (100 × sum) ÷ (4 × scored) so
        that exact halves such as 62.5% stay exact. When nothing was scored there is no percentage at all (never 0%).
        """,
        [Sources.CqcLocalAuthorityRatings, Sources.CqcGpExample],
        t => t.Scored == 0 ? null : (double?)((double)(100 * t.Sum) / (4 * t.Scored)));

    public static readonly Rule<double, int> WholePercentRounding = new(
        "whole-percent-rounding",
        RuleKind.Interpretation,
        """
        Before the bands are applied, the percentage is rounded to the nearest whole number, and a percentage exactly
        halfway between two whole numbers is rounded up (away from zero). So 62.5% becomes 63% (good), 87.5% becomes
        88% (outstanding) and 38.5% becomes 39% (requires improvement). Without a rounding step these values would
        fall into the gaps between CQC's whole-number bands.
        """,
        [Sources.CqcGpExample, Sources.CqcLocalAuthorityRatings],
        p => (int)Math.Round(p, MidpointRounding.AwayFromZero),
        new RuleInterpretation(
            "whole-percent rounding",
            "CQC publishes no rounding rule, and its bands (25–38, 39–62, 63–87, 88+) leave gaps such as 62.5% and 87.5% "
            + "that occur with 8 statements. CQC's own worked example prints 68.75% as \"69%\", which suggests rounding "
            + "to the nearest whole number before banding; halves round up, as in everyday rounding."));

    public static readonly Rule<int, Rating> PercentageBand = new(
        "percentage-band",
        RuleKind.Published,
        Invariant($"""
        The whole-number percentage gives the rating: {InadequateBand.Lower} to {InadequateBand.Upper}% is inadequate,
        {RequiresImprovementBand.Lower} to {RequiresImprovementBand.Upper}% requires improvement,
        {GoodBand.Lower} to {GoodBand.Upper}% is good, and {OutstandingBand.Lower}% and above is outstanding. The lowest
        possible percentage is 25%, because the lowest score is 1 out of 4.
        """),
        [Sources.CqcLocalAuthorityRatings],
        p => p >= OutstandingBand.Lower ? OutstandingBand.Rating
            : p >= GoodBand.Lower ? GoodBand.Rating
            : p >= RequiresImprovementBand.Lower ? RequiresImprovementBand.Rating
            : InadequateBand.Rating);

    public static readonly Rule<Rating, BandLimits> RatingBandLimits = new(
        "rating-band-limits",
        RuleKind.Published,
        Invariant($"""
        The whole-number limits of each rating's band, both inclusive: inadequate {InadequateBand.Lower}–{InadequateBand.Upper},
        requires improvement {RequiresImprovementBand.Lower}–{RequiresImprovementBand.Upper},
        good {GoodBand.Lower}–{GoodBand.Upper}, outstanding {OutstandingBand.Lower}–{OutstandingBand.Upper}.
        """),
        [Sources.CqcLocalAuthorityRatings],
        r => r == Rating.Outstanding ? new BandLimits(OutstandingBand.Lower, OutstandingBand.Upper)
            : r == Rating.Good ? new BandLimits(GoodBand.Lower, GoodBand.Upper)
            : r == Rating.RequiresImprovement ? new BandLimits(RequiresImprovementBand.Lower, RequiresImprovementBand.Upper)
            : r == Rating.Inadequate ? new BandLimits(InadequateBand.Lower, InadequateBand.Upper)
            : new BandLimits(0, 0));

    public static readonly Rule<PercentInBand, BandPosition> PositionInBand = new(
        "position-in-band",
        RuleKind.Interpretation,
        """
        Where the whole-number percentage sits within its band. The position is (percentage − lowest value of the band)
        ÷ (highest value − lowest value): 0 at the bottom of the band and 1 at the top. For example 75% in good
        (63–87) is (75 − 63) ÷ 24 = 0.5. The band is then split into thirds by the offset from the bottom: the lower
        third when 3 × offset is less than the band's width, the upper third when 3 × offset is more than twice the
        width, and the middle third otherwise. For good that is 63–70 lower, 71–79 middle and 80–87 upper; for
        requires improvement 39–46, 47–54 and 55–62; for inadequate 25–29, 30–33 and 34–38; for outstanding 88–91,
        92–96 and 97–100. The position is shown for the percentage's own band, before any limiter. The
        learning-maturity model uses the same definition with its own bands.
        """,
        [Sources.CqcReachRating],
        x => Expr.Let(x.Percent - x.Band.Lower, offset => Expr.Let(x.Band.Upper - x.Band.Lower, width =>
            new BandPosition(
                width == 0 ? 0.0 : (double)offset / width,
                3 * offset < width ? "lower" : 3 * offset > 2 * width ? "upper" : "middle"))),
        new RuleInterpretation(
            "thirds of the band",
            "CQC says the score shows where a result sits within a rating (a good in the upper threshold is nearing "
            + "outstanding) but does not define the thresholds, so we measure the position linearly and name thirds."));

    public static readonly Rule<LimiterInput, LimiterOutcome> RatingLimiters = new(
        "rating-limiters",
        RuleKind.Unverified,
        """
        Limiters, reported by third parties but not confirmed in a CQC source we could read: if any statement in a key
        question is scored 1, the key question can be no better than requires improvement (limiter
        "statement-scored-1"); if any statement is scored 2, it can be no better than good (limiter
        "statement-scored-2"). The result shows the rating before and after, and names the limiter only when it lowered
        the rating. Limiters are on by default; an answers file can switch them off with the option
        "applyLimiters": false, to see the rating from the percentage alone.
        """,
        [Sources.ThornburyLimiters, Sources.RidoutLimiters],
        x => !x.Apply ? new LimiterOutcome(x.Rating, null)
            : x.Scores.Contains(1) && x.Rating > Rating.RequiresImprovement ? new LimiterOutcome(Rating.RequiresImprovement, "statement-scored-1")
            : x.Scores.Contains(2) && x.Rating > Rating.Good ? new LimiterOutcome(Rating.Good, "statement-scored-2")
            : new LimiterOutcome(x.Rating, null));

    public static readonly Rule<Rating, string> RatingLabel = new(
        "rating-label",
        RuleKind.Published,
        """
        CQC's names for the four ratings: outstanding, good, requires improvement and inadequate. A key question or
        service with nothing to rate is shown as "Not rated".
        """,
        [Sources.CqcLocalAuthorityRatings],
        r => r == Rating.Outstanding ? OutstandingBand.Label
            : r == Rating.Good ? GoodBand.Label
            : r == Rating.RequiresImprovement ? RequiresImprovementBand.Label
            : r == Rating.Inadequate ? InadequateBand.Label
            : NotRatedLabel);

    public static readonly Rule<KeyQuestionInput, KeyQuestionResult> KeyQuestionRating = new(
        "key-question-rating",
        RuleKind.Published,
        """
        A key question's rating comes from its quality statements, all weighted equally: total the scores
        (score-totals), turn them into a percentage of the maximum (percentage-of-maximum), round it
        (whole-percent-rounding), find the band (percentage-band) and the position in it (position-in-band), then apply
        the limiters (rating-limiters). A key question with no scored statement is "Not rated", never 0%.
        """,
        [Sources.CqcLocalAuthorityRatings, Sources.CqcGpExample],
        x => Expr.Let(x.Statements.Select(s => s.Score).ToArray(), scores =>
            Expr.Let(Totals.Evaluate(scores), t =>
            Expr.Let(PercentageOfMaximum.Evaluate(t), percentage =>
                percentage == null
                    ? new KeyQuestionResult(x.Id, x.Name, x.Statements, t.Scored, t.NotScored, t.Sum, t.Maximum, null, null,
                        Rating.NotRated, null, Rating.NotRated, RatingLabel.Evaluate(Rating.NotRated), null, null)
                    : Expr.Let(WholePercentRounding.Evaluate(percentage.Value), rounded =>
                        Expr.Let(PercentageBand.Evaluate(rounded), band =>
                        Expr.Let(RatingLimiters.Evaluate(new LimiterInput(band, scores, x.ApplyLimiters)), limited =>
                        Expr.Let(PositionInBand.Evaluate(new PercentInBand(rounded, RatingBandLimits.Evaluate(band))), position =>
                            new KeyQuestionResult(x.Id, x.Name, x.Statements, t.Scored, t.NotScored, t.Sum, t.Maximum, percentage, rounded,
                                band, limited.Limiter, limited.Rating, RatingLabel.Evaluate(limited.Rating), position.Position, position.Third)))))))));

    public static readonly Rule<IReadOnlyList<Rating>, bool> AllFiveRated = new(
        "overall-needs-all-five",
        RuleKind.Interpretation,
        """
        An overall rating needs all five key questions (safe, effective, caring, responsive, well-led) to be rated. If
        any key question has no scored statement, the overall result is "Not rated" and says which key questions are
        missing.
        """,
        [Sources.CqcAggregationPrinciples],
        rs => rs.Count == 5 && rs.All(r => r != Rating.NotRated),
        new RuleInterpretation(
            "all five key questions",
            "CQC's principles weight the five key questions equally and, after a focused inspection, combine new ratings with "
            + "existing ones, so a real overall rating always rests on five. A self-assessment has no earlier ratings to "
            + "fall back on, so rating the whole service from fewer than five would overstate what was assessed."));

    public static readonly Rule<IReadOnlyList<Rating>, bool> TwoOrMoreInadequate = new(
        "overall-two-or-more-inadequate",
        RuleKind.Published,
        "If two or more key questions are inadequate, the overall rating is normally inadequate.",
        [Sources.CqcAggregationPrinciples],
        rs => rs.Count(r => r == Rating.Inadequate) >= 2);

    public static readonly Rule<IReadOnlyList<Rating>, bool> TwoOrMoreRequiresImprovement = new(
        "overall-two-or-more-requires-improvement",
        RuleKind.Published,
        """
        Otherwise, if two or more key questions require improvement, the overall rating is normally requires
        improvement.
        """,
        [Sources.CqcAggregationPrinciples],
        rs => rs.Count(r => r == Rating.RequiresImprovement) >= 2);

    public static readonly Rule<IReadOnlyList<Rating>, bool> OutstandingOverall = new(
        "overall-outstanding",
        RuleKind.Published,
        """
        Otherwise, if at least two key questions are outstanding and the rest are good, the overall rating is normally
        outstanding.
        """,
        [Sources.CqcAggregationPrinciples],
        rs => rs.Count(r => r == Rating.Outstanding) >= 2 && rs.All(r => r == Rating.Outstanding || r == Rating.Good));

    public static readonly Rule<IReadOnlyList<Rating>, bool> GoodOverall = new(
        "overall-good",
        RuleKind.Published,
        """
        Otherwise, if no key question is inadequate and no more than one requires improvement, the overall rating is
        normally good. So two outstanding, two good and one requires improvement gives good: the outstanding principle
        needs the other three to be good.
        """,
        [Sources.CqcAggregationPrinciples],
        rs => rs.All(r => r != Rating.Inadequate) && rs.Count(r => r == Rating.RequiresImprovement) <= 1);

    public static readonly Rule<IReadOnlyList<Rating>, bool> OneInadequate = new(
        "overall-one-inadequate",
        RuleKind.Interpretation,
        """
        Otherwise, if exactly one key question is inadequate and fewer than two require improvement, the overall rating
        is requires improvement.
        """,
        [Sources.CqcAggregationPrinciples],
        rs => rs.Count(r => r == Rating.Inadequate) == 1 && rs.Count(r => r == Rating.RequiresImprovement) < 2,
        new RuleInterpretation(
            "one inadequate gives requires improvement",
            "CQC's principles rule out good when any key question is inadequate, but name inadequate overall only for two or "
            + "more. They are silent on exactly one; in practice this is usually requires improvement, which we adopt."));

    public static readonly Rule<IReadOnlyList<KeyQuestionResult>, OverallResult> OverallRating = new(
        "overall-rating",
        RuleKind.Published,
        """
        The overall rating combines the five key question ratings (after limiters) with CQC's aggregation principles,
        tried in this order: two or more inadequate; two or more requires improvement; at least two outstanding and the
        rest good; no inadequate and at most one requires improvement. Our two interpretations fill the gaps: all five
        key questions must be rated, and exactly one inadequate gives requires improvement. CQC applies its principles
        "normally" and may depart from them with a recorded reason; a self-assessment cannot, and the breach-of-
        regulations limiter (no better than requires improvement overall) is not modelled because the answers do not
        record breaches.
        """,
        [Sources.CqcAggregationPrinciples, Sources.CqcDepartureFromPrinciples],
        kqs => Expr.Let(kqs.Select(k => k.Rating).ToArray(), rs =>
            !AllFiveRated.Evaluate(rs)
                ? new OverallResult(Rating.NotRated, RatingLabel.Evaluate(Rating.NotRated), "overall-needs-all-five",
                    "There is no overall rating because not every key question is rated. Not rated: "
                    + string.Join(", ", kqs.Where(k => k.Rating == Rating.NotRated).Select(k => k.Name)) + ".")
            : TwoOrMoreInadequate.Evaluate(rs)
                ? new OverallResult(Rating.Inadequate, RatingLabel.Evaluate(Rating.Inadequate), "overall-two-or-more-inadequate",
                    "Two or more key questions are inadequate.")
            : TwoOrMoreRequiresImprovement.Evaluate(rs)
                ? new OverallResult(Rating.RequiresImprovement, RatingLabel.Evaluate(Rating.RequiresImprovement), "overall-two-or-more-requires-improvement",
                    "Two or more key questions require improvement.")
            : OutstandingOverall.Evaluate(rs)
                ? new OverallResult(Rating.Outstanding, RatingLabel.Evaluate(Rating.Outstanding), "overall-outstanding",
                    "At least two key questions are outstanding and the rest are good.")
            : GoodOverall.Evaluate(rs)
                ? new OverallResult(Rating.Good, RatingLabel.Evaluate(Rating.Good), "overall-good",
                    "No key question is inadequate and no more than one requires improvement.")
            : OneInadequate.Evaluate(rs)
                ? new OverallResult(Rating.RequiresImprovement, RatingLabel.Evaluate(Rating.RequiresImprovement), "overall-one-inadequate",
                    "One key question is inadequate and fewer than two require improvement. CQC's principles do not cover this case; our interpretation gives requires improvement.")
            : new OverallResult(Rating.NotRated, RatingLabel.Evaluate(Rating.NotRated), "overall-rating",
                "No aggregation principle applies.")));

    /// <summary>The shared rules in explanation order (the models put their own rules around these).</summary>
    public static IReadOnlyList<Rule> KeyQuestionAndOverallRules =>
    [
        Totals, PercentageOfMaximum, WholePercentRounding, PercentageBand, RatingBandLimits, PositionInBand,
        RatingLimiters, RatingLabel, KeyQuestionRating,
        AllFiveRated, TwoOrMoreInadequate, TwoOrMoreRequiresImprovement, OutstandingOverall, GoodOverall, OneInadequate,
        OverallRating,
    ];
}
