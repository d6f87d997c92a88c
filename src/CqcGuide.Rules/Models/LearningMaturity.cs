using static System.FormattableString;

namespace CqcGuide.Rules.ScoringModels;

/// <summary>Maturity bands of the learning-maturity model.</summary>
public enum Maturity
{
    NotRated = 0,
    Reactive = 1,
    Developing = 2,
    Established = 3,
    Embedded = 4,
}

/// <summary>A theme of the learning-maturity model with its guidance page and statement ids.</summary>
public sealed record MaturityTheme(string Id, string Name, string Guidance, IReadOnlyList<string> ItemIds);

/// <summary>A statement of the learning-maturity model; <see cref="Text"/> is the default wording.</summary>
public sealed record MaturityStatement(string Id, string ThemeId, string Text);

public sealed record MaturityGroupInput(string Id, string Name, string? Guidance, IReadOnlyList<ItemScore> Statements);

/// <summary>A theme's (or the overall) maturity.</summary>
public sealed record MaturityGroupResult(
    string Id,
    string Name,
    string? Guidance,
    int Scored,
    int NotApplicable,
    int Sum,
    int Maximum,
    double? Percentage,
    int? RoundedPercentage,
    Maturity Band,
    string BandLabel,
    double? PositionInBand,
    string? PositionInBandThird);

/// <summary>A common pitfall suggested by the answers (a statement answered 1), the guidance that addresses it, and the statements that raised it.</summary>
public sealed record PitfallFlag(string Id, string Pitfall, string Guidance, IReadOnlyList<string> TriggeredBy);

/// <summary>
/// Something to watch: a pitfall's statements answered 2 (Developing) and none 1. <see cref="NextStep"/> says what to do
/// next, not what went wrong.
/// </summary>
public sealed record WatchItem(string Id, string Title, string NextStep, string Guidance, IReadOnlyList<string> TriggeredBy);

/// <summary>One pitfall checked against the answers: a flag (a statement answered 1), a watch item (answered 2, none 1), or neither.</summary>
public sealed record PitfallCheck(PitfallFlag? Flag, WatchItem? Watch);

/// <summary>
/// A maturity band: the inclusive whole-percent limits and the label. The rules read these records (maturity-band,
/// maturity-band-limits, maturity-label) and <see cref="ModelPresentation.Bands"/> exports the same records.
/// </summary>
public sealed record MaturityLevel(Maturity Band, string Label, int Lower, int Upper);

/// <summary>The result of <see cref="LearningMaturity"/>.</summary>
public sealed record MaturityScoreResult(
    ModelRef Model,
    string Notice,
    IReadOnlyList<MaturityGroupResult> Themes,
    MaturityGroupResult Overall,
    IReadOnlyList<PitfallFlag> Pitfalls,
    IReadOnlyList<WatchItem> Watch,
    IReadOnlyList<NextStep> NextSteps) : ScoreResult;

/// <summary>
/// <c>learning-maturity</c>: CqcGuide's own "learning from failure" self-assessment (not a CQC method). Seven themes
/// drawn from the guidance, each statement scored 1 Reactive – 4 Embedded or "na".
/// </summary>
public sealed class LearningMaturity : ScoringModel
{
    public const string ModelId = "learning-maturity";
    public const string ModelVersion = "1.2.0";
    public const string Notice = "Self-assessment — CqcGuide's own learning-maturity model, not a CQC method or rating";

    /// <summary>The label of a theme where every statement was not applicable or unanswered.</summary>
    public const string NotScoredLabel = "Not scored";

    // The bands come first: the band rules' descriptions below are written from them as the class is initialised.
    public static readonly MaturityLevel ReactiveLevel = new(Maturity.Reactive, "Reactive", 25, 43);
    public static readonly MaturityLevel DevelopingLevel = new(Maturity.Developing, "Developing", 44, 62);
    public static readonly MaturityLevel EstablishedLevel = new(Maturity.Established, "Established", 63, 81);
    public static readonly MaturityLevel EmbeddedLevel = new(Maturity.Embedded, "Embedded", 82, 100);

    /// <summary>The four maturity bands, lowest first: the data the band rules read and the browser draws.</summary>
    public static IReadOnlyList<MaturityLevel> Levels { get; } = [ReactiveLevel, DevelopingLevel, EstablishedLevel, EmbeddedLevel];

