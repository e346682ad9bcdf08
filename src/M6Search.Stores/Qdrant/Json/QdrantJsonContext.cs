using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace M6Search.Stores.Qdrant.Json;

/// <summary>
/// Source-generated serialisation of the Qdrant REST bodies: snake_case names, nulls left out, required members and
/// non-nullable annotations enforced when reading (a reply without them is malformed).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(CreateCollectionRequest))]
[JsonSerializable(typeof(CreateFieldIndexRequest))]
[JsonSerializable(typeof(UpsertPointsRequest))]
[JsonSerializable(typeof(DeletePointsRequest))]
[JsonSerializable(typeof(RetrievePointsRequest))]
[JsonSerializable(typeof(CountPointsRequest))]
[JsonSerializable(typeof(ScrollPointsRequest))]
[JsonSerializable(typeof(QueryPointsRequest))]
[JsonSerializable(typeof(ChangeAliasesRequest))]
[JsonSerializable(typeof(float[]))]
[JsonSerializable(typeof(SparseVectorDto))]
[JsonSerializable(typeof(FusionQueryDto))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(ulong))]
[JsonSerializable(typeof(QdrantResponse<JsonElement>))]
[JsonSerializable(typeof(QdrantResponse<UpdateResultDto>))]
[JsonSerializable(typeof(QdrantResponse<CollectionExistenceDto>))]
[JsonSerializable(typeof(QdrantResponse<CollectionInfoDto>))]
[JsonSerializable(typeof(QdrantResponse<CountResultDto>))]
[JsonSerializable(typeof(QdrantResponse<SnapshotDescriptionDto>))]
[JsonSerializable(typeof(QdrantResponse<QueryResultDto>))]
[JsonSerializable(typeof(QdrantResponse<ScrollResultDto>))]
[JsonSerializable(typeof(QdrantResponse<IReadOnlyList<RecordDto>>))]
[JsonSerializable(typeof(QdrantResponse<ClusterStatusDto>))]
[JsonSerializable(typeof(QdrantResponse<CollectionClusterInfoDto>))]
[JsonSerializable(typeof(QdrantResponse<CollectionsAliasesDto>))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class QdrantJsonContext : JsonSerializerContext
{
}
