using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics.X86;

namespace Kolek.Reconciliation.Readers.Internal;

/// <summary>Gives each transaction of one read a stable id from its natural key, telling apart lines whose keys are equal.</summary>
/// <remarks>The id is <c>prefix</c> + the 16 hex digits of the XXH3 64-bit hash of the key (<see cref="ContentHash.KeyHash(ReadOnlySpan{byte})"/>);
/// the second line with the same key hashes <c>key|#1</c>, the third <c>key|#2</c>, in file order, so the same file always
/// gives the same ids. Repeats are counted by the 64-bit hash the id is made of (8 bytes per transaction, not the key's
/// text), so a streaming read of a file of millions of lines stays within bounded memory; two different keys with the
/// same 64-bit hash would have had the same id anyway.</remarks>
internal sealed class StableIds(string prefix, int expected = 0)
{
    private readonly HashCounter _seen = new(expected);

    /// <summary>The id of the next line with <paramref name="key"/>; <paramref name="repeat"/> is 0 for its first occurrence.</summary>
    public string Next(string key, out int repeat) => Next(key.AsSpan(), out repeat);

    /// <summary>The id of the next line with <paramref name="key"/> (not copied unless it repeats); <paramref name="repeat"/> is 0 for its first occurrence.</summary>
    public string Next(ReadOnlySpan<char> key, out int repeat)
    {
        var hash = ContentHash.KeyHash(key);
        repeat = _seen.Add(hash);
        return repeat == 0
            ? ContentHash.ShortId(prefix, hash)
            : ContentHash.ShortId(prefix, ContentHash.KeyHash(string.Concat(key, "|#", repeat.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>The id of the next line whose key is the UTF-8 text <paramref name="utf8Key"/>: the same id that
    /// <see cref="Next(ReadOnlySpan{char}, out int)"/> gives for that text, without decoding it.</summary>
    public string Next(ReadOnlySpan<byte> utf8Key) => Next(utf8Key, ContentHash.KeyHash(utf8Key), out _);

    /// <summary><see cref="Next(ReadOnlySpan{byte})"/>, also telling whether the key was seen before: <paramref name="repeat"/>
    /// is 0 for its first occurrence.</summary>
    public string Next(ReadOnlySpan<byte> utf8Key, out int repeat) => Next(utf8Key, ContentHash.KeyHash(utf8Key), out repeat);

    /// <summary>Starts loading the table slot where <paramref name="hash"/> will be looked up, so that a caller with other
    /// work to do before <see cref="Next(ReadOnlySpan{byte}, ulong)"/> does not wait for memory then.</summary>
    public void Prefetch(ulong hash) => _seen.Prefetch(hash);

    /// <summary><see cref="Next(ReadOnlySpan{byte})"/> with the key's hash already computed
    /// (<see cref="ContentHash.KeyHash(ReadOnlySpan{byte})"/> of <paramref name="utf8Key"/>).</summary>
    public string Next(ReadOnlySpan<byte> utf8Key, ulong hash) => Next(utf8Key, hash, out _);

    /// <summary><see cref="Next(ReadOnlySpan{byte}, ulong)"/>, also telling whether the key was seen before: <paramref name="repeat"/>
    /// is 0 for its first occurrence.</summary>
    public string Next(ReadOnlySpan<byte> utf8Key, ulong hash, out int repeat)
    {
        repeat = _seen.Add(hash);
        if (repeat == 0)
        {
            return ContentHash.ShortId(prefix, hash);
        }

        Span<byte> suffix = stackalloc byte[16];
        "|#"u8.CopyTo(suffix);
        repeat.TryFormat(suffix[2..], out var digits, provider: CultureInfo.InvariantCulture);
        var repeated = new byte[utf8Key.Length + 2 + digits];
        utf8Key.CopyTo(repeated);
        suffix[..(2 + digits)].CopyTo(repeated.AsSpan(utf8Key.Length));
        return ContentHash.ShortId(prefix, ContentHash.KeyHash(repeated));
    }
}

/// <summary>Counts occurrences of 64-bit hashes: an open-addressing set of first occurrences (8 bytes each) plus a small
/// dictionary for the hashes seen more than once.</summary>
internal sealed class HashCounter(int expected = 0)
{
    private readonly Dictionary<ulong, int> _repeats = [];
    /// <summary>Room for <c>expected</c> hashes without growing (a hint: a read that knows its size saves the rehashing).</summary>
    private ulong[] _slots = new ulong[Math.Max(1024, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(expected, 0, 1 << 22) * 4 / 3 + 1))];
    private int _count;
    private bool _sawZero;

    /// <summary>Records one occurrence of <paramref name="hash"/>; returns how many times it was seen before.</summary>
    public int Add(ulong hash)
    {
        if (hash == 0 ? Mark(ref _sawZero) : Insert(hash))
        {
            return 0;
        }

        var before = _repeats.GetValueOrDefault(hash, 1);
        _repeats[hash] = before + 1;
        return before;
    }

    /// <summary>Asks the processor to start loading the slot where <paramref name="hash"/> starts its probe: the table is
    /// megabytes for a large file, so a look-up is a cache miss that a caller can overlap with other work.</summary>
    public unsafe void Prefetch(ulong hash)
    {
        if (Sse.IsSupported)
        {
            var slots = _slots;
            fixed (ulong* at = &slots[(int)(hash & (ulong)(slots.Length - 1))])
            {
                Sse.Prefetch0(at);
            }
        }
    }

    private static bool Mark(ref bool seen)
    {
        var first = !seen;
        seen = true;
        return first;
    }

    private bool Insert(ulong hash)
    {
        if (!Place(_slots, hash))
        {
            return false;
        }

        if (++_count * 4 > _slots.Length * 3)
        {
            var bigger = new ulong[_slots.Length * 2];
            foreach (var slot in _slots)
            {
                if (slot != 0)
                {
                    Place(bigger, slot);
                }
            }

            _slots = bigger;
        }

        return true;
    }

    /// <summary>Puts <paramref name="hash"/> in <paramref name="slots"/> by linear probing; false when it was already there.</summary>
    private static bool Place(ulong[] slots, ulong hash)
    {
        var mask = slots.Length - 1;
        for (var i = (int)(hash & (ulong)mask); ; i = (i + 1) & mask)
        {
            if (slots[i] == hash)
            {
                return false;
            }

            if (slots[i] == 0)
            {
                slots[i] = hash;
                return true;
            }
        }
    }
}
