using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using CqcGuide.Rules.LearningLogs;

namespace CqcGuide.Cli.Commands;

/// <summary><c>cqcguide new guidance|checklist|page|log|measure &lt;slug&gt;</c>: scaffolds a file the build accepts.</summary>
internal static partial class NewCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("new", "Create a new content file with valid front matter.");
        foreach (var kind in Scaffolds.Kinds)
        {
            var slug = new Argument<string>("slug") { Description = $"File name without {kind.Extension}: lower-case letters, digits and hyphens." };
            var input = new Option<string>("--input") { Description = "The content folder.", DefaultValueFactory = _ => "input" };
            var title = new Option<string?>("--title") { Description = "The page title (default: from the slug)." };
            var date = new Option<string?>("--date") { Description = "Today's date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else the clock)." };
            var sub = new Command(kind.Name, kind.Description) { slug, input, title, date };
            sub.SetAction(parse =>
            {
                var s = parse.GetValue(slug)!;
                if (s.Length > MaxSlugLength)
                    throw new UsageException($"the slug is {s.Length} characters long; the most is {MaxSlugLength} (it becomes a file name and an address)");
                if (!SlugRegex().IsMatch(s))
                    throw new UsageException($"'{s}' is not a valid slug: use lower-case letters, digits and hyphens, e.g. falls-at-night");
                var today = CliApp.Today(parse.GetValue(date));
                var pageTitle = parse.GetValue(title) ?? (kind.DefaultTitle ?? (x => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(x.Replace('-', ' '))))(s);
                if (TitleProblem(pageTitle) is { } problem) throw new UsageException($"--title {problem}");
                var path = Path.Combine(parse.GetValue(input)!, kind.Folder, s + kind.Extension);
                if (File.Exists(path) || Directory.Exists(path))
                {
                    error.WriteLine($"error: {path} already exists; nothing was written.");
                    return CliApp.UsageError;
                }
                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                    using (var writer = new StreamWriter(file, new System.Text.UTF8Encoding(false)))
                        writer.Write(kind.Template(pageTitle, s, today));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"{path.Replace('\\', '/')}:1:1: error {CqcGuide.Site.Codes.OutputWrite}: cannot write the file: {e.Message}");
                    return CliApp.InternalError;
                }
                output.WriteLine($"Created {path.Replace('\\', '/')}");
                return CliApp.Ok;
            });
            command.Subcommands.Add(sub);
        }
        return command;
    }

    public const int MaxSlugLength = 80;

    /// <summary>Why a title cannot be written into front matter as given, or null: it must be one line of printable
    /// text, no longer than the build accepts.</summary>
    internal static string? TitleProblem(string title)
    {
        if (title.Trim().Length == 0) return "must not be empty";
        if (title.Length > CqcGuide.Site.Pipeline.DocumentLoader.MaxTitleLength) return $"is {title.Length} characters long; the most is {CqcGuide.Site.Pipeline.DocumentLoader.MaxTitleLength}";
        if (title.Any(c => c is '\n' or '\r' or '\t') || CqcGuide.Site.Loading.TextRules.IndexOfForbidden(title) >= 0) return "must be one line of text without control characters";
        if (CqcGuide.Site.Loading.TextRules.HasInvisible(title)) return "contains invisible formatting characters (bidi overrides, zero-width spaces)";
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SlugRegex();
}

/// <param name="DefaultTitle">The title when --title is not given: from the slug (a page titled by its address), or a
/// placeholder that says what to write (a log's id is a reference number, not a title).</param>
internal sealed record Scaffold(string Name, string Folder, string Description, Func<string, string, DateOnly, string> Template, string Extension = ".md",
    Func<string, string>? DefaultTitle = null);

internal static class Scaffolds
{
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Yaml(string s) => CqcGuide.Site.Yaml.YamlText.Quote(s);

    /// <summary>A field's allowed values, from the log format (the list the build checks against).</summary>
    private static string Options<T>(IEnumerable<LogOption<T>> options) where T : struct, Enum => string.Join(" | ", options.Select(o => o.Value));

    /// <summary>A log's id is a reference number, so its title is a placeholder saying what to write.</summary>
    public const string LogTitlePlaceholder = "What happened, in a few words (no names)";