    /// <summary>The answers each statement accepts, with the wording a form shows (the values <see cref="AnswerScore"/> reads).</summary>
    public static IReadOnlyList<AnswerOption> Answers { get; } =
    [
        new("1", "1 – Reactive", "We act only after things go wrong.", false),
        new("2", "2 – Developing", "We have started, but it is patchy or depends on a few people.", false),
        new("3", "3 – Established", "It is in place and usually followed.", false),
        new("4", "4 – Embedded", "It is simply how we work, and we can show it.", false),
        new("na", "Not applicable", "This does not apply to our service; leave it out of the score.", true),
    ];

    public static IReadOnlyList<string> Values { get; } = Answers.Select(o => o.Value).ToArray();


    /// <summary>The themes, in display order.</summary>
    public static IReadOnlyList<(string Id, string Name, string Guidance)> ThemeList { get; } =
    [
        ("causes", "Understanding causes", "/guidance/root-causes/"),
        ("culture", "Open and just culture", "/guidance/beyond-blame/"),
        ("governance", "Governance and oversight", "/guidance/governance-reviews/"),
        ("change", "Turning learning into change", "/guidance/practice-change/"),
        ("monitoring", "Monitoring effectiveness", "/guidance/monitoring-effectiveness/"),
        ("embedding", "Embedding and sharing learning", "/guidance/embedding-learning/"),
        ("leadership", "Leadership and resilience", "/guidance/resilience/"),
    ];

    /// <summary>Every statement with its stable id and default wording.</summary>
    public static IReadOnlyList<MaturityStatement> Statements { get; } =
    [
        new("causes.beyond-individuals", "causes", "When something goes wrong, we look beyond the people involved to the conditions that allowed it to happen."),
        new("causes.structured-method", "causes", "We use a structured, system-based method (such as an after action review, a SWARM huddle or the SEIPS work-system areas) to understand what happened."),
        new("causes.systemic-weaknesses", "causes", "We look for weaknesses in processes and workflows that could cause the same problem elsewhere in the service."),
        new("causes.culture-leadership", "causes", "We consider cultural and leadership factors, such as workload pressure, unclear processes or weak oversight."),
        new("causes.work-as-done", "causes", "We compare how work is actually done with how our policies and procedures say it should be done."),

        new("culture.open-reporting", "culture", "Staff report incidents, near misses and concerns openly."),
        new("culture.systems-not-blame", "culture", "Our reviews focus on improving systems rather than finding individual fault."),
        new("culture.reflective-practice", "culture", "Supervision and team discussions give staff room to reflect on mistakes and learn from them."),
        new("culture.safe-to-speak-up", "culture", "Staff say they feel safe to raise concerns, discuss mistakes and suggest improvements."),
        new("culture.leaders-model-openness", "culture", "Leaders are open and fair, and engage constructively with difficult issues."),
        new("culture.candour", "culture", "When things go wrong we are open with the people affected and meet the duty of candour."),

        new("governance.structured-reviews", "governance", "We hold structured governance reviews after significant failures, incidents or poor inspection findings."),
        new("governance.reflection-documented", "governance", "Our learning and governance reflection are written down, not only discussed."),
        new("governance.escalation-oversight", "governance", "Reviews examine decision-making, missed opportunities to escalate, and oversight gaps at supervisory, managerial and organisational level."),
        new("governance.information-flow", "governance", "Reviews look at weaknesses in information flow, communication and record-keeping."),
        new("governance.feeds-planning", "governance", "Review findings feed into board or senior reporting, quality assurance and our improvement plan."),

        new("change.addresses-causes", "change", "Our actions address the underlying causes we found, not only the immediate problem."),
        new("change.policies-revised", "change", "We revise policies and procedures where learning shows a weakness."),
        new("change.targeted-training", "change", "Training is updated to address the real issues we found, not generic topics."),
        new("change.clear-expectations", "change", "Staff know what is expected of them for recording, escalation and decision-making."),
        new("change.owned-and-dated", "change", "Every action has a named owner role and a date to be completed by."),

        new("monitoring.measures-defined", "monitoring", "Each change has a measure that will show whether it is working."),
        new("monitoring.effectiveness-reviewed", "monitoring", "We review whether each change worked and decide to adopt, adapt or abandon it."),
        new("monitoring.staff-understanding", "monitoring", "We check that staff understand the changes and that they show in day-to-day practice."),
        new("monitoring.recurrence-tracked", "monitoring", "We track whether similar issues come back."),
        new("monitoring.people-feedback", "monitoring", "We use feedback from people who use the service, and their families, to judge whether things have improved."),

        new("embedding.team-meetings", "embedding", "Learning is discussed regularly in team meetings and reflective sessions."),
        new("embedding.supervision-appraisal", "embedding", "Learning is built into supervision and appraisal."),
        new("embedding.audit-cycles", "embedding", "Audit and quality assurance cycles check that learning is still being applied."),
        new("embedding.shared-widely", "embedding", "We share learning across teams and services, and with partners where it helps them."),
        new("embedding.earlier-learning-used", "embedding", "Incident and safeguarding reviews draw on what we learned before."),

        new("leadership.consistent-values", "leadership", "Leaders' behaviour is consistent with our stated values."),
        new("leadership.clear-accountability", "leadership", "Accountability is clear at every level of the organisation."),
        new("leadership.early-warning", "leadership", "We identify risks early and respond before they cause harm."),
        new("leadership.plans-for-pressure", "leadership", "We plan for pressures such as changes in demand, workforce shortages and new regulatory expectations."),
    ];

