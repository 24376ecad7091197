using GateEdge.Common.Messages;
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
    public static int Show(string configPath, TextWriter output, Language language = Language.English)
    {
        var config = ConfigFile.Load(configPath, forService: false);
        using var key = GatewayKey.LoadOrCreate(config.Gateway.StateDirectory);
        output.WriteLine(ReportMessages.Gateway.Say(("gateway", config.Gateway.Id), ("compound", config.Gateway.CompoundId), ("gate", config.Gateway.GateId)).In(language));
        output.WriteLine(ReportMessages.Key.Say(("key", key.KeyId)).In(language));
        output.WriteLine(ReportMessages.Enrol.Say(("file", $"{config.Gateway.Id}.pub.pem")).In(language));
        output.Write(key.PublicKeyPem);
        output.WriteLine();
        return 0;
    }
}
