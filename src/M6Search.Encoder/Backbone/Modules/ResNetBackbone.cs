using M6Search.Encoder.Backbone.Import;
using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace M6Search.Encoder.Backbone.Modules;

/// <summary>
/// A basic-block ImageNet ResNet in TorchSharp, laid out as in pytorch/vision: <c>conv1</c> (7x7/2), <c>relu</c>,
/// <c>maxpool</c> (3x3/2), <c>layer1</c>..<c>layer4</c> of <see cref="BasicBlock"/>s (64, 128, 256, 512 channels), and
/// a global <c>avgpool</c>. The blocks per stage come from the file: the package's CNTK "ResNet18" has 2/2/2/3 (one
/// block more in layer4 than pytorch/vision's resnet18). Every BatchNormalization is folded into the convolution
/// before it (so the module has no running statistics and behaves the same in train and eval mode), and the paddings
/// are the CNTK export's asymmetric ones, computed exactly. Input: <see cref="Preprocessing.ResNetPreprocess"/>'s
/// output, [B, 3, H, W] with H and W multiples of 32. Build one with <see cref="FromOnnx"/>; it moves to CUDA with
/// <c>to(device)</c> like any module.
/// </summary>
public sealed class ResNetBackbone : nn.Module<Tensor, BackboneFeatures>
{
    /// <summary>Input sides must be multiples of this (the stage-4 map is H/32 x W/32).</summary>
    public const int SideMultiple = 32;

    /// <summary>Padding of the stem convolution in the CNTK export (top, left, bottom, right).</summary>
    public static readonly Padding2d StemPadding = new(3, 3, 2, 2);

    /// <summary>Padding of the stem max pooling and of every strided 3x3 convolution in the CNTK export.</summary>
    public static readonly Padding2d StridedPadding = new(1, 1, 0, 0);

    [ComponentName(Name = "conv1")]
    private readonly PaddedConv2d _conv1;

    [ComponentName(Name = "relu")]
    private readonly ReLU _relu;

    [ComponentName(Name = "maxpool")]
    private readonly PaddedMaxPool2d _maxPool;

    [ComponentName(Name = "layer1")]
    private readonly Sequential _layer1;

    [ComponentName(Name = "layer2")]
    private readonly Sequential _layer2;

    [ComponentName(Name = "layer3")]
    private readonly Sequential _layer3;

    [ComponentName(Name = "layer4")]
    private readonly Sequential _layer4;

    [ComponentName(Name = "avgpool")]
    private readonly AdaptiveAvgPool2d _avgPool;

    /// <summary>The architecture with zero weights; <see cref="FromOnnx"/> is the way to get a usable one.</summary>
    /// <param name="blocksPerStage">Basic blocks in layer1..layer4, each at least 1.</param>
    /// <param name="name">Module name.</param>
    internal ResNetBackbone(IReadOnlyList<int> blocksPerStage, string name = "resnet")
        : base(name)
    {
        if (blocksPerStage.Count != 4 || blocksPerStage.Any(b => b < 1))
        {
            throw new ArgumentException($"A ResNet backbone needs 4 stages of at least one block, got {string.Join("/", blocksPerStage)}.", nameof(blocksPerStage));
        }

        BlocksPerStage = blocksPerStage.ToArray();
        _conv1 = new PaddedConv2d("conv1", 3, 64, ConvGeometry.Square(7, 2, StemPadding));
        _relu = nn.ReLU(inplace: true);
        _maxPool = new PaddedMaxPool2d("maxpool", ConvGeometry.Square(3, 2, StridedPadding));
        _layer1 = Stage(64, 64, 1, blocksPerStage[0]);
        _layer2 = Stage(64, 128, 2, blocksPerStage[1]);
        _layer3 = Stage(128, 256, 2, blocksPerStage[2]);
        _layer4 = Stage(256, 512, 2, blocksPerStage[3]);
        _avgPool = nn.AdaptiveAvgPool2d(1);
        RegisterComponents();
        eval();
    }

    /// <summary>Basic blocks in layer1..layer4.</summary>
    public IReadOnlyList<int> BlocksPerStage { get; }

    /// <summary>What training may change; see <see cref="SetTrainable"/>.</summary>
    public BackboneTrainable Trainable { get; private set; } = BackboneTrainable.All;

    /// <summary>Channels of a stage's output: 256 for stage 3, 512 for stage 4 and the pooled vector.</summary>
    public static int Channels(BackboneStage stage) => stage == BackboneStage.Stage3 ? 256 : 512;

    /// <summary>How many input pixels one cell of a stage's map spans along each side: 16 for stage 3, 32 for stage 4.</summary>
    public static int Stride(BackboneStage stage) => stage == BackboneStage.Stage3 ? 16 : 32;

