using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Milestones.Application.Common.Exceptions;
using Milestones.Domain.Common;

namespace Milestones.Api.Infrastructure;

/// <summary>
/// The one place where failures become RFC 9457 problem responses: every exception type of the
/// application's failure strategy maps to its status here.
/// </summary>
public sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, errors) = exception switch
        {
            ValidationException v => (StatusCodes.Status422UnprocessableEntity, "Validation failed", v.Message, v.Errors),
            NotFoundException n => (StatusCodes.Status404NotFound, "Not found", n.Message, null),
            UnauthorizedException u => (StatusCodes.Status401Unauthorized, "Unauthorized", u.Message, null),
            ForbiddenAccessException f => (StatusCodes.Status403Forbidden, "Forbidden", f.Message, null),
            ConflictException c => (StatusCodes.Status409Conflict, "Conflict", c.Message, null),
            DomainException d => (StatusCodes.Status409Conflict, "Conflict", d.Message, null),
            PreconditionFailedException p => (StatusCodes.Status412PreconditionFailed, "Precondition failed", p.Message, null),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Conflict",
                "The resource was changed by another request at the same time; fetch it again and retry.", null),
            DbUpdateException db when IsUniqueViolation(db) => (StatusCodes.Status409Conflict, "Conflict",
                "A resource with the same unique value already exists.", null),
            BadHttpRequestException b => (b.StatusCode, b.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Payload too large" : "Bad request", b.Message, null),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed request", "The request was cancelled.", null),
            _ => (0, "", "", (IReadOnlyDictionary<string, string[]>?)null),
        };

        if (status == 0)
        {
            logger.LogError(exception, "Unhandled exception");
            return false;
        }

        if (exception is UnauthorizedException)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";
        }

        if (exception is PreconditionFailedException pre)
        {
            httpContext.Response.Headers.ETag = pre.CurrentETag;
        }

        await ProblemResponses.WriteAsync(httpContext, status, title, detail, errors);
        return true;
    }

    private static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException?.Message is { } message &&
        (message.Contains("UNIQUE constraint failed", StringComparison.Ordinal) // SQLite
         || message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase)); // SQL Server 2601/2627
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
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;

        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
    }

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
        _ => "about:blank",
    };
}
