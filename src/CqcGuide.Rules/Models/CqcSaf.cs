using System.Globalization;
using CqcGuide.Rules.Domain;

namespace CqcGuide.Rules.ScoringModels;

/// <summary>A key question and the ids of the items scored under it (static data folded into the JavaScript module).</summary>
public sealed record CatalogueGroup(string Id, string Name, IReadOnlyList<string> ItemIds);

/// <summary>The result of <see cref="CqcSaf"/>.</summary>
/// <param name="Baseline">Which scores are new and which were kept from the last published scores.</param>
public sealed record SafScoreResult(
    ModelRef Model,
    string Notice,
    bool LimitersApplied,
    IReadOnlyList<KeyQuestionResult> KeyQuestions,
    OverallResult Overall,
    BaselineResult Baseline,
    IReadOnlyList<NextStep> NextSteps,
    IReadOnlyList<string> Notes) : ScoreResult;

/// <summary>A statement to work on next: scored 1 or 2, or not assessed (score 0).</summary>
/// <param name="Source">Where its score came from (new, baseline or not-assessed; a learning maturity statement: new).</param>
public sealed record NextStep(string Id, string GroupId, string GroupName, int Score, string Source);

/// <summary>What the next steps are chosen from: the key questions in order and every statement's score.</summary>
public sealed record NextStepsInput(IReadOnlyList<KeyQuestionResult> KeyQuestions, IReadOnlyList<StatementResult> Statements, IReadOnlyDictionary<string, Answer> Answers);

/// <summary>One statement of an answers file to score: the file, the statement and its key question.</summary>
public sealed record StatementKey(AnswersFile File, string Id, string KeyQuestionId);

/// <summary>A statement's score and where it came from.</summary>
/// <param name="Score">1–4, or 0 when not assessed.</param>
/// <param name="Source"><c>new</c> (answered in this self-assessment), <c>baseline</c> (kept from the last published scores) or <c>not-assessed</c>.</param>
/// <param name="BaselineScore">The statement's last published score, when the file has one.</param>
public sealed record StatementResult(string Id, string KeyQuestionId, int Score, string Source, int? BaselineScore);

/// <summary>How a result used the last published scores.</summary>
/// <param name="Used">True when the answers file has a baseline.</param>
/// <param name="PublishedOn">The report's publication date, if the baseline gives it.</param>
/// <param name="NewScores">Statements scored in this self-assessment.</param>
/// <param name="BaselineScores">Statements that kept their last published score.</param>
/// <param name="NotAssessed">Statements with no score.</param>
/// <param name="Statements">Every statement, in key question order, with its score and source.</param>
public sealed record BaselineResult(bool Used, string? PublishedOn, int NewScores, int BaselineScores, int NotAssessed, IReadOnlyList<StatementResult> Statements);

/// <summary>
/// <c>cqc-saf</c>: CQC's single assessment framework as scored since December 2024 — each of the 34 quality statements
/// scored 1–4, key questions rated from the percentage of the maximum, and an overall rating from CQC's principles.
/// </summary>
public sealed class CqcSaf : ScoringModel
{
    public const string ModelId = "cqc-saf";
    public const string ModelVersion = "1.2.0";

    public const string NewSource = "new";
    public const string BaselineSource = "baseline";
    public const string NotAssessedSource = "not-assessed";

    /// <summary>The answer that keeps a statement's last published score (offered where the answers file has a baseline).</summary>
    public static AnswerOption KeepBaseline { get; } = new("not-reassessed", "Not re-assessed: keep the last published score",
        "We have not looked at this statement again, so CQC's last published score stands.", true);

    /// <summary>The answer values each statement accepts: CQC's 1–4, not assessed, and not re-assessed.</summary>
    public static IReadOnlyList<string> Values { get; } = [.. CqcRules.AnswerValues, KeepBaseline.Value];

    /// <summary>How the readiness form offers a baseline and how results label the sources of scores.</summary>
    public static BaselinePresentation BaselinePresentation { get; } = new(
        KeepBaseline,
        CqcRules.AnswerOptions.Where(o => !o.Divider).ToArray(),
        [
            new(NewSource, "New score", "Scored in this self-assessment."),
            new(BaselineSource, "Last published score", "Not re-assessed: CQC's last published score is kept, as CQC keeps the scores of statements it does not look at again."),
            new(NotAssessedSource, "Not assessed", "Left out of the totals."),
        ]);

    /// <summary>Key questions with their statement ids, from <see cref="Framework"/>.</summary>
    public static IReadOnlyList<CatalogueGroup> Catalogue { get; } = Framework.KeyQuestions
        .Select(kq => new CatalogueGroup(kq.Id, kq.Name, Framework.StatementsOf(kq.Id).Select(s => s.Id).ToArray()))
        .ToArray();

