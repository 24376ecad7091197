using System.Text;
using BenchmarkDotNet.Attributes;
using GateEdge.Devices.CardReaders.IdCard.Protocol;
using GateEdge.Devices.Thermometers.SerialIr.Protocol;

namespace GateEdge.Benchmarks;

/// <summary>Decoding cost per frame, on the frames of docs/protocols.md.</summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private readonly SamResponseDecoder _sam = new();
    private readonly GyFrameDecoder _gy = new();
    private readonly byte[] _readReply = ReadReply();
    private readonly byte[] _noCard = Convert.FromHexString("AAAAAA9669000400008084");
    private readonly byte[] _gyFrame = Convert.FromHexString("5A5A45040E4209C41A");

    [Benchmark]
    public int SamNoCardReply() => (int)_sam.Decode(_noCard, out _, out _, out _);

    [Benchmark]
    public int SamReadReply1295Bytes() => (int)_sam.Decode(_readReply, out _, out _, out _);

    [Benchmark]
    public int IdCardTextBlock() => IdCardText.Decode(_readReply.AsSpan(14, 256)).IdNumber.Length;

    [Benchmark]
    public int SerialIrFrame() => (int)_gy.Decode(_gyFrame, out _, out _, out _);

    private static byte[] ReadReply()
    {
        var text = new byte[256];
        Encoding.Unicode.GetBytes("张三").CopyTo(text, 0);
        Encoding.Unicode.GetBytes("11010519491231002X").CopyTo(text, 122);
        byte[] body = [.. Convert.FromHexString("AAAAAA9669050800009001000400"), .. text, .. new byte[1024]];
        byte chk = 0;
        for (int i = 5; i < body.Length; i++)
        {
            chk ^= body[i];
        }

        return [.. body, chk];
    }
}
