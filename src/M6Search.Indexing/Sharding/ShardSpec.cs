using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace M6Search.Indexing.Sharding;

/// <summary>
/// One worker's part of a catalog, written <c>I/N</c> (0-based, I &lt; N): the products whose
/// <see cref="ShardOf"/> is I. Every worker of a job must use the same N; together the N shards cover each product
/// exactly once. <c>0/1</c> (the default) is the whole catalog.
/// </summary>
public sealed record ShardSpec
{
    /// <summary>Most shards a job may be split into.</summary>
    public const int MaxCount = 65536;

    public ShardSpec(int index, int count)
    {
        if (count is < 1 or > MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"the shard count must be between 1 and {MaxCount}");
        }

        if (index < 0 || index >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the shard index must be between 0 and {count - 1} (0-based)");
        }

        Index = index;
        Count = count;
    }

    /// <summary>The whole catalog.</summary>
    public static ShardSpec All { get; } = new(0, 1);

    /// <summary>0-based index of this shard.</summary>
    public int Index { get; }

    /// <summary>Number of shards the job is split into.</summary>
    public int Count { get; }

    /// <summary>True when this spec is the whole catalog.</summary>
    public bool IsAll => Count == 1;

    /// <summary>Parses <c>I/N</c>, such as <c>0/4</c>.</summary>
    /// <exception cref="FormatException">The text is not <c>I/N</c> with 0 &lt;= I &lt; N.</exception>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Trim().Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            throw new FormatException($"shard '{text}' is not I/N (for example 0/4: the first of four shards; I counts from 0).");
        }

        if (count < 1 || count > MaxCount)
        {
            throw new FormatException($"shard '{text}': N must be between 1 and {MaxCount}.");
        }

        if (index >= count)
        {
            throw new FormatException($"shard '{text}': I must be less than N (shards count from 0, so {count} shards are 0/{count} to {count - 1}/{count}).");
        }

        return new ShardSpec(index, count);
    }

    /// <summary>
    /// The shard of a product among <paramref name="count"/>: the first 8 bytes of SHA-256 over the UTF-8 bytes of the
    /// product id, read as a big-endian unsigned 64-bit integer, modulo <paramref name="count"/>. Fixed forever, the
    /// same in every process and language (Python: <c>int.from_bytes(sha256(id.encode()).digest()[:8], "big") % n</c>).
    /// </summary>
    public static int ShardOf(string productId, int count)
    {
        ArgumentException.ThrowIfNullOrEmpty(productId);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        int max = Encoding.UTF8.GetMaxByteCount(productId.Length);
        byte[]? rented = null;
        Span<byte> buffer = max <= 512 ? stackalloc byte[max] : (rented = new byte[max]);
        int length = Encoding.UTF8.GetBytes(productId, buffer);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer[..length], hash);
        ulong value = BinaryPrimitives.ReadUInt64BigEndian(hash);
        return (int)(value % (ulong)count);
    }

    /// <summary>True when the product belongs to this shard.</summary>
    public bool Contains(string productId) => IsAll || ShardOf(productId, Count) == Index;

    /// <summary>The <c>I/N</c> form.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
