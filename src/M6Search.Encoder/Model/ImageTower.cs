using System.Text;
using M6Search.Encoder.Backbone;
using M6Search.Encoder.Backbone.Files;
using M6Search.Encoder.Backbone.Modules;
using M6Search.Encoder.Backbone.Preprocessing;
using M6Search.Imaging;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace M6Search.Encoder.Model;

/// <summary>
/// The image side of an encoder with a <see cref="EncoderConfig.Backbone"/>: the pretrained <see cref="ImageBackbone"/>
/// (located and SHA-256-checked like any backbone) turns normalised pixels (<see cref="ImageLoadOptions"/>' default
/// encoding, as the indexer, the web app and the trainer decode them) into the feature map at the configured stage, and
/// the same pixels give the colour cells. Where training changed backbone weights, the model file carries that part
/// and it is loaded over the package's weights. Not a module of the encoder on purpose: locked weights never go into
/// a model file.
/// </summary>
public sealed class ImageTower : IDisposable
{
    private readonly ImageBackbone _backbone;

    private ImageTower(ImageBackbone backbone, ImageBackboneConfig config, int imageSize)
    {
        _backbone = backbone;
        Config = config;
        ImageSize = imageSize;
    }

    /// <summary>What the tower computes.</summary>
    public ImageBackboneConfig Config { get; }

    /// <summary>Side of the square images it reads.</summary>
    public int ImageSize { get; }

    /// <summary>The backbone module (for tests and trainers).</summary>
    public ImageBackbone Backbone => _backbone;

    /// <summary>
    /// Loads the backbone <paramref name="config"/> names (the package's weights) and, when
    /// <paramref name="trainedWeights"/> is given, the weights an earlier training changed over them. The result is locked.
    /// </summary>
    /// <param name="config">The backbone, stage and colour tokens.</param>
    /// <param name="imageSize">Side of the images.</param>
    /// <param name="trainedWeights">State dict of the trained part, as <see cref="TrainedWeights"/> wrote it; null: the package's weights.</param>
    /// <param name="locator">Where to look for the backbone's files first.</param>
    /// <param name="weightsPart">The part <paramref name="trainedWeights"/> holds; null: <see cref="ImageBackboneConfig.Trained"/>.</param>
    /// <exception cref="BackboneFileException">The backbone's files are missing or different.</exception>
    /// <exception cref="ArgumentException">The trained weights do not fit the backbone.</exception>
    public static ImageTower Load(
        ImageBackboneConfig config, int imageSize, byte[]? trainedWeights = null, BackboneLocatorOptions? locator = null,
        BackboneTrainable? weightsPart = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var backbone = ImageBackbone.Load(config.Identity, BackbonePixelInput.From(new ImageLoadOptions()), locator);
        var tower = new ImageTower(backbone, config, imageSize);
        try
        {
            if (trainedWeights is not null)
            {
                tower.LoadTrainedWeights(trainedWeights, weightsPart ?? config.Trained);
            }

            return tower;
        }
        catch
        {
            tower.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Which weights training may change (<see cref="ImageBackbone.SetTrainable"/>). Weights that train are switched to
    /// the default (contiguous) memory order: the optimizer keeps state tensors shaped like them, and TorchSharp writes
    /// only contiguous tensors into checkpoints. Locked weights keep the backbone's faster channels-last order.
    /// </summary>
    public void SetTrainable(BackboneTrainable trainable)
    {
        _backbone.SetTrainable(trainable);
        using var noGrad = torch.no_grad();
        foreach ((string _, Parameter parameter) in TrainableParameters())
        {
            if (!parameter.is_contiguous())
            {
                using Tensor contiguous = parameter.detach().contiguous();
                parameter.set_(contiguous);
            }
        }
    }

    /// <summary>The parameters training may change (none when locked).</summary>
    public IReadOnlyList<(string Name, Parameter Parameter)> TrainableParameters() =>
        _backbone.named_parameters().Where(p => p.parameter.requires_grad).Select(p => (p.name, p.parameter)).ToList();

    /// <summary>Where the backbone's weights are (CPU until <see cref="MoveTo"/>).</summary>
    public Device Device { get; private set; } = torch.CPU;

    /// <summary>Moves the backbone to <paramref name="device"/>.</summary>
    public void MoveTo(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _backbone.to(device);
        Device = device;
    }

    /// <summary>
    /// [B, 3, S, S] normalised pixels to the feature maps at the configured stage and the colour cells. Runs without a
    /// gradient record for locked stages; call inside the caller's dispose scope (and inference mode when serving).
    /// </summary>
    public ImageFeatures Read(Tensor pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.dim() != 4 || pixels.shape[1] != 3 || pixels.shape[2] != ImageSize || pixels.shape[3] != ImageSize)
        {
            throw new ArgumentException(
                $"Images must be [batch, 3, {ImageSize}, {ImageSize}] for this backbone encoder, got [{string.Join(", ", pixels.shape)}].", nameof(pixels));
        }

        Tensor features = _backbone.Features(pixels, Config.Stage);
        Tensor? cells = Config.ColorGrid > 0 ? ColorCells.Pool(pixels, Config) : null;
        return new ImageFeatures(features, cells);
    }

    /// <summary>
    /// The weights of the part <see cref="ImageBackboneConfig.Trained"/> names; null when locked. Written as the number of
    /// tensors, then each tensor's name and the tensor (TorchSharp's format, contiguous NCHW: the module keeps its
    /// convolution weights channels-last, which TorchSharp's own state-dict writer refuses).
    /// </summary>
    public byte[]? TrainedWeights()
    {
        if (TrainedPart() is not { } part)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            var parameters = part.named_parameters().ToList();
            writer.Write(parameters.Count);
            foreach ((string name, Parameter parameter) in parameters)
            {
                writer.Write(name);
                using Tensor contiguous = parameter.detach().cpu().contiguous();
                contiguous.Save(writer);
            }
        }

        return buffer.ToArray();
    }

