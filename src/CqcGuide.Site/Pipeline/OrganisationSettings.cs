using CqcGuide.Site.Yaml;

namespace CqcGuide.Site.Pipeline;

/// <summary>
/// <c>input/organisation.yml</c>: everything that makes a fork the organisation's own site. Upstream never changes this
/// file after the first edition, so merging a new edition never conflicts here. Values given here win over the same
/// settings in <c>site.yml</c> (upstream's edition settings).
/// </summary>
public sealed record OrganisationSettings
{
    /// <summary>The organisation publishing the site (header, footer, feed, About, privacy and accessibility pages).</summary>
    public string? Name { get; init; }
    /// <summary>The site's name in the header and page titles.</summary>
    public string? SiteTitle { get; init; }
    public string? Description { get; init; }
    /// <summary>The public address; <c>--base-url</c> overrides it.</summary>
    public string? BaseUrl { get; init; }
    public string? FooterNote { get; init; }
    public ContactDetails? Contact { get; init; }
    /// <summary>Who is the data controller for anything the site holds (the privacy page names them).</summary>
    public string? DataController { get; init; }
    /// <summary>A logo under <c>input/assets/</c> (e.g. <c>assets/logo.svg</c>), shown in the header; its text is the site title.</summary>
    public string? Logo { get; init; }
    /// <summary>The header and accent colour, <c>#rrggbb</c>; it must reach WCAG AA contrast (4.5:1) with white text.</summary>
    public string? BrandColour { get; init; }
    /// <summary>Publish the example content under <c>input/examples/</c> (fictional logs, measures, history). A fork switches it off.</summary>
    public bool Examples { get; init; } = true;
    /// <summary>Where the site's source lives, so the draft forms can offer "propose this file on GitHub".</summary>
    public RepositorySettings? Repository { get; init; }
    /// <summary>Whose overdue review dates fail a <c>--strict</c> build: <c>own</c> (content you wrote or changed) or <c>all</c>.</summary>
    public ReviewPolicy ReviewDates { get; init; } = ReviewPolicy.Own;
    /// <summary>The governance reports: which periods get a page, and the thematic review's recurrence window.</summary>
    public GovernanceSettings Governance { get; init; } = new();
}

/// <summary><c>governance:</c> in organisation.yml.</summary>
public sealed record GovernanceSettings
{
    /// <summary>
    /// The periods with a report page: <c>2026-Q3</c> (a quarter), <c>2026-07</c> (a month), <c>2026</c> (a year) or
    /// <c>2026-04-01/2026-09-30</c> (any two dates). None: the current quarter and the four before it.
    /// </summary>
    public IReadOnlyList<string>? Periods { get; init; }
    /// <summary>Two logs sharing a theme within this many days of each other make it recurring.</summary>
    public int RecurrenceWindowDays { get; init; } = Rules.LearningLogs.LearningGovernance.DefaultWindowDays;
}

public enum ReviewPolicy { Own, All }

/// <summary>How readers reach the organisation.</summary>
public sealed record ContactDetails
{
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Address { get; init; }
    /// <summary>A contact page elsewhere (e.g. the organisation's own website).</summary>
    public string? Url { get; init; }
}

/// <summary>A GitHub repository: <c>owner/name</c> and the branch pull requests go to.</summary>
public sealed record RepositorySettings
{
    public required string Github { get; init; }
    public string Branch { get; init; } = "main";

    /// <summary>GitHub's "create a new file" page for a folder of the repository (e.g. <c>input/journal</c>).</summary>
    public string NewFileUrl(string folder) => Page("new", folder);

    /// <summary>GitHub's "upload files" page for a folder of the repository.</summary>
    public string UploadUrl(string folder) => Page("upload", folder);

    private string Page(string action, string folder) =>
        $"https://github.com/{Github}/{action}/{string.Join('/', Branch.Split('/').Select(Uri.EscapeDataString))}/{folder}";
}
