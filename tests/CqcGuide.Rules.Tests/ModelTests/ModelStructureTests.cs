using System.Text.Json;
using System.Text.RegularExpressions;
using CqcGuide.Rules.ScoringModels;
using CqcGuide.Rules.Tests.Parity;
using CqcGuide.Rules.Translation;
using Jint;

namespace CqcGuide.Rules.Tests.ModelTests;

public class ModelStructureTests
{
    public static TheoryData<string> ModelIds() => new(CqcGuide.Rules.Models.All.Select(m => m.Id));

    [Fact]
    public void Registry_lists_the_models()
    {
        Assert.Equal(["cqc-saf", "cqc-saf-evidence", "learning-maturity", "learning-log-quality", "learning-log-validation", "personal-data", "spc", "learning-governance", "improvement-plan", "team-assessment"], CqcGuide.Rules.Models.All.Select(m => m.Id));
        Assert.Equal(["cqc-saf", "cqc-saf-evidence", "learning-maturity"], CqcGuide.Rules.Models.Scoring.Select(m => m.Id));
        Assert.Same(CqcSaf.Instance, CqcGuide.Rules.Models.Find("cqc-saf"));
        Assert.Null(CqcGuide.Rules.Models.Find("nope"));
        Assert.Null(CqcGuide.Rules.Models.FindScoring("learning-log-quality"));
        // Minor versions add to a result or add checks on optional input (baselines; watch items; required text, the
        // redaction check); major versions change a learning log's input (Regulation 20(9), notifications, kinds).
        Assert.Equal(["1.2.0", "1.0.0", "1.2.0", "2.1.0", "2.2.1", "1.0.0", "1.1.0", "1.0.1", "1.0.0", "1.1.0"], CqcGuide.Rules.Models.All.Select(m => m.Version));
        Assert.Equal("lint", LearningLogQuality.Instance.Entry.FunctionName);
        Assert.Equal("validate", CqcGuide.Rules.LearningLogs.LearningLogValidation.Instance.Entry.FunctionName);
        Assert.Null(CqcGuide.Rules.Models.FindScoring("learning-log-validation"));
        Assert.Equal("analyse", Spc.Instance.Entry.FunctionName);
        Assert.Same(Spc.Instance, CqcGuide.Rules.Models.Find("spc"));
        Assert.Null(CqcGuide.Rules.Models.FindScoring("spc"));
        Assert.All(CqcGuide.Rules.Models.Scoring, m => Assert.Equal("score", m.Entry.FunctionName));
    }

    [Fact]
    public void A_model_file_declares_data_and_overrides_nothing()
    {
        foreach (var model in CqcGuide.Rules.Models.All)
        {
            var overrides = model.GetType().GetMethods(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public
                    | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly)
                .Where(m => m.GetBaseDefinition().DeclaringType != m.DeclaringType && m.DeclaringType == model.GetType())
                .Select(m => m.Name).ToArray();
            Assert.True(overrides.Length == 0, $"{model.Id} overrides {string.Join(", ", overrides)}");
            Assert.Same(model.Descriptor.Entry.Rule, model.Rules[0]);
        }
    }

    private sealed class BrokenModel(ModelDescriptor descriptor) : RuleModel(descriptor);

    private sealed class BrokenScoring(ModelDescriptor descriptor) : ScoringModel(descriptor);

    private static readonly Rule<int, int> Identity = new("identity", RuleKind.OwnMethod, "Returns its input unchanged.", [], x => x);

    private static ModelDescriptor Descriptor(Rule entry, IReadOnlyList<Rule> rules) => new()
    {
        Id = "broken", Version = "1.0.0", Title = "Broken", Summary = "A model for a test.", IsCqcMethod = false,
        Entry = new("run", entry), Rules = rules,
    };

