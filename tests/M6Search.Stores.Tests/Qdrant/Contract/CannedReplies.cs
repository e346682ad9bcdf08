using System.Net;
using System.Text.Json.Nodes;
using M6Search.Stores.Tests.Qdrant.Fakes;

namespace M6Search.Stores.Tests.Qdrant.Contract;

/// <summary>
/// Replies written by hand in the shape Qdrant 1.19's OpenAPI document gives for each operation; the contract tests
/// check every one of them against the response schema before the client parses it.
/// </summary>
public static class CannedReplies
{
    public const string Created = """{"result":true,"status":"ok","time":0.052}""";

    public const string Completed = """{"result":{"operation_id":7,"status":"completed"},"status":"ok","time":0.0012}""";

    public const string Acknowledged = """{"result":{"operation_id":8,"status":"acknowledged"},"status":"ok","time":0.0004}""";

    public const string Exists = """{"result":{"exists":true},"status":"ok","time":0.00002}""";

    public const string DoesNotExist = """{"result":{"exists":false},"status":"ok","time":0.00002}""";

    public const string ClusterDisabled = """{"result":{"status":"disabled"},"status":"ok","time":0.00001}""";

    public const string ClusterEnabled = """
        {"result":{"status":"enabled","peer_id":5012,"peers":{"5012":{"uri":"http://qdrant-0:6335/"},"7731":{"uri":"http://qdrant-1:6335/"}},
         "raft_info":{"term":3,"commit":118,"pending_operations":0,"leader":5012,"role":"Leader","is_voter":true},
         "consensus_thread_status":{"consensus_thread_status":"working","last_update":"2026-11-22T10:00:00Z"},
         "message_send_failures":{}},"status":"ok","time":0.00003}
        """;

    public const string CollectionCluster = """
        {"result":{"peer_id":5012,"shard_count":2,
         "local_shards":[{"shard_id":0,"points_count":2,"state":"Active"}],
         "remote_shards":[{"shard_id":1,"peer_id":7731,"state":"Active"}],
         "shard_transfers":[]},"status":"ok","time":0.00002}
        """;

    public const string Snapshot = """
        {"result":{"name":"products-5012-2026-11-22-10-00-00.snapshot","creation_time":"2026-11-22T10:00:00","size":204800,
         "checksum":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},"status":"ok","time":0.41}
        """;

    public static string Count(long count) => $$$"""{"result":{"count":{{{count}}}},"status":"ok","time":0.0001}""";

    public static string Error(string message) => $$$"""{"status":{"error":{{{JsonValue.Create(message).ToJsonString()}}}},"time":0.0001}""";

    /// <summary>A collection as Qdrant describes it after M6Search created it with dense vectors of <paramref name="dimension"/>.</summary>
    public static string CollectionInfo(
        int dimension = 4,
        string lexicalModifier = "none",
        IReadOnlyDictionary<string, string>? payloadIndexes = null,
        string? vectorsJson = null,
        int shards = 1,
        int replicas = 1,
        string quantizationJson = "null")
    {
        string vectors = vectorsJson ?? $$$"""{"image":{"size":{{{dimension}}},"distance":"Cosine"},"text":{"size":{{{dimension}}},"distance":"Cosine"}}""";
        string sparse = $$$"""{"lexical":{"modifier":"{{{lexicalModifier}}}"}}""";
        string indexes = string.Join(",", (payloadIndexes ?? new Dictionary<string, string>())
            .Select(pair => $$$"""{{{JsonValue.Create(pair.Key).ToJsonString()}}}:{"data_type":"{{{pair.Value}}}","points":3}"""));
        return $$$"""
            {"result":{"status":"green","optimizer_status":"ok","indexed_vectors_count":0,"points_count":3,"segments_count":2,
             "config":{
               "params":{"vectors":{{{vectors}}},"shard_number":{{{shards}}},"replication_factor":{{{replicas}}},"write_consistency_factor":1,
                         "on_disk_payload":true,"sparse_vectors":{{{sparse}}}},
               "hnsw_config":{"m":16,"ef_construct":100,"full_scan_threshold":10000,"max_indexing_threads":0,"on_disk":false},
               "optimizer_config":{"deleted_threshold":0.2,"vacuum_min_vector_number":1000,"default_segment_number":0,"max_segment_size":null,
                                   "memmap_threshold":null,"indexing_threshold":10000,"flush_interval_sec":5,"max_optimization_threads":null},
               "wal_config":{"wal_capacity_mb":32,"wal_segments_ahead":0},
               "quantization_config":{{{quantizationJson}}}},
             "payload_schema":{{{{indexes}}}}},
             "status":"ok","time":0.0003}
            """;
    }

    /// <summary>Payload indexes exactly as the store creates them by default.</summary>
    public static IReadOnlyDictionary<string, string> DefaultIndexes => new Dictionary<string, string>
    {
        ["category"] = "keyword",
        ["merchant"] = "keyword",
        ["lang"] = "keyword",
        ["currency"] = "keyword",
        ["price"] = "float",
    };

    /// <summary>A point as Qdrant returns it, built from a point the client sent in an upsert body.</summary>
    public static JsonObject RecordFrom(JsonObject sentPoint, bool withVector, float? score = null)
    {
        var record = new JsonObject
        {
            ["id"] = sentPoint["id"]!.DeepClone(),
            ["payload"] = sentPoint["payload"]!.DeepClone(),
        };
        if (score is { } value)
        {
            record["version"] = 4;
            record["score"] = value;
        }

        if (withVector)
        {
            record["vector"] = sentPoint["vector"]!.DeepClone();
        }

        return record;
    }

    public static string Records(IEnumerable<JsonObject> records) =>
        new JsonObject { ["result"] = new JsonArray(records.ToArray<JsonNode?>()), ["status"] = "ok", ["time"] = 0.0002 }.ToJsonString();

    public static string Query(IEnumerable<JsonObject> scoredPoints) =>
        new JsonObject
        {
            ["result"] = new JsonObject { ["points"] = new JsonArray(scoredPoints.ToArray<JsonNode?>()) },
            ["status"] = "ok",
            ["time"] = 0.0021,
        }.ToJsonString();

    public static string Scroll(IEnumerable<JsonObject> records, string? nextOffset) =>
        new JsonObject
        {
            ["result"] = new JsonObject
            {
                ["points"] = new JsonArray(records.ToArray<JsonNode?>()),
                ["next_page_offset"] = nextOffset is null ? null : JsonValue.Create(nextOffset),
            },
            ["status"] = "ok",
            ["time"] = 0.0007,
        }.ToJsonString();

    /// <summary>A <c>CollectionsAliasesResponse</c> listed in reverse, so that a client that relies on the server's order shows it.</summary>
    public static string Aliases(params (string Alias, string Collection)[] aliases) =>
        new JsonObject
        {
            ["result"] = new JsonObject
            {
                ["aliases"] = new JsonArray(aliases.Reverse()
                    .Select(a => (JsonNode?)new JsonObject { ["alias_name"] = a.Alias, ["collection_name"] = a.Collection })
                    .ToArray()),
            },
            ["status"] = "ok",
            ["time"] = 0.00001,
        }.ToJsonString();

    public static HttpResponseMessage Ok(string json) => ScriptedHandler.Json(HttpStatusCode.OK, json);
}
