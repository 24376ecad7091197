namespace GateEdge.Cli;

/// <summary>
/// Where a guide (or an example) is on this box, for a message that points a technician at it: the Debian
/// package's /usr/share/doc/gateedge, the docs folder deploy/install.sh puts beside the gateway,
/// or, on a machine with neither (a developer's), the source tree's docs/.
/// </summary>
internal static class InstalledDocs
{
    public static string Path(string guide) =>
        new[] { System.IO.Path.Combine("/usr/share/doc/gateedge", guide), System.IO.Path.Combine(AppContext.BaseDirectory, "docs", guide) }
            .FirstOrDefault(File.Exists) ?? $"docs/{guide} in the GateEdge source";

    /// <summary>The example udev rules: the package's, install.sh's (beside the live rules, inert), or the source's.</summary>
    public static string UdevExample() =>
        new[] { "/usr/share/doc/gateedge/examples/99-gateedge.rules", "/etc/udev/rules.d/99-gateedge.rules.example" }
            .FirstOrDefault(File.Exists) ?? "deploy/99-gateedge.rules in the GateEdge source";
}
