namespace CqcGuide.Rules;

/// <summary>A group of items: a key question (CQC models) or a theme (learning maturity).</summary>
public sealed record ModelGroup(string Id, string Name);

/// <summary>One question of a scoring model: its id, group, allowed answer values and default wording.</summary>
public sealed record ModelItem(string QuestionId, string GroupId, IReadOnlyList<string> AllowedValues, string Text);

/// <summary>
/// The JavaScript entry point of a module: <c>export function {FunctionName}(input)</c> calls <see cref="Rule"/>.
/// </summary>
public sealed record ModuleEntry(string FunctionName, Rule Rule);

/// <summary>
/// Everything that defines a model, as data: a model file declares one descriptor and passes it to the base constructor.
/// <see cref="Groups"/> and <see cref="Items"/> are for scoring models only.
/// </summary>
public sealed record ModelDescriptor
{
    /// <summary>Stable kebab-case id, e.g. <c>cqc-saf</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Semantic version of the model's rules.</summary>
    public required string Version { get; init; }

    public required string Title { get; init; }

    /// <summary>A short plain-English summary (first thing the "How scoring works" page shows).</summary>
    public required string Summary { get; init; }

    /// <summary>True for CQC's own methods; false for CqcGuide's own models.</summary>
    public required bool IsCqcMethod { get; init; }

    /// <summary>The rule the JavaScript module exports as its entry function.</summary>
    public required ModuleEntry Entry { get; init; }

    /// <summary>Every rule of the model, the entry rule first, in the order an explanation should present them.</summary>
    public required IReadOnlyList<Rule> Rules { get; init; }

    /// <summary>Key questions or themes, in display order (scoring models).</summary>
    public IReadOnlyList<ModelGroup> Groups { get; init; } = [];

    /// <summary>The items (questions) the model needs, in display order (scoring models).</summary>
    public IReadOnlyList<ModelItem> Items { get; init; } = [];

    /// <summary>How answers and results are shown (scoring models; exported as <c>presentation</c>).</summary>
    public ModelPresentation? Presentation { get; init; }

    /// <summary>Further data the module exports (after <c>presentation</c>), e.g. a format's option lists.</summary>
    public IReadOnlyList<ModuleExport> Exports { get; init; } = [];
}

/// <summary>
/// A named, versioned set of rules that can be explained and translated to one ES module. The answer-scoring models
/// derive from <see cref="ScoringModel"/>; the learning-log models derive from this class directly because their input
/// is a learning log, not an answers file. A model is data: it passes one <see cref="ModelDescriptor"/> to the
/// constructor and overrides nothing.
/// </summary>
public abstract class RuleModel
{
    private readonly ModelDescriptor descriptor;
    private readonly Lazy<(string Text, string Hash)> compiled;
    private readonly Lazy<IReadOnlyList<string>> guidanceLinks;

