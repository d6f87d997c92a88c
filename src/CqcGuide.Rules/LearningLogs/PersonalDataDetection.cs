using System.Text.Json;
using CqcGuide.Rules.ScoringModels;
using System.Text.RegularExpressions;
using T = CqcGuide.Rules.LearningLogs.PersonalDataTerms;

namespace CqcGuide.Rules.LearningLogs;

/// <summary>One text of a learning log: its front-matter key path (<c>summary</c>, <c>actions[0].owner_role</c>) or <c>body</c>.</summary>
/// <param name="Role">True for a field that should hold a role, never a person (<c>owner_role</c>, <c>roles[i]</c>, <c>redaction_check.by</c>).</param>
public sealed record PersonalDataField(string Path, string Text, bool Role);

/// <summary>
/// The input of <c>personal-data</c>: the log's texts and the phrases its author has marked as not personal data
/// (<c>not_personal_data</c> in the front matter). JSON (camelCase) is the contract with the draft form and the build.
/// </summary>
public sealed record PersonalDataInput(PersonalDataField[] Fields, string[] NotPersonalData)
{
    /// <summary>Reads an input from JSON (camelCase). Throws <see cref="JsonException"/> on malformed input.</summary>
    public static PersonalDataInput FromJson(string json) =>
        JsonSerializer.Deserialize<PersonalDataInput>(json, RulesJson.Options) ?? throw new JsonException("The input must be a JSON object.");
}

/// <summary>What a kind of finding is called and how to fix it (exported as <c>personalDataKinds</c>).</summary>
public sealed record PersonalDataKind(string Kind, string Label, string Hint);

/// <summary>A stretch of one text that looks like personal data, before it is labelled.</summary>
public sealed record PersonalDataCandidate(string Kind, int Start, int Length, string Text);

/// <summary>
/// A name candidate to check against the words that are never names: words from index <paramref name="FirstChecked"/> on
/// are checked (a title or a given name matched from the list is not); with <paramref name="Trim"/>, a candidate is cut
/// before its first such word if at least <paramref name="MinWords"/> name-shaped words remain, otherwise it is dropped.
/// </summary>
public sealed record NameCheck(PersonalDataCandidate Candidate, int FirstChecked, int MinWords, bool Trim);

/// <summary>A candidate with its position in text order.</summary>
public sealed record RankedCandidate(PersonalDataCandidate Candidate, int Rank);

/// <summary>One field of the input with the log's not-personal-data phrases.</summary>
public sealed record PersonalDataFieldCheck(PersonalDataField Field, string[] NotPersonalData);

/// <summary>A candidate in its text, with the phrases that may mark it as not personal data.</summary>
public sealed record PersonalDataMarkCheck(string Text, PersonalDataCandidate Candidate, string[] NotPersonalData);

/// <summary>
/// Something that looks like personal data in a log meant for publication. <see cref="Start"/> and <see cref="Length"/>
/// are in UTF-16 code units of the field's text (JavaScript string indices). <see cref="MarkedBy"/> is the
/// <c>not_personal_data</c> phrase that covers the finding, or null: a finding that is not marked stops publication.
/// </summary>
/// <param name="Kind">nhs-number | date-of-birth | age | titled-name | name-beside-role | name-in-role-field | name</param>
public sealed record PersonalDataFinding(string Kind, string Label, string Path, string Text, int Start, int Length, string Hint, string? MarkedBy);

/// <summary>The regular expressions of the detector, built from <see cref="PersonalDataTerms"/> (all in the translator's subset).</summary>
public static class PersonalDataPatterns
{
    /// <summary>Letters (ASCII, Latin-1 and Latin Extended-A), capitals and small letters, as character-class contents.</summary>
    private const string L = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u017f";
    private const string Up = "A-Z\u00c0-\u00d6\u00d8-\u00de";
    private const string Lo = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f";
    private const string Sp = "[ \t]+";
    private const RegexOptions Options = RegexOptions.ECMAScript;

