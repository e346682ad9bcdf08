using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace M6Search.OpenClipart.Splitting;

/// <summary>A uniform number in [0, 1) from a seed and a key: the same on every machine and run.</summary>
public static class SeededHash
{
    public static double Unit(ulong seed, string purpose, string key)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\n{purpose}\n{key}"));
        return (BinaryPrimitives.ReadUInt64LittleEndian(hash) >> 11) * (1.0 / (1UL << 53));
    }
}
