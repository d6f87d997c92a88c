using System.Text.Json;
using CqcGuide.Rules.LearningLogs;
using CqcGuide.Rules.Tests.Parity;
using CsCheck;
using Jint;

namespace CqcGuide.Rules.Tests.ModelTests;

/// <summary>
/// The learning-log validation: the build's wording and key paths, its order, the three cases the draft form used to
/// accept and the build refused, and proof that the parity generator reaches every check.
/// </summary>
public class LearningLogValidationTests
{
    private static readonly LogValidationInput Log = Generators.ValidLog;

    private static JsHost Host => ParityTests.HostFor(LearningLogValidation.Instance);

    /// <summary>The issues in the shape the build prints them: <c>path: severity CODE: message (hint)</c>.</summary>
    private static string[] Lines(IEnumerable<LogIssue> issues) =>
        issues.Select(i => $"{i.Path}: {i.Severity} {i.Code}: {i.Message}" + (i.Hint is null ? "" : $" ({i.Hint})")).ToArray();

    private static string[] Lines(LogValidationInput input)
    {
        var lines = Lines(LearningLogValidation.Validate(input));
        // The compiled module gives the same issues, byte for byte.
        Assert.Null(ParityTests.Compare(Host, Generators.ValidationJson(input)));
        return lines;
    }

    [Fact]
    public void A_valid_log_has_no_issues()
    {
        Assert.Empty(Lines(Log));
        Assert.Empty(Lines(Log with { Status = "closed", Actions = [Log.Actions[1]] }));
        Assert.Empty(Lines(Log with { Status = "draft", Harm = "moderate", DutyOfCandour = new(true, null, null) }));
        Assert.Empty(Lines(Log with { Occurred = "2025-03", OccurredPrecision = "month", Identified = "2025-03-01" }));
    }

    // ---- the three cases the draft form accepted and the build refused -------------------------------------------

    [Fact]
    public void Identified_in_the_future_is_an_error() =>
        Assert.Equal(["identified: error LLV007: identified (2025-03-16) is in the future"], Lines(Log with { Identified = "2025-03-16", Actions = [Log.Actions[0]] }));

    [Fact]
    public void Action_completed_before_the_problem_was_identified_is_an_error() =>
        Assert.Equal(["actions[1].completed: error LLV020: action 'a2' was completed before the problem was identified"],
            Lines(Log with { Actions = [Log.Actions[0], Log.Actions[1] with { Completed = "2025-03-01" }] }));

    [Fact]
    public void Effectiveness_review_dated_in_the_future_is_an_error() =>
        Assert.Equal(["actions[1].reviews[1].date: error LLV021: an effectiveness review is dated in the future"],
            Lines(Log with { Actions = [Log.Actions[0], Log.Actions[1] with { Reviews = [new("2025-03-15"), new("2025-03-16")] }] }));

    // ---- the build's wording, check by check ---------------------------------------------------------------------

    [Fact]
    public void Id_and_occurred()
    {
        Assert.Equal(["id: error LLV001: the id 'll-2025-001' does not match the file name 'll-2025-009.md' (rename the file to ll-2025-001.md, or set 'id: ll-2025-009')"],
            Lines(Log with { FileSlug = "ll-2025-009" }));
        Assert.Empty(Lines(Log with { FileSlug = null }));
        Assert.Equal(["occurred_precision: error LLV002: occurred is a full date (2025-03-01) but occurred_precision is 'month' (write 'occurred: 2025-03' or 'occurred_precision: day')"],
            Lines(Log with { OccurredPrecision = "month" }));
        Assert.Equal(["occurred: error LLV003: occurred is a month (2025-02) but occurred_precision is 'day' (add 'occurred_precision: month', or give the full date)"],
            Lines(Log with { Occurred = "2025-02" }));
        Assert.Equal(["occurred: error LLV004: occurred '2025-02-30' is not a real date (YYYY-MM-DD, or YYYY-MM when only the month is known)"],
            Lines(Log with { Occurred = "2025-02-30" }));
        Assert.Equal(["occurred: error LLV004: occurred '2025-13' is not a real date (YYYY-MM-DD, or YYYY-MM when only the month is known)"],
            Lines(Log with { Occurred = "2025-13", OccurredPrecision = "month" }));
    }

