using System.Text;
using M6Search.Relevance.Dashboard;
using M6Search.Relevance.Export;
using M6Search.Relevance.Probing;
using M6Search.Search.Searching;
using M6Search.Web.Accounts;
using M6Search.Web.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace M6Search.Web.Merchants;

/// <summary>
/// The merchant API under <c>/api/merchant</c>, for the signed-in merchant only (policy "Merchant"): the merchant id
/// always comes from the user's claim, never from the request, so a merchant can neither name nor reach another
/// merchant's products, judgments or exports (someone else's product id answers 404). Anonymous requests get 401,
/// other roles 403. POSTs need the antiforgery token in the <c>RequestVerificationToken</c> header.
/// </summary>
public static class MerchantApi
{
    public static RouteGroupBuilder MapMerchantApi(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder api = endpoints.MapGroup("/api/merchant")
            .WithTags("Merchant")
            .RequireAuthorization(AccountPolicies.Merchant)
            .RequireRateLimiting(SearchApi.RateLimitPolicy);
        api.MapGet("/summary", SummaryAsync).WithSummary("The signed-in merchant's relevance metrics.");
        api.MapGet("/products", ProductsAsync).WithSummary("The signed-in merchant's products and their best ranks.");
        api.MapGet("/products/{id}/suggestions", SuggestionsAsync).WithSummary("Traits the photo seems to show that the title omits (zero-shot).");
        api.MapGet("/judgments", JudgmentsAsync).WithSummary("The signed-in merchant's relevance judgments.");
        api.MapPost("/judgments", JudgeAsync).WithSummary("Mark one of the merchant's products relevant or not for a query (antiforgery header required).")
            .AddEndpointFilter(ValidateAntiforgeryAsync);
        api.MapGet("/export/rankings.csv", ExportRankingsAsync).WithSummary("Where the merchant's products rank, as CSV (formula-safe).");
        api.MapGet("/export/judgments.csv", ExportJudgmentsAsync).WithSummary("The merchant's judgments, as CSV (formula-safe).");
        return api;
    }

    private static async Task<Results<Ok<MerchantSummaryResponse>, ProblemHttpResult>> SummaryAsync(
        HttpContext http, MerchantDashboards dashboards, CancellationToken cancellationToken)
    {
        if (!TryGet(http, dashboards, out string merchant, out MerchantDashboardService? service, out ProblemHttpResult? problem))
        {
            return problem;
        }

        MerchantDashboardReport report = await service.BuildAsync(merchant, cancellationToken: cancellationToken);
        return TypedResults.Ok(new MerchantSummaryResponse(
            merchant,
            report.Products.Count,
            report.Rankings.Count,
            report.LabelSummary.JudgedQueries,
            report.LabelSummary.MeanNdcg,
            report.LabelSummary.HiddenTraitRecall,
            report.JudgmentSummary.JudgedQueries,
            report.JudgmentSummary.MeanNdcg,
            report.JudgmentSummary.HiddenTraitRecall,
            report.Skipped.Count));
    }

    private static async Task<Results<Ok<IReadOnlyList<MerchantProductResponse>>, ProblemHttpResult>> ProductsAsync(
        HttpContext http, MerchantDashboards dashboards, CancellationToken cancellationToken)
    {
        if (!TryGet(http, dashboards, out string merchant, out MerchantDashboardService? service, out ProblemHttpResult? problem))
        {
            return problem;
        }

        MerchantDashboardReport report = await service.BuildAsync(merchant, cancellationToken: cancellationToken);
        IReadOnlyList<MerchantProductResponse> products = report.Products
            .Select(p => new MerchantProductResponse(p.Product.Id, p.Product.Title, p.Product.Category, p.Product.Price, p.Product.Currency, p.BestRank, p.Queries.Count))
            .ToList();
        return TypedResults.Ok(products);
    }

    private static async Task<Results<Ok<IReadOnlyList<SuggestionResponse>>, NotFound<ProblemDetails>, ProblemHttpResult>> SuggestionsAsync(
        string id, HttpContext http, MerchantDashboards dashboards, CancellationToken cancellationToken)
    {
        if (!TryGet(http, dashboards, out string merchant, out MerchantDashboardService? service, out ProblemHttpResult? problem))
        {
            return problem;
        }

        TraitProbe? probe = await service.ProbeAsync(merchant, id, cancellationToken);
        if (probe is null)
        {
            return NotYours(id);
        }

        IReadOnlyList<SuggestionResponse> suggestions = probe.Suggestions
            .Select(s => new SuggestionResponse(s.Kind.ToString(), s.Trait.Key, s.Trait.English, s.Trait.Chinese, s.Score, s.Margin, s.AgreesWithCatalog))
            .ToList();
        return TypedResults.Ok(suggestions);
    }

