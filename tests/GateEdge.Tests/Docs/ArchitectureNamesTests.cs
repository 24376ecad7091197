using System.Reflection;
using System.Text.RegularExpressions;

namespace GateEdge.Tests.Docs;

/// <summary>
/// docs/architecture.md walks the code by name: every type, member, file and folder it cites in
/// backticks must exist, so the walk cannot drift from the code unnoticed.
/// </summary>
public sealed partial class ArchitectureNamesTests
{
    private static readonly Assembly[] Products = [typeof(GateEdge.Hosting.GatewayHost).Assembly, typeof(GateEdge.Simulator.Script.SimulatorScript).Assembly, typeof(GateEdge.Centre.Ingest.IngestWorker).Assembly];

    // Named outside GateEdge: the runtime's and the libraries' types (Linux's constants and paths are skipped by their shape).
    private static readonly HashSet<string> Outside = ["TimeProvider", "TimeProvider.GetTimestamp", "Serilog", "System.Diagnostics.Metrics"];

    [Fact]
    public void Every_name_the_architecture_walk_cites_exists()
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "architecture.md"));
        var types = Products.SelectMany(a => a.GetTypes()).ToLookup(t => t.Name.Split('`')[0]);
        var missing = new List<string>();
        foreach (var cited in Backticked().Matches(text).Select(m => m.Groups[1].Value).Distinct())
        {
            if (Outside.Contains(cited) || Constant().IsMatch(cited) || cited.StartsWith('/'))
            {
                continue;
            }

            bool found = cited.Contains('/') || cited.EndsWith(".cs", StringComparison.Ordinal) ? PathExists(cited)
                : TypeOrMember().IsMatch(cited) ? TypeOrMemberExists(cited, types) || PathExists(cited)
                : true; // a command line, a file name or a value: not a code name
            if (!found)
            {
                missing.Add(cited);
            }
        }

        Assert.True(missing.Count == 0, "docs/architecture.md cites what does not exist: " + string.Join(", ", missing));
    }

    private static bool TypeOrMemberExists(string cited, ILookup<string, Type> types)
    {
        var parts = cited.Split('.');
        if (!types.Contains(parts[0]))
        {
            return parts[0].EndsWith("Tests", StringComparison.Ordinal) && SourceDeclares(parts[0]);
        }

        const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        return parts.Length == 1 || types[parts[0]].Any(t => t.GetMember(parts[1], Any).Length > 0 || t.GetNestedType(parts[1], Any) is not null);
    }

    /// <summary>A folder or file under src/ (or tests/), cited whole or by its tail, with … standing for "anything below".</summary>
    private static bool PathExists(string cited)
    {
        var tail = cited.Replace("…", "", StringComparison.Ordinal).TrimEnd('/');
        var roots = new[] { "src", "tests", "" }.Select(r => Path.Combine(RepoRoot.Path, r));
        return roots.Any(root => Directory.Exists(Path.Combine(root, tail)) || File.Exists(Path.Combine(root, tail)) || File.Exists(Path.Combine(root, tail + ".cs"))
            || Directory.EnumerateFileSystemEntries(Path.Combine(RepoRoot.Path, "src"), "*", SearchOption.AllDirectories)
                .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
                .Any(p => p.EndsWith("/" + tail, StringComparison.Ordinal) || p.EndsWith("/" + tail + ".cs", StringComparison.Ordinal) || MemberPath(p, tail)));
    }

    /// <summary><c>Devices/DeviceFamilies.All</c>: a file and a member of its type.</summary>
    private static bool MemberPath(string path, string tail) =>
        tail.LastIndexOf('.') is var dot and > 0 && path.EndsWith("/" + tail[..dot] + ".cs", StringComparison.Ordinal)
        && File.ReadAllText(path).Contains(tail[(dot + 1)..], StringComparison.Ordinal);

    private static bool SourceDeclares(string type) =>
        Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, "tests"), type + ".cs", SearchOption.AllDirectories).Any();

    [GeneratedRegex("`([^`\\n]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*(\\.[A-Z][A-Za-z0-9]*)?$")]
    private static partial Regex TypeOrMember();

    [GeneratedRegex("^[A-Z_]+$")]
    private static partial Regex Constant();
}