    /// <summary>Themes with their statement ids (static data folded into the JavaScript module).</summary>
    public static IReadOnlyList<MaturityTheme> Catalogue { get; } = ThemeList
        .Select(t => new MaturityTheme(t.Id, t.Name, t.Guidance, Statements.Where(s => s.ThemeId == t.Id).Select(s => s.Id).ToArray()))
        .ToArray();

    public static IReadOnlyList<string> AllItemIds { get; } = Statements.Select(s => s.Id).ToArray();

    private static readonly RuleSource[] Guidance = [Sources.LearningFromFailure];

    public static readonly Rule<AnswerKey, int> AnswerScore = new(
        "maturity-answer-score",
        RuleKind.OwnMethod,
        """
        Each statement is answered on a four-step scale: 1 Reactive (we act only after things go wrong), 2 Developing,
        3 Established, 4 Embedded (it is simply how we work). "na" (not applicable), or no answer, leaves the statement
        out of every total.
        """,
        Guidance,
        k => Expr.Let(k.Answers.GetValueOrDefault(k.QuestionId), a =>
            a == null ? 0
            : a.Value == "1" ? 1
            : a.Value == "2" ? 2
            : a.Value == "3" ? 3
            : a.Value == "4" ? 4
            : 0));

    public static readonly Rule<int, Maturity> MaturityBand = new(
        "maturity-band",
        RuleKind.OwnMethod,
        Invariant($"""
        The whole-number percentage gives the maturity band. The range 25–100% is split into four equal quarters and
        rounded to whole percentages: {ReactiveLevel.Lower}–{ReactiveLevel.Upper}% Reactive,
        {DevelopingLevel.Lower}–{DevelopingLevel.Upper}% Developing, {EstablishedLevel.Lower}–{EstablishedLevel.Upper}% Established,
        {EmbeddedLevel.Lower}–{EmbeddedLevel.Upper}% Embedded.
        """),
        Guidance,
        p => p >= EmbeddedLevel.Lower ? EmbeddedLevel.Band
            : p >= EstablishedLevel.Lower ? EstablishedLevel.Band
            : p >= DevelopingLevel.Lower ? DevelopingLevel.Band
            : ReactiveLevel.Band);

    public static readonly Rule<Maturity, BandLimits> MaturityBandLimits = new(
        "maturity-band-limits",
        RuleKind.OwnMethod,
        Invariant($"The inclusive limits of each maturity band: Reactive {ReactiveLevel.Lower}–{ReactiveLevel.Upper}, Developing {DevelopingLevel.Lower}–{DevelopingLevel.Upper}, Established {EstablishedLevel.Lower}–{EstablishedLevel.Upper}, Embedded {EmbeddedLevel.Lower}–{EmbeddedLevel.Upper}."),
        Guidance,
        m => m == Maturity.Embedded ? new BandLimits(EmbeddedLevel.Lower, EmbeddedLevel.Upper)
            : m == Maturity.Established ? new BandLimits(EstablishedLevel.Lower, EstablishedLevel.Upper)
            : m == Maturity.Developing ? new BandLimits(DevelopingLevel.Lower, DevelopingLevel.Upper)
            : m == Maturity.Reactive ? new BandLimits(ReactiveLevel.Lower, ReactiveLevel.Upper)
            : new BandLimits(0, 0));

