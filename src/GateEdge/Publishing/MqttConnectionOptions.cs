using System.Net.Security;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using GateEdge.Common;
using MQTTnet.Protocol;
using MQTTnet;

namespace GateEdge.Publishing;

/// <summary>
/// Builds the client options for one connection attempt. Secrets and certificates are read
/// from their files each time, so a technician's fix takes effect at the next attempt.
/// </summary>
internal sealed class MqttConnectionOptions(MqttOptions options, GatewayOptions gateway, Topics topics)
{
    /// <summary>The largest packet the gateway takes from the broker: a signed persons snapshot and its topic.</summary>
    public const uint MaxPacketBytes = Commands.CommandInbox.MaxListMessageBytes + 1024;

    /// <summary>Why the last broker certificate was refused, for the log line of the failed attempt.</summary>
    public string? LastCertificateProblem { get; private set; }

    public MqttClientOptions Build(byte[] offlineStatus)
    {
        LastCertificateProblem = null;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(gateway.Id)
            .WithProtocolVersion(options.ProtocolVersion)
            // A persistent session keeps the command subscription across reconnects; stale
            // commands queued meanwhile are refused by their timestamp.
            .WithCleanSession(false)
            .WithSessionExpiryInterval(options.ProtocolVersion == MQTTnet.Formatter.MqttProtocolVersion.V500 ? 86_400u : 0u)
            // MQTTnet's keep-alive loop stays off: the broker is told options.KeepAlive by
            // StatedKeepAlive, and the publisher pings when idle.
            .WithKeepAlivePeriod(TimeSpan.Zero)
            .WithTimeout(options.Timeout)
            .WithWillTopic(topics.Status)
            .WithWillPayload(offlineStatus)
            .WithWillRetain()
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (options.ProtocolVersion == MQTTnet.Formatter.MqttProtocolVersion.V500)
        {
            // The broker drops anything larger instead of sending it; nothing the centre sends legitimately is.
            // MQTT 3.1.1 has no such property: there InboundPacketBound drops it on arrival.
            builder.WithMaximumPacketSize(MaxPacketBytes);
        }

        if (!string.IsNullOrEmpty(options.Username))
        {
            var password = options.PasswordFile is null ? null : File.ReadAllText(options.PasswordFile).TrimEnd('\r', '\n');
            builder.WithCredentials(options.Username, password);
        }

        if (options.UseTls)
        {
            builder.WithTlsOptions(Tls());
        }

        return MqttSocketBuffers.Widen(builder.Build(), MqttSocketBuffers.GatewayBytes);
    }

    private MqttClientTlsOptions Tls()
    {
        var tls = new MqttClientTlsOptionsBuilder().UseTls().WithTargetHost(options.Host);
        // The configuration check makes TLS name its CA file.
        var ca = new X509Certificate2Collection();
        ca.ImportFromPemFile(options.CaFile!);
        tls.WithCertificateValidationHandler(e => Verify(e.Certificate, e.SslPolicyErrors, ca) && Pinned(e.Certificate!));

        if (options.ClientCertificateFile is { } certFile)
        {
            tls.WithClientCertificates([X509Certificate2.CreateFromPemFile(certFile, options.ClientKeyFile)]);
        }

        return tls.Build();
    }

    /// <summary>The broker's certificate must chain to the configured CA and name the configured host.</summary>
    private bool Verify(X509Certificate? presented, SslPolicyErrors errors, X509Certificate2Collection ca)
    {
        if (presented is null)
        {
            LastCertificateProblem = "the broker presented no certificate";
            return false;
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            LastCertificateProblem = $"the broker's certificate does not name {options.Host}";
            return false;
        }


        using var certificate = new X509Certificate2(presented);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain.Build(certificate))
        {
            return true;
        }

        LastCertificateProblem = $"the broker's certificate ({certificate.Subject}) does not chain to the CA in {options.CaFile}: "
            + string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()));
        return false;
    }

    private bool Pinned(X509Certificate presented)
    {
        if (options.PinnedPublicKeys.Count == 0)
        {
            return true;
        }

        using var certificate = new X509Certificate2(presented);
        var key = PublicKeyPin(certificate);
        if (options.PinnedPublicKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        LastCertificateProblem = $"the broker's public key (SHA-256 {key}) is not one of Mqtt.PinnedPublicKeys";
        return false;
    }

    /// <summary>The pin of a certificate: lowercase hex SHA-256 of its SubjectPublicKeyInfo, as <c>openssl pkey -pubin -outform der | sha256sum</c> prints it.</summary>
    public static string PublicKeyPin(X509Certificate2 certificate) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));

    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
