namespace GateEdge.Devices.CardReaders.IdCard.Protocol;

/// <summary>
/// The 18-character resident ID number and its GB 11643 (ISO 7064 MOD 11-2) check character.
/// </summary>
internal static class IdNumber
{
    private static ReadOnlySpan<byte> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    public static bool IsValid(ReadOnlySpan<char> id)
    {
        if (id.Length != 18)
        {
            return false;
        }

        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                return false;
            }

            sum += (id[i] - '0') * Weights[i];
        }

        return char.ToUpperInvariant(id[17]) == CheckChars[sum % 11];
    }
}