    private static string Alt(IEnumerable<string> words) =>
        "(?:" + string.Join("|", words.Distinct(StringComparer.Ordinal).OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).Select(Escape)) + ")";

    private static string Escape(string word)
    {
        var text = new System.Text.StringBuilder();
        foreach (var c in word)
        {
            if ("\\^$.|?*+()[]{}/".Contains(c)) text.Append('\\');
            text.Append(c);
        }
        return text.ToString();
    }

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static string AnyCase(string word) =>
        char.IsAsciiLetterLower(word[0]) ? "[" + char.ToUpperInvariant(word[0]) + word[0] + "]" + Escape(word[1..]) : Escape(word);

    /// <summary>A name-shaped word: a capital, small letters, and the shapes of O'Brien, McDonald and Smith-Jones.</summary>
    private static readonly string NameWord = $"[{Up}](?:['\u2019][{Up}])?[{Lo}]+(?:[{Up}][{Lo}]+)?(?:-[{Up}][{Lo}]+)?(?![{L}0-9])";

    private static readonly string WordStart = $"(?<![{L}0-9'\u2019\\-])";

    /// <summary>
    /// A name-shaped word. Whether it is one of <see cref="PersonalDataTerms.NotNames"/> is checked afterwards with
    /// <see cref="NotName"/>, so that the long list is in the module once, not in every pattern.
    /// </summary>
    private static readonly string Candidate = WordStart + NameWord;

    private static readonly string GivenName = Alt(T.GivenNames);
    private static readonly string AnyGivenName = Alt(T.GivenNames.Concat(T.WordLikeGivenNames));
    private static readonly string RoleWord = "(?:" + Alt(T.Roles) + "|GP|OT)";
    private static readonly string CapitalisedRole = Alt(T.Roles.Where(r => char.IsAsciiLetterLower(r[0])).Select(Capitalised));
    private static readonly string NotSaint = $"(?<!(?:St|Saint)\\.?{Sp})";

    private static readonly string Month =
        "(?:" + string.Join("|", new[] { "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december" }.Select(AnyCase))
        + $"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?(?![{L}])";

    private const string Ordinal = "(?:st|nd|rd|th)?";
    private static readonly string NumericDate = "[0-9]{1,2}[/.\\-][0-9]{1,2}[/.\\-](?:[0-9]{4}|[0-9]{2})(?![0-9])";
    private static readonly string DayMonthYear = $"[0-9]{{1,2}}{Ordinal}(?:{Sp}of)?{Sp}{Month},?{Sp}[0-9]{{4}}(?![0-9])";
    private static readonly string MonthDayYear = $"{Month}{Sp}[0-9]{{1,2}}{Ordinal},?{Sp}[0-9]{{4}}(?![0-9])";

    private static readonly string BirthCue =
        $"(?<![{L}])(?:[Dd]\\.?[Oo]\\.?[Bb]\\.?|[Dd]ate{Sp}of{Sp}[Bb]irth|[Bb]irth{Sp}?[Dd]ate|[Bb]orn(?:{Sp}on|{Sp}in)?|[Bb]irthday(?:{Sp}is|{Sp}on|{Sp}of)?)";

    /// <summary>A name-shaped word inside a candidate (the words the <see cref="NotName"/> check reads).</summary>
    public static readonly Regex NameWordIn = new(WordStart + NameWord, Options);

    /// <summary>A whole word that is one of <see cref="PersonalDataTerms.NotNames"/>: never part of a person's name.</summary>
    public static readonly Regex NotName = new($"^{Alt(T.NotNames)}(?![\\d\\D])", Options);

    /// <summary>Ten digits, plain or in 3-3-4 groups separated by spaces or hyphens, not inside a longer number.</summary>
    public static readonly Regex NhsNumber = new("(?<![0-9])[0-9]{3}[ \\-]?[0-9]{3}[ \\-]?[0-9]{4}(?![0-9])", Options);

    /// <summary>One digit.</summary>
    public static readonly Regex Digit = new("[0-9]", Options);

    /// <summary>A date (or a year, or a day and month) right after "DOB", "date of birth", "born (on|in)" or "birthday".</summary>
    public static readonly Regex DateAfterBirthCue = new(
        $"(?<={BirthCue}[ \t]*[:\\-\u2013(]?[ \t]*(?:is{Sp}|was{Sp})?(?:the{Sp})?)(?:{NumericDate}|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}(?![0-9])|{DayMonthYear}|{MonthDayYear}"
        + $"|[0-9]{{1,2}}{Ordinal}(?:{Sp}of)?{Sp}{Month}|{Month}{Sp}[0-9]{{4}}(?![0-9])|(?:18|19|20)[0-9]{{2}}(?![0-9]))",
        Options);

    /// <summary>A full date (day, month and year) from 1900 to 1989: decades before any event a log records.</summary>
    public static readonly Regex OldFullDate = new(
        $"(?<![0-9])(?:[0-9]{{1,2}}[/.\\-][0-9]{{1,2}}[/.\\-]19[0-8][0-9]|19[0-8][0-9]-[01][0-9]-[0-3][0-9]"
        + $"|[0-9]{{1,2}}{Ordinal}(?:{Sp}of)?{Sp}{Month},?{Sp}19[0-8][0-9]|{Month}{Sp}[0-9]{{1,2}}{Ordinal},?{Sp}19[0-8][0-9])(?![0-9])",
        Options);

    /// <summary>"aged 87", "age: 87", "87-year-old", "87 years old"; not "aged 18 or over", "aged 65+", "aged 18-25", "under 18 years old".</summary>
    public static readonly Regex ExactAge = new(
        $"(?<![{L}])(?:[Aa]ged|[Aa]ge:?){Sp}[0-9]{{1,3}}(?![0-9])(?![ \t]*(?:\\+|[\\-\u2013][ \t]*[0-9]|to{Sp}[0-9]|or{Sp}(?:over|above|under|older|younger|more|less|below)"
        + $"|and{Sp}(?:over|above|under|older|younger)|s(?![{L}])|%))"
        + $"|(?<![0-9])(?<!(?:under|over|least|than|aged|age){Sp})[0-9]{{1,3}}(?:-year-old|{Sp}years?{Sp}old|-years?-old)(?![{L}])",
        Options);

    /// <summary>A title, up to two initials and one or two name words: "Mrs Patel", "Dr. A. Okafor", "Mr John Smith".</summary>
    public static readonly Regex TitledName = new(
        $"(?<![{L}]){Alt(T.Titles)}(?![{L}])\\.?(?:{Sp}[{Up}]\\.?(?![{L}])){{0,2}}{Sp}{Candidate}(?:{Sp}{Candidate})?", Options);

    /// <summary>One or two name words right after a role in lower case ("carer Sarah Jones", "her daughter, Sarah").</summary>
    public static readonly Regex NameAfterRole = new(
        $"(?<=(?<![{L}]){RoleWord}[,:]?{Sp}){Candidate}(?:{Sp}{Candidate})?", Options);

    /// <summary>A given name right after a capitalised role ("Nurse Sarah", "Carer Ngozi Adeyemi").</summary>
    public static readonly Regex GivenNameAfterCapitalisedRole = new(
        $"(?<=(?<![{L}]){CapitalisedRole}{Sp}){WordStart}{AnyGivenName}(?![{L}])(?:{Sp}{Candidate})?", Options);

    /// <summary>Any name after Nurse, Sister or Matron ("Sister Okafor").</summary>
    public static readonly Regex NameAfterNursingTitle = new(
        $"(?<=(?<![{L}])(?:Nurse|Sister|Matron){Sp}){Candidate}(?:{Sp}{Candidate})?", Options);

    /// <summary>
    /// One or two name words in mid-sentence (after a word in lower case) followed by a comma, bracket or dash and a role:
    /// "told Ngozi, the night nurse", "with Priya (senior carer)". Not after a word that introduces a place (in, at, near...).
    /// </summary>
    public static readonly Regex NameBeforeRole = new(
        $"(?<=(?<![{L}])[{Lo}0-9][{Lo}0-9'\u2019]*[,;)]?{Sp})(?<!(?<![{L}])(?:in|at|on|near|of|via|across|around|into|within|outside|inside){Sp})"
        + $"{Candidate}(?:{Sp}{Candidate})?(?=[ \t]*(?:,|\\(|[\\-\u2013\u2014])[ \t]*(?:(?:the|our|a|an|their|his|her|who{Sp}is|who{Sp}was){Sp})?(?:[a-z\\-]+{Sp}){{0,3}}{RoleWord}(?![{L}]))",
        Options);

    /// <summary>A given name followed by one or two name words ("Sarah Jones", "Grace Okafor"), not after "St".</summary>
    public static readonly Regex GivenAndFamilyName = new(
        $"{WordStart}{NotSaint}{AnyGivenName}(?![{L}])(?:{Sp}{Candidate}){{1,2}}", Options);

    /// <summary>A given name on its own (not a word-like one such as Grace), unless it names a place ("Elizabeth Ward") or a saint.</summary>
    public static readonly Regex GivenNameAlone = new(
        $"{WordStart}{NotSaint}{GivenName}(?![{L}0-9])(?!{Sp}{Alt(T.PlaceWords)}(?![{L}]))", Options);

    /// <summary>
    /// Two or three name words that are none of the known words, in mid-sentence after a word in lower case that is not an
    /// article or a word that introduces a place, and not followed by another capitalised word: "spoke to Ngozi Adeyemi".
    /// </summary>
    public static readonly Regex UnknownFullName = new(
        $"(?<=(?<![{L}])[{Lo}][{Lo}'\u2019]*,?{Sp})(?<!(?<![{L}])(?:the|a|an|our|their|this|that|these|those|each|every|any|no|its|his|her|my|your|in|at|on|near|via|of|using|per|into|onto|within|across|around|from|to)"
        + $"{Sp}){Candidate}{Sp}{Candidate}(?:{Sp}{Candidate})?(?![ \t]+[{Up}])(?![{L}0-9'\u2019\\-])",
        Options);

    /// <summary>A whole value that is a name: two or three name words, or one given name ("Sam Taylor", "Sarah").</summary>
    public static readonly Regex WholeValueIsName = new(
        $"^[ \t]*(?:{Candidate}(?:{Sp}{Candidate}){{1,2}}|{AnyGivenName}(?![{L}]))[ \t]*(?![\\d\\D])", Options);

    /// <summary><see cref="PersonalDataTerms.KnownTerms"/>, as whole words.</summary>
    public static readonly Regex KnownTerm = new($"(?<![{L}]){Alt(T.KnownTerms)}(?![{L}])", Options);
}

