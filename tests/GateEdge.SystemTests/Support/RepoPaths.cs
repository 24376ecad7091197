namespace GateEdge.SystemTests.Support;

/// <summary>Where the built GateEdge and simulator binaries are, in the configuration the tests were built in.</summary>
internal static class RepoPaths
{
    public static string Root => TestSupport.RepoRoot.Path;

    // tests/GateEdge.SystemTests/bin/<Configuration>/net10.0/
    private static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    public static string GateEdgeDll => Binary("GateEdge");

    public static string SimulatorDll => Binary("GateEdge.Simulator");

    /// <summary>The reference centre, <c>gateedge-centre</c>.</summary>
    public static string CentreDll => Binary("GateEdge.Centre", "gateedge-centre");

    private static string Binary(string project, string? assembly = null)
    {
        var path = Path.Combine(Root, "src", project, "bin", Configuration, "net10.0", (assembly ?? project) + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built; run the tests through the solution");
    }
}
