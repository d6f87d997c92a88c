using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CqcGuide.Site.Yaml;

/// <summary>A YAML document beyond the limits: where, why, and what to do.</summary>
internal sealed class YamlLimitException(Mark at, string message, string hint) : Exception(message)
{
    public Mark At { get; } = at;
    public string Hint { get; } = hint;
}

/// <summary>
/// Passes YamlDotNet's parser events through, checking them before the representation model is built from them, so a
/// hostile document fails with a position instead of exhausting the stack or the memory: nesting deeper than
/// <see cref="MaxDepth"/> (50,000 nested '[' overflowed the stack), an alias inside the node it names (<c>? &amp;k [*k]</c>
/// made a key that contains itself), and aliases expanding to more than <see cref="MaxNodes"/> nodes (3,000 aliases of a
/// 3,000-item list took minutes and gigabytes to bind).
/// </summary>
internal sealed class LimitingParser(IParser inner) : IParser
{
    public const int MaxDepth = 64;
    public const int MaxNodes = 100_000;

    private readonly Stack<string?> open = new();
    private readonly Stack<long> counts = new();
    private readonly Dictionary<string, long> sizes = new(StringComparer.Ordinal);
    private long expanded;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext()) return false;
        Inspect(inner.Current!);
        return true;
    }

    private void Inspect(ParsingEvent e)
    {
        switch (e)
        {
            case SequenceStart or MappingStart:
            {
                if (open.Count >= MaxDepth)
                    throw new YamlLimitException(e.Start, $"the YAML is nested more than {MaxDepth} levels deep", "front matter needs a few levels; check for runaway '[' or '{'");
                var anchor = ((NodeEvent)e).Anchor;
                open.Push(anchor.IsEmpty ? null : anchor.Value);
                counts.Push(1);
                Add(e, 1, counted: false);
                break;
            }
            case SequenceEnd or MappingEnd:
            {
                var anchor = open.Pop();
                var size = counts.Pop();
                if (anchor is not null) sizes[anchor] = size;
                if (counts.Count > 0) counts.Push(counts.Pop() + size);
                break;
            }
            case Scalar scalar:
                if (!scalar.Anchor.IsEmpty) sizes[scalar.Anchor.Value] = 1;
                Add(e, 1, counted: true);
                break;
            case AnchorAlias alias:
            {
                var name = alias.Value.Value;
                if (open.Contains(name))
                    throw new YamlLimitException(e.Start, $"the alias *{name} is used inside the node it names, which would contain itself",
                        "an alias can only repeat a node that is already complete");
                Add(e, sizes.GetValueOrDefault(name, 1), counted: true);
                break;
            }
        }
    }

    private void Add(ParsingEvent e, long size, bool counted)
    {
        expanded += size;
        if (counted && counts.Count > 0) counts.Push(counts.Pop() + size);
        if (expanded > MaxNodes)
            throw new YamlLimitException(e.Start, $"the YAML expands to more than {MaxNodes:N0} values (aliases repeat what they name)",
                "write the values out, or use fewer aliases; front matter needs a few hundred values at most");
    }
}
