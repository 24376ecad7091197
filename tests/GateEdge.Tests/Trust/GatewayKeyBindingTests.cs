using GateEdge.Trust;
using static GateEdge.Trust.GatewayKeyBinding;

namespace GateEdge.Tests.Trust;

public sealed class GatewayKeyBindingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gateedge-binding-").FullName;

    private string State => Path.Combine(_dir, "state");

    [Fact]
    public void A_key_is_bound_to_the_machine_it_was_made_on_and_refused_on_another()
    {
        string here = MachineId("4b3a6f0c2d1e4f5a8b7c9d0e1f2a3b4c");
        string there = MachineId("9f8e7d6c5b4a39281706f5e4d3c2b1a0");
        Assert.Equal(Binding.Unbound, Check(State, here)); // no key yet

        MakeKey();
        Bind(State, here);

        Assert.Equal(Binding.Here, Check(State, here));
        Assert.Equal(Binding.Elsewhere, Check(State, there));
        Assert.DoesNotContain("4b3a6f0c2d1e4f5a8b7c9d0e1f2a3b4c", File.ReadAllText(Path.Combine(State, FileName)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_made_before_keys_were_bound_or_on_a_machine_without_an_identity_is_not_refused()
    {
        MakeKey();
        Assert.Equal(Binding.Unbound, Check(State, MachineId("4b3a6f0c2d1e4f5a8b7c9d0e1f2a3b4c")));
        Assert.Equal(Binding.Unbound, Check(State, Path.Combine(_dir, "no-such-machine-id")));
        Bind(State, MachineId(""));
        Assert.False(File.Exists(Path.Combine(State, FileName)), "an empty machine id binds nothing");
    }

    /// <summary>A key as a gateway made it before keys were bound: the file alone.</summary>
    private void MakeKey()
    {
        Directory.CreateDirectory(State);
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        File.WriteAllText(Path.Combine(State, GatewayKey.FileName), key.ExportPkcs8PrivateKeyPem());
    }

    private string MachineId(string id)
    {
        string file = Path.Combine(_dir, $"machine-id-{id}");
        File.WriteAllText(file, id + "\n");
        return file;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
