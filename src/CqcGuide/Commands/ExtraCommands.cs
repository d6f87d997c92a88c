using System.CommandLine;

namespace CqcGuide.Cli.Commands;

/// <summary>Commands added by later features (scoring, rules, learning logs) register here.</summary>
internal static class ExtraCommands
{
    public static IEnumerable<Command> Create(TextWriter output, TextWriter error) => [];
}
