using System.Collections.Concurrent;
using CqcGuide.Rules;
using CqcGuide.Rules.Translation;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Pipeline;

/// <summary>
/// What sections write to in their Index phase. Write-only while sections index: nothing a section adds here is read
/// by another section until every section has indexed (then it becomes the <see cref="SiteIndex"/>).
/// </summary>
public sealed class IndexBuilder
{
    internal sealed record MenuItem(int Rank, int Order, LinkView Link);

    internal sealed class Shared
    {
        public readonly ConcurrentQueue<PagePlan> Plans = new();
        public readonly ConcurrentQueue<TaxonomyEntry> Tags = new();
        public readonly ConcurrentQueue<MenuItem> Menu = new();
        public readonly ConcurrentQueue<MenuItem> Footer = new();
        public readonly ConcurrentDictionary<string, byte[]> Files = new(StringComparer.Ordinal);
        public readonly ConcurrentDictionary<string, byte[]> Assets = new(StringComparer.Ordinal);
        public readonly ConcurrentQueue<(string Raw, ContentDocument? From, SourceSpan At)> LinkChecks = new();
        public readonly ConcurrentDictionary<string, bool> ModelLinksChecked = new(StringComparer.Ordinal);
        public readonly ConcurrentDictionary<string, object> Offered = new(StringComparer.Ordinal);
    }

    private readonly Shared shared;
    private readonly ISection section;

    internal IndexBuilder(Shared shared, ISection section, BuildOptions options, SiteConfig config, DiagnosticBag diagnostics, string basePath)
    {
        this.shared = shared;
        this.section = section;
        Options = options;
        Config = config;
        Diagnostics = diagnostics;
        BasePath = basePath;
    }

    public BuildOptions Options { get; }
    public SiteConfig Config { get; }
    public DateOnly Today => Options.Today;
    /// <summary>For problems across documents (e.g. an id used by two files).</summary>
    public DiagnosticBag Diagnostics { get; }
    public string BasePath { get; }

    /// <summary>A site-relative URL ("/guidance/") as written in HTML (with the base path).</summary>
    public string Href(string url) => url.StartsWith('/') ? BasePath + url[1..] : url;

    /// <summary>Plans a page; its view is built later by this section's <c>View</c>.</summary>
    public void Page(PagePlan plan) => shared.Plans.Enqueue(plan with { Owner = section });

    /// <summary>Lists an item on a taxonomy page (quality statement, key question, tag) or an evidence page.</summary>
    public void Tag(string axis, string key, string group, int groupOrder, ListItem item) =>
        shared.Tags.Enqueue(new TaxonomyEntry(axis, key, group, groupOrder, item));

    /// <summary>A default header-menu entry (used when <c>site.yml</c> has no <c>menu:</c>), ordered by <paramref name="order"/>.</summary>
    public void Menu(int order, string title, string url, string id) =>
        shared.Menu.Enqueue(new MenuItem(0, order, new LinkView { Title = title, Url = url, Id = id }));

    /// <summary>A default footer link (used when <c>site.yml</c> has no <c>footer:</c>), ordered by rank, order and title.</summary>
    public void Footer(int rank, int order, string title, string url) =>
        shared.Footer.Enqueue(new MenuItem(rank, order, new LinkView { Title = title, Url = url }));

    /// <summary>An output file other than a page (e.g. <c>versions.json</c>, a JSON Schema).</summary>
    public void File(string path, byte[] bytes)
    {
        if (!shared.Files.TryAdd(path, bytes))
            Diagnostics.Error(Codes.DuplicateUrl, $"two sections write {path}", SourceSpan.File("input"), $"the {section.Name} section and another one both publish it");
    }

    /// <summary>
    /// Offers something other sections may show in their View phase, under a key they know (e.g. <c>measure:falls</c>:
    /// a measure's chart and reading, which learning logs embed next to the action it monitors). The value should be a
    /// shared type (a view record, a rules result), never a section's private model.
    /// </summary>
    public void Share(string key, object value)
    {
        if (!shared.Offered.TryAdd(key, value))
            Diagnostics.Error(Codes.DuplicateId, $"two documents share '{key}'", SourceSpan.File("input"), $"the {section.Name} section offers it twice");
    }

    /// <summary>
    /// In <see cref="ISection.IndexFromTags"/> (after every section's Index): what a section offered under
    /// <paramref name="key"/>, or null. Lets a section plan pages from another's content without depending on call order.
    /// </summary>
    public T? Offered<T>(string key) where T : class => shared.Offered.GetValueOrDefault(key) as T;

    /// <summary>A link written in data that is not shown on a page the section builds, checked like a content link.</summary>
    public void CheckLink(string raw, ContentDocument? from, SourceSpan at) => shared.LinkChecks.Enqueue((raw, from, at));

    /// <summary>
    /// Adds a rules model's compiled ES module as a hashed asset (once) and returns its logical asset name. When the site
    /// shows the model's results (<paramref name="used"/>), the guidance links its findings carry are checked too: a
    /// site that uses a model must keep the guidance pages the model points to.
    /// </summary>
    public string Module(RuleModel model, bool used = true)
    {
        var name = $"rules/{model.Id}.js";
        if (!shared.Assets.ContainsKey(name))
        {
            try
            {
                shared.Assets.TryAdd(name, System.Text.Encoding.UTF8.GetBytes(model.Module));
            }
            catch (TranslationException e)
            {
                Diagnostics.Error(Codes.RuleTranslation, e.Message, new SourceSpan($"src/CqcGuide.Rules (model {model.Id})", 1, 1),
                    "the rule uses something the translator cannot keep identical in JavaScript; rewrite it with supported constructs");
                return name;
            }
        }
        if (used && shared.ModelLinksChecked.TryAdd(model.Id, true))
            foreach (var path in model.GuidanceLinks)
                CheckLink(path, null, new SourceSpan($"rules:{model.Id}", 1, 1));
        return name;
    }
}
