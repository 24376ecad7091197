using System.Text.Json.Serialization;

namespace GateEdge.Events;

/// <summary>Source-generated serialisation of every published payload: no reflection at run time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PassageEvent))]
[JsonSerializable(typeof(GatewayStatus))]
[JsonSerializable(typeof(DeviceStatus))]
[JsonSerializable(typeof(Heartbeat))]
[JsonSerializable(typeof(CommandResult))]
[JsonSerializable(typeof(RemoteOpenEvent))]
[JsonSerializable(typeof(GuardDutyEvent))]
[JsonSerializable(typeof(OverrideEvent))]
[JsonSerializable(typeof(ActuationEvent))]
[JsonSerializable(typeof(Checkpoint))]
[JsonSerializable(typeof(AlarmEvent))]
internal sealed partial class EventJson : JsonSerializerContext;