    private static async Task<Results<Ok<IReadOnlyList<JudgmentResponse>>, ProblemHttpResult>> JudgmentsAsync(
        HttpContext http, MerchantDashboards dashboards, CancellationToken cancellationToken)
    {
        if (!TryGet(http, dashboards, out string merchant, out MerchantDashboardService? service, out ProblemHttpResult? problem))
        {
            return problem;
        }

        IReadOnlyList<JudgmentResponse> judgments = (await service.JudgmentsAsync(merchant, cancellationToken))
            .Select(j => new JudgmentResponse(j.Query, j.ProductId, j.Relevant, j.UpdatedUtc))
            .ToList();
        return TypedResults.Ok(judgments);
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFound<ProblemDetails>, ProblemHttpResult>> JudgeAsync(
        JudgmentRequest request, HttpContext http, MerchantDashboards dashboards, CancellationToken cancellationToken)
    {
        if (!TryGet(http, dashboards, out string merchant, out MerchantDashboardService? service, out ProblemHttpResult? problem))
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(request.ProductId) || request.ProductId.Length > 200)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["productId"] = ["The product id is required (at most 200 characters)."] },
                title: "The judgment is invalid.");
        }

        try
        {
            // The query is checked after normalisation with the search's own rules, as it is stored and later ranked.
            bool ok = await service.JudgeAsync(merchant, request.Query ?? string.Empty, request.ProductId, request.Relevant, cancellationToken);
            return ok ? TypedResults.NoContent() : NotYours(request.ProductId);
        }
        catch (SearchValidationException exception)
        {
            return TypedResults.ValidationProblem(
                exception.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal), title: "The judgment is invalid.");
        }
    }

    private static async Task<IResult> ExportRankingsAsync(HttpContext http, MerchantDashboards dashboards, CancellationToken cancellationToken)
    {
        if (!TryGet(http, dashboards, out string merchant, out MerchantDashboardService? service, out ProblemHttpResult? problem))
        {
            return problem;
        }

        MerchantDashboardReport report = await service.BuildAsync(merchant, cancellationToken: cancellationToken);
        string csv = await SafeCsvWriter.ToStringAsync(MerchantDashboardService.RankingRows(report), cancellationToken);
        return Csv(csv, $"rankings-{merchant}.csv");
    }

    private static async Task<IResult> ExportJudgmentsAsync(HttpContext http, MerchantDashboards dashboards, CancellationToken cancellationToken)
    {
        if (!TryGet(http, dashboards, out string merchant, out MerchantDashboardService? service, out ProblemHttpResult? problem))
        {
            return problem;
        }

        string csv = await SafeCsvWriter.ToStringAsync(await service.JudgmentRowsAsync(merchant, cancellationToken), cancellationToken);
        return Csv(csv, $"judgments-{merchant}.csv");
    }

    /// <summary>UTF-8 with a byte order mark, so spreadsheets read Chinese titles correctly.</summary>
    private static IResult Csv(string csv, string fileName) =>
        TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", fileName);

    private static bool TryGet(
        HttpContext http,
        MerchantDashboards dashboards,
        out string merchant,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MerchantDashboardService? service,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        merchant = AccountClaims.MerchantIdOf(http.User) ?? "";
        service = null;
        problem = null;
        if (merchant.Length == 0)
        {
            // The policy already requires the claim; this keeps a misconfigured route from serving anyone's data.
            problem = TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not a merchant account");
            return false;
        }

        service = dashboards.Current;
        if (service is null)
        {
            problem = TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Search is not running yet",
                detail: dashboards.Status);
            return false;
        }

        return true;
    }

    private static NotFound<ProblemDetails> NotYours(string productId) => TypedResults.NotFound(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "No such product among yours",
        Detail = $"Product '{productId}' is not one of your products.",
    });

    private static async ValueTask<object?> ValidateAntiforgeryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        IAntiforgery antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token", detail: "Send the token from GET /api/antiforgery in the RequestVerificationToken header.");
        }

        return await next(context);
    }
}
