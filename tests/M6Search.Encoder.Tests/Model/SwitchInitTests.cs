using M6Search.Encoder.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Tests.Model;

public sealed class SwitchInitTests
{
    [Fact]
    public void TruncatedNormal_HasTheSwitchScale_AndNoValueBeyondTwoSigma()
    {
        using var scope = torch.NewDisposeScope();
        Tensor weight = torch.empty(200, 500);

        SwitchInit.TruncatedNormal(weight, fanIn: 500, scale: 0.1, new Generator(1));

        double std = Math.Sqrt(0.1 / 500);
        // A normal truncated at +-2 sigma has a standard deviation of 0.8796 sigma.
        Assert.Equal(0.8796 * std, weight.std().item<float>(), 4);
        Assert.True(weight.abs().max().item<float>() <= 2 * std * 1.0001);
        Assert.Equal(0, weight.mean().item<float>(), 4);
    }

    [Fact]
    public void TruncatedNormal_IsReproducible_FromTheGeneratorSeed()
    {
        using var scope = torch.NewDisposeScope();
        Tensor a = torch.empty(10);
        Tensor b = torch.empty(10);

        SwitchInit.TruncatedNormal(a, 10, 0.1, new Generator(7));
        SwitchInit.TruncatedNormal(b, 10, 0.1, new Generator(7));

        Assert.True(a.eq(b).all().item<bool>());
        Assert.True(a.unique().output.shape[0] > 1, "the values must not all be the same");
    }
}
