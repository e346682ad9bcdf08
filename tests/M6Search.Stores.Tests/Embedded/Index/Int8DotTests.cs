using M6Search.Stores.Embedded.Index;

namespace M6Search.Stores.Tests.Embedded.Index;

public sealed class Int8DotTests
{
    [Fact]
    public void Dot_EqualsTheScalarSum_ForEveryLengthAndExtremeValues()
    {
        var random = new Random(1);
        for (int length = 0; length <= 100; length++)
        {
            sbyte[] a = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
            sbyte[] b = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
            int expected = a.Zip(b, (x, y) => x * y).Sum();

            Assert.Equal(expected, Int8Dot.Dot(a, b));
        }

        sbyte[] extreme = Enumerable.Repeat((sbyte)-127, 256).ToArray();
        Assert.Equal(256 * 127 * 127, Int8Dot.Dot(extreme, extreme));
    }

    [Fact]
    public void Quantize_KeepsEachValueWithinHalfAStep_AndNeverWritesMinus128()
    {
        var random = new Random(2);
        float[] vector = Enumerable.Range(0, 64).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        vector[5] = -1.5f;
        var codes = new sbyte[vector.Length];

        float scale = Int8Rows.Quantize(vector, codes);

        Assert.Equal(1.5f / 127f, scale, 1e-7f);
        Assert.Equal(-127, codes[5]);
        for (int i = 0; i < vector.Length; i++)
        {
            Assert.InRange(Math.Abs((codes[i] * scale) - vector[i]), 0, (scale / 2) + 1e-7f);
        }
    }
}
