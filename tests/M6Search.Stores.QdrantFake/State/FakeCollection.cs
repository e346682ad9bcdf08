using Grpc.Core;
using Qdrant.Client.Grpc;

namespace M6Search.Stores.QdrantFake.State;

/// <summary>One collection of the fake: its creation request, its points (in point-id order) and its payload indexes.</summary>
public sealed class FakeCollection(string name, CreateCollection created)
{
    private readonly SortedDictionary<string, StoredPoint> _points = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public CollectionConfigView Config { get; } = new(created);

    /// <summary>Field name to index type, as CreateFieldIndex left them (tests may add some up front).</summary>
    public Dictionary<string, PayloadSchemaType> PayloadIndexes { get; } = new(StringComparer.Ordinal);

    public int Count => _points.Count;

    public IEnumerable<StoredPoint> Points => _points.Values;

    /// <summary>Checks every point first, then stores them all: one bad point leaves the collection as it was.</summary>
    public void Upsert(IEnumerable<PointStruct> points)
    {
        var prepared = points.Select(Prepare).ToList();
        foreach (StoredPoint point in prepared)
        {
            _points[point.Key] = point;
        }
    }

    public void Delete(IEnumerable<PointId> ids)
    {
        foreach (PointId id in ids)
        {
            _points.Remove(KeyOf(id));
        }
    }

    public IEnumerable<StoredPoint> Get(IEnumerable<PointId> ids) =>
        ids.Select(KeyOf).Distinct(StringComparer.Ordinal).Where(_points.ContainsKey).Select(key => _points[key]);

    public IEnumerable<StoredPoint> Matching(Filter? filter) => _points.Values.Where(point => PayloadFilter.Matches(filter, point.Payload));

    public (List<StoredPoint> Page, PointId? Next) Scroll(Filter? filter, PointId? offset, int limit)
    {
        string? from = offset is null ? null : KeyOf(offset);
        var page = Matching(filter)
            .Where(point => from is null || string.CompareOrdinal(point.Key, from) >= 0)
            .Take(limit + 1)
            .ToList();
        PointId? next = page.Count > limit ? page[limit].Id.Clone() : null;
        return (page.Take(limit).ToList(), next);
    }

    /// <summary>A query with or without prefetches, before offset and limit.</summary>
    public List<(StoredPoint Point, float Score)> Rank(PrefetchQuery query)
    {
        List<(StoredPoint Point, float Score)> hits;
        if (query.Prefetch.Count > 0)
        {
            var lists = query.Prefetch.Select(prefetch => Rank(prefetch).Take((int)(prefetch.HasLimit ? prefetch.Limit : 10)).ToList()).ToList();
            hits = query.Query?.VariantCase switch
            {
                Query.VariantOneofCase.Fusion when query.Query.Fusion == Fusion.Rrf => Ranking.Rrf(lists, Ranking.DefaultRrfK, null),
                Query.VariantOneofCase.Rrf => Ranking.Rrf(lists, query.Query.Rrf.HasK ? query.Query.Rrf.K : Ranking.DefaultRrfK, query.Query.Rrf.Weights),
                _ => throw new RpcException(new Status(StatusCode.Unimplemented, $"the fake Qdrant does not fuse prefetches with {query.Query?.VariantCase}")),
            };
            hits = hits.Where(hit => PayloadFilter.Matches(query.Filter, hit.Point.Payload)).ToList();
        }
        else if (query.Query?.VariantCase == Query.VariantOneofCase.Nearest)
        {
            hits = Ranking.Nearest(Matching(query.Filter), query.HasUsing ? query.Using : string.Empty, query.Query.Nearest, Config);
        }
        else
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, $"the fake Qdrant does not run a {query.Query?.VariantCase} query"));
        }

        return query.HasScoreThreshold ? hits.Where(hit => hit.Score >= query.ScoreThreshold).ToList() : hits;
    }

    public CollectionInfo Info()
    {
        CreateCollection created = Config.Created;
        var parameters = new CollectionParams
        {
            ShardNumber = created.HasShardNumber ? created.ShardNumber : 1,
            VectorsConfig = created.VectorsConfig?.Clone(),
            ReplicationFactor = created.HasReplicationFactor ? created.ReplicationFactor : 1,
            WriteConsistencyFactor = created.HasWriteConsistencyFactor ? created.WriteConsistencyFactor : 1,
            SparseVectorsConfig = created.SparseVectorsConfig?.Clone(),
        };
        var info = new CollectionInfo
        {
            Status = CollectionStatus.Green,
            OptimizerStatus = new OptimizerStatus { Ok = true },
            SegmentsCount = 2,
            PointsCount = (ulong)_points.Count,
            IndexedVectorsCount = 0,
            Config = new CollectionConfig
            {
                Params = parameters,
                HnswConfig = new HnswConfigDiff(),
                OptimizerConfig = new OptimizersConfigDiff(),
                WalConfig = new WalConfigDiff(),
            },
        };
        if (created.QuantizationConfig is not null)
        {
            info.Config.QuantizationConfig = created.QuantizationConfig.Clone();
        }

        foreach ((string field, PayloadSchemaType type) in PayloadIndexes)
        {
            info.PayloadSchema[field] = new PayloadSchemaInfo { DataType = type, Points = (ulong)_points.Count };
        }

        return info;
    }

    public static string KeyOf(PointId id) => id.PointIdOptionsCase switch
    {
        PointId.PointIdOptionsOneofCase.Uuid when Guid.TryParse(id.Uuid, out Guid uuid) => uuid.ToString("D"),
        PointId.PointIdOptionsOneofCase.Num => id.Num.ToString("D20", System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new RpcException(new Status(StatusCode.InvalidArgument, $"Wrong input: invalid point id {id}")),
    };

    private StoredPoint Prepare(PointStruct point)
    {
        var stored = new StoredPoint { Id = point.Id.Clone(), Key = KeyOf(point.Id), Payload = point.Payload.Clone() };
        if (point.Vectors is null)
        {
            return stored;
        }

        if (point.Vectors.VectorsOptionsCase != Vectors.VectorsOptionsOneofCase.Vectors_)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "Wrong input: Not existing vector name error: (unnamed vector)"));
        }

        foreach ((string name, Vector vector) in point.Vectors.Vectors_.Vectors)
        {
            switch (vector.VectorCase)
            {
                case Vector.VectorOneofCase.Dense:
                    int size = Config.DenseSize(name)
                        ?? throw new RpcException(new Status(StatusCode.InvalidArgument, $"Wrong input: Not existing vector name error: {name}"));
                    if (vector.Dense.Data.Count != size)
                    {
                        throw new RpcException(new Status(StatusCode.InvalidArgument, $"Wrong input: Vector dimension error: expected dim: {size}, got {vector.Dense.Data.Count}"));
                    }

                    stored.Dense[name] = Ranking.Normalize(vector.Dense.Data.ToArray());
                    break;
                case Vector.VectorOneofCase.Sparse when Config.HasSparse(name):
                    stored.Sparse[name] = (vector.Sparse.Indices.ToArray(), vector.Sparse.Values.ToArray());
                    break;
                default:
                    throw new RpcException(new Status(StatusCode.InvalidArgument, $"Wrong input: vector '{name}' is a {vector.VectorCase} the collection does not hold"));
            }
        }

        return stored;
    }
}
