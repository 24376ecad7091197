using GateEdge.Configuration;

namespace GateEdge.Commands;

/// <summary>
/// The settings a configuration push may not change: whom the gateway trusts and how it proves
/// itself (centre keys, TLS, broker credentials, pins), what it reveals (clear identities, the
/// sealing key) and who may read its status page. A push signed by a stolen or misused centre
/// key can therefore not switch verification off or send identities elsewhere; these change only
/// on the box.
/// </summary>
internal static class ProtectedSettings
{
    public static List<string> Changed(GatewayConfiguration current, GatewayConfiguration next)
    {
        var changed = new List<string>();
        Check("Commands.CentreKeys", Keys(current), Keys(next));
        Check("Mqtt.UseTls", current.Mqtt.UseTls, next.Mqtt.UseTls);
        Check("Mqtt.AllowInsecure", current.Mqtt.AllowInsecure, next.Mqtt.AllowInsecure);
        Check("Mqtt.CaFile", current.Mqtt.CaFile, next.Mqtt.CaFile);
        Check("Mqtt.PinnedPublicKeys", string.Join(",", current.Mqtt.PinnedPublicKeys), string.Join(",", next.Mqtt.PinnedPublicKeys));
        Check("Mqtt.ClientCertificateFile", current.Mqtt.ClientCertificateFile, next.Mqtt.ClientCertificateFile);
        Check("Mqtt.ClientKeyFile", current.Mqtt.ClientKeyFile, next.Mqtt.ClientKeyFile);
        Check("Mqtt.Username", current.Mqtt.Username, next.Mqtt.Username);
        Check("Mqtt.PasswordFile", current.Mqtt.PasswordFile, next.Mqtt.PasswordFile);
        Check("Privacy.PublishIdentitiesInClear", current.Privacy.PublishIdentitiesInClear, next.Privacy.PublishIdentitiesInClear);
        Check("Privacy.IdentitySealingKeyFile", current.Privacy.IdentitySealingKeyFile, next.Privacy.IdentitySealingKeyFile);
        Check("StatusPage.Listen", current.StatusPage.Listen, next.StatusPage.Listen);
        Check("StatusPage.TokenFile", current.StatusPage.TokenFile, next.StatusPage.TokenFile);
        Check("StatusPage.DisplayTokenFile", current.StatusPage.DisplayTokenFile, next.StatusPage.DisplayTokenFile);
        Check("Prompts.ShowMaskedName", current.Prompts.ShowMaskedName, next.Prompts.ShowMaskedName);
        Check("StatusPage.AllowedHosts", string.Join(",", current.StatusPage.AllowedHosts), string.Join(",", next.StatusPage.AllowedHosts));
        return changed;

        void Check<T>(string setting, T was, T now)
        {
            if (!EqualityComparer<T>.Default.Equals(was, now))
            {
                changed.Add(setting);
            }
        }
    }

    private static string Keys(GatewayConfiguration c) => string.Join(",", c.Commands.CentreKeys.Select(k => $"{k.Id}={k.PublicKeyFile}"));
}
