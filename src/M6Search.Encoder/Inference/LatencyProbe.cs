using System.Diagnostics;

namespace M6Search.Encoder.Inference;

/// <summary>Measures how long an encoder takes to embed one query (for <c>m6 bench</c> and the README's numbers).</summary>
public static class LatencyProbe
{
    /// <summary>
    /// Embeds <paramref name="query"/> <paramref name="warmup"/> times untimed, then <paramref name="runs"/> times timed,
    /// one call per run, and reports the percentiles.
    /// </summary>
    public static LatencyReport MeasureQuery(IProductEncoder encoder, string query, int warmup = 20, int runs = 200)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(runs);
        string[] batch = [query];
        for (int i = 0; i < warmup; i++)
        {
            encoder.EmbedTexts(batch);
        }

        var times = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            encoder.EmbedTexts(batch);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return new LatencyReport(runs, Percentile(times, 0.50), Percentile(times, 0.95), Percentile(times, 0.99), times.Average(), times[0]);
    }

    private static double Percentile(double[] sorted, double quantile)
    {
        double rank = quantile * (sorted.Length - 1);
        int low = (int)Math.Floor(rank);
        int high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}
