using System.CommandLine;

namespace CqcGuide.Cli.Commands;

/// <summary><c>cqcguide new site</c>: starts a site in the current folder from the content that ships with the tool.</summary>
internal static class NewSiteCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Option<string>("--input") { Description = "Where to put the content.", DefaultValueFactory = _ => "input" };
        var command = new Command("site", "Start a new site here: the current guidance, checklists, self-assessments and example content, ready to build.") { input };
        command.SetAction(parse =>
        {
            var target = parse.GetValue(input)!;
            if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
                throw new UsageException($"{target}/ already has files; start a site in an empty folder");
            var starter = Bundled.Starter() ?? throw new UsageException("this copy of cqcguide has no starter content");
            var count = 0;
            foreach (var file in Directory.EnumerateFiles(starter, "*", SearchOption.AllDirectories))
            {
                var dest = Path.Combine(target, Path.GetRelativePath(starter, file));
                Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
                File.Copy(file, dest);
                count++;
            }
            Directory.CreateDirectory(Path.Combine(target, "journal"));
            output.WriteLine($"Created {target}/ with {count} files. Next: edit {target}/organisation.yml, then run 'cqcguide build'.");
            return CliApp.Ok;
        });
        return command;
    }
}
