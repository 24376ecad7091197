namespace GateEdge.TestSupport;

/// <summary>The checkout the tests run from, found by walking up to GateEdge.sln: for the docs and schemas a test holds the code to.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    /// <summary>A file of the checkout, by its path relative to the root.</summary>
    public static string File(params string[] relative) => System.IO.Path.Combine([Path, .. relative]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "GateEdge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("GateEdge.sln not found above the test binaries");
    }
}
