using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>
/// The convolutional image stem of <see cref="PatchStem.Conv"/>: a stack of 3x3, stride-2, padding-1 convolutions with
/// GELU after each, halving the image side per stage until one output cell covers one patch. Channels double per stage
/// and end at the model width. Runs in float32 (a few million multiply-adds per image, small next to the transformer).
/// </summary>
public sealed class ConvStem : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "convs")]
    private readonly ModuleList<Conv2d> _convs;

    /// <summary>A stem for <paramref name="patchSize"/>-pixel patches (a power of two, at least 2) ending in <paramref name="outChannels"/> channels.</summary>
    /// <exception cref="ArgumentException">The patch size is not a power of two of at least 2.</exception>
    public ConvStem(string name, int patchSize, int outChannels, Generator? init)
        : base(name)
    {
        int stages = StageCount(patchSize);
        var convs = new Conv2d[stages];
        long inChannels = 3;
        for (int i = 0; i < stages; i++)
        {
            long channels = ChannelsAt(i, stages, outChannels);
            Conv2d conv = nn.Conv2d(inChannels, channels, kernel_size: 3, stride: 2, padding: 1);
            // He-scaled (2 / fan_in) so the signal keeps its size through the GELUs; biases start at zero.
            SwitchInit.TruncatedNormal(conv.weight!, inChannels * 9, 2.0, init);
            using (torch.no_grad())
            {
                conv.bias!.zero_();
            }

            convs[i] = conv;
            inChannels = channels;
        }

        _convs = new ModuleList<Conv2d>(convs);
        OutChannels = outChannels;
        RegisterComponents();
    }

    /// <summary>Channels of the last stage's output.</summary>
    public int OutChannels { get; }

    /// <summary>True when a stem of stride-2 stages can cut <paramref name="patchSize"/>-pixel patches: a power of two, at least 2.</summary>
    public static bool Supports(int patchSize) => patchSize >= 2 && (patchSize & (patchSize - 1)) == 0;

    /// <summary>Stride-2 stages needed for <paramref name="patchSize"/>: log2 of it.</summary>
    /// <exception cref="ArgumentException">The patch size is not a power of two of at least 2.</exception>
    public static int StageCount(int patchSize)
    {
        if (!Supports(patchSize))
        {
            throw new ArgumentException($"A convolutional stem needs a patch size that is a power of two of at least 2, got {patchSize}.", nameof(patchSize));
        }

        return System.Numerics.BitOperations.Log2((uint)patchSize);
    }

    /// <summary>Channels of stage <paramref name="stage"/>: the output width halved once per later stage, at least 16.</summary>
    public static long ChannelsAt(int stage, int stages, int outChannels) =>
        Math.Max(16, outChannels >> (stages - 1 - stage));

    /// <summary>[B, 3, H, W] to [B, C, H/p, W/p].</summary>
    public override Tensor forward(Tensor images)
    {
        Tensor x = images;
        foreach (Conv2d conv in _convs)
        {
            x = nn.functional.gelu(conv.call(x));
        }

        return x;
    }
}
