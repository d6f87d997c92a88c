using System.CommandLine;
using System.Globalization;
using CqcGuide.Cli.Commands;

namespace CqcGuide.Cli;

/// <summary>The <c>cqcguide</c> command. Exit codes: 0 success, 1 content errors, 2 usage errors, 3 internal errors
/// (a bug, or the machine: CG9xx, with the stack trace only under <c>--verbose</c>).</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;
    public const int InternalError = 3;

    /// <summary>Every command: print the stack trace of internal errors (CG9xx).</summary>
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Print the stack trace of internal errors (CG9xx).", Recursive = true };

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("CqcGuide: builds the learning-from-failure guidance site, scores self-assessments, and checks learning logs.");
        root.Options.Add(Verbose);
        root.Subcommands.Add(BuildCommands.Build(output, error));
        root.Subcommands.Add(BuildCommands.Check(output, error));
        root.Subcommands.Add(ServeCommand.Create(output, error));
        var newCommand = NewCommand.Create(output, error);
        newCommand.Subcommands.Add(NewSiteCommand.Create(output, error));
        root.Subcommands.Add(newCommand);
        root.Subcommands.Add(VersionCommands.Create(output, error));
        root.Subcommands.Add(SpcCommand.Create(output, error));
        root.Subcommands.Add(ReportCommand.Create(output, error));
        root.Subcommands.Add(UpstreamCommands.Create(output, error));
        root.Subcommands.Add(ThemeCommands.Create(output, error));
        foreach (var command in ExtraCommands.Create(output, error)) root.Subcommands.Add(command);

        var parse = root.Parse(Verbatim(args), new ParserConfiguration { ResponseFileTokenReplacer = null });
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
        catch (Exception e)
        {
            // Anything unexpected (a bug, memory, the disk): one coded line and exit 3, the stack trace only with --verbose.
            error.WriteLine($"error {CqcGuide.Site.Codes.InternalError}: internal error in 'cqcguide {string.Join(' ', args.Take(1))}': {e.GetType().Name}: {e.Message}");
            error.WriteLine(args.Contains("--verbose") ? e.ToString() : "    hint: run again with --verbose for the stack trace, and report it");
            return InternalError;
        }
    }

    /// <summary>Options whose value is free text. Their value is bound as typed: without this, a title such as
    /// "-?: why" reads as the help option (the parser splits "-x:value" tokens), and response files are off so that
    /// "@home" is a title, not a file to read.</summary>
    private static readonly string[] FreeText = ["--title"];

    private static string[] Verbatim(string[] args)
    {
        var joined = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (Array.IndexOf(FreeText, args[i]) >= 0 && i + 1 < args.Length) joined.Add(args[i] + "=" + args[++i]);
            else joined.Add(args[i]);
        }
        return [.. joined];
    }

    /// <summary>The exit code of a build: 2 when the output folder was refused, 3 for internal errors, 1 for content errors.</summary>
    public static int ExitCodeOf(CqcGuide.Site.Pipeline.BuildResult result)
    {
        if (result.Diagnostics.Any(d => d.IsError && d.Code == CqcGuide.Site.Codes.UnsafeOutputFolder)) return UsageError;
        if (result.Diagnostics.Any(d => d.IsError && CqcGuide.Site.Codes.IsInternal(d.Code))) return InternalError;
        return result.Success ? Ok : ContentErrors;
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
