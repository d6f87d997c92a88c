namespace CqcGuide.Site;

/// <summary>A diagnostic code: what it means, and the part of the build that reports it.</summary>
public sealed record DiagnosticCode(string Code, string Stage, string Meaning);

/// <summary>
/// The one registry of diagnostic codes. Codes are stable: tools and people search for them. docs/error-codes.md is
/// generated from <see cref="All"/> (<see cref="Markdown"/>); a test keeps the two equal and checks that every code the
/// source uses is registered here.
/// </summary>
public static class Codes
{
    // Loading
    public const string Unreadable = "CG100";
    public const string BinaryFile = "CG101";
    public const string NotUtf8 = "CG102";
    public const string EmptyFile = "CG103";
    public const string StrayFile = "CG104";
    public const string UnsafeLink = "CG105";
    public const string NotRegularFile = "CG106";
    public const string FileTooLarge = "CG107";
    public const string MarkdownTooComplex = "CG108";
    public const string ActiveAsset = "CG109";

    // Front matter and YAML
    public const string MissingFrontMatter = "CG110";
    public const string UnclosedFrontMatter = "CG111";
    public const string MalformedYaml = "CG112";
    public const string TabIndentation = "CG113";
    public const string YamlTooComplex = "CG114";
    public const string UnknownKey = "CG120";
    public const string WrongType = "CG121";
    public const string MissingField = "CG122";
    public const string InvalidDate = "CG123";
    public const string DuplicateKey = "CG124";
    public const string InvalidValue = "CG125";
    public const string InvalidCharacter = "CG126";
    public const string InvisibleCharacter = "CG127";
    public const string TooLong = "CG128";

    // Content
    public const string UnknownQualityStatement = "CG201";
    public const string UnknownKeyQuestion = "CG202";
    public const string ReviewDatesOutOfOrder = "CG203";
    public const string ReviewOverdue = "CG204";
    public const string DuplicateUrl = "CG205";
    public const string InvalidSlug = "CG206";
    public const string DuplicateId = "CG207";
    public const string MissingReviewDates = "CG208";
    public const string IncompleteStatementPage = "CG209";

    // Links and HTML
    public const string BrokenLink = "CG301";
    public const string BrokenAnchor = "CG302";
    public const string UnsafeHtml = "CG303";
    public const string UnsafeUrl = "CG304";
    public const string HostEndsWithDot = "CG309";

    // Templates and assets
    public const string TemplateSyntax = "CG401";
    public const string UndefinedVariable = "CG402";
    public const string UnknownAsset = "CG403";
    public const string TemplateRender = "CG404";
    public const string MissingTemplate = "CG405";
    public const string AssetImportCycle = "CG406";
    public const string StaleOverride = "CG407";
    public const string UnknownFilter = "CG408";
    public const string ReservedAssetFolder = "CG409";
    public const string ScriptSyntax = "CG410";

    // Site settings and editions
    public const string SiteConfig = "CG501";
    public const string UnknownVersion = "CG502";
    public const string LowContrast = "CG503";

    // Rules
    public const string RuleTranslation = "CG601";

    // Self-assessments
    public const string InvalidAssessment = "CG701";
    public const string InvalidHistory = "CG710";
    public const string InvalidForm = "CG720";
    public const string InvalidMeasure = "CG750";
    public const string MeasureNote = "CG751";
    public const string UnknownMeasure = "CG752";

    // Learning journal
    public const string InvalidLog = "CG802";
    public const string PersonalDataFound = "CG808";
    public const string RedactionNotConfirmed = "CG809";
    public const string LintFinding = "CG810";
    public const string StaleAcknowledgement = "CG811";

    // Tools and output
    public const string InternalError = "CG900";
    public const string SearchIndexer = "CG901";
    public const string OutputWrite = "CG902";
    public const string OutputEscape = "CG903";
    public const string UnsafeOutputFolder = "CG904";