/// <summary>
/// <c>personal-data</c>: the detector of personal data in a learning log meant for publication, run by the build (every
/// build: a finding not marked as not personal data is an error) and live by the draft form. Its JavaScript entry point
/// is <c>findPersonalData(input)</c>; in .NET call <see cref="Find"/>. The module also exports
/// <c>personalDataKinds</c> (each kind's label and hint). Heuristics, not proof: they make a person look again.
/// </summary>
public sealed class PersonalDataDetection : RuleModel
{
    public const string ModelId = "personal-data";
    public const string ModelVersion = "1.0.0";

    private static readonly RuleSource[] Policy = [Sources.LearningLogFormat];

    /// <summary>The kinds of finding, their labels and hints, in the order the detector prefers them when two overlap.</summary>
    public static IReadOnlyList<PersonalDataKind> Kinds { get; } =
    [
        new("nhs-number", "an NHS number", "Remove it: a learning log never needs an NHS number."),
        new("date-of-birth", "a date of birth", "Remove it. If age matters to the learning, give an age band, such as 'in their 80s'."),
        new("age", "an exact age", "Give an age band instead, such as 'in their 80s': an exact age can identify someone in a small service."),
        new("name-in-role-field", "a person's name where a role belongs", "Write the role, such as 'Deputy manager', never the person."),
        new("titled-name", "a person's name", "Use a role instead, such as 'the resident' or 'the GP'."),
        new("name-beside-role", "a person's name beside their role", "Keep the role and remove the name, such as 'the night nurse'."),
        new("name", "a person's name", "Use a role instead. If it is not a person (a street, a product, a term), mark it as not personal data."),
    ];

