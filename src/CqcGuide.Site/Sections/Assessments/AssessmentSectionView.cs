using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Assessments;

public sealed record AssessmentSectionView
{
    public required string Id { get; init; }
    public required int Number { get; init; }
    public required string Title { get; init; }
    public required string Url { get; init; }
    public string IntroHtml { get; init; } = "";
    public IReadOnlyList<QuestionView> Questions { get; init; } = [];
}