    [Fact]
    public void Dates_in_order_and_not_in_the_future()
    {
        Assert.Equal(["identified: error LLV005: identified (2025-02-28) is before the event occurred (2025-03-01) (a problem cannot be identified before it happened)"],
            Lines(Log with { Identified = "2025-02-28" }));
        // A month counts from its first day: identified in the month is fine, the day before it is not.
        Assert.Equal(["identified: error LLV005: identified (2025-02-28) is before the event occurred (2025-03) (a problem cannot be identified before it happened)"],
            Lines(Log with { Occurred = "2025-03", OccurredPrecision = "month", Identified = "2025-02-28" }));
        Assert.Equal(
        [
            "occurred: error LLV006: occurred (2025-03-16) is in the future",
            "identified: error LLV007: identified (2025-03-16) is in the future",
        ], Lines(Log with { Occurred = "2025-03-16", Identified = "2025-03-16", Actions = [Log.Actions[0]] }));
        Assert.Equal(["occurred: error LLV006: occurred (2025-04) is in the future", "identified: error LLV007: identified (2025-04-02) is in the future"],
            Lines(Log with { Occurred = "2025-04", OccurredPrecision = "month", Identified = "2025-04-02", Today = "2025-03-31", Actions = [Log.Actions[0]] }));
        Assert.Empty(Lines(Log with { Occurred = "2025-03", OccurredPrecision = "month", Today = "2025-03-14" }));
        Assert.Empty(Lines(Log with { Occurred = "2025-03-15", Identified = "2025-03-15", Actions = [Log.Actions[0]] }));
    }

    [Fact]
    public void Harm_and_the_duty_of_candour()
    {
        Assert.Equal(["event_type: error LLV008: an incident needs a harm grade (add 'harm: none | low | moderate | severe | fatal')"], Lines(Log with { Harm = null }));
        Assert.Equal(["harm: error LLV009: a near-miss cannot have harm 'low' (a near miss caused no harm and good care is not an incident; record it as an incident if someone was harmed)"],
            Lines(Log with { EventType = "near-miss" }));
        Assert.Equal(["harm: error LLV009: a good-care cannot have harm 'moderate' (a near miss caused no harm and good care is not an incident; record it as an incident if someone was harmed)",
            "harm: error LLV010: moderate or worse harm: say whether the duty of candour applies (add 'duty_of_candour: { applies: true, completed: YYYY-MM-DD }' or 'applies: false' with a reason)"],
            Lines(Log with { EventType = "good-care", Harm = "moderate" }));
        Assert.Empty(Lines(Log with { EventType = "near-miss", Harm = "none" }));
        Assert.Empty(Lines(Log with { EventType = "risk", Harm = null }));
        Assert.Equal(["duty_of_candour.applies: error LLV011: the duty of candour does not apply despite moderate or worse harm, but no reason is given (add 'reason: ...')"],
            Lines(Log with { Harm = "severe", DutyOfCandour = new(false, null, " ") }));
        Assert.Equal(["duty_of_candour: error LLV012: the duty of candour applies but no completion date is recorded (add 'completed: YYYY-MM-DD' (when the written notification was sent))"],
            Lines(Log with { Harm = "fatal", DutyOfCandour = new(true, null, null) }));
        // Before the learning is done the notification may still be pending; a low-harm log may record candour too.
        Assert.Empty(Lines(Log with { Harm = "fatal", DutyOfCandour = new(true, null, null), Status = "learning-in-progress" }));
        Assert.Equal(["duty_of_candour: error LLV012: the duty of candour applies but no completion date is recorded (add 'completed: YYYY-MM-DD' (when the written notification was sent))"],
            Lines(Log with { DutyOfCandour = new(true, null, null) }));
    }