    public static readonly Rule<string, int> DigitValue = new(
        "digit-value",
        RuleKind.OwnMethod,
        "The value of one ASCII digit (0 to 9), for the NHS number check digit.",
        Policy,
        s => s == "1" ? 1 : s == "2" ? 2 : s == "3" ? 3 : s == "4" ? 4 : s == "5" ? 5 : s == "6" ? 6 : s == "7" ? 7 : s == "8" ? 8 : s == "9" ? 9 : 0);

    public static readonly Rule<string, bool> NhsCheckDigit = new(
        "nhs-check-digit",
        RuleKind.OwnMethod,
        """
        An NHS number is ten digits whose last digit is a Modulus 11 check digit: multiply the first nine digits by 10, 9,
        ... 2, add them up, and take the remainder on division by 11 away from 11 (11 becomes 0; 10 means the number is not
        valid). Ten identical digits (0000000000, 1111111111) are placeholders, not NHS numbers, and are not reported.
        """,
        [Sources.NhsNumberCheckDigit],
        v => Expr.Let(PersonalDataPatterns.Digit.Matches(v).Select(m => DigitValue.Evaluate(m.Value)).ToArray(), d =>
            d.Length == 10 && d.Any(x => x != d[0])
            && Expr.Let(11 - Enumerable.Range(0, 9).Sum(i => d[i] * (10 - i)) % 11, check => (check == 11 ? 0 : check) == d[9])));

