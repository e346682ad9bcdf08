using M6Search.Catalog.Products;
using M6Search.Relevance.Ranking;

namespace M6Search.Relevance.Dashboard;

/// <summary>Which analysed queries reach one of the merchant's products, and at what rank (best first).</summary>
public sealed record ProductReach(Product Product, IReadOnlyList<(DashboardQuery Query, int Rank)> Queries)
{
    public int? BestRank => Queries.Count == 0 ? null : Queries.Min(q => q.Rank);
}
