using System.Security.Cryptography;
using System.Text;
using GateEdge.Common;

namespace GateEdge.Trust;

/// <summary>
/// Ties the gateway's key to the machine it was made on: beside <see cref="GatewayKey.FileName"/>,
/// <see cref="FileName"/> holds a digest of <c>/etc/machine-id</c> (never the id itself). A disk
/// copied into another box (the easiest way to install ten gates) carries the first box's key,
/// journal and numbering; the copy refuses to sign as the first box and says what to do, instead of
/// feeding the centre a second history under one identity.
/// </summary>
internal static class GatewayKeyBinding
{
    public const string FileName = "gateway.key.machine";

    /// <summary>Where this machine's identity is; tests and image builds name another file in <c>GATEEDGE_MACHINE_ID_FILE</c>.</summary>
    public static string MachineIdFile => Environment.GetEnvironmentVariable("GATEEDGE_MACHINE_ID_FILE") is { Length: > 0 } file ? file : "/etc/machine-id";

    /// <summary>Whether the key in <paramref name="stateDirectory"/> was made on this machine: <see cref="Binding.Elsewhere"/> when it was not.</summary>
    /// <param name="machineIdFile">This machine's identity; <see cref="MachineIdFile"/> when not given.</param>
    public static Binding Check(string stateDirectory, string? machineIdFile = null)
    {
        if (!File.Exists(Path.Combine(stateDirectory, GatewayKey.FileName)) || Digest(machineIdFile) is not { } here)
        {
            return Binding.Unbound; // a key is still to be made here, or this machine has no identity to bind to
        }

        string file = Path.Combine(stateDirectory, FileName);
        try
        {
            return File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } recorded
                ? (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(recorded), Encoding.ASCII.GetBytes(here)) ? Binding.Here : Binding.Elsewhere)
                : Binding.Unbound;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Binding.Unbound; // unreadable: the key's own load says why
        }
    }

    /// <summary>Binds the key in <paramref name="stateDirectory"/> to this machine (a key just made, or one made before keys were bound).</summary>
    public static void Bind(string stateDirectory, string? machineIdFile = null)
    {
        if (Digest(machineIdFile) is { } here)
        {
            DurableFile.Replace(Path.Combine(stateDirectory, FileName), Encoding.ASCII.GetBytes(here + "\n"));
        }
    }

    private static string? Digest(string? machineIdFile)
    {
        try
        {
            string id = File.ReadAllText(machineIdFile ?? MachineIdFile).Trim();
            return id.Length == 0 ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("gateedge gateway key machine\n" + id)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    internal enum Binding
    {
        /// <summary>No key yet, no machine identity, or a key made before keys were bound.</summary>
        Unbound,

        /// <summary>The key was made on this machine.</summary>
        Here,

        /// <summary>The key was made on another machine: this disk is a copy.</summary>
        Elsewhere,
    }
}
