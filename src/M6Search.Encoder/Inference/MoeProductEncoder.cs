using M6Search.Encoder.Backbone;
using M6Search.Encoder.Backbone.Files;
using M6Search.Encoder.Model;
using M6Search.Encoder.Runtime;
using M6Search.Encoder.Serialization;
using M6Search.Encoder.Tokenization;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Inference;

/// <summary>
/// <see cref="IProductEncoder"/> over a <see cref="MultimodalEncoder"/>: tokenizes, batches, runs the model in
/// inference mode with one dispose scope per batch and copies the embeddings out to float arrays. An encoder with a
/// pretrained backbone reads images through its <see cref="ImageTower"/> (backbone, then encoder, in the same batch);
/// texts never touch the backbone. Safe to call from
/// several threads (grad mode and dispose scopes are per thread; the model is not modified), and safe to dispose while
/// other threads embed: <see cref="Dispose"/> waits for the embeddings in progress before it frees the model's native
/// tensors, and later calls throw <see cref="ObjectDisposedException"/>. (Freeing the weights under a running forward
/// pass corrupted the native heap: a web app stopping while its demo catalog was still being indexed crashed with
/// "double free or corruption"; tests/M6Search.Encoder.Tests/Inference/EncoderDisposalTests.cs.)
/// </summary>
public sealed class MoeProductEncoder : IProductEncoder
{
    private readonly MultimodalEncoder _model;
    private readonly ImageTower? _tower;
    private readonly ProductTokenizer _tokenizer;
    private readonly Device _device;
    private readonly int _batchSize;
    private readonly bool _ownsModel;

    // Embeddings hold the read side while they use the model; Dispose takes the write side once, so it waits for the
    // embeddings in progress and none starts after it. Never disposed itself: a caller may be waiting on it.
    private readonly ReaderWriterLockSlim _lifetime = new();
    private bool _disposed;

    /// <summary>Wraps an encoder already on <paramref name="device"/>; it is switched to eval mode.</summary>
    /// <param name="model">The encoder.</param>
    /// <param name="tokenizer">The tokenizer its token embeddings were trained with.</param>
    /// <param name="modelVersion">Identifies the weights.</param>
    /// <param name="device">Where the model's parameters are.</param>
    /// <param name="batchSize">Most items per forward pass.</param>
    /// <param name="ownsModel">Dispose the model (and the tower) with this encoder.</param>
    /// <param name="tower">The image side of an encoder with a backbone (on the same device); required exactly then.</param>
    public MoeProductEncoder(
        MultimodalEncoder model, ProductTokenizer tokenizer, string modelVersion, Device device, int batchSize = 32, bool ownsModel = false,
        ImageTower? tower = null)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _tokenizer = tokenizer ?? throw new ArgumentNullException(nameof(tokenizer));
        ArgumentException.ThrowIfNullOrWhiteSpace(modelVersion);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (tokenizer.Options.VocabSize != model.Config.VocabSize)
        {
            throw new ArgumentException(
                $"Tokenizer vocabulary ({tokenizer.Options.VocabSize}) differs from the encoder's ({model.Config.VocabSize}).",
                nameof(tokenizer));
        }

        if ((model.Config.Backbone is null) != (tower is null))
        {
            throw new ArgumentException(
                model.Config.Backbone is null
                    ? $"Encoder '{model.Config.Name}' has its own patch tokens; it takes no image tower."
                    : $"Encoder '{model.Config.Name}' reads images through {model.Config.Backbone.Identity.Name}; give it its image tower.",
                nameof(tower));
        }

