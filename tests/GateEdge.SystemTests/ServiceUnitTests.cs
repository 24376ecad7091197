using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>The systemd unit as systemd itself judges it, offline: hardened well enough, and not restarting into a configuration that cannot run.</summary>
public sealed partial class ServiceUnitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-unit-").FullName;

    [Fact]
    public void Systemd_scores_the_unit_at_most_4_of_10_exposed_and_it_waits_out_a_bad_configuration()
    {
        var unit = Path.Combine(_dir, "gateedge.service");
        File.Copy(Path.Combine(RepoPaths.Root, "deploy", "gateedge.service"), unit);
        var info = new ProcessStartInfo("systemd-analyze") { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "security", "--offline=true", "--no-pager", unit })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();

        var score = Score().Match(output);
        Assert.True(score.Success, output);
        Assert.InRange(double.Parse(score.Groups[1].Value, CultureInfo.InvariantCulture), 0, 4.0);
        Assert.Contains("RestartPreventExitStatus=2", File.ReadAllText(unit), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [GeneratedRegex(@"Overall exposure level for gateedge\.service: (\d+\.\d+)")]
    private static partial Regex Score();
}
