using System.Globalization;

namespace CqcGuide.Rules;

/// <summary>A statement whose answer changed between two self-assessments.</summary>
/// <param name="Direction">1 when the score went up, -1 when it went down, 0 when one side is not a score (e.g. "not-assessed").</param>
public sealed record StatementMove(string Id, string From, string To, int Direction);

/// <summary>
/// How a team's self-assessment changed between two answers files of the same assessment: which statements moved, and
/// which way. Only the build reads it (the progress pages); the browser never recomputes it.
/// </summary>
public static class AssessmentProgress
{
    /// <summary>
    /// The statements answered in both files whose answers differ, in the later file's answer order (sorted by id):
    /// up or down when both answers are scores ("1"–"4"), otherwise a change without a direction.
    /// </summary>
    public static IReadOnlyList<StatementMove> Moves(AnswersFile earlier, AnswersFile later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        var moves = new List<StatementMove>();
        foreach (var (id, answer) in later.Answers.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (!earlier.Answers.TryGetValue(id, out var before) || before.Value == answer.Value)
                continue;
            var direction = Score(before.Value) is { } from && Score(answer.Value) is { } to ? Math.Sign(to - from) : 0;
            moves.Add(new StatementMove(id, before.Value, answer.Value, direction));
        }
        return moves;
    }

    private static int? Score(string value) =>
        value.Length == 1 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 4 ? n : null;
}
