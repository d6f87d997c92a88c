using CqcGuide.Site.Views;

namespace CqcGuide.Site.Pipeline;

/// <summary>Something listed on a taxonomy page, e.g. a guidance page under "Learning culture".</summary>
/// <param name="Axis">"statement", "key-question", "tag", or "evidence" (what the journal's evidence pages list).</param>
/// <param name="Group">The heading it is listed under on that page, e.g. "Guidance" or "Checklist items".</param>
public sealed record TaxonomyEntry(string Axis, string Key, string Group, int GroupOrder, ListItem Item);
