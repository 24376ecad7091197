using System.Diagnostics;
using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>deploy/install.sh against a temporary root: it installs everything, and running it again keeps the technician's files.</summary>
public sealed class InstallScriptTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-install-").FullName;

    private string Root => Path.Combine(_dir, "root");

    [Fact]
    public void Installs_below_a_root_and_a_rerun_replaces_binaries_but_keeps_the_configuration()
    {
        var published = Path.Combine(_dir, "published");
        Directory.CreateDirectory(published);
        File.WriteAllText(Path.Combine(published, "GateEdge"), "#!/bin/sh\necho v1\n");
        File.WriteAllText(Path.Combine(published, "old-only.dll"), "");
        Run("chmod", "+x", Path.Combine(published, "GateEdge"));

        Assert.Equal(0, Install(published));
        var config = Path.Combine(Root, "etc", "gateedge", "gateedge.json");
        Assert.True(File.Exists(config));
        Assert.True(File.Exists(Path.Combine(Root, "etc", "gateedge", "gateedge.json.example")));
        Assert.True(File.Exists(Path.Combine(Root, "etc", "systemd", "system", "gateedge.service")));
        Assert.True(File.Exists(Path.Combine(Root, "etc", "udev", "rules.d", "99-gateedge.rules")));
        Assert.True(File.Exists(Path.Combine(Root, "opt", "gateedge", "docs", "rules.md")));
        Assert.Contains("Type=notify", File.ReadAllText(Path.Combine(Root, "etc", "systemd", "system", "gateedge.service")), StringComparison.Ordinal);

        File.WriteAllText(config, "// edited by the technician\n");
        File.WriteAllText(Path.Combine(published, "GateEdge"), "#!/bin/sh\necho v2\n");
        File.Delete(Path.Combine(published, "old-only.dll"));
        Assert.Equal(0, Install(published));

        Assert.Equal("// edited by the technician\n", File.ReadAllText(config));
        Assert.Contains("echo v2", File.ReadAllText(Path.Combine(Root, "opt", "gateedge", "GateEdge")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Root, "opt", "gateedge", "old-only.dll")));
        Assert.False(Directory.Exists(Path.Combine(Root, "opt", "gateedge.old")));
    }

    [Fact]
    public void Refuses_a_folder_without_the_published_gateway() =>
        Assert.Equal(1, Install(_dir));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private int Install(string published) => Run("bash", Path.Combine(RepoPaths.Root, "deploy", "install.sh"), published, "--root", Root);

    private static int Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }
}
