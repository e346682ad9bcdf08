using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>Which tokens of a batch are real (text batches are padded); images have no padding.</summary>
public sealed class SequenceMask
{
    private SequenceMask(Tensor? real, Tensor? attention, Tensor? tokenIndex)
    {
        Real = real;
        Attention = attention;
        TokenIndex = tokenIndex;
    }

    /// <summary>Every token is real.</summary>
    public static SequenceMask None { get; } = new(null, null, null);

    /// <summary>[B, T] true for real tokens; null when all are real.</summary>
    public Tensor? Real { get; }

    /// <summary>[B, 1, 1, T] the same, shaped for attention; null when all are real.</summary>
    public Tensor? Attention { get; }

    /// <summary>[real tokens] indices of the real tokens in the flattened [B x T] batch; null when all are real.</summary>
    public Tensor? TokenIndex { get; }

    /// <summary>The mask of a padded batch (one host round trip to find the real tokens, once per forward pass).</summary>
    public static SequenceMask FromPadding(Tensor real)
    {
        ArgumentNullException.ThrowIfNull(real);
        Tensor mask = real.to_type(ScalarType.Bool);
        Tensor attention = mask.view(mask.shape[0], 1, 1, mask.shape[1]);
        Tensor index = mask.reshape(-1).nonzero().view(-1);
        return new SequenceMask(mask, attention, index);
    }
}
