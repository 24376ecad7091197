using System.Text;

namespace GateEdge.Devices.Voice.Protocol;

/// <summary>The text encodings a SYN6288 module reads, by the value of bits 0–2 of its parameter byte.</summary>
internal enum SpeechEncoding
{
    Gb2312 = 0,
    Gbk = 1,
    Big5 = 2,

    /// <summary>UTF-16, big-endian, as the SYN6288 reads it.</summary>
    Unicode = 3,
}

internal static class SpeechEncodings
{
    static SpeechEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// The .NET encoding for the module's. GB2312 text is encoded with code page 936 (GBK), which
    /// gives GB2312's bytes for every GB2312 character; a character outside the module's set becomes '?'.
    /// </summary>
    public static Encoding For(SpeechEncoding encoding) => encoding switch
    {
        SpeechEncoding.Gb2312 or SpeechEncoding.Gbk => Encoding.GetEncoding(936, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback),
        SpeechEncoding.Big5 => Encoding.GetEncoding(950, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback),
        _ => Encoding.BigEndianUnicode,
    };
}
