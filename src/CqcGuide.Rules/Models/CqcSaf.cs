using CqcGuide.Rules.Domain;

namespace CqcGuide.Rules.ScoringModels;

/// <summary>A key question and the ids of the items scored under it (static data folded into the JavaScript module).</summary>
public sealed record CatalogueGroup(string Id, string Name, IReadOnlyList<string> ItemIds);

/// <summary>The result of <see cref="CqcSaf"/>.</summary>
public sealed record SafScoreResult(
    ModelRef Model,
    string Notice,
    bool LimitersApplied,
    IReadOnlyList<KeyQuestionResult> KeyQuestions,
    OverallResult Overall) : ScoreResult;

/// <summary>
/// <c>cqc-saf</c>: CQC's single assessment framework as scored since December 2024 — each of the 34 quality statements
/// scored 1–4, key questions rated from the percentage of the maximum, and an overall rating from CQC's principles.
/// </summary>
public sealed class CqcSaf : ScoringModel
{
    public const string ModelId = "cqc-saf";
    public const string ModelVersion = "1.0.0";

    /// <summary>The answer values each statement accepts (the values of <see cref="CqcRules.AnswerOptions"/>).</summary>
    public static IReadOnlyList<string> Values { get; } = CqcRules.AnswerOptions.Select(o => o.Value).ToArray();

    /// <summary>Key questions with their statement ids, from <see cref="Framework"/>.</summary>
    public static IReadOnlyList<CatalogueGroup> Catalogue { get; } = Framework.KeyQuestions
        .Select(kq => new CatalogueGroup(kq.Id, kq.Name, Framework.StatementsOf(kq.Id).Select(s => s.Id).ToArray()))
        .ToArray();

    public static readonly Rule<AnswersFile, SafScoreResult> ScoreAnswers = new(
        "score-quality-statements",
        RuleKind.Published,
        """
        Since December 2024 CQC scores each quality statement directly, from 1 to 4, after a balanced judgement of all
        the evidence; evidence categories are no longer scored. Every statement you assess is scored with answer-score;
        each key question is rated from its own statements (key-question-rating), and the overall rating combines the
        five key questions (overall-rating). All statements are weighted equally.
        """,
        [Sources.CqcGpExample, Sources.CqcLocalAuthorityRatings, Sources.RichardsReview],
        f => Expr.Let(f.Options == null ? true : f.Options.ApplyLimiters ?? true, apply =>
            Expr.Let(Catalogue.Select(g => CqcRules.KeyQuestionRating.Evaluate(new KeyQuestionInput(
                    g.Id,
                    g.Name,
                    g.ItemIds.Select(id => new ItemScore(id, CqcRules.AnswerScore.Evaluate(new AnswerKey(f.Answers, id)))).ToArray(),
                    apply))).ToArray(), keyQuestions =>
                new SafScoreResult(
                    new ModelRef(ModelId, ModelVersion),
                    CqcRules.Notice,
                    apply,
                    keyQuestions,
                    CqcRules.OverallRating.Evaluate(keyQuestions)))));

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
                + "Each key question gets a percentage of the maximum and a rating from CQC's bands; the overall rating follows CQC's "
                + "aggregation principles. Where CQC's published rules are silent we say so and name our interpretation. "
                + "This is a self-assessment, not a CQC rating.",
            IsCqcMethod = true,
            Entry = new("score", ScoreAnswers),
            Rules = [ScoreAnswers, CqcRules.AnswerScore, .. CqcRules.KeyQuestionAndOverallRules],
            Groups = Framework.KeyQuestions.Select(k => new ModelGroup(k.Id, k.Name)).ToArray(),
            Items = Framework.QualityStatements.Select(s => new ModelItem(s.Id, s.KeyQuestionId, Values, s.Name)).ToArray(),
            Presentation = CqcRules.Presentation,
        })
    {
    }
}