    public static readonly Rule<string, PersonalDataCandidate[]> NhsNumbers = new(
        "nhs-numbers",
        RuleKind.OwnMethod,
        """
        NHS numbers: ten digits written plain, in 3-3-4 groups with spaces or hyphens (943 476 5919, 943-476-5919), not part
        of a longer number, whose check digit is right (nhs-check-digit). A ten-digit reference that happens to pass the check
        (about one in eleven) is reported too: mark it as not personal data.
        """,
        Policy,
        t => PersonalDataPatterns.NhsNumber.Matches(t).Where(m => NhsCheckDigit.Evaluate(m.Value))
            .Select(m => new PersonalDataCandidate("nhs-number", m.Index, m.Length, m.Value)).ToArray());

    public static readonly Rule<string, PersonalDataCandidate[]> DatesOfBirth = new(
        "dates-of-birth",
        RuleKind.OwnMethod,
        """
        Dates of birth: a date right after "DOB", "D.O.B.", "date of birth", "birth date", "born", "born on", "born in" or
        "birthday" (a full date in any common form: 12/03/1937, 1937-03-12, 12th March 1937, March 12, 1937; a day and month;
        a month and year; or a year), and any full date from 1900 to 1989 anywhere, because an event a log records is never
        that old while a resident's birthday usually is.
        """,
        Policy,
        t => PersonalDataPatterns.DateAfterBirthCue.Matches(t).Select(m => new PersonalDataCandidate("date-of-birth", m.Index, m.Length, m.Value))
            .Concat(PersonalDataPatterns.OldFullDate.Matches(t).Select(m => new PersonalDataCandidate("date-of-birth", m.Index, m.Length, m.Value)))
            .ToArray());

    public static readonly Rule<string, PersonalDataCandidate[]> ExactAges = new(
        "exact-ages",
        RuleKind.OwnMethod,
        """
        Exact ages: "aged 87", "age: 87", "87-year-old", "87 years old". Age limits and ranges are not ages of a person and
        are not reported: "aged 18 or over", "aged 65+", "aged 18-25", "aged 18 to 25", "under 18 years old".
        """,
        Policy,
        t => PersonalDataPatterns.ExactAge.Matches(t).Select(m => new PersonalDataCandidate("age", m.Index, m.Length, m.Value)).ToArray());