    public static readonly Rule<StatementKey, int> BaselineScore = new(
        "baseline-score",
        RuleKind.Published,
        """
        A statement's last published score, when the answers file starts from one: "1" to "4" from the baseline's
        scores, or none (0) when the file has no baseline or the statement has no published score. CQC may re-assess only
        some quality statements; the statements it does not look at again keep their previous scores, and those scores
        still count towards the key question's total.
        """,
        [Sources.CqcReachRating, Sources.CqcAggregationPrinciples],
        k => k.File.Baseline == null ? 0
            : Expr.Let(k.File.Baseline.Scores.GetValueOrDefault(k.Id), v =>
                v == "1" ? 1 : v == "2" ? 2 : v == "3" ? 3 : v == "4" ? 4 : 0));

    public static readonly Rule<StatementKey, StatementResult> StatementScore = new(
        "statement-score",
        RuleKind.Interpretation,
        """
        Each statement's score and where it came from. A statement answered 1 to 4 has a new score (answer-score). A
        statement answered "not re-assessed", or not answered at all, keeps its last published score when there is one
        (baseline-score), exactly as CQC's totals would count it. A statement answered "not assessed", or with neither an
        answer nor a published score, is not assessed and takes no part in the totals.
        """,
        [Sources.CqcReachRating, Sources.CqcAggregationPrinciples],
        k => Expr.Let(CqcRules.AnswerScore.Evaluate(new AnswerKey(k.File.Answers, k.Id)), answered => Expr.Let(BaselineScore.Evaluate(k), baseline =>
            Expr.Let(k.File.Answers.GetValueOrDefault(k.Id), answer =>
                answered > 0
                    ? new StatementResult(k.Id, k.KeyQuestionId, answered, NewSource, baseline > 0 ? baseline : null)
                    : baseline > 0 && (answer == null || answer.Value == KeepBaseline.Value)
                        ? new StatementResult(k.Id, k.KeyQuestionId, baseline, BaselineSource, baseline)
                        : new StatementResult(k.Id, k.KeyQuestionId, 0, NotAssessedSource, baseline > 0 ? baseline : null)))),
        new RuleInterpretation(
            "unanswered keeps the published score",
            "CQC's totals count the previous score of every statement it did not re-assess. When a self-assessment starts "
            + "from those scores, a statement nobody has touched is one not re-assessed, so it keeps its score; choosing "
            + "\"not assessed\" is a deliberate choice to leave the statement out, and we respect it."));

    public static readonly Rule<NextStepsInput, NextStep[]> NextSteps = new(
        "next-steps",
        RuleKind.OwnMethod,
        """
        What to work on next: every statement scored 1, then every statement scored 2, then every statement the team
        answered "not assessed", key question by key question in CQC's order (safe, effective, caring, responsive,
        well-led), and within each group in the framework's order. A low score found and understood is where improvement
        starts; a statement answered "not assessed" is one the team cannot yet back with evidence. Statements not
        answered yet are not listed: they are still to do, not a finding.
        """,
        [Sources.LearningFromFailure, Sources.CqcQualityStatements],
        x => x.KeyQuestions.SelectMany(k => new[] { 1, 2, 0 }.SelectMany(score => x.Statements
                .Where(s => s.KeyQuestionId == k.Id && s.Score == score
                    && (score > 0 || Expr.Let(x.Answers.GetValueOrDefault(s.Id), a => a != null && a.Value == CqcRules.NotAssessedValue)))
                .Select(s => new NextStep(s.Id, k.Id, k.Name, s.Score, s.Source))))
            .ToArray());

    public static readonly Rule<KeyQuestionResult, string?> LimiterNote = new(
        "limiter-note",
        RuleKind.OwnMethod,
        """
        A limiter in plain words, when one lowered a key question's rating (rating-limiters): how many statements were
        scored 1 (or 2), what the key question cannot be better than, what its percentage alone would give, and that
        CQC has not confirmed the rule.
        """,
        [Sources.ThornburyLimiters, Sources.RidoutLimiters],
        k => k.Limiter == null ? null
            : Expr.Let(k.Limiter == "statement-scored-1" ? 1 : 2, low => Expr.Let(k.Statements.Count(s => s.Score == low), n =>
                (n == 1 ? "One statement" : n.ToString(CultureInfo.InvariantCulture) + " statements") + " scored " + low.ToString(CultureInfo.InvariantCulture)
                + ", so " + k.Name + " cannot be better than “" + CqcRules.RatingLabel.Evaluate(k.Rating) + "” in this self-assessment; its percentage alone would make it “"
                + CqcRules.RatingLabel.Evaluate(k.RatingBeforeLimiters) + "”. CQC has not confirmed that it applies this rule.")));

