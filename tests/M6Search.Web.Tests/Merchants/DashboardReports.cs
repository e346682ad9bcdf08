using M6Search.Catalog.Products;
using M6Search.Relevance.Dashboard;
using M6Search.Relevance.Judgments;
using M6Search.Relevance.Metrics;
using M6Search.Relevance.Ranking;

namespace M6Search.Web.Tests.Merchants;

/// <summary>Small dashboard reports for component tests.</summary>
internal static class DashboardReports
{
    public static readonly Product Cup = new() { Id = "a1", Title = "White Ceramic Mug", Merchant = "m-a", Category = "cup" };

    public static DashboardQuery Query(string text) => new() { Text = text, Source = QuerySource.Log, TraitWords = ["bumpy"] };

    public static QueryRanking Ranking(string text, params MerchantHit[] hits) => new()
    {
        Query = Query(text),
        Ranking = ["b1", .. hits.Select(h => h.ProductId)],
        Hits = hits,
    };

    public static MerchantDashboardReport With(IReadOnlyList<Judgment>? judgments = null, IReadOnlyList<MerchantQueryMetrics>? labelMetrics = null)
    {
        QueryRanking ranking = Ranking("bumpy cup", new MerchantHit("a1", Cup.Title, 2));
        labelMetrics ??= [];
        return new MerchantDashboardReport
        {
            MerchantId = "m-a",
            Depth = 100,
            Products = [new ProductReach(Cup, [(ranking.Query, 2)])],
            Rankings = [ranking],
            LabelMetrics = labelMetrics,
            LabelSummary = MetricsSummary.Of(labelMetrics),
            JudgmentMetrics = [],
            JudgmentSummary = MetricsSummary.Of([]),
            Judgments = judgments ?? [],
        };
    }
}
