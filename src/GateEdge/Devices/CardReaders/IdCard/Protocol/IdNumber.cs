namespace GateEdge.Devices.CardReaders.IdCard.Protocol;

/// <summary>
/// The 18-character resident ID number and its GB 11643 (ISO 7064 MOD 11-2) check character.
/// </summary>
internal static class IdNumber
{
    private static ReadOnlySpan<byte> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>A foreign permanent-resident card's number as the text block carries it: three letters (the country) and twelve digits.</summary>
    public static bool IsValidForeign(ReadOnlySpan<char> number) =>
        number.Length == 15 && number[..3].ContainsAnyExceptInRange('A', 'Z') is false && number[3..].ContainsAnyExceptInRange('0', '9') is false;

    public static bool IsValid(ReadOnlySpan<char> id) =>
        id.Length == 18 && CheckCharacter(id[..17]) is { } check && char.ToUpperInvariant(id[17]) == check;

    /// <summary>The check character of the first 17 digits; null when they are not 17 ASCII digits.</summary>
    public static char? CheckCharacter(ReadOnlySpan<char> body)
    {
        if (body.Length != 17)
        {
            return null;
        }

        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(body[i]))
            {
                return null;
            }

            sum += (body[i] - '0') * Weights[i];
        }

        return CheckChars[sum % 11];
    }
}
