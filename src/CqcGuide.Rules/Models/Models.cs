using CqcGuide.Rules.LearningLogs;
using CqcGuide.Rules.ScoringModels;

namespace CqcGuide.Rules;

/// <summary>The registry of every rules model, by id.</summary>
public static class Models
{
    /// <summary>Every model: the three answer-scoring models, the learning-log linter, the learning-log validation, the personal-data detector, the SPC model, the learning-governance model, the improvement-plan model and the team-assessment model.</summary>
    public static IReadOnlyList<RuleModel> All { get; } =
    [
        CqcSaf.Instance,
        CqcSafEvidence.Instance,
        LearningMaturity.Instance,
        LearningLogQuality.Instance,
        LearningLogValidation.Instance,
        PersonalDataDetection.Instance,
        Spc.Instance,
        LearningGovernance.Instance,
        ImprovementPlan.Instance,
        TeamAssessment.Instance,
    ];

    /// <summary>The models that score answers files.</summary>
    public static IReadOnlyList<ScoringModel> Scoring { get; } = All.OfType<ScoringModel>().ToArray();

    public static RuleModel? Find(string id) => All.FirstOrDefault(m => m.Id == id);

    public static ScoringModel? FindScoring(string id) => Scoring.FirstOrDefault(m => m.Id == id);
}
