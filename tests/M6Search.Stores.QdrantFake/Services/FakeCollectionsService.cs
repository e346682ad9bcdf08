using Grpc.Core;
using M6Search.Stores.QdrantFake.State;
using Qdrant.Client.Grpc;

namespace M6Search.Stores.QdrantFake.Services;

/// <summary>Qdrant's Collections service, as far as the store uses it.</summary>
public sealed class FakeCollectionsService(FakeQdrant fake) : Collections.CollectionsBase
{
    private FakeQdrantState State => fake.State;

    public override async Task<CollectionOperationResponse> Create(CreateCollection request, ServerCallContext context)
    {
        await fake.EnterAsync("Collections/Create", request, context).ConfigureAwait(false);
        if (request.VectorsConfig is null && request.SparseVectorsConfig is null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "Wrong input: the collection names no vector"));
        }

        State.AddCollection(request);
        return new CollectionOperationResponse { Result = true };
    }

    public override async Task<CollectionExistsResponse> CollectionExists(CollectionExistsRequest request, ServerCallContext context)
    {
        await fake.EnterAsync("Collections/CollectionExists", request, context).ConfigureAwait(false);
        lock (State.Lock)
        {
            return new CollectionExistsResponse { Result = new CollectionExists { Exists = State.Exists(request.CollectionName) } };
        }
    }

    public override async Task<GetCollectionInfoResponse> Get(GetCollectionInfoRequest request, ServerCallContext context)
    {
        await fake.EnterAsync("Collections/Get", request, context).ConfigureAwait(false);
        lock (State.Lock)
        {
            return new GetCollectionInfoResponse { Result = State.Resolve(request.CollectionName).Info() };
        }
    }

    public override async Task<CollectionOperationResponse> Delete(DeleteCollection request, ServerCallContext context)
    {
        await fake.EnterAsync("Collections/Delete", request, context).ConfigureAwait(false);
        lock (State.Lock)
        {
            return new CollectionOperationResponse { Result = State.Remove(request.CollectionName) };
        }
    }

    public override async Task<CollectionOperationResponse> UpdateAliases(ChangeAliases request, ServerCallContext context)
    {
        await fake.EnterAsync("Collections/UpdateAliases", request, context).ConfigureAwait(false);
        lock (State.Lock)
        {
            State.ChangeAliases(request.Actions);
            return new CollectionOperationResponse { Result = true };
        }
    }

    public override async Task<ListAliasesResponse> ListAliases(ListAliasesRequest request, ServerCallContext context)
    {
        await fake.EnterAsync("Collections/ListAliases", request, context).ConfigureAwait(false);
        lock (State.Lock)
        {
            return Aliases(State.Aliases);
        }
    }

    public override async Task<ListAliasesResponse> ListCollectionAliases(ListCollectionAliasesRequest request, ServerCallContext context)
    {
        await fake.EnterAsync("Collections/ListCollectionAliases", request, context).ConfigureAwait(false);
        lock (State.Lock)
        {
            FakeCollection collection = State.Resolve(request.CollectionName);
            return Aliases(State.Aliases.Where(pair => pair.Value == collection.Name));
        }
    }

    public override async Task<CollectionClusterInfoResponse> CollectionClusterInfo(CollectionClusterInfoRequest request, ServerCallContext context)
    {
        await fake.EnterAsync("Collections/CollectionClusterInfo", request, context).ConfigureAwait(false);
        lock (State.Lock)
        {
            // One peer holding every shard; the points all counted on shard 0.
            FakeCollection collection = State.Resolve(request.CollectionName);
            uint shards = collection.Config.Created.HasShardNumber ? collection.Config.Created.ShardNumber : 1;
            var response = new CollectionClusterInfoResponse { PeerId = 1, ShardCount = shards };
            for (uint shard = 0; shard < shards; shard++)
            {
                response.LocalShards.Add(new LocalShardInfo { ShardId = shard, PointsCount = shard == 0 ? (ulong)collection.Count : 0, State = ReplicaState.Active });
            }

            return response;
        }
    }

    private static ListAliasesResponse Aliases(IEnumerable<KeyValuePair<string, string>> aliases)
    {
        var response = new ListAliasesResponse();
        response.Aliases.Add(aliases.Select(pair => new AliasDescription { AliasName = pair.Key, CollectionName = pair.Value }));
        return response;
    }
}
