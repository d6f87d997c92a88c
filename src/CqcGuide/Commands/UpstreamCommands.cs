using System.CommandLine;
using CqcGuide.Site.Pipeline;

namespace CqcGuide.Cli.Commands;

/// <summary><c>cqcguide upstream record</c>: for upstream's maintainers, before an edition is released.</summary>
internal static class UpstreamCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Option<string>("--input") { Description = "The content folder.", DefaultValueFactory = _ => "input" };
        var record = new Command("record",
            $"Record the content upstream ships (input/{UpstreamContent.FileName}): a fork's build then knows which files it has not changed, whose review dates never fail its --strict deploy.")
            { input };
        record.SetAction(parse =>
        {
            var dir = parse.GetValue(input)!;
            if (!Directory.Exists(dir)) throw new UsageException($"there is no folder '{dir}'");
            var count = UpstreamContent.Record(dir);
            output.WriteLine($"Recorded {count} upstream files in {Path.Combine(dir, UpstreamContent.FileName)}");
            return CliApp.Ok;
        });
        return new Command("upstream", "For upstream's maintainers: record which content upstream ships.") { record };
    }
}
