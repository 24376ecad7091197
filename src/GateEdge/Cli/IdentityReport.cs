using GateEdge.Configuration;
using GateEdge.Trust;

namespace GateEdge.Cli;

/// <summary>
/// <c>gateedge identity show</c>: this gateway's public key and its fingerprint, to enrol at the
/// centre as <c>{gateway}.pub.pem</c>. The key is made in the state folder if the service has not
/// made it yet; its private half never leaves the box.
/// </summary>
internal static class IdentityReport
{
    public static int Show(string configPath, TextWriter output)
    {
        var config = ConfigFile.Load(configPath, forService: false);
        using var key = GatewayKey.LoadOrCreate(config.Gateway.StateDirectory);
        output.WriteLine($"gateway {config.Gateway.Id} ({config.Gateway.CompoundId}/{config.Gateway.GateId})");
        output.WriteLine($"key {key.KeyId}");
        output.WriteLine($"Enrol at the centre as {config.Gateway.Id}.pub.pem:");
        output.Write(key.PublicKeyPem);
        output.WriteLine();
        return 0;
    }
}
