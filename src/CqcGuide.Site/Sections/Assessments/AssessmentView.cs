using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Assessments;

public sealed record AssessmentView
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Version { get; init; }
    public required string ModelId { get; init; }
    public required string ModelVersion { get; init; }
    public required string ModelTitle { get; init; }
    public required bool IsCqcMethod { get; init; }
    public string? TimeNeeded { get; init; }
    public string IntroductionHtml { get; init; } = "";
    /// <summary>Logical asset name of the compiled scoring module, for the <c>asset</c> filter.</summary>
    public required string Module { get; init; }
    /// <summary>Logical asset name of the compiled improvement-plan module (the plan page's item states).</summary>
    public required string PlanModule { get; init; }
    /// <summary>Logical asset name of the compiled team-assessment module (the team page's summary of several people's answers).</summary>
    public required string TeamModule { get; init; }
    /// <summary>The definition the browser needs, as JSON safe to place inside a script data block.</summary>
    public required string DefinitionJson { get; init; }
    public required int QuestionCount { get; init; }
    public required IReadOnlyList<AssessmentSectionView> Sections { get; init; }
    public AssessmentSectionView? Section { get; init; }
    public LinkView? PrevSection { get; init; }
    public LinkView? NextSection { get; init; }
    public required AssessmentUrls Urls { get; init; }
    public required string Notice { get; init; }
    /// <summary>When the assessment can start from the last published scores: what the form needs to offer it.</summary>
    public BaselineView? Baseline { get; init; }
    /// <summary>The progress page drawn from <c>input/assessments/history/</c>, or null when there is no history.</summary>
    public string? ProgressUrl { get; init; }
}

/// <summary>The baseline of last published scores, as an assessment's pages offer it (the wording comes from the model's presentation).</summary>
public sealed record BaselineView
{
    public required string IntroHtml { get; init; }
    /// <summary>The answer that keeps a statement's published score ("not re-assessed").</summary>
    public required OptionView Keep { get; init; }
    /// <summary>The scores a published report can give (1–4, with their labels).</summary>
    public required IReadOnlyList<OptionView> Scores { get; init; }
    /// <summary>How results label a score's source: new, baseline, not assessed.</summary>
    public required IReadOnlyList<LabelledText> Sources { get; init; }
}
