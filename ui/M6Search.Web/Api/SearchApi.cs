using M6Search.Catalog.Products;
using M6Search.Search.Results;
using M6Search.Search.Searching;
using M6Search.Web.Configuration;
using M6Search.Web.Images;
using M6Search.Web.Runtime;
using M6Search.Web.Uploads;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace M6Search.Web.Api;

/// <summary>
/// The HTTP API: <c>GET /api/search</c>, <c>POST /api/search/image</c>, <c>GET /api/products/{id}</c> and
/// <c>/api/products/{id}/similar</c>, and <c>GET /api/antiforgery</c>. Errors are ProblemDetails: 400 with the bad
/// fields for invalid input, 404 for unknown products, 413/415 for refused photos, 429 past the rate limit, 503
/// while search is not running.
/// </summary>
public static class SearchApi
{
    /// <summary>The rate limiter policy on every API and image endpoint.</summary>
    public const string RateLimitPolicy = "api";

    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        // The body may hold the photo plus the form's other fields; the photo's own limit is checked while reading it.
        long maxUploadBytes = endpoints.ServiceProvider.GetRequiredService<IOptions<M6Options>>().Value.Upload.MaxImageBytes;
        RouteGroupBuilder api = endpoints.MapGroup("/api").WithTags("Search").RequireRateLimiting(RateLimitPolicy);
        api.MapGet("/search", SearchAsync)
            .WithName("Search")
            .WithSummary("Hybrid product search: the query against product images, titles and title words, fused by RRF.")
            .WithDescription("q: 1-256 characters, English or Chinese. k: 1-100 (default 20). minPrice/maxPrice >= 0, minPrice <= maxPrice. sort: relevance, price_asc, price_desc. details=true: each result's match (why it matched; off by default, it costs three more store searches).");
        api.MapPost("/search/image", SearchByImageAsync)
            .WithName("SearchByImage")
            .WithSummary("Search by photo: multipart/form-data with an 'image' file (JPEG, PNG or WebP, at most M6:Upload:MaxImageBytes) and an antiforgery token from GET /api/antiforgery.")
            .WithDescription("k, offset and the filters as for GET /api/search. details=true: each result's match (why it matched; off by default).")
            .WithMetadata(new RequestSizeLimitAttribute(maxUploadBytes + (64 * 1024)))
            .DisableAntiforgery()
            .AddEndpointFilter(ValidateAntiforgeryAsync);
        api.MapGet("/products/{id}", GetProductAsync).WithName("GetProduct").WithSummary("One stored product.");
        api.MapGet("/products/{id}/similar", MoreLikeThisAsync).WithName("MoreLikeThis").WithSummary("Products whose images look like this product's image.");
        api.MapGet("/antiforgery", GetAntiforgeryToken).WithName("AntiforgeryToken").WithSummary("A token (and cookie) for POST /api/search/image.");
        return api;
    }

    private static async Task<Results<Ok<SearchResponse>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        [FromQuery] string? q, [AsParameters] SearchParameters parameters, SearchRuntime runtime, CancellationToken cancellationToken)
    {
        if (runtime.Search is not { } search)
        {
            return NotRunning(runtime);
        }

        try
        {
            var query = new SearchQuery
            {
                Text = q ?? string.Empty,
                Limit = parameters.K ?? 20,
                Offset = parameters.Offset ?? 0,
                Filters = parameters.ToFilters(),
                Sort = parameters.ParseSort(),
                IncludeMatchDetails = parameters.Details ?? false,
            };
            SearchResults results = await search.SearchAsync(query, cancellationToken);
            return TypedResults.Ok(ToResponse(q, results, query.Limit, query.Offset));
        }
        catch (SearchValidationException exception)
        {
            return TypedResults.ValidationProblem(ToDictionary(exception), title: "The search request is invalid.");
        }
    }

    private static async Task<Results<Ok<SearchResponse>, ValidationProblem, ProblemHttpResult>> SearchByImageAsync(
        IFormFile? image, [AsParameters] SearchParameters parameters, SearchRuntime runtime, PhotoPreparer photos, CancellationToken cancellationToken)
    {
        if (runtime.Search is not { } search)
        {
            return NotRunning(runtime);
        }

        if (image is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["image"] = ["Send the photo as the multipart form field 'image'."] }, title: "The search request is invalid.");
        }

        try
        {
            int k = parameters.K ?? 20;
            int offset = parameters.Offset ?? 0;
            float[] chw;
            using (Stream stream = image.OpenReadStream())
            {
                chw = await photos.PrepareAsync(stream, image.Length, image.ContentType, image.FileName, search.ImageSize, cancellationToken);
            }

            SearchResults results = await search.SearchByImageAsync(chw, k, offset, parameters.ToFilters(), parameters.Details ?? false, cancellationToken);
            return TypedResults.Ok(ToResponse(null, results, k, offset));
        }
        catch (PhotoUploadException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: exception.StatusCode, title: "The photo was refused.");
        }
        catch (SearchValidationException exception)
        {
            return TypedResults.ValidationProblem(ToDictionary(exception), title: "The search request is invalid.");
        }
    }

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetProductAsync(string id, SearchRuntime runtime, CancellationToken cancellationToken)
    {
        if (runtime.Search is not { } search)
        {
            return NotRunning(runtime);
        }

        Product? product = id.Length <= 256 ? await search.GetProductAsync(id, cancellationToken) : null;
        return product is null
            ? TypedResults.Problem($"No product '{Shorten(id)}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found")
            : TypedResults.Ok(new ProductResponse(product.Id, ImageUrl(product), product));
    }

    private static async Task<Results<Ok<SearchResponse>, ValidationProblem, ProblemHttpResult>> MoreLikeThisAsync(
        string id, [AsParameters] SearchParameters parameters, SearchRuntime runtime, CancellationToken cancellationToken)
    {
        if (runtime.Search is not { } search)
        {
            return NotRunning(runtime);
        }

        try
        {
            int k = parameters.K ?? 20;
            SearchResults? results = id.Length <= 256 ? await search.MoreLikeThisAsync(id, k, parameters.ToFilters(), cancellationToken) : null;
            return results is null
                ? TypedResults.Problem($"No product '{Shorten(id)}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found")
                : TypedResults.Ok(ToResponse(null, results, k, 0));
        }
        catch (SearchValidationException exception)
        {
            return TypedResults.ValidationProblem(ToDictionary(exception), title: "The search request is invalid.");
        }
    }

    private static Ok<AntiforgeryTokenResponse> GetAntiforgeryToken(IAntiforgery antiforgery, HttpContext context)
    {
        AntiforgeryTokenSet tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AntiforgeryTokenResponse(tokens.RequestToken!, tokens.FormFieldName, tokens.HeaderName ?? "RequestVerificationToken"));
    }

    /// <summary>
    /// Validates the antiforgery token and answers a ProblemDetails 400 when it is missing or wrong (the framework's own
    /// check would answer an empty 400).
    /// </summary>
    private static async ValueTask<object?> ValidateAntiforgeryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        HttpContext http = context.HttpContext;
        IAntiforgery antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Problem(
                "The antiforgery token is missing or invalid: get one from GET /api/antiforgery and send it with its cookie.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Antiforgery check failed");
        }

        return await next(context);
    }

    private static SearchResponse ToResponse(string? query, SearchResults results, int k, int offset) => new(
        query,
        results.NormalizedQuery,
        k,
        offset,
        results.HasMore,
        results.Timings,
        results.Items.Select(item => new SearchHitResponse(item.Product.Id, item.Score, ImageUrl(item.Product), item.Product, item.Match)).ToList());

    private static string? ImageUrl(Product product) => string.IsNullOrEmpty(product.Image) ? null : ProductImageEndpoints.UrlFor(product.Id);

    private static Dictionary<string, string[]> ToDictionary(SearchValidationException exception) =>
        exception.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    private static ProblemHttpResult NotRunning(SearchRuntime runtime) => TypedResults.Problem(
        runtime.Phase == RuntimePhase.Failed ? "Search is unavailable: " + runtime.PublicStatus + "." : "Search is starting: " + runtime.PublicStatus,
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Search is not available");

    private static string Shorten(string id) => id.Length <= 64 ? id : id[..64] + "…";
}
