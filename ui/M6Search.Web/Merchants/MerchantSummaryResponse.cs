namespace M6Search.Web.Merchants;

/// <summary>
/// The signed-in merchant's metrics (definitions in docs/merchant-dashboard.md). <c>QueriesSkipped</c> counts the queries
/// the build left out because the search refused or failed them (the rest are analysed as usual).
/// </summary>
public sealed record MerchantSummaryResponse(
    string MerchantId,
    int Products,
    int QueriesAnalysed,
    int LabeledJudgedQueries,
    double? LabeledNdcgAt10,
    double? LabeledHiddenTraitRecall,
    int JudgedQueries,
    double? JudgedNdcgAt10,
    double? JudgedHiddenTraitRecall,
    int QueriesSkipped);