    public static readonly Rule<Maturity, string> MaturityLabel = new(
        "maturity-label",
        RuleKind.OwnMethod,
        "The names of the bands: Reactive, Developing, Established and Embedded; \"Not scored\" when every statement was not applicable or unanswered.",
        Guidance,
        m => m == Maturity.Embedded ? EmbeddedLevel.Label
            : m == Maturity.Established ? EstablishedLevel.Label
            : m == Maturity.Developing ? DevelopingLevel.Label
            : m == Maturity.Reactive ? ReactiveLevel.Label
            : NotScoredLabel);

    public static readonly Rule<MaturityGroupInput, MaturityGroupResult> GroupMaturity = new(
        "group-maturity",
        RuleKind.OwnMethod,
        """
        A theme's maturity (and the overall maturity, over every statement) uses the same arithmetic as CQC's scoring so
        the numbers feel familiar: total the scores (score-totals), take the percentage of the maximum
        (percentage-of-maximum), round it (whole-percent-rounding), find the band (maturity-band) and the position in
        it (position-in-band). All statements are weighted equally. A theme where every statement is not applicable is
        "Not scored", never 0%.
        """,
        Guidance,
        x => Expr.Let(CqcRules.Totals.Evaluate(x.Statements.Select(s => s.Score).ToArray()), t =>
            Expr.Let(CqcRules.PercentageOfMaximum.Evaluate(t), percentage =>
                percentage == null
                    ? new MaturityGroupResult(x.Id, x.Name, x.Guidance, t.Scored, t.NotScored, t.Sum, t.Maximum, null, null,
                        Maturity.NotRated, MaturityLabel.Evaluate(Maturity.NotRated), null, null)
                    : Expr.Let(CqcRules.WholePercentRounding.Evaluate(percentage.Value), rounded =>
                        Expr.Let(MaturityBand.Evaluate(rounded), band =>
                        Expr.Let(CqcRules.PositionInBand.Evaluate(new PercentInBand(rounded, MaturityBandLimits.Evaluate(band))), position =>
                            new MaturityGroupResult(x.Id, x.Name, x.Guidance, t.Scored, t.NotScored, t.Sum, t.Maximum, percentage, rounded,
                                band, MaturityLabel.Evaluate(band), position.Position, position.Third)))))));

    public static readonly Rule<IReadOnlyList<ItemScore>, PitfallCheck> QuickFixes = Pitfall(
        "pitfall-quick-fixes", "quick-fixes",
        "Focusing on quick fixes rather than underlying causes",
        "/guidance/common-pitfalls/#quick-fixes",
        ["change.addresses-causes", "causes.systemic-weaknesses", "causes.culture-leadership"],
        "Fixing addresses the immediate issue; learning addresses the conditions that allowed it to arise.",
        "Reaching the underlying causes",
        "Next step: check that at least one action in your next learning log changes the conditions that allowed the problem, not only the problem itself.");

    public static readonly Rule<IReadOnlyList<ItemScore>, PitfallCheck> BlamingIndividuals = Pitfall(
        "pitfall-blaming-individuals", "blaming-individuals",
        "Attributing issues solely to individual staff rather than systems",
        "/guidance/common-pitfalls/#blaming-individuals",
        ["causes.beyond-individuals", "culture.systems-not-blame"],
        "A focus on individual fault rather than system improvement is unlikely to generate meaningful learning.",
        "Looking beyond individuals",
        "Next step: in your next review, ask what in the work (tasks, tools, the environment, the organisation) made the problem possible before asking who was involved.");

    public static readonly Rule<IReadOnlyList<ItemScore>, PitfallCheck> UndocumentedLearning = Pitfall(
        "pitfall-undocumented-learning", "undocumented-learning",
        "Failing to document learning and governance reflection",
        "/guidance/common-pitfalls/#undocumented-learning",
        ["governance.reflection-documented", "governance.structured-reviews"],
        "Documented reflection shows that issues are being analysed and that the analysis informs change.",
        "Writing down what you learn",
        "Next step: write down what your next governance review concludes about oversight, escalation and information flow, not only what it discussed.");