    /// <summary>
    /// Reads a ResNet .onnx (<see cref="ResNetOnnxImporter"/>), builds the blocks it has, folds each BatchNormalization into its
    /// convolution, and loads the weights by module name with every shape and geometry checked. The result is in eval
    /// mode and locked (<see cref="BackboneTrainable.None"/>).
    /// </summary>
    /// <exception cref="BackboneImportException">The file is missing, unreadable or another network.</exception>
    public static ResNetBackbone FromOnnx(string networkFile)
    {
        var graph = ResNetOnnxImporter.Import(networkFile);
        var backbone = new ResNetBackbone(graph.BlocksPerStage);
        try
        {
            backbone.Load(graph);
            backbone.SetTrainable(BackboneTrainable.None);
            return backbone;
        }
        catch
        {
            backbone.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sets <c>requires_grad</c>: <see cref="BackboneTrainable.None"/> locks everything, <see cref="BackboneTrainable.LastStage"/>
    /// leaves only layer4 trainable, <see cref="BackboneTrainable.All"/> everything. Locked stages then also run without
    /// recording gradients when the caller records them (less memory and time).
    /// </summary>
    public void SetTrainable(BackboneTrainable trainable)
    {
        foreach (var (name, parameter) in named_parameters())
        {
            parameter.requires_grad = trainable switch
            {
                BackboneTrainable.All => true,
                BackboneTrainable.LastStage => name.StartsWith("layer4.", StringComparison.Ordinal),
                _ => false,
            };
        }

        Trainable = trainable;
    }

    /// <summary>Every output: the stage-3 and stage-4 maps (contiguous NCHW) and the pooled vector.</summary>
    public override BackboneFeatures forward(Tensor input)
    {
        var stage3 = Stage3(input);
        var (stage4, pooled) = Stage4AndPool(stage3);
        return new BackboneFeatures { Stage3 = stage3.contiguous(), Stage4 = stage4.contiguous(), Pooled = pooled };
    }

    /// <summary>Only the output asked for (maps contiguous NCHW), computing no further than needed (stage 3 skips layer4).</summary>
    public Tensor Features(Tensor input, BackboneStage stage)
    {
        var stage3 = Stage3(input);
        if (stage == BackboneStage.Stage3)
        {
            return stage3.contiguous();
        }

        var (stage4, pooled) = Stage4AndPool(stage3);
        return stage == BackboneStage.Stage4 ? stage4.contiguous() : pooled;
    }

    /// <summary>
    /// The same values in channels-last memory order (NHWC strides, still indexed [B, C, H, W]). The convolutions keep
    /// that order from layer to layer, which libtorch's CPU kernels run about a third faster than the default order
    /// (docs/backbone.md); the public outputs are made contiguous again.
    /// </summary>
    private static Tensor ChannelsLast(Tensor input) =>
        input.stride(1) == 1 ? input : input.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);

    private Tensor Stage3(Tensor input)
    {
        CheckInput(input);
        using var locked = Trainable == BackboneTrainable.All ? null : torch.no_grad();
        var x = _maxPool.call(_relu.call(_conv1.call(ChannelsLast(input))));
        return _layer3.call(_layer2.call(_layer1.call(x)));
    }

    private (Tensor Stage4, Tensor Pooled) Stage4AndPool(Tensor stage3)
    {
        using var locked = Trainable == BackboneTrainable.None ? torch.no_grad() : null;
        var stage4 = _layer4.call(stage3);
        return (stage4, _avgPool.call(stage4).flatten(1));
    }

    private static void CheckInput(Tensor input)
    {
        if (input.dim() != 4 || input.shape[1] != 3 || input.shape[2] % SideMultiple != 0 || input.shape[3] % SideMultiple != 0 ||
            input.shape[2] == 0 || input.shape[3] == 0)
        {
            throw new ArgumentException(
                $"The ResNet backbone takes [B, 3, H, W] with H and W positive multiples of {SideMultiple}; got [{string.Join(", ", input.shape)}].",
                nameof(input));
        }
    }

    private static Sequential Stage(long inChannels, long outChannels, int stride, int blocks) => nn.Sequential(
        Enumerable.Range(0, blocks).Select(i => (
            i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (nn.Module<Tensor, Tensor>)new BasicBlock(
                i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                i == 0 ? inChannels : outChannels,
                outChannels,
                i == 0 ? stride : 1,
                StridedPadding))));

    private void Load(ResNetOnnxGraph graph)
    {
        if (graph.MaxPool != _maxPool.Geometry)
        {
            throw new BackboneImportException(graph.File, $"the stem max pooling has {graph.MaxPool}; our maxpool has {_maxPool.Geometry}.");
        }

        var remaining = new HashSet<string>(graph.Convolutions.Keys, StringComparer.Ordinal);
        foreach (var (name, module) in named_modules())
        {
            if (module is not PaddedConv2d conv)
            {
                continue;
            }

            if (!graph.Convolutions.TryGetValue(name, out var imported))
            {
                throw new BackboneImportException(graph.File, $"no convolution of the graph maps to our module {name}.");
            }

            if (imported.Geometry != conv.Geometry)
            {
                throw new BackboneImportException(graph.File, $"Conv '{imported.ConvNode}' ({name}) has {imported.Geometry}; our module has {conv.Geometry}.");
            }

            using var scope = torch.NewDisposeScope();
            var (weight, bias) = BatchNormFolding.Fold(imported);
            if (!weight.shape.SequenceEqual(conv.Weight.shape) || !bias.shape.SequenceEqual(conv.Bias.shape))
            {
                throw new BackboneImportException(
                    graph.File,
                    $"Conv '{imported.ConvNode}' ({name}) has weight {imported.Weight.ShapeText}; our module expects " +
                    $"{string.Join("x", conv.Weight.shape)} (ResNet's 64/128/256/512 channels).");
            }

            using (torch.no_grad())
            {
                conv.Weight.copy_(weight);
                conv.Bias.copy_(bias);
            }

            remaining.Remove(name);
        }

        if (remaining.Count > 0)
        {
            throw new BackboneImportException(graph.File, $"convolutions with no module of ours: {string.Join(", ", remaining)}.");
        }
    }
}
