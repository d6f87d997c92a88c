namespace CqcGuide.Site.Pipeline;

/// <summary>'/'-separated relative paths inside the content folder (or the site).</summary>
public static class RelativePaths
{
    /// <summary>
    /// <paramref name="path"/> taken from <paramref name="directory"/> ("" at the top), with "." and empty segments
    /// dropped and ".." applied: e.g. ("guidance/topic", "../../checklists/a.md") is "checklists/a.md". Null when the
    /// path climbs above the top. The text is not decoded.
    /// </summary>
    public static string? Normalise(string directory, string path)
    {
        var parts = new List<string>(directory.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in path.Split('/'))
        {
            if (part is "." or "") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