    public static readonly Rule<IReadOnlyList<ItemScore>, PitfallCheck> UnmonitoredChanges = Pitfall(
        "pitfall-unmonitored-changes", "unmonitored-changes",
        "Implementing changes without monitoring their effectiveness",
        "/guidance/common-pitfalls/#unmonitored-changes",
        ["monitoring.measures-defined", "monitoring.effectiveness-reviewed"],
        "Without a measure and a review nobody can show that a change reduced the risk.",
        "Checking that changes work",
        "Next step: give each new change a measure and a date to review it, then decide to adopt, adapt or abandon it.");

    public static readonly Rule<IReadOnlyList<ItemScore>, PitfallCheck> OneOffResponse = Pitfall(
        "pitfall-one-off-response", "one-off-response",
        "Treating learning as a one-off response rather than part of routine practice",
        "/guidance/embedding-learning/",
        ["embedding.team-meetings", "embedding.audit-cycles", "governance.feeds-planning"],
        "The guidance warns that reviews should not be isolated exercises: learning works when it is continuous and feeds "
        + "team meetings, supervision, audit and improvement planning.",
        "Making learning routine",
        "Next step: make learning a standing item in team meetings, supervision and audits, so it carries on after the review is finished.");

    public static readonly Rule<IReadOnlyList<ItemScore>, PitfallCheck> SilencedStaff = Pitfall(
        "pitfall-silenced-staff", "silenced-staff",
        "A culture that discourages staff from reporting concerns",
        "/guidance/culture/",
        ["culture.open-reporting", "culture.safe-to-speak-up"],
        "The guidance warns that blame discourages staff from reporting concerns, which weakens oversight and increases risk.",
        "Making it safe to speak up",
        "Next step: ask staff how safe they feel to raise concerns, and tell them what changed when they did.");

    public static readonly Rule<IReadOnlyList<ItemScore>, IReadOnlyList<PitfallCheck>> PitfallChecks = new(
        "pitfall-checks",
        RuleKind.OwnMethod,
        """
        Each pitfall checked in turn, in a fixed order: quick fixes, blaming individuals, undocumented learning,
        unmonitored changes, one-off response, silenced staff. A pitfall is flagged only when one of its statements is
        answered 1 (Reactive); when none is 1 but one is 2 (Developing) it is shown as something to watch, worded as a
        next step. Each names the statements that raised it and the guidance page that addresses it.
        """,
        Guidance,
        ss => new[]
        {
            QuickFixes.Evaluate(ss), BlamingIndividuals.Evaluate(ss), UndocumentedLearning.Evaluate(ss),
            UnmonitoredChanges.Evaluate(ss), OneOffResponse.Evaluate(ss), SilencedStaff.Evaluate(ss),
        });

    public static readonly Rule<IReadOnlyList<ItemScore>, NextStep[]> NextSteps = new(
        "maturity-next-steps",
        RuleKind.OwnMethod,
        """
        What to work on next: every statement answered 1 (Reactive), then every statement answered 2 (Developing), theme
        by theme in the model's order and within a theme in the model's order. Statements not applicable or not
        answered are left out.
        """,
        Guidance,
        all => Catalogue.SelectMany(t => new[] { 1, 2 }.SelectMany(score => all
                .Where(s => t.ItemIds.Contains(s.Id) && s.Score == score)
                .Select(s => new NextStep(s.Id, t.Id, t.Name, s.Score, "new"))))
            .ToArray());

    public static readonly Rule<AnswersFile, MaturityScoreResult> ScoreAnswers = new(
        "score-learning-maturity",
        RuleKind.OwnMethod,
        """
        This is CqcGuide's own model for a "learning from failure" self-assessment, not a CQC method. Each statement is
        scored (maturity-answer-score); each theme gets a maturity from its own statements and the overall maturity
        comes from every statement, all weighted equally (group-maturity); and answer patterns that point to a common
        pitfall are flagged, or shown as something to watch (pitfall-checks). The statements to work on next are listed
        (maturity-next-steps).
        """,
        Guidance,
        f => Expr.Let(AllItemIds.Select(id => new ItemScore(id, AnswerScore.Evaluate(new AnswerKey(f.Answers, id)))).ToArray(), all =>
            Expr.Let(PitfallChecks.Evaluate(all), checks =>
                new MaturityScoreResult(
                    new ModelRef(ModelId, ModelVersion),
                    Notice,
                    Catalogue.Select(t => GroupMaturity.Evaluate(new MaturityGroupInput(t.Id, t.Name, t.Guidance,
                        all.Where(s => t.ItemIds.Contains(s.Id)).ToArray()))).ToArray(),
                    GroupMaturity.Evaluate(new MaturityGroupInput("overall", "All themes", null, all)),
                    checks.Where(c => c.Flag != null).Select(c => c.Flag!).ToArray(),
                    checks.Where(c => c.Watch != null).Select(c => c.Watch!).ToArray(),
                    NextSteps.Evaluate(all)))));

