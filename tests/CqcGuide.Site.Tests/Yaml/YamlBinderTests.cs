using CqcGuide.Site.Sections.Guidance;
using CqcGuide.Site.Sections.Journal;
using CqcGuide.Site.Yaml;

namespace CqcGuide.Site.Tests.Yaml;

public class YamlBinderTests
{
    private static (T? Value, IReadOnlyList<Diagnostic> Diagnostics, SourceMap Map) Bind<T>(string yaml) where T : class
    {
        var bag = new DiagnosticBag();
        var map = new SourceMap("x.md");
        var node = FrontMatter.ParseMapping(yaml, 2, "x.md", bag);
        var value = node is null ? null : YamlBinder.Bind<T>(node, 2, map, bag);
        return (value, bag.Sorted(), map);
    }

    [Fact]
    public void Binds_a_valid_guidance_front_matter_with_positions()
    {
        var (fm, diags, map) = Bind<GuidanceFrontMatter>("""
            title: Root causes
            summary: Why things go wrong.
            last_reviewed: 2026-10-01
            quality_statements: [safe.learning-culture, well-led.freedom-to-speak-up]
            sources:
              - title: A
                url: https://example.org
            """);
        Assert.Empty(diags);
        Assert.Equal("Root causes", fm!.Title);
        Assert.Equal(new DateOnly(2026, 10, 1), fm.LastReviewed);
        Assert.Equal(2, fm.QualityStatements.Count);
        Assert.Equal("https://example.org", fm.Sources[0].Url);
        // Front matter starts on file line 2, so the fourth YAML line is file line 5.
        Assert.Equal(5, map["quality_statements[1]"].Line);
        Assert.Equal(45, map["quality_statements[1]"].Column);
    }

    [Fact]
    public void Reports_every_problem_in_one_pass_at_its_node()
    {
        var (fm, diags, _) = Bind<GuidanceFrontMatter>("""
            titel: Root causes
            order: first
            last_reviewed: 2026-02-30
            next_review: soon
            sources:
              - url: https://example.org
            """);
        Assert.Null(fm);
        Assert.Contains(diags, d => d is { Code: Codes.UnknownKey, Line: 2, Column: 1 } && d.Hint!.Contains("'title'"));
        Assert.Contains(diags, d => d is { Code: Codes.WrongType, Line: 3, Column: 8 });
        Assert.Contains(diags, d => d is { Code: Codes.InvalidDate, Line: 4, Column: 16 } && d.Message.Contains("not a real date"));
        Assert.Contains(diags, d => d is { Code: Codes.InvalidDate, Line: 5 } && d.Message.Contains("YYYY-MM-DD"));
        Assert.Contains(diags, d => d is { Code: Codes.MissingField, Line: 7 } && d.Message.Contains("'title'") && d.Message.Contains("sources[0]"));
        Assert.Contains(diags, d => d is { Code: Codes.MissingField } && d.Message.Contains("required key 'title'"));
        Assert.Contains(diags, d => d is { Code: Codes.MissingField } && d.Message.Contains("required key 'summary'"));
    }

    [Fact]
    public void Tab_indentation_is_reported_with_its_line()
    {
        var (_, diags, _) = Bind<GuidanceFrontMatter>("title: A\nsources:\n\t- title: B\n");
        var d = Assert.Single(diags);
        Assert.Equal(Codes.TabIndentation, d.Code);
        Assert.Equal(4, d.Line);
    }

    [Fact]
    public void Malformed_yaml_is_reported_with_its_line()
    {
        var (_, diags, _) = Bind<GuidanceFrontMatter>("title: A\nsummary: [unclosed\nowner: B\n");
        var d = Assert.Single(diags);
        Assert.Equal(Codes.MalformedYaml, d.Code);
        Assert.InRange(d.Line, 3, 5);
    }

    [Fact]
    public void A_list_where_text_is_expected_is_a_type_error()
    {
        var (_, diags, _) = Bind<GuidanceFrontMatter>("title: [a, b]\nsummary: s\n");
        Assert.Contains(diags, d => d.Code == Codes.WrongType && d.Message.Contains("'title' must be text"));
    }

    [Fact]
    public void Snake_case_keys_map_to_properties() =>
        Assert.Equal("last_reviewed", YamlBinder.SnakeCase("LastReviewed"));
}
