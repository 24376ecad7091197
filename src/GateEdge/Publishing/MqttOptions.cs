using System.ComponentModel.DataAnnotations;
using GateEdge.Common;
using MQTTnet.Formatter;

namespace GateEdge.Publishing;

/// <summary>Bound from <c>Mqtt</c>.</summary>
internal sealed class MqttOptions
{
    /// <summary>The broker's host name or address; no default, so a deleted line is an error, not a silent 127.0.0.1.</summary>
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>First topic levels of every topic. Default <c>gateedge/v1</c>.</summary>
    public string TopicRoot { get; set; } = "gateedge/v1";

    /// <summary><c>V500</c> (MQTT 5, default) or <c>V311</c> (MQTT 3.1.1).</summary>
    public MqttProtocolVersion ProtocolVersion { get; set; } = MqttProtocolVersion.V500;

    [DurationRange("00:00:00", "18:12:15")]
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Events published and not yet acknowledged, at most. Default 256.</summary>
    [Range(1, 1000)]
    public int MaxInFlight { get; set; } = 256;

    /// <summary>Period of the heartbeat telemetry. Default 60 s.</summary>
    [DurationRange("00:00:01", "01:00:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A signed checkpoint of the chain is published after this many new events. Default 1000.</summary>
    [Range(1, 1000000)]
    public int CheckpointEvery { get; set; } = 1000;

    /// <summary>…and at least this often while events are recorded (and at every connection and clean stop). Default 5 min.</summary>
    [DurationRange("00:00:01", "1.00:00:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Connect over TLS. The broker's certificate is verified against <see cref="CaFile"/> and its host name.</summary>
    public bool UseTls { get; set; }

    /// <summary>PEM file of the CA that signed the broker's certificate. Read at every connect, so a fixed file takes effect without a restart.</summary>
    public string? CaFile { get; set; }

    /// <summary>PEM client certificate and its key, when the broker authenticates gateways by certificate.</summary>
    public string? ClientCertificateFile { get; set; }

    /// <summary>
    /// Optional pins: lowercase hex SHA-256 of the broker certificate's public key (its
    /// SubjectPublicKeyInfo). With any, the broker must also present one of these keys, so a
    /// certificate wrongly issued by a trusted CA is refused. Pin the next key before rotating.
    /// </summary>
    public List<string> PinnedPublicKeys { get; set; } = [];

    public string? ClientKeyFile { get; set; }

    public string? Username { get; set; }

    /// <summary>File holding the broker password (never the password itself in this file). Read at every connect.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Allows plaintext MQTT to a broker that is not on this machine. Off: such a configuration is refused.</summary>
    public bool AllowInsecure { get; set; }

    /// <summary>Longest wait between reconnect attempts (with jitter), so delivery resumes this soon after the broker returns. Default 5 s, 1 s–5 min.</summary>
    [DurationRange("00:00:01", "00:05:00")]
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for any answer from the broker: CONNACK, SUBACK, a PUBACK, a disconnect. Default 10 s, 1–60 s.</summary>
    [DurationRange("00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
