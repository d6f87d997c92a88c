using System.Text.RegularExpressions;

namespace CqcGuide.Site.Sections.Journal;

/// <summary>
/// Heuristics for personal data in text meant for publication: valid NHS numbers (Modulus 11), date-of-birth
/// patterns, and people's names where only a role belongs. Heuristics, not proof: they make a person look again.
/// </summary>
public static partial class PersonalData
{
    public sealed record Finding(string Kind, string Text);

    /// <summary>NHS numbers: ten digits (optionally 3-3-4 with spaces or hyphens) whose Modulus 11 check digit is right.</summary>
    public static IEnumerable<Finding> NhsNumbers(string text)
    {
        foreach (Match m in NhsRegex().Matches(text))
        {
            var digits = m.Value.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
            if (IsValidNhsNumber(digits)) yield return new Finding("NHS number", m.Value);
        }
    }

    public static bool IsValidNhsNumber(IReadOnlyList<int> digits)
    {
        if (digits.Count != 10) return false;
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += digits[i] * (10 - i);
        var check = 11 - sum % 11;
        if (check == 11) check = 0;
        return check != 10 && check == digits[9];
    }

    public static IEnumerable<Finding> DatesOfBirth(string text) =>
        DobRegex().Matches(text).Select(m => new Finding("date of birth", m.Value.Trim()));

    /// <summary>A title and a surname anywhere ("Mrs Patel", "Dr. Okafor").</summary>
    public static IEnumerable<Finding> TitledNames(string text) =>
        TitleRegex().Matches(text).Select(m => new Finding("a person's name", m.Value));

    /// <summary>A field that should hold a role ("Deputy manager") but looks like a name ("Sam Taylor").</summary>
    public static Finding? NameInsteadOfRole(string value)
    {
        if (TitledNames(value).FirstOrDefault() is { } titled) return titled;
        var words = WordRegex().Matches(value).Select(m => m.Value).ToArray();
        if (words.Length is < 2 or > 3) return null;
        if (!words.All(w => char.IsUpper(w[0]))) return null;
        return words.Any(w => RoleWords.Contains(w.ToLowerInvariant())) ? null : new Finding("a person's name where a role belongs", value);
    }

    private static readonly HashSet<string> RoleWords = new(StringComparer.Ordinal)
    {
        "manager", "deputy", "registered", "senior", "carer", "carers", "care", "worker", "workers", "nurse", "nurses", "nursing", "assistant",
        "lead", "leader", "team", "director", "nominated", "individual", "pharmacist", "pharmacy", "gp", "doctor", "practitioner",
        "coordinator", "co-ordinator", "officer", "administrator", "admin", "head", "chef", "cook", "housekeeper", "housekeeping",
        "domestic", "maintenance", "activities", "therapist", "physiotherapist", "occupational", "social", "family", "relative",
        "resident", "person", "agency", "bank", "night", "day", "shift", "quality", "governance", "safeguarding", "training", "trainer",
        "hr", "finance", "owner", "provider", "board", "member", "representative", "advocate", "district", "community", "hospital",
        "discharge", "clinical", "medicines", "infection", "control", "champion", "supervisor", "staff", "volunteer", "visitor",
        "paramedic", "ambulance", "commissioner", "inspector", "home", "branch", "of", "and", "the", "on", "duty", "general",
        "operations", "area", "regional", "service", "services", "user", "users", "wellbeing", "dementia", "specialist", "tissue",
        "viability", "speech", "language", "dietitian", "podiatrist", "optician", "dentist", "consultant", "ward", "sister", "matron",
        "health", "healthcare", "support", "key", "practice", "educator", "auditor", "compliance", "safety", "fire", "falls",
        "moving", "handling", "lifting", "mental", "capacity", "learning", "disability", "disabilities", "partner", "partners",
        "local", "authority", "council", "police", "coroner", "ombudsman", "cqc", "nhs", "icb", "mdt", "multidisciplinary",
    };

    [GeneratedRegex(@"(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)")]
    private static partial Regex NhsRegex();

    [GeneratedRegex(@"(?i)\b(d\.?o\.?b\.?|date of birth|born on|born)\b[:\s]*\d{1,4}[\/\-. ]\w{1,9}[\/\-. ]\d{2,4}")]
    private static partial Regex DobRegex();

    [GeneratedRegex(@"\b(Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][a-z'’\-]+")]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"[\p{L}][\p{L}'’\-]*")]
    private static partial Regex WordRegex();
}
