using System.Text;
using GateEdge.Commands;
using GateEdge.Registry;
using GateEdge.Tests.Support;

namespace GateEdge.Tests.Commands;

/// <summary>
/// Everything the centre sends passes a parser facing the network. Each gets 100,000 random and
/// byte-mutated payloads and 20,000 structurally mutated ones (<see cref="StructuredPayloads"/>);
/// none may throw, be accepted when broken, or answer both or neither of a result and a reason.
/// These bodies are the ones a centre key signed: the signature is no excuse for a crash.
/// </summary>
public sealed class CentrePayloadFuzzTests
{
    private const int Rounds = 100_000;
    private const int StructuredRounds = 20_000;
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    internal const string ListSnapshot =
        """{"schema":"gateedge.list/2","id":"q-1","compound":"c-1","list":"quarantine","issuedAt":"2026-11-28T08:00:00Z","mode":"snapshot","version":3,"upsert":[{"ref":"R-1","reason":"home quarantine","validTo":"2026-12-12T00:00:00+08:00"}]}""";

    internal const string PersonsSnapshot =
        """{"schema":"gateedge.persons/2","id":"p-1","compound":"c-1","issuedAt":"2026-11-28T08:00:00Z","mode":"snapshot","version":3,"upsert":[{"ref":"R-1","class":"Resident","household":"H-1","credentials":[{"kind":"CompoundCard","number":"123/4567"}]}]}""";

    [Fact]
    public void List_updates() => FuzzBoth(ListSnapshot, payload =>
    {
        var current = new ListVersion(2, Now, new Dictionary<string, GateEdge.Rules.ListEntry>());
        var (next, _, rejection) = ListUpdates.Apply(payload, current, Now, "c-1", "quarantine");
        return (next is not null && rejection is null, next is null == (rejection is not null));
    });

    [Fact]
    public void Persons_updates() => FuzzBoth(PersonsSnapshot, payload =>
    {
        var current = new PersonsVersion(2, Now, new Dictionary<string, RegistryFile.Person>());
        var (next, _, rejection) = PersonUpdates.Apply(payload, current, Now, "c-1");
        return (next is not null && rejection is null, next is null == (rejection is not null));
    });

    [Fact]
    public void Commands()
    {
        var valid = Encoding.UTF8.GetString(CommandParserTests.Body(CommandParserTests.Open()));
        FuzzBoth(valid, payload =>
        {
            // A fresh parser each time: the valid body itself is accepted once per round, never a broken one.
            var parser = new CommandParser(new CommandOptions(), CommandParserTests.Gateway, new HashSet<string> { "lane1" });
            var (command, rejection) = parser.Parse("open", payload, Now);
            bool sound = command is null || (command is OpenCommand { Lane: "lane1", Operator: { Length: > 0 } op } && !op.Any(char.IsControl));
            return (command is not null, sound && (command is null) == (rejection is not null));
        });
    }

    private static void FuzzBoth(string valid, Func<byte[], (bool Accepted, bool Consistent)> apply)
    {
        var golden = Encoding.UTF8.GetBytes(valid);
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

            Assert.True(apply(payload).Consistent, $"an inconsistent answer to {Encoding.UTF8.GetString(payload)}");
        }

        var structured = new StructuredPayloads(seed: golden.Length);
        for (int round = 0; round < StructuredRounds; round++)
        {
            var payload = structured.Next(valid);
            Assert.True(apply(payload).Consistent, $"an inconsistent answer to {Encoding.UTF8.GetString(payload)}");
        }
    }
}
