using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace M6Search.Encoder.Training.Features;

/// <summary>
/// Backbone features on disk, one file per (image, backbone, size, stage, colour cells, view):
/// <c>DIR/ab/abcdef....f16</c>, named by <see cref="FeatureKey.Hash"/>. An entry holds a magic, its key in words, the
/// value counts, the values in half precision and a SHA-256 of all that; a read checks every part, so a truncated,
/// flipped or foreign file is reported <see cref="FeatureCacheRead.Corrupt"/> and never trusted. Writes go to a
/// temporary file moved into place. Safe to use from several threads and processes.
/// </summary>
public sealed class FeatureCache
{
    private static readonly byte[] Magic = "M6FEAT\0\u0001"u8.ToArray();
    private const int ShaLength = 32;

    public FeatureCache(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The cache folder.</summary>
    public string Directory { get; }

    /// <summary>The file of <paramref name="key"/>.</summary>
    public string PathOf(FeatureKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        string hash = key.Hash;
        return Path.Combine(Directory, hash[..2], hash + ".f16");
    }

    /// <summary>Reads the entry of <paramref name="key"/>, expecting that many feature values and colour-cell values.</summary>
    public FeatureCacheRead TryRead(FeatureKey key, int featureValues, int cellValues, out CachedFeatures? features)
    {
        features = null;
        string path = PathOf(key);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return FeatureCacheRead.Missing;
        }
        catch (IOException)
        {
            return FeatureCacheRead.Corrupt;
        }

        byte[] keyBytes = Encoding.UTF8.GetBytes(key.Text);
        int payloadStart = Magic.Length + 4 + keyBytes.Length + 8;
        int expectedLength = payloadStart + (2 * (featureValues + cellValues)) + ShaLength;
        if (bytes.Length != expectedLength
            || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Magic.Length)) != keyBytes.Length
            || !bytes.AsSpan(Magic.Length + 4, keyBytes.Length).SequenceEqual(keyBytes)
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(payloadStart - 8)) != featureValues
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(payloadStart - 4)) != cellValues
            || !SHA256.HashData(bytes.AsSpan(0, expectedLength - ShaLength)).AsSpan().SequenceEqual(bytes.AsSpan(expectedLength - ShaLength)))
        {
            return FeatureCacheRead.Corrupt;
        }

        var values = new Half[featureValues];
        var cells = new Half[cellValues];
        ReadHalves(bytes.AsSpan(payloadStart, 2 * featureValues), values);
        ReadHalves(bytes.AsSpan(payloadStart + (2 * featureValues), 2 * cellValues), cells);
        features = new CachedFeatures(values, cells);
        return FeatureCacheRead.Hit;
    }

    /// <summary>Writes (or replaces) the entry of <paramref name="key"/>.</summary>
    public void Write(FeatureKey key, CachedFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        byte[] keyBytes = Encoding.UTF8.GetBytes(key.Text);
        int payloadStart = Magic.Length + 4 + keyBytes.Length + 8;
        int shaStart = payloadStart + (2 * (features.Features.Length + features.ColorCells.Length));
        var bytes = new byte[shaStart + ShaLength];
        Magic.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(Magic.Length), keyBytes.Length);
        keyBytes.CopyTo(bytes, Magic.Length + 4);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(payloadStart - 8), features.Features.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(payloadStart - 4), features.ColorCells.Length);
        WriteHalves(features.Features, bytes.AsSpan(payloadStart));
        WriteHalves(features.ColorCells, bytes.AsSpan(payloadStart + (2 * features.Features.Length)));
        SHA256.HashData(bytes.AsSpan(0, shaStart), bytes.AsSpan(shaStart));

        string path = PathOf(key);
        string folder = Path.GetDirectoryName(path)!;
        System.IO.Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static void ReadHalves(ReadOnlySpan<byte> source, Half[] target)
    {
        for (int i = 0; i < target.Length; i++)
        {
            target[i] = BinaryPrimitives.ReadHalfLittleEndian(source.Slice(2 * i, 2));
        }
    }

    private static void WriteHalves(Half[] source, Span<byte> target)
    {
        for (int i = 0; i < source.Length; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(target.Slice(2 * i, 2), source[i]);
        }
    }
}
