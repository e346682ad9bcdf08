using M6Search.Relevance.Ranking;

namespace M6Search.Relevance.Dashboard;

/// <summary>A query a dashboard build left out, and why (the search refused or failed it, or a cap was reached).</summary>
public sealed record SkippedQuery(DashboardQuery Query, string Reason);
