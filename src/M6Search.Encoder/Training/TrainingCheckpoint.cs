using System.Text.Json;
using M6Search.Encoder.Serialization;

namespace M6Search.Encoder.Training;

/// <summary>
/// Layout of training checkpoints: a container (see <see cref="ModelFile"/>) with a JSON header and the model weights,
/// the optimizer state, the random states (dropout stream and torch's global generator) and, when training changes
/// backbone weights, those weights, each checksummed.
/// </summary>
public static class TrainingCheckpoint
{
    /// <summary>The value of <see cref="CheckpointHeader.Format"/>.</summary>
    public const string FormatName = "m6search-checkpoint";

    /// <summary>The layout this build writes and reads.</summary>
    public const int FormatVersion = 1;

    internal const string HeaderEntry = "checkpoint.json";
    internal const string ModelEntry = "model.bin";
    internal const string OptimizerEntry = "optimizer.bin";
    internal const string RandomEntry = "random.bin";
    internal const string BackboneEntry = "backbone.bin";

    /// <summary>The header alone, validated.</summary>
    /// <exception cref="ModelFileException">The file is missing, unreadable or incompatible.</exception>
    public static CheckpointHeader ReadHeader(string path) => Read(path).Header;

    internal static void Write(string path, CheckpointHeader header, byte[] model, byte[] optimizer, byte[] random, byte[]? backbone = null)
    {
        var sums = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ModelEntry] = ContainerFile.Sha256(model),
            [OptimizerEntry] = ContainerFile.Sha256(optimizer),
            [RandomEntry] = ContainerFile.Sha256(random),
        };
        if (backbone is not null)
        {
            sums[BackboneEntry] = ContainerFile.Sha256(backbone);
        }

        byte[] json = JsonSerializer.SerializeToUtf8Bytes(header with { EntrySha256 = sums }, ContainerFile.Json);
        var entries = new List<(string, byte[])> { (HeaderEntry, json), (ModelEntry, model), (OptimizerEntry, optimizer), (RandomEntry, random) };
        if (backbone is not null)
        {
            entries.Add((BackboneEntry, backbone));
        }

        ContainerFile.WriteAtomic(path, entries);
    }

    internal static (CheckpointHeader Header, byte[] Model, byte[] Optimizer, byte[] Random, byte[]? Backbone) Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Dictionary<string, byte[]> entries = ContainerFile.ReadAll(path);
        CheckpointHeader header = ContainerFile.ParseHeader<CheckpointHeader>(
            ContainerFile.Entry(entries, HeaderEntry, path), HeaderEntry, path);
        if (header.Format != FormatName)
        {
            throw new ModelFileException(path, $"it is a '{header.Format}' file, not an M6Search training checkpoint ('{FormatName}').");
        }

        if (header.FormatVersion != FormatVersion)
        {
            throw new ModelFileException(
                path, $"it has checkpoint format version {header.FormatVersion}; this build reads version {FormatVersion} only.");
        }

        try
        {
            header.Config.Validate();
            header.Options.Validate();
            header.Tokenizer.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ModelFileException(path, $"its header is invalid: {e.Message}", e);
        }

        byte[] Checked(string name)
        {
            byte[] content = ContainerFile.Entry(entries, name, path);
            if (!header.EntrySha256.TryGetValue(name, out string? sha))
            {
                throw new ModelFileException(path, $"the header has no checksum for '{name}'.");
            }

            ContainerFile.VerifySha256(content, sha, name, path);
            return content;
        }

        bool trainedBackbone = header.Config.Backbone is { Trained: not Backbone.Modules.BackboneTrainable.None };
        byte[]? backbone = trainedBackbone ? Checked(BackboneEntry) : null;
        return (header, Checked(ModelEntry), Checked(OptimizerEntry), Checked(RandomEntry), backbone);
    }
}
