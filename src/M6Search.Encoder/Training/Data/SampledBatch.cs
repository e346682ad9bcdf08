namespace M6Search.Encoder.Training.Data;

/// <summary>One batch as the sampler chose it: dataset indices of the products and the text drawn for each.</summary>
public sealed record SampledBatch(int[] Products, string[] Texts);
