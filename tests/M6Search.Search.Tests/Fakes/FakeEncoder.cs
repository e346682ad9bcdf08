using M6Search.Encoder;

namespace M6Search.Search.Tests.Fakes;

/// <summary>
/// A 4-d encoder for tests: each text maps to the axis of the first known word it contains ("bumpy" -> 0, "smooth" -> 1,
/// "cup" -> 2, anything else -> 3); an image's embedding is its first four values, normalised. Counts concurrent calls.
/// </summary>
internal sealed class FakeEncoder : IProductEncoder
{
    private static readonly string[] Axes = ["bumpy", "smooth", "cup"];
    private int _active;
    private int _maxActive;

    public int Dimension => 4;

    public int ImageSize => 2;

    public string ModelVersion { get; set; } = "fake-1";

    public int MaxConcurrentCalls => Volatile.Read(ref _maxActive);

    public int Calls { get; private set; }

    /// <summary>How many texts each <see cref="EmbedTexts"/> call embedded, in call order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<int> TextBatchSizes { get; } = new();

    public TimeSpan CallDuration { get; set; } = TimeSpan.Zero;

    /// <summary>When set, every call blocks until it is signalled.</summary>
    public ManualResetEventSlim? Gate { get; set; }

    public static float[] Axis(int axis)
    {
        var vector = new float[4];
        vector[axis] = 1;
        return vector;
    }

    public float[][] EmbedTexts(IReadOnlyList<string> texts) => Track(() => Record(texts).Select(text =>
    {
        string lower = text.ToLowerInvariant();
        int axis = Array.FindIndex(Axes, word => lower.Contains(word, StringComparison.Ordinal));
        return Axis(axis < 0 ? 3 : axis);
    }).ToArray());

    public float[][] EmbedImages(IReadOnlyList<float[]> images) => Track(() => images.Select(image =>
    {
        float[] vector = image.Take(4).ToArray();
        float norm = MathF.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => v / norm).ToArray();
    }).ToArray());

    public void Dispose()
    {
    }

    private IReadOnlyList<string> Record(IReadOnlyList<string> texts)
    {
        TextBatchSizes.Enqueue(texts.Count);
        return texts;
    }

    private float[][] Track(Func<float[][]> work)
    {
        int now = Interlocked.Increment(ref _active);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxActive)) && Interlocked.CompareExchange(ref _maxActive, now, seen) != seen)
        {
        }

        try
        {
            Calls++;
            Gate?.Wait();
            if (CallDuration > TimeSpan.Zero)
            {
                Thread.Sleep(CallDuration);
            }

            return work();
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }
}
