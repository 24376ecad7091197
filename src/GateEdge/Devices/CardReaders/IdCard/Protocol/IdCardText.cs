using System.Text;

namespace GateEdge.Devices.CardReaders.IdCard.Protocol;

/// <summary>Decodes the 256-byte UTF-16LE text block of a read reply (docs/protocols.md §1, "Text block").</summary>
internal static class IdCardText
{
    public const int Length = 256;

    // A foreign permanent-resident card carries 'I' (49 00) here and a different layout.
    private const int CardTypeOffset = 248;

    public static IdCardIdentity Decode(ReadOnlySpan<byte> text)
    {
        if (text.Length < Length)
        {
            throw new ArgumentException($"the text block is {Length} bytes, got {text.Length}", nameof(text));
        }

        if (text[CardTypeOffset] == (byte)'I' && text[CardTypeOffset + 1] == 0)
        {
            // Only the card number (15 characters at 122) is taken; the rest differs per version.
            return new IdCardIdentity(IdCardKind.ForeignPermanentResident, Field(text, 0, 120), "", "", "", "",
                Field(text, 122, 30), "", "", "");
        }

        return new IdCardIdentity(
            IdCardKind.Resident,
            Name: Field(text, 0, 30),
            Sex: Field(text, 30, 2),
            Nation: Field(text, 32, 4),
            BirthDate: Field(text, 36, 16),
            Address: Field(text, 52, 70),
            IdNumber: Field(text, 122, 36),
            IssuingAuthority: Field(text, 158, 30),
            ValidFrom: Field(text, 188, 16),
            ValidTo: Field(text, 204, 16));
    }

    /// <summary>
    /// Whether a decoded name is text a person could carry: no control, format (bidi overrides
    /// among them) or line-separator characters, which no card holds and which could forge a log line.
    /// </summary>
    public static bool IsPrintable(string name) => !name.Any(c => char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Control
        or System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator
        or System.Globalization.UnicodeCategory.ParagraphSeparator or System.Globalization.UnicodeCategory.Surrogate);

    private static string Field(ReadOnlySpan<byte> text, int offset, int length) =>
        Encoding.Unicode.GetString(text.Slice(offset, length)).TrimEnd(' ', '\0');
}
