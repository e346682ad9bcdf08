using Grpc.Core;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant.Mapping;
using M6Search.Stores.Qdrant.Transport;
using Microsoft.Extensions.Logging;
using Qdrant.Client.Grpc;

namespace M6Search.Stores.Qdrant;

/// <summary>
/// <see cref="QdrantProductStore.EnsureCollectionAsync"/>: create the collection when it is missing, check that an
/// existing one has the schema's vectors, and add the payload indexes the filters need.
/// </summary>
internal sealed class QdrantCollectionSetup(QdrantCalls calls, QdrantStoreOptions options, ILogger logger)
{
    private const string Operation = "EnsureCollection";

    private string Collection => options.Collection;

    public async Task EnsureAsync(CollectionSchema schema, CancellationToken cancellationToken)
    {
        CheckSchema(schema);
        bool exists = await calls.RunAsync(Operation, Collection, (client, token) => client.CollectionExistsAsync(Collection, token), cancellationToken).ConfigureAwait(false);
        if (!exists)
        {
            await CreateAsync(schema, cancellationToken).ConfigureAwait(false);
        }

        CollectionInfo info = await GetInfoAsync(Operation, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> differences = SchemaComparer.Differences(info.Config.Params, schema);
        if (differences.Count > 0)
        {
            throw new VectorStoreException(Operation, Collection, "the existing collection does not match the schema: " + string.Join("; ", differences) + ".");
        }

        await EnsurePayloadIndexesAsync(info, cancellationToken).ConfigureAwait(false);
    }

    public Task<CollectionInfo> GetInfoAsync(string operation, CancellationToken cancellationToken) =>
        calls.RunAsync(operation, Collection, (client, token) => client.GetCollectionInfoAsync(Collection, token), cancellationToken);

    private async Task CreateAsync(CollectionSchema schema, CancellationToken cancellationToken)
    {
        CreateCollection request = CollectionRequests.Create(Collection, schema, options);
        try
        {
            await calls.RunAsync(Operation, Collection, (client, token) => client.CreateCollectionAsync(request, token), cancellationToken).ConfigureAwait(false);
            QdrantLog.CollectionCreated(logger, Collection);
        }
        catch (VectorStoreException ex) when (ex.StatusCode == (int)StatusCode.AlreadyExists)
        {
            // Created by someone else since the existence check: the schema check that follows decides whether it fits.
        }
    }

    private async Task EnsurePayloadIndexesAsync(CollectionInfo info, CancellationToken cancellationToken)
    {
        WriteOrderingType ordering = CollectionRequests.Ordering(options.WriteOrdering).Type;
        var mismatches = new List<string>();
        foreach ((string field, PayloadSchemaType type) in CollectionRequests.PayloadIndexes(options))
        {
            if (info.PayloadSchema.TryGetValue(field, out PayloadSchemaInfo? existing))
            {
                if (existing.DataType != type)
                {
                    mismatches.Add($"payload field '{field}' is indexed as {existing.DataType.ToString().ToLowerInvariant()}, not {type.ToString().ToLowerInvariant()}");
                }

                continue;
            }

            UpdateResult result = await calls.RunAsync(
                Operation,
                Collection,
                (client, token) => client.CreatePayloadIndexAsync(Collection, field, type, wait: true, ordering: ordering, cancellationToken: token),
                cancellationToken).ConfigureAwait(false);
            WriteResults.EnsureCompleted(result, Operation, Collection);
            QdrantLog.PayloadIndexCreated(logger, field, type.ToString(), Collection);
        }

        if (mismatches.Count > 0)
        {
            throw new VectorStoreException(Operation, Collection, "the existing collection does not match the schema: " + string.Join("; ", mismatches) + ".");
        }
    }

    private static void CheckSchema(CollectionSchema schema)
    {
        if (schema.DenseVectors is null || (schema.DenseVectors.Count == 0 && !schema.HasLexicalVector))
        {
            throw new ArgumentException("The schema names no vector.", nameof(schema));
        }

        foreach ((string name, int dimension) in schema.DenseVectors)
        {
            if (string.IsNullOrEmpty(name) || name == CollectionSchema.LexicalVector || dimension < 1)
            {
                throw new ArgumentException($"The schema's dense vector '{name}' ({dimension} dimensions) is not usable.", nameof(schema));
            }
        }
    }
}