    protected RuleModel(ModelDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        // A rule field read before its static initialiser has run is null: say so instead of failing later.
        if (descriptor.Entry?.Rule is null || descriptor.Rules is null || descriptor.Rules.Any(r => r is null))
            throw new InvalidOperationException(
                $"Model '{descriptor.Id}': its entry or rule list holds null, which means a rule field was read before it was initialised. "
                + "Build the model lazily (static Lazy<T> Instance) so every static rule exists first.");
        if (descriptor.Rules.Count == 0 || !ReferenceEquals(descriptor.Rules[0], descriptor.Entry.Rule))
            throw new ArgumentException($"Model '{descriptor.Id}': the rule list must start with the entry rule '{descriptor.Entry.Rule.Name}'.", nameof(descriptor));
        this.descriptor = descriptor;
        Exports = (descriptor.Presentation is { } presentation
                ? [new ModuleExport("presentation", "How the answers and results are shown: answer labels and hints, bands, and the results layout.", presentation)]
                : Array.Empty<ModuleExport>())
            .Concat(descriptor.Exports).ToArray();
        compiled = new(() => Translation.JsTranslator.Compile(this), LazyThreadSafetyMode.ExecutionAndPublication);
        guidanceLinks = new(() => Translation.GuidanceLinks.Find(Translation.JsTranslator.ReachableRules(descriptor.Entry.Rule), Exports),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Stable id, e.g. <c>cqc-saf</c>.</summary>
    public string Id => descriptor.Id;

    /// <summary>Semantic version of the model's rules.</summary>
    public string Version => descriptor.Version;

    public string Title => descriptor.Title;

    /// <summary>A short plain-English summary (first thing the "How scoring works" page shows).</summary>
    public string Summary => descriptor.Summary;

    /// <summary>True for CQC's own methods; false for CqcGuide's own models.</summary>
    public bool IsCqcMethod => descriptor.IsCqcMethod;

    /// <summary>Every rule of the model, in the order an explanation should present them.</summary>
    public IReadOnlyList<Rule> Rules => descriptor.Rules;

    /// <summary>The rule the JavaScript module exports as its entry function.</summary>
    public ModuleEntry Entry => descriptor.Entry;

    /// <summary>The data the module exports besides <c>model</c> and the entry function (<c>presentation</c> first, for scoring models).</summary>
    public IReadOnlyList<ModuleExport> Exports { get; }

    /// <summary>
    /// The guidance pages the model's results can link to (<c>/guidance/...</c>, with any <c>#fragment</c>), sorted
    /// ordinally and distinct: every such string constant in the rules' expression trees and the data they use. A site
    /// that shows the model's results must publish these pages.
    /// </summary>
    public IReadOnlyList<string> GuidanceLinks => guidanceLinks.Value;

    /// <summary>The descriptor the model was built from.</summary>
    public ModelDescriptor Descriptor => descriptor;

    /// <summary>A structured explanation of the model (title, summary, every rule with kind and sources).</summary>
    public Explanation Explain() => Explanation.Of(this);

    /// <summary>
    /// SHA-256 (lower-case hex) of the rules' canonical JavaScript text: the <c>model.sourceHash</c> the emitted module
    /// exports. Equal hashes mean the browser runs exactly these rules.
    /// </summary>
    public string SourceHash => Compiled.Hash;

    /// <summary>The model's ES module (the same bytes as <see cref="Translation.JsTranslator.EmitModule"/>), translated once.</summary>
    public string Module => Compiled.Text;

    private (string Text, string Hash) Compiled => compiled.Value;

    public override string ToString() => $"{Id} {Version}";
}

/// <summary>
/// A model that scores an <see cref="AnswersFile"/>: entry function <c>score(input)</c>, whose rule takes an
/// <see cref="AnswersFile"/> and returns a <see cref="ScoreResult"/>.
/// </summary>
public abstract class ScoringModel : RuleModel
{
    private readonly Dictionary<string, ModelItem> itemsById;

    protected ScoringModel(ModelDescriptor descriptor)
        : base(descriptor)
    {
        if (descriptor.Entry.FunctionName != "score")
            throw new ArgumentException($"Scoring model '{descriptor.Id}': the entry function must be 'score'.", nameof(descriptor));
        if (descriptor.Entry.Rule.InputType != typeof(AnswersFile) || !typeof(ScoreResult).IsAssignableFrom(descriptor.Entry.Rule.OutputType))
            throw new ArgumentException($"Scoring model '{descriptor.Id}': the entry rule must take an AnswersFile and return a ScoreResult.", nameof(descriptor));
        if (descriptor.Groups.Count == 0 || descriptor.Items.Count == 0)
            throw new ArgumentException($"Scoring model '{descriptor.Id}' needs groups and items.", nameof(descriptor));
        Presentation = descriptor.Presentation
            ?? throw new ArgumentException($"Scoring model '{descriptor.Id}' needs a presentation (answer labels, bands, results layout).", nameof(descriptor));
        var unlabelled = descriptor.Items.SelectMany(i => i.AllowedValues).Distinct(StringComparer.Ordinal)
            .Where(v => Presentation.Answers.All(o => o.Value != v) && Presentation.Baseline?.Keep.Value != v).ToArray();
        if (unlabelled.Length > 0)
            throw new ArgumentException($"Scoring model '{descriptor.Id}': no answer label for {string.Join(", ", unlabelled)}.", nameof(descriptor));
        itemsById = descriptor.Items.ToDictionary(i => i.QuestionId, StringComparer.Ordinal);
    }

    /// <summary>How the model's answers and results are shown (also exported by the module as <c>presentation</c>).</summary>
    public ModelPresentation Presentation { get; }

    /// <summary>
    /// The answers a form offers for <paramref name="item"/>: its allowed values, in the presentation's order (the baseline's
    /// "keep" answer is not among them: a form adds it only where a statement has a baseline score).
    /// </summary>
    public IReadOnlyList<AnswerOption> AnswerOptions(ModelItem item) =>
        Presentation.Answers.Where(o => item.AllowedValues.Contains(o.Value, StringComparer.Ordinal)).ToArray();

    /// <summary>Key questions or themes, in display order.</summary>
    public IReadOnlyList<ModelGroup> Groups => Descriptor.Groups;

    /// <summary>The items (questions) the model needs, in display order.</summary>
    public IReadOnlyList<ModelItem> Items => Descriptor.Items;

    /// <summary>Scores a parsed answers file with the entry rule. Answers to unknown questions are ignored.</summary>
    public ScoreResult Score(AnswersFile file) => (ScoreResult)Entry.Rule.EvaluateObject(file)!;

    /// <summary>The item with this question id, or null.</summary>
    public ModelItem? FindItem(string questionId) => itemsById.GetValueOrDefault(questionId);
}

/// <summary>Base of every model's score result; serialised with <see cref="ScoreReport.ToJson"/>.</summary>
public abstract record ScoreResult;

/// <summary>An id and version, used for models and assessments.</summary>
public sealed record ModelRef(string Id, string Version);
