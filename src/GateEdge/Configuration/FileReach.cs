using System.Diagnostics;
using GateEdge.Common.Messages;

namespace GateEdge.Configuration;

/// <summary>
/// Whether a file the gateway needs is there for whoever reads it. "Does not exist" only when it
/// does not: a file behind a folder the checking user may not enter is "permission denied". Run as
/// root (<c>sudo gateedge config check</c>), the check also asks as the service's user, who will read
/// the files and write the state folder: root reads everything, the service does not.
/// </summary>
internal static class FileReach
{
    /// <summary>
    /// The user the systemd unit runs the gateway as; <c>GATEEDGE_SERVICE_USER</c> names another, or
    /// <c>-</c> for none (the test suite, whose files are its own whatever is installed on the box).
    /// </summary>
    public static string? ServiceUser => Environment.GetEnvironmentVariable("GATEEDGE_SERVICE_USER") switch
    {
        "-" => null,
        { Length: > 0 } user => user,
        _ => "gateedge",
    };

    /// <summary>Null when <paramref name="file"/> is there; else what is wrong, for this user.</summary>
    public static Said? Missing(string file)
    {
        try
        {
            File.GetAttributes(file);
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return ConfigMessages.FileDenied.Say(("file", file), ("user", Environment.UserName));
        }
        catch (IOException)
        {
            return ConfigMessages.FileMissing.Say(("file", file));
        }
    }

    /// <summary>Run as root: whether the service's user can read <paramref name="file"/>; null when it can, or when this is not root or that user does not exist here.</summary>
    public static Said? UnreadableByService(string file) =>
        AsServiceUser("-r", file) == false ? ConfigMessages.ServiceCannotRead.Say(("file", file), ("user", ServiceUser)) : null;

    /// <summary>Run as root: whether the service's user can write in <paramref name="folder"/> (or the nearest folder that exists, where it will be made).</summary>
    /// <remarks>A folder not made yet is not asked about: systemd makes the service's state folder for it (StateDirectory=).</remarks>
    public static Said? UnwritableByService(string folder) =>
        Directory.Exists(folder) && AsServiceUser("-w", folder) == false ? ConfigMessages.ServiceCannotWrite.Say(("folder", folder), ("user", ServiceUser)) : null;

    /// <summary>The service's user and group, when this check runs as root and may become that user; found once a run.</summary>
    private static readonly Lazy<(string User, string Group)?> Service = new(() =>
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || ServiceUser is not { } user || Output("id", "-g", user) is not { } group)
        {
            return null;
        }

        // setpriv failing on its own (no such group, no privilege) must not read as "cannot read": it is tried first with true.
        return Run("setpriv", "--reuid", user, "--regid", group, "--init-groups", "--", "true") == 0 ? (user, group) : null;
    });

    /// <summary><c>test</c> run as the service's user (setpriv, util-linux); null when that cannot be asked.</summary>
    private static bool? AsServiceUser(string test, string path) =>
        Service.Value is var (user, group)
            ? Run("setpriv", "--reuid", user, "--regid", group, "--init-groups", "--", "test", test, path) is { } exit ? exit == 0 : null
            : null;

    private static int? Run(string file, params string[] args) => Execute(file, args).Exit;

    /// <summary>What the program printed, trimmed, when it succeeded.</summary>
    private static string? Output(string file, params string[] args) => Execute(file, args) is (0, var output) ? output.Trim() : null;

    private static (int? Exit, string Output) Execute(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            error.Wait();
            return process.WaitForExit(5000) ? (process.ExitCode, output) : (null, output);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (null, "");
        }
    }
}