    public static readonly Rule<NameCheck, PersonalDataCandidate[]> NameWords = new(
        "name-words",
        RuleKind.OwnMethod,
        """
        A name word is a capitalised word with small letters after the capital (O'Brien, McDonald and Smith-Jones
        included; NHS and GP are not) that is not a month, a weekday, a title, a role or relationship, a word of the
        guidance and care vocabulary (After Action Review, Registered Manager, Care Quality Commission, Duty of Candour), a
        place or organisation word (House, Road, Hospital, Trust, Council) or a common word that starts sentences. A
        candidate whose words include one of these is cut before it (carer "Sarah" of "carer Sarah Training") or, when too
        little would remain, dropped ("Example House", "Milton Keynes Hospital").
        """,
        Policy,
        x => Expr.Let(PersonalDataPatterns.NameWordIn.Matches(x.Candidate.Text).ToArray(), words =>
            Expr.Let(words.Select((w, i) => i >= x.FirstChecked && PersonalDataPatterns.NotName.IsMatch(w.Value) ? i : words.Length).Concat(new[] { words.Length }).Min(), stop =>
                stop == words.Length
                    ? new[] { x.Candidate }
                    : x.Trim && stop >= x.MinWords
                        ? new[]
                        {
                            new PersonalDataCandidate(x.Candidate.Kind, x.Candidate.Start, words[stop - 1].Index + words[stop - 1].Length,
                                x.Candidate.Text.Substring(0, words[stop - 1].Index + words[stop - 1].Length)),
                        }
                        : new PersonalDataCandidate[0])));

    public static readonly Rule<string, PersonalDataCandidate[]> TitledNames = new(
        "titled-names",
        RuleKind.OwnMethod,
        """
        Names with a title: Mr, Mrs, Ms, Miss, Mx, Dr, Prof, Sir, Dame, Lady, Lord, Rev, Fr or Cllr (with or without a full
        stop), up to two initials, then one or two name words ("Mrs Patel", "Dr. A. Okafor", "Mr John Smith"). A name word is
        a capitalised word that is not a known term (name-words).
        """,
        Policy,
        t => PersonalDataPatterns.TitledName.Matches(t).SelectMany(m => NameWords.Evaluate(new NameCheck(new PersonalDataCandidate("titled-name", m.Index, m.Length, m.Value), 1, 2, true))).ToArray());

    public static readonly Rule<string, PersonalDataCandidate[]> NamesBesideRoles = new(
        "names-beside-roles",
        RuleKind.OwnMethod,
        """
        Names next to a care role or a relationship: one or two name words right after a role written in lower case ("carer
        Sarah Jones", "her daughter, Sarah", "GP Ahmed"); a given name after a capitalised role ("Nurse Sarah"), or any name
        after Nurse, Sister or Matron ("Sister Okafor"); and one or two name words in mid-sentence followed by a comma, bracket
        or dash and a role ("told Ngozi, the night nurse", "with Priya (senior carer)"), unless a word such as "in", "at" or
        "near" shows a place ("in Leeds, the manager said").
        """,
        Policy,
        t => PersonalDataPatterns.NameAfterRole.Matches(t).SelectMany(m => NameWords.Evaluate(new NameCheck(new PersonalDataCandidate("name-beside-role", m.Index, m.Length, m.Value), 0, 1, true)))
            .Concat(PersonalDataPatterns.GivenNameAfterCapitalisedRole.Matches(t).SelectMany(m => NameWords.Evaluate(new NameCheck(new PersonalDataCandidate("name-beside-role", m.Index, m.Length, m.Value), 1, 1, true))))
            .Concat(PersonalDataPatterns.NameAfterNursingTitle.Matches(t).SelectMany(m => NameWords.Evaluate(new NameCheck(new PersonalDataCandidate("name-beside-role", m.Index, m.Length, m.Value), 0, 1, true))))
            .Concat(PersonalDataPatterns.NameBeforeRole.Matches(t).SelectMany(m => NameWords.Evaluate(new NameCheck(new PersonalDataCandidate("name-beside-role", m.Index, m.Length, m.Value), 0, 1, false))))
            .ToArray());

