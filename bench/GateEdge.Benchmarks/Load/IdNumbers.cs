namespace GateEdge.Benchmarks.Load;

/// <summary>Distinct, valid 18-digit resident ID numbers (GB 11643 check character) for synthetic residents.</summary>
internal static class IdNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static string For(int index)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(index / 999);
        var body = $"110105{birth:yyyyMMdd}{index % 999 + 1:000}";
        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            sum += (body[i] - '0') * Weights[i];
        }

        return body + "10X98765432"[sum % 11];
    }
}
