using System.Text;

namespace M6Search.Catalog.Text;

/// <summary>
/// 64-bit FNV-1a over the UTF-8 bytes of a string: fixed forever, unlike <see cref="string.GetHashCode()"/>, which is
/// randomised per process. Token ids of a model file depend on it, so it must never change.
/// </summary>
public static class Fnv1aHash
{
    private const ulong OffsetBasis = 0xcbf29ce484222325;
    private const ulong Prime = 0x100000001b3;

    /// <summary>The hash of <paramref name="bytes"/>.</summary>
    public static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        ulong hash = OffsetBasis;
        foreach (byte b in bytes)
        {
            hash ^= b;
            hash *= Prime;
        }

        return hash;
    }

    /// <summary>The hash of the UTF-8 encoding of <paramref name="text"/>.</summary>
    public static ulong Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        Span<byte> buffer = max <= 256 ? stackalloc byte[max] : (rented = new byte[max]);
        int length = Encoding.UTF8.GetBytes(text, buffer);
        return Hash(buffer[..length]);
    }
}
