namespace M6Search.Indexing.Jobs;

/// <summary>
/// Time spent per stage, in seconds. Stages run at once (a pipeline), so these add up to more than the wall time;
/// image reading and decoding run on several threads and are summed over them (CPU-seconds of work).
/// </summary>
public sealed record StageTimes
{
    /// <summary>Scrolling the store for the ids and hashes already there.</summary>
    public double LoadExisting { get; init; }

    /// <summary>Reading and parsing catalog rows.</summary>
    public double Read { get; init; }

    /// <summary>Reading image bytes and hashing content (summed over threads).</summary>
    public double ImageRead { get; init; }

    /// <summary>Decoding and preprocessing images (summed over threads).</summary>
    public double Decode { get; init; }

    /// <summary>Encoding titles.</summary>
    public double EncodeText { get; init; }

    /// <summary>Encoding images.</summary>
    public double EncodeImage { get; init; }

    /// <summary>Computing lexical vectors.</summary>
    public double Lexical { get; init; }

    /// <summary>Upserting to the store.</summary>
    public double Upsert { get; init; }

    /// <summary>Deleting from the store.</summary>
    public double Delete { get; init; }
}
