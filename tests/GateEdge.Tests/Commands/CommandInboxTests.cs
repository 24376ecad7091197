using GateEdge.Commands;
using GateEdge.Trust;

namespace GateEdge.Tests.Commands;

/// <summary>A full inbox sheds what the centre did not sign and makes a signed message wait for room, never dropping it.</summary>
public sealed class CommandInboxTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-inbox-").FullName;

    [Fact]
    public async Task A_signed_command_behind_a_flood_of_junk_waits_for_room_and_is_queued_while_the_junk_is_shed()
    {
        var pair = CentreSigner.NewKeyPair();
        var publicFile = Path.Combine(_dir, "centre.pub.pem");
        await File.WriteAllTextAsync(publicFile, pair.PublicPem);
        using var keys = CentreKeys.Load([new CentreKeyOptions { Id = "centre-1", PublicKeyFile = publicFile }]).Keys;
        var inbox = new CommandInbox(new CommandOptions(), keys);
        byte[] junk = "{\"junk\":true}"u8.ToArray();

        for (int i = 0; i < CommandInbox.MaxQueuedMessages; i++)
        {
            Assert.True(await inbox.ReceiveAsync(InboundKind.Command, "open", junk.Length, () => junk, CancellationToken.None));
        }

        Assert.False(await inbox.ReceiveAsync(InboundKind.Command, "open", junk.Length, () => junk, CancellationToken.None));
        var signed = CentreSigner.FromPem(pair.PrivatePem, "centre-1").Sign("{\"schema\":\"gateedge.command/2\"}"u8.ToArray());
        var waiting = inbox.ReceiveAsync(InboundKind.Command, "open", signed.Length, () => signed, CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);

        await inbox.ReceiveAsync(CancellationToken.None);
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));

        // Everything queued comes out in arrival order: the junk first, the signed command last.
        InboundMessage last = null!;
        for (int i = 0; i < CommandInbox.MaxQueuedMessages; i++)
        {
            last = await inbox.ReceiveAsync(CancellationToken.None);
        }

        Assert.Equal(signed, last.Payload.ToArray());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
