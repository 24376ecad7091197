using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>The README's first command, the demo: decisions appear, the page answers, and it cleans up after itself.</summary>
public sealed partial class DemoSystemTests
{
    [Fact]
    public async Task The_demo_decides_serves_its_page_on_the_port_asked_and_removes_its_folder_when_stopped()
    {
        await using var demo = ChildProcess.StartDotnet(RepoPaths.SimulatorDll, "demo", "--status-port", "0");
        await demo.WaitForLineAsync(" allow ", TimeSpan.FromSeconds(60));
        var banner = Banner().Match(demo.Output);
        Assert.True(banner.Success, demo.Output);

        // What the lane told the person is printed before the decision reaches the centre.
        Assert.Contains(demo.Lines, l => l.EndsWith("lane1 says “体温正常，请通行”", StringComparison.Ordinal));

        using var http = new HttpClient();
        Assert.Equal("ok\n", await http.GetStringAsync($"http://127.0.0.1:{banner.Groups["port"].Value}/healthz"));
        Assert.Contains("data-lane=\"lane1\"", await http.GetStringAsync($"http://127.0.0.1:{banner.Groups["port"].Value}/lane/lane1"), StringComparison.Ordinal);
        Assert.Equal(0, await demo.StopAsync(TimeSpan.FromSeconds(30)));
        Assert.False(Directory.Exists(banner.Groups["dir"].Value), "the demo's folder is removed when it stops");
    }

    [Fact]
    public async Task A_status_port_already_taken_is_one_line_and_the_gate_runs_on()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await using var demo = ChildProcess.StartDotnet(RepoPaths.SimulatorDll, "demo", "--status-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await demo.WaitForLineAsync(" allow ", TimeSpan.FromSeconds(60));

        Assert.Contains(demo.Lines, l => l.Contains($"The status page cannot listen on http://127.0.0.1:{port}", StringComparison.Ordinal));
        Assert.DoesNotContain(demo.Lines, l => l.Contains("   at ", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"status page http://127\.0\.0\.1:(?<port>\d+), devices and logs in (?<dir>\S+)\.")]
    private static partial Regex Banner();
}
