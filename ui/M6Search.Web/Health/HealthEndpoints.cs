using Microsoft.AspNetCore.Http.HttpResults;

namespace M6Search.Web.Health;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (searches can be served).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" }))
            .WithName("Liveness").WithTags("Health").WithSummary("Liveness: 200 while the process answers.");
        endpoints.MapGet("/readyz", ReadyAsync)
            .WithName("Readiness").WithTags("Health")
            .WithSummary("Readiness: 200 when the model is loaded, the store is open and holds products; 503 with the reason otherwise.");
        return endpoints;
    }

    private static async Task<Results<Ok<Readiness>, JsonHttpResult<Readiness>>> ReadyAsync(ReadinessProbe probe, CancellationToken cancellationToken)
    {
        Readiness readiness = await probe.CheckAsync(cancellationToken);
        return readiness.Ready
            ? TypedResults.Ok(readiness)
            : TypedResults.Json(readiness, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
