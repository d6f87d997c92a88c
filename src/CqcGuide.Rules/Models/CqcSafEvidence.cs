using CqcGuide.Rules.Domain;

namespace CqcGuide.Rules.ScoringModels;

/// <summary>One of CQC's six evidence categories.</summary>
public sealed record EvidenceCategory(string Id, string Name);

/// <summary>A quality statement and its evidence-category item ids.</summary>
public sealed record EvidenceStatement(string Id, IReadOnlyList<string> ItemIds);

/// <summary>A key question and its statements (static data folded into the JavaScript module).</summary>
public sealed record EvidenceGroup(string Id, string Name, IReadOnlyList<EvidenceStatement> Statements);

public sealed record StatementEvidence(string Id, IReadOnlyList<ItemScore> Categories);

/// <summary>A statement scored from its evidence categories. <see cref="Score"/> is 1–4, or 0 when not assessed.</summary>
public sealed record EvidenceStatementResult(
    string Id,
    IReadOnlyList<ItemScore> Categories,
    int Scored,
    int NotAssessed,
    int Sum,
    int Maximum,
    double? Percentage,
    int? RoundedPercentage,
    int Score);

public sealed record EvidenceGroupResult(string Id, string Name, IReadOnlyList<EvidenceStatementResult> Statements);

/// <summary>The result of <see cref="CqcSafEvidence"/>.</summary>
public sealed record EvidenceScoreResult(
    ModelRef Model,
    string Notice,
    bool LimitersApplied,
    IReadOnlyList<EvidenceGroupResult> StatementsByKeyQuestion,
    IReadOnlyList<KeyQuestionResult> KeyQuestions,
    OverallResult Overall) : ScoreResult;

/// <summary>
/// <c>cqc-saf-evidence</c>: the single assessment framework as scored before December 2024 — each statement's evidence
/// categories scored 1–4, converted to a statement score, then key questions and overall exactly as <see cref="CqcSaf"/>.
/// </summary>
public sealed class CqcSafEvidence : ScoringModel
{
    public const string ModelId = "cqc-saf-evidence";
    public const string ModelVersion = "1.0.0";

    public static IReadOnlyList<EvidenceCategory> Categories { get; } =
    [
        new("people-experience", "People's experience of health and care services"),
        new("staff-leaders-feedback", "Feedback from staff and leaders"),
        new("partners-feedback", "Feedback from partners"),
        new("observation", "Observation"),
        new("processes", "Processes"),
        new("outcomes", "Outcomes"),
    ];

    public static IReadOnlyList<EvidenceGroup> Catalogue { get; } = Framework.KeyQuestions
        .Select(kq => new EvidenceGroup(kq.Id, kq.Name, Framework.StatementsOf(kq.Id)
            .Select(s => new EvidenceStatement(s.Id, Categories.Select(c => ItemId(s.Id, c.Id)).ToArray()))
            .ToArray()))
        .ToArray();

    /// <summary>The item id of a statement's evidence category, e.g. <c>safe.learning-culture/processes</c>.</summary>
    public static string ItemId(string statementId, string categoryId) => statementId + "/" + categoryId;

    public static readonly Rule<int, int> StatementScoreConversion = new(
        "statement-score-conversion",
        RuleKind.Interpretation,
        """
        A statement's whole-number percentage is converted back to a score from 1 to 4 with the same bands as key
        questions: 25–38% scores 1, 39–62% scores 2, 63–87% scores 3 and 88% or more scores 4.
        """,
        [Sources.CqcBeforeDecember2024, Sources.CqcGpExampleBefore2024],
        p => (int)CqcRules.PercentageBand.Evaluate(p),
        new RuleInterpretation(
            "same bands for the conversion",
            "CQC says it converts the statement percentage back to a score, but the conversion bands could not be read in "
            + "any copy of the page we hold. The key question bands are the natural reading and are what we use."));

