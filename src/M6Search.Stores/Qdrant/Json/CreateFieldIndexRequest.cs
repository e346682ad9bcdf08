namespace M6Search.Stores.Qdrant.Json;

/// <summary>Body of <c>PUT /collections/{name}/index</c> (Qdrant's <c>CreateFieldIndex</c>); the schema is a <c>PayloadSchemaType</c>.</summary>
internal sealed record CreateFieldIndexRequest(string FieldName, string FieldSchema);
