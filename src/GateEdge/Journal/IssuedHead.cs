using System.Buffers.Binary;
using System.Security.Cryptography;
using GateEdge.Common;
using GateEdge.Evidence;

namespace GateEdge.Journal;

/// <summary>
/// The last sequence number the journal issued and its chain hash, kept in a small file beside
/// the journal as well as inside it. A journal that lost its write-ahead log, was replaced by an
/// older copy, or was set aside as damaged cannot make the gateway issue a number twice: the
/// journal continues above whichever of the two is higher, and the difference is named.
/// The file has two slots written in turn, each with its own checksum, so a write torn by a power
/// cut leaves the other slot whole; one data flush per commit (about 1 ms on a 2-core box's disk,
/// docs/performance.md).
/// </summary>
internal sealed class IssuedHead : IDisposable
{
    private const int SlotBytes = 64;
    private const int RecordBytes = 8 + EventChain.HashBytes;
    private const int CheckBytes = 8;
    private readonly FileStream _file;
    private int _nextSlot;

    private IssuedHead(FileStream file, (long Seq, byte[] Head)? last, int nextSlot)
    {
        _file = file;
        Last = last;
        _nextSlot = nextSlot;
    }

    /// <summary>The last head written, as found when the file was opened; null for a new file.</summary>
    public (long Seq, byte[] Head)? Last { get; }

    /// <summary>The file beside a journal at <paramref name="journalPath"/>.</summary>
    public static string PathFor(string journalPath) => journalPath + ".issued";

    public static IssuedHead Open(string path)
    {
        var file = new FileStream(path, DurableFile.OwnerOnly(FileMode.OpenOrCreate, FileAccess.ReadWrite));
        try
        {
            Span<byte> slots = stackalloc byte[2 * SlotBytes];
            slots.Clear();
            file.ReadAtLeast(slots, slots.Length, throwOnEndOfStream: false);
            var first = Parse(slots[..SlotBytes]);
            var second = Parse(slots[SlotBytes..]);
            int newestSlot = first is null && second is null ? -1
                : second is null || (first is not null && first.Value.Seq >= second.Value.Seq) ? 0 : 1;
            // The next write goes over the other slot, so the newest stays whole if that write is torn.
            return new IssuedHead(file, newestSlot switch { 0 => first, 1 => second, _ => null }, newestSlot == 0 ? 1 : 0);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Records <paramref name="seq"/> and its hash durably; throws <see cref="IOException"/> when it cannot.</summary>
    public void Write(long seq, ReadOnlySpan<byte> head)
    {
        Span<byte> slot = stackalloc byte[SlotBytes];
        slot.Clear();
        BinaryPrimitives.WriteInt64LittleEndian(slot, seq);
        head.CopyTo(slot[8..]);
        SHA256.HashData(slot[..RecordBytes])[..CheckBytes].CopyTo(slot[RecordBytes..]);
        _file.Position = _nextSlot * SlotBytes;
        _file.Write(slot);
        DurableFile.FlushData(_file);
        _nextSlot ^= 1;
    }

    public void Dispose() => _file.Dispose();

    private static (long Seq, byte[] Head)? Parse(ReadOnlySpan<byte> slot)
    {
        long seq = BinaryPrimitives.ReadInt64LittleEndian(slot);
        bool whole = SHA256.HashData(slot[..RecordBytes]).AsSpan(0, CheckBytes).SequenceEqual(slot.Slice(RecordBytes, CheckBytes));
        return whole && seq > 0 ? (seq, slot.Slice(8, EventChain.HashBytes).ToArray()) : null;
    }
}
