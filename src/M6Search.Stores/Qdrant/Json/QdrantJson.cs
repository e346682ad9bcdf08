using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace M6Search.Stores.Qdrant.Json;

/// <summary>
/// The one <see cref="QdrantJsonContext"/> the store uses: the generated settings plus UTF-8 text kept unescaped, so
/// Chinese titles travel as themselves (a third of the size of <c>\uXXXX</c> escapes).
/// </summary>
internal static class QdrantJson
{
    public static QdrantJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
