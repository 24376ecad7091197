using GateEdge.Devices.CardReaders;

namespace GateEdge.Privacy;

/// <summary>
/// Display forms of personal data for everything that leaves the gateway or reaches a log:
/// enough for a guard or officer to recognise a person, not enough to identify a stranger.
/// </summary>
internal static class PersonalDataMask
{
    /// <summary><c>11010519491231002X</c> → <c>110105********002X</c>: region code and last four kept.</summary>
    public static string Number(string number) => number.Length switch
    {
        <= 10 => LastFour(number),
        _ => string.Concat(number.AsSpan(0, 6), new string('*', number.Length - 10), number.AsSpan(number.Length - 4)),
    };

    /// <summary><c>张三</c> → <c>张*</c>: the family name kept, every other character starred.</summary>
    public static string? Name(string? name) =>
        string.IsNullOrEmpty(name) ? null : string.Concat(name.AsSpan(0, 1), new string('*', Math.Max(1, name.Length - 1)));

    /// <summary>ID numbers keep their region code; a compound card's number means nothing in parts, so only its last four show.</summary>
    public static string Credential(Credential credential) => credential.Kind == CredentialKind.CompoundCard
        ? LastFour(credential.Number)
        : Number(credential.Number);

    private static string LastFour(string number) => number.Length <= 4
        ? new string('*', number.Length)
        : string.Concat(new string('*', number.Length - 4), number.AsSpan(number.Length - 4));
}
