using System.Text.RegularExpressions;
using CqcGuide.Rules;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Views;

namespace CqcGuide.Site.Sections.Scoring;

/// <summary>"How scoring works": a page per rules model, generated from the rules' own descriptions and sources, with
/// the model's compiled ES module.</summary>
public sealed partial class ScoringSection : Section<NoContent>
{
    private sealed record ModelPage(RuleModel Model, string Module);

    public override string Name => "scoring";

    public override void Index(IReadOnlyList<NoContent> documents, IndexBuilder index)
    {
        index.Footer(2, 0, "How scoring works", index.Href("/scoring/"));
        foreach (var model in Models.All)
        {
            var module = index.Module(model, used: false);
            index.Page(new PagePlan
            {
                Url = $"/scoring/{model.Id}/", Layout = "scoring", Type = "scoring", Model = new ModelPage(model, module),
                Anchors = model.Rules.Select(r => "rule-" + r.Name).ToHashSet(StringComparer.Ordinal),
            });
        }
        index.Page(new PagePlan { Url = "/scoring/", Layout = "list", Type = "scoring" });
    }

    public override PageView View(PagePlan plan, SiteIndex site)
    {
        if (plan.Model is not ModelPage { Model: var model, Module: var module })
        {
            return site.NewPage(plan, "How scoring works", "list", "assessments",
                "Every score on this site is computed in your browser by JavaScript compiled from the same C# rules that the cqcguide command uses, so the two can never disagree. Each page below explains one model's rules in plain English, says which come from CQC, which are our interpretation where CQC is silent, and which are unverified.") with
            {
                Breadcrumbs = [site.Home],
                Search = new SearchView { Indexed = false, Type = "page" },
                Groups = [new ListGroup { Items = Models.All.Select(m => new ListItem
                {
                    Title = m.Title, Url = site.Href($"/scoring/{m.Id}/"), Summary = Paragraphs(m.Summary)[0],
                    Meta = m.IsCqcMethod ? $"{m.Id} {m.Version} · CQC's method" : $"{m.Id} {m.Version} · CqcGuide's own model",
                }).ToArray() }],
            };
        }
        var explanation = model.Explain();
        return site.NewPage(plan, explanation.Title, "scoring", "assessments", Paragraphs(explanation.Summary)[0]) with
        {
            Breadcrumbs = [site.Home, new LinkView { Title = "How scoring works", Url = site.Href("/scoring/") }],
            Search = new SearchView { Indexed = true, Type = "page" },
            Data = new ScoringView
            {
                Id = model.Id, Version = model.Version, Summary = explanation.Summary, IsCqcMethod = model.IsCqcMethod,
                SourceHash = model.SourceHash, Module = module,
                Rules = explanation.Rules.Select(r => new RuleView
                {
                    Name = r.Name, Title = TitleOf(r.Name), Kind = r.Kind, KindLabel = r.KindLabel, Paragraphs = Paragraphs(r.Description),
                    InterpretationName = r.InterpretationName, InterpretationWhy = r.InterpretationWhy,
                    Sources = r.Sources.Select(s => new LinkView { Title = s.Title, Url = s.Url ?? "" }).ToArray(),
                }).ToArray(),
            },
        };
    }

    /// <summary>Rule descriptions are plain text whose blank lines separate paragraphs.</summary>
    private static IReadOnlyList<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => SpaceRegex().Replace(p, " ")).DefaultIfEmpty("").ToArray();

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex SpaceRegex();

    private static readonly Dictionary<string, string> Acronyms = new(StringComparer.Ordinal)
    {
        ["nhs"] = "NHS", ["csv"] = "CSV", ["iso"] = "ISO", ["cqc"] = "CQC", ["id"] = "ID", ["spc"] = "SPC",
    };

    /// <summary>
    /// A rule id as a heading: the ids are kebab-case phrases chosen to be read ("overall-two-or-more-inadequate"), so the
    /// words are kept, acronyms written as such, and a finding code in front ("llq004-…") becomes "LLQ004: …".
    /// </summary>
    internal static string TitleOf(string name)
    {
        var words = name.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => Acronyms.GetValueOrDefault(w, w)).ToList();
        if (words.Count == 0) return name;
        var code = System.Text.RegularExpressions.Regex.IsMatch(words[0], "^[a-z]{2,4}[0-9]{3}$") ? words[0].ToUpperInvariant() + ": " : "";
        if (code.Length > 0) words.RemoveAt(0);
        if (words.Count == 0) return code.TrimEnd(' ', ':');
        var text = string.Join(' ', words);
        return code + char.ToUpperInvariant(text[0]) + text[1..];
    }
}
