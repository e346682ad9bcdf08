using M6Search.Stores.Abstractions;

namespace M6Search.Indexing.Jobs;

/// <summary>Points ready to upsert, with how many of them were encoded and how many reuse stored vectors.</summary>
internal sealed record EncodedBatch(IReadOnlyList<ProductPoint> Points, int Encoded, int Reused);
