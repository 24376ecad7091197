using GateEdge.Devices.CardReaders.Osdp.Protocol;
using GateEdge.Devices.CardReaders.Wiegand.Protocol;
using GateEdge.Devices.Framing;
using GateEdge.Devices.Serial;
using Microsoft.Extensions.Logging;

namespace GateEdge.Devices.CardReaders.Osdp;

/// <summary>
/// GateEdge as OSDP control panel for one reader (docs/protocols.md §2.3): it polls, the reader
/// answers ACK or a card read. Every session starts at sequence number 0; a missed reply is
/// retried with the same number, so the reader repeats its answer instead of losing a card;
/// a reader that has not answered for <see cref="OsdpReaderOptions.OfflineAfter"/> is offline.
/// </summary>
internal sealed partial class OsdpReaderSession(
    OsdpReaderOptions options,
    IDeviceEventSink sink,
    ILogger<OsdpReaderSession> logger) : ISerialDeviceSession
{
    private const byte NakSequenceError = 0x04;
    private const byte RawFormatWiegand = 0x01;

    public string Device => options.Name;

    public Task RunAsync(SerialLine line, DeviceLink link, CancellationToken cancellationToken) =>
        FramedSession.WithReaderAsync(line.Stream, new OsdpPacketDecoder(), link, async reader =>
        {
            var talk = new DeviceConversation<OsdpPacket>(line, reader);
            var time = line.Time;
            byte address = (byte)options.Address;
            int sequence = 0;
            var lastReply = time.GetUtcNow();
            while (true)
            {
                var reply = await ExchangeAsync(talk, OsdpWire.Command(address, sequence, OsdpCommand.Poll), address, sequence, cancellationToken).ConfigureAwait(false);
                if (reply is null)
                {
                    link.Counters.CountSilentPoll($"no reply within {options.ReplyTimeout.TotalMilliseconds:0} ms");
                    if (time.GetUtcNow() - lastReply >= options.OfflineAfter)
                    {
                        throw new DeviceTimeoutException($"no reply for {options.OfflineAfter.TotalSeconds:0} s");
                    }

                    continue; // the same command again, same sequence number
                }

                lastReply = time.GetUtcNow();
                link.MarkOnline();

                sequence = Handle(reply, sequence, link, time);
                await Task.Delay(options.PollInterval, time, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);

    /// <summary>Sends one command and waits for the reply of this reader with this sequence number; anything else on the bus is skipped.</summary>
    private async Task<OsdpPacket?> ExchangeAsync(DeviceConversation<OsdpPacket> talk, byte[] command, byte address, int sequence, CancellationToken cancellationToken)
    {
        var deadline = talk.Time.GetUtcNow() + options.ReplyTimeout;
        try
        {
            var packet = await talk.RequestAsync(command, options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
            while (!packet.IsReply || packet.Address != address || packet.Sequence != sequence)
            {
                // Our own command echoed by a two-wire adapter, another reader, or a late reply.
                var left = deadline - talk.Time.GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    return null;
                }

                packet = await talk.NextFrameAsync(left, cancellationToken).ConfigureAwait(false);
            }

            return packet;
        }
        catch (DeviceTimeoutException)
        {
            return null;
        }
    }

    /// <summary>Acts on a reply; returns the sequence number of the next command.</summary>
    private int Handle(OsdpPacket reply, int sequence, DeviceLink link, TimeProvider time)
    {
        if (reply.Is(OsdpReply.RawCardRead))
        {
            CardRead(reply, link, time.GetUtcNow());
        }
        else if (reply.Is(OsdpReply.Nak) && reply.Data is [NakSequenceError, ..])
        {
            // The reader lost track (it restarted): begin a new session.
            LogSequenceRestart(Device);
            return 0;
        }

        return OsdpWire.Next(sequence);
    }

    private void CardRead(OsdpPacket reply, DeviceLink link, DateTimeOffset at)
    {
        var read = OsdpCardRead.TryParse(reply.Data);
        var card = read is { Format: RawFormatWiegand } ? WiegandFormat.TryDecode(Bits(read)) : null;
        if (card is null)
        {
            // The reply's CRC was right, so the reader itself sent a read we cannot trust.
            link.Counters.CountDiscard(DiscardReason.Malformed, reply.Data.Length);
            LogBadRead(Device, read?.BitCount ?? 0);
            return;
        }

        sink.OnCardPresented(new CardPresented(Device, new Credential(CredentialKind.CompoundCard, card.CredentialNumber), null, at));
    }

    private static bool[] Bits(OsdpCardRead read)
    {
        var bits = new bool[read.BitCount];
        for (int i = 0; i < bits.Length; i++)
        {
            bits[i] = (read.Bits[i / 8] & (0x80 >> (i % 8))) != 0;
        }

        return bits;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {Device}: the reader reported a sequence error; starting a new OSDP session")]
    private partial void LogSequenceRestart(string device);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {Device}: card read of {Bits} bits is not a Wiegand 26/34 frame with good parity; ignored")]
    private partial void LogBadRead(string device, int bits);
}
