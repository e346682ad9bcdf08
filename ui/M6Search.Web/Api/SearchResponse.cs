using M6Search.Search.Results;

namespace M6Search.Web.Api;

/// <summary>The answer of <c>GET /api/search</c> and <c>POST /api/search/image</c>.</summary>
public sealed record SearchResponse(
    string? Query, string? NormalizedQuery, int K, int Offset, bool HasMore, SearchTimings Timings, IReadOnlyList<SearchHitResponse> Results);
