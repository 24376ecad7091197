using System.Threading.Channels;
using GateEdge.Devices.Framing;
using GateEdge.Devices.Serial;
using GateEdge.Devices.Voice.Protocol;
using Microsoft.Extensions.Logging;

namespace GateEdge.Devices.Voice;

/// <summary>
/// Speaks a lane's prompts on a SYN6288-family module (docs/protocols.md §6). On every (re)open it
/// asks the module's status; then it speaks each prompt as it comes (a new one interrupts the one
/// being spoken; a busy module is told to stop, then given the prompt once more), and with nothing
/// to say it asks the status every <c>StatusInterval</c>, so an unplugged module is noticed without
/// costing anything at rest. Replies missed in a row take it offline like any device; the lanes
/// never wait for it.
/// </summary>
internal sealed partial class VoiceModuleSession(
    VoiceModuleOptions options,
    ChannelReader<Utterance> speech,
    ILogger<VoiceModuleSession> logger) : ISerialDeviceSession
{
    public string Device => options.Name;

    public Task RunAsync(SerialLine line, DeviceLink link, CancellationToken cancellationToken) =>
        FramedSession.WithReaderAsync(line.Stream, new Syn6288ReplyDecoder(), link, async reader =>
        {
            var talk = new DeviceConversation<Syn6288Reply>(line, reader);
            await AskStatusAsync(talk, cancellationToken).ConfigureAwait(false);
            link.MarkOnline();
            await FramedSession.PollAsync(() => NextAsync(talk, link, cancellationToken), options.MaxSilentPolls, PollPace.Fixed(TimeSpan.Zero), link, line.Time, logger, Device, cancellationToken)
                .ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// The bytes of one prompt: the configured volume and rate marks, then the text, in the module's
    /// encoding; a text too long for one frame loses whole characters from its end, never half of one.
    /// </summary>
    internal byte[] Frame(string text)
    {
        string marks = (options.Volume is { } v ? $"[v{v}]" : "") + (options.Speed is { } t ? $"[t{t}]" : "");
        var encoding = SpeechEncodings.For(options.Encoding);
        var bytes = encoding.GetBytes(marks + text);
        while (bytes.Length > Syn6288Frames.MaxTextBytes)
        {
            text = text[..^1];
            bytes = encoding.GetBytes(marks + text);
        }

        return Syn6288Frames.Speak(bytes, options.Encoding);
    }

    private async Task NextAsync(DeviceConversation<Syn6288Reply> talk, DeviceLink link, CancellationToken cancellationToken)
    {
        if (await NextUtteranceAsync(talk.Time, cancellationToken).ConfigureAwait(false) is not { } utterance)
        {
            await AskStatusAsync(talk, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (talk.Time.GetElapsedTime(utterance.At) > options.MaxPromptAge)
        {
            LogStale(Device, utterance.Text);
            return;
        }

        var reply = await AcknowledgedAsync(talk, Frame(utterance.Text), cancellationToken).ConfigureAwait(false);
        if (reply == Syn6288Status.Busy)
        {
            await AcknowledgedAsync(talk, Syn6288Frames.Stop, cancellationToken).ConfigureAwait(false);
            reply = await AcknowledgedAsync(talk, Frame(utterance.Text), cancellationToken).ConfigureAwait(false);
        }

        if (reply != Syn6288Status.Received)
        {
            link.Counters.CountRefusal(reply == Syn6288Status.Busy ? "the module stayed busy: a prompt was not spoken" : "the module refused a prompt");
            LogNotSpoken(Device, reply, utterance.Text);
        }
    }

    /// <summary>The next prompt, or null when <c>StatusInterval</c> passed without one.</summary>
    private async Task<Utterance?> NextUtteranceAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        if (speech.TryRead(out var ready))
        {
            return ready;
        }

        using var idle = new CancellationTokenSource(options.StatusInterval, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(idle.Token, cancellationToken);
        try
        {
            return await speech.ReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Sends a frame and returns the module's answer to it: an "idle" arriving meanwhile is the end of the last prompt, not an answer.</summary>
    private async Task<Syn6288Status> AcknowledgedAsync(DeviceConversation<Syn6288Reply> talk, byte[] frame, CancellationToken cancellationToken)
    {
        var reply = await talk.RequestAsync(frame, options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
        while (reply.Status == Syn6288Status.Idle)
        {
            reply = await talk.NextFrameAsync(options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
        }

        return reply.Status;
    }

    private async Task AskStatusAsync(DeviceConversation<Syn6288Reply> talk, CancellationToken cancellationToken)
    {
        var reply = await talk.RequestAsync(Syn6288Frames.StatusQuery, options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
        if (reply.Status == Syn6288Status.Received)
        {
            // Some firmware acknowledges the query before it answers it.
            reply = await talk.NextFrameAsync(options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
        }

        if (reply.Status is not (Syn6288Status.Idle or Syn6288Status.Busy))
        {
            throw new DeviceProtocolException($"the module answered {reply.Status} to a status query: is it a SYN6288-family module?");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Voice module {Device}: dropped a prompt asked for too long ago ({Text})")]
    private partial void LogStale(string device, string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Voice module {Device} answered {Reply}: not spoken: {Text}")]
    private partial void LogNotSpoken(string device, Syn6288Status reply, string text);
}
