using System.Text;
using System.Text.Json;
using M6Search.Encoder.Model;
using M6Search.Encoder.Runtime;
using M6Search.Encoder.Tokenization;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Serialization;

/// <summary>
/// Reads and writes encoder model files: one self-describing file holding a JSON header (format version, config,
/// tokenizer settings, training provenance, SHA-256 of the weights) and the TorchSharp state dict. An encoder that
/// reads a pretrained backbone names it in its config (package, version, SHA-256 of its files); the backbone's weights
/// are not in the file unless training changed them, and then only that part (<c>backbone.bin</c>). Saving is atomic;
/// loading checks format, version, config, tokenizer and checksums and fails with a <see cref="ModelFileException"/>
/// that names the file and the problem.
/// </summary>
public static class ModelFile
{
    /// <summary>The value of <see cref="ModelFileHeader.Format"/>.</summary>
    public const string FormatName = "m6search-encoder";

    /// <summary>
    /// The newest container layout this build writes and reads: 2 for encoders with a backbone (their config and the
    /// optional <c>backbone.bin</c> are new, so a build that only knows 1 refuses them plainly), 1 for the rest, which
    /// stay readable by every earlier build.
    /// </summary>
    public const int FormatVersion = 2;

    /// <summary>The layout of encoders with their own patch tokens (every file before issue 15).</summary>
    public const int PatchTokensFormatVersion = 1;

    /// <summary>Conventional file extension.</summary>
    public const string Extension = ".m6model";

    private const string HeaderEntry = "header.json";
    private const string WeightsEntry = "weights.bin";
    private const string BackboneEntry = "backbone.bin";

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> (atomically) and returns the header written.</summary>
    /// <param name="path">The model file.</param>
    /// <param name="model">The encoder.</param>
    /// <param name="tokenizer">Its tokenizer (the config's default when null).</param>
    /// <param name="provenance">How it was trained.</param>
    /// <param name="backboneWeights">
    /// The backbone weights training changed (<see cref="ImageTower.TrainedWeights"/>): required exactly when the
    /// config's <see cref="ImageBackboneConfig.Trained"/> is not none.
    /// </param>
    public static ModelFileHeader Save(
        string path, MultimodalEncoder model, TokenizerOptions? tokenizer = null, TrainingProvenance? provenance = null, byte[]? backboneWeights = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(model);
        tokenizer ??= TokenizerOptions.For(model.Config);
        CheckTokenizer(model.Config, tokenizer, path);
        bool trainedBackbone = model.Config.Backbone is { Trained: not Backbone.Modules.BackboneTrainable.None };
        if (trainedBackbone != backboneWeights is not null)
        {
            throw new ArgumentException(
                trainedBackbone
                    ? $"Encoder '{model.Config.Name}' trained backbone weights ({model.Config.Backbone!.Trained}); save them with it."
                    : $"Encoder '{model.Config.Name}' has no trained backbone weights to save.",
                nameof(backboneWeights));
        }

        byte[] weights = WeightsOf(model);
        string sha = ContainerFile.Sha256(weights);
        string? backboneSha = backboneWeights is null ? null : ContainerFile.Sha256(backboneWeights);
        // The version names all the weights the model depends on that the file carries.
        string versionSha = backboneSha is null ? sha : ContainerFile.Sha256(Encoding.ASCII.GetBytes(sha + backboneSha));
        var header = new ModelFileHeader
        {
            Format = FormatName,
            FormatVersion = model.Config.Backbone is null ? PatchTokensFormatVersion : FormatVersion,
            ModelVersion = $"{model.Config.Name}-{versionSha[..12]}",
            CreatedUtc = DateTimeOffset.UtcNow,
            Config = model.Config,
            Tokenizer = tokenizer,
            Provenance = provenance,
            WeightsSha256 = sha,
            WeightsBytes = weights.LongLength,
            BackboneWeightsSha256 = backboneSha,
            BackboneWeightsBytes = backboneWeights?.LongLength,
            Runtime = ComputeDevice.Describe(),
        };
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(header, ContainerFile.Json);
        var entries = new List<(string, byte[])> { (HeaderEntry, json), (WeightsEntry, weights) };
        if (backboneWeights is not null)
        {
            entries.Add((BackboneEntry, backboneWeights));
        }

        ContainerFile.WriteAtomic(path, entries);
        return header;
    }

    /// <summary>The header alone (cheap: no torch work), validated.</summary>
    /// <exception cref="ModelFileException">The file is missing, unreadable or incompatible.</exception>
    public static ModelFileHeader ReadHeader(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ValidHeader(ContainerFile.ReadAll(path), path);
    }

