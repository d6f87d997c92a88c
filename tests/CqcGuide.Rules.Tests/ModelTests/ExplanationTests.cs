using System.Text.Json;
using CqcGuide.Rules.ScoringModels;

namespace CqcGuide.Rules.Tests.ModelTests;

public class ExplanationTests
{
    [Fact]
    public void Explanation_lists_every_rule_in_order_with_kind_and_sources()
    {
        var e = CqcSaf.Instance.Explain();
        Assert.Equal(("cqc-saf", "1.2.0", true), (e.ModelId, e.Version, e.IsCqcMethod));
        Assert.Equal(CqcSaf.Instance.Rules.Select(r => r.Name), e.Rules.Select(r => r.Name));
        var rounding = e.Rules.Single(r => r.Name == "whole-percent-rounding");
        Assert.Equal("interpretation", rounding.Kind);
        Assert.Equal("whole-percent rounding", rounding.InterpretationName);
        Assert.Equal("unverified", e.Rules.Single(r => r.Name == "rating-limiters").Kind);
        Assert.Equal("published", e.Rules.Single(r => r.Name == "overall-good").Kind);
        Assert.All(e.Rules, r => Assert.NotEmpty(r.Sources));
    }

    [Fact]
    public void Text_reads_as_an_explanation()
    {
        var text = Explanation.ToText(CqcSaf.Instance.Explain());
        Assert.StartsWith("CQC quality statement scoring (since December 2024) (cqc-saf 1.2.0)\n", text);
        Assert.Contains("This is a self-assessment, not a CQC rating.", text);
        Assert.Contains("whole-percent-rounding — Our interpretation (CQC is silent or ambiguous)", text);
        Assert.Contains("Interpretation \"whole-percent rounding\":", text);
        Assert.Contains("rating-limiters — Unverified (reported by third parties, not confirmed by CQC)", text);
        Assert.Contains("<https://www.cqc.org.uk/guidance-regulation/local-authorities/how-we-determine-ratings>", text);
        Assert.All(text.Split('\n').Where(l => !l.StartsWith("   - ", StringComparison.Ordinal)), line => Assert.True(line.Length <= 100, line));
        var own = Explanation.ToText(LearningMaturity.Instance.Explain());
        Assert.Contains("It is not a CQC method and its results are not CQC ratings.", own);
        Assert.Contains("CqcGuide's own method (not a CQC rule)", own);
    }

    [Fact]
    public void Explanation_is_data_for_the_site()
    {
        var json = Explanation.ToJson(LearningLogQuality.Instance.Explain());
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("learning-log-quality", doc.RootElement.GetProperty("modelId").GetString());
        Assert.Equal("own-method", doc.RootElement.GetProperty("rules")[0].GetProperty("kind").GetString());
        Assert.True(doc.RootElement.GetProperty("rules")[0].GetProperty("sources")[0].TryGetProperty("url", out _));
    }

    [Fact]
    public void Score_text_always_says_it_is_a_self_assessment()
    {
        foreach (var model in CqcGuide.Rules.Models.Scoring)
        {
            var file = AnswersFile.Parse(Parity.Generators.File(model.Id, new Dictionary<string, Answer>())).File!;
            Assert.Contains("Self-assessment — ", ScoreReport.ToText(model.Score(file)));
        }
        Assert.StartsWith("No findings", ScoreReport.ToText([]));
    }
}
