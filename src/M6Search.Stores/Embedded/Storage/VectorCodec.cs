using System.Runtime.InteropServices;
using M6Search.Stores.Abstractions;

namespace M6Search.Stores.Embedded.Storage;

/// <summary>
/// How vectors are stored as SQLite BLOBs: a dense vector is its float32 values, little-endian; a sparse vector is its
/// n uint32 indices followed by its n float32 values. Stores refuse to open on big-endian machines.
/// </summary>
internal static class VectorCodec
{
    public static byte[] EncodeDense(ReadOnlySpan<float> vector) => MemoryMarshal.AsBytes(vector).ToArray();

    public static float[] DecodeDense(ReadOnlySpan<byte> blob, int dimension, string vectorName)
    {
        if (blob.Length != dimension * sizeof(float))
        {
            throw new StoreRequestException($"stored vector '{vectorName}' has {blob.Length} bytes; a {dimension}-dimension vector has {dimension * sizeof(float)}.");
        }

        return MemoryMarshal.Cast<byte, float>(blob).ToArray();
    }

    public static byte[] EncodeSparse(SparseVector vector)
    {
        int count = vector.Indices.Length;
        var blob = new byte[count * 8];
        MemoryMarshal.AsBytes(vector.Indices.AsSpan()).CopyTo(blob);
        MemoryMarshal.AsBytes(vector.Values.AsSpan()).CopyTo(blob.AsSpan(count * 4));
        return blob;
    }

    public static SparseVector DecodeSparse(ReadOnlySpan<byte> blob)
    {
        if (blob.Length % 8 != 0)
        {
            throw new StoreRequestException($"stored lexical vector has {blob.Length} bytes, not a multiple of 8.");
        }

        int count = blob.Length / 8;
        uint[] indices = MemoryMarshal.Cast<byte, uint>(blob[..(count * 4)]).ToArray();
        float[] values = MemoryMarshal.Cast<byte, float>(blob[(count * 4)..]).ToArray();
        return new SparseVector(indices, values);
    }
}
