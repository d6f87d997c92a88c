using System.Linq.Expressions;

namespace CqcGuide.Rules.Translation;

/// <summary>
/// Raised when a rule uses a construct the translator cannot turn into JavaScript with exactly the same meaning.
/// The message names the rule and the node, e.g.
/// <c>rule 'kq-percentage': cannot translate Multiply on System.Int64: (x.Sum * 100)</c>.
/// </summary>
public sealed class TranslationException : Exception
{
    public TranslationException(string ruleName, string construct, Expression? node, string? hint)
        : base(Format(ruleName, construct, node, hint))
    {
        RuleName = ruleName;
        Construct = construct;
        Node = node?.ToString();
        Hint = hint;
    }

    /// <summary>The rule being translated.</summary>
    public string RuleName { get; }

    /// <summary>What could not be translated, e.g. "Multiply on System.Int64".</summary>
    public string Construct { get; }

    /// <summary>The expression node's text.</summary>
    public string? Node { get; }

    /// <summary>How to rewrite the rule, when we know.</summary>
    public string? Hint { get; }

    private static string Format(string ruleName, string construct, Expression? node, string? hint) =>
        $"rule '{ruleName}': cannot translate {construct}" + (node is null ? "" : $": {node}") + (hint is null ? "" : $". {hint}");
}
