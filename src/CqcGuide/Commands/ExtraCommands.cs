using System.CommandLine;
using CqcGuide.Rules;
using CqcGuide.Rules.Translation;

namespace CqcGuide.Cli.Commands;

/// <summary><c>score</c> and <c>rules explain|export</c>: the scoring rules from the command line.</summary>
internal static class ExtraCommands
{
    public static IEnumerable<Command> Create(TextWriter output, TextWriter error) => [Score(output, error), RulesCommand(output, error)];

    private static Command Score(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("answers")
        {
            Description = "An answers file (cqcguide.answers/2 or /1), e.g. one exported from a self-assessment page; with --team, two or more.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format") { Description = "json (default) or text.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "text");
        var team = new Option<bool>("--team") { Description = "Compare several people's answers to one self-assessment: per question the spread, median and what to discuss; per person the result their answers give." };
        var command = new Command("score", "Score an answers file with the same rules the browser runs, and print the result.") { files, format, team };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files)!;
            var asTeam = parse.GetValue(team);
            if (!asTeam && paths.Length > 1) throw new UsageException($"score reads one answers file ({paths.Length} given); add --team to compare several people's answers");
            if (asTeam && paths.Length < 2) throw new UsageException("score --team compares two or more answers files");
            var read = new List<(string Path, AnswersFile File)>();
            var failed = false;
            foreach (var path in paths)
            {
                if (Read(path, error, missingIsContentError: asTeam) is { } file) read.Add((path, file));
                else failed = true;
            }
            if (failed) return CliApp.ContentErrors;
            if (asTeam) return TeamScore.Run(read, parse.GetValue(format) != "text", output, error);
            var model = Models.FindScoring(read[0].File.Model.Id)!;
            var result = model.Score(read[0].File);
            output.Write(parse.GetValue(format) == "text" ? ScoreReport.ToText(result) : ScoreReport.ToJson(result));
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>Reads and checks one answers file; null (every problem written to <paramref name="error"/>) when it cannot be scored.</summary>
    private static AnswersFile? Read(string path, TextWriter error, bool missingIsContentError)
    {
        // A regular file (a link to one is fine: the reader named it), read with a cap: `score /dev/zero` used to run
        // out of memory, and a FIFO would wait forever.
        var kind = CqcGuide.Site.Loading.SafeFiles.Kind(path, follow: true);
        if (kind == CqcGuide.Site.Loading.EntryKind.Missing)
        {
            // One file: a usage error, as before. Several (--team): every file's problem is reported in one run.
            if (!missingIsContentError) throw new UsageException($"{path}: no such file");
            error.WriteLine($"{path}:1:1: error CG801: no such file");
            return null;
        }
        if (kind is not (CqcGuide.Site.Loading.EntryKind.Regular or CqcGuide.Site.Loading.EntryKind.Unknown))
        {
            error.WriteLine($"{path}:1:1: error {CqcGuide.Site.Codes.NotRegularFile}: not a regular file ({kind}); an answers file is a .json file");
            return null;
        }
        var problems = new CqcGuide.Site.DiagnosticBag();
        var bytes = CqcGuide.Site.Loading.SafeFiles.ReadAllBytes(path, path, AnswersFile.MaxLength * 4L, problems);
        if (bytes is null)
        {
            foreach (var d in problems.Sorted()) error.WriteLine(d.Code == CqcGuide.Site.Codes.FileTooLarge
                ? $"{path}:1:1: error CG801: the file is too large to be an answers file (more than {AnswersFile.MaxLength * 4L} bytes)" : d.ToString());
            return null;
        }
        var parsed = AnswersFile.Parse(System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
        if (!parsed.Success)
        {
            foreach (var e in parsed.Errors)
                error.WriteLine($"{path}:{e.Line}:{e.Column}: error CG801: {e.Path}: {e.Message}");
            return null;
        }
        return parsed.File;
    }

    private static Command RulesCommand(TextWriter output, TextWriter error)
    {
        var modelArg = new Argument<string?>("model") { Description = "A model id (default: all; a wrong id gets a suggestion or the list)", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "text (default) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var explain = new Command("explain", "Explain every rule of a scoring model in plain English, with its sources.") { modelArg, format };
        explain.SetAction(parse =>
        {
            foreach (var m in Select(parse.GetValue(modelArg)))
                output.Write(parse.GetValue(format) == "json" ? Explanation.ToJson(m.Explain()) : Explanation.ToText(m.Explain()) + "\n");
            return CliApp.Ok;
        });

        var dir = new Argument<string>("dir") { Description = "Folder to write the modules into (created if needed)." };
        var export = new Command("export", "Write the compiled JavaScript module of every model (<id>.js) and the answers schema.") { dir };
        export.SetAction(parse =>
        {
            var target = parse.GetValue(dir)!;
            Directory.CreateDirectory(target);
            foreach (var m in Models.All)
            {
                var path = Path.Combine(target, m.Id + ".js");
                File.WriteAllText(path, JsTranslator.EmitModule(m));
                output.WriteLine($"Wrote {path} ({m.Id} {m.Version}, {m.SourceHash})");
            }
            File.WriteAllText(Path.Combine(target, "answers.schema.json"), AnswersFile.Schema);
            output.WriteLine($"Wrote {Path.Combine(target, "answers.schema.json")}");
            return CliApp.Ok;
        });
        return new Command("rules", "The scoring rules: explain them, or export their compiled JavaScript.") { explain, export };
    }

    private static IEnumerable<RuleModel> Select(string? id)
    {
        if (id is null) return Models.All;
        var model = Models.Find(id);
        if (model is null)
        {
            var hint = CqcGuide.Rules.Domain.Nearest.Find(id, Models.All.Select(m => m.Id));
            throw new UsageException($"unknown model '{id}'" + (hint is null ? $"; models: {string.Join(", ", Models.All.Select(m => m.Id))}" : $"; did you mean '{hint}'?"));
        }
        return [model];
    }
}
