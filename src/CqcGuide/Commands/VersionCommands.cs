using System.CommandLine;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Sections.Guidance;

namespace CqcGuide.Cli.Commands;

internal static class VersionCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var version = new Argument<string>("version") { Description = "The edition to freeze, e.g. 2.0." };
        var next = new Option<string?>("--next") { Description = "The edition that becomes current (required when freezing the current edition)." };
        var input = new Option<string>("--input") { Description = "The content folder.", DefaultValueFactory = _ => "input" };
        var date = new Option<string?>("--date") { Description = "Today's date, YYYY-MM-DD." };
        var snapshot = new Command("snapshot", "Freeze the current guidance as an older edition under input/versions/<version>/.") { version, next, input, date };
        snapshot.SetAction(parse =>
        {
            var outcome = Snapshot.Create(parse.GetValue(input)!, parse.GetValue(version)!, parse.GetValue(next), CliApp.Today(parse.GetValue(date)));
            (outcome.Ok ? output : error).WriteLine(outcome.Ok ? outcome.Message : "error: " + outcome.Message);
            return outcome.Ok ? CliApp.Ok : CliApp.UsageError;
        });
        return new Command("version", "Manage guidance editions.") { snapshot };
    }
}
