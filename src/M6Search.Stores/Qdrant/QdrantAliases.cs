using Grpc.Core;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant.Transport;
using Microsoft.Extensions.Logging;
using Qdrant.Client.Grpc;

namespace M6Search.Stores.Qdrant;

/// <summary>
/// Qdrant's aliases, which belong to the server rather than to one collection: errors name the collection the call
/// was about (the store's own collection for the server-wide list). Used through <see cref="QdrantProductStore"/>.
/// </summary>
internal sealed class QdrantAliases(QdrantCalls calls, string storeCollection, ILogger logger)
{
    /// <summary>
    /// Points <paramref name="alias"/> at <paramref name="collection"/> in one atomic call (UpdateAliases with
    /// delete_alias then create_alias): every reader of the alias sees the old collection or the new one, never
    /// neither. The alias is created when there was none. The collection must exist; Qdrant answers NotFound
    /// otherwise, and the alias is left as it was.
    /// </summary>
    public async Task SwitchAsync(string alias, string collection, CancellationToken cancellationToken)
    {
        const string Operation = "SwitchAlias";
        CheckName(alias, nameof(alias));
        CheckName(collection, nameof(collection));
        if (alias == collection)
        {
            throw new ArgumentException($"The alias '{alias}' cannot have the name of the collection it points to.", nameof(alias));
        }

        AliasOperations[] actions =
        [
            new AliasOperations { DeleteAlias = new DeleteAlias { AliasName = alias } },
            new AliasOperations { CreateAlias = new CreateAlias { AliasName = alias, CollectionName = collection } },
        ];
        try
        {
            await calls.RunAsync(Operation, collection, (client, token) => client.UpdateAliasesAsync(actions, cancellationToken: token), cancellationToken).ConfigureAwait(false);
        }
        catch (VectorStoreException ex) when (ex.StatusCode == (int)StatusCode.NotFound)
        {
            throw new VectorStoreException(
                Operation, collection, $"alias '{alias}' was not changed: the collection does not exist ({ex.Reason}).", ex, ex.StatusCode);
        }

        QdrantLog.AliasSwitched(logger, alias, collection);
    }

    /// <summary>Every alias on the server, ordered by alias name.</summary>
    public async Task<IReadOnlyList<CollectionAlias>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<AliasDescription> aliases = await calls.RunAsync(
            "ListAliases", storeCollection, (client, token) => client.ListAliasesAsync(token), cancellationToken).ConfigureAwait(false);
        return aliases
            .Select(alias => new CollectionAlias(alias.AliasName, alias.CollectionName))
            .OrderBy(alias => alias.Alias, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The aliases that point to <paramref name="collection"/>, ordered by name.</summary>
    public async Task<IReadOnlyList<CollectionAlias>> ListOfAsync(string collection, CancellationToken cancellationToken)
    {
        CheckName(collection, nameof(collection));
        IReadOnlyList<string> aliases = await calls.RunAsync(
            "ListAliases", collection, (client, token) => client.ListCollectionAliasesAsync(collection, token), cancellationToken).ConfigureAwait(false);
        return aliases
            .Select(alias => new CollectionAlias(alias, collection))
            .OrderBy(alias => alias.Alias, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The rules of <see cref="QdrantStoreOptions.Collection"/>, for alias and collection names given to a call.</summary>
    private static void CheckName(string name, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, parameter);
        if (name.IndexOfAny(['/', '\\', '?', '#', '%']) >= 0 || name.Length > 255)
        {
            throw new ArgumentException($"'{name}' must be at most 255 characters without / \\ ? # %.", parameter);
        }
    }
}
