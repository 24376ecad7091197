using GateEdge.Devices.CardReaders.IdCard.Protocol;
using GateEdge.Devices.Framing;
using GateEdge.Devices.Serial;
using Microsoft.Extensions.Logging;

namespace GateEdge.Devices.CardReaders.IdCard;

/// <summary>
/// Polls an ID-card reader (docs/protocols.md §1): SAM status on every (re)open, then find →
/// select → read; a decoded card whose ID number passes its check goes to the lanes.
/// </summary>
/// <param name="attention">Says when someone is at the reader's lane, to poll at the attended interval; none: always the resting one.</param>
internal sealed partial class IdCardReaderSession(
    IdCardReaderOptions options,
    IDeviceEventSink sink,
    ILogger<IdCardReaderSession> logger,
    ReaderAttention? attention = null) : ISerialDeviceSession
{
    private readonly PollPace _pace = attention is null
        ? PollPace.Fixed(options.PollInterval)
        : PollPace.ForReader(options.PollInterval, options.AttendedPollInterval, attention, options.Name);

    public string Device => options.Name;

    public Task RunAsync(SerialLine line, DeviceLink link, CancellationToken cancellationToken) =>
        FramedSession.WithReaderAsync(line.Stream, new SamResponseDecoder(), link, async reader =>
        {
            var talk = new DeviceConversation<SamResponse>(line, reader);
            var status = await talk.RequestAsync(SamCommands.SamStatus, options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
            if (status.Status != SamStatus.Ok)
            {
                throw new DeviceProtocolException($"SAM status check failed: {status}");
            }

            link.MarkOnline();
            await FramedSession.PollAsync(() => PollOnceAsync(talk, link.Counters, cancellationToken), options.MaxSilentPolls, _pace, link, line.Time, logger, Device, cancellationToken)
                .ConfigureAwait(false);
        }, cancellationToken);

    private async Task PollOnceAsync(DeviceConversation<SamResponse> talk, Health.DeviceCounters counters, CancellationToken cancellationToken)
    {
        var find = await talk.RequestAsync(SamCommands.FindCard, options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
        if (find.Status != SamStatus.CardFound)
        {
            return;
        }

        var select = await talk.RequestAsync(SamCommands.SelectCard, options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
        if (select.Status != SamStatus.Ok)
        {
            return;
        }

        var read = await talk.RequestAsync(options.ReadFingerprint ? SamCommands.ReadTextPhotoAndFingerprint : SamCommands.ReadTextAndPhoto,
            options.ReadTimeout, cancellationToken).ConfigureAwait(false);
        if (read.Status != SamStatus.Ok)
        {
            // Usually the card moved during the read; the next poll finds it again.
            LogReadFailed(Device, read.Status);
            return;
        }

        if (!IdCardReadReply.TryParse(read.Data, options.ReadFingerprint, out var identity))
        {
            BadRead(counters, "the read reply's block lengths do not match its size");
            return;
        }

        if (identity!.Kind == IdCardKind.Resident && !IdNumber.IsValid(identity.IdNumber))
        {
            // docs/protocols.md §1: a read whose ID number fails its check is a bad read, not a person.
            BadRead(counters, "the ID number fails its check character");
            return;
        }

        if (identity.Kind == IdCardKind.ForeignPermanentResident && !IdNumber.IsValidForeign(identity.IdNumber))
        {
            BadRead(counters, "the foreign permanent-resident number is not three letters and twelve digits");
            return;
        }

        if (!IdCardText.IsPrintable(identity.Name))
        {
            BadRead(counters, "the name holds control or format characters");
            return;
        }

        var kind = identity.Kind == IdCardKind.Resident ? CredentialKind.NationalId : CredentialKind.ForeignPermanentResident;
        sink.OnCardPresented(new CardPresented(Device, new Credential(kind, identity.IdNumber), identity.Name, talk.Time.GetUtcNow()));
    }

    /// <summary>A frame that passed its checksum but holds no person: counted as a bad frame, so it degrades the reader and reaches /metrics.</summary>
    private void BadRead(Health.DeviceCounters counters, string why)
    {
        counters.CountDiscard(DiscardReason.Malformed, 0);
        LogBadRead(Device, why);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {Device}: card read failed ({Status}), retrying")]
    private partial void LogReadFailed(string device, SamStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {Device}: bad card read, ignored: {Why}")]
    private partial void LogBadRead(string device, string why);
}