    /// <summary>
    /// Rebuilds the encoder in <paramref name="path"/> on <paramref name="device"/> (CPU by default), in eval mode. An
    /// encoder with a backbone comes with the backbone weights the file carries (if any); <see cref="ImageTower.Load"/>
    /// locates the backbone itself.
    /// </summary>
    /// <param name="path">The model file.</param>
    /// <param name="device">Where the weights go.</param>
    /// <param name="expectedConfig">When given, the file's config must equal it.</param>
    /// <exception cref="ModelFileException">The file is missing, truncated, corrupt, or does not match.</exception>
    public static LoadedModel Load(string path, Device? device = null, EncoderConfig? expectedConfig = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Dictionary<string, byte[]> entries = ContainerFile.ReadAll(path);
        ModelFileHeader header = ValidHeader(entries, path);
        if (expectedConfig is not null && expectedConfig != header.Config)
        {
            throw new ModelFileException(
                path, $"it holds encoder config '{header.Config.Name}' ({Describe(header.Config)}), " +
                      $"but '{expectedConfig.Name}' ({Describe(expectedConfig)}) was expected.");
        }

        byte[] weights = ContainerFile.Entry(entries, WeightsEntry, path);
        if (weights.LongLength != header.WeightsBytes)
        {
            throw new ModelFileException(
                path, $"'{WeightsEntry}' has {weights.LongLength} bytes, the header says {header.WeightsBytes} (truncated or corrupt).");
        }

        ContainerFile.VerifySha256(weights, header.WeightsSha256, WeightsEntry, path);
        byte[]? backboneWeights = null;
        if (header.BackboneWeightsSha256 is { } backboneSha)
        {
            backboneWeights = ContainerFile.Entry(entries, BackboneEntry, path);
            if (backboneWeights.LongLength != header.BackboneWeightsBytes)
            {
                throw new ModelFileException(
                    path, $"'{BackboneEntry}' has {backboneWeights.LongLength} bytes, the header says {header.BackboneWeightsBytes} (truncated or corrupt).");
            }

            ContainerFile.VerifySha256(backboneWeights, backboneSha, BackboneEntry, path);
        }

        var model = new MultimodalEncoder(header.Config);
        try
        {
            LoadWeights(model, weights, path, header.Config.Name);
            if (device is not null && device.type != DeviceType.CPU)
            {
                model.to(device);
            }

            model.eval();
            return new LoadedModel(model, header, backboneWeights);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>The state dict of <paramref name="model"/> in TorchSharp's format.</summary>
    internal static byte[] WeightsOf(nn.Module model)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            model.save(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>Loads a state dict written by <see cref="WeightsOf"/>, strictly.</summary>
    /// <exception cref="ModelFileException">The weights do not fit the model.</exception>
    internal static void LoadWeights(nn.Module model, byte[] weights, string path, string configName)
    {
        try
        {
            using var buffer = new MemoryStream(weights, writable: false);
            using var reader = new BinaryReader(buffer, Encoding.UTF8, leaveOpen: true);
            model.load(reader, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or EndOfStreamException or IOException)
        {
            throw new ModelFileException(path, $"the weights do not fit encoder config '{configName}': {e.Message}", e);
        }
    }

    private static ModelFileHeader ValidHeader(IReadOnlyDictionary<string, byte[]> entries, string path)
    {
        ModelFileHeader header = ContainerFile.ParseHeader<ModelFileHeader>(ContainerFile.Entry(entries, HeaderEntry, path), HeaderEntry, path);
        if (header.Format != FormatName)
        {
            throw new ModelFileException(path, $"it is a '{header.Format}' file, not an M6Search encoder model ('{FormatName}').");
        }

        if (header.FormatVersion is < PatchTokensFormatVersion or > FormatVersion)
        {
            throw new ModelFileException(
                path, $"it has format version {header.FormatVersion}; this build reads versions {PatchTokensFormatVersion} to {FormatVersion}.");
        }

        if (header.Config.Backbone is not null && header.FormatVersion < FormatVersion)
        {
            throw new ModelFileException(path, $"it names an image backbone but has format version {header.FormatVersion}; backbone encoders are version {FormatVersion}.");
        }

        bool trainedBackbone = header.Config.Backbone is { Trained: not Backbone.Modules.BackboneTrainable.None };
        if (trainedBackbone != header.BackboneWeightsSha256 is not null)
        {
            throw new ModelFileException(
                path, trainedBackbone
                    ? $"its config says the backbone's {header.Config.Backbone!.Trained} weights were trained, but the header names no '{BackboneEntry}'."
                    : $"the header names a '{BackboneEntry}', but the config's backbone is locked or absent.");
        }

        try
        {
            header.Config.Validate();
            header.Tokenizer.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ModelFileException(path, $"its header is invalid: {e.Message}", e);
        }

        CheckTokenizer(header.Config, header.Tokenizer, path);
        return header;
    }

    private static void CheckTokenizer(EncoderConfig config, TokenizerOptions tokenizer, string path)
    {
        if (tokenizer.VocabSize != config.VocabSize)
        {
            throw new ModelFileException(
                path, $"tokenizer vocabulary ({tokenizer.VocabSize}) differs from the encoder's ({config.VocabSize}).");
        }

        if (tokenizer.MaxTokens > config.MaxTextTokens)
        {
            throw new ModelFileException(
                path, $"tokenizer MaxTokens ({tokenizer.MaxTokens}) exceeds the encoder's MaxTextTokens ({config.MaxTextTokens}).");
        }
    }

    private static string Describe(EncoderConfig config) =>
        $"d={config.ModelDim}, layers={config.Layers}, experts={config.Experts}, groups={config.ExpertGroups}, " +
        $"image={config.ImageSize}/{config.PatchSize}, dense={config.Dense}" +
        (config.Backbone is { } backbone ? $", backbone={backbone.Identity.Name} {backbone.Stage} colour {backbone.ColorGrid}x{backbone.ColorCell} trained {backbone.Trained}" : "");
}
