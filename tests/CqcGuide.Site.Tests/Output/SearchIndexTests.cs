using CqcGuide.Site.Pipeline;

namespace CqcGuide.Site.Tests.Output;

public class SearchIndexTests
{
    private static TempDir SearchableFixture()
    {
        var input = TempDir.CopyOf(Repo.Fixture("site"));
        File.WriteAllText(input["site.yml"], File.ReadAllText(input["site.yml"]).Replace("search: false", "search: true"));
        return input;
    }

    [Fact]
    public void Without_pagefind_the_build_says_how_to_get_it_and_leaves_the_output_alone()
    {
        using var theme = TempDir.CopyOf(Repo.Theme);
        foreach (var f in new[] { "package.json", "package-lock.json" }) File.Delete(theme[f]);
        if (Directory.Exists(theme["node_modules"])) Directory.Delete(theme["node_modules"], recursive: true);
        using var input = SearchableFixture();
        using var out_ = new TempDir();
        var result = SiteBuilder.Build(Builds.Options(input.Path, out_["site"]) with { ThemeDir = theme.Path, Search = true });
        var d = Assert.Single(result.Diagnostics, d => d.Code == Codes.SearchIndexer);
        Assert.Contains("no package.json pinning Pagefind", d.Message);
        Assert.Contains("--no-search", d.Hint);
        Assert.False(Directory.Exists(out_["site"]));
    }

    [Fact]
    public void The_search_index_is_built_on_the_staged_output_when_pagefind_is_installed()
    {
        Assert.True(Directory.Exists(Path.Combine(Repo.Theme, "node_modules", "@pagefind")),
            "Pagefind is not installed: run 'npm ci' in theme/ (./scripts/test and the first build do this)");
        using var input = SearchableFixture();
        using var out_ = new TempDir();
        var result = SiteBuilder.Build(Builds.Options(input.Path, out_["site"]) with { Search = true });
        Assert.True(result.Success, Builds.Errors(result));
        Assert.True(File.Exists(Path.Combine(out_["site"], "pagefind", "pagefind.js")));
        Assert.Contains(result.Stages, s => s.Stage == "search index");
    }

    [Fact]
    public void A_search_indexer_that_hangs_is_stopped_and_the_build_fails_with_the_output_untouched()
    {
        if (OperatingSystem.IsWindows()) return;
        using var theme = TempDir.CopyOf(Repo.Theme);
        var fake = theme["node_modules/@pagefind/fake/bin/pagefind"];
        theme.Write("node_modules/@pagefind/fake/bin/pagefind", "#!/bin/sh\nsleep 120\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var input = SearchableFixture();
        using var out_ = new TempDir();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = SiteBuilder.Build(Builds.Options(input.Path, out_["site"]) with { ThemeDir = theme.Path, Search = true, ToolTimeout = TimeSpan.FromSeconds(2) });
        clock.Stop();
        var d = Assert.Single(result.Diagnostics, d => d.Code == Codes.SearchIndexer);
        Assert.Contains("did not finish within 2 seconds", d.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed.TotalSeconds:0} s");
        Assert.False(Directory.Exists(out_["site"]));
        Assert.False(Directory.Exists(out_["site"] + ".staging"));
    }
}
