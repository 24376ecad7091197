using GateEdge.Simulator.Faults;

namespace GateEdge.Simulator.Devices;

/// <summary>
/// A national ID-card reader on a virtual serial port. It answers the host's polls as a SAM
/// module does; a card stays on it until lifted and, once read, answers "no card" (80) to
/// further finds, as real readers do.
/// </summary>
internal sealed class SimulatedIdCardReader(string name, SimulatedLine port)
{
    private readonly Lock _lock = new();
    private SimPerson? _card;
    private bool _cardRead;
    private TaskCompletionSource _readDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstPoll = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => name;

    public SimulatedLine Line => port;

    /// <summary>Completes when the gateway has polled for the first time.</summary>
    public Task FirstPoll => _firstPoll.Task;

    /// <summary>Puts a card on the reader; the task completes once the host has read it.</summary>
    public Task PlaceCard(SimPerson person)
    {
        lock (_lock)
        {
            _card = person;
            _cardRead = false;
            _readDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _readDone.Task;
        }
    }

    public void LiftCard()
    {
        lock (_lock)
        {
            _card = null;
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new List<byte>();
        await foreach (var chunk in port.Received.ReadAllAsync(cancellationToken))
        {
            buffer.AddRange(chunk);
            while (SamWire.TryTakeCommand(buffer, out byte cmd, out byte para, out bool checksumOk))
            {
                port.Write(checksumOk ? Answer(cmd, para) : SamWire.Reply(0x10));
            }
        }
    }

    private byte[] Answer(byte cmd, byte para)
    {
        lock (_lock)
        {
            return (cmd, para) switch
            {
                (0x10, 0xFF) or (0x11, 0xFF) => SamWire.Reply(0x90),
                (0x12, 0xFF) => SamWire.Reply(0x90, new byte[16]),
                (0x20, 0x01) => Find(),
                (0x20, 0x02) => _card is null ? SamWire.Reply(0x81) : SamWire.Reply(0x90, new byte[8]),
                (0x30, 0x01) => Read(withFingerprint: false),
                (0x30, 0x10) => Read(withFingerprint: true),
                _ => SamWire.Reply(0x21),
            };
        }
    }

    private byte[] Find()
    {
        _firstPoll.TrySetResult();
        return _card is not null && !_cardRead ? SamWire.Reply(0x9F, new byte[4]) : SamWire.Reply(0x80);
    }

    private byte[] Read(bool withFingerprint)
    {
        if (_card is null)
        {
            return SamWire.Reply(0x41);
        }

        _cardRead = true;
        _readDone.TrySetResult();
        return ReadReply(_card, withFingerprint);
    }

    /// <summary>The whole reply to a read (<c>30 01</c>, or <c>30 10</c> with the fingerprint block) of <paramref name="card"/>.</summary>
    internal static byte[] ReadReply(SimPerson card, bool withFingerprint)
    {
        var text = IdCardImage.Text(card);
        var photo = IdCardImage.Photo(card);
        var fingerprint = withFingerprint ? IdCardImage.Fingerprint(card) : [];
        byte[] lengths = withFingerprint
            ? [(byte)(text.Length >> 8), (byte)text.Length, (byte)(photo.Length >> 8), (byte)photo.Length, (byte)(fingerprint.Length >> 8), (byte)fingerprint.Length]
            : [(byte)(text.Length >> 8), (byte)text.Length, (byte)(photo.Length >> 8), (byte)photo.Length];
        byte[] data = [.. lengths, .. text, .. photo, .. fingerprint];
        return SamWire.Reply(0x90, data);
    }
}