    [Fact]
    public void A_rule_read_before_it_is_initialised_is_a_clear_error()
    {
        // What a model built eagerly above its rules would see: a null rule.
        var e = Assert.Throws<InvalidOperationException>(() => new BrokenModel(Descriptor(Identity, [Identity, null!])));
        Assert.Contains("read before it was initialised", e.Message);
        Assert.Throws<InvalidOperationException>(() => new BrokenModel(Descriptor(null!, [Identity])));
        Assert.Throws<ArgumentException>(() => new BrokenModel(Descriptor(Identity, [])));
        // A scoring model must score an answers file with score(input).
        Assert.Throws<ArgumentException>(() => new BrokenScoring(Descriptor(Identity, [Identity])));
        Assert.Equal("broken", new BrokenModel(Descriptor(Identity, [Identity])).Id);
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void Rules_list_is_exactly_the_rules_the_entry_reaches(string id)
    {
        var model = CqcGuide.Rules.Models.Find(id)!;
        Assert.Equal(model.Entry.Rule, model.Rules[0]);
        var reachable = JsTranslator.ReachableRules(model.Entry.Rule).Select(r => r.Name).Order(StringComparer.Ordinal);
        Assert.Equal(reachable, model.Rules.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(model.Rules.Count, model.Rules.Select(r => r.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void Every_rule_is_documented(string id)
    {
        foreach (var rule in CqcGuide.Rules.Models.Find(id)!.Rules)
        {
            Assert.Matches("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", rule.Name);
            Assert.True(rule.Description.Length > 40, $"{rule.Name}: description too short");
            Assert.NotEmpty(rule.Sources);
            Assert.Equal(rule.Kind == RuleKind.Interpretation, rule.Interpretation is not null);
            if (rule.Interpretation is { } i)
                Assert.True(i.Name.Length > 3 && i.Why.Length > 40, rule.Name);
            // A model that is not CQC's has CqcGuide's own rules, CQC's shared rules, named readings of a regulation
            // (e.g. "unknown counts as yes" in Regulation 20(9)), or rules of another publisher's method.
            if (!CqcGuide.Rules.Models.Find(id)!.IsCqcMethod)
                Assert.True(rule.Kind is RuleKind.OwnMethod or RuleKind.Interpretation || CqcRules.KeyQuestionAndOverallRules.Contains(rule) || rule.Publisher != Rule.Cqc,
                    $"{rule.Name} in our own model");
        }
    }

    [Fact]
    public void Kinds_follow_the_reference_facts()
    {
        Assert.Equal(RuleKind.Unverified, CqcRules.RatingLimiters.Kind);
        Assert.Equal(RuleKind.Interpretation, CqcRules.WholePercentRounding.Kind);
        Assert.Equal("whole-percent rounding", CqcRules.WholePercentRounding.Interpretation!.Name);
        Assert.Equal(RuleKind.Interpretation, CqcRules.OneInadequate.Kind);
        Assert.Equal(RuleKind.Interpretation, CqcRules.AllFiveRated.Kind);
        Assert.Equal(RuleKind.Interpretation, CqcSafEvidence.StatementScoreConversion.Kind);
        Assert.Equal("same bands for the conversion", CqcSafEvidence.StatementScoreConversion.Interpretation!.Name);
        Assert.All(new Rule[] { CqcRules.TwoOrMoreInadequate, CqcRules.TwoOrMoreRequiresImprovement, CqcRules.OutstandingOverall, CqcRules.GoodOverall, CqcRules.PercentageBand },
            r => Assert.Equal(RuleKind.Published, r.Kind));
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void Module_is_deterministic_and_carries_its_hash(string id)
    {
        var model = CqcGuide.Rules.Models.Find(id)!;
        var first = JsTranslator.EmitModule(model);
        Assert.Equal(first, JsTranslator.EmitModule(model));
        var hash = JsTranslator.SourceHash(model);
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Contains($"export const model = Object.freeze({{ id: \"{id}\", version: \"{model.Version}\", sourceHash: \"{hash}\" }});", first);
        Assert.StartsWith("// Generated by CqcGuide from the C# scoring rules. Do not edit", first);
        Assert.DoesNotContain("\r", first);
        // String literals are ASCII (everything else escaped); only comments carry the descriptions' own characters.
        Assert.DoesNotContain(first.Split('\n'), line => !line.TrimStart().StartsWith("*", StringComparison.Ordinal)
            && !line.StartsWith("//", StringComparison.Ordinal) && !line.TrimStart().StartsWith("//", StringComparison.Ordinal) && line.Any(c => c > '~'));
        // Every rule has a function with its description as JSDoc.
        foreach (var rule in model.Rules)
            Assert.Contains($" * Rule '{rule.Name}' — ", first);
        // Only the helpers used are emitted, each once.
        foreach (Match m in Regex.Matches(first, @"^function (\$\w+)\(", RegexOptions.Multiline))
            Assert.Single(Regex.Matches(first, $@"^function {Regex.Escape(m.Groups[1].Value)}\(", RegexOptions.Multiline));
        Assert.Equal(id is LearningLogQuality.ModelId or CqcGuide.Rules.LearningLogs.LearningLogValidation.ModelId, first.Contains("function $isNullOrWhiteSpace("));
        Assert.DoesNotContain("Math.round(", first);
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void Guidance_links_from_the_trees_equal_what_a_scan_of_the_module_finds(string id)
    {
        var model = CqcGuide.Rules.Models.Find(id)!;
        // The scan the site used to run over the generated JavaScript (ScoringSection.GuidancePathRegex).
        var scanned = Regex.Matches(model.Module, "\"(/guidance/[^\"#]*(?:#[^\"]*)?)\"").Select(m => m.Groups[1].Value)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(scanned, model.GuidanceLinks);
        Assert.Equal(id is LearningLogQuality.ModelId or LearningMaturity.ModelId, model.GuidanceLinks.Count > 0);
    }

    [Fact]
    public void Guidance_links_include_captured_values_and_folded_data()
    {
        Assert.Contains("/guidance/common-pitfalls/#quick-fixes", LearningMaturity.Instance.GuidanceLinks); // captured by Pitfall(...)
        Assert.Contains("/guidance/root-causes/", LearningMaturity.Instance.GuidanceLinks); // in the folded Catalogue
        Assert.Contains("/guidance/practice-change/", LearningLogQuality.Instance.GuidanceLinks); // a constant in a rule
        Assert.Equal(LearningMaturity.Instance.GuidanceLinks.Order(StringComparer.Ordinal), LearningMaturity.Instance.GuidanceLinks);
    }

    [Fact]
    public void Hash_changes_when_a_rule_changes()
    {
        var a = new Rule<int, int>("r", RuleKind.OwnMethod, "Adds one.", [], x => x + 1);
        var b = new Rule<int, int>("r", RuleKind.OwnMethod, "Adds one.", [], x => x + 2);
        var c = new Rule<int, int>("r", RuleKind.OwnMethod, "Adds one, described differently.", [], x => x + 1);
        string Hash(Rule r) => Regex.Match(Tiny(r), "sourceHash: \"([0-9a-f]+)\"").Groups[1].Value;
        Assert.NotEqual(Hash(a), Hash(b));
        Assert.NotEqual(Hash(a), Hash(c));
        Assert.Equal(Hash(a), Hash(new Rule<int, int>("r", RuleKind.OwnMethod, "Adds one.", [], x => x + 1)));
    }

    private static string Tiny(Rule r) => JsTranslator.Emit("t", "1.0.0", "T", new ModuleEntry("run", r));

    [Fact]
    public void Exported_enums_and_metadata_are_frozen()
    {
        var host = new JsHost(JsTranslator.EmitModule(CqcSaf.Instance), "score");
        Assert.True(host.Evaluate("Object.isFrozen").Call(host.Module.Get("Rating")).AsBoolean());
        Assert.True(host.Evaluate("Object.isFrozen").Call(host.Module.Get("model")).AsBoolean());
        Assert.Equal(3, host.Module.Get("Rating").AsObject().Get("Good").AsNumber());
        Assert.Equal(JsTranslator.SourceHash(CqcSaf.Instance), host.Module.Get("model").AsObject().Get("sourceHash").AsString());
    }

    [Fact]
    public void Rule_evaluation_is_compiled_once_and_thread_safe()
    {
        var rule = new Rule<int, int>("thread-safe", RuleKind.OwnMethod, "Squares a number.", [], x => x * x);
        var results = Enumerable.Range(0, 2000).AsParallel().Select(i => rule.Evaluate(i)).ToArray();
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => i * i).Order(), results.Order());
    }

    [Theory]
    [InlineData("NotKebab")]
    [InlineData("double--dash")]
    [InlineData("-leading")]
    [InlineData("")]
    public void Rule_names_must_be_kebab_case(string name) =>
        Assert.Throws<ArgumentException>(() => new Rule<int, int>(name, RuleKind.OwnMethod, "Something.", [], x => x));

    [Fact]
    public void Interpretations_need_a_name_and_only_interpretations_have_one()
    {
        Assert.Throws<ArgumentException>(() => new Rule<int, int>("r", RuleKind.Interpretation, "Something.", [], x => x));
        Assert.Throws<ArgumentException>(() => new Rule<int, int>("r", RuleKind.Published, "Something.", [], x => x, new("n", "why")));
    }

    [Fact]
    public void Score_results_serialise_to_camel_case_with_enums_as_numbers()
    {
        var result = CqcSaf.Instance.Score(AnswersFile.Parse(Generators.File("cqc-saf", new Dictionary<string, Answer> { ["safe.safeguarding"] = new("4", null) })).File!);
        using var json = JsonDocument.Parse(ScoreReport.ToJson(result));
        var root = json.RootElement;
        Assert.Equal(["model", "notice", "limitersApplied", "keyQuestions", "overall", "baseline", "nextSteps", "notes"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, root.GetProperty("overall").GetProperty("rating").GetInt32());
        Assert.Equal(4, root.GetProperty("keyQuestions")[0].GetProperty("rating").GetInt32());
        Assert.Equal("Self-assessment — not a CQC rating", root.GetProperty("notice").GetString());
    }
}
