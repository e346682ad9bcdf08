using M6Search.Encoder.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>
/// Switch Transformer initialisation: weights from a normal distribution truncated at two standard deviations, with
/// std = sqrt(scale / fan_in) and scale 0.1 instead of 1, which the paper found makes sparse training stable.
/// Sampled by inverting the normal CDF on a uniform draw (TorchSharp 0.107's <c>nn.init.trunc_normal_</c> fills the
/// tensor with a constant, so it is not used).
/// </summary>
public static class SwitchInit
{
    /// <summary>erf(2 / sqrt 2): the normal CDF maps [-2 sigma, 2 sigma] to [(1 - this) / 2, (1 + this) / 2].</summary>
    private const double TwoSigmaErf = 0.9544997361036416;

    /// <summary>Fills <paramref name="weight"/> in place with std sqrt(<paramref name="scale"/> / <paramref name="fanIn"/>).</summary>
    public static void TruncatedNormal(Tensor weight, long fanIn, double scale, Generator? generator) =>
        TwoSigmaTruncatedNormal(weight, Math.Sqrt(scale / fanIn), generator);

    /// <summary>
    /// The standard deviation that <see cref="TruncatedNormal"/> actually produces: sqrt(scale / fan_in) times that of a
    /// standard normal truncated at two standard deviations (about 0.880).
    /// </summary>
    public static double ExpectedStd(long fanIn, double scale)
    {
        double density = Math.Exp(-2) / Math.Sqrt(2 * Math.PI);
        return Math.Sqrt(scale / fanIn) * Math.Sqrt(1 - (2 * 2 * density / TwoSigmaErf));
    }

    /// <summary>Fills an embedding table in place (std 0.02, truncated at two standard deviations).</summary>
    public static void Embedding(Tensor weight, Generator? generator) => TwoSigmaTruncatedNormal(weight, 0.02, generator);

    /// <summary>Normal(0, std) truncated to [-2 std, 2 std], in place.</summary>
    public static void TwoSigmaTruncatedNormal(Tensor weight, double std, Generator? generator)
    {
        ArgumentNullException.ThrowIfNull(weight);
        using var noGrad = torch.no_grad();
        weight.uniform_(-TwoSigmaErf, TwoSigmaErf, generator)
            .erfinv_()
            .TimesInPlace(std * Math.Sqrt(2))
            .WithinInPlace(-2 * std, 2 * std);
    }
}
