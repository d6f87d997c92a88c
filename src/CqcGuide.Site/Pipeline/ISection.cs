using CqcGuide.Site.Views;

namespace CqcGuide.Site.Pipeline;

/// <summary>
/// A content type's plug-in. The pipeline runs each phase over every registered section, so no section depends on
/// another's call order:
/// <list type="number">
/// <item><b>Check</b> one document (pure: it sees the document, the options and the site settings, nothing else) and
/// return the checked model, reporting every problem of that file. <c>serve</c> re-runs it for the one file that
/// changed.</item>
/// <item><b>Index</b>: from all its checked documents, what the section contributes to the site: page plans (URL,
/// layout, anchors), taxonomy entries, menu entries, generated files and assets, and checks across documents.</item>
/// <item><b>IndexFromTags</b> (rarely needed): pages whose existence depends on what every section tagged, e.g. one
/// page per tag. Runs after every section's Index; it may plan pages but not add tags.</item>
/// <item><b>View</b>: build the view of one of its planned pages, reading the whole site's index (every section's plans
/// and taxonomy entries are known by then). Links written in data are resolved here.</item>
/// </list>
/// Register a new section with one line in <see cref="Sections.SectionRegistry"/>.
/// </summary>
public interface ISection
{
    /// <summary>Short name, e.g. <c>journal</c>.</summary>
    string Name { get; }

    /// <summary>The content types this section reads (none for sections that only generate pages).</summary>
    IReadOnlyList<ContentType> ContentTypes { get; }

    /// <summary>True for files under this section's folders that belong to no content type but are expected there
    /// (so they are not reported as stray).</summary>
    bool Ignores(string[] parts);

    object? Check(ContentDocument document, CheckContext context);

    void Index(IReadOnlyList<object> documents, IndexBuilder index);

    void IndexFromTags(IReadOnlyList<TaxonomyEntry> tagged, IndexBuilder index);

    PageView View(PagePlan plan, SiteIndex site);
}

/// <summary>Base class of a section whose checked documents are <typeparamref name="TChecked"/>.</summary>
public abstract class Section<TChecked> : ISection where TChecked : class
{
    public abstract string Name { get; }

    public virtual IReadOnlyList<ContentType> ContentTypes => [];

    public virtual bool Ignores(string[] parts) => false;

    /// <summary>Checks one document; returns null when it cannot be published (its errors are reported), or when it
    /// is deliberately left out (then call <see cref="CheckContext.Unpublished"/>).</summary>
    public virtual TChecked? Check(ContentDocument document, CheckContext context) =>
        throw new InvalidOperationException($"the {Name} section reads no content");

    public abstract void Index(IReadOnlyList<TChecked> documents, IndexBuilder index);

    public virtual void IndexFromTags(IReadOnlyList<TaxonomyEntry> tagged, IndexBuilder index)
    {
    }

    public abstract PageView View(PagePlan plan, SiteIndex site);

    object? ISection.Check(ContentDocument document, CheckContext context) => Check(document, context);

    void ISection.Index(IReadOnlyList<object> documents, IndexBuilder index) => Index(documents.Cast<TChecked>().ToArray(), index);

    public override string ToString() => Name;
}

/// <summary>The checked model of sections that read no files of their own.</summary>
public sealed record NoContent;
