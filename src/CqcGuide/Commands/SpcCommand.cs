using System.CommandLine;
using CqcGuide.Rules.ScoringModels;
using CqcGuide.Site;
using CqcGuide.Site.Sections.Measures;

namespace CqcGuide.Cli.Commands;

/// <summary><c>cqcguide spc FILE</c>: a measure file or a CSV read by the same SPC rules as the site and the browser.</summary>
internal static class SpcCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "A measure file (.yml) or a CSV with the header 'period,value'." };
        var json = new Option<bool>("--json") { Description = "Print the rules' whole result as JSON (what the browser's module returns)." };
        var period = new Option<string?>("--period") { Description = "For a CSV: week, month (default) or quarter." };
        var direction = new Option<string?>("--direction") { Description = "For a CSV: increase, decrease or neutral (which way is better)." };
        var target = new Option<string?>("--target") { Description = "For a CSV: the target, e.g. 95." };
        var minimum = new Option<string?>("--minimum") { Description = "For a CSV: the smallest possible value, e.g. 0." };
        var maximum = new Option<string?>("--maximum") { Description = "For a CSV: the largest possible value, e.g. 100 for a percentage." };
        var command = new Command("spc", "Analyse a measure with Making Data Count XmR charts: per segment the mean and process limits, per point whether it is special cause and which rule fired, and the latest variation and assurance.")
            { file, json, period, direction, target, minimum, maximum };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new UsageException($"{path}: no such file");
            SpcResult? result;
            var display = path.Replace('\\', '/');
            if (path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            {
                var diagnostics = new DiagnosticBag();
                result = MeasureChecks.AnalyseFile(path, diagnostics);
                foreach (var d in diagnostics.Sorted()) error.WriteLine(d.ToString());
                if (result is null || diagnostics.HasErrors) return CliApp.ContentErrors;
            }
            else
            {
                if (new FileInfo(path).Length > 4_000_000) throw new UsageException($"{path} is larger than 4 MB: that is not a series of measurements");
                result = Spc.Analyse(new SpcInput(File.ReadAllText(path), null, parse.GetValue(period) ?? "month", parse.GetValue(direction), parse.GetValue(target),
                    parse.GetValue(minimum), parse.GetValue(maximum), null, null, null, null));
                foreach (var e in result.Errors)
                    error.WriteLine($"{display}:{e.Line ?? 1}:{e.Column ?? 1}: error {Codes.InvalidMeasure}: {e.Message} ({e.Code})");
                if (!result.Valid) return CliApp.ContentErrors;
            }
            output.Write(parse.GetValue(json) ? SpcReport.ToJson(result) : SpcReport.ToText(result));
            return CliApp.Ok;
        });
        return command;
    }
}
