using CqcGuide.Site.Yaml;
using CsCheck;
using YamlDotNet.RepresentationModel;

namespace CqcGuide.Site.Tests.Yaml;

/// <summary>Issue 15 item 8 and the snapshot title: a value a tool writes into YAML reads back as exactly itself.</summary>
public class YamlTextTests
{
    [Fact]
    public void A_quoted_value_reads_back_unchanged()
    {
        Gen.String[Gen.Char["a: #-'\"\\\n\r\t{}[]&*!|>%@`,?\u0001\u007f\u0085\u2028\u202eé😀"], 0, 40].Sample(value =>
        {
            if (System.Text.Unicode.Utf8.FromUtf16(value, new byte[value.Length * 4], out _, out _, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done) return; // lone surrogates
            var stream = new YamlStream();
            stream.Load(new StringReader("title: " + YamlText.Quote(value) + "\n"));
            var read = ((YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("title")]).Value;
            Assert.Equal(value, read);
        }, iter: 5_000);
    }
}
