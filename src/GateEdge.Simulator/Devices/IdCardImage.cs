using System.Text;

namespace GateEdge.Simulator.Devices;

/// <summary>
/// What a card carries, laid out as the chip returns it: the 256-byte UTF-16LE text block with
/// space-padded fields (docs/protocols.md §1 "Text block") and a 1024-byte photo.
/// </summary>
internal static class IdCardImage
{
    public const int TextLength = 256;
    public const int PhotoLength = 1024;

    public static byte[] Text(SimPerson person)
    {
        var text = new byte[TextLength];
        for (int i = 0; i < text.Length; i += 2)
        {
            text[i] = 0x20;
        }

        Put(text, 0, 30, person.Name);
        Put(text, 30, 2, person.Sex);
        Put(text, 32, 4, person.Nation);
        Put(text, 36, 16, person.BirthDate);
        Put(text, 52, 70, person.Address);
        Put(text, 122, 36, person.IdNumber);
        Put(text, 158, 30, person.IssuingAuthority);
        Put(text, 188, 16, person.ValidFrom);
        Put(text, 204, 16, person.ValidTo);
        if (person.ForeignResident)
        {
            // The foreign permanent-resident card's type mark (docs/protocols.md §1).
            Put(text, 248, 2, "I");
        }

        return text;
    }

    /// <summary>A recognisable stand-in for the WLT-compressed photo, which the gateway must never decode or publish.</summary>
    public static byte[] Photo(SimPerson person)
    {
        var photo = new byte[PhotoLength];
        var seed = Encoding.ASCII.GetBytes(person.IdNumber);
        for (int i = 0; i < photo.Length; i++)
        {
            photo[i] = (byte)(seed[i % seed.Length] ^ i);
        }

        return photo;
    }

    /// <summary>Stand-in fingerprint data: the gateway must skip it.</summary>
    public static byte[] Fingerprint(SimPerson person) => [.. Enumerable.Range(0, person.FingerprintBytes).Select(i => (byte)(0xF0 ^ i))];

    private static void Put(byte[] text, int offset, int length, string value)
    {
        var bytes = Encoding.Unicode.GetBytes(value);
        bytes.AsSpan(0, Math.Min(bytes.Length, length)).CopyTo(text.AsSpan(offset));
    }
}
