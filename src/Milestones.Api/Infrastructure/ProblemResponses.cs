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

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception thrown, CancellationToken cancellationToken)
    {
        var exception = Unwrap(thrown);
        var (status, detail, errors) = Classify(exception, httpContext);
        if (Compat.CompatDialect.Of(httpContext) is { } dialect)
        {
            (status, detail, errors) = dialect.Translate(status, detail, exception, errors);
        }

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
            logger.LogError(thrown, "Unhandled exception on {Method} {Path} (traceId {TraceId})",
                httpContext.Request.Method, httpContext.Request.Path, ProblemResponses.TraceId(httpContext));
        }

        switch (exception)
        {
            case UnauthorizedException:
                httpContext.Response.Headers.WWWAuthenticate = "Bearer";
                break;
            case var _ when status == StatusCodes.Status503ServiceUnavailable:
                httpContext.Response.Headers.RetryAfter = "1"; // interrupted, or the database's passing fault
                break;
        }

        await ProblemResponses.WriteAsync(httpContext, status, detail, errors);
        return true;
    }

    /// <summary>
    /// The failure a domain event's handlers raised: the mediator's publisher wraps what they throw in an
    /// <see cref="AggregateException"/>, which would otherwise hide a conflict (409) or a client who hung
    /// up (nothing to answer) behind a 500. One failure is itself; several that are all cancellations
    /// are one cancellation; any other mix stays a fault of ours.
    /// </summary>
    public static Exception Unwrap(Exception exception)
    {
        if (exception is not AggregateException aggregate)
        {
            return exception;
        }

        var inner = aggregate.Flatten().InnerExceptions;
        return inner.Count == 1 ? Unwrap(inner[0])
            : inner.Count > 1 && inner.All(e => e is OperationCanceledException) ? inner[0]
            : exception;
    }

    /// <summary>The one classification of failures: what the client did wrong (4xx), what it cannot help (503), and our faults (500).</summary>
    public static (int Status, string Detail, IReadOnlyDictionary<string, string[]>? Errors) Classify(Exception exception, HttpContext httpContext) => exception switch
    {
        _ when httpContext.RequestAborted.IsCancellationRequested && exception is OperationCanceledException or IOException or BadHttpRequestException
            => (ClientClosedRequest, "The request was cancelled by the client.", null),
        ValidationFailedException v => (StatusCodes.Status422UnprocessableEntity, v.Message, v.Errors),
        NotFoundException n => (StatusCodes.Status404NotFound, n.Message, null),
        UnauthorizedException u => (StatusCodes.Status401Unauthorized, $"{u.Message} Send 'Authorization: Bearer sk_live_…'.", null),
        ForbiddenAccessException f => (StatusCodes.Status403Forbidden, f.Message, null),
        ConflictException c => (StatusCodes.Status409Conflict, c.Message, null),
        DomainException d => (StatusCodes.Status409Conflict, d.Message, null),
        // The Api speaks HTTP: the expected version was the If-Match, the current one is the ETag.
        PreconditionFailedException => (StatusCodes.Status412PreconditionFailed,
            "The resource has changed since you read it (If-Match does not match its current ETag); fetch it again and retry.", null),
        DbUpdateConcurrencyException => (StatusCodes.Status409Conflict,
            "The resource was changed by another request at the same time; fetch it again and retry.", null),
        DbUpdateException db when DatabaseErrors.IsUniqueViolation(db) => (StatusCodes.Status409Conflict,
            "A resource with the same unique value already exists.", null),
        BadHttpRequestException b => (b.StatusCode, b.Message, null),
        _ when DatabaseErrors.IsTransient(exception) || DatabaseErrors.IsLockTimeout(exception) => (StatusCodes.Status503ServiceUnavailable,
            "The database could not complete the request just now (a conflicting transaction, or the connection was lost); nothing was changed, retry it.", null),
        OperationCanceledException => (StatusCodes.Status503ServiceUnavailable,
            "The request was interrupted before it could finish (the service may be restarting); nothing was changed, retry it.", null),
        _ => (StatusCodes.Status500InternalServerError,
            "An unexpected error occurred. It has been logged; quote the traceId when you report it.", null),
    };
}

/// <summary>The one problem shape: every error, ours and the framework's (404, 405, 406, 415), passes through <see cref="Shape"/>.</summary>
public static class ProblemResponses
{
    public static async Task WriteAsync(HttpContext context, int status, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null
            ? new ProblemDetails()
            : new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value));
        problem.Status = status;
        problem.Detail = detail;
        Shape(problem, context);

        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
    }

    /// <summary>The same problem as an MVC result, for filters and model-state failures.</summary>
    public static ObjectResult Result(HttpContext context, int status, string detail, IDictionary<string, string[]> errors)
    {
        if (Compat.CompatDialect.Of(context) is { } dialect)
        {
            var (seedStatus, seedDetail, seedErrors) = dialect.Translate(status, detail, null, errors.AsReadOnly());
            (status, detail, errors) = (seedStatus, seedDetail, seedErrors!.ToDictionary());
        }

        var problem = new ValidationProblemDetails(errors) { Status = status, Detail = detail };
        Shape(problem, context);
        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { "application/problem+json" } };
    }

    /// <summary>Type, sentence-case title, a detail that says what to do, instance and traceId, whoever made the problem.</summary>
    public static void Shape(ProblemDetails problem, HttpContext context)
    {
        var status = problem.Status ?? context.Response.StatusCode;
        problem.Status = status;
        problem.Type = TypeFor(status);
        problem.Title = TitleFor(status);
        problem.Detail ??= DefaultDetail(status, context);
        problem.Instance = context.Request.Path;
        problem.Extensions.Remove("traceId");
        problem.Extensions["traceId"] = TraceId(context);
        if (Compat.CompatDialect.IsCompatPath(context))
        {
            problem.Extensions["error"] = problem.Detail; // the seeds' clients read the message there
        }
    }

    public static string TraceId(HttpContext context) => Activity.Current?.Id ?? context.TraceIdentifier;

    public static string TitleFor(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        406 => "Not acceptable",
        409 => "Conflict",
        412 => "Precondition failed",
        413 => "Payload too large",
        415 => "Unsupported media type",
        422 => "Validation failed",
        429 => "Too many requests",
        500 => "Internal server error",
        503 => "Service unavailable",
        _ => "Error",
    };

    public static string TypeFor(int status) => status switch
    {
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        401 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
        403 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        405 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6",
        406 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.7",
        409 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
        412 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.13",
        413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        415 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16",
        422 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
        429 => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        500 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
        503 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        _ => "https://www.rfc-editor.org/rfc/rfc9110#section-15",
    };

    private static string DefaultDetail(int status, HttpContext context) => status switch
    {
        404 => $"Nothing exists at {context.Request.Path}; the endpoints are listed at /docs.",
        405 => context.Response.Headers.Allow.Count > 0
            ? $"{context.Request.Path} does not accept {context.Request.Method}; it accepts {context.Response.Headers.Allow}."
            : $"{context.Request.Path} does not accept {context.Request.Method}.",
        406 => "This API answers with application/json (errors: application/problem+json); send an Accept header that allows it.",
        415 => "Send the request body as JSON, with Content-Type: application/json.",
        _ => "The request could not be handled.",
    };
}
