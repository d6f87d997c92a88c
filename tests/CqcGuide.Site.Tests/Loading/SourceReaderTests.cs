using CqcGuide.Site.Loading;

namespace CqcGuide.Site.Tests.Loading;

public class SourceReaderTests
{
    private static (string? Text, IReadOnlyList<Diagnostic> Diagnostics) Decode(byte[] bytes)
    {
        var bag = new DiagnosticBag();
        return (SourceReader.Decode(bytes, "f.md", bag), bag.Sorted());
    }

    [Fact]
    public void Strips_the_bom_and_normalises_crlf()
    {
        var (text, diags) = Decode([0xEF, 0xBB, 0xBF, .. "a\r\nb\rc\n"u8.ToArray()]);
        Assert.Empty(diags);
        Assert.Equal("a\nb\nc\n", text);
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_its_line_and_column()
    {
        var (text, diags) = Decode([.. "line one\nab"u8.ToArray(), 0xE9, .. "t\n"u8.ToArray()]); // Latin-1 'é'
        Assert.Null(text);
        var d = Assert.Single(diags);
        Assert.Equal((Codes.NotUtf8, 2, 3), (d.Code, d.Line, d.Column));
    }

    [Fact]
    public void Binary_and_empty_files_are_errors()
    {
        Assert.Equal(Codes.BinaryFile, Assert.Single(Decode([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]).Diagnostics).Code);
        Assert.Equal(Codes.EmptyFile, Assert.Single(Decode([]).Diagnostics).Code);
        Assert.Equal(Codes.EmptyFile, Assert.Single(Decode(" \n\n"u8.ToArray()).Diagnostics).Code);
    }
}
