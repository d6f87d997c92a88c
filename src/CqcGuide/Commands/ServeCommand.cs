using System.CommandLine;

namespace CqcGuide.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new SiteOptions();
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1.", DefaultValueFactory = _ => 5080 };
        var command = new Command("serve", "Build, serve on 127.0.0.1, and rebuild and reload open pages when input/ or theme/ change.");
        options.AddTo(command, output: false);
        command.Options.Add(port);
        command.SetAction(parse => DevServer.Run(options.Read(parse, write: false, null), parse.GetValue(port), output, error, parse.GetValue(options.Verbose)));
        return command;
    }
}
