using System.CommandLine;
using System.Globalization;
using CqcGuide.Site;
using CqcGuide.Site.Pipeline;

namespace CqcGuide.Cli.Commands;

/// <summary>Options shared by build, check and serve.</summary>
internal sealed class SiteOptions
{
    public Option<string> Input { get; } = new("--input") { Description = "The content folder.", DefaultValueFactory = _ => "input" };
    public Option<string> Output { get; } = new("--output") { Description = "Where the site is written.", DefaultValueFactory = _ => "output" };
    public Option<string?> Theme { get; } = new("--theme") { Description = "The built-in theme folder (default: theme/ next to the input folder)." };
    public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "The public address, e.g. https://example.org/guide/ (overrides site.yml)." };
    public Option<string?> Date { get; } = new("--date") { Description = "Today's date for review and due dates, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else the clock)." };
    public Option<bool> Strict { get; } = new("--strict") { Description = "Treat warnings as errors." };
    public Option<bool> NoSearch { get; } = new("--no-search") { Description = "Skip the Pagefind search index." };
    public Option<bool> Timings { get; } = new("--timings") { Description = "Print how long each stage took." };
    public Option<bool> Force { get; } = new("--force") { Description = "Replace an output folder that holds files CqcGuide did not write (never the input, theme or project folder)." };
    public Option<bool> Verbose => CliApp.Verbose;

    public void AddTo(Command command, bool output = true, bool search = true)
    {
        command.Options.Add(Input);
        if (output)
        {
            command.Options.Add(Output);
            command.Options.Add(Force);
        }
        command.Options.Add(Theme);
        command.Options.Add(BaseUrl);
        command.Options.Add(Date);
        command.Options.Add(Strict);
        command.Options.Add(Timings);
        if (search) command.Options.Add(NoSearch);
    }

    public BuildOptions Read(ParseResult parse, bool write, IProgress<string>? progress) => new()
    {
        InputDir = parse.GetValue(Input)!,
        OutputDir = parse.GetValue(Output) ?? "output",
        ThemeDir = parse.GetValue(Theme) ?? Bundled.ThemeFor(parse.GetValue(Input)!),
        BaseUrl = parse.GetValue(BaseUrl),
        Today = CliApp.Today(parse.GetValue(Date)),
        Strict = parse.GetValue(Strict),
        Search = write && !parse.GetValue(NoSearch),
        Write = write,
        Progress = progress,
        Force = write && parse.GetValue(Force),
    };
}

internal static class BuildCommands
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var options = new SiteOptions();
        var command = new Command("build", "Build the site from the input folder into the output folder. On any error the previous output is left untouched.");
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var progress = Progress(error);
            var buildOptions = options.Read(parse, write: true, progress);
            var result = SiteBuilder.Build(buildOptions);
            if (progress is not null) error.Write("\r\x1b[K");
            Report(result, error, parse.GetValue(options.Verbose));
            Summary(result, output, $"Built into {buildOptions.OutputDir}/", $"Nothing written: {buildOptions.OutputDir}/ is unchanged.");
            if (parse.GetValue(options.Timings)) Stages(result, output);
            return CliApp.ExitCodeOf(result);
        });
        return command;
    }

    public static Command Check(TextWriter output, TextWriter error)
    {
        var options = new SiteOptions();
        var command = new Command("check", "Run every check the build runs, without writing anything.");
        options.AddTo(command, output: false, search: false);
        command.SetAction(parse =>
        {
            var progress = Progress(error);
            var result = SiteBuilder.Build(options.Read(parse, write: false, progress));
            if (progress is not null) error.Write("\r\x1b[K");
            Report(result, error, parse.GetValue(options.Verbose));
            Summary(result, output, "Checked: no errors.", "Check failed.");
            if (parse.GetValue(options.Timings)) Stages(result, output);
            return CliApp.ExitCodeOf(result);
        });
        return command;
    }

    public static void Report(BuildResult result, TextWriter error, bool verbose = false)
    {
        foreach (var d in result.Diagnostics)
        {
            error.WriteLine(d.ToString());
            if (verbose && d.Detail is { } detail) error.WriteLine(detail);
        }
    }

    public static void Summary(BuildResult result, TextWriter output, string success, string failure)
    {
        var pages = result.PageCounts.Values.Sum();
        var kinds = string.Join(", ", result.PageCounts.Select(kv => $"{kv.Key} {kv.Value}"));
        output.WriteLine(result.Success ? success : failure);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {pages} pages ({kinds})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {result.Errors} {(result.Errors == 1 ? "error" : "errors")}, {result.Warnings} {(result.Warnings == 1 ? "warning" : "warnings")}, {result.Elapsed.TotalSeconds:0.00} s"));
    }

    public static void Stages(BuildResult result, TextWriter output)
    {
        // CPU time is the steadier figure on a shared machine; kernel time is mostly the disk.
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"stage",-14} {"wall",8}    {"user CPU",11} {"kernel CPU",11}"));
        foreach (var (stage, elapsed, user, kernel) in result.Stages)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {stage,-14} {elapsed.TotalMilliseconds,8:0} ms {user.TotalMilliseconds,8:0} ms {kernel.TotalMilliseconds,8:0} ms"));
    }

    /// <summary>Stage names on an interactive terminal, overwritten in place; nothing when redirected (CI, tests).</summary>
    public static IProgress<string>? Progress(TextWriter error) =>
        Console.IsErrorRedirected || !ReferenceEquals(error, Console.Error) ? null : new TerminalProgress(error);

    private sealed class TerminalProgress(TextWriter error) : IProgress<string>
    {
        public void Report(string value)
        {
            error.Write("\r\x1b[K  " + value + " …");
            error.Flush();
        }
    }
}
