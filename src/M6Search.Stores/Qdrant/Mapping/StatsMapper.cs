using System.Globalization;
using M6Search.Stores.Abstractions;
using Qdrant.Client.Grpc;

namespace M6Search.Stores.Qdrant.Mapping;

/// <summary>The settings <c>m6 store stats</c> shows for a Qdrant collection.</summary>
internal static class StatsMapper
{
    public static SortedDictionary<string, string> Settings(CollectionInfo info, QdrantStoreOptions options)
    {
        CollectionParams parameters = info.Config.Params;
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["url"] = options.Url!,
            ["status"] = info.Status.ToString().ToLowerInvariant(),
            ["shard_number"] = Text(parameters.ShardNumber == 0 ? 1 : parameters.ShardNumber),
            ["replication_factor"] = Text(parameters.HasReplicationFactor ? parameters.ReplicationFactor : 1),
            ["write_consistency_factor"] = Text(parameters.HasWriteConsistencyFactor ? parameters.WriteConsistencyFactor : 1),
            ["write_ordering"] = options.WriteOrdering.ToString().ToLowerInvariant(),
            ["quantization"] = DescribeQuantization(info.Config.QuantizationConfig),
            ["segments"] = Text(info.SegmentsCount),
            ["payload_indexes"] = string.Join(", ", info.PayloadSchema
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => $"{pair.Key}:{pair.Value.DataType.ToString().ToLowerInvariant()}")),
        };
        if (info.HasIndexedVectorsCount)
        {
            settings["indexed_vectors"] = Text(info.IndexedVectorsCount);
        }

        if (SchemaComparer.Lexical(parameters) is { } lexical)
        {
            settings["lexical_modifier"] = (lexical.HasModifier ? lexical.Modifier : Modifier.None).ToString().ToLowerInvariant();
        }

        return settings;
    }

    /// <summary>Where the shards are: Qdrant's collection cluster info (the peer answering, its shards, the others').</summary>
    public static void AddShards(SortedDictionary<string, string> settings, CollectionClusterInfoResponse shards)
    {
        settings["cluster.peer_id"] = Text(shards.PeerId);
        settings["shards.count"] = Text(shards.ShardCount);
        settings["shards.local"] = string.Join(", ", shards.LocalShards.Select(shard => $"{shard.ShardId}:{shard.State}({shard.PointsCount} points)"));
        settings["shards.remote"] = string.Join(", ", shards.RemoteShards.Select(shard => $"{shard.ShardId}@{shard.PeerId}:{shard.State}"));
        settings["shards.transfers"] = Text(shards.ShardTransfers.Count);
    }

    public static Dictionary<string, int> DenseDimensions(CollectionParams parameters) =>
        (SchemaComparer.DenseVectors(parameters) ?? new Dictionary<string, VectorParams>())
            .ToDictionary(pair => pair.Key, pair => checked((int)pair.Value.Size), StringComparer.Ordinal);

    /// <summary>"none", "int8 (quantile 0.99, pinned in RAM)", or the kind Qdrant reports.</summary>
    private static string DescribeQuantization(QuantizationConfig? config)
    {
        if (config is null || config.QuantizationCase == QuantizationConfig.QuantizationOneofCase.None)
        {
            return "none";
        }

        if (config.QuantizationCase != QuantizationConfig.QuantizationOneofCase.Scalar)
        {
            return config.QuantizationCase.ToString().ToLowerInvariant();
        }

        ScalarQuantization scalar = config.Scalar;
        var parts = new List<string>();
        if (scalar.HasQuantile)
        {
            parts.Add("quantile " + Text(scalar.Quantile));
        }

        if (scalar.HasMemory)
        {
            parts.Add(scalar.Memory == Memory.Pinned ? "pinned in RAM" : "memory " + scalar.Memory.ToString().ToLowerInvariant());
        }

        string type = scalar.Type.ToString().ToLowerInvariant();
        return parts.Count == 0 ? type : $"{type} ({string.Join(", ", parts)})";
    }

    private static string Text<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);
}
