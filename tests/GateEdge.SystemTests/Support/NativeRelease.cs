using System.Diagnostics;

namespace GateEdge.SystemTests.Support;

/// <summary>
/// The releases deploy/publish.sh ships, native for linux-x64 and linux-arm64, built once per test
/// run (about eight minutes on two cores) and shared by the tests that install and run them, so
/// what is tested is what ships. <c>GATEEDGE_NATIVE_RELEASE</c> names a folder publish.sh filled before.
/// </summary>
internal static class NativeRelease
{
    private static readonly Lazy<Task<string>> Built = new(BuildAsync);

    /// <summary>The output folder: <c>linux-x64/</c>, <c>linux-arm64/</c> and their <c>.deb</c>s.</summary>
    public static Task<string> FolderAsync() => Built.Value;

    public static async Task<string> X64GatewayAsync() => Path.Combine(await FolderAsync(), "linux-x64", "GateEdge");

    public static async Task<string> Arm64GatewayAsync() => Path.Combine(await FolderAsync(), "linux-arm64", "GateEdge");

    private static async Task<string> BuildAsync()
    {
        // A folder deploy/publish.sh already filled (a developer re-running one test) is used as it is.
        if (Environment.GetEnvironmentVariable("GATEEDGE_NATIVE_RELEASE") is { Length: > 0 } built)
        {
            return built;
        }

        var output = Directory.CreateTempSubdirectory("gateedge-release-").FullName;
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(RepoPaths.Root, "deploy", "publish.sh"), output, "linux-x64", "linux-arm64" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output
            : throw new InvalidOperationException($"deploy/publish.sh failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
    }
}
