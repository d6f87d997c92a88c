// Inputs for the learning-governance parity property (linked by the browser tests with Generators.cs).
using System.Globalization;
using System.Text.Json;
using CqcGuide.Rules.LearningLogs;
using CsCheck;

namespace CqcGuide.Rules.Tests.Parity;

public static class GovernanceGenerators
{
    private static readonly DateOnly Origin = new(2025, 1, 1);

    private static string D(int offset) => Origin.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly string[] Statuses = ["learning-in-progress", "actions-open", "monitoring", "closed"];
    private static readonly string[] ActionStatusValues = ["planned", "in-progress", "done", "dropped"];
    private static readonly string[] Kinds = ["repair", "system-change", "training", "reminder", "policy", "other"];
    private static readonly string[] Areas = ["person", "tasks", "tools-technology", "organisation", "internal-environment", "external-environment"];
    private static readonly string[] StatementIds = ["safe.medicines-optimisation", "safe.safe-systems-pathways-transitions", "well-led.governance-management-sustainability", "caring.kindness"];
    private static readonly string[] Signals = ["", "", "", "improvement", "concern", "neutral"];

    /// <summary>A date near the period (days from 2025-01-01), absent, or not a real date.</summary>
    private static readonly Gen<string?> Date = Gen.Frequency(
        (14, Gen.Int[0, 500].Select(D)),
        (2, Gen.Const((string?)null)),
        (1, Gen.Const<string?>("")),
        (1, Gen.OneOf(Generators.BadDates).Select(b => (string?)b)));

    private static readonly Gen<GovernanceReview> Review =
        Gen.Select(Date, Gen.OneOf("adopt", "adapt", "abandon"), (d, k) => new GovernanceReview(d ?? "", k));

    private static Gen<GovernanceAction> Action(int factors) =>
        Gen.Select(Gen.OneOf(ActionStatusValues), Gen.Frequency((5, Gen.OneOf(Kinds).Select(k => (string?)k)), (1, Gen.Const((string?)null))), Date, Date,
                Gen.Int[0, Math.Max(0, factors)].Array[0, 2], Review.Array[0, 3])
            .Select((status, kind, due, completed, addresses, reviews) => new GovernanceAction(
                "", "An action", status, kind, due, completed,
                addresses.Select(a => "f" + a.ToString(CultureInfo.InvariantCulture)).ToArray(), reviews));

    private static readonly Gen<GovernanceLog> Log =
        Gen.Int[0, 3].SelectMany(factorCount =>
            Gen.Select(
                Gen.Select(Gen.OneOf(Statuses), Gen.Int[0, 500], Date, Date, Gen.Frequency((9, Gen.Const(false)), (1, Gen.Const(true)))),
                Gen.OneOf(StatementIds).Array[0, 2],
                Gen.Select(Gen.OneOf(Areas), Gen.Bool).Array[factorCount],
                Action(factorCount).Array[0, 3],
                Gen.Select(Gen.OneOf("LLQ001", "LLQ008"), Gen.OneOf("A finding", "Another <b>finding</b>")).Array[0, 2],
                (head, statements, factors, actions, findings) => new GovernanceLog(
                    "", "A log", head.Item1, D(head.Item2), head.Item3, head.Item4, head.Item5, statements.Distinct().ToArray(),
                    factors.Select((f, i) => new GovernanceFactor("f" + i.ToString(CultureInfo.InvariantCulture), f.Item1, f.Item2)).ToArray(),
                    actions.Select((a, i) => a with { Id = "a" + i.ToString(CultureInfo.InvariantCulture) }).ToArray(),
                    findings.Select(f => new GovernanceFinding(f.Item1, f.Item2)).ToArray())));

    private static readonly Gen<GovernanceMeasure> Measure =
        Gen.Select(Gen.Int[0, 480], Gen.Int[6, 40], Gen.OneOf(Signals).Array[1, 8]).Select((start, length, signals) => new GovernanceMeasure("m", "A measure",
            signals.Select((s, i) => new GovernancePoint("P" + i.ToString(CultureInfo.InvariantCulture), "Period " + i.ToString(CultureInfo.InvariantCulture),
                D(start + i * length), D(start + (i + 1) * length - 1), s, s == "" ? "" : "Above the upper process limit")).ToArray()));

