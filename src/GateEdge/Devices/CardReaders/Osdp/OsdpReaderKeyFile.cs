using System.Globalization;
using System.Text;
using GateEdge.Common;
using GateEdge.Devices.CardReaders.Osdp.Protocol;

namespace GateEdge.Devices.CardReaders.Osdp;

/// <summary>
/// A reader's secure channel key (SCBK) on the box: 32 hex digits in a file only the service's
/// user may read (0600), written whole or not at all. Whoever reads it can talk to the reader as
/// the gateway, so it is checked like the gateway's other secrets.
/// </summary>
internal static class OsdpReaderKeyFile
{
    /// <summary>The key, or null when the file does not exist (the reader has none yet).</summary>
    public static byte[]? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return Parse(File.ReadAllText(path)) ?? throw new DeviceProtocolException($"{path} does not hold a secure channel key (32 hex digits)");
    }

    public static void Save(string path, ReadOnlySpan<byte> key) =>
        DurableFile.Replace(path, Encoding.ASCII.GetBytes(Convert.ToHexString(key) + "\n"));

    /// <summary>
    /// Where install mode keeps a new key from before it is sent until the reader acknowledges it.
    /// Found after a stop in between, it holds the key the reader may have taken: if the reader no
    /// longer accepts install mode, rename it to the key file (docs/devices.md).
    /// </summary>
    public static string PendingPath(string keyFile) => keyFile + ".pending";

    /// <summary>The reader acknowledged its new key: the pending file becomes its key file.</summary>
    public static void Promote(string keyFile)
    {
        File.Move(PendingPath(keyFile), keyFile, overwrite: true);
        DurableFile.FlushDirectoryOf(keyFile);
    }

    /// <summary>What is wrong with the file for the configuration check: null when it is a key only this user reads, or absent in install mode.</summary>
    public static string? Problem(string path, bool installMode)
    {
        if (!File.Exists(path))
        {
            return installMode ? null : $"{path} does not exist; give the reader its key once with \"InstallMode\": true";
        }

        if (Parse(File.ReadAllText(path)) is null)
        {
            return $"{path} does not hold a secure channel key (32 hex digits)";
        }

        return !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.OtherRead | UnixFileMode.GroupRead)) != 0
            ? $"{path} is readable by other users of this box; chmod 600 it: whoever reads it can pose as the gateway to the reader"
            : null;
    }

    private static byte[]? Parse(string text)
    {
        var hex = text.Trim();
        return hex.Length == OsdpSecureChannel.KeyLength * 2 && hex.All(Uri.IsHexDigit)
            ? Convert.FromHexString(hex)
            : null;
    }
}
