using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>One batch of one modality for <see cref="MultimodalEncoder"/>.</summary>
public sealed class EncoderInput
{
    private EncoderInput(Tensor? images, Tensor? tokenIds, Tensor? tokenMask)
    {
        Images = images;
        TokenIds = tokenIds;
        TokenMask = tokenMask;
    }

    /// <summary>[B, 3, S, S] normalised float images; null for a text batch.</summary>
    public Tensor? Images { get; }

    /// <summary>[B, T] int64 token ids; null for an image batch.</summary>
    public Tensor? TokenIds { get; }

    /// <summary>[B, T] bool, true for real (non-padding) tokens; null for an image batch.</summary>
    public Tensor? TokenMask { get; }

    /// <summary>An image batch.</summary>
    public static EncoderInput ForImages(Tensor images) => new(images ?? throw new ArgumentNullException(nameof(images)), null, null);

    /// <summary>A text batch.</summary>
    public static EncoderInput ForTexts(Tensor tokenIds, Tensor tokenMask) => new(
        null,
        tokenIds ?? throw new ArgumentNullException(nameof(tokenIds)),
        tokenMask ?? throw new ArgumentNullException(nameof(tokenMask)));
}
