using System.Text.RegularExpressions;
using M6Search.Stores.Abstractions;

namespace M6Search.Stores.Embedded.Storage;

/// <summary>
/// Where a collection lives and with which settings: a checked private copy of the options, the collection's name and
/// its file <c>&lt;DataDirectory&gt;/collections/&lt;collection&gt;.sqlite</c>.
/// </summary>
internal sealed partial class CollectionLocation
{
    /// <summary>The extension of collection files and of their snapshots.</summary>
    public const string FileExtension = ".sqlite";

    private const string CollectionsFolder = "collections";
    private const string SnapshotsFolder = "snapshots";

    private CollectionLocation(EmbeddedStoreOptions options, string collection)
    {
        Options = options;
        Collection = collection;
        FilePath = FilePathOf(options.DataDirectory, collection);
    }

    /// <summary>A private, validated copy: later changes to the caller's options do not reach an open store.</summary>
    public EmbeddedStoreOptions Options { get; }

    public string Collection { get; }

    public string FilePath { get; }

    /// <summary>The folder of this collection's snapshots: <c>&lt;DataDirectory&gt;/snapshots/&lt;collection&gt;</c>.</summary>
    public string SnapshotFolder => Path.Combine(Path.GetFullPath(Options.DataDirectory), SnapshotsFolder, Collection);

    public static string FilePathOf(string dataDirectory, string collection) =>
        Path.Combine(Path.GetFullPath(dataDirectory), CollectionsFolder, collection + FileExtension);

    /// <summary>
    /// Checks the options and the collection name for <paramref name="operation"/>; throws a
    /// <see cref="VectorStoreException"/> naming the first thing that is wrong.
    /// </summary>
    public static CollectionLocation Resolve(string operation, EmbeddedStoreOptions options, string collection)
    {
        EmbeddedStoreOptions copy = CopyOf(options);
        try
        {
            copy.Validate();
        }
        catch (ArgumentException exception)
        {
            throw new VectorStoreException(operation, collection, exception.Message, exception);
        }

        if (!CollectionNamePattern().IsMatch(collection))
        {
            throw new VectorStoreException(operation, collection, "a collection name is 1 to 128 letters, digits, '_' or '-', starting with a letter or digit.");
        }

        return new CollectionLocation(copy, collection);
    }

    private static EmbeddedStoreOptions CopyOf(EmbeddedStoreOptions options) => new()
    {
        DataDirectory = options.DataDirectory,
        Quantization = options.Quantization,
        RescoreMultiplier = options.RescoreMultiplier,
        DurableCommits = options.DurableCommits,
        RowsPerBlock = options.RowsPerBlock,
        MemoryMapBytes = options.MemoryMapBytes,
    };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex CollectionNamePattern();
}
