using M6Search.Encoder.Training.Data;

namespace M6Search.Encoder.Training;

/// <summary>
/// Where the data pipeline stands, saved in checkpoints so that a resumed run reads the batches an uninterrupted one
/// would have. The trainer stores it and gives it back; its meaning belongs to the pipeline.
/// </summary>
/// <param name="Epoch">Passes over the data completed.</param>
/// <param name="NextBatch">Index in the current epoch's order of the next batch to read.</param>
/// <param name="Seed">Seed the epoch orders derive from.</param>
/// <param name="Grouping">How batches are composed (hard negatives), or null for plain shuffled batches.</param>
public sealed record DataPosition(int Epoch, long NextBatch, long Seed, BatchGrouping? Grouping = null)
{
    /// <summary>The start of a run with <paramref name="seed"/> (and <paramref name="grouping"/>, if any).</summary>
    public static DataPosition Start(long seed, BatchGrouping? grouping = null) => new(0, 0, seed, grouping);
}
