using Milestones.Application.Common.Telemetry;
using Milestones.Infrastructure.Persistence.Interceptors;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Milestones.Api.Infrastructure;

/// <summary>
/// OpenTelemetry as SPEC 8 says: service <c>milestones</c>; spans of ASP.NET Core, outgoing HTTP,
/// SQL Server (SqlClient), SQLite (<see cref="DatabaseTracingInterceptor"/>) and one per mediator
/// request (<see cref="Telemetry"/>); metrics of ASP.NET Core, HTTP, the runtime, the database and the
/// business counters; and the log records.
/// Exported by OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard <c>OTEL_*</c>
/// variables apply); otherwise the SDK is not registered and nothing is exported.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "milestones";

    public static IServiceCollection AddMilestonesTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        // Nothing to export to: no OpenTelemetry SDK on the request path at all. The spans and
        // metrics are still emitted on the BCL's ActivitySource and Meter for any other listener.
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(Telemetry.Name, DatabaseTracingInterceptor.SourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddSqlClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(Telemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                // The runtime's own meter (GC, thread pool, JIT, exceptions: .NET 9 and later) and the
                // database's: EF Core's (contexts, queries, saves) and Npgsql's connection pool on PostgreSQL.
                .AddMeter("System.Runtime", "Microsoft.EntityFrameworkCore", "Npgsql"))
            // Log records too, with their trace and span ids (the console keeps its own lines).
            .WithLogging()
            .UseOtlpExporter();

        return services;
    }
}
