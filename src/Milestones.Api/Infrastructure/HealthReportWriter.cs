using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Milestones.Api.Infrastructure;

/// <summary>
/// <c>/health/ready</c> and <c>/health/live</c> answer JSON that reports each dependency (SPEC 6):
/// <c>{"status":"unhealthy","checks":{"database":{"status":"unhealthy","description":"…"}}}</c>, with 200 when
/// every check is healthy and 503 otherwise (the status code is the health middleware's own).
/// </summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = Name(report.Status),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = Name(e.Value.Status), description = e.Value.Description, durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1) }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Milestones.Application.Common.Serialization.JsonDefaults.Options), context.RequestAborted);
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
