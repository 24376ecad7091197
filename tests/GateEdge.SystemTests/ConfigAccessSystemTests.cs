using System.Runtime.Versioning;
using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// <c>config check</c> run with sudo, as technicians do, asks as the service's user whether it can
/// read the files and write the state folder (root itself can do both); run by a user who may not
/// enter a folder, it says "permission denied", not "does not exist".
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ConfigAccessSystemTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-access-").FullName;

    private string Config => Path.Combine(_dir, "gateedge.json");

    public ConfigAccessSystemTests()
    {
        File.SetUnixFileMode(_dir, (UnixFileMode)0b111_101_101);
        Directory.CreateDirectory(Path.Combine(_dir, "private"));
        Directory.CreateDirectory(Path.Combine(_dir, "state"));
        File.WriteAllText(Path.Combine(_dir, "private", "registry.json"), """{ "persons": [] }""");
        File.WriteAllText(Config, """
            {
              "Gateway": { "Id": "gw-1", "CompoundId": "c-1", "GateId": "north", "StateDirectory": "state" },
              "Mqtt": { "Host": "127.0.0.1" },
              "Devices": { "IdCardReaders": [ { "Name": "reader", "Port": "/dev/serial/by-id/r" } ], "SerialIrThermometers": [ { "Name": "thermo", "Port": "/dev/serial/by-id/t" } ] },
              "Outputs": { "Driver": "Simulated" },
              "Rules": { "MaskRequired": false },
              "Registry": { "SeedFile": "private/registry.json" },
              "Lanes": [ { "Id": "lane1", "Direction": "In", "CardReaders": [ "reader" ], "Thermometer": "thermo" } ]
            }
            """);
        File.SetUnixFileMode(Config, (UnixFileMode)0b110_100_100);
        // Only their owner may enter.
        File.SetUnixFileMode(Path.Combine(_dir, "private"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(Path.Combine(_dir, "state"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task Run_as_root_it_names_what_the_service_user_cannot_read_or_write()
    {
        await using var check = ChildProcess.Start("dotnet", new Dictionary<string, string> { ["GATEEDGE_SERVICE_USER"] = "nobody" }, RepoPaths.GateEdgeDll, "config", "check", Config);
        int exit = await check.ExitCodeAsync(TimeSpan.FromSeconds(60));
        if (Environment.UserName != "root")
        {
            // Only root can ask as another user; the owner of every file here has nothing to be told.
            Assert.Equal((0, false), (exit, check.Output.Contains("nobody", StringComparison.Ordinal)));
            return;
        }

        Assert.Equal(2, exit);
        Assert.Contains($"Registry.SeedFile: {_dir}/private/registry.json cannot be read by nobody, the user the service runs as", check.Output, StringComparison.Ordinal);
        Assert.Contains($"Gateway.StateDirectory: {_dir}/state cannot be written by nobody, the user the service runs as", check.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("gateedge.json cannot be read", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_by_a_user_kept_out_of_a_folder_it_says_permission_denied_not_missing()
    {
        if (Environment.UserName != "root")
        {
            // Not root: this user is kept out of a folder of its own.
            File.SetUnixFileMode(Path.Combine(_dir, "private"), UnixFileMode.None);
            await using var own = ChildProcess.Start("dotnet", RepoPaths.GateEdgeDll, "config", "check", Config);
            Assert.Equal(2, await own.ExitCodeAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains($"Registry.SeedFile: {_dir}/private/registry.json cannot be reached by {Environment.UserName}: permission denied", own.Output, StringComparison.Ordinal);
            File.SetUnixFileMode(Path.Combine(_dir, "private"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return;
        }

        // Root enters every folder: the test runs the check as nobody, who must be able to run the gateway from this checkout.
        await using (var reach = ChildProcess.Start("setpriv", "--reuid", "nobody", "--regid", "nogroup", "--clear-groups", "--", "test", "-r", RepoPaths.GateEdgeDll))
        {
            Assert.True(await reach.ExitCodeAsync(TimeSpan.FromSeconds(10)) == 0, $"nobody cannot read {RepoPaths.GateEdgeDll}: clone the repository where every user may read it");
        }

        await using var check = ChildProcess.Start("setpriv", new Dictionary<string, string> { ["HOME"] = _dir, ["DOTNET_CLI_HOME"] = _dir },
            "--reuid", "nobody", "--regid", "nogroup", "--clear-groups", "--", "dotnet", RepoPaths.GateEdgeDll, "config", "check", Config);

        Assert.Equal(2, await check.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains($"Registry.SeedFile: {_dir}/private/registry.json cannot be reached by nobody: permission denied", check.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", check.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
