using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using CqcGuide.Site.Views;
using Fluid;
using Fluid.Values;

namespace CqcGuide.Site.Templates;

/// <summary>
/// Liquid layouts (Fluid), parsed once and cached. A page is rendered by its layout (<c>layouts/&lt;name&gt;.liquid</c>),
/// whose output becomes <c>content</c> in <c>layouts/base.liquid</c>. Partials come through <c>{% include %}</c>.
/// A template naming a variable or member that does not exist is a build error, not an empty string.
/// </summary>
public sealed partial class ThemeEngine
{
    private static readonly FluidParser Parser = new(new FluidParserOptions { AllowFunctions = false });
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly Dictionary<string, (IFluidTemplate Template, string Path, string Source)> layouts = new(StringComparer.Ordinal);
    private readonly TemplateOptions options;
    private readonly DiagnosticBag diagnostics;
    private readonly Func<string, string?> resolveAsset;
    private readonly string basePath;

    [ThreadStatic] private static RenderScope? current;

    public ThemeLayers Layers { get; }

    /// <summary>Ids written literally in templates (e.g. <c>main-content</c>): valid anchors on every page.</summary>
    public IReadOnlySet<string> TemplateIds { get; }

    /// <summary>Root-relative links written literally in templates, with where: checked like content links.</summary>
    public IReadOnlyList<(string Url, SourceSpan At)> TemplateLinks { get; }

