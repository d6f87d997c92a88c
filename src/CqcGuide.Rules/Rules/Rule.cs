using System.Globalization;
using System.Linq.Expressions;
using System.Text.RegularExpressions;

namespace CqcGuide.Rules;

/// <summary>How much authority a rule has.</summary>
public enum RuleKind
{
    /// <summary>A rule CQC states in its published guidance.</summary>
    Published,

    /// <summary>Our named reading where CQC is silent or ambiguous (see <see cref="Rule.Interpretation"/>).</summary>
    Interpretation,

    /// <summary>A rule reported by third parties only; we could not read it in a CQC source.</summary>
    Unverified,

    /// <summary>CqcGuide's own method, not a CQC rule at all (the learning models).</summary>
    OwnMethod,
}

/// <summary>Where a rule comes from. <see cref="Url"/> is null for sources the project holds only as a reference copy.</summary>
public sealed record RuleSource(string Title, string? Url);

/// <summary>The name of an interpretation and why we chose it.</summary>
public sealed record RuleInterpretation(string Name, string Why);

/// <summary>
/// A named scoring rule: plain-English description, sources, kind, and an expression tree that is both compiled for
/// .NET and translated to JavaScript by <see cref="Translation.JsTranslator"/>.
/// </summary>
public abstract partial class Rule
{
    private protected Rule(string name, RuleKind kind, string description, IReadOnlyList<RuleSource> sources, RuleInterpretation? interpretation,
        string? publisher)
    {
        if (!KebabCase().IsMatch(name))
            throw new ArgumentException($"Rule name '{name}' must be kebab-case (e.g. 'kq-percentage').", nameof(name));
        if (string.IsNullOrWhiteSpace(description))
            throw new ArgumentException($"Rule '{name}' needs a description.", nameof(description));
        if (kind == RuleKind.Interpretation && interpretation is null)
            throw new ArgumentException($"Rule '{name}' is an interpretation, so it needs the interpretation's name and why.", nameof(interpretation));
        if (kind != RuleKind.Interpretation && interpretation is not null)
            throw new ArgumentException($"Rule '{name}' is not an interpretation, so it cannot carry one.", nameof(interpretation));
        Name = name;
        Kind = kind;
        Description = Normalise(description);
        Sources = sources.ToArray();
        Interpretation = interpretation;
        if (publisher is not null && string.IsNullOrWhiteSpace(publisher))
            throw new ArgumentException($"Rule '{name}' needs a publisher name, or none for CQC.", nameof(publisher));
        Publisher = publisher ?? Cqc;
    }

    /// <summary>The default <see cref="Publisher"/>.</summary>
    public const string Cqc = "CQC";

    /// <summary>Kebab-case name, unique within a model (e.g. <c>whole-percent-rounding</c>).</summary>
    public string Name { get; }

    public RuleKind Kind { get; }

    /// <summary>Plain English for a registered manager.</summary>
    public string Description { get; }

    public IReadOnlyList<RuleSource> Sources { get; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="RuleKind.Interpretation"/>.</summary>
    public RuleInterpretation? Interpretation { get; }

    /// <summary>
    /// Who publishes the method the rule belongs to: "CQC" for the CQC models; another body for a model that follows someone
    /// else's published method (e.g. the SPC model, NHS England's Making Data Count). The kind labels name it.
    /// </summary>
    public string Publisher { get; }

    /// <summary>The rule's logic as an untyped lambda (one parameter).</summary>
    public abstract LambdaExpression Lambda { get; }

    public abstract Type InputType { get; }

    public abstract Type OutputType { get; }

    /// <summary>Runs the rule on an untyped input (the input must be a <see cref="InputType"/>).</summary>
    internal abstract object? EvaluateObject(object? input);

    public override string ToString() => $"rule '{Name}'";

    // Descriptions are written as raw string literals; collapse single line breaks into spaces, keep paragraph breaks.
    private static string Normalise(string text)
    {
        var paragraphs = Regex.Split(text.Replace("\r\n", "\n").Trim(), @"\n\s*\n");
        return string.Join("\n\n", paragraphs.Select(p => Regex.Replace(p.Trim(), @"\s*\n\s*", " ")));
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}

/// <summary>A rule from <typeparamref name="TIn"/> to <typeparamref name="TOut"/>.</summary>
public sealed class Rule<TIn, TOut> : Rule
{
    private readonly Lazy<Func<TIn, TOut>> compiled;

    public Rule(
        string name,
        RuleKind kind,
        string description,
        IReadOnlyList<RuleSource> sources,
        Expression<Func<TIn, TOut>> expression,
        RuleInterpretation? interpretation = null,
        string? publisher = null)
        : base(name, kind, description, sources, interpretation, publisher)
    {
        Expression = expression ?? throw new ArgumentNullException(nameof(expression));
        compiled = new Lazy<Func<TIn, TOut>>(() => Expression.Compile(), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Expression<Func<TIn, TOut>> Expression { get; }

    public override LambdaExpression Lambda => Expression;

    public override Type InputType => typeof(TIn);

    public override Type OutputType => typeof(TOut);

    /// <summary>Runs the rule: the expression is compiled once, on first use, and cached.</summary>
    public TOut Evaluate(TIn input) => compiled.Value(input);

    internal override object? EvaluateObject(object? input) => Evaluate((TIn)input!);
}

/// <summary>Helpers usable inside rule expressions; the translator knows each of them.</summary>
public static class Expr
{
    /// <summary>
    /// Names an intermediate value: <c>Expr.Let(totals, t =&gt; ...)</c>. Evaluates <paramref name="value"/> once and
    /// passes it to <paramref name="body"/>. Translated to a <c>const</c> at the top of a rule function, or to
    /// <c>$let(value, (t) =&gt; ...)</c> elsewhere.
    /// </summary>
    public static TResult Let<T, TResult>(T value, Func<T, TResult> body) => body(value);

    /// <summary>
    /// The day number (days since 1970-01-01) of a real calendar date written exactly <c>YYYY-MM-DD</c> (ASCII digits,
    /// years 0001–9999), or null for anything else: the strings <c>DateOnly.TryParseExact(s, "yyyy-MM-dd",
    /// CultureInfo.InvariantCulture, DateTimeStyles.None, ...)</c> accepts. Translated to the runtime helper
    /// <c>$dayNumber</c>. Rules compare dates as day numbers; they never read the clock ("today" is an input).
    /// </summary>
    public static int? DayNumber(string? isoDate) =>
        isoDate is not null && DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.DayNumber - UnixEpoch
            : null;

    private static readonly int UnixEpoch = new DateOnly(1970, 1, 1).DayNumber;
}
