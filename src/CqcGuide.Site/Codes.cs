namespace CqcGuide.Site;

/// <summary>
/// Diagnostic codes. The numbering groups them by stage; docs/error-codes.md lists each with an example.
/// Codes are stable: tools and people search for them.
/// </summary>
public static class Codes
{
    // Loading (CG1xx)
    public const string Unreadable = "CG100";
    public const string BinaryFile = "CG101";
    public const string NotUtf8 = "CG102";
    public const string EmptyFile = "CG103";
    public const string StrayFile = "CG104";

    // Front matter and YAML (CG11x-CG13x)
    public const string MissingFrontMatter = "CG110";
    public const string UnclosedFrontMatter = "CG111";
    public const string MalformedYaml = "CG112";
    public const string TabIndentation = "CG113";
    public const string UnknownKey = "CG120";
    public const string WrongType = "CG121";
    public const string MissingField = "CG122";
    public const string InvalidDate = "CG123";
    public const string DuplicateKey = "CG124";
    public const string InvalidValue = "CG125";

    // Content validation (CG2xx)
    public const string UnknownQualityStatement = "CG201";
    public const string UnknownKeyQuestion = "CG202";
    public const string ReviewDatesOutOfOrder = "CG203";
    public const string ReviewOverdue = "CG204";
    public const string DuplicateUrl = "CG205";
    public const string InvalidSlug = "CG206";
    public const string DuplicateId = "CG207";
    public const string MissingReviewDates = "CG208";

    // Links (CG3xx)
    public const string BrokenLink = "CG301";
    public const string BrokenAnchor = "CG302";
    public const string UnsafeHtml = "CG303";

    // Templates and assets (CG4xx)
    public const string TemplateSyntax = "CG401";
    public const string UndefinedVariable = "CG402";
    public const string UnknownAsset = "CG403";
    public const string TemplateRender = "CG404";
    public const string MissingTemplate = "CG405";
    public const string AssetImportCycle = "CG406";

    // Site configuration and versions (CG5xx)
    public const string SiteConfig = "CG501";
    public const string UnknownVersion = "CG502";

    // Scoring rules (CG6xx)
    public const string RuleTranslation = "CG601";

    // Assessments (CG7xx), learning logs (CG8xx) and tools (CG9xx) are defined next to their stages.
    public const string SearchIndexer = "CG901";
    public const string OutputWrite = "CG902";
}