    private static Rule<IReadOnlyList<ItemScore>, PitfallCheck> Pitfall(
        string name, string id, string pitfall, string guidance, IReadOnlyList<string> triggers, string why, string title, string nextStep)
    {
        var statements = string.Join(", ", triggers.Select(t => "\"" + t + "\""));
        return new(
            name,
            RuleKind.OwnMethod,
            $"""
            Flagged when any of these statements is answered 1 (Reactive): {statements}. It points to the common pitfall
            "{pitfall}". {why} When none of them is 1 but one is answered 2 (Developing), it is not a flag but something to
            watch, "{title}", with a next step: "{nextStep}" Not applicable or unanswered statements never raise either.
            """,
            Guidance,
            ss => Expr.Let(ss.Where(s => triggers.Contains(s.Id) && s.Score == 1).Select(s => s.Id).ToArray(), flagged =>
                Expr.Let(ss.Where(s => triggers.Contains(s.Id) && s.Score == 2).Select(s => s.Id).ToArray(), developing =>
                    new PitfallCheck(
                        flagged.Length == 0 ? null : new PitfallFlag(id, pitfall, guidance, flagged),
                        flagged.Length == 0 && developing.Length > 0 ? new WatchItem(id, title, nextStep, guidance, developing) : null))));
    }

    /// <summary>The model. Built on first use, after every static rule above exists (so declaration order does not matter).</summary>
    public static LearningMaturity Instance => instance.Value;

    private static readonly Lazy<LearningMaturity> instance = new(() => new LearningMaturity());

    private LearningMaturity()
        : base(new ModelDescriptor
        {
            Id = ModelId,
            Version = ModelVersion,
            Title = "Learning from failure: maturity self-assessment",
            Summary = "CqcGuide's own model, not a CQC method: 35 statements in seven themes drawn from guidance on learning from failure "
                + "after a poor inspection. Each is answered 1 Reactive, 2 Developing, 3 Established or 4 Embedded, or not applicable. "
                + "Each theme and the whole assessment get a percentage and a maturity band. A statement answered 1 that suggests a "
                + "common pitfall flags it, with the guidance that addresses it; answered 2, it is something to watch, with a next step.",
            IsCqcMethod = false,
            Entry = new("score", ScoreAnswers),
            Rules =
            [
                ScoreAnswers, NextSteps, AnswerScore, CqcRules.Totals, CqcRules.PercentageOfMaximum, CqcRules.WholePercentRounding,
                MaturityBand, MaturityBandLimits, CqcRules.PositionInBand, MaturityLabel, GroupMaturity,
                QuickFixes, BlamingIndividuals, UndocumentedLearning, UnmonitoredChanges, OneOffResponse, SilencedStaff, PitfallChecks,
            ],
            Groups = ThemeList.Select(t => new ModelGroup(t.Id, t.Name)).ToArray(),
            Items = Statements.Select(s => new ModelItem(s.Id, s.ThemeId, Values, s.Text)).ToArray(),
            Presentation = new(
                Notice,
                Answers,
                PresentedBand.Of(Levels.Select(l => ((int)l.Band, l.Label, l.Lower, l.Upper))),
                new ResultLayout(
                    ResultLayout.MaturityBands,
                    RulesJson.NameOf(typeof(MaturityScoreResult), nameof(MaturityScoreResult.Themes)),
                    "Theme",
                    "Results by theme",
                    "Percentage by theme",
                    "Overall maturity",
                    "Maturity",
                    RulesJson.NameOf(typeof(MaturityGroupResult), nameof(MaturityGroupResult.BandLabel)),
                    RulesJson.NameOf(typeof(MaturityGroupResult), nameof(MaturityGroupResult.NotApplicable)))),
        })
    {
    }
}
