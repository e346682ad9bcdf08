namespace M6Search.Encoder.Training.Data;

/// <summary>
/// One batch as the sampler chose it: dataset indices of the products, the text drawn for each, and the image view
/// drawn for each (all 0 when the images have one view).
/// </summary>
public sealed record SampledBatch(int[] Products, string[] Texts, int[] Views);