    public static List<Scaffold> Kinds { get; } =
    [
        new("guidance", "guidance", "A guidance page in the current edition (input/guidance/).", (title, slug, today) => $"""
            ---
            title: {Yaml(title)}
            summary: One or two sentences on what this page helps a registered manager do.
            order: 500
            owner: Registered manager
            last_reviewed: {D(today)}
            next_review: {D(today.AddYears(1))}
            key_questions: [safe]
            quality_statements: [safe.learning-culture]
            tags: []
            sources:
              - title: CQC quality statements
                url: https://www.cqc.org.uk/assessment/quality-statements
            changes: []
            ---

            Start with a short introduction. The title above becomes the page's heading.

            ## A first section

            Write the guidance here. Link to other pages by their file, for example [the start page](index.md).

            """),
        new("checklist", "checklists", "A pitfall checklist (input/checklists/).", (title, slug, today) => $"""
            ---
            title: {Yaml(title)}
            summary: What this checklist helps a team check.
            order: 500
            owner: Registered manager
            last_reviewed: {D(today)}
            next_review: {D(today.AddYears(1))}
            quality_statements: [safe.learning-culture]
            items:
              - id: first-item
                text: A statement the team can tick when it is true.
                explanation: Why this matters, and what good looks like.
                guidance: ../guidance/common-pitfalls.md
            ---

            Who this checklist is for and how to use it.

            """),
        new("log", "journal", "A learning log (input/journal/), as a draft until you set its status.", (title, slug, today) => $"""
            ---
            id: {slug}
            title: {Yaml(title)}
            status: draft                        # {Options(LogFormat.Statuses.All)}
            event_type: incident                 # {Options(LogFormat.EventTypes.All)}
            occurred: {D(today)}                 # YYYY-MM-DD, or YYYY-MM with occurred_precision: month
            identified: {D(today)}
            harm: none                           # {Options(LogFormat.Harms.All)}
            duty_of_candour:
              # Regulation 20(9): in a health care professional's opinion, did the incident appear to result in ...?
              # Answer each yes, no or unknown (unknown counts as yes until a professional has decided).
              outcomes:
                death: unknown
                impairment: unknown
                body_structure: unknown
                prolonged_pain: unknown
                prolonged_psychological_harm: unknown
                shortened_life_expectancy: unknown
                treatment_needed: unknown
              # professional_role: GP            # whose opinion the answers are, once you have it
              # opinion_date: YYYY-MM-DD
              # notified_in_person: YYYY-MM-DD   # when the duty applies: the conversation with the relevant person
              # written_notification: YYYY-MM-DD
            notifications: []                    # who you told: cqc, safeguarding, riddor, mhra, coroner, commissioner, police, other
            summary: What happened, in two or three plain sentences. Use roles, never names.
            learning_response:
              method: after-action-review        # {Options(LogFormat.ResponseMethods.All)}
              roles: [Registered manager]
            factors:
              - id: f1
                area: tasks                      # {Options(LogFormat.WorkSystemAreas.All)}
                description: A condition in the way the work is set up that made the event more likely.
                systemic: true
            actions:
              - id: a1
                description: What you will change, verb first.
                kind: system-change              # {Options(LogFormat.ActionKinds.All)}
                addresses: [f1]
                owner_role: Registered manager
                due: {D(today.AddMonths(1))}
                status: planned                  # {Options(LogFormat.ActionStatuses.All)}
                measure: How you will know the change worked.
            quality_statements: [safe.learning-culture]
            redaction_check:
              confirmed: false
            ---

            The story of the event and the learning, in plain language. Drafts are checked but not published;
            set 'status' when the log is ready. The draft form at /journal/draft/ can write this file for you.

            """, DefaultTitle: _ => LogTitlePlaceholder),
        new("measure", "measures", "A measure with an SPC chart (input/measures/), monitoring whether a change worked.", (title, slug, today) => $"""
            # A measure: see docs/content-spec.md ("Measure"). Replace the example counts below with your own, one per
            # month, oldest first, with no gaps; twelve or more points give process limits worth reading.
            title: {Yaml(title)}
            summary: One sentence on what is counted and why.
            numerator: What is counted each month, in plain words
            unit: a month
            direction: decrease
            period: month
            minimum: "0"
            owner_role: Registered manager
            quality_statements: [safe.learning-culture]
            changes: []
            # changes:
            #   - period: {today.AddMonths(-1):yyyy-MM}
            #     label: What changed in how the work is done
            #     action: ll-2026-001#a1
            data:
            {string.Join("\n", Enumerable.Range(0, 3).Select(i => $"  - {{ period: {today.AddMonths(i - 3):yyyy-MM}, value: 0 }}"))}

            """, ".yml"),
        new("page", "pages", "A plain page such as 'about' (input/pages/).", (title, slug, today) => $"""
            ---
            title: {Yaml(title)}
            summary: One sentence on what this page is for.
            ---

            Write the page here.

            """),
    ];
}
