using System.ComponentModel.DataAnnotations;
using GateEdge.Common;
using GateEdge.Devices.Serial;

namespace GateEdge.Devices.CardReaders.IdCard;

/// <summary>A national ID-card reader (SAM protocol), an entry of <c>Devices:IdCardReaders</c>.</summary>
internal sealed class IdCardReaderOptions : SerialDeviceOptions
{
    public IdCardReaderOptions() => BaudRate = 115200;

    /// <summary>Pause between "find card" polls with nobody at the lane. Default 250 ms (docs/protocols.md: 200–500 ms).</summary>
    [DurationRange("00:00:00.05", "00:00:05")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Pause between polls while someone stands at the reader's lane (its thermometer sees a
    /// person): the card is read moments after it is laid down. Default 50 ms; never slower than
    /// <see cref="PollInterval"/>, which applies at rest.
    /// </summary>
    [DurationRange("00:00:00.02", "00:00:05")]
    public TimeSpan AttendedPollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Wait for a short reply. Default 500 ms.</summary>
    [DurationRange("00:00:00.05", "00:00:05")]
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Read with the fingerprint variant (<c>30 10</c>): for readers set up for it; the fingerprint
    /// block is skipped, never kept. Default false (<c>30 01</c>, text and photo).
    /// </summary>
    public bool ReadFingerprint { get; set; }

    /// <summary>Wait for the 1295-byte read reply (≈112 ms on the wire at 115200; ≈200 ms with a fingerprint). Default 1.5 s.</summary>
    [DurationRange("00:00:00.2", "00:00:10")]
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromMilliseconds(1500);
}
