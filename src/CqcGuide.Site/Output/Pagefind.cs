using System.Diagnostics;

namespace CqcGuide.Site.Output;

/// <summary>
/// Runs Pagefind (pinned in theme/package.json) on the staged site. On first use it installs the theme's
/// front-end tools with <c>npm ci</c>. Missing Node or npm is an error that says how to install them.
/// </summary>
public static class Pagefind
{
    public static bool Run(string themeDir, string siteDir, DiagnosticBag diagnostics, IProgress<string>? progress, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromMinutes(10);
        var packageJson = Path.Combine(themeDir, "package.json");
        var at = SourceSpan.File(SourceSpan.DisplayPath(packageJson));
        var binary = FindBinary(themeDir);
        if (binary is null)
        {
            if (!File.Exists(packageJson))
            {
                diagnostics.Error(Codes.SearchIndexer, "search is on but the theme has no package.json pinning Pagefind", at, "build with --no-search, or restore theme/package.json");
                return false;
            }
            progress?.Report("installing front-end tools (npm ci, first run only)");
            var (npmOk, npmOutput) = Exec("npm", ["ci", "--omit=dev", "--no-audit", "--no-fund"], themeDir, limit);
            if (!npmOk)
            {
                diagnostics.Error(Codes.SearchIndexer, "could not install Pagefind with npm: " + npmOutput.Trim(), at,
                    npmOutput.Contains("not found", StringComparison.OrdinalIgnoreCase) || npmOutput.Contains("No such file", StringComparison.OrdinalIgnoreCase)
                        ? "install Node.js 20+ and npm (Debian: sudo apt-get install nodejs npm), or build with --no-search"
                        : $"run 'npm ci' in {themeDir} to see the full error, or build with --no-search");
                return false;
            }
            binary = FindBinary(themeDir);
            if (binary is null)
            {
                diagnostics.Error(Codes.SearchIndexer, "npm ci finished but Pagefind's binary is missing", at, $"run 'npm ci' in {themeDir} and check node_modules/@pagefind");
                return false;
            }
        }
        progress?.Report("indexing for search (Pagefind)");
        var (ok, output) = Exec(binary, ["--site", siteDir, "--quiet"], themeDir, limit);
        if (!ok)
        {
            diagnostics.Error(Codes.SearchIndexer, "Pagefind failed: " + output.Trim(), at, "build with --no-search to skip the search index");
            return false;
        }
        return true;
    }

    /// <summary>The platform binary inside @pagefind/&lt;platform&gt; (runs without Node), else the npm shim.</summary>
    private static string? FindBinary(string themeDir)
    {
        var modules = Path.Combine(themeDir, "node_modules", "@pagefind");
        if (Directory.Exists(modules))
        {
            foreach (var dir in Directory.EnumerateDirectories(modules).Order(StringComparer.Ordinal))
            {
                foreach (var name in new[] { "bin/pagefind", "bin/pagefind_extended" })
                {
                    var candidate = Path.Combine(dir, name);
                    if (File.Exists(candidate)) return candidate;
                }
            }
        }
        var shim = Path.Combine(themeDir, "node_modules", ".bin", "pagefind");
        return File.Exists(shim) ? shim : null;
    }

    /// <summary>Runs a tool, stopping it (and everything it started) when it runs longer than <paramref name="timeout"/>:
    /// a hung npm or indexer fails the build with CG901 instead of hanging it.</summary>
    internal static (bool Ok, string Output) Exec(string file, string[] args, string workingDirectory, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(psi)!;
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                try { process.Kill(entireProcessTree: true); }
                catch (InvalidOperationException) { } // it ended just now
                process.WaitForExit(TimeSpan.FromSeconds(10));
                return (false, $"{Path.GetFileName(file)} did not finish within {timeout.TotalSeconds:0} seconds and was stopped");
            }
            process.WaitForExit();
            var output = (stderr.Wait(TimeSpan.FromSeconds(10)) ? stderr.Result : "") + (stdout.Wait(TimeSpan.FromSeconds(10)) ? stdout.Result : "");
            return (process.ExitCode == 0, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (false, $"{file}: not found ({e.Message})");
        }
    }
}