    [Fact]
    public void Factors_and_actions()
    {
        Assert.Equal(["factors[1].id: error LLV013: factor id 'f1' is used twice", "factors[3].id: error LLV013: factor id 'f1' is used twice"],
            Lines(Log with { Factors = [new("f1"), new("f1"), new("f2"), new("f1")] }));
        Assert.Equal(
        [
            "actions[1].id: error LLV014: action id 'a1' is used twice",
            "actions[1].id: error LLV015: action 'a1' addresses no contributory factor (add 'addresses: [factor id]': every action should answer a finding)",
            "actions[2].addresses[1]: error LLV016: action 'a3' addresses 'f9', which is not a factor of this log (factors: f1, f2)",
        ], Lines(Log with { Actions = [Log.Actions[0], Log.Actions[0] with { Addresses = [] }, Log.Actions[0] with { Id = "a3", Addresses = ["f1", "f9"] }] }));
        Assert.Equal(["actions[0].addresses[0]: error LLV016: action 'a1' addresses 'f1', which is not a factor of this log (add the factor under 'factors:')"],
            Lines(Log with { Factors = [], Actions = [Log.Actions[0]] }));
        Assert.Equal(
        [
            "actions[1].status: error LLV017: action 'a2' is done but has no completion evidence (add 'evidence: ...' saying how you know it was done)",
            "actions[1].status: error LLV018: action 'a2' is done but has no completion date (add 'completed: YYYY-MM-DD')",
        ], Lines(Log with { Actions = [Log.Actions[0], Log.Actions[1] with { Evidence = "\u00a0", Completed = null }] }));
        Assert.Equal(["actions[0].status: error LLV019: action 'a1' was dropped without a reason (add 'dropped_reason: ...')"],
            Lines(Log with { Actions = [Log.Actions[0] with { Status = "dropped" }, Log.Actions[1]] }));
    }

    [Fact]
    public void Closed_and_monitored_logs()
    {
        Assert.Equal(["status: error LLV022: the log is closed but action a1 is still open (finish or drop the actions, or set the status to 'actions-open' or 'monitoring')"],
            Lines(Log with { Status = "closed" }));
        Assert.Equal(
        [
            "status: error LLV022: the log is closed but actions a1, a3 are still open (finish or drop the actions, or set the status to 'actions-open' or 'monitoring')",
            "status: error LLV023: the log is closed but no action has an effectiveness review (record at least one review (adopt, adapt or abandon) before closing)",
        ], Lines(Log with { Status = "closed", Actions = [Log.Actions[0], Log.Actions[0] with { Id = "a3", Status = "in-progress" }] }));
        Assert.Equal(["status: warning LLV024: a log being monitored should say when effectiveness is next reviewed (add 'next_review: YYYY-MM-DD')"],
            Lines(Log with { Status = "monitoring" }));
        Assert.Empty(Lines(Log with { Status = "monitoring", NextReview = "2025-06-01" }));
    }

    [Fact]
    public void Malformed_dates_are_reported_for_the_draft_form()
    {
        Assert.Equal(
        [
            "identified: error LLV025: identified '2025-02-30' is not a real date (YYYY-MM-DD)",
            "actions[1].completed: error LLV025: completed '15/03/2025' is not a real date (YYYY-MM-DD)",
            "actions[1].reviews[0].date: error LLV025: date '2025-3-14' is not a real date (YYYY-MM-DD)",
            "next_review: error LLV025: next_review 'soon' is not a real date (YYYY-MM-DD)",
        ], Lines(Log with
        {
            Identified = "2025-02-30", NextReview = "soon",
            Actions = [Log.Actions[0], Log.Actions[1] with { Completed = "15/03/2025", Reviews = [new("2025-3-14")] }],
        }));
        // Empty means not given, as the form sends it.
        Assert.Empty(Lines(Log with { NextReview = "" }));
    }

    [Fact]
    public void Issues_come_in_the_order_the_build_reports_them()
    {
        var codes = LearningLogValidation.Validate(Log with
        {
            FileSlug = "other", Occurred = "2025-04", OccurredPrecision = "day", Identified = "2025-03-16", Harm = null, Status = "closed",
            Factors = [new("f1"), new("f1")],
            Actions = [Log.Actions[0] with { Addresses = ["f9"] }, Log.Actions[1] with { Status = "dropped", Reviews = [new("2025-04-01")] }],
        }).Select(i => i.Code);
        Assert.Equal(["LLV001", "LLV003", "LLV005", "LLV006", "LLV007", "LLV008", "LLV013", "LLV016", "LLV016", "LLV019", "LLV020", "LLV021", "LLV022"], codes);
    }

    // ---- the generator reaches every check --------------------------------------------------------------------------

