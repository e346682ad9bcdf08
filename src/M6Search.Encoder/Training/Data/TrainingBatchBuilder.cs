using M6Search.Encoder.Tokenization;
using TorchSharp;

namespace M6Search.Encoder.Training.Data;

/// <summary>Turns a sampled batch into CPU tensors the trainer takes.</summary>
public static class TrainingBatchBuilder
{
    /// <summary>Images [B, 3, S, S] and tokenized texts; the tensors belong to the caller's dispose scope.</summary>
    public static TrainingBatch Build(PairDataset dataset, SampledBatch batch, ProductTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(tokenizer);
        int size = dataset.ImageSize;
        int imageLength = 3 * size * size;
        var pixels = new float[batch.Products.Length * imageLength];
        for (int i = 0; i < batch.Products.Length; i++)
        {
            dataset.Image(batch.Products[i]).CopyTo(pixels.AsSpan(i * imageLength, imageLength));
        }

        var images = torch.tensor(pixels, [batch.Products.Length, 3, size, size]);
        return TrainingBatch.From(images, tokenizer.EncodeBatch(batch.Texts));
    }
}
