using Grpc.Core;
using M6Search.Stores.QdrantFake.State;
using Qdrant.Client.Grpc;

namespace M6Search.Stores.QdrantFake.Services;

/// <summary>Qdrant's Points service, as far as the store uses it: writes, reads, counts, scrolls and queries.</summary>
public sealed class FakePointsService(FakeQdrant fake) : Points.PointsBase
{
    private static long _operations;

    private FakeQdrantState State => fake.State;

    public override async Task<PointsOperationResponse> Upsert(UpsertPoints request, ServerCallContext context)
    {
        await fake.EnterAsync("Points/Upsert", request, context).ConfigureAwait(false);
        lock (State.Lock)
        {
            State.Resolve(request.CollectionName).Upsert(request.Points);
        }

        return Written();
    }

    public override async Task<PointsOperationResponse> Delete(DeletePoints request, ServerCallContext context)
    {
        await fake.EnterAsync("Points/Delete", request, context).ConfigureAwait(false);
        if (request.Points?.PointsSelectorOneOfCase != PointsSelector.PointsSelectorOneOfOneofCase.Points)
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, "the fake Qdrant deletes by id only"));
        }

        lock (State.Lock)
        {
            State.Resolve(request.CollectionName).Delete(request.Points.Points.Ids);
        }

        return Written();
    }

    public override async Task<PointsOperationResponse> CreateFieldIndex(CreateFieldIndexCollection request, ServerCallContext context)
    {
        await fake.EnterAsync("Points/CreateFieldIndex", request, context).ConfigureAwait(false);
        lock (State.Lock)
        {
            State.Resolve(request.CollectionName).PayloadIndexes[request.FieldName] = request.FieldType switch
            {
                FieldType.Keyword => PayloadSchemaType.Keyword,
                FieldType.Integer => PayloadSchemaType.Integer,
                FieldType.Float => PayloadSchemaType.Float,
                FieldType.Bool => PayloadSchemaType.Bool,
                _ => throw new RpcException(new Status(StatusCode.Unimplemented, $"the fake Qdrant does not index {request.FieldType}")),
            };
        }

        return Written();
    }

    public override async Task<GetResponse> Get(GetPoints request, ServerCallContext context)
    {
        await fake.EnterAsync("Points/Get", request, context).ConfigureAwait(false);
        var response = new GetResponse();
        lock (State.Lock)
        {
            response.Result.Add(State.Resolve(request.CollectionName).Get(request.Ids)
                .Select(point => point.ToRetrieved(WithPayload(request.WithPayload), WithVectors(request.WithVectors))));
        }

        return response;
    }

    public override async Task<CountResponse> Count(CountPoints request, ServerCallContext context)
    {
        await fake.EnterAsync("Points/Count", request, context).ConfigureAwait(false);
        lock (State.Lock)
        {
            return new CountResponse { Result = new CountResult { Count = (ulong)State.Resolve(request.CollectionName).Matching(request.Filter).Count() } };
        }
    }

    public override async Task<ScrollResponse> Scroll(ScrollPoints request, ServerCallContext context)
    {
        await fake.EnterAsync("Points/Scroll", request, context).ConfigureAwait(false);
        var response = new ScrollResponse();
        lock (State.Lock)
        {
            (List<StoredPoint> page, PointId? next) = State.Resolve(request.CollectionName)
                .Scroll(request.Filter, request.Offset, request.HasLimit ? (int)request.Limit : 10);
            response.Result.Add(page.Select(point => point.ToRetrieved(WithPayload(request.WithPayload), WithVectors(request.WithVectors))));
            if (next is not null)
            {
                response.NextPageOffset = next;
            }
        }

        return response;
    }

    public override async Task<QueryResponse> Query(QueryPoints request, ServerCallContext context)
    {
        await fake.EnterAsync("Points/Query", request, context).ConfigureAwait(false);
        var root = new PrefetchQuery { Query = request.Query, Filter = request.Filter };
        root.Prefetch.Add(request.Prefetch);
        if (request.HasUsing)
        {
            root.Using = request.Using;
        }

        if (request.HasScoreThreshold)
        {
            root.ScoreThreshold = request.ScoreThreshold;
        }

        var response = new QueryResponse();
        lock (State.Lock)
        {
            IEnumerable<(StoredPoint Point, float Score)> hits = State.Resolve(request.CollectionName).Rank(root)
                .Skip((int)(request.HasOffset ? request.Offset : 0))
                .Take((int)(request.HasLimit ? request.Limit : 10));
            response.Result.Add(hits.Select(hit => hit.Point.ToScored(hit.Score, WithPayload(request.WithPayload), WithVectors(request.WithVectors))));
        }

        return response;
    }

    private static bool WithPayload(WithPayloadSelector? selector) => selector?.SelectorOptionsCase switch
    {
        null or WithPayloadSelector.SelectorOptionsOneofCase.None => false,
        WithPayloadSelector.SelectorOptionsOneofCase.Enable => selector.Enable,
        _ => throw new RpcException(new Status(StatusCode.Unimplemented, "the fake Qdrant returns the whole payload or none")),
    };

    private static bool WithVectors(WithVectorsSelector? selector) => selector?.SelectorOptionsCase switch
    {
        null or WithVectorsSelector.SelectorOptionsOneofCase.None => false,
        WithVectorsSelector.SelectorOptionsOneofCase.Enable => selector.Enable,
        _ => throw new RpcException(new Status(StatusCode.Unimplemented, "the fake Qdrant returns all vectors or none")),
    };

    private PointsOperationResponse Written() => new() { Result = fake.Written((ulong)Interlocked.Increment(ref _operations)) };
}
