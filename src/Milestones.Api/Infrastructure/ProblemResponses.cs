using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Milestones.Application.Common.Exceptions;
using Milestones.Domain.Common;
using Milestones.Infrastructure.Persistence;

namespace Milestones.Api.Infrastructure;

/// <summary>
/// The one place where failures become RFC 9457 problem responses: every exception type of the
/// application's failure strategy maps to its status here.
/// </summary>
public sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Not an HTTP status anyone receives: the client went away, so nothing is answered.</summary>
    public const int ClientClosedRequest = 499;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, errors) = Classify(exception, httpContext);

        if (status == ClientClosedRequest)
        {
            // The client hung up (or its upload broke off): not a fault of ours, and nobody to answer.
            logger.LogDebug("Request {Method} {Path} ended by the client", httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.StatusCode = ClientClosedRequest;
            return true;
        }

        if (status >= 500)
        {
            // The one place a server fault is logged (the middleware's own log is suppressed in Program).
            logger.LogError(exception, "Unhandled exception on {Method} {Path} (traceId {TraceId})",
                httpContext.Request.Method, httpContext.Request.Path, ProblemResponses.TraceId(httpContext));
        }

        switch (exception)
        {
            case UnauthorizedException:
                httpContext.Response.Headers.WWWAuthenticate = "Bearer";
                break;
            case PreconditionFailedException pre:
                httpContext.Response.Headers.ETag = pre.CurrentETag;
                break;
            case OperationCanceledException:
                httpContext.Response.Headers.RetryAfter = "1";
                break;
        }

        await ProblemResponses.WriteAsync(httpContext, status, title, detail, errors);
        return true;
    }

    /// <summary>The one classification of failures: what the client did wrong (4xx), what it cannot help (503), and our faults (500).</summary>
    public static (int Status, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors) Classify(Exception exception, HttpContext httpContext) => exception switch
    {
        _ when httpContext.RequestAborted.IsCancellationRequested && exception is OperationCanceledException or IOException or BadHttpRequestException
            => (ClientClosedRequest, "Client closed request", "The request was cancelled by the client.", null),
        ValidationException v => (StatusCodes.Status422UnprocessableEntity, "Validation failed", v.Message, v.Errors),
        NotFoundException n => (StatusCodes.Status404NotFound, "Not found", n.Message, null),
        UnauthorizedException u => (StatusCodes.Status401Unauthorized, "Unauthorized", u.Message, null),
        ForbiddenAccessException f => (StatusCodes.Status403Forbidden, "Forbidden", f.Message, null),
        ConflictException c => (StatusCodes.Status409Conflict, "Conflict", c.Message, null),
        DomainException d => (StatusCodes.Status409Conflict, "Conflict", d.Message, null),
        PreconditionFailedException p => (StatusCodes.Status412PreconditionFailed, "Precondition failed", p.Message, null),
        DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Conflict",
            "The resource was changed by another request at the same time; fetch it again and retry.", null),
        DbUpdateException db when DatabaseErrors.IsUniqueViolation(db) => (StatusCodes.Status409Conflict, "Conflict",
            "A resource with the same unique value already exists.", null),
        BadHttpRequestException b => (b.StatusCode, b.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Payload too large" : "Bad request", b.Message, null),
        OperationCanceledException => (StatusCodes.Status503ServiceUnavailable, "Service unavailable",
            "The request was interrupted before it could finish (the service may be restarting); nothing was changed, retry it.", null),
        _ => (StatusCodes.Status500InternalServerError, "Internal server error",
            "An unexpected error occurred. It has been logged; quote the traceId when you report it.", null),
    };
}

public static class ProblemResponses
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null
            ? new ProblemDetails()
            : new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value));
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Type = TypeFor(status);
        problem.Instance = context.Request.Path;
        problem.Extensions["traceId"] = TraceId(context);

        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
    }

    public static string TraceId(HttpContext context) => Activity.Current?.Id ?? context.TraceIdentifier;

    public static string TypeFor(int status) => status switch
    {
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        401 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
        403 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        409 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
        412 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.13",
        413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        422 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
        429 => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        500 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
        503 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        _ => "about:blank",
    };
}
