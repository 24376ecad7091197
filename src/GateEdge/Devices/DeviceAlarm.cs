namespace GateEdge.Devices;

/// <summary>
/// Something a device session saw that the centre must hear of, beyond the device's health: a
/// reader that could not vouch for what it said, a reader given a key. The lanes' side records it
/// as an alarm event; <see cref="Alarm"/> is its stable code.
/// </summary>
internal sealed record DeviceAlarm(string Device, string Alarm, string Detail, DateTimeOffset At)
{
    /// <summary>A reader with a key said something its secure channel cannot vouch for: in clear, a wrong MAC or cryptogram.</summary>
    public const string ReaderSecurity = "reader-security";

    /// <summary>A reader presented more different cards than people can: a forged or faulty line.</summary>
    public const string ReadFlood = "read-flood";

    /// <summary>A reader reports its tamper switch open: its housing opened, or it was taken off the wall.</summary>
    public const string ReaderTamper = "reader-tamper";

    /// <summary>A reader reports a power failure.</summary>
    public const string ReaderPower = "reader-power";

    /// <summary>The reader at a configured address is not the one that answered there before (another cUID): replaced or swapped.</summary>
    public const string ReaderIdentityChanged = "reader-identity-changed";

    /// <summary>Install mode gave a reader its secure channel key.</summary>
    public const string ReaderKeySet = "reader-key-set";

    /// <summary>A thermometer gives the same reading for one person after another: hung, or its line forged.</summary>
    public const string ThermometerImplausible = "thermometer-implausible";

    /// <summary>The gateway's enclosure tamper switch reports the box open.</summary>
    public const string EnclosureTamper = "enclosure-tamper";
}
