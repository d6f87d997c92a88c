namespace CqcGuide.Site.Tests.Pipeline;

public class ExternalAddressTests
{
    [Fact]
    public void A_host_ending_with_a_dot_is_a_warning_at_its_line_in_sources_and_in_markdown()
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        var alpha = File.ReadAllText(input["guidance/alpha.md"]);
        input.Write("guidance/alpha.md", alpha.Replace("---\n", "---\n", StringComparison.Ordinal)
            .Replace("\n---\n", "\n---\nSee [CQC](https://www.cqc.org.uk./guidance).\n", StringComparison.Ordinal));
        using var output = new TempDir();
        var result = Builds.Run(input.Path, output.Path);
        var d = Assert.Single(result.Diagnostics, d => d.Code == Codes.HostEndsWithDot);
        Assert.False(d.IsError);
        Assert.Contains("https://www.cqc.org.uk/guidance", d.Hint);
        Assert.EndsWith("guidance/alpha.md", d.Path);
        var strict = Builds.Run(input.Path, output.Path, strict: true);
        Assert.Contains(strict.Diagnostics, x => x.Code == Codes.HostEndsWithDot && x.IsError);
    }
}
