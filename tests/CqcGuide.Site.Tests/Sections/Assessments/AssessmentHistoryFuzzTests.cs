using System.Text.RegularExpressions;
using CqcGuide.Site.Loading;
using CqcGuide.Site.Pipeline;
using CqcGuide.Site.Sections.Assessments;
using CsCheck;

namespace CqcGuide.Site.Tests.Sections.Assessments;

/// <summary>
/// Fuzz: generated history files (a valid export cut, spliced and salted with hostile text: control and invisible
/// characters, NHS-number-like digits, deep nesting, huge numbers) through the load stage and the history check. None
/// may throw; every problem is a CG710 (or a loading code) at a line and column inside the file.
/// </summary>
public class AssessmentHistoryFuzzTests
{
    private static readonly string Valid = File.ReadAllText(Path.Combine(Repo.Root, "input", "examples", "assessments", "history", "2026-11-20.json"));

    [Fact]
    public void Generated_history_files_never_crash_the_check_and_every_problem_has_a_place()
    {
        var sections = new AssessmentHistorySection();
        var configBag = new DiagnosticBag();
        var config = DocumentLoader.LoadConfig(Repo.Fixture("site"), configBag) ?? throw new InvalidOperationException(string.Join("\n", configBag.Sorted()));
        var options = Builds.Options(Repo.Fixture("site"), "unused", write: false);
        var salt = Gen.OneOf(Gen.Const("943 476 5919"), Gen.Const("\u202e"), Gen.Const("\u0000"), Gen.Const("[[[[[[[[[["), Gen.Const("1e400"), Gen.Const("\"plan\": 7,"),
            Gen.Const("\"__proto__\": {},"), Gen.Const("born 01/02/1950"), Gen.String[Gen.Char["{}[]\",:0aé\n\\"], 0, 20]);
        // A quarter of the cases keep the whole file (and some of those get no salt, so some files pass).
        var text = Gen.Select(Gen.Frequency((1, Gen.Const(Valid.Length)), (3, Gen.Int[0, Valid.Length])), Gen.Int[0, Valid.Length], salt.Array[0, 3])
            .Select((cut, at, salts) => Valid[..Math.Min(Valid.Length, Math.Max(cut, Valid.Length / 2))].Insert(Math.Min(at, Math.Max(cut, Valid.Length / 2)), string.Concat(salts)));
        var accepted = 0;
        text.Sample(t =>
        {
            var bag = new DiagnosticBag();
            const string relative = "assessments/history/fuzz.json";
            var type = AssessmentHistorySection.History;
            var decoded = SourceReader.Decode(System.Text.Encoding.UTF8.GetBytes(t), relative, bag);
            if (decoded is not null)
            {
                var discovered = new DocumentLoader.Discovered("/fuzz/" + relative, relative, type, type.Match(relative.Split('/'))!, sections);
                var doc = DocumentLoader.Load(discovered, new SourceFile("/fuzz/" + relative, relative, relative, decoded), bag);
                if (doc is not null && sections.Check(doc, new CheckContext(options, config, bag)) is not null) accepted++;
            }
            foreach (var d in bag.All)
            {
                Assert.True(Regex.IsMatch(d.ToString(), @"^.+:\d+:\d+: (error|warning) CG\d{3}: .+", RegexOptions.Singleline), d.ToString());
                Assert.True(d.Line >= 1 && d.Column >= 1, d.ToString());
                Assert.NotEqual(Codes.InternalError, d.Code);
            }
        }, iter: 3000, threads: 1, seed: "0000000000AB");
        Assert.InRange(accepted, 1, 2999);
    }
}
