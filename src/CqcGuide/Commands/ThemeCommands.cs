using System.CommandLine;
using CqcGuide.Site.Templates;

namespace CqcGuide.Cli.Commands;

/// <summary><c>cqcguide theme override &lt;path&gt;</c>: copy one theme file into input/_theme/ to change it.</summary>
internal static class ThemeCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var path = new Argument<string>("path") { Description = "The theme file, relative to theme/, e.g. partials/header.liquid or assets/css/site.css." };
        var input = new Option<string>("--input") { Description = "The content folder.", DefaultValueFactory = _ => "input" };
        var theme = new Option<string?>("--theme") { Description = "The built-in theme folder (default: theme/ next to the content folder)." };
        var record = new Option<bool>("--record") { Description = "Keep your override as it is and only record the built-in version it now matches." };
        var command = new Command("override", "Copy a theme file into input/_theme/ so you can change it; the copy records which version it overrides, so the build can tell you when upstream changes it.")
            { path, input, theme, record };
        command.SetAction(parse =>
        {
            var inputDir = parse.GetValue(input)!;
            var themeDir = parse.GetValue(theme) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(inputDir).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "theme");
            var relative = parse.GetValue(path)!.Replace('\\', '/').TrimStart('/');
            if (relative.StartsWith("theme/", StringComparison.Ordinal)) relative = relative["theme/".Length..];
            if (relative.Split('/').Any(p => p is ".." or "")) throw new UsageException($"'{relative}' is not a path inside the theme");
            try
            {
                var target = ThemeOverrides.Create(themeDir, Path.Combine(inputDir, "_theme"), relative, parse.GetValue(record));
                output.WriteLine(parse.GetValue(record) ? $"Recorded the current theme/{relative} in {target}" : $"Copied theme/{relative} to {target}: edit it there.");
                return CliApp.Ok;
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidOperationException)
            {
                throw new UsageException(e.Message);
            }
        });
        return new Command("theme", "Change the site's look without editing theme/.") { command };
    }
}
