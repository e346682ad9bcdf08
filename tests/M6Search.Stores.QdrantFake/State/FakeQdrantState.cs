using Grpc.Core;
using Qdrant.Client.Grpc;

namespace M6Search.Stores.QdrantFake.State;

/// <summary>
/// The server's data: collections by name and aliases (alias to collection). Every access goes through
/// <see cref="Lock"/>, so each gRPC call sees and leaves a consistent state, as one Qdrant peer would.
/// </summary>
public sealed class FakeQdrantState
{
    private readonly Dictionary<string, FakeCollection> _collections = new(StringComparer.Ordinal);

    public object Lock { get; } = new();

    /// <summary>Alias to collection. Change it only under <see cref="Lock"/>.</summary>
    public Dictionary<string, string> Aliases { get; } = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> CollectionNames
    {
        get
        {
            lock (Lock)
            {
                return _collections.Keys.ToArray();
            }
        }
    }

    /// <summary>Creates a collection as if Collections/Create had been called (for tests that start from an existing one).</summary>
    public FakeCollection AddCollection(CreateCollection request)
    {
        lock (Lock)
        {
            if (Exists(request.CollectionName))
            {
                throw new RpcException(new Status(StatusCode.AlreadyExists, $"Wrong input: Collection `{request.CollectionName}` already exists!"));
            }

            var collection = new FakeCollection(request.CollectionName, request.Clone());
            _collections[request.CollectionName] = collection;
            return collection;
        }
    }

    /// <summary>The collection by name or alias; NotFound as Qdrant words it otherwise. Call under <see cref="Lock"/>.</summary>
    public FakeCollection Resolve(string name)
    {
        string actual = Aliases.TryGetValue(name, out string? target) ? target : name;
        return _collections.TryGetValue(actual, out FakeCollection? collection)
            ? collection
            : throw new RpcException(new Status(StatusCode.NotFound, $"Not found: Collection `{name}` doesn't exist!"));
    }

    /// <summary>True when a collection or an alias has this name. Call under <see cref="Lock"/>.</summary>
    public bool Exists(string name) => _collections.ContainsKey(name) || Aliases.ContainsKey(name);

    /// <summary>Removes a collection and the aliases pointing to it; false when there was none. Call under <see cref="Lock"/>.</summary>
    public bool Remove(string name)
    {
        if (!_collections.Remove(name))
        {
            return false;
        }

        foreach (string alias in Aliases.Where(pair => pair.Value == name).Select(pair => pair.Key).ToArray())
        {
            Aliases.Remove(alias);
        }

        return true;
    }

    /// <summary>Applies alias actions all together or not at all. Call under <see cref="Lock"/>.</summary>
    public void ChangeAliases(IEnumerable<AliasOperations> actions)
    {
        var changed = new Dictionary<string, string>(Aliases, StringComparer.Ordinal);
        foreach (AliasOperations action in actions)
        {
            switch (action.ActionCase)
            {
                case AliasOperations.ActionOneofCase.DeleteAlias:
                    changed.Remove(action.DeleteAlias.AliasName);
                    break;
                case AliasOperations.ActionOneofCase.CreateAlias:
                    string collection = action.CreateAlias.CollectionName;
                    if (!_collections.ContainsKey(collection))
                    {
                        throw new RpcException(new Status(StatusCode.NotFound, $"Not found: Collection `{collection}` doesn't exist!"));
                    }

                    if (_collections.ContainsKey(action.CreateAlias.AliasName))
                    {
                        throw new RpcException(new Status(StatusCode.InvalidArgument, $"Wrong input: Collection `{action.CreateAlias.AliasName}` already exists!"));
                    }

                    changed[action.CreateAlias.AliasName] = collection;
                    break;
                case AliasOperations.ActionOneofCase.RenameAlias:
                    if (!changed.Remove(action.RenameAlias.OldAliasName, out string? target))
                    {
                        throw new RpcException(new Status(StatusCode.NotFound, $"Not found: Alias `{action.RenameAlias.OldAliasName}` doesn't exist!"));
                    }

                    changed[action.RenameAlias.NewAliasName] = target;
                    break;
                default:
                    throw new RpcException(new Status(StatusCode.InvalidArgument, "Wrong input: empty alias action"));
            }
        }

        Aliases.Clear();
        foreach ((string alias, string collection) in changed)
        {
            Aliases[alias] = collection;
        }
    }
}
