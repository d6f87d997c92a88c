using System.Globalization;
using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Sections.Journal;

/// <summary>The data of the journal's Atom feed (<c>layouts/feed.xml.liquid</c>): the logs with learning to share,
/// most recently updated first.</summary>
public sealed record JournalFeed
{
    public required string Title { get; init; }
    public required string Id { get; init; }
    public required string Self { get; init; }
    public required string Updated { get; init; }
    public required string Author { get; init; }
    public IReadOnlyList<FeedEntry> Entries { get; init; } = [];

    public static JournalFeed Of(SiteIndex site, IReadOnlyList<CheckedLog> logs)
    {
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
        static DateOnly Updated(CheckedLog l) => new[] { l.Log.Identified }
            .Concat(l.Log.GovernanceReview is { } g ? [g.Date] : [])
            .Concat(l.Log.Actions.SelectMany(a => a.Reviews.Select(r => r.Date)))
            .Concat(l.Log.Actions.Where(a => a.Completed is not null).Select(a => a.Completed!.Value)).Max();
        var shared = logs.Where(l => !string.IsNullOrWhiteSpace(l.Log.LearningToShare)).OrderByDescending(Updated).ThenBy(l => l.Log.Id, StringComparer.Ordinal).ToArray();
        return new JournalFeed
        {
            Title = site.Config.Title, Id = site.Absolute("/journal/"), Self = site.Absolute("/journal/feed.xml"),
            Updated = shared.Length > 0 ? Iso(shared.Max(Updated)) : "1970-01-01T00:00:00Z",
            Author = site.Config.Publisher,
            Entries = shared.Select(l => new FeedEntry
            {
                Title = l.Log.Title, Id = site.Absolute(l.Document.Url), Published = Iso(l.Log.Identified), Updated = Iso(Updated(l)),
                Summary = l.Log.LearningToShare!, Categories = l.Log.QualityStatements,
            }).ToArray(),
        };
    }
}

/// <summary>One log in the journal's feed.</summary>
public sealed record FeedEntry
{
    public required string Title { get; init; }
    /// <summary>The log page's absolute address (also the entry's link).</summary>
    public required string Id { get; init; }
    public required string Published { get; init; }
    public required string Updated { get; init; }
    public required string Summary { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
}
