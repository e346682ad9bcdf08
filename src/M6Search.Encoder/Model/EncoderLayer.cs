using M6Search.Encoder.Moe;
using M6Search.Encoder.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>
/// One pre-LayerNorm transformer layer: x + attention(norm(x)), then h + feed-forward(norm(h)), where the feed-forward
/// is dense or a sparse <see cref="MoeFeedForward"/>.
/// </summary>
public sealed class EncoderLayer : nn.Module<Tensor, SequenceMask, LayerOutput>
{
    [ComponentName(Name = "attention_norm")]
    private readonly LayerNorm _attentionNorm;

    [ComponentName(Name = "attention")]
    private readonly SelfAttention _attention;

    [ComponentName(Name = "attention_dropout")]
    private readonly RandomDropout _attentionDropout;

    [ComponentName(Name = "ffn_norm")]
    private readonly LayerNorm _feedForwardNorm;

    [ComponentName(Name = "ffn")]
    private readonly DenseFeedForward? _dense;

    [ComponentName(Name = "moe")]
    private readonly MoeFeedForward? _moe;

    [ComponentName(Name = "ffn_dropout")]
    private readonly RandomDropout _feedForwardDropout;

    /// <summary>Layer <paramref name="index"/> (0-based) of an encoder shaped by <paramref name="config"/>.</summary>
    public EncoderLayer(string name, int index, EncoderConfig config, ComputePrecision precision, ModelRandomness randomness, Generator? init)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(config);
        _attentionNorm = nn.LayerNorm(config.ModelDim);
        _attention = new SelfAttention("attention", config.ModelDim, config.Heads, config.InitScale, precision, init);
        _attentionDropout = new RandomDropout("attention_dropout", config.Dropout, randomness);
        _feedForwardNorm = nn.LayerNorm(config.ModelDim);
        if (config.IsMoeLayer(index))
        {
            _moe = new MoeFeedForward("moe", config, precision, randomness, init);
        }
        else
        {
            _dense = new DenseFeedForward(
                "ffn", config.ModelDim, config.FeedForwardDimAt(index), config.Dropout, config.InitScale, precision, randomness, init);
        }

        _feedForwardDropout = new RandomDropout("ffn_dropout", config.Dropout, randomness);
        RegisterComponents();
    }

    /// <summary>True when the feed-forward is a sparse MoE layer.</summary>
    public bool IsMoe => _moe is not null;

    /// <summary>The MoE feed-forward; null in a dense layer.</summary>
    public MoeFeedForward? Moe => _moe;

    /// <inheritdoc />
    public override LayerOutput forward(Tensor input, SequenceMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        Tensor hidden = AttentionResidual(input, mask);
        (Tensor output, MoeOutput? moe) = FeedForwardResidual(hidden, mask);
        return new LayerOutput(output, moe?.Report);
    }

    /// <summary>x + dropout(attention(norm(x))).</summary>
    public Tensor AttentionResidual(Tensor input, SequenceMask mask)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(mask);
        return input.Plus(_attentionDropout.call(_attention.call(_attentionNorm.call(input), mask.Attention)));
    }

    /// <summary>
    /// h + dropout(feed-forward(norm(h))), with the MoE routing when this is a MoE layer. A token a full expert dropped
    /// gets a zero feed-forward output, so it leaves this block exactly as it came in.
    /// </summary>
    public (Tensor Output, MoeOutput? Moe) FeedForwardResidual(Tensor hidden, SequenceMask mask)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        ArgumentNullException.ThrowIfNull(mask);
        Tensor normed = _feedForwardNorm.call(hidden);
        if (_moe is null)
        {
            return (hidden.Plus(_feedForwardDropout.call(_dense!.call(normed))), null);
        }

        MoeOutput moe = _moe.call(normed.reshape(-1, normed.shape[^1]), mask.TokenIndex);
        return (hidden.Plus(_feedForwardDropout.call(moe.Output.view(hidden.shape))), moe);
    }
}