    public static readonly Rule<string, PersonalDataCandidate[]> PlainNames = new(
        "plain-names",
        RuleKind.OwnMethod,
        """
        Names in the narrative, without a title or a role: a given name from the list followed by one or two name words
        ("Sarah Jones", "Grace Okafor"); a given name on its own ("Sarah said"), unless it is one of the given names that are
        also everyday words (Grace, Will, Hope, Rose, Mark...), names a place ("Elizabeth Ward", "Alexandra Palace") or follows
        "St"; and two or three name words that are none of the known words, in mid-sentence after a word in lower case that is
        not an article or a word introducing a place, with no capitalised word after them ("spoke to Ngozi Adeyemi"). A
        capitalised word at the start of a sentence is never enough on its own, and a run of capitalised words that contains a
        known term, a role, a place word, a month or a weekday is a term or a place ("Registered Manager", "Example House",
        "Duty of Candour", "Milton Keynes Hospital").
        """,
        Policy,
        t => PersonalDataPatterns.GivenAndFamilyName.Matches(t).SelectMany(m => NameWords.Evaluate(new NameCheck(new PersonalDataCandidate("name", m.Index, m.Length, m.Value), 1, 2, true)))
            .Concat(PersonalDataPatterns.GivenNameAlone.Matches(t).Select(m => new PersonalDataCandidate("name", m.Index, m.Length, m.Value)))
            .Concat(PersonalDataPatterns.UnknownFullName.Matches(t).SelectMany(m => NameWords.Evaluate(new NameCheck(new PersonalDataCandidate("name", m.Index, m.Length, m.Value), 0, 2, false))))
            .ToArray());

    public static readonly Rule<PersonalDataField, PersonalDataCandidate[]> NameInRoleField = new(
        "name-in-role-field",
        RuleKind.OwnMethod,
        """
        A field that should hold a role (an action's owner_role, the learning response's roles, redaction_check.by) whose
        whole value is a name: two or three name words ("Sam Taylor") or one given name ("Sarah"). "Deputy manager", "Night
        Nurse" and "Registered Manager" are roles.
        """,
        Policy,
        f => f.Role && PersonalDataPatterns.WholeValueIsName.IsMatch(f.Text)
            ? NameWords.Evaluate(new NameCheck(new PersonalDataCandidate("name-in-role-field", 0, f.Text.Length, f.Text), 0, 1, false))
            : new PersonalDataCandidate[0]);

    public static readonly Rule<PersonalDataField, PersonalDataCandidate[]> Candidates = new(
        "candidates",
        RuleKind.OwnMethod,
        """
        Every candidate in one text, kinds in order of preference: NHS numbers, dates of birth, exact ages, a name in a role
        field, titled names, names beside roles, plain names. A candidate inside a known term that contains a name but is
        not about a person in the log (Florence Nightingale, the Abbey Pain Scale, Martha's Rule, the Oliver McGowan
        training, Waterlow) is dropped.
        """,
        Policy,
        f => Expr.Let(PersonalDataPatterns.KnownTerm.Matches(f.Text).Select(m => new PersonalDataCandidate("known", m.Index, m.Length, m.Value)).ToArray(), known =>
            NhsNumbers.Evaluate(f.Text)
                .Concat(DatesOfBirth.Evaluate(f.Text))
                .Concat(ExactAges.Evaluate(f.Text))
                .Concat(NameInRoleField.Evaluate(f))
                .Concat(TitledNames.Evaluate(f.Text))
                .Concat(NamesBesideRoles.Evaluate(f.Text))
                .Concat(PlainNames.Evaluate(f.Text))
                .Where(c => !known.Any(k => k.Start <= c.Start && k.Start + k.Length >= c.Start + c.Length))
                .ToArray()));

    public static readonly Rule<PersonalDataCandidate[], PersonalDataCandidate[]> Overlaps = new(
        "overlaps",
        RuleKind.OwnMethod,
        """
        One finding per stretch of text: a candidate inside a longer one is dropped ("Sarah" inside "carer Sarah Jones"'s
        "Sarah Jones"), and of two with the same span the preferred kind stays.
        """,
        Policy,
        cs => cs.SelectMany((c, i) => cs.Select((d, j) => j != i && d.Start <= c.Start && d.Start + d.Length >= c.Start + c.Length && (d.Length > c.Length || j < i)).Any(b => b)
                ? new PersonalDataCandidate[0]
                : new[] { c })
            .ToArray());

