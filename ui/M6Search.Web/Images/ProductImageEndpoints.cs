using M6Search.Catalog.Products;
using M6Search.Search.Searching;
using M6Search.Web.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace M6Search.Web.Images;

/// <summary><c>GET /images/{productId}</c>: the product's image, looked up through the store.</summary>
public static class ProductImageEndpoints
{
    /// <summary>The URL of a product's image.</summary>
    public static string UrlFor(string productId) => "/images/" + Uri.EscapeDataString(productId);

    public static RouteHandlerBuilder MapProductImages(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/images/{productId}", ServeAsync)
            .WithName("ProductImage").WithTags("Products")
            .WithSummary("The product's image (resolved from the stored product inside the catalog folder; never a path from the URL).");

    private static async Task<Results<PhysicalFileHttpResult, RedirectHttpResult, ProblemHttpResult>> ServeAsync(
        string productId, SearchRuntime runtime, ProductImageResolver resolver, HttpContext context, CancellationToken cancellationToken)
    {
        IProductSearchService? search = runtime.Search;
        if (search is null)
        {
            return TypedResults.Problem("Search is not running yet: " + runtime.PublicStatus, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (productId.Length > 256)
        {
            return TypedResults.Problem("The product id is longer than 256 characters.", statusCode: StatusCodes.Status400BadRequest);
        }

        Product? product = await search.GetProductAsync(productId, cancellationToken);
        ProductImageSource source = product is null ? ProductImageSource.None : resolver.Resolve(product);
        if (source.Url is not null)
        {
            return TypedResults.Redirect(source.Url.AbsoluteUri);
        }

        if (source.FilePath is null)
        {
            return TypedResults.Problem(
                product is null ? $"No product '{productId}'." : $"Product '{productId}' has no image that can be served.",
                statusCode: StatusCodes.Status404NotFound);
        }

        context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=3600";
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return TypedResults.PhysicalFile(source.FilePath, source.ContentType!);
    }
}
