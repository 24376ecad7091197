namespace GateEdge.Devices.CardReaders.Wiegand.Protocol;

/// <summary>A Wiegand card number with both parities checked: facility code (W26 only) and card number.</summary>
internal sealed record WiegandCard(int BitCount, uint Facility, uint Number)
{
    /// <summary>The credential number GateEdge registers: W26 as facility/number, W34 as the 32-bit number.</summary>
    public string CredentialNumber => BitCount == 26 ? $"{Facility}/{Number}" : Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
