using CqcGuide.Rules.ScoringModels;
using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Sections.Measures;

/// <summary>
/// A measure file is checked by the compiled <c>spc</c> rules, the same ones the "check your own data" page and
/// <c>cqcguide spc</c> run: each problem they find (an unreadable, repeated, out-of-order or missing period, a value that
/// is not a number or is out of range, a rebase at a period without data...) is reported at its line in the file.
/// </summary>
public static class MeasureChecks
{
    /// <summary>The measure as the SPC rules read it (the browser's form builds the same input).</summary>
    public static SpcInput InputOf(MeasureDefinition m) => new(
        Csv: null,
        Rows: m.Data.Select(p => new SpcRow(p.Period, p.Value)).ToArray(),
        PeriodKind: m.Period, Direction: m.Direction, Target: m.Target, Minimum: m.Minimum, Maximum: m.Maximum,
        Annotations: m.Changes.Select(c => new SpcAnnotation(c.Period, c.Label, c.Rebase)).ToArray(),
        FixAfter: m.FixAfter, RunLength: m.RunLength, ScreenOutliers: null);

    /// <summary>Analyses the measure and reports every problem at its key; the result is null when the data has errors.</summary>
    public static SpcResult? Check(ContentDocument doc, MeasureDefinition m, DiagnosticBag diagnostics)
    {
        var result = Spc.Analyse(InputOf(m));
        foreach (var e in result.Errors) diagnostics.Error(Codes.InvalidMeasure, $"{e.Message} ({e.Code})", doc.At(KeyOf(e)), HintOf(e));
        foreach (var w in result.Warnings)
            diagnostics.Advice(Codes.MeasureNote, $"{w.Message} ({w.Code})", doc.At(KeyOf(w)), null);
        for (var i = 0; i < m.Changes.Count; i++)
        {
            if (m.Changes[i].Action is { } action && !ActionReference(action).Ok)
                diagnostics.Error(Codes.InvalidMeasure, $"'{action}' is not a learning log action: write the log id and the action id, e.g. ll-2026-004#a1",
                    doc.At($"changes[{i}].action"));
        }
        return result.Valid ? result : null;
    }

    /// <summary>
    /// Reads and analyses one measure file outside a site build (for <c>cqcguide spc</c>): the same binding and checks
    /// as the build, problems reported at their line. Returns null when the file cannot be read or has errors.
    /// </summary>
    public static SpcResult? AnalyseFile(string path, DiagnosticBag diagnostics)
    {
        var display = SourceSpan.DisplayPath(Path.GetFullPath(path));
        var source = Loading.SourceReader.Read(Path.GetFullPath(path), Path.GetFileName(path), display, diagnostics);
        if (source is null) return null;
        var node = Yaml.FrontMatter.ParseMapping(source.Text, 1, display, diagnostics);
        if (node is null) return null;
        var map = new Yaml.SourceMap(display);
        var measure = Yaml.YamlBinder.Bind<MeasureDefinition>(node, 1, map, diagnostics);
        if (measure is null) return null;
        var doc = new ContentDocument
        {
            Source = source, Type = MeasuresSection.Measure, Slug = Path.GetFileNameWithoutExtension(path), FrontMatter = measure, Map = map, Url = "/measures/",
        };
        return Check(doc, measure, diagnostics);
    }

    /// <summary>Splits <c>ll-2026-004#a1</c> into the log id and the action id.</summary>
    public static (bool Ok, string Log, string Action) ActionReference(string text)
    {
        var hash = text.IndexOf('#');
        if (hash <= 0 || hash == text.Length - 1) return (false, "", "");
        var (log, action) = (text[..hash], text[(hash + 1)..]);
        static bool Id(string s) => s.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '.');
        return (Id(log) && Id(action), log, action);
    }

    private static string KeyOf(SpcMessage m) => (m.Field, m.Row) switch
    {
        ("period" or "value", { } row) => $"data[{row}].{m.Field}",
        ("annotation", { } row) => $"changes[{row}].period",
        ("series" or "csv", _) => "data",
        ("periodKind", _) => "period",
        ("runLength", _) => "run_length",
        ("fixAfter", _) => "fix_after",
        (var field, _) => field,
    };

    private static string? HintOf(SpcMessage m) => m.Code switch
    {
        "SPC013" => "add the missing periods (a value of 0 if nothing happened), so the chart does not join points across a gap",
        "SPC010" or "SPC040" => "months are written 2026-04, quarters 2026-Q2 and ISO weeks 2026-W14",
        "SPC041" => "a rebase starts new limits at a period that has a value",
        _ => null,
    };
}