    public void Dispose() => _backbone.Dispose();

    private void LoadTrainedWeights(byte[] weights, BackboneTrainable holds)
    {
        nn.Module part = Part(holds)
            ?? throw new ArgumentException("Trained backbone weights were given for a locked backbone.", nameof(weights));
        string what = $"{Config.Identity.Name}'s {BackboneTrainableNames.ToName(holds)}";
        var parameters = part.named_parameters().ToDictionary(p => p.name, p => p.parameter, StringComparer.Ordinal);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(weights, writable: false), Encoding.UTF8);
            int count = reader.ReadInt32();
            if (count != parameters.Count)
            {
                throw new ArgumentException($"The trained backbone weights hold {count} tensors; {what} has {parameters.Count}.", nameof(weights));
            }

            for (int i = 0; i < count; i++)
            {
                string name = reader.ReadString();
                using Tensor loaded = Tensor.Load(reader);
                if (!parameters.TryGetValue(name, out Parameter? target) || !loaded.shape.SequenceEqual(target.shape))
                {
                    throw new ArgumentException(
                        $"The trained backbone weights hold '{name}' [{string.Join(", ", loaded.shape)}], which {what} does not have in that shape.", nameof(weights));
                }

                using (torch.no_grad())
                {
                    target.copy_(loaded);
                }
            }

            if (HasBytesLeft(reader))
            {
                throw new ArgumentException($"The trained backbone weights for {what} have bytes left over.", nameof(weights));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or EndOfStreamException or IOException)
        {
            throw new ArgumentException($"The trained backbone weights do not fit {what}: {e.Message}", nameof(weights), e);
        }

        static bool HasBytesLeft(BinaryReader reader) => reader.BaseStream.Position != reader.BaseStream.Length;
    }

    private nn.Module? TrainedPart() => Part(Config.Trained);

    private nn.Module? Part(BackboneTrainable trained) => trained switch
    {
        BackboneTrainable.None => null,
        BackboneTrainable.LastStage => _backbone.Network.named_children().Single(c => c.name == "layer4").module,
        _ => _backbone.Network,
    };
}
