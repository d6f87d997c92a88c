using System.Collections.Concurrent;
using System.Globalization;

namespace CqcGuide.Site;

public enum Severity { Warning, Error }

/// <summary>A problem found in the input, reported as <c>path:line:col: error CODE: message</c>.</summary>
/// <param name="Path">Path of the file, relative to the working directory when possible, with forward slashes.</param>
public sealed record Diagnostic(Severity Severity, string Code, string Message, string Path, int Line, int Column, string? Hint = null)
{
    public bool IsError => Severity == Severity.Error;

    /// <summary>For internal errors: the exception with its stack trace (printed only with <c>--verbose</c>).</summary>
    public string? Detail { get; init; }

    public override string ToString()
    {
        var head = string.Create(CultureInfo.InvariantCulture,
            $"{Path}:{Line}:{Column}: {(IsError ? "error" : "warning")} {Code}: {Message}");
        return Hint is null ? head : head + "\n    hint: " + Hint;
    }
}

/// <summary>Collects diagnostics from parallel stages; <see cref="Sorted"/> gives a stable order.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentBag<Diagnostic> items = [];

    public bool Strict { get; init; }

    public void Error(string code, string message, SourceSpan at, string? hint = null) =>
        items.Add(new Diagnostic(Severity.Error, code, message, at.Path, at.Line, at.Column, hint));

    /// <summary>A warning, promoted to an error under <c>--strict</c>.</summary>
    public void Warning(string code, string message, SourceSpan at, string? hint = null) =>
        items.Add(new Diagnostic(Strict ? Severity.Error : Severity.Warning, code, message, at.Path, at.Line, at.Column, hint));

    /// <summary>A warning that stays a warning under <c>--strict</c> (e.g. quality findings on an unpublished draft).</summary>
    public void Advice(string code, string message, SourceSpan at, string? hint = null) =>
        items.Add(new Diagnostic(Severity.Warning, code, message, at.Path, at.Line, at.Column, hint));

    public void Add(Diagnostic d) => items.Add(d);

    /// <summary>
    /// An unexpected exception while <paramref name="doing"/> something with the file at <paramref name="at"/>: error
    /// CG900 naming the file (the stack trace is kept for <c>--verbose</c>), so one failure never hides the others.
    /// </summary>
    public void Internal(string doing, SourceSpan at, Exception e) =>
        items.Add(new Diagnostic(Severity.Error, Codes.InternalError, $"internal error while {doing}: {e.GetType().Name}: {e.Message}", at.Path, at.Line, at.Column,
            e is OutOfMemoryException or InsufficientExecutionStackException
                ? "the file needs more memory than the build has; make it smaller"
                : "this is a bug in CqcGuide or a problem with the machine (memory, disk); run with --verbose for the stack trace and report it")
        { Detail = e.ToString() });

    public bool HasErrors => items.Any(d => d.IsError);

    public IReadOnlyList<Diagnostic> Sorted() => Order(items);

    /// <summary>The diagnostics of several bags (e.g. one per document) in one stable order.</summary>
    public static IReadOnlyList<Diagnostic> Merge(IEnumerable<DiagnosticBag> bags) => Order(bags.SelectMany(b => b.items));

    /// <summary>Every diagnostic, unordered.</summary>
    public IEnumerable<Diagnostic> All => items;

    public static IReadOnlyList<Diagnostic> Order(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Distinct()
             .OrderBy(d => d.Path, StringComparer.Ordinal)
             .ThenBy(d => d.Line).ThenBy(d => d.Column)
             .ThenBy(d => d.Code, StringComparer.Ordinal)
             .ThenBy(d => d.Message, StringComparer.Ordinal)
             .ToArray();
}

/// <summary>A place in a source file (1-based line and column).</summary>
public readonly record struct SourceSpan(string Path, int Line, int Column)
{
    public static SourceSpan File(string path) => new(path, 1, 1);

    /// <summary>
    /// How a file is named in diagnostics: relative to the working directory when it is below it (so editors and
    /// terminals can open it), otherwise its full path; always with forward slashes.
    /// </summary>
    public static string DisplayPath(string fullPath)
    {
        var relative = System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative) ? fullPath : relative;
        return shown.Replace('\\', '/');
    }
}
