using M6Search.Encoder.Tokenization;

namespace M6Search.Encoder.Training.Data;

/// <summary>Turns a sampled batch into CPU tensors the trainer takes.</summary>
public static class TrainingBatchBuilder
{
    /// <summary>The image side (pixels or cached features) and tokenized texts; the tensors belong to the caller's dispose scope.</summary>
    public static TrainingBatch Build(PairDataset dataset, SampledBatch batch, ProductTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(tokenizer);
        return dataset.Images.Batch(batch.Products, batch.Views, tokenizer.EncodeBatch(batch.Texts));
    }
}