    [Fact]
    public void The_parity_generator_raises_every_check_many_times()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        void Count(string json)
        {
            foreach (var issue in LearningLogValidation.Validate(LogValidationInput.FromJson(json)))
                counts[issue.Code] = counts.GetValueOrDefault(issue.Code) + 1;
        }
        Generators.InputJson(LearningLogValidation.ModelId).Sample(Count, iter: 5000, threads: 1, seed: "0000000000AB");
        var codes = Enumerable.Range(1, 25).Select(n => $"LLV{n:000}").ToArray();
        Assert.All(codes, code => Assert.True(counts.GetValueOrDefault(code) >= 20, $"{code} raised {counts.GetValueOrDefault(code)} times in 5,000 generated logs"));
        counts.Clear();
        foreach (var json in Generators.BoundaryInputs(LearningLogValidation.ModelId))
            Count(json);
        Assert.All(codes, code => Assert.True(counts.GetValueOrDefault(code) >= 1, $"no boundary case raises {code}"));
    }

    // ---- the format's option lists ----------------------------------------------------------------------------------

    [Fact]
    public void Module_exports_the_log_format_exactly()
    {
        var exported = Host.Module.Get("logFormat");
        var json = JsonSerializer.Serialize(LogFormat.Options, RulesJson.Compact);
        Assert.Equal(json, Host.Evaluate("(v) => JSON.stringify(v)").Call(exported).AsString());
        Assert.True(Host.Evaluate("(f) => Object.isFrozen(f) && Object.values(f).every((list) => Object.isFrozen(list) && list.every(Object.isFrozen))").Call(exported).AsBoolean());
        using var document = JsonDocument.Parse(json);
        Assert.Equal(["status", "eventType", "harm", "responseMethod", "workSystemArea", "actionStatus", "reviewDecision", "datePrecision"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
    }

    public static TheoryData<Type> FormatEnums() => new(
        typeof(LogStatus), typeof(EventType), typeof(Harm), typeof(DatePrecision), typeof(ResponseMethod), typeof(WorkSystemArea), typeof(ActionStatus), typeof(ReviewDecision));

    [Theory]
    [MemberData(nameof(FormatEnums))]
    public void Every_enum_member_has_one_option_whose_value_is_its_kebab_case_name(Type type) =>
        typeof(LearningLogValidationTests).GetMethod(nameof(CheckOptions), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, null);

    private static void CheckOptions<TEnum>() where TEnum : struct, Enum
    {
        var options = LogFormat.OptionsOf<TEnum>();
        Assert.Equal(Enum.GetValues<TEnum>(), options.Select(o => o.Member));
        foreach (var option in options)
        {
            // The site's YAML binder writes an enum member as its kebab-case name (YamlBinder.KebabCase).
            Assert.Equal(Kebab(option.Member.ToString()), option.Value);
            Assert.Equal(option.Value, LogFormat.Value(option.Member));
            Assert.Equal(option.Label, LogFormat.Label(option.Member));
            Assert.True(LogFormat.TryParse<TEnum>(option.Value, out var parsed));
            Assert.Equal(option.Member, parsed);
            Assert.False(string.IsNullOrWhiteSpace(option.Label));
        }
        Assert.False(LogFormat.TryParse<TEnum>("Not-a-value", out _));
    }

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    [Fact]
    public void Labels_are_the_wording_the_journal_pages_use()
    {
        Assert.Equal(["Draft", "Learning in progress", "Actions open", "Monitoring", "Closed"], LogFormat.Statuses.All.Select(o => o.Label));
        Assert.Equal(["Incident", "Near miss", "Risk", "Poor outcome", "Good care"], LogFormat.EventTypes.All.Select(o => o.Label));
        Assert.Equal(["No harm", "Low harm", "Moderate harm", "Severe harm", "Fatal harm"], LogFormat.Harms.All.Select(o => o.Label));
        Assert.Equal(["After Action Review", "SWARM huddle", "Multidisciplinary team review", "Thematic review", "Patient safety incident investigation", "Other learning response"],
            LogFormat.ResponseMethods.All.Select(o => o.Label));
        Assert.Equal(["Person", "Tasks", "Tools and technology", "Organisation", "Internal environment", "External environment"], LogFormat.WorkSystemAreas.All.Select(o => o.Label));
        Assert.Equal(["Planned", "In progress", "Done", "Dropped"], LogFormat.ActionStatuses.All.Select(o => o.Label));
        Assert.Throws<ArgumentException>(() => LogFormat.OptionsOf<DayOfWeek>());
        Assert.Equal("2025-03-05", LearningLogValidation.Date(new DateOnly(2025, 3, 5)));
        Assert.Null(LearningLogValidation.Date(null));
        Assert.Equal("0001-01-01", LearningLogValidation.Date(DateOnly.MinValue));
    }
}
