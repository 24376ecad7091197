using GateEdge.Cli;
using GateEdge.Devices.CardReaders;
using GateEdge.Privacy;
using GateEdge.Trust;

namespace GateEdge.Tests.Trust;

/// <summary>The centre's verbs: the keys keygen writes sign what a gateway accepts, and open what it seals.</summary>
public sealed class CentreToolsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-centre-").FullName;

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Keygen_sign_and_unseal_work_together_and_private_halves_are_owner_only()
    {
        Assert.Equal(0, CentreTools.KeyGen(_dir, "centre-2027", TextWriter.Null));
        Assert.Equal(1, CentreTools.KeyGen(_dir, "centre-2027", TextWriter.Null));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_dir, "centre-2027.signing.key.pem")));

        using var body = new MemoryStream("{\"schema\":\"gateedge.command/2\"}"u8.ToArray());
        using var message = new MemoryStream();
        Assert.Equal(0, CentreTools.Sign(Path.Combine(_dir, "centre-2027.signing.key.pem"), "centre-2027", body, message, TextWriter.Null));
        var (keys, problems) = CentreKeys.Load([new CentreKeyOptions { Id = "centre-2027", PublicKeyFile = Path.Combine(_dir, "centre-2027.signing.pub.pem") }]);
        using var _ = keys;
        Assert.Empty(problems);
        Assert.Equal("{\"schema\":\"gateedge.command/2\"}"u8.ToArray(), keys.Open(message.ToArray()).Body.ToArray());

        using var sealer = IdentitySealer.Load(Path.Combine(_dir, "centre-2027.sealing.pub.pem")).Sealer!;
        var opened = new StringWriter();
        Assert.Equal(0, CentreTools.Unseal(Path.Combine(_dir, "centre-2027.sealing.key.pem"), sealer.Seal(new Credential(CredentialKind.CompoundCard, "123/4567"))!, opened));
        Assert.Equal("compound-card:123/4567", opened.ToString().Trim());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
