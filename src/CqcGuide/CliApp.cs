using System.CommandLine;
using System.Globalization;
using CqcGuide.Cli.Commands;

namespace CqcGuide.Cli;

/// <summary>The <c>cqcguide</c> command. Exit codes: 0 success, 1 content errors, 2 usage errors.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("CqcGuide: builds the learning-from-failure guidance site, scores self-assessments, and checks learning logs.");
        root.Subcommands.Add(BuildCommands.Build(output, error));
        root.Subcommands.Add(BuildCommands.Check(output, error));
        root.Subcommands.Add(ServeCommand.Create(output, error));
        var newCommand = NewCommand.Create(output, error);
        newCommand.Subcommands.Add(NewSiteCommand.Create(output, error));
        root.Subcommands.Add(newCommand);
        root.Subcommands.Add(VersionCommands.Create(output, error));
        root.Subcommands.Add(SpcCommand.Create(output, error));
        root.Subcommands.Add(UpstreamCommands.Create(output, error));
        root.Subcommands.Add(ThemeCommands.Create(output, error));
        foreach (var command in ExtraCommands.Create(output, error)) root.Subcommands.Add(command);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) error.WriteLine($"error: {e.Message}");
            error.WriteLine($"Run '{Name(parse)} --help' for usage.");
            return UsageError;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            return UsageError;
        }
    }

    private static string Name(ParseResult parse)
    {
        var names = new List<string>();
        for (var c = parse.CommandResult; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, c.Command is RootCommand ? "cqcguide" : c.Command.Name);
        return string.Join(' ', names);
    }

    /// <summary>"Today" from --date, else SOURCE_DATE_EPOCH, else the clock (the only place the clock is read).</summary>
    public static DateOnly Today(string? date)
    {
        if (date is not null)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new UsageException($"--date must be a real date written YYYY-MM-DD, not '{date}'");
            return d;
        }
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (!string.IsNullOrEmpty(epoch))
        {
            if (!long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                throw new UsageException($"SOURCE_DATE_EPOCH must be a whole number of seconds, not '{epoch}'");
            return DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime);
        }
        return DateOnly.FromDateTime(DateTime.UtcNow);
    }
}

/// <summary>A mistake in how the command was called (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);
