using CqcGuide.Site.Sections.Guidance;
using CsCheck;

namespace CqcGuide.Site.Tests.Sections.Guidance;

/// <summary>Issue 16 item 3: a frozen guidance page's relative links still reach the files they reached before.</summary>
public sealed class SnapshotLinkTests
{
    [Theory]
    [InlineData("../checklists/a.md", "", "../../../checklists/a.md")]
    [InlineData("../checklists/a.md#top", "", "../../../checklists/a.md#top")]
    [InlineData("../../assets/x.png", "topic", "../../../../assets/x.png")]
    [InlineData("../../journal/", "topic", "../../../../journal/")]
    [InlineData("../", "", "../../../")]
    [InlineData("../checklists/.", "", "../../../checklists/")]
    [InlineData("../checklists/a/..", "", "../../../checklists/")]
    [InlineData("./../pages/about.md?x=1", "", "../../../pages/about.md?x=1")]
    [InlineData("other.md", "", null)]                  // another guidance page: the frozen edition has its own copy
    [InlineData("topic/b.md#part", "", null)]
    [InlineData("../guidance/other.md", "", null)]
    [InlineData("../b.md", "topic", null)]
    [InlineData("/checklists/a/", "", null)]            // absolute paths, other sites and anchors never change
    [InlineData("https://www.cqc.org.uk/", "", null)]
    [InlineData("mailto:x@example.org", "", null)]
    [InlineData("#section", "", null)]
    [InlineData("../../../outside.md", "", null)]       // climbs out of the content folder: the build reports it
    public void A_relative_link_that_leaves_guidance_gains_the_steps_up_from_the_edition_folder(string url, string folder, string? expected) =>
        Assert.Equal(expected, Snapshot.FrozenAddress(url, folder));

    [Fact]
    public void A_file_with_windows_line_endings_keeps_its_front_matter_as_it_was()
    {
        const string text = "---\r\ntitle: \"See [x](../checklists/a.md)\"\r\n---\r\nRead [the checklist](../checklists/a.md).\r\n";
        Assert.Equal("---\ntitle: \"See [x](../checklists/a.md)\"\n---\nRead [the checklist](../../../checklists/a.md).\n", Snapshot.Freeze(text, ""));
    }

    [Fact]
    public void Only_addresses_in_the_body_change_and_every_other_character_stays()
    {
        const string text = """
            ---
            title: "Links [x](../checklists/a.md) in front matter stay"
            ---
            See [the checklist](../checklists/a.md "Title (../checklists/a.md)"), ![a chart](<../assets/chart one.png>) and
            [another page](other.md), [CQC](https://www.cqc.org.uk/) and [ref][r].

            `[code](../checklists/a.md)` stays, and so does <https://example.org/../x>.

            [r]: ../pages/about.md#who
            """;
        var frozen = Snapshot.Freeze(text, "");
        Assert.Equal(text
            .Replace("(../checklists/a.md \"", "(../../../checklists/a.md \"", StringComparison.Ordinal)
            .Replace("<../assets/chart one.png>", "<../../../assets/chart one.png>", StringComparison.Ordinal)
            .Replace("[r]: ../pages/about.md#who", "[r]: ../../../pages/about.md#who", StringComparison.Ordinal), frozen);
    }

    /// <summary>For any relative address, the frozen page's link reaches the file the original reached (resolved by the
    /// file system's own path arithmetic), and a link inside guidance reaches the frozen copy of its target.</summary>
    [Fact]
    public void A_frozen_link_resolves_to_the_same_file_as_the_original()
    {
        var root = Path.Combine(Path.GetTempPath(), "cqc-snapshot-root", "input");
        var segment = Gen.OneOf<string>("..", ".", "guidance", "checklists", "topic", "a.md", "b c.md", "");
        var gen = Gen.Select(segment.Array[1, 6], Gen.OneOf<string>("", "topic", "topic/deeper"), Gen.OneOf<string>("", "#x", "?q=1"));
        gen.Sample((parts, folder, suffix) =>
        {
            var url = string.Join('/', parts) + suffix;
            if (url.Length == 0 || url.StartsWith('/') || url.StartsWith('#') || url.StartsWith('?')) return;
            var pathPart = string.Join('/', parts);
            var original = Path.GetFullPath(Path.Combine(root, "guidance", folder, pathPart));
            var frozen = Snapshot.FrozenAddress(url, folder);
            if (!original.StartsWith(root, StringComparison.Ordinal)) return; // out of the content folder: left to the build
            var inGuidance = original.StartsWith(Path.Combine(root, "guidance") + Path.DirectorySeparatorChar, StringComparison.Ordinal) || original == Path.Combine(root, "guidance");
            if (inGuidance)
            {
                Assert.Null(frozen);
                return;
            }
            Assert.NotNull(frozen);
            Assert.EndsWith(suffix, frozen);
            var reached = Path.GetFullPath(Path.Combine(root, "versions", "2.0", "guidance", folder, frozen[..(frozen.Length - suffix.Length)]));
            Assert.Equal(original.TrimEnd('/'), reached.TrimEnd('/'));
        }, iter: 5000);
    }
}
