using System.Text;

namespace CqcGuide.Site.Loading;

/// <summary>A decoded input file: text with LF line endings, the BOM removed.</summary>
public sealed record SourceFile(string FullPath, string RelativePath, string DisplayPath, string Text);

/// <summary>Reads an input file strictly: binary files, invalid UTF-8 and empty files are errors, BOM and CRLF are fine.</summary>
public static class SourceReader
{
    private static readonly System.Buffers.SearchValues<byte> Blank = System.Buffers.SearchValues.Create(" \n\r\t"u8);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="readPath">Where to read the bytes (a checked symbolic link's target); default <paramref name="fullPath"/>.</param>
    public static SourceFile? Read(string fullPath, string relativePath, string displayPath, DiagnosticBag diagnostics, string? readPath = null)
    {
        var bytes = SafeFiles.ReadAllBytes(readPath ?? fullPath, displayPath, SafeFiles.MaxTextBytes, diagnostics);
        if (bytes is null) return null;
        var text = Decode(bytes, displayPath, diagnostics);
        return text is null ? null : new SourceFile(fullPath, relativePath, displayPath, text);
    }

    public static string? Decode(ReadOnlySpan<byte> bytes, string displayPath, DiagnosticBag diagnostics)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        if (bytes.IsEmpty || bytes.IndexOfAnyExcept(Blank) < 0)
        {
            diagnostics.Error(Codes.EmptyFile, "the file is empty", SourceSpan.File(displayPath),
                "delete it, or give it front matter and content (`cqcguide new` scaffolds a valid file)");
            return null;
        }
        var probe = bytes[..Math.Min(bytes.Length, 8192)];
        var nul = probe.IndexOf((byte)0);
        if (nul >= 0)
        {
            diagnostics.Error(Codes.BinaryFile, "this looks like a binary file (it contains NUL bytes), not UTF-8 text",
                SourceSpan.File(displayPath), "put images and documents under input/assets/, which is copied as is");
            return null;
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var index = FirstInvalidUtf8(bytes);
            diagnostics.Error(Codes.NotUtf8,
                $"the file is not valid UTF-8 (byte 0x{bytes[index]:X2} at offset {index})",
                At(bytes, index, displayPath), "save the file as UTF-8 (most editors offer 'Save with encoding')");
            return null;
        }
        text = text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
        var bad = TextRules.IndexOfForbidden(text, allowFormFeed: true);
        if (bad >= 0)
        {
            var (line, column) = TextRules.Position(text, bad);
            diagnostics.Error(Codes.InvalidCharacter, $"the file contains the control character or noncharacter {TextRules.Name(text, bad)}, which a web page cannot carry",
                new SourceSpan(displayPath, line, column), "delete it (it is invisible in most editors; search for it by its code)");
            return null;
        }
        return text;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done) return i;
            i += consumed;
        }
        return 0;
    }

    private static SourceSpan At(ReadOnlySpan<byte> bytes, int index, string path)
    {
        var before = bytes[..index];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return new SourceSpan(path, line, column);
    }
}
