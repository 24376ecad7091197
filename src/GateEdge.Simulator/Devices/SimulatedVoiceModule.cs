using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using GateEdge.Simulator.Faults;

namespace GateEdge.Simulator.Devices;

/// <summary>
/// A SYN6288-family speech module (docs/protocols.md §6): it checks each frame's XOR, answers
/// <c>41</c> to a frame it takes and <c>45</c> to one it refuses, speaks a prompt for a while
/// (<see cref="CharacterTime"/> per character) and says <c>4F</c> when done; a new prompt
/// interrupts the one being spoken. A status query is answered <c>4F</c> (idle) or <c>4E</c> (busy).
/// <see cref="StuckBusy"/> plays a module that never finishes: it answers <c>4E</c> to everything.
/// Everything it was asked to say is kept in <see cref="Said"/>, with the frame's bytes.
/// </summary>
internal sealed class SimulatedVoiceModule(string name, SimulatedLine port)
{
    private readonly TaskCompletionSource _firstQuery = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<Utterance> _said = new();
    private long _speakingUntil;
    private CancellationTokenSource? _speaking;

    static SimulatedVoiceModule() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public string Name => name;

    public SimulatedLine Line => port;

    public Task FirstQuery => _firstQuery.Task;

    public TimeSpan CharacterTime { get; set; } = TimeSpan.FromMilliseconds(150);

    public bool StuckBusy { get; set; }

    public IReadOnlyList<Utterance> Said => [.. _said];

    /// <summary>Raised for every prompt the module takes.</summary>
    public event Action<Utterance>? Spoke;

    private bool Speaking => StuckBusy || Stopwatch.GetTimestamp() < Interlocked.Read(ref _speakingUntil);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var pending = new List<byte>();
        await foreach (var chunk in port.Received.ReadAllAsync(cancellationToken))
        {
            pending.AddRange(chunk);
            while (pending.Count >= 5)
            {
                int length = pending[1] << 8 | pending[2];
                if (pending[0] != 0xFD || length is < 2 or > 210)
                {
                    pending.RemoveAt(0);
                    continue;
                }

                if (pending.Count < 3 + length)
                {
                    break;
                }

                var frame = pending.GetRange(0, 3 + length).ToArray();
                pending.RemoveRange(0, frame.Length);
                Answer(frame);
            }
        }
    }

    private void Answer(byte[] frame)
    {
        byte xor = 0;
        foreach (byte b in frame.AsSpan(0, frame.Length - 1))
        {
            xor ^= b;
        }

        if (xor != frame[^1])
        {
            port.Write([0x45]);
            return;
        }

        switch (frame[3])
        {
            case 0x21:
                _firstQuery.TrySetResult();
                port.Write([Speaking ? (byte)0x4E : (byte)0x4F]);
                break;
            case 0x02:
                port.Write([0x41]);
                Hush();
                break;
            case 0x01 when StuckBusy:
                port.Write([0x4E]);
                break;
            case 0x01:
                Speak(frame);
                break;
            default:
                port.Write([0x45]);
                break;
        }
    }

    private void Speak(byte[] frame)
    {
        var text = Decode(frame[4], frame.AsSpan(5, frame.Length - 6));
        if (text is null)
        {
            port.Write([0x45]);
            return;
        }

        bool interrupts = Speaking;
        Hush();
        port.Write([0x41]);
        var utterance = new Utterance(text, frame, interrupts);
        _said.Enqueue(utterance);
        Spoke?.Invoke(utterance);

        var time = CharacterTime * text.Length;
        Interlocked.Exchange(ref _speakingUntil, Stopwatch.GetTimestamp() + (long)(time.TotalSeconds * Stopwatch.Frequency));
        var speaking = new CancellationTokenSource();
        _speaking = speaking;
        _ = Task.Delay(time, speaking.Token).ContinueWith(t =>
        {
            if (!t.IsCanceled)
            {
                port.Write([0x4F]);
            }
        }, TaskScheduler.Default);
    }

    private void Hush()
    {
        Interlocked.Exchange(ref _speakingUntil, 0);
        _speaking?.Cancel();
    }

    /// <summary>The text in the encoding of the parameter byte's bits 0–2; null for one the module does not know.</summary>
    private static string? Decode(byte parameter, ReadOnlySpan<byte> text) => (parameter & 0x07) switch
    {
        0 or 1 => Encoding.GetEncoding(936).GetString(text),
        2 => Encoding.GetEncoding(950).GetString(text),
        3 => Encoding.BigEndianUnicode.GetString(text),
        _ => null,
    };

    /// <summary>One prompt the module took: its text, the frame it came in, and whether it cut off the one before.</summary>
    internal sealed record Utterance(string Text, byte[] Frame, bool Interrupted);
}
