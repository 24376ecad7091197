using System.Text.RegularExpressions;

namespace GateEdge.Tests.Docs;

/// <summary>
/// Data flows one way through the folders of src/GateEdge (docs/architecture.md): a folder may use
/// the folders below it, never one that uses it back. This lists every folder's imports from the
/// source (a <c>using GateEdge.X</c>, a name written <c>GateEdge.X.…</c>, or <c>X.Type</c> for a type
/// folder X declares) and fails on any cycle, naming the files that close it.
/// </summary>
public sealed partial class FolderImportTests
{
    private static readonly string Source = RepoRoot.File("src", "GateEdge");

    [Fact]
    public void No_folder_of_the_gateway_imports_one_that_imports_it()
    {
        var imports = FolderImports();
        var cycles = Cycles(imports.Keys.Select(k => k.From).Concat(imports.Keys.Select(k => k.To)).Distinct(), imports.Keys);

        Assert.True(cycles.Count == 0, "folder import cycles in src/GateEdge:\n" + string.Join("\n", cycles.Select(cycle =>
            string.Join("\n", cycle.Zip(cycle.Skip(1).Append(cycle[0]), (from, to) => $"  {from} -> {to}: {string.Join(", ", imports[(from, to)].Take(3))}")) + "\n")));
    }

    [Fact]
    public void Only_the_entry_point_is_declared_at_the_root_where_every_folder_would_see_it_unimported()
    {
        var rooted = Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Generated(f) && RootNamespace().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Source, f))
            .Where(f => f != "Program.cs");

        Assert.Empty(rooted);
    }

    [Fact]
    public void The_listing_sees_each_way_a_folder_is_imported()
    {
        // The rule above holds only if the listing finds imports: one of each kind it reads.
        var imports = FolderImports();

        Assert.Contains("Hosting/GatewayHost.cs", imports[("Hosting", "Lanes")]);                 // using GateEdge.Lanes;
        Assert.Contains("Configuration/ConfigurationLoader.cs", imports[("Configuration", "Rules")]); // Rules.RulePolicy
    }

    /// <summary>(importing folder, imported folder) → the files that import.</summary>
    private static Dictionary<(string From, string To), List<string>> FolderImports()
    {
        var files = Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories).Where(f => !Generated(f))
            .Select(f => (Path: Path.GetRelativePath(Source, f).Replace('\\', '/'), Text: Comment().Replace(File.ReadAllText(f), "")))
            .Where(f => f.Path.Contains('/'))
            .ToList();
        var declared = files.GroupBy(f => Folder(f.Path))
            .ToDictionary(g => g.Key, g => g.SelectMany(f => Declaration().Matches(f.Text).Select(m => m.Groups[1].Value)).ToHashSet());

        var imports = new Dictionary<(string, string), List<string>>();
        foreach (var (path, text) in files)
        {
            string from = Folder(path);
            var to = Qualified().Matches(text).Select(m => m.Groups[1].Value)
                .Concat(Relative().Matches(text).Where(m => declared.TryGetValue(m.Groups[1].Value, out var types) && types.Contains(m.Groups[2].Value)).Select(m => m.Groups[1].Value))
                .Where(folder => folder != from && declared.ContainsKey(folder))
                .Distinct();
            foreach (var folder in to)
            {
                (imports.TryGetValue((from, folder), out var list) ? list : imports[(from, folder)] = []).Add(path);
            }
        }

        return imports;
    }

    /// <summary>Every strongly connected set of folders larger than one, as a cycle through it.</summary>
    private static List<List<string>> Cycles(IEnumerable<string> folders, IEnumerable<(string From, string To)> edges)
    {
        var next = edges.ToLookup(e => e.From, e => e.To);
        var cycles = new List<List<string>>();
        var settled = new HashSet<string>();
        foreach (var start in folders.Order(StringComparer.Ordinal))
        {
            // A path from start back to start, through folders not yet settled: breadth first, so the shortest.
            var cameFrom = new Dictionary<string, string>();
            var queue = new Queue<string>([start]);
            while (queue.Count > 0 && !cameFrom.ContainsKey(start))
            {
                var at = queue.Dequeue();
                foreach (var to in next[at].Where(t => !settled.Contains(t) && !cameFrom.ContainsKey(t)))
                {
                    cameFrom[to] = at;
                    queue.Enqueue(to);
                }
            }

            if (cameFrom.ContainsKey(start))
            {
                var cycle = new List<string>();
                for (var at = cameFrom[start]; at != start; at = cameFrom[at])
                {
                    cycle.Insert(0, at);
                }

                cycles.Add([start, .. cycle]);
            }

            settled.Add(start);
        }

        return cycles;
    }

    private static string Folder(string relativePath) => relativePath.Split('/')[0];

    private static bool Generated(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    /// <summary>A comment names what it likes (a folder above, for the reader); the code's imports are what count.</summary>
    [GeneratedRegex(@"(?<![:""])//.*$", RegexOptions.Multiline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\bGateEdge\.([A-Z]\w*)")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"(?<![\w.])([A-Z]\w*)\.([A-Z]\w*)")]
    private static partial Regex Relative();

    [GeneratedRegex(@"\b(?:class|struct|interface|enum|record)\s+([A-Z]\w*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"^namespace GateEdge\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex RootNamespace();
}
