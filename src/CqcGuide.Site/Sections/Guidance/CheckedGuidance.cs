using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Sections.Guidance;

/// <summary>A guidance page (of any edition) that passed its checks; <paramref name="Overdue"/> when past its review date.</summary>
public sealed record CheckedGuidance(ContentDocument Document, GuidanceFrontMatter FrontMatter, bool Overdue);
