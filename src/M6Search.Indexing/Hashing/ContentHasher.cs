using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using M6Search.Catalog.Products;
using M6Search.Stores.Lexical;

namespace M6Search.Indexing.Hashing;

/// <summary>
/// The content hash stored with every point, in two parts written <c>EMBED.PAYLOAD</c>:
/// <list type="bullet">
/// <item>EMBED (32 hex digits, 128 bits of SHA-256) covers what the vectors are computed from: the model version, the
/// lexical vectorizer version, the title and the image bytes (not the image's path). When it matches, the stored
/// vectors are still right.</item>
/// <item>PAYLOAD (16 hex digits) covers the whole product as stored (price, category, attributes, image path, ...).</item>
/// </list>
/// Both equal: the product is unchanged and skipped. Only PAYLOAD differs: the stored vectors are reused with the new
/// product, nothing is encoded. EMBED differs: the product is encoded again.
/// </summary>
public static class ContentHasher
{
    private const string Scheme = "m6-content-v1";

    /// <summary>The EMBED part.</summary>
    public static string EmbeddingHash(string modelVersion, string title, ReadOnlySpan<byte> imageBytes, bool hasImage)
    {
        ArgumentNullException.ThrowIfNull(modelVersion);
        ArgumentNullException.ThrowIfNull(title);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendField(hash, Scheme);
        AppendField(hash, modelVersion);
        AppendField(hash, LexicalVectorizer.Version);
        AppendField(hash, title);
        if (hasImage)
        {
            AppendLength(hash, imageBytes.Length);
            hash.AppendData(imageBytes);
        }
        else
        {
            AppendLength(hash, -1);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16));
    }

    /// <summary>The PAYLOAD part: SHA-256 of the product's catalog JSON.</summary>
    public static string PayloadHash(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(product);
        return Convert.ToHexStringLower(SHA256.HashData(json).AsSpan(0, 8));
    }

    /// <summary>The stored form, <c>EMBED.PAYLOAD</c>.</summary>
    public static string Combine(string embeddingHash, string payloadHash) => embeddingHash + "." + payloadHash;

    /// <summary>The EMBED part of a stored hash, or null when it is not in this scheme.</summary>
    public static string? EmbeddingPartOf(string? stored)
    {
        if (stored is null)
        {
            return null;
        }

        int dot = stored.IndexOf('.', StringComparison.Ordinal);
        return dot == 32 ? stored[..dot] : null;
    }

    private static void AppendField(IncrementalHash hash, string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        AppendLength(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void AppendLength(IncrementalHash hash, int length)
    {
        Span<byte> buffer = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(buffer, length);
        hash.AppendData(buffer);
    }
}
