namespace GateEdge.Cli;

/// <summary>
/// Where a guide is on this box, for a message that points a technician at it: the Debian
/// package's /usr/share/doc/gateedge, the docs folder deploy/install.sh puts beside the gateway,
/// or, on a machine with neither (a developer's), the source tree's docs/.
/// </summary>
internal static class InstalledDocs
{
    public static string Path(string guide) =>
        new[] { System.IO.Path.Combine("/usr/share/doc/gateedge", guide), System.IO.Path.Combine(AppContext.BaseDirectory, "docs", guide) }
            .FirstOrDefault(File.Exists) ?? $"docs/{guide} in the GateEdge source";
}
