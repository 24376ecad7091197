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
        Assert.True(File.Exists(Path.Combine(Root, "etc", "udev", "rules.d", "99-gateedge.rules.example")));
        Assert.False(File.Exists(Path.Combine(Root, "etc", "udev", "rules.d", "99-gateedge.rules")), "example rules are never live as shipped");
        Assert.True(File.Exists(Path.Combine(Root, "opt", "gateedge", "docs", "rules.md")));
        Assert.Contains("Type=notify", File.ReadAllText(Path.Combine(Root, "etc", "systemd", "system", "gateedge.service")), StringComparison.Ordinal);
        Assert.Equal("/opt/gateedge/GateEdge", new FileInfo(Path.Combine(Root, "usr", "local", "bin", "gateedge")).LinkTarget);

        var udev = Path.Combine(Root, "etc", "udev", "rules.d", "99-gateedge.rules");
        File.WriteAllText(udev, "# the technician's adapters\n");
        File.WriteAllText(config, "// edited by the technician\n");
        File.WriteAllText(Path.Combine(published, "GateEdge"), "#!/bin/sh\necho v2\n");
        File.Delete(Path.Combine(published, "old-only.dll"));
        Assert.Equal(0, Install(published));

        Assert.Equal("// edited by the technician\n", File.ReadAllText(config));
        Assert.Equal("# the technician's adapters\n", File.ReadAllText(udev));
        Assert.Contains("echo v2", File.ReadAllText(Path.Combine(Root, "opt", "gateedge", "GateEdge")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Root, "opt", "gateedge", "old-only.dll")));
        Assert.False(Directory.Exists(Path.Combine(Root, "opt", "gateedge.old")));
    }

    /// <summary>The recipe of the technician's guide: both releases build native (no .NET needed on the box), and the x64 one installs and runs from the root.</summary>
    [Fact]
    public async Task The_published_releases_install_and_the_installed_gateway_checks_its_example_configuration()
    {
        var output = await NativeRelease.FolderAsync();
        Assert.Equal(0xB7, ElfMachine(Path.Combine(output, "linux-arm64", "GateEdge")));
        Assert.Equal(0x3E, ElfMachine(Path.Combine(output, "linux-x64", "GateEdge")));
        // Native: the runtime is compiled in, not carried beside it, and the debug symbols stay out of the package.
        Assert.All(new[] { "linux-x64", "linux-arm64" }, rid =>
        {
            Assert.False(File.Exists(Path.Combine(output, rid, "libcoreclr.so")), $"{rid} carries a JIT runtime");
            Assert.Empty(Directory.GetFiles(Path.Combine(output, rid), "*.dbg"));
        });
        Assert.True(File.Exists(Path.Combine(output, "gateedge_0.4.0_amd64.deb")));
        Assert.True(File.Exists(Path.Combine(output, "gateedge_0.4.0_arm64.deb")));
        Assert.Equal(0, Install(Path.Combine(output, "linux-x64")));

        var installed = Path.Combine(Root, "opt", "gateedge", "GateEdge");
        var config = Path.Combine(Root, "etc", "gateedge", "gateedge.json");
        var (exit, printed) = RunInstalled(installed, "config", "check", config);
        Assert.Equal(2, exit);
        Assert.Contains("Mqtt.CaFile: /etc/gateedge/broker-ca.pem does not exist", printed, StringComparison.Ordinal);
        Assert.Contains("Mqtt.PasswordFile: /etc/gateedge/mqtt-password does not exist", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_folder_without_the_published_gateway_or_a_file_for_a_folder()
    {
        Assert.Equal(2, Install(_dir));
        var file = Path.Combine(_dir, "GateEdge");
        File.WriteAllText(file, "");
        Assert.Equal(2, Install(file));
        Assert.False(Directory.Exists(Path.Combine(Root, "opt")));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>e_machine of an ELF executable: 0x3E x86-64, 0xB7 AArch64.</summary>
    private static int ElfMachine(string path)
    {
        var header = File.ReadAllBytes(path).AsSpan(0, 20);
        Assert.True(header[..4].SequenceEqual("\u007fELF"u8), $"{path} is not an ELF executable");
        return header[18] | (header[19] << 8);
    }

    private static (int Exit, string Output) RunInstalled(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

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