    public static readonly Rule<KeyQuestionResult, string?> RoundingNote = new(
        "rounding-note",
        RuleKind.OwnMethod,
        """
        A result exactly on a rounding edge says so: when a key question's percentage is exactly halfway between two
        whole numbers that fall in different rating bands (62.5% and 87.5% can happen with 8 statements), the note
        says which rating rounding up gives and which the lower number would give, because CQC publishes no rounding
        rule (whole-percent-rounding).
        """,
        [Sources.CqcLocalAuthorityRatings],
        k => k.Percentage.HasValue && k.Percentage.Value - Math.Floor(k.Percentage.Value) == 0.5
                && CqcRules.PercentageBand.Evaluate((int)Math.Floor(k.Percentage.Value)) != CqcRules.PercentageBand.Evaluate((int)Math.Floor(k.Percentage.Value) + 1)
            ? Expr.Let((int)Math.Floor(k.Percentage.Value), low =>
                k.Name + " is exactly " + low.ToString(CultureInfo.InvariantCulture) + ".5%, halfway between two ratings: rounded up to "
                + (low + 1).ToString(CultureInfo.InvariantCulture) + "% it is “" + CqcRules.RatingLabel.Evaluate(CqcRules.PercentageBand.Evaluate(low + 1))
                + "”, and at " + low.ToString(CultureInfo.InvariantCulture) + "% it would be “" + CqcRules.RatingLabel.Evaluate(CqcRules.PercentageBand.Evaluate(low))
                + "”. CQC publishes no rounding rule, so treat this result as on the edge.")
            : null);

    public static readonly Rule<AnswersFile, SafScoreResult> ScoreAnswers = new(
        "score-quality-statements",
        RuleKind.Published,
        """
        Since December 2024 CQC scores each quality statement directly, from 1 to 4, after a balanced judgement of all
        the evidence; evidence categories are no longer scored. Every statement is scored with statement-score: a new
        score, or the last published score when the answers start from one and the statement was not re-assessed. Each
        key question is rated from its own statements (key-question-rating), and the overall rating combines the five
        key questions (overall-rating). All statements are weighted equally, whether their scores are new or kept. The
        result lists every statement's score and whether it is new or the last published one, the statements to work on
        next (next-steps), and notes in plain words on each limiter that lowered a rating (limiter-note) and each result
        on a rounding edge (rounding-note).
        """,
        [Sources.CqcGpExample, Sources.CqcLocalAuthorityRatings, Sources.RichardsReview],
        f => Expr.Let(f.Options == null ? true : f.Options.ApplyLimiters ?? true, apply =>
            Expr.Let(Catalogue.SelectMany(g => g.ItemIds.Select(id => StatementScore.Evaluate(new StatementKey(f, id, g.Id)))).ToArray(), statements =>
            Expr.Let(Catalogue.Select(g => CqcRules.KeyQuestionRating.Evaluate(new KeyQuestionInput(
                    g.Id,
                    g.Name,
                    statements.Where(s => s.KeyQuestionId == g.Id).Select(s => new ItemScore(s.Id, s.Score)).ToArray(),
                    apply))).ToArray(), keyQuestions =>
                new SafScoreResult(
                    new ModelRef(ModelId, ModelVersion),
                    CqcRules.Notice,
                    apply,
                    keyQuestions,
                    CqcRules.OverallRating.Evaluate(keyQuestions),
                    new BaselineResult(
                        f.Baseline != null,
                        // Absent and null read alike (a file may leave publishedOn out).
                        f.Baseline == null || f.Baseline.PublishedOn == null ? null : f.Baseline.PublishedOn,
                        statements.Count(s => s.Source == NewSource),
                        statements.Count(s => s.Source == BaselineSource),
                        statements.Count(s => s.Source == NotAssessedSource),
                        statements),
                    NextSteps.Evaluate(new NextStepsInput(keyQuestions, statements, f.Answers)),
                    keyQuestions.Select(k => LimiterNote.Evaluate(k)).Concat(keyQuestions.Select(k => RoundingNote.Evaluate(k)))
                        .Where(n => n != null).Select(n => n!).ToArray())))));

    /// <summary>The model. Built on first use, after every static rule above exists (so declaration order does not matter).</summary>
    public static CqcSaf Instance => instance.Value;

    private static readonly Lazy<CqcSaf> instance = new(() => new CqcSaf());

    private CqcSaf()
        : base(new ModelDescriptor
        {
            Id = ModelId,
            Version = ModelVersion,
            Title = "CQC quality statement scoring (since December 2024)",
            Summary = "Score each of CQC's 34 quality statements from 1 (significant shortfalls) to 4 (exceptional), or leave it not assessed. "
                + "You can start from the scores of your last published CQC report and re-assess only the statements you have worked on: "
                + "the others keep their published scores, as in CQC's own totals. "
                + "Each key question gets a percentage of the maximum and a rating from CQC's bands; the overall rating follows CQC's "
                + "aggregation principles. Where CQC's published rules are silent we say so and name our interpretation. "
                + "This is a self-assessment, not a CQC rating.",
            IsCqcMethod = true,
            Entry = new("score", ScoreAnswers),
            Rules = [ScoreAnswers, StatementScore, CqcRules.AnswerScore, BaselineScore, NextSteps, LimiterNote, RoundingNote, .. CqcRules.KeyQuestionAndOverallRules],
            Groups = Framework.KeyQuestions.Select(k => new ModelGroup(k.Id, k.Name)).ToArray(),
            Items = Framework.QualityStatements.Select(s => new ModelItem(s.Id, s.KeyQuestionId, Values, s.Name)).ToArray(),
            Presentation = CqcRules.Presentation with { Baseline = BaselinePresentation },
        })
    {
    }
}
