using Iot.Device.Pn532.ListPassive;
using Microsoft.Extensions.Logging;
using Pn532Chip = Iot.Device.Pn532.Pn532;

namespace GateEdge.Devices.CardReaders.Pn532;

/// <summary>
/// Looks for ISO 14443 type A cards through the Iot.Device.Bindings PN532 driver (docs/protocols.md §2.3, "Secure Channel").
/// The driver answers "nothing" both for "no card" and for "no reader", so when it finds no card the
/// session asks the chip to echo a test frame: a reader that cannot echo is missing a reply. The
/// driver blocks, so the session runs it on its own thread.
/// </summary>
internal sealed partial class Pn532ReaderSession(
    Pn532ReaderOptions options,
    IDeviceEventSink sink,
    TimeProvider time,
    ILogger<Pn532ReaderSession> logger) : IDeviceSession
{
    public string Device => options.Name;

    public string Address => options.Port;

    public Task RunAsync(DeviceLink link, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => Run(link, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(DeviceLink link, CancellationToken cancellationToken)
    {
        using var chip = Open();
        link.MarkOnline();
        int silent = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (LookForCard(chip, link) || Echoes(chip, link))
            {
                silent = 0;
            }
            else if (++silent >= options.MaxSilentPolls)
            {
                throw new DeviceTimeoutException($"no reply to {silent} polls in a row");
            }
            else
            {
                link.Counters.CountSilentPoll("no reply to a poll");
            }

            cancellationToken.WaitHandle.WaitOne(options.PollInterval);
        }
    }

    private Pn532Chip Open()
    {
        if (!File.Exists(options.Port))
        {
            throw new DeviceDisconnectedException(Serial.SerialPortOpener.Missing(options.Port));
        }

        try
        {
            return new Pn532Chip(options.Port);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The driver throws a bare Exception when the chip does not identify itself.
            throw new DeviceDisconnectedException($"no PN532 answers on {options.Port}: {ex.Message}", ex);
        }
    }

    /// <summary>True when the chip answered with a card.</summary>
    private bool LookForCard(Pn532Chip chip, DeviceLink link)
    {
        var targets = Guard(() => chip.ListPassiveTarget(MaxTarget.One, TargetBaudRate.B106kbpsTypeA));
        if (targets is null)
        {
            return false;
        }

        var card = chip.TryDecode106kbpsTypeA(targets.AsSpan(1));
        if (card is null || card.NfcId.Length is not (4 or 7 or 10))
        {
            link.Counters.CountDiscard(Framing.DiscardReason.Malformed, targets.Length);
            return true;
        }

        link.Counters.CountFrame();
        LogCard(Device, card.NfcId.Length);
        sink.OnCardPresented(new CardPresented(Device, new Credential(CredentialKind.CompoundCard, Convert.ToHexString(card.NfcId)), null, time.GetUtcNow()));
        return true;
    }

    /// <summary>The chip's echo self-test: with no card in the field, the reply that shows the reader is alive (counted as a good frame).</summary>
    private static bool Echoes(Pn532Chip chip, DeviceLink link)
    {
        bool echoed = Guard(() => chip.RunSelfTest(Iot.Device.Pn532.DiagnoseMode.CommunicationLineTest));
        if (echoed)
        {
            link.Counters.CountFrame();
        }

        return echoed;
    }

    /// <summary>A reply cut short is a missed reply; the driver's port faults (unplugged: the port is closed, reads throw) end the session.</summary>
    private static T? Guard<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (TimeoutException)
        {
            return default;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException or ObjectDisposedException)
        {
            throw new DeviceDisconnectedException($"the port failed: {ex.Message}", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Device {Device}: card with a {Bytes}-byte UID")]
    private partial void LogCard(string device, int bytes);
}
