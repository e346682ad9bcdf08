using M6Search.Encoder.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>Inverted dropout whose masks come from the encoder's own <see cref="ModelRandomness"/>.</summary>
public sealed class RandomDropout : nn.Module<Tensor, Tensor>
{
    private readonly double _probability;
    private readonly ModelRandomness _randomness;

    /// <summary>Zeroes each element with probability <paramref name="probability"/> in training mode.</summary>
    public RandomDropout(string name, double probability, ModelRandomness randomness)
        : base(name)
    {
        if (probability is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "Dropout probability must be in [0, 1).");
        }

        _probability = probability;
        _randomness = randomness ?? throw new ArgumentNullException(nameof(randomness));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (!training || _probability == 0)
        {
            return input;
        }

        Generator generator = _randomness.For(input.device);
        Tensor keep = torch.rand(input.shape, dtype: ScalarType.Float32, device: input.device, generator: generator)
            .AtLeastMaskInPlace(_probability);
        return input.mul(keep.to_type(input.dtype)).DividedByInPlace(1 - _probability);
    }
}