    public static readonly Gen<string> Input =
        Gen.Select(Gen.Int[0, 400], Gen.Int[0, 120], Gen.Int[-30, 200], Gen.Frequency((3, Gen.Const(365)), (2, Gen.Int[0, 400])),
                Log.Array[0, 6], Measure.Array[0, 2])
            .Select((from, length, todayOffset, window, logs, measures) => Json(new GovernanceInput(D(from), D(from + length), D(from + length + todayOffset), window,
                logs.Select((l, i) => l with { Id = "ll-" + i.ToString(CultureInfo.InvariantCulture) }).ToArray(),
                measures.Select((m, i) => m with { Id = "m-" + i.ToString(CultureInfo.InvariantCulture) }).ToArray())));

    public static string Json(GovernanceInput input) => JsonSerializer.Serialize(input, RulesJson.Compact);

    /// <summary>Edges every run checks: no logs; a period that has not ended; dates exactly on the period's ends; bad dates.</summary>
    public static IEnumerable<string> Boundaries()
    {
        GovernanceAction A(string id, string status, string? due, string? completed, params GovernanceReview[] reviews) =>
            new(id, "Action " + id, status, "system-change", due, completed, ["f0"], reviews);
        GovernanceLog L(string id, string status, string identified, params GovernanceAction[] actions) =>
            new(id, "Log " + id, status, identified, null, null, false, ["safe.safe-systems-pathways-transitions"], [new GovernanceFactor("f0", "tasks", true)], actions, []);
        yield return Json(new GovernanceInput("2026-07-01", "2026-09-30", "2026-12-01", 365, [], []));
        yield return Json(new GovernanceInput("2026-07-01", "2026-09-30", "2026-08-15", 365,
            [L("a", "actions-open", "2026-07-01", A("a1", "planned", "2026-08-14", null), A("a2", "planned", "2026-08-15", null)),
             L("b", "closed", "2026-06-30", A("b1", "done", "2026-07-01", "2026-09-30", new GovernanceReview("2026-09-30", "adopt")))], []));
        yield return Json(new GovernanceInput("2026-07-01", "2026-09-30", "2026-12-01", 0,
            [L("a", "monitoring", "2026-09-30", A("a1", "done", null, "2026-10-01")) with { NextReview = "2026-09-29" },
             L("b", "monitoring", "2026-09-30", A("b1", "done", "2025-02-30", "not a date")) with { NextReview = "2026-10-30" }],
            [new GovernanceMeasure("m", "M", [new GovernancePoint("2026-09", "September 2026", "2026-09-01", "2026-09-30", "concern", "Above"),
                new GovernancePoint("2026-10", "October 2026", "2026-10-01", "2026-10-31", "improvement", "Below")])]));
    }

    // ------------------------------------------------------------------ improvement plan

    private static readonly Gen<PlanItemInput> PlanItem =
        Gen.Select(Gen.Frequency((9, Gen.OneOf(ActionStatusValues)), (1, Gen.OneOf("", "Done", "closed"))), Date, Date)
            .Select((status, due, completed) => new PlanItemInput("", status, due, completed));

    public static readonly Gen<string> PlanInputJson =
        Gen.Select(Gen.Int[0, 500], PlanItem.Array[0, 12]).Select((today, items) => PlanJson(new PlanInput(D(today),
            items.Select((item, i) => item with { Id = "p" + i.ToString(CultureInfo.InvariantCulture) }).ToArray())));

    public static string PlanJson(PlanInput input) => JsonSerializer.Serialize(input, RulesJson.Compact);

    /// <summary>Plan edges: no items; due on the day and the day before; completed after the day; bad dates.</summary>
    public static IEnumerable<string> PlanBoundaries()
    {
        yield return PlanJson(new PlanInput("2026-12-02", []));
        yield return PlanJson(new PlanInput("2026-12-02", [
            new("a", "planned", "2026-12-02", null), new("b", "planned", "2026-12-01", null), new("c", "in-progress", "2026-12-01", null),
            new("d", "done", "2026-11-01", "2026-12-03"), new("e", "done", "2026-11-01", "2026-12-02"), new("f", "done", null, null),
            new("g", "dropped", "2020-01-01", null), new("h", "planned", "2026-02-30", null), new("i", "planned", null, "not a date")]));
        yield return PlanJson(new PlanInput("not a day", [new("a", "planned", "2026-12-01", null), new("b", "done", null, "2026-12-01")]));
    }
}
