using M6Search.Web.Accounts;
using M6Search.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace M6Search.Web.Jobs;

/// <summary>
/// Admin-only job endpoints: <c>GET /api/jobs</c> (the history) and <c>GET /api/jobs/{id}/errors</c> (a job's error
/// report). The file served is found from the job's server-side record by id; no path comes from the request.
/// </summary>
public static class JobEndpoints
{
    public static RouteGroupBuilder MapJobEndpoints(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder api = endpoints.MapGroup("/api/jobs")
            .WithTags("Jobs")
            .RequireAuthorization(AccountPolicies.Admin)
            .RequireRateLimiting(SearchApi.RateLimitPolicy);
        api.MapGet("/", HistoryAsync).WithSummary("The indexing jobs, newest first.");
        api.MapGet("/{id}/errors", ErrorReportAsync).WithSummary("A job's error report (JSON Lines: line, id, reason, kind).");
        return api;
    }

    /// <summary>The error report's download URL for a job.</summary>
    public static string ErrorReportUrl(string jobId) => $"api/jobs/{Uri.EscapeDataString(jobId)}/errors";

    private static async Task<Ok<IReadOnlyList<JobResponse>>> HistoryAsync(IndexingJobRunner runner, CancellationToken cancellationToken)
    {
        IReadOnlyList<JobRecord> jobs = await runner.History.ListAsync(100, cancellationToken);
        IReadOnlyList<JobResponse> response = jobs
            .Select(j => new JobResponse(j.Id, j.CatalogPath, j.StartedBy, j.StartedUtc, j.FinishedUtc, j.State.ToString(), j.Message, j.Indexed, j.Unchanged, j.Rejected, j.Deleted))
            .ToList();
        return TypedResults.Ok(response);
    }

    private static async Task<Results<FileStreamHttpResult, NotFound<ProblemDetails>>> ErrorReportAsync(
        string id, IndexingJobRunner runner, CancellationToken cancellationToken)
    {
        if (await runner.ErrorReportAsync(id, cancellationToken) is not { } report)
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "No error report",
                Detail = $"There is no job '{id}' with an error report.",
            });
        }

        var stream = new FileStream(report.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true);
        return TypedResults.Stream(stream, "application/x-ndjson", $"job-{report.Job.Id}-errors.jsonl");
    }
}
