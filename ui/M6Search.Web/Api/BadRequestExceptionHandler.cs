using Microsoft.AspNetCore.Diagnostics;

namespace M6Search.Web.Api;

/// <summary>
/// Answers a request the framework could not bind (such as <c>k=many</c>) with its own status and a ProblemDetails body
/// that names the parameter, instead of the exception handler's 500.
/// </summary>
public sealed class BadRequestExceptionHandler : IExceptionHandler
{
    private readonly IProblemDetailsService _problems;

    public BadRequestExceptionHandler(IProblemDetailsService problems)
    {
        _problems = problems;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await _problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = badRequest.StatusCode, Title = "The request is invalid.", Detail = badRequest.Message },
        });
    }
}
