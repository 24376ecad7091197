using System.Text;
using GateEdge.Commands;
using GateEdge.Registry;

namespace GateEdge.Tests.Commands;

/// <summary>
/// Everything the centre sends passes through a parser facing the network: 100,000 random and
/// mutated payloads each, and none may throw, be accepted when broken, or change what is in force.
/// </summary>
public sealed class CentrePayloadFuzzTests
{
    private const int Rounds = 100_000;
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private static readonly byte[] ListSnapshot = Encoding.UTF8.GetBytes(
        """{"schema":"gateedge.list/1","id":"q-1","mode":"snapshot","version":3,"upsert":[{"ref":"R-1","reason":"home quarantine"}]}""");

    private static readonly byte[] PersonsSnapshot = Encoding.UTF8.GetBytes(
        """{"schema":"gateedge.persons/1","id":"p-1","mode":"snapshot","version":3,"upsert":[{"ref":"R-1","class":"Resident","credentials":[{"kind":"CompoundCard","number":"123/4567"}]}]}""");

    private static readonly byte[] Command = Encoding.UTF8.GetBytes(
        """{"schema":"gateedge.command/1","id":"c-1","issuedAt":"2026-11-28T08:00:00+00:00","nonce":"n-1","operator":"op","reason":"ambulance","lane":"lane1","signature":"00"}""");

    [Fact]
    public void List_updates()
    {
        var current = new ListVersion(2, Now, new Dictionary<string, GateEdge.Rules.ListEntry>());
        Fuzz(ListSnapshot, payload =>
        {
            var (next, _, rejection) = ListUpdates.Apply(payload, current, Now);
            return (next is not null && rejection is null, next is null == (rejection is not null));
        });
    }

    [Fact]
    public void Persons_updates()
    {
        var current = new PersonsVersion(2, Now, new Dictionary<string, RegistryFile.Person>());
        Fuzz(PersonsSnapshot, payload =>
        {
            var (next, _, rejection) = PersonUpdates.Apply(payload, current, Now);
            return (next is not null && rejection is null, next is null == (rejection is not null));
        });
    }

    [Fact]
    public void Commands()
    {
        var parser = new CommandParser(new CommandOptions(), Encoding.UTF8.GetBytes("a shared key of the deployment, 32B"), new HashSet<string> { "lane1" });
        Fuzz(Command, payload =>
        {
            var (command, rejection) = parser.Parse("open", payload, Now);

            // Without a valid signature no open can ever be accepted, however the bytes are changed.
            return (command is not null, command is null && rejection is not null && !string.IsNullOrEmpty(rejection.Reason));
        }, acceptedIsWrong: true);
    }

    /// <summary>
    /// Runs random bytes and single-byte mutations of <paramref name="golden"/> through <paramref name="apply"/>,
    /// which says whether the payload was accepted and whether its answer was consistent (a result or a reason, never both or neither).
    /// </summary>
    private static void Fuzz(byte[] golden, Func<byte[], (bool Accepted, bool Consistent)> apply, bool acceptedIsWrong = false)
    {
        var random = new Random(golden.Length);
        for (int round = 0; round < Rounds; round++)
        {
            byte[] payload;
            if (round % 2 == 0)
            {
                payload = new byte[random.Next(0, 200)];
                random.NextBytes(payload);
            }
            else
            {
                payload = (byte[])golden.Clone();
                payload[random.Next(payload.Length)] = (byte)random.Next(256);
            }

            var (accepted, consistent) = apply(payload);
            Assert.True(consistent, $"an inconsistent answer to {Encoding.UTF8.GetString(payload)}");
            Assert.False(acceptedIsWrong && accepted, $"accepted {Encoding.UTF8.GetString(payload)}");
        }
    }
}