    public static readonly Rule<PersonalDataCandidate[], PersonalDataCandidate[]> TextOrder = new(
        "text-order",
        RuleKind.OwnMethod,
        "Findings in the order they appear in the text (a stable sort by start).",
        Policy,
        cs => Expr.Let(cs.Select((c, i) => new RankedCandidate(c, cs.Select((d, j) => d.Start < c.Start || (d.Start == c.Start && j < i)).Count(b => b))).ToArray(), ranked =>
            Enumerable.Range(0, ranked.Length).Select(r => ranked.FirstOrDefault(x => x.Rank == r)!.Candidate).ToArray()));

    public static readonly Rule<PersonalDataMarkCheck, string?> MarkedBy = new(
        "marked-by",
        RuleKind.OwnMethod,
        """
        A finding is marked as not personal data when one of the log's not_personal_data phrases (exact text, case and
        spacing included) occurs in the same text and covers the whole finding: "Sam Taylor Way" marks the "Sam Taylor" of
        "Sam Taylor Way" but not a "Sam Taylor" elsewhere. The first such phrase is named.
        """,
        Policy,
        x => x.NotPersonalData.FirstOrDefault(p => !string.IsNullOrEmpty(p) && p.Length >= x.Candidate.Length
            && Enumerable.Range(0, p.Length - x.Candidate.Length + 1).Any(k => x.Candidate.Start - k >= 0 && x.Candidate.Start - k + p.Length <= x.Text.Length
                && x.Text.Substring(x.Candidate.Start - k, p.Length) == p)));

    public static readonly Rule<PersonalDataFieldCheck, PersonalDataFinding[]> CheckField = new(
        "check-field",
        RuleKind.OwnMethod,
        "One text's findings: its candidates, overlaps resolved, in text order, each labelled and checked against the not_personal_data phrases.",
        Policy,
        x => TextOrder.Evaluate(Overlaps.Evaluate(Candidates.Evaluate(x.Field)))
            .Select(c => Expr.Let(Kinds.FirstOrDefault(k => k.Kind == c.Kind)!, kind =>
                new PersonalDataFinding(c.Kind, kind.Label, x.Field.Path, c.Text, c.Start, c.Length, kind.Hint,
                    MarkedBy.Evaluate(new PersonalDataMarkCheck(x.Field.Text, c, x.NotPersonalData)))))
            .ToArray());

    public static readonly Rule<PersonalDataInput, PersonalDataFinding[]> FindPersonalData = new(
        "find-personal-data",
        RuleKind.OwnMethod,
        """
        Looks for personal data in every text of a learning log, field by field in the order given, each field's findings
        in text order. The build refuses to publish a log with a finding that is not marked as not personal data; the draft
        form shows the findings as you type and will not download the log until each is fixed or marked.
        """,
        Policy,
        x => x.Fields.SelectMany(f => CheckField.Evaluate(new PersonalDataFieldCheck(f, x.NotPersonalData))).ToArray());

    /// <summary>The findings in a log's texts, in field order and then text order.</summary>
    public static IReadOnlyList<PersonalDataFinding> Find(PersonalDataInput input) => FindPersonalData.Evaluate(input);

    /// <summary>The model. Built on first use, after every static rule above exists.</summary>
    public static PersonalDataDetection Instance => instance.Value;

    private static readonly Lazy<PersonalDataDetection> instance = new(() => new PersonalDataDetection());

    private PersonalDataDetection()
        : base(new ModelDescriptor
        {
            Id = ModelId,
            Version = ModelVersion,
            Title = "Personal data in learning logs",
            Summary = "CqcGuide's own checks, not a CQC method: NHS numbers, dates of birth, exact ages and people's names in a "
                + "learning log meant for publication. The build and the draft form run these same rules; a finding that is not "
                + "personal data (a street named after someone, a product) is marked in the log's not_personal_data list.",
            IsCqcMethod = false,
            Entry = new("findPersonalData", FindPersonalData),
            Rules =
            [
                FindPersonalData, CheckField, Candidates, NhsNumbers, NhsCheckDigit, DigitValue, DatesOfBirth, ExactAges, NameInRoleField,
                TitledNames, NamesBesideRoles, PlainNames, NameWords, Overlaps, TextOrder, MarkedBy,
            ],
            Exports =
            [
                new ModuleExport("personalDataKinds", "Each kind of finding: its label and how to fix it.", Kinds),
            ],
        })
    {
    }
}
