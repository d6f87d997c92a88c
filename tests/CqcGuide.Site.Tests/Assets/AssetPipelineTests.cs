using System.Text;
using CqcGuide.Site.Assets;

namespace CqcGuide.Site.Tests.Assets;

public class AssetPipelineTests
{
    private static AssetPipeline With(params (string Name, string Text)[] files)
    {
        var assets = new AssetPipeline();
        foreach (var (name, text) in files) assets.Add(name, Encoding.UTF8.GetBytes(text), name);
        return assets;
    }

    [Fact]
    public void Modules_get_hashed_names_and_their_imports_follow_them()
    {
        var assets = With(("js/site.js", "import('./a.js');\nimport { x } from \"./lib/b.js\";\n"), ("js/a.js", "export const a = 1;"), ("js/lib/b.js", "export const x = 2;"));
        var bag = new DiagnosticBag();
        assets.Build(bag);
        Assert.Empty(bag.Sorted());
        var site = Encoding.UTF8.GetString(assets.Built.Single(a => a.LogicalName == "js/site.js").Bytes);
        var a = Path.GetFileName(assets.OutputPathOf("js/a.js")!);
        var b = Path.GetFileName(assets.OutputPathOf("js/lib/b.js")!);
        Assert.Matches(@"^a\.[0-9a-f]{10}\.js$", a);
        Assert.Contains($"import('./{a}')", site);
        Assert.Contains($"from \"./lib/{b}\"", site);

        // A change to a dependency changes the name of every module that imports it.
        var changed = With(("js/site.js", "import('./a.js');\nimport { x } from \"./lib/b.js\";\n"), ("js/a.js", "export const a = 1;"), ("js/lib/b.js", "export const x = 3;"));
        changed.Build(new DiagnosticBag());
        Assert.NotEqual(assets.OutputPathOf("js/site.js"), changed.OutputPathOf("js/site.js"));
        Assert.Equal(assets.OutputPathOf("js/a.js"), changed.OutputPathOf("js/a.js"));
    }

    [Fact]
    public void An_import_cycle_and_a_missing_module_are_errors()
    {
        var bag = new DiagnosticBag();
        With(("js/a.js", "import './b.js';"), ("js/b.js", "import './a.js';"), ("js/c.js", "import './gone.js';")).Build(bag);
        Assert.Contains(bag.Sorted(), d => d.Code == Codes.AssetImportCycle);
        Assert.Contains(bag.Sorted(), d => d.Code == Codes.UnknownAsset && d.Message.Contains("gone.js"));
    }
}