        _tower = tower;
        ModelVersion = modelVersion;
        _device = device ?? throw new ArgumentNullException(nameof(device));
        _batchSize = batchSize;
        _ownsModel = ownsModel;
        _model.eval();
    }

    /// <inheritdoc />
    public int Dimension => _model.Config.EmbeddingDim;

    /// <inheritdoc />
    public int ImageSize => _model.Config.ImageSize;

    /// <inheritdoc />
    public string ModelVersion { get; }

    /// <summary>The encoder's configuration.</summary>
    public EncoderConfig Config => _model.Config;

    /// <summary>Loads a model file onto the chosen device.</summary>
    /// <param name="modelPath">The model file.</param>
    /// <param name="device">Where to run.</param>
    /// <param name="batchSize">Most items per forward pass.</param>
    /// <param name="dropTokensAtCapacity">
    /// False (the default): experts get room for every token, so an embedding is the same whether an item is embedded
    /// alone (a shopper's query or photo) or in a batch (an indexing job). True: the config's evaluation capacity
    /// factor (2.0), as in Switch Transformer's evaluation, where an item's batch mates can push its tokens out.
    /// </param>
    /// <param name="backbone">Where to look for the backbone's files first (the app folder and the NuGet folder follow).</param>
    /// <exception cref="ModelFileException">
    /// The file cannot be used, or it names a backbone whose files are missing or different (the message says which
    /// package, version and SHA-256 it needs and where it looked).
    /// </exception>
    public static MoeProductEncoder Load(
        string modelPath, DeviceChoice device = DeviceChoice.Auto, int batchSize = 32, bool dropTokensAtCapacity = false,
        BackboneLocatorOptions? backbone = null)
    {
        Device target = ComputeDevice.Resolve(device);
        LoadedModel loaded = ModelFile.Load(modelPath, target);
        ImageTower? tower = null;
        if (loaded.Header.Config.Backbone is { } backboneConfig)
        {
            try
            {
                tower = ImageTower.Load(backboneConfig, loaded.Header.Config.ImageSize, loaded.BackboneWeights, backbone);
                tower.MoveTo(target);
            }
            catch (Exception e) when (e is BackboneException or ArgumentException)
            {
                tower?.Dispose();
                loaded.Model.Dispose();
                throw new ModelFileException(
                    Path.GetFullPath(modelPath),
                    $"it reads images through the pretrained backbone {backboneConfig.Identity.Describe()}, which cannot be used: {e.Message}", e);
            }
        }

        if (!dropTokensAtCapacity)
        {
            foreach (EncoderLayer layer in loaded.Model.Layers)
            {
                if (layer.Moe is { } moe)
                {
                    moe.EvalCapacityFactor = (double)moe.Experts / moe.Groups;
                }
            }
        }

        return new MoeProductEncoder(
            loaded.Model, new ProductTokenizer(loaded.Header.Tokenizer), loaded.Header.ModelVersion, target, batchSize, ownsModel: true, tower);
    }

    /// <inheritdoc />
    public float[][] EmbedTexts(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return WhileAlive(() => EmbedTextsCore(texts));
    }

    /// <inheritdoc />
    public float[][] EmbedImages(IReadOnlyList<float[]> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        return WhileAlive(() => EmbedImagesCore(images));
    }

    /// <summary>Waits for the embeddings in progress, then frees the model (when owned); later calls throw.</summary>
    public void Dispose()
    {
        _lifetime.EnterWriteLock();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_ownsModel)
            {
                _model.Dispose();
                _tower?.Dispose();
            }
        }
        finally
        {
            _lifetime.ExitWriteLock();
        }
    }

    private float[][] WhileAlive(Func<float[][]> embed)
    {
        _lifetime.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return embed();
        }
        finally
        {
            _lifetime.ExitReadLock();
        }
    }

    private float[][] EmbedTextsCore(IReadOnlyList<string> texts)
    {
        var result = new float[texts.Count][];
        for (int start = 0; start < texts.Count; start += _batchSize)
        {
            int count = Math.Min(_batchSize, texts.Count - start);
            var slice = new string[count];
            for (int i = 0; i < count; i++)
            {
                slice[i] = texts[start + i] ?? throw new ArgumentException($"Text {start + i} is null.", nameof(texts));
            }

            TokenBatch tokens = _tokenizer.EncodeBatch(slice);
            using var scope = torch.NewDisposeScope();
            using var inference = torch.inference_mode();
            Tensor ids = tokens.IdsTensor(_device);
            Tensor mask = tokens.MaskTensor(_device);
            CopyOut(_model.EncodeTexts(ids, mask).Embeddings, result, start);
        }

        return result;
    }

    private float[][] EmbedImagesCore(IReadOnlyList<float[]> images)
    {
        int size = ImageSize;
        int length = 3 * size * size;
        var result = new float[images.Count][];
        for (int start = 0; start < images.Count; start += _batchSize)
        {
            int count = Math.Min(_batchSize, images.Count - start);
            var pixels = new float[count * length];
            for (int i = 0; i < count; i++)
            {
                float[] image = images[start + i] ?? throw new ArgumentException($"Image {start + i} is null.", nameof(images));
                if (image.Length != length)
                {
                    throw new ArgumentException(
                        $"Image {start + i} has {image.Length} values; expected 3 x {size} x {size} = {length}.", nameof(images));
                }

                image.CopyTo(pixels, i * length);
            }

            using var scope = torch.NewDisposeScope();
            using var inference = torch.inference_mode();
            Tensor batch = torch.tensor(pixels, [count, 3, size, size], ScalarType.Float32, _device);
            EncoderOutput output;
            if (_tower is null)
            {
                output = _model.EncodeImages(batch);
            }
            else
            {
                ImageFeatures features = _tower.Read(batch);
                output = _model.EncodeImageFeatures(features.Features, features.ColorCells);
            }

            CopyOut(output.Embeddings, result, start);
        }

        return result;
    }

    private static void CopyOut(Tensor embeddings, float[][] result, int start)
    {
        Tensor host = embeddings.cpu().contiguous();
        int rows = (int)host.shape[0];
        int width = (int)host.shape[1];
        float[] flat = host.data<float>().ToArray();
        for (int r = 0; r < rows; r++)
        {
            result[start + r] = flat.AsSpan(r * width, width).ToArray();
        }
    }
}
