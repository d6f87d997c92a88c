using CqcGuide.Cli;

namespace CqcGuide.Tests;

public sealed record CliResult(int ExitCode, string Output, string Error);

public static class Cli
{
    public static CliResult Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
