using System.Text.RegularExpressions;
using CqcGuide.Rules;
using CqcGuide.Rules.Translation;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Build;

/// <summary>
/// The compiled scoring modules (one hashed ES module per model, emitted from the C# expression trees) and the
/// "How scoring works" pages, generated from the rules' own descriptions and sources.
/// </summary>
public static partial class ScoringSection
{
    /// <summary>
    /// Adds a model's compiled module as an asset (once) and returns its logical asset name. When the site shows the
    /// model's results (<paramref name="used"/>), the guidance links its flags and findings carry are checked too:
    /// a fork that uses a model must keep the guidance pages the model points to.
    /// </summary>
    public static string AddModule(SiteContext site, RuleModel model, bool used = true)
    {
        var name = $"rules/{model.Id}.js";
        lock (site.GeneratedAssets)
        {
            if (!site.GeneratedAssets.ContainsKey(name))
            {
                try
                {
                    site.GeneratedAssets[name] = System.Text.Encoding.UTF8.GetBytes(model.Module);
                }
                catch (TranslationException e)
                {
                    site.Diagnostics.Error(Codes.RuleTranslation, e.Message, new SourceSpan($"src/CqcGuide.Rules (model {model.Id})", 1, 1),
                        "the rule uses something the translator cannot keep identical in JavaScript; rewrite it with supported constructs");
                    return name;
                }
            }
            if (used && site.RuleLinksChecked.Add(model.Id))
            {
                var js = System.Text.Encoding.UTF8.GetString(site.GeneratedAssets[name]);
                foreach (var path in GuidancePathRegex().Matches(js).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                    site.PendingLinks.Add(new PendingLink(new LinkView { Title = "", Url = path }, path, null, new SourceSpan($"rules:{model.Id}", 1, 1)));
            }
        }
        return name;
    }

    public static void Contribute(SiteContext site)
    {
        var home = Sections.Home(site);
        var index = new LinkView { Title = "How scoring works", Url = site.Href("/scoring/") };
        site.FooterLinks.Add(new LinkView { Title = "How scoring works", Url = site.Href("/scoring/") });
        foreach (var model in Models.All)
        {
            var module = AddModule(site, model, used: false);
            var explanation = model.Explain();
            var url = $"/scoring/{model.Id}/";
            site.Pages.Add(new SitePage
            {
                Url = url, Layout = "scoring", Type = "scoring",
                ExtraAnchors = explanation.Rules.Select(r => "rule-" + r.Name).ToHashSet(StringComparer.Ordinal),
                View = new PageView
                {
                    Title = explanation.Title, Summary = Paragraphs(explanation.Summary)[0], Url = site.Href(url), CanonicalUrl = site.Absolute(url),
                    Kind = "scoring", Section = "assessments", Csp = site.Csp(), Breadcrumbs = [home, index],
                    Search = new SearchView { Indexed = true, Type = "page" },
                    Data = new ScoringView
                    {
                        Id = model.Id, Version = model.Version, Summary = explanation.Summary, IsCqcMethod = model.IsCqcMethod,
                        SourceHash = model.SourceHash, Module = module,
                        Rules = explanation.Rules.Select(r => new RuleView
                        {
                            Name = r.Name, Kind = r.Kind, KindLabel = r.KindLabel, Paragraphs = Paragraphs(r.Description),
                            InterpretationName = r.InterpretationName, InterpretationWhy = r.InterpretationWhy,
                            Sources = r.Sources.Select(s => new LinkView { Title = s.Title, Url = s.Url ?? "" }).ToArray(),
                        }).ToArray(),
                    },
                },
            });
        }
        site.Pages.Add(new SitePage
        {
            Url = "/scoring/", Layout = "list", Type = "scoring",
            View = new PageView
            {
                Title = "How scoring works", Url = site.Href("/scoring/"), CanonicalUrl = site.Absolute("/scoring/"), Kind = "list", Section = "assessments",
                Summary = "Every score on this site is computed in your browser by JavaScript compiled from the same C# rules that the cqcguide command uses, so the two can never disagree. Each page below explains one model's rules in plain English, says which come from CQC, which are our interpretation where CQC is silent, and which are unverified.",
                Csp = site.Csp(), Breadcrumbs = [home],
                Groups = [new ListGroup { Items = Models.All.Select(m => new ListItem
                {
                    Title = m.Title, Url = site.Href($"/scoring/{m.Id}/"), Summary = Paragraphs(m.Summary)[0],
                    Meta = m.IsCqcMethod ? $"{m.Id} {m.Version} · CQC's method" : $"{m.Id} {m.Version} · CqcGuide's own model",
                }).ToArray() }],
                Search = new SearchView { Indexed = false, Type = "page" },
            },
        });
    }

    /// <summary>Rule descriptions are plain text whose blank lines separate paragraphs.</summary>
    private static IReadOnlyList<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => Regex.Replace(p, @"\s*\n\s*", " ")).DefaultIfEmpty("").ToArray();

    [GeneratedRegex("\"(/guidance/[^\"#]*(?:#[^\"]*)?)\"")]
    private static partial Regex GuidancePathRegex();
}
