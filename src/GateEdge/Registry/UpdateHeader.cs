using System.Globalization;

namespace GateEdge.Registry;

/// <summary>
/// What every signed update from the centre must say about itself before its entries are read
/// (its schema and id are <see cref="Trust.CentreMessage"/>'s): the compound (and list) it is for,
/// and when the centre issued it. An update signed for another compound or list is refused here,
/// whoever republished it.
/// </summary>
internal static class UpdateHeader
{
    public static string? Problem(string? compound, string? issuedAt, string? list, string expectedCompound, string expectedList)
    {
        if (compound != expectedCompound)
        {
            return $"the update is for another compound (this gateway is in {expectedCompound})";
        }

        if (list != expectedList)
        {
            return $"the update is for another list (it came on lists/{expectedList})";
        }

        return DateTimeOffset.TryParse(issuedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _)
            ? null
            : "issuedAt is missing or not an ISO 8601 time";
    }
}
