using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;

namespace M6Search.Web.RateLimiting;

/// <summary>
/// Answers a <see cref="TooManyRequestsException"/> from any endpoint (a full search queue, a busy photo decoder) with
/// 429, <c>Retry-After</c> and a ProblemDetails body, as the rate limiter does, instead of the exception handler's 500.
/// </summary>
public sealed class TooManyRequestsExceptionHandler : IExceptionHandler
{
    private readonly IProblemDetailsService _problems;

    public TooManyRequestsExceptionHandler(IProblemDetailsService problems)
    {
        _problems = problems;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not TooManyRequestsException refused)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        httpContext.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(refused.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return await _problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = refused.Message },
        });
    }
}
