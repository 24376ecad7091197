namespace GateEdge.TestSupport;

/// <summary>
/// Debian's mosquitto as a private broker on a loopback port: where the binary is, and the
/// settings every test broker needs (TCP_NODELAY, so latency is the gateway's and not Nagle's).
/// </summary>
public static class MosquittoSetup
{
    public static string Binary =>
        new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("mosquitto is not installed: run the README's test command, which installs it");

    /// <summary>Writes <c>mosquitto.conf</c> into <paramref name="dir"/> and returns its path; <paramref name="settings"/> follow the common ones.</summary>
    public static string WriteConfig(string dir, int port, string settings)
    {
        string config = Path.Combine(dir, "mosquitto.conf");
        File.WriteAllText(config, $"""
            listener {port} 127.0.0.1
            set_tcp_nodelay true
            # Run as root, mosquitto would switch to its own user, which cannot read this private folder.
            user root
            {settings}
            """);
        return config;
    }
}