    public ThemeEngine(ThemeLayers layers, string basePath, Func<string, string?> resolveAsset, DiagnosticBag diagnostics)
    {
        Layers = layers;
        this.basePath = basePath;
        this.resolveAsset = resolveAsset;
        this.diagnostics = diagnostics;
        options = new TemplateOptions
        {
            CultureInfo = CultureInfo.InvariantCulture,
            FileProvider = new PartialsProvider(layers),
            TimeZone = TimeZoneInfo.Utc,
            Now = static () => DateTimeOffset.UnixEpoch, // no wall clock in output
            MemberAccessStrategy = new DefaultMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase },
            // Limits, so that a template cannot run forever or fill the memory (a loop over (1..100000000) did).
            MaxSteps = TemplateLimits.MaxSteps,
            StrictFilters = true,
        };
        options.TemplateParsed = (_, template) => new TemplateLimits.Rewriter().VisitTemplate(template); // partials, as Fluid loads them
        options.Assigned = (name, value, _) => TemplateLimits.Value(name, value);
        options.Captured = (name, value, _) => TemplateLimits.Value(name, value);
        // Templates may read the members of the view models: the shared ones (Views/) and each section's own.
        foreach (var type in ViewTypes)
            options.MemberAccessStrategy.Register(type);
        options.ValueConverters.Add(new ViewValues(ViewTypes, options.MemberAccessStrategy).Convert);
        options.Undefined = name =>
        {
            current?.Undefined(name);
            return ValueTask.FromResult<FluidValue>(NilValue.Instance);
        };
        options.Filters.AddFilter("asset", Asset);
        options.Filters.AddFilter("url", Url);
        options.Filters.AddFilter("xml", Xml);

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<(string, SourceSpan)>();
        foreach (var (relative, full) in layers.List("layouts").Concat(layers.List("partials")))
        {
            if (!relative.EndsWith(".liquid", StringComparison.Ordinal)) continue;
            var display = SourceSpan.DisplayPath(full);
            if (layers.Read(full, Loading.SafeFiles.MaxTextBytes) is not { } bytes) continue;
            var source = System.Text.Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n");
            if (!Parser.TryParse(source, out var template, out var error))
            {
                var m = PositionRegex().Match(error ?? "");
                var line = m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
                var col = m.Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 1;
                diagnostics.Error(Codes.TemplateSyntax, $"Liquid syntax error: {error}", new SourceSpan(display, line, col));
                continue;
            }
            // Every filter a template names must exist and every partial it includes must be there: found now, at the
            // template's line, rather than as an empty string (Fluid passes the value through an unknown filter).
            var rewriter = new TemplateLimits.Rewriter();
            template = rewriter.VisitTemplate(template);
            foreach (var filter in rewriter.Filters.Distinct(StringComparer.Ordinal).Where(f => !options.Filters.TryGetValue(f, out _)))
                diagnostics.Error(Codes.UnknownFilter, $"unknown filter '{filter}'", Locate(display, source, FilterIndex(source, filter)),
                    "check the spelling; the filters are Liquid's standard ones (Fluid) and asset, url and xml");
            foreach (var partial in rewriter.Partials.Distinct(StringComparer.Ordinal).Where(p => layers.Find("partials/" + PartialFile(p)) is null))
                diagnostics.Error(Codes.MissingTemplate, $"the partial '{partial}' does not exist", Locate(display, source, Math.Max(0, source.IndexOf(partial, StringComparison.Ordinal))),
                    $"add partials/{PartialFile(partial)} to the theme (or under input/_theme/partials/)");
            if (relative.StartsWith("layouts/", StringComparison.Ordinal))
                layouts[relative["layouts/".Length..^".liquid".Length]] = (template, display, source);
            else
                partialSources.Add((display, source));
            foreach (Match m in LiteralIdRegex().Matches(source)) ids.Add(m.Groups[1].Value);
            foreach (Match m in LiteralHrefRegex().Matches(source))
                links.Add((m.Groups[1].Value, Locate(display, source, m.Index)));
        }
        TemplateIds = ids;
        TemplateLinks = links;
    }

    public bool HasLayout(string name) => layouts.ContainsKey(name);

    private static string PartialFile(string name) => name.EndsWith(".liquid", StringComparison.Ordinal) ? name : name + ".liquid";

    private static int FilterIndex(string source, string filter)
    {
        var m = Regex.Match(source, @"\|\s*" + Regex.Escape(filter) + @"\b");
        return m.Success ? m.Index : Math.Max(0, source.IndexOf(filter, StringComparison.Ordinal));
    }

    /// <summary>The types whose members templates may read: the shared view models (Views/), each section's own, and the
    /// rules' records that views pass on as they are (the learning log format's option lists).</summary>
    internal static readonly Type[] ViewTypes = [.. typeof(PageView).Assembly.GetTypes().Where(IsViewModel),
        typeof(Rules.LearningLogs.LogFormatOptions), typeof(Rules.LearningLogs.LogOption), typeof(Rules.LearningLogs.CandourOutcome)];

    private static bool IsViewModel(Type t) =>
        t.IsPublic && !t.IsAbstract && !t.IsInterface && t.Namespace is { } ns
        && (ns.StartsWith("CqcGuide.Site.Views", StringComparison.Ordinal) || ns.StartsWith("CqcGuide.Site.Sections", StringComparison.Ordinal));

    /// <summary>
    /// Renders a page through its layout and then <c>base</c> (or on its own when <paramref name="standalone"/>, e.g. a
    /// feed). Returns null on failure, reported to <paramref name="report"/> (the page's own diagnostics).
    /// </summary>
    public string? RenderPage(string layout, PageView page, SiteView site, bool standalone, DiagnosticBag report)
    {
        if (!layouts.TryGetValue(layout, out var inner))
        {
            report.Error(Codes.MissingTemplate, $"no layout '{layout}' for {page.Url}",
                new SourceSpan(page.SourcePath ?? "theme/layouts", 1, 1), $"add theme/layouts/{layout}.liquid (or override it under input/_theme/layouts/)");
            return null;
        }
        var body = Render(inner, page, site, content: null, report);
        if (body is null || standalone || layout == "base" || !layouts.TryGetValue("base", out var outer)) return body;
        return Render(outer, page, site, body, report);
    }

    private string? Render((IFluidTemplate Template, string Path, string Source) t, PageView page, SiteView site, string? content, DiagnosticBag report)
    {
        var context = new TemplateContext(options);
        context.SetValue("page", page);
        context.SetValue("site", site);
        context.SetValue("content", new StringValue(content ?? "", encode: false));
        var scope = new RenderScope(this, t.Path, t.Source, report);
        var previous = current;
        current = scope;
        try
        {
            using var writer = new TemplateLimits.LimitedWriter();
            t.Template.RenderAsync(writer, Encoder, context).AsTask().GetAwaiter().GetResult();
            return scope.Failed ? null : writer.ToString();
        }
        catch (Exception e) when (e is not (OutOfMemoryException or InsufficientExecutionStackException))
        {
            // Filter errors (divided_by: 0), missing partials named by a variable, and the limits: a build error at the
            // template, never a crash.
            var message = e is InvalidOperationException && e.Message.Contains("maximum", StringComparison.OrdinalIgnoreCase)
                ? $"the template ran more than {TemplateLimits.MaxSteps:N0} steps, or included partials more than {options.MaxRecursion} deep"
                : e.Message;
            report.Error(Codes.TemplateRender, $"rendering {page.Url} failed: {message}", new SourceSpan(t.Path, 1, 1),
                "check loops and includes in the template (and filters such as divided_by)");
            return null;
        }
        finally
        {
            current = previous;
        }
    }

    private ValueTask<FluidValue> Asset(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var name = input.ToStringValue();
        var url = resolveAsset(name);
        if (url is null)
        {
            current?.Report(Codes.UnknownAsset, $"unknown asset '{name}'", name, "assets live in theme/assets/ (or input/_theme/assets/)");
            return ValueTask.FromResult<FluidValue>(StringValue.Empty);
        }
        return ValueTask.FromResult<FluidValue>(new StringValue(url));
    }

    /// <summary>Text escaped for XML (<c>&amp;apos;</c>, not HTML's <c>&amp;#x27;</c>), for feeds and sitemaps.</summary>
    private static ValueTask<FluidValue> Xml(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        ValueTask.FromResult<FluidValue>(new StringValue(System.Security.SecurityElement.Escape(input.ToStringValue()) ?? "", encode: false));

    private ValueTask<FluidValue> Url(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var value = input.ToStringValue();
        return ValueTask.FromResult<FluidValue>(new StringValue(value.StartsWith('/') ? basePath + value[1..] : value));
    }

    private readonly List<(string Path, string Source)> partialSources = [];

    private SourceSpan? FindInPartials(string needle)
    {
        foreach (var (path, source) in partialSources)
        {
            var index = source.IndexOf(needle, StringComparison.Ordinal);
            if (index >= 0) return Locate(path, source, index);
        }
        return null;
    }

    private static SourceSpan Locate(string path, string source, int index)
    {
        var line = 1 + source.AsSpan(0, index).Count('\n');
        var col = index - source.LastIndexOf('\n', Math.Max(0, index - 1)) ;
        return new SourceSpan(path, line, Math.Max(1, col));
    }

    private sealed class RenderScope(ThemeEngine engine, string path, string source, DiagnosticBag report)
    {
        private readonly ConcurrentDictionary<string, bool> reported = new();
        public bool Failed { get; private set; }

        public void Undefined(string name) =>
            Report(Codes.UndefinedVariable, $"undefined variable or member '{name}'", name,
                "check the spelling against docs/theming.md; members are snake_case, e.g. page.last_reviewed");

        public void Report(string code, string message, string needle, string hint)
        {
            Failed = true;
            if (!reported.TryAdd(code + needle, true)) return;
            var index = source.IndexOf(needle, StringComparison.Ordinal);
            var at = index >= 0 ? Locate(path, source, index) : engine.FindInPartials(needle) ?? new SourceSpan(path, 1, 1);
            report.Error(code, message, at, hint);
        }
    }

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex PositionRegex();

    [GeneratedRegex(@"\bid=""([A-Za-z][\w\-:.]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex LiteralIdRegex();

    [GeneratedRegex(@"\bhref=""(/[^""{}]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex LiteralHrefRegex();
}
