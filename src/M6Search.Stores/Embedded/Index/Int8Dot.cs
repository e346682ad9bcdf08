using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace M6Search.Stores.Embedded.Index;

/// <summary>
/// Dot product of two int8 vectors with 32-bit accumulation. Inputs are in [-127, 127] (the quantiser never writes
/// -128), so every 16-bit pair sum fits without saturation.
/// </summary>
internal static class Int8Dot
{
    public static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("Vectors must have the same length.", nameof(b));
        }

        ref sbyte left = ref MemoryMarshal.GetReference(a);
        ref sbyte right = ref MemoryMarshal.GetReference(b);
        int length = a.Length;
        int i = 0;
        int sum = 0;

        if (Avx2.IsSupported && length >= 32)
        {
            // a * b = |a| * (b with the sign of a): vpmaddubsw multiplies unsigned by signed bytes and adds pairs into
            // 16 bits (at most 2 * 127 * 127 = 32258, no saturation), vpmaddwd with ones widens the pairs to 32 bits.
            Vector256<int> accumulator = Vector256<int>.Zero;
            Vector256<short> ones = Vector256.Create((short)1);
            for (; i <= length - 32; i += 32)
            {
                Vector256<sbyte> x = Vector256.LoadUnsafe(ref left, (nuint)i);
                Vector256<sbyte> y = Vector256.LoadUnsafe(ref right, (nuint)i);
                Vector256<short> pairs = Avx2.MultiplyAddAdjacent(Avx2.Abs(x), Avx2.Sign(y, x));
                accumulator = Avx2.Add(accumulator, Avx2.MultiplyAddAdjacent(pairs, ones));
            }

            sum = Vector256.Sum(accumulator);
        }
        else if (Vector128.IsHardwareAccelerated && length >= 16)
        {
            Vector128<int> accumulator = Vector128<int>.Zero;
            for (; i <= length - 16; i += 16)
            {
                (Vector128<short> xLow, Vector128<short> xHigh) = Vector128.Widen(Vector128.LoadUnsafe(ref left, (nuint)i));
                (Vector128<short> yLow, Vector128<short> yHigh) = Vector128.Widen(Vector128.LoadUnsafe(ref right, (nuint)i));
                accumulator += WidenedSum(xLow * yLow) + WidenedSum(xHigh * yHigh);
            }

            sum = Vector128.Sum(accumulator);
        }

        for (; i < length; i++)
        {
            sum += Unsafe.Add(ref left, i) * Unsafe.Add(ref right, i);
        }

        return sum;
    }

    private static Vector128<int> WidenedSum(Vector128<short> products)
    {
        (Vector128<int> low, Vector128<int> high) = Vector128.Widen(products);
        return low + high;
    }
}
