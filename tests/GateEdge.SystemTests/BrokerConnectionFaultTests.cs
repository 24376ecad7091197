using System.Security.Cryptography.X509Certificates;
using GateEdge.SystemTests.Support;
using MQTTnet;

namespace GateEdge.SystemTests;

/// <summary>
/// A broker that is down at start, refuses the gateway's credentials, or shows a certificate the
/// gateway does not trust: each gives a clear log line, decisions go on locally, and delivery
/// resumes once the fault is fixed, without restarting the gateway.
/// </summary>
public sealed class BrokerConnectionFaultTests : IAsyncLifetime
{
    private const string Password = "s3cret-gw-7";

    private Mosquitto _broker = null!;
    private TestGate _gate = null!;
    private TestCertificates _certificates = null!;

    public async Task InitializeAsync()
    {
        _broker = Mosquitto.Prepare("""
            allow_anonymous false
            password_file {dir}/passwords
            cafile {dir}/ca.pem
            certfile {dir}/server.pem
            keyfile {dir}/server.key
            """);
        _certificates = TestCertificates.Create(_broker.Dir);
        await Mosquitto.AddUserAsync(_broker.Dir, "centre", "centre-pw");
        _gate = new TestGate(_broker.Port);
    }

    [Fact]
    public async Task Broker_down_at_start_then_refusing_credentials_then_fixed_delivers_everything()
    {
        var passwordFile = TestGate.OwnerOnly(Path.Combine(_gate.Dir, "mqtt-password"));
        await File.WriteAllTextAsync(passwordFile, "wrong-password\n");
        _gate.WriteGatewayConfig(mqtt: $$"""
            "UseTls": true, "CaFile": "{{_certificates.CaFile}}", "Username": "gw-7", "PasswordFile": "{{passwordFile}}"
            """);
        _gate.WriteScript([(0, 36.6m, "00:00:00.2"), (1, 36.7m, "00:00:00.5")]);
        await using var gateway = _gate.StartGateway();
        await using var simulator = _gate.StartSimulator();

        await simulator.WaitForLineAsync("script done", TimeSpan.FromSeconds(60));
        await Eventually.True(() => JournalProbe.Read(_gate.JournalPath) is { LastSeq: 4, Undelivered: 4 }, "two openings and their actuation records made with the broker down", TimeSpan.FromSeconds(10));
        Assert.Contains(gateway.Lines, l => l.Contains("unavailable", StringComparison.Ordinal) && l.Contains("decisions continue locally", StringComparison.Ordinal));

        await Mosquitto.AddUserAsync(_broker.Dir, "gw-7", Password);
        await _broker.RestartAsync();
        await using var centre = await CentreSubscriber.ConnectAsync(_broker.Port, configure: Centre);
        await gateway.WaitForLineAsync("the broker refused the connection: NotAuthorized", TimeSpan.FromSeconds(20));
        Assert.Equal(4, JournalProbe.Read(_gate.JournalPath).Undelivered);

        await File.WriteAllTextAsync(passwordFile, Password + "\n");
        await Eventually.True(() => centre.SeqCount == 4, "the four events once the password is fixed", TimeSpan.FromSeconds(20));
        // The journal marks them delivered on PUBACK, which may trail the centre's copy.
        await Eventually.True(() => JournalProbe.Read(_gate.JournalPath).Undelivered == 0, "the journal to mark all four delivered", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_broker_certificate_from_another_CA_is_refused_until_the_right_CA_is_installed()
    {
        await Mosquitto.AddUserAsync(_broker.Dir, "gw-7", Password);
        var passwordFile = TestGate.OwnerOnly(Path.Combine(_gate.Dir, "mqtt-password"));
        await File.WriteAllTextAsync(passwordFile, Password);
        var caFile = Path.Combine(_gate.Dir, "ca.pem");
        File.Copy(_certificates.OtherCaFile, caFile);
        _gate.WriteGatewayConfig(mqtt: $$"""
            "UseTls": true, "CaFile": "{{caFile}}", "Username": "gw-7", "PasswordFile": "{{passwordFile}}"
            """);
        _gate.WriteScript([(0, 36.6m, "00:00:00.2")]);
        await _broker.RestartAsync();
        await using var centre = await CentreSubscriber.ConnectAsync(_broker.Port, configure: Centre);
        await using var gateway = _gate.StartGateway();
        await using var simulator = _gate.StartSimulator();

        await gateway.WaitForLineAsync("does not chain to the CA", TimeSpan.FromSeconds(20));
        await simulator.WaitForLineAsync("script done", TimeSpan.FromSeconds(60));
        await Eventually.True(() => JournalProbe.Read(_gate.JournalPath).LastSeq == 2, "an opening and its actuation record while the broker is untrusted", TimeSpan.FromSeconds(10));
        Assert.Empty(centre.Passages);

        File.Copy(_certificates.CaFile, caFile, overwrite: true);
        await Eventually.True(() => centre.SeqCount == 2, "both events once the right CA is installed", TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_trusted_certificate_with_a_key_that_is_not_pinned_is_refused_and_the_pinned_key_is_accepted()
    {
        await Mosquitto.AddUserAsync(_broker.Dir, "gw-7", Password);
        var passwordFile = TestGate.OwnerOnly(Path.Combine(_gate.Dir, "mqtt-password"));
        await File.WriteAllTextAsync(passwordFile, Password);
        using var server = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(_certificates.ServerCertFile));
        var pin = GateEdge.Publishing.MqttConnectionOptions.PublicKeyPin(server);
        _gate.WriteScript([(0, 36.6m, "00:00:00.2")]);
        await _broker.RestartAsync();
        await using var centre = await CentreSubscriber.ConnectAsync(_broker.Port, configure: Centre);

        WritePinnedConfig(new string('0', 64));
        await using (var refused = _gate.StartGateway())
        {
            await refused.WaitForLineAsync($"the broker's public key (SHA-256 {pin}) is not one of Mqtt.PinnedPublicKeys", TimeSpan.FromSeconds(20));
            Assert.Equal(0, await refused.StopAsync(TimeSpan.FromSeconds(30)));
        }

        WritePinnedConfig(pin);
        await using var gateway = _gate.StartGateway();
        await using var simulator = _gate.StartSimulator();
        await Eventually.True(() => centre.SeqCount == 2, "the opening and its actuation record through the pinned broker", TimeSpan.FromSeconds(30));

        void WritePinnedConfig(string pinned) => _gate.WriteGatewayConfig(mqtt: $$"""
            "UseTls": true, "CaFile": "{{_certificates.CaFile}}", "PinnedPublicKeys": [ "{{pinned}}" ], "Username": "gw-7", "PasswordFile": "{{passwordFile}}"
            """);
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _gate.Dispose();
    }

    private static void Centre(MqttClientOptionsBuilder options) => options
        .WithCredentials("centre", "centre-pw")
        .WithTlsOptions(o => o.UseTls().WithCertificateValidationHandler(_ => true));
}
