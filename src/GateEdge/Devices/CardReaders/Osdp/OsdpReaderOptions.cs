using System.ComponentModel.DataAnnotations;
using GateEdge.Common;
using GateEdge.Devices.Bus;
using GateEdge.Devices.Serial;

namespace GateEdge.Devices.CardReaders.Osdp;

/// <summary>An OSDP v2 card reader on RS-485 (GateEdge is the control panel), an entry of <c>Devices:OsdpReaders</c>.</summary>
internal sealed class OsdpReaderOptions : SerialDeviceOptions, IBusAddressed
{
    public OsdpReaderOptions() => BaudRate = 9600;

    /// <summary>The reader's OSDP address, 0–126 (set on the reader). Default 0.</summary>
    [Range(0, 126)]
    public int Address { get; set; }

    /// <summary>Pause between polls with nobody at the lane. Default 200 ms.</summary>
    [DurationRange("00:00:00.05", "00:00:05")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Pause between polls while someone stands at the reader's lane (its thermometer sees a
    /// person): the card is read moments after it is laid down. Default 50 ms (what libosdp's control panel polls at all the time); never slower than
    /// <see cref="PollInterval"/>, which applies at rest.
    /// </summary>
    [DurationRange("00:00:00.02", "00:00:05")]
    public TimeSpan AttendedPollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>A reader must answer within this (OSDP: 200 ms); a missed reply is retried with the same sequence number.</summary>
    [DurationRange("00:00:00.05", "00:00:02")]
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A reader without a valid reply for this long is offline (OSDP: 8 s). It replaces MaxSilentPolls.</summary>
    [DurationRange("00:00:01", "00:05:00")]
    public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The file with this reader's secure channel key (32 hex digits, mode 0600), relative to the
    /// configuration file. With a key the reader is polled over OSDP Secure Channel only: anything
    /// it says in clear, or with a MAC that does not continue the session, takes it offline with an
    /// alarm and is never read.
    /// </summary>
    public string? KeyFile { get; set; }

    /// <summary>
    /// Give the reader its key, once: while <see cref="KeyFile"/> does not exist, GateEdge opens a
    /// session on the reader's default install-mode key, sends it a new random key and writes
    /// <see cref="KeyFile"/>; from then on this setting does nothing (turn it off).
    /// </summary>
    public bool InstallMode { get; set; }

    int IBusAddressed.BusAddress => Address;
}
