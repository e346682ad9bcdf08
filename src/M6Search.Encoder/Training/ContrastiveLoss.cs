using M6Search.Encoder.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Training;

/// <summary>Symmetric InfoNCE (CLIP) over a batch of matching image and text embeddings.</summary>
public static class ContrastiveLoss
{
    /// <summary>
    /// Mean of the image-to-text and text-to-image cross-entropies of scale x cosine similarities, where pair i is the
    /// positive for row i and every other row of the batch a negative; with the in-batch accuracies of both directions.
    /// </summary>
    public static (Tensor Loss, Tensor ImageToTextAccuracy, Tensor TextToImageAccuracy) Compute(
        Tensor imageEmbeddings, Tensor textEmbeddings, Tensor logitScale)
    {
        ArgumentNullException.ThrowIfNull(imageEmbeddings);
        ArgumentNullException.ThrowIfNull(textEmbeddings);
        ArgumentNullException.ThrowIfNull(logitScale);
        Tensor logits = imageEmbeddings.matmul(textEmbeddings.t()).mul(logitScale);
        Tensor labels = KeptScalars.Range(0, logits.shape[0], 1, logits.device);
        Tensor imageToText = nn.functional.cross_entropy(logits, labels);
        Tensor textToImage = nn.functional.cross_entropy(logits.t(), labels);
        Tensor loss = imageToText.Plus(textToImage).DividedBy(2);
        Tensor imageAccuracy = logits.argmax(dim: 1).eq(labels).to_type(ScalarType.Float32).mean();
        Tensor textAccuracy = logits.argmax(dim: 0).eq(labels).to_type(ScalarType.Float32).mean();
        return (loss, imageAccuracy, textAccuracy);
    }
}
