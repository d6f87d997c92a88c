using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace CqcGuide.Site.Tests.Theme;

/// <summary>measure-file.js: the measure file the check page downloads (run in Jint).</summary>
public class MeasureFileModuleTests
{
    /// <summary>Texts a team might type (or paste) that must come back exactly and never change the file's structure.</summary>
    public static TheoryData<string> Hostile() => new(
        "Falls \"at night\": a count", "line one\nline two\r\n---\nkey: value", "# not a comment", "- not a list", "{ flow: map }", "'single'",
        "tab\there", "\u2028separator\u2029", "back\\slash", "&anchor *alias !tag", "%YAML 1.1", "null", "~", "yes", "0x1F", "2026-04", "Zoë’s “quotes”", "\u0085next line",
        "<script>alert(1)</script><img src=x onerror=alert(1)>", "../../etc/passwd", "nul\u0000and\u0001bell\u0007", new string('x', 100_000));

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Every_text_comes_back_exactly(string text)
    {
        var fields = new { title = text, summary = text, numerator = text, unit = text, direction = "decrease", period = "month", target = text, minimum = "0" };
        var r = new ThemeJs().Run($$"""
            import { measureFile } from './measure-file.js';
            export const result = measureFile({{JsonSerializer.Serialize(fields)}}, [{ period: '2026-04', value: 3 }, { period: '2026-05', value: 0.25 }]);
            """);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(r.GetString()!));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        foreach (var key in new[] { "title", "summary", "numerator", "unit", "target" })
            Assert.Equal(text, ((YamlScalarNode)root[key]).Value);
        Assert.Equal(["direction", "period", "data"], root.Children.Keys.Select(k => k.ToString()).Where(k => k is "direction" or "period" or "data"));
        var data = (YamlSequenceNode)root["data"];
        Assert.Equal(["2026-04:3", "2026-05:0.25"], data.Select(p => $"{((YamlMappingNode)p)["period"]}:{((YamlMappingNode)p)["value"]}"));
    }

    [Fact]
    public void Missing_fields_and_a_bad_file_name_are_reported_each_at_its_field()
    {
        var r = new ThemeJs().Run("""
            import { measureFileProblems } from './measure-file.js';
            export const result = [
              measureFileProblems({ name: '', title: '', summary: '', numerator: '', unit: '' }).map((p) => p.field),
              measureFileProblems({ name: 'Night Falls', title: 't', summary: 's', numerator: 'n', unit: 'u' }).map((p) => p.message),
              measureFileProblems({ name: 'night-falls', title: 't', summary: 's', numerator: 'n', unit: 'u' }).length,
            ];
            """);
        Assert.Equal(["name", "title", "summary", "numerator", "unit"], r[0].EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["The file name can only use lower-case letters, digits and hyphens"], r[1].EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, r[2].GetInt32());
    }

    /// <summary>The file name becomes a path and an address: anything but a plain slug is refused before a download.</summary>
    [Theory]
    [InlineData("../night-falls")]
    [InlineData("night/falls")]
    [InlineData("<b>falls</b>")]
    [InlineData("falls\u0000.yml")]
    [InlineData("-falls")]
    [InlineData("FALLS")]
    public void A_file_name_that_is_not_a_slug_is_refused(string name)
    {
        var r = new ThemeJs().Run($$"""
            import { measureFileProblems } from './measure-file.js';
            export const result = measureFileProblems({ name: {{JsonSerializer.Serialize(name)}}, title: 't', summary: 's', numerator: 'n', unit: 'u' }).map((p) => p.field);
            """);
        Assert.Equal(["name"], r.EnumerateArray().Select(e => e.GetString()));
    }
}
