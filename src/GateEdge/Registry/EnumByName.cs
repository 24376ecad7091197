using System.Text.Json.Serialization;

namespace GateEdge.Registry;

/// <summary>
/// An enum read from the centre or the seed file by its name only: <c>"class": 1</c> is refused,
/// not taken as whichever member happens to be numbered 1 (System.Text.Json's string-enum
/// converter takes integers unless told otherwise).
/// </summary>
internal sealed class EnumByName<T>() : JsonStringEnumConverter<T>(namingPolicy: null, allowIntegerValues: false) where T : struct, Enum;
