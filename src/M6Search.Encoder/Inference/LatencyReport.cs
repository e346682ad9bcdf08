namespace M6Search.Encoder.Inference;

/// <summary>Wall-clock latency of repeated calls, in milliseconds.</summary>
public sealed record LatencyReport(int Runs, double P50Milliseconds, double P95Milliseconds, double P99Milliseconds, double MeanMilliseconds, double MinMilliseconds);
