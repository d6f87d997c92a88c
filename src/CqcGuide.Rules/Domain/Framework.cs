namespace CqcGuide.Rules.Domain;

/// <summary>One of CQC's five key questions.</summary>
public sealed record KeyQuestion(string Id, string Name, int Index, string Question);

/// <summary>One of CQC's 34 quality statements ("we statements"), with a stable id such as <c>safe.learning-culture</c>.</summary>
public sealed record QualityStatement(string Id, string KeyQuestionId, string Name, int Order);

/// <summary>
/// The registry of CQC's single assessment framework: 5 key questions and 34 quality statements.
/// Defined once here; every other part of CqcGuide (content validation, taxonomy pages, scoring models) reads it.
/// Names follow CQC's wording (see ../shared/reference/cqc-framework-facts.md, section 1).
/// </summary>
public static class Framework
{
    public static IReadOnlyList<KeyQuestion> KeyQuestions { get; } =
    [
        new("safe", "Safe", 0, "Are people protected from abuse and avoidable harm?"),
        new("effective", "Effective", 1, "Do people's care, treatment and support achieve good outcomes and promote a good quality of life, based on the best available evidence?"),
        new("caring", "Caring", 2, "Does the service involve people and treat them with compassion, kindness, dignity and respect?"),
        new("responsive", "Responsive", 3, "Are people's needs met through the way services are organised and delivered?"),
        new("well-led", "Well-led", 4, "Do the leadership, management and governance of the organisation make sure it provides high-quality care that is based around people's individual needs, encourages learning and innovation, and promotes an open and fair culture?"),
    ];

    public static IReadOnlyList<QualityStatement> QualityStatements { get; } = Build(
        ("safe", [
            ("learning-culture", "Learning culture"),
            ("safe-systems-pathways-transitions", "Safe systems, pathways and transitions"),
            ("safeguarding", "Safeguarding"),
            ("involving-people-to-manage-risks", "Involving people to manage risks"),
            ("safe-environments", "Safe environments"),
            ("safe-effective-staffing", "Safe and effective staffing"),
            ("infection-prevention-control", "Infection prevention and control"),
            ("medicines-optimisation", "Medicines optimisation"),
        ]),
        ("effective", [
            ("assessing-needs", "Assessing needs"),
            ("evidence-based-care", "Delivering evidence-based care and treatment"),
            ("staff-teams-work-together", "How staff, teams and services work together"),
            ("supporting-healthier-lives", "Supporting people to live healthier lives"),
            ("monitoring-improving-outcomes", "Monitoring and improving outcomes"),
            ("consent", "Consent to care and treatment"),
        ]),
        ("caring", [
            ("kindness-compassion-dignity", "Kindness, compassion and dignity"),
            ("treating-people-as-individuals", "Treating people as individuals"),
            ("independence-choice-control", "Independence, choice and control"),
            ("responding-to-immediate-needs", "Responding to people's immediate needs"),
            ("workforce-wellbeing", "Workforce wellbeing and enablement"),
        ]),
        ("responsive", [
            ("person-centred-care", "Person-centred care"),
            ("care-provision-integration-continuity", "Care provision, integration and continuity"),
            ("providing-information", "Providing information"),
            ("listening-involving-people", "Listening to and involving people"),
            ("equity-in-access", "Equity in access"),
            ("equity-in-experiences-outcomes", "Equity in experiences and outcomes"),
            ("planning-for-the-future", "Planning for the future"),
        ]),
        ("well-led", [
            ("shared-direction-culture", "Shared direction and culture"),
            ("capable-compassionate-inclusive-leaders", "Capable, compassionate and inclusive leaders"),
            ("freedom-to-speak-up", "Freedom to speak up"),
            ("workforce-edi", "Workforce equality, diversity and inclusion"),
            ("governance-management-sustainability", "Governance, management and sustainability"),
            ("partnerships-communities", "Partnerships and communities"),
            ("learning-improvement-innovation", "Learning, improvement and innovation"),
            ("environmental-sustainability", "Environmental sustainability – sustainable development"),
        ]));

    private static readonly Dictionary<string, KeyQuestion> KeyQuestionsById =
        KeyQuestions.ToDictionary(k => k.Id, StringComparer.Ordinal);

    private static readonly Dictionary<string, QualityStatement> StatementsById =
        QualityStatements.ToDictionary(s => s.Id, StringComparer.Ordinal);

    public static KeyQuestion? FindKeyQuestion(string id) => KeyQuestionsById.GetValueOrDefault(id);

    public static QualityStatement? FindStatement(string id) => StatementsById.GetValueOrDefault(id);

    public static IEnumerable<QualityStatement> StatementsOf(string keyQuestionId) =>
        QualityStatements.Where(s => s.KeyQuestionId == keyQuestionId);

    /// <summary>The nearest valid quality statement id to <paramref name="unknown"/>, for "did you mean" hints.</summary>
    public static string? SuggestStatement(string unknown) => Nearest.Find(unknown, StatementsById.Keys);

    /// <summary>The nearest valid key question id to <paramref name="unknown"/>.</summary>
    public static string? SuggestKeyQuestion(string unknown) => Nearest.Find(unknown, KeyQuestionsById.Keys);

    private static IReadOnlyList<QualityStatement> Build(params (string Kq, (string Slug, string Name)[] Items)[] groups) =>
        groups.SelectMany(g => g.Items.Select((item, i) => new QualityStatement($"{g.Kq}.{item.Slug}", g.Kq, item.Name, i + 1)))
              .ToArray();
}

/// <summary>Finds the closest candidate to a misspelt name (Levenshtein distance), for error hints.</summary>
public static class Nearest
{
    public static string? Find(string input, IEnumerable<string> candidates, int? maxDistance = null)
    {
        var limit = maxDistance ?? Math.Max(2, input.Length / 2);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
        {
            var d = Distance(input, candidate);
            // A candidate that contains the input (or the reverse) is a strong hint even when far by edits.
            if (d > limit && (input.Length < 4 || !candidate.Contains(input, StringComparison.Ordinal)))
                continue;
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
