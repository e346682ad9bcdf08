namespace M6Search.Synth.Randomness;

/// <summary>
/// A small, fully specified pseudo-random generator (xoshiro256** seeded through SplitMix64).
/// <see cref="System.Random"/> is not used because its seeded sequence is an implementation detail of the runtime;
/// a synthetic catalog must come out byte-identical for a seed on every machine and every .NET version.
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SeededRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>
    /// The generator for one independent stream of one item: a catalog seed, an item index and a stream name
    /// (for example "visual" or "title"), so that changing how titles are written never moves the images.
    /// </summary>
    public static SeededRandom For(long seed, long index, SeedStream stream)
    {
        ulong x = unchecked((ulong)seed);
        ulong h = SplitMix(ref x);
        x = h ^ unchecked((ulong)index * 0xD1B54A32D192ED03UL);
        h = SplitMix(ref x);
        x = h ^ unchecked((ulong)stream * 0x8CB92BA72F3D8DD7UL);
        return new SeededRandom(SplitMix(ref x));
    }

    /// <summary>An independent generator in this one's current state: it draws the same sequence from here on.</summary>
    public SeededRandom Copy()
    {
        var copy = new SeededRandom(0);
        (copy._s0, copy._s1, copy._s2, copy._s3) = (_s0, _s1, _s2, _s3);
        return copy;
    }

    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A float in [min, max).</summary>
    public float Range(float min, float max) => (float)(min + (max - min) * NextDouble());

    /// <summary>A double in [min, max).</summary>
    public double Range(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>An integer in [0, maxExclusive), without modulo bias.</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        ulong bound = (ulong)maxExclusive;
        ulong threshold = (0UL - bound) % bound;
        while (true)
        {
            ulong r = NextUInt64();
            if (r >= threshold)
            {
                return (int)(r % bound);
            }
        }
    }

    /// <summary>An integer in [minInclusive, maxExclusive).</summary>
    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    /// <summary>True with the given probability.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items)
    {
        if (items.Count == 0)
        {
            throw new ArgumentException("Cannot pick from an empty list.", nameof(items));
        }

        return items[Next(items.Count)];
    }

    /// <summary>An approximately normal value (sum of uniforms), cheap and deterministic.</summary>
    public float Gaussian(float mean, float stdDev)
    {
        double sum = NextDouble() + NextDouble() + NextDouble() + NextDouble() - 2.0;
        return (float)(mean + stdDev * sum * 1.7320508075688772);
    }

    /// <summary>Shuffles in place (Fisher-Yates).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        ulong z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
