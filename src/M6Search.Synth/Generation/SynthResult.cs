namespace M6Search.Synth.Generation;

/// <summary>What a generation run wrote and how long it took.</summary>
public sealed record SynthResult
{
    public required string OutputDirectory { get; init; }

    public required int Products { get; init; }

    public required int Pairs { get; init; }

    public required int Queries { get; init; }

    public required int ImagesWritten { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public double ProductsPerSecond => Elapsed.TotalSeconds > 0 ? Products / Elapsed.TotalSeconds : double.PositiveInfinity;
}
