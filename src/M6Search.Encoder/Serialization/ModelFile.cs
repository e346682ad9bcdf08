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
/// tokenizer settings, training provenance, SHA-256 of the weights) and the TorchSharp state dict. Saving is atomic;
/// loading checks format, version, config, tokenizer and checksum and fails with a <see cref="ModelFileException"/> that
/// names the file and the problem.
/// </summary>
public static class ModelFile
{
    /// <summary>The value of <see cref="ModelFileHeader.Format"/>.</summary>
    public const string FormatName = "m6search-encoder";

    /// <summary>The container layout this build writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>Conventional file extension.</summary>
    public const string Extension = ".m6model";

    private const string HeaderEntry = "header.json";
    private const string WeightsEntry = "weights.bin";

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> (atomically) and returns the header written.</summary>
    public static ModelFileHeader Save(
        string path, MultimodalEncoder model, TokenizerOptions? tokenizer = null, TrainingProvenance? provenance = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(model);
        tokenizer ??= TokenizerOptions.For(model.Config);
        CheckTokenizer(model.Config, tokenizer, path);

        byte[] weights = WeightsOf(model);
        string sha = ContainerFile.Sha256(weights);
        var header = new ModelFileHeader
        {
            Format = FormatName,
            FormatVersion = FormatVersion,
            ModelVersion = $"{model.Config.Name}-{sha[..12]}",
            CreatedUtc = DateTimeOffset.UtcNow,
            Config = model.Config,
            Tokenizer = tokenizer,
            Provenance = provenance,
            WeightsSha256 = sha,
            WeightsBytes = weights.LongLength,
            Runtime = ComputeDevice.Describe(),
        };
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(header, ContainerFile.Json);
        ContainerFile.WriteAtomic(path, [(HeaderEntry, json), (WeightsEntry, weights)]);
        return header;
    }

    /// <summary>The header alone (cheap: no torch work), validated.</summary>
    /// <exception cref="ModelFileException">The file is missing, unreadable or incompatible.</exception>
    public static ModelFileHeader ReadHeader(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ValidHeader(ContainerFile.ReadAll(path), path);
    }

    /// <summary>Rebuilds the encoder in <paramref name="path"/> on <paramref name="device"/> (CPU by default), in eval mode.</summary>
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
        var model = new MultimodalEncoder(header.Config);
        try
        {
            LoadWeights(model, weights, path, header.Config.Name);
            if (device is not null && device.type != DeviceType.CPU)
            {
                model.to(device);
            }

            model.eval();
            return new LoadedModel(model, header);
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

        if (header.FormatVersion != FormatVersion)
        {
            throw new ModelFileException(
                path, $"it has format version {header.FormatVersion}; this build reads version {FormatVersion} only.");
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
        $"image={config.ImageSize}/{config.PatchSize}, dense={config.Dense}";
}
