using M6Search.Encoder.Backbone.Files;
using M6Search.Encoder.Backbone.Import;
using M6Search.Encoder.Backbone.Modules;
using M6Search.Encoder.Backbone.Preprocessing;
using M6Search.Encoder.Runtime;
using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace M6Search.Encoder.Backbone;

/// <summary>
/// The pretrained image backbone as the encoder uses it: <see cref="ResNetPreprocess"/> then <see cref="ResNetBackbone"/>,
/// from decoded RGB pixels to the stage-3 / stage-4 feature maps and the pooled vector, with the <see cref="BackboneIdentity"/>
/// of the files it was built from. One TorchSharp module: <c>to(device)</c> moves all of it; it starts locked
/// (<see cref="BackboneTrainable.None"/>) and in eval mode. Run inference inside <c>torch.inference_mode()</c> and a
/// dispose scope, like the rest of the encoder.
/// </summary>
public sealed class ImageBackbone : nn.Module<Tensor, BackboneFeatures>
{
    [ComponentName(Name = "preprocess")]
    private readonly ResNetPreprocess _preprocess;

    [ComponentName(Name = "network")]
    private readonly ResNetBackbone _network;

    private ImageBackbone(BackboneIdentity identity, ResNetPreprocess preprocess, ResNetBackbone network)
        : base("image_backbone")
    {
        Identity = identity;
        _preprocess = preprocess;
        _network = network;
        RegisterComponents();
        eval();
    }

    /// <summary>The backbone the files were verified against (what a model file stores).</summary>
    public BackboneIdentity Identity { get; }

    /// <summary>The preprocessing half.</summary>
    public ResNetPreprocess Preprocess => _preprocess;

    /// <summary>The network half (stage sizes: <see cref="ResNetBackbone.Channels"/>, <see cref="ResNetBackbone.Stride"/>).</summary>
    public ResNetBackbone Network => _network;

    /// <summary>What training may change.</summary>
    public BackboneTrainable Trainable => _network.Trainable;

    /// <summary>
    /// Locates <paramref name="identity"/> (<see cref="BackboneLocator"/>: configured folder, app folder, NuGet package
    /// folder, each checked by SHA-256) and builds the backbone from it.
    /// </summary>
    /// <exception cref="BackboneFileException">The files are missing or different.</exception>
    /// <exception cref="BackboneImportException">A verified file still cannot be read (not expected for a known identity).</exception>
    public static ImageBackbone Load(BackboneIdentity identity, BackbonePixelInput input, BackboneLocatorOptions? locator = null) =>
        Load(new BackboneLocator(locator).Locate(identity), input);

    /// <summary>
    /// Builds the backbone from already located and verified files. Also makes the process's native allocator reuse
    /// freed activation memory (<see cref="NativeHeap.ReuseFreedMemory"/>): a CNN's per-call activations otherwise
    /// page-fault in anew on every batch.
    /// </summary>
    /// <exception cref="BackboneImportException">A file cannot be read or is another network.</exception>
    public static ImageBackbone Load(BackboneFiles files, BackbonePixelInput input)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(input);
        NativeHeap.ReuseFreedMemory();
        var preprocess = ResNetPreprocess.FromOnnx(files.PreprocessFile, input);
        try
        {
            return new ImageBackbone(files.Identity, preprocess, ResNetBackbone.FromOnnx(files.NetworkFile));
        }
        catch
        {
            preprocess.Dispose();
            throw;
        }
    }

    /// <inheritdoc cref="ResNetBackbone.SetTrainable"/>
    public void SetTrainable(BackboneTrainable trainable) => _network.SetTrainable(trainable);

    /// <summary>
    /// [B, 3, H, W] RGB pixels in the <see cref="BackbonePixelInput"/> encoding given at load (H and W multiples of 32)
    /// to every output.
    /// </summary>
    public override BackboneFeatures forward(Tensor pixels) => _network.call(_preprocess.call(pixels));

    /// <summary>Only one output, computing no further than it needs (stage 3 skips layer4).</summary>
    public Tensor Features(Tensor pixels, BackboneStage stage) => _network.Features(_preprocess.call(pixels), stage);
}
