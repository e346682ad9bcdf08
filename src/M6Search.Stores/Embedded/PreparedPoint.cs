using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded.Filtering;

namespace M6Search.Stores.Embedded;

/// <summary>
/// A validated point ready to be written and indexed: payload serialised once, dense vectors normalised to unit length
/// (index by schema position, null when the point lacks that vector), filterable fields extracted from the payload.
/// </summary>
internal sealed class PreparedPoint
{
    public required string ProductId { get; init; }

    public required Guid PointId { get; init; }

    public required string PayloadJson { get; init; }

    public string? ContentHash { get; init; }

    public required float[]?[] Dense { get; init; }

    public SparseVector? Lexical { get; init; }

    public required PayloadFields Fields { get; init; }
}
