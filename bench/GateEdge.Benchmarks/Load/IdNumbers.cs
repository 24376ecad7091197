using GateEdge.Devices.CardReaders.IdCard.Protocol;

namespace GateEdge.Benchmarks.Load;

/// <summary>Distinct, valid 18-digit resident ID numbers for synthetic residents.</summary>
internal static class IdNumbers
{
    public static string For(int index)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(index / 999);
        var body = $"110105{birth:yyyyMMdd}{index % 999 + 1:000}";
        return body + IdNumber.CheckCharacter(body);
    }
}
