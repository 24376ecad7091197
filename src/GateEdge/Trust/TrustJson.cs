using System.Text.Json.Serialization;

namespace GateEdge.Trust;

[JsonSerializable(typeof(string))]
internal sealed partial class TrustJson : JsonSerializerContext;
