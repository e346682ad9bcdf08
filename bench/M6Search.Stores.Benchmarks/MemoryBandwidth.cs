using System.Diagnostics;
using System.Numerics.Tensors;

namespace M6Search.Stores.Benchmarks;

/// <summary>
/// The read bandwidth ceiling: summing a 512 MiB float array with SIMD (TensorPrimitives.Sum), best of five passes, on
/// one thread and on two threads (each summing half).
/// </summary>
internal static class MemoryBandwidth
{
    private const int Floats = 128 * 1024 * 1024;

    public static (double SingleThreadGBps, double TwoThreadsGBps) Measure()
    {
        float[] data = GC.AllocateUninitializedArray<float>(Floats);
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = i & 7;
        }

        double bytes = (double)Floats * sizeof(float);
        double single = Best(() => TensorPrimitives.Sum(data), bytes);
        double two = Best(() =>
        {
            float left = 0;
            var thread = new Thread(() => left = TensorPrimitives.Sum(data.AsSpan(0, Floats / 2)));
            thread.Start();
            float right = TensorPrimitives.Sum(data.AsSpan(Floats / 2));
            thread.Join();
            return left + right;
        }, bytes);
        return (single, two);
    }

    private static double Best(Func<float> pass, double bytes)
    {
        pass();
        double best = 0;
        for (int i = 0; i < 5; i++)
        {
            long start = Stopwatch.GetTimestamp();
            float sum = pass();
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            GC.KeepAlive(sum);
            best = Math.Max(best, bytes / seconds / 1e9);
        }

        return best;
    }
}
