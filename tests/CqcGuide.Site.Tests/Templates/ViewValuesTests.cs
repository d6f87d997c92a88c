using CqcGuide.Site.Templates;
using CqcGuide.Site.Views;
using Fluid;
using Fluid.Values;

namespace CqcGuide.Site.Tests.Templates;

/// <summary>The fast member reading gives exactly what Fluid's own reading gives, for every kind of member a view has.</summary>
public class ViewValuesTests
{
    private static readonly Type[] Types = ThemeEngine.ViewTypes;

    private static readonly string[] Templates =
    [
        "{{ page.title }}|{{ page.summary }}|{{ page.source_path }}|{{ page.owner }}|{{ page.review_overdue }}",
        "{% for n in page.side_nav %}[{{ n.title }} {{ n.url }} {{ n.current }} {{ n.expanded }} {{ n.children.size }}{% for c in n.children %}({{ c.title }}{% if c.current %}*{% endif %}){% endfor %}]{% endfor %}",
        "{{ page.side_nav.size }} {{ page.side_nav.first.title }} {{ page.side_nav.last.url }} {{ page.side_nav[1].title }}",
        "{{ page.side_nav | map: 'title' | join: ',' }} {{ page.side_nav | where: 'current', true | size }}",
        "{% if page.toc == empty %}no toc{% endif %} {% if page.tags.size > 0 %}tags{% else %}no tags{% endif %} {{ page.tags | size }}",
        "{{ page.prev.title }} {{ page.prev }} {% if page.next %}next{% else %}no next{% endif %} {{ page.next.url }}",
        "{{ page.last_reviewed.iso }} {{ page.last_reviewed.text }} {{ page.next_review }}",
        "{{ page.search.indexed }} {{ page.search.type }} {{ page.search.key_questions | join: '/' }} {{ page.data.title }} {{ page.data }} {{ page.data.n | plus: 1 }}",
        "{% if page.data == 'date' %}date{% endif %}{% if page.data == 'Date' %}Date{% endif %} {{ page.data | size }} {{ page.data | upcase }}",
        "{{ page.missing }}{{ page.side_nav.first.missing }}{{ page.title.size }} {{ page.title | upcase }} {{ page.side_nav.first == page.side_nav.first }}",
        "{% assign n = page.side_nav[2] %}{{ n.title }} {{ n.children | size }} {% for x in n %}{{ x }}{% endfor %} {{ page.breadcrumbs | map: 'url' | join: ' ' }}",
    ];

    private static PageView View(int seed)
    {
        var random = new Random(seed);
        string Text() => random.Next(4) switch { 0 => "", 1 => "<b>&amp; \"quoted\"</b>", 2 => "Ünïcödé " + random.Next(), _ => "plain " + random.Next(100) };
        NavNode Node(int depth) => new()
        {
            Title = Text(), Url = "/" + random.Next(1000) + "/", Current = random.Next(5) == 0, Expanded = random.Next(2) == 0,
            Children = depth > 1 ? [] : Enumerable.Range(0, random.Next(4)).Select(_ => Node(depth + 1)).ToArray(),
        };
        LinkView Link() => new() { Title = Text(), Url = "/l" + random.Next(50) + "/" };
        return new PageView
        {
            Title = Text(), Summary = Text(), Url = "/p/", CanonicalUrl = "https://example.org/p/", Kind = "guidance", Section = "guidance",
            SourcePath = random.Next(2) == 0 ? null : "input/x.md", Owner = random.Next(2) == 0 ? null : Text(), ReviewOverdue = random.Next(2) == 0,
            SideNav = Enumerable.Range(0, random.Next(5)).Select(_ => Node(0)).ToList(),
            Breadcrumbs = Enumerable.Range(0, random.Next(3)).Select(_ => Link()).ToArray(),
            Tags = random.Next(2) == 0 ? [] : [Link(), Link()],
            Prev = random.Next(2) == 0 ? null : Link(), Next = random.Next(2) == 0 ? null : Link(),
            LastReviewed = random.Next(2) == 0 ? null : DateView.Of(new DateOnly(2026, 1 + random.Next(12), 1 + random.Next(28))),
            Search = new SearchView { Indexed = random.Next(2) == 0, Type = Text(), KeyQuestions = ["safe", Text()] },
            Data = random.Next(5) switch
            {
                0 => null, 1 => Link(), 2 => "text data",
                3 => CqcGuide.Site.Sections.Forms.FieldType.Date, // an enum the theme registers: a name, as Fluid gives it
                _ => new Dictionary<string, object> { ["title"] = Text(), ["n"] = random.Next(9) },
            },
            Csp = "default-src 'self'",
        };
    }

    private static string Render(string source, PageView page, bool fast)
    {
        var options = new TemplateOptions { MemberAccessStrategy = new DefaultMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase } };
        foreach (var type in Types) options.MemberAccessStrategy.Register(type);
        if (fast) options.ValueConverters.Add(new ViewValues(Types, options.MemberAccessStrategy).Convert);
        Assert.True(new FluidParser().TryParse(source, out var template, out var error), error);
        var context = new TemplateContext(options);
        context.SetValue("page", page);
        return template.Render(context);
    }

    [Fact]
    public void Templates_read_the_same_values_with_and_without_the_fast_path()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var page = View(seed);
            foreach (var source in Templates)
                Assert.Equal(Render(source, page, fast: false), Render(source, page, fast: true));
        }
    }

    [Fact]
    public void A_view_becomes_a_fast_value_and_anything_else_is_left_to_Fluid()
    {
        var strategy = new DefaultMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase };
        foreach (var type in Types) strategy.Register(type);
        var values = new ViewValues(Types, strategy);
        Assert.IsAssignableFrom<ObjectValueBase>(values.Convert(new LinkView { Title = "t", Url = "/" }));
        Assert.Null(values.Convert("text"));
        Assert.Null(values.Convert(new List<LinkView>()));
        Assert.Null(values.Convert(new Uri("https://example.org/")));
        Assert.Null(values.Convert(CqcGuide.Site.Sections.Forms.FieldType.Date));
    }
}