    public static readonly Rule<StatementEvidence, EvidenceStatementResult> StatementFromCategories = new(
        "statement-from-categories",
        RuleKind.Published,
        """
        Before December 2024 each relevant evidence category of a quality statement was scored from 1 to 4. The
        statement's percentage is the sum of its scored categories divided by 4 × the number of scored categories;
        it is rounded (whole-percent-rounding) and converted back to a score from 1 to 4
        (statement-score-conversion). Mark categories that are not relevant to your service as not assessed. A
        statement with no scored category is not assessed.
        """,
        [Sources.CqcBeforeDecember2024, Sources.CqcGpExampleBefore2024, Sources.CqcEvidenceCategories],
        x => Expr.Let(CqcRules.Totals.Evaluate(x.Categories.Select(c => c.Score).ToArray()), t =>
            Expr.Let(CqcRules.PercentageOfMaximum.Evaluate(t), percentage =>
                percentage == null
                    ? new EvidenceStatementResult(x.Id, x.Categories, t.Scored, t.NotScored, t.Sum, t.Maximum, null, null, 0)
                    : Expr.Let(CqcRules.WholePercentRounding.Evaluate(percentage.Value), rounded =>
                        new EvidenceStatementResult(x.Id, x.Categories, t.Scored, t.NotScored, t.Sum, t.Maximum, percentage, rounded,
                            StatementScoreConversion.Evaluate(rounded))))));

    public static readonly Rule<AnswersFile, EvidenceScoreResult> ScoreAnswers = new(
        "score-evidence-categories",
        RuleKind.Published,
        """
        CQC's method for assessments before December 2024: score each statement's evidence categories
        (answer-score), turn them into a statement score (statement-from-categories), then rate each key question from
        its statement scores and combine the key questions exactly as in the current method (key-question-rating,
        overall-rating). CQC stopped scoring evidence categories in December 2024 after the Richards review.
        """,
        [Sources.CqcBeforeDecember2024, Sources.RichardsReview],
        f => Expr.Let(f.Options == null ? true : f.Options.ApplyLimiters ?? true, apply =>
            Expr.Let(Catalogue.Select(g => new EvidenceGroupResult(g.Id, g.Name, g.Statements
                    .Select(s => StatementFromCategories.Evaluate(new StatementEvidence(
                        s.Id,
                        s.ItemIds.Select(id => new ItemScore(id, CqcRules.AnswerScore.Evaluate(new AnswerKey(f.Answers, id)))).ToArray())))
                    .ToArray())).ToArray(), groups =>
            Expr.Let(groups.Select(g => CqcRules.KeyQuestionRating.Evaluate(new KeyQuestionInput(
                    g.Id,
                    g.Name,
                    g.Statements.Select(s => new ItemScore(s.Id, s.Score)).ToArray(),
                    apply))).ToArray(), keyQuestions =>
                new EvidenceScoreResult(
                    new ModelRef(ModelId, ModelVersion),
                    CqcRules.Notice,
                    apply,
                    groups,
                    keyQuestions,
                    CqcRules.OverallRating.Evaluate(keyQuestions))))));

    /// <summary>The model. Built on first use, after every static rule above exists (so declaration order does not matter).</summary>
    public static CqcSafEvidence Instance => instance.Value;

    private static readonly Lazy<CqcSafEvidence> instance = new(() => new CqcSafEvidence());

    private CqcSafEvidence()
        : base(new ModelDescriptor
        {
            Id = ModelId,
            Version = ModelVersion,
            Title = "CQC evidence category scoring (before December 2024)",
            Summary = "CQC's earlier method: score each quality statement's evidence categories from 1 to 4 (or not assessed), convert "
                + "them to a statement score, then rate the key questions and the service as in the current method. Use it to "
                + "compare with a report written under the old method. This is a self-assessment, not a CQC rating.",
            IsCqcMethod = true,
            Entry = new("score", ScoreAnswers),
            Rules =
            [
                ScoreAnswers, CqcRules.AnswerScore, StatementFromCategories, StatementScoreConversion,
                .. CqcRules.KeyQuestionAndOverallRules,
            ],
            Groups = Framework.KeyQuestions.Select(k => new ModelGroup(k.Id, k.Name)).ToArray(),
            Items = Framework.QualityStatements
                .SelectMany(s => Categories.Select(c => new ModelItem(ItemId(s.Id, c.Id), s.KeyQuestionId, CqcRules.AnswerValues, $"{s.Name}: {c.Name}")))
                .ToArray(),
            Presentation = CqcRules.Presentation,
        })
    {
    }
}
