
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
/// A named, versioned set of rules that can be explained and translated to one ES module. The three answer-scoring
/// models derive from <see cref="ScoringModel"/>; the learning-log linter (<see cref="Models.LearningLogQuality"/>)
/// derives from this class directly because its input is a learning log, not an answers file.
/// </summary>
public abstract class RuleModel
{
    /// <summary>Stable id, e.g. <c>cqc-saf</c>.</summary>
    public abstract string Id { get; }

    /// <summary>Semantic version of the model's rules.</summary>
    public abstract string Version { get; }

    public abstract string Title { get; }

    /// <summary>A short plain-English summary (first thing the "How scoring works" page shows).</summary>
    public abstract string Summary { get; }

    /// <summary>True for CQC's own methods; false for CqcGuide's own models.</summary>
    public abstract bool IsCqcMethod { get; }

    /// <summary>Every rule of the model, in the order an explanation should present them.</summary>
    public abstract IReadOnlyList<Rule> Rules { get; }

    /// <summary>The rule the JavaScript module exports as its entry function.</summary>
    public abstract ModuleEntry Entry { get; }

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

    private readonly Lazy<(string Text, string Hash)> compiled;

    protected RuleModel() => compiled = new(() => Translation.JsTranslator.Compile(this), LazyThreadSafetyMode.ExecutionAndPublication);

    public override string ToString() => $"{Id} {Version}";
}

/// <summary>A model that scores an <see cref="AnswersFile"/>: entry function <c>score(input)</c>.</summary>
public abstract class ScoringModel : RuleModel
{
    /// <summary>Key questions or themes, in display order.</summary>
    public abstract IReadOnlyList<ModelGroup> Groups { get; }

    /// <summary>The items (questions) the model needs, in display order.</summary>
    public abstract IReadOnlyList<ModelItem> Items { get; }

    /// <summary>Scores a parsed answers file. Answers to unknown questions are ignored.</summary>
    public abstract ScoreResult Score(AnswersFile file);

    /// <summary>The item with this question id, or null.</summary>
    public ModelItem? FindItem(string questionId)
    {
        itemsById ??= Items.ToDictionary(i => i.QuestionId, StringComparer.Ordinal);
        return itemsById.GetValueOrDefault(questionId);
    }

    private Dictionary<string, ModelItem>? itemsById;
}

/// <summary>Base of every model's score result; serialised with <see cref="ScoreReport.ToJson"/>.</summary>
public abstract record ScoreResult;

/// <summary>An id and version, used for models and assessments.</summary>
public sealed record ModelRef(string Id, string Version);
