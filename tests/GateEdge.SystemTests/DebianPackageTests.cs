using System.Diagnostics;
using GateEdge.SystemTests.Support;

namespace GateEdge.SystemTests;

/// <summary>
/// The Debian package, built from a stand-in release and installed with the real dpkg into a
/// scratch root (<c>--root</c>, maintainer scripts run without chroot, honouring DPKG_ROOT):
/// the layout, the conffiles, the unit enabled with no systemd running (as in an image build), an
/// upgrade that keeps the technician's edits, a remove that keeps what the gateway recorded, and a
/// purge that leaves nothing of the package behind. The packages of the real native releases pass
/// lintian without an error. Nothing outside the test's folder is touched.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DebianPackageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-deb-").FullName;

    private string Root => Path.Combine(_dir, "root");

    private string EnabledLink => Path.Combine(Root, "etc", "systemd", "system", "multi-user.target.wants", "gateedge.service");

    [Fact]
    public void Installs_upgrades_keeping_edited_configuration_removes_keeping_records_and_purges_them()
    {
        PrepareRoot();
        Assert.Equal(0, Dpkg("-i", Package("v1")));

        Assert.Equal("v1", Output(Path.Combine(Root, "usr", "lib", "gateedge", "GateEdge")));
        Assert.Equal("../lib/gateedge/GateEdge", new FileInfo(Path.Combine(Root, "usr", "bin", "gateedge")).LinkTarget);
        var unit = File.ReadAllText(Path.Combine(Root, "usr", "lib", "systemd", "system", "gateedge.service"));
        Assert.Contains("ExecStart=/usr/lib/gateedge/GateEdge --config /etc/gateedge/gateedge.json", unit, StringComparison.Ordinal);
        Assert.Contains("\nMemoryDenyWriteExecute=true\n", unit, StringComparison.Ordinal);
        Assert.Equal("/usr/lib/systemd/system/gateedge.service", new FileInfo(EnabledLink).LinkTarget);
        Assert.True(File.Exists(Path.Combine(Root, "usr", "share", "doc", "gateedge", "zh-CN", "technician-guide.md")));
        Assert.True(File.Exists(Path.Combine(Root, "usr", "share", "man", "zh_CN", "man1", "gateedge.1.gz")), "the manual page in Chinese");
        Assert.True(File.Exists(Path.Combine(Root, "usr", "share", "doc", "gateedge", "examples", "99-gateedge.rules")));
        Assert.False(Directory.Exists(Path.Combine(Root, "etc", "udev")), "udev rules name one box's adapters: they ship as an example, never live");
        Assert.True(Directory.Exists(Path.Combine(Root, "var", "lib", "gateedge")), "postinst made the state folder");
        Assert.Equal(["/etc/gateedge/gateedge.json", "/etc/gateedge/registry.json", "/etc/gateedge/gateedge.schema.json"],
            File.ReadAllLines(Path.Combine(Root, "var", "lib", "dpkg", "info", "gateedge.conffiles")));

        var config = Path.Combine(Root, "etc", "gateedge", "gateedge.json");
        var journal = Path.Combine(Root, "var", "lib", "gateedge", "journal.db");
        File.AppendAllText(config, "// edited by the technician\n");
        File.WriteAllText(journal, "recorded attempts");
        Assert.Equal(0, Dpkg("-i", Package("v2")));
        Assert.Equal("v2", Output(Path.Combine(Root, "usr", "lib", "gateedge", "GateEdge")));
        Assert.EndsWith("// edited by the technician\n", File.ReadAllText(config), StringComparison.Ordinal);

        Assert.Equal(0, Dpkg("--remove", "gateedge"));
        Assert.False(File.Exists(Path.Combine(Root, "usr", "lib", "gateedge", "GateEdge")));
        Assert.True(File.Exists(config), "a remove keeps the configuration");
        Assert.True(File.Exists(journal), "a remove keeps what the gateway recorded");

        Assert.Equal(0, Dpkg("--purge", "gateedge"));
        Assert.False(File.Exists(config));
        Assert.False(Directory.Exists(Path.Combine(Root, "var", "lib", "gateedge")));
        // Nothing of the package is left: only dpkg's own records and empty folders.
        var left = Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories)
            .Where(e => !Directory.Exists(e) || new DirectoryInfo(e).LinkTarget is not null)
            .Select(e => Path.GetRelativePath(Root, e))
            .Where(e => !e.StartsWith("var/lib/dpkg/", StringComparison.Ordinal) && !e.StartsWith("var/lib/systemd/deb-systemd-helper-", StringComparison.Ordinal));
        Assert.Empty(left);
    }

    [Fact]
    public async Task The_packages_of_the_native_releases_pass_lintian_without_an_error()
    {
        var packages = Directory.GetFiles(await NativeRelease.FolderAsync(), "gateedge_*.deb");
        Assert.Equal(2, packages.Length);

        // Errors only: warnings (no manual page) are advice.
        Assert.Equal(0, Run(out var report, "lintian", ["--fail-on", "error", .. packages]));
        Assert.DoesNotContain("E: ", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_to_pack_a_folder_without_a_published_gateway_or_an_unknown_architecture()
    {
        Assert.Equal(2, Run(out _, Path.Combine(RepoPaths.Root, "deploy", "debian", "build-deb.sh"), _dir, "amd64", Path.Combine(_dir, "out")));
        Assert.Equal(2, Run(out _, Path.Combine(RepoPaths.Root, "deploy", "debian", "build-deb.sh"), Published("v1"), "x86", Path.Combine(_dir, "out")));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>An empty dpkg database below the root: the package's dependencies are not there, so they are forced.</summary>
    private void PrepareRoot()
    {
        Directory.CreateDirectory(Path.Combine(Root, "var", "lib", "dpkg", "info"));
        Directory.CreateDirectory(Path.Combine(Root, "var", "lib", "dpkg", "updates"));
        File.WriteAllText(Path.Combine(Root, "var", "lib", "dpkg", "status"), "");
    }

    /// <summary>A release whose GateEdge only says which one it is.</summary>
    private string Published(string version)
    {
        var published = Path.Combine(_dir, "published-" + version);
        Directory.CreateDirectory(published);
        File.WriteAllText(Path.Combine(published, "GateEdge"), $"#!/bin/sh\necho {version}\n");
        File.SetUnixFileMode(Path.Combine(published, "GateEdge"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return published;
    }

    private string Package(string version)
    {
        Assert.Equal(0, Run(out var deb, Path.Combine(RepoPaths.Root, "deploy", "debian", "build-deb.sh"), Published(version), "amd64", Path.Combine(_dir, "out-" + version)));
        return deb.Trim();
    }

    private int Dpkg(params string[] args) =>
        Run(out _, "dpkg", ["--root=" + Root, "--force-script-chrootless", "--force-depends", "--log=/dev/null", .. args]);

    private static string Output(string file)
    {
        Assert.Equal(0, Run(out var output, file));
        return output.Trim();
    }

    private static int Run(out string output, string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        output += error.Result;
        return process.ExitCode;
    }
}