    public static IReadOnlyList<DiagnosticCode> All { get; } =
    [
        new(Unreadable, "Loading", @"The file could not be read"),
        new(BinaryFile, "Loading", @"A binary file where text was expected"),
        new(NotUtf8, "Loading", @"The file is not valid UTF-8 (the position of the first bad byte is given)"),
        new(EmptyFile, "Loading", @"The file is empty"),
        new(StrayFile, "Loading", @"(warning) A file in `input/` that belongs to no content type"),
        new(UnsafeLink, "Loading", @"A symbolic link that leads out of its folder (`input/` or the theme), to a folder, to nothing, or round in a loop: it is not followed"),
        new(NotRegularFile, "Loading", @"Not a regular file (a device, a FIFO or a socket): it is not read"),
        new(FileTooLarge, "Loading", @"A file larger than the build reads (content and templates 1 MiB, assets 50 MiB)"),
        new(MarkdownTooComplex, "Loading", @"Markdown nested too deeply, or a paragraph with more emphasis markers or link brackets than the build parses (the work per file is capped)"),
        new(ActiveAsset, "Loading", @"An HTML file, or an SVG or XML file with scripts, event handlers or embedded HTML, under `input/assets/`: it would run as part of the site"),
        new(MissingFrontMatter, "Front matter and YAML", @"No front matter (the file must start with `---`)"),
        new(UnclosedFrontMatter, "Front matter and YAML", @"The front matter is not closed by a second `---` line"),
        new(MalformedYaml, "Front matter and YAML", @"Malformed YAML"),
        new(TabIndentation, "Front matter and YAML", @"A tab used for indentation in YAML"),
        new(YamlTooComplex, "Front matter and YAML", @"YAML nested more than 64 levels deep, an alias that refers to the node containing it, or aliases that expand to more than 100,000 nodes"),
        new(UnknownKey, "Front matter and YAML", @"An unknown key (with the nearest valid key as a hint)"),
        new(WrongType, "Front matter and YAML", @"A value of the wrong type"),
        new(MissingField, "Front matter and YAML", @"A required key is missing, or (warning) guidance lacks an owner or sources"),
        new(InvalidDate, "Front matter and YAML", @"An impossible or malformed date"),
        new(DuplicateKey, "Front matter and YAML", @"A key written twice"),
        new(InvalidValue, "Front matter and YAML", @"A value that is not one of the allowed values"),
        new(InvalidCharacter, "Front matter and YAML", @"A control character or a Unicode noncharacter (written directly or as a YAML escape such as `\x01`), which a web page or feed cannot carry"),
        new(InvisibleCharacter, "Front matter and YAML", @"(warning) An invisible formatting character (a bidi override or isolate, a zero-width space) removed from a value"),
        new(TooLong, "Front matter and YAML", @"A value longer than its limit (titles 200 characters, any other text 20,000)"),
        new(UnknownQualityStatement, "Content", @"An unknown quality statement id (with the nearest valid id)"),
        new(UnknownKeyQuestion, "Content", @"An unknown key question id"),
        new(ReviewDatesOutOfOrder, "Content", @"`next_review` is not after `last_reviewed`"),
        new(ReviewOverdue, "Content", @"(warning) The page is past its `next_review` date"),
        new(DuplicateUrl, "Content", @"Two files publish the same address"),
        new(InvalidSlug, "Content", @"A file or folder name, tag or edition that cannot be used in a web address (lower-case letters, digits and hyphens; editions also dots)"),
        new(DuplicateId, "Content", @"An id used twice (checklist items, assessment questions and the anchors made from them, learning logs)"),
        new(MissingReviewDates, "Content", @"(warning) Guidance without review dates"),
        new(IncompleteStatementPage, "Content", @"A quality statement page (`input/quality-statements/`) that is missing, misnamed, lacks one of its sections or has fewer than 250 words of its own"),
        new(BrokenLink, "Links and HTML", @"A broken internal link"),
        new(BrokenAnchor, "Links and HTML", @"A broken `#anchor`"),
        new(UnsafeHtml, "Links and HTML", @"(warning) HTML outside the learning log allow-list removed from provider-authored content (one warning per removal)"),
        new(UnsafeUrl, "Links and HTML", @"A link whose scheme is not http, https or mailto (e.g. `javascript:`), in Markdown or in a front-matter address"),
        new(HostEndsWithDot, "Links and HTML", @"(warning) A web address whose host ends with a dot (`cqc.org.uk.`): write it without the dot"),
        new(TemplateSyntax, "Templates and assets", @"A Liquid syntax error in a template"),
        new(UndefinedVariable, "Templates and assets", @"A template uses a variable or member that does not exist"),
        new(UnknownAsset, "Templates and assets", @"A template names an asset that does not exist"),
        new(TemplateRender, "Templates and assets", @"A template failed while rendering (a filter error such as `divided_by: 0`, or more than its limits: 1,000,000 steps, ranges of 100,000 items, 8 MB per value, 32 MB per page)"),
        new(MissingTemplate, "Templates and assets", @"A layout, or a partial named by `include`, is missing"),
        new(AssetImportCycle, "Templates and assets", @"JavaScript modules import each other in a cycle"),
        new(StaleOverride, "Templates and assets", @"(advice) A theme override in `input/_theme/` whose built-in file has changed upstream since it was made, or that does not record which version it overrides (`cqcguide theme override`)"),
        new(UnknownFilter, "Templates and assets", @"A template uses a filter that does not exist"),
        new(ReservedAssetFolder, "Templates and assets", @"A file under `input/assets/` in a folder where the theme publishes its content-hashed files (e.g. `assets/css/`): hosts cache that folder for a year, so a file there without a hash in its name would stay stale"),
        new(ScriptSyntax, "Templates and assets", @"A theme script (`theme/assets/js/`, `theme/app/service-worker.js`, or an override in `input/_theme/`) is not valid JavaScript: the build publishes scripts without their comments, and parses them to do so"),
        new(SiteConfig, "Site settings and editions", @"`site.yml` is missing or invalid (including a `language` that is not a BCP 47 tag and a `theme` folder outside the project)"),
        new(UnknownVersion, "Site settings and editions", @"An edition folder that `site.yml` does not list, or a listed edition without pages"),
        new(LowContrast, "Site settings and editions", @"The brand colour in `organisation.yml` does not reach WCAG AA contrast (4.5:1) with white text; the message gives the measured ratio"),
        new(RuleTranslation, "Rules", @"A scoring rule cannot be translated to JavaScript faithfully"),
        new(InvalidAssessment, "Self-assessments, forms and measures", @"A self-assessment definition that does not fit its scoring model (unknown model or question, a question missing, a condition on a later question or an impossible answer)"),
        new(InvalidHistory, "Self-assessments, forms and measures", @"A self-assessment history file (`input/assessments/history/*.json`, an exported answers file) that the answers parser refuses, that belongs to no assessment of the site, or whose notes or plan hold personal data (the personal-data rules' finding is in the message)"),
        new(InvalidForm, "Self-assessments, forms and measures", @"A fillable form definition (`input/forms/`) that cannot be filled in: a bad version or id, a choice without two options, a table of rows without columns, a learning-log mapping to a field the form lacks"),
        new(InvalidMeasure, "Self-assessments, forms and measures", @"A measure (`input/measures/`) whose data or settings the SPC rules cannot read: an unreadable, repeated, out-of-order or missing period, a value that is not a number or out of range, a rebase at a period without data, a bad action reference (the SPC rule's own code is in the message)"),
        new(MeasureNote, "Self-assessments, forms and measures", @"(advice) A note on a measure's chart, e.g. a segment of fewer than 12 points is shown as a run chart without limits"),
        new(UnknownMeasure, "Self-assessments, forms and measures", @"A learning log action's `measure_id` names no measure of the site"),
        new(InvalidLog, "Learning journal", @"A learning log that breaks the log format's rules (dates out of order or in the future, harm against the event type, an incident without its Regulation 20(9) duty of candour answers, a notifiable incident without its notification record, a log still in the old candour format, a notification with neither a date nor a reason, actions without factors or evidence, closing with open actions)"),
        new(PersonalDataFound, "Learning journal", @"Personal data (an NHS number, a date of birth, an exact age, a person's name) in a log meant for publication, not marked in `not_personal_data` (a warning in a draft)"),
        new(RedactionNotConfirmed, "Learning journal", @"A log meant for publication (any status but `draft`) whose redaction check is missing or not confirmed"),
        new(LintFinding, "Learning journal", @"(warning) A `learning-log-quality` finding: the log shows one of the pitfalls of learning from failure, such as a systemic factor with no action, weaker actions with no system change, or a death or serious injury with no CQC notification recorded (an error with `--strict` unless acknowledged)"),
        new(StaleAcknowledgement, "Learning journal", @"(warning) An acknowledgement, or a `not_personal_data` phrase, that matches no finding of the log any more"),
        new(InternalError, "Tools and output", @"An unexpected failure while processing a file (a bug, or the machine: memory, disk); exit code 3, and `--verbose` prints the stack trace"),
        new(SearchIndexer, "Tools and output", @"The search indexer (Pagefind) could not be installed, failed or timed out; exit code 3"),
        new(OutputWrite, "Tools and output", @"The output could not be written (permissions, a full disk); exit code 3"),
        new(OutputEscape, "Tools and output", @"A file would have been written outside the output folder: refused; exit code 3"),
        new(UnsafeOutputFolder, "Tools and output", @"The output folder is, contains or sits inside the input, theme or project folder, is a file, a link or a file-system root, or holds files the build did not write (`--force` for the last): nothing is touched; exit code 2"),
    ];

    /// <summary>Failures of the build itself or of the machine, not of the content (exit code 3).</summary>
    public static bool IsInternal(string code) => code is InternalError or SearchIndexer or OutputWrite or OutputEscape;

    /// <summary>docs/error-codes.md.</summary>
    public static string Markdown()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("# Error codes\n\n");
        sb.Append("Every message has the form `path:line:column: error|warning CODE: message`, sometimes followed by `hint: …`.\n");
        sb.Append("Warnings become errors with `--strict`. This page is generated from `src/CqcGuide.Site/Codes.cs`.\n");
        foreach (var stage in All.GroupBy(c => c.Stage))
        {
            sb.Append("\n## ").Append(stage.Key).Append("\n\n| Code | Meaning |\n|---|---|\n");
            foreach (var c in stage) sb.Append("| ").Append(c.Code).Append(" | ").Append(c.Meaning).Append(" |\n");
        }
        return sb.ToString();
    }
}
