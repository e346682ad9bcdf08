using System.Security.Cryptography;
using System.Text;

namespace M6Search.Stores.Abstractions;

/// <summary>
/// The stable point id of a product: a name-based UUID (RFC 9562 version 5 layout over SHA-1) of the product id, so the
/// same product always lands on the same point, in every store and on every indexing worker.
/// </summary>
public static class PointIds
{
    // A fixed namespace for M6Search product ids (random, generated once).
    private static readonly byte[] Namespace = Guid.Parse("6d365365-6172-4368-8d36-50726f647563").ToByteArray(bigEndian: true);

    public static Guid FromProductId(string productId)
    {
        ArgumentException.ThrowIfNullOrEmpty(productId);
        byte[] name = Encoding.UTF8.GetBytes(productId);
        byte[] input = new byte[Namespace.Length + name.Length];
        Namespace.CopyTo(input, 0);
        name.CopyTo(input, Namespace.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 version 5 specifies; this is an identifier, not security.
        byte[] hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
