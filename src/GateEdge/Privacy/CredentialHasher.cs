using System.Security.Cryptography;
using System.Text;
using GateEdge.Devices.CardReaders;
using GateEdge.Events;

namespace GateEdge.Privacy;

/// <summary>
/// HMAC-SHA256 of a credential under the deployment's key: the same person gives the same hash
/// at every gate of the deployment, and nobody without the key can recover or test a number.
/// </summary>
internal sealed class CredentialHasher(byte[]? key)
{
    public string? Hash(Credential credential) => key is null
        ? null
        : Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Wire.Of(credential.Kind)}:{credential.Number.ToUpperInvariant()}")));
}
