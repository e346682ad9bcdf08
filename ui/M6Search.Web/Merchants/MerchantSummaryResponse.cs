namespace M6Search.Web.Merchants;

/// <summary>The signed-in merchant's metrics (definitions in docs/merchant-dashboard.md).</summary>
public sealed record MerchantSummaryResponse(
    string MerchantId,
    int Products,
    int QueriesAnalysed,
    int LabeledJudgedQueries,
    double? LabeledNdcgAt10,
    double? LabeledHiddenTraitRecall,
    int JudgedQueries,
    double? JudgedNdcgAt10,
    double? JudgedHiddenTraitRecall);
