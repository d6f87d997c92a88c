using AngleSharp.Html.Parser;

namespace CqcGuide.Site.Tests.Sections.Forms;

/// <summary>Fillable forms (input/forms/*.yml): definitions checked at their line, pages built from them.</summary>
public class FormTests
{
    private const string Valid = """
        title: After Action Review
        summary: Four questions, asked soon after the event.
        version: "1.0.0"
        group: Learning responses
        guidance: ../guidance/alpha.md
        quality_statements: [safe.learning-culture]
        learning_log:
          method: after-action-review
          expected: expected
          actual: actual
          factors:
            field: factors
            description: what
            area: area
        sections:
          - id: questions
            title: The four questions
            fields:
              - id: expected
                type: long-text
                label: What was expected to happen?
                required: true
              - id: actual
                type: long-text
                label: What actually happened?
              - id: held
                type: date
                label: When was the review held?
          - id: causes
            title: Why
            fields:
              - id: factors
                type: rows
                label: Contributory factors
                start_rows: 2
                columns:
                  - id: what
                    type: text
                    label: Factor
                  - id: area
                    type: choice
                    label: Work-system area
                    options: [Person, Tasks, Tools and technology]
        """;

    private static (CqcGuide.Site.Pipeline.BuildResult Result, TempDir Output) Build(string yaml)
    {
        using var input = TempDir.CopyOf(Repo.Fixture("site"));
        input.Write("forms/aar.yml", yaml);
        var output = new TempDir();
        return (Builds.Run(input.Path, output.Path), output);
    }

    [Fact]
    public void A_form_becomes_a_page_of_labelled_fields_that_cannot_send_anything()
    {
        var (result, output) = Build(Valid);
        using var _ = output;
        Assert.True(result.Success, Builds.Errors(result));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(output["forms/aar/index.html"]));
        Assert.Equal("After Action Review", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("label[for=field-expected-input]"));
        Assert.Equal(2, page.QuerySelectorAll("table[data-rows-for=factors] tbody tr").Length);
        Assert.Equal(["Choose", "Person", "Tasks", "Tools and technology"], page.QuerySelector("select[data-column=area]")!.QuerySelectorAll("option").Select(o => o.TextContent));
        // Nothing the reader types can be submitted: no form element, no named field.
        Assert.Empty(page.QuerySelectorAll("main form"));
        Assert.Empty(page.QuerySelectorAll("main [name]"));
        Assert.Contains("\"learningLog\"", page.QuerySelector("#form-definition")!.TextContent);
        var forms = new HtmlParser().ParseDocument(File.ReadAllText(output["forms/index.html"]));
        Assert.Equal("Learning responses", forms.QuerySelector("main h2")!.TextContent);
        Assert.Contains("Forms", new HtmlParser().ParseDocument(File.ReadAllText(output["quality-statements/safe.learning-culture/index.html"])).QuerySelector("main")!.TextContent);
    }

    [Theory]
    [InlineData("type: date", "type: datetime", "CG125", 27)]
    [InlineData("- id: held", "- id: expected", "CG207", 26)]
    [InlineData("options: [Person, Tasks, Tools and technology]", "options: []", "CG720", 43)]
    [InlineData("  actual: actual", "  actual: nowhere", "CG720", 10)]
    [InlineData("    area: area", "    area: zone", "CG720", 14)]
    [InlineData("version: \"1.0.0\"", "version: \"1\"", "CG720", 3)]
    public void A_broken_definition_is_an_error_at_its_line(string find, string replace, string code, int line)
    {
        Assert.Contains(find, Valid);
        var (result, output) = Build(Valid.Replace(find, replace));
        using var _ = output;
        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(code, d.Code);
        Assert.EndsWith("forms/aar.yml", d.Path);
        Assert.Equal(line, d.Line);
    }
}
