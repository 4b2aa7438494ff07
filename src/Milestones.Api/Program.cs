using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Milestones.Api.Infrastructure;
using Milestones.Api.OpenApi;
using Milestones.Application;
using Milestones.Application.Common.Behaviours;
using Milestones.Application.Common.Interfaces;
using Milestones.Application.Common.Serialization;
using Milestones.Infrastructure;
using Milestones.Infrastructure.Persistence;

// Formatting never depends on the host's LANG: every number and date in a message reads the same everywhere.
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;

// The container's health check: `dotnet Milestones.Api.dll --probe <url>` exits 0 when the URL answers 200 (no curl in the image).
if (args is ["--probe", var probeUrl])
{
    return await HealthProbe.RunAsync(probeUrl);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = StartupChecks.ContentRoot(args) });
// Secrets as files (compose's `secrets:`, Kubernetes' mounted secrets): each file in the directory is one
// setting, named like an environment variable (`Database__Password`, `Milestones__Bootstrap__ApiKey`).
builder.Configuration.AddKeyPerFile(builder.Configuration["Milestones:SecretsDirectory"] ?? "/run/secrets", optional: true);
try
{
    StartupChecks.Run(builder.Configuration, builder.Environment);
    // JSON log lines (the container's format) carry their UTC time; a log shipper should not have to guess it.
    builder.Services.Configure<Microsoft.Extensions.Logging.Console.JsonConsoleFormatterOptions>(o =>
        (o.TimestampFormat, o.UseUtcTimestamp) = (o.TimestampFormat ?? "yyyy-MM-ddTHH:mm:ss.fffZ", true));

    builder.Services.AddApplication(builder.Configuration);
    builder.Services.AddInfrastructure(builder.Configuration);

    builder.Services.AddMilestonesTelemetry(builder.Configuration);
    builder.Services.AddHttpContextAccessor();
    // Values the edge cannot read (an unknown enum value, a null that cannot be) wait for validation's 422.
    builder.Services.AddScoped<EdgeInputErrors>();
    builder.Services.AddScoped<IInputErrors>(sp => sp.GetRequiredService<EdgeInputErrors>());
    builder.Services.AddOptions<Microsoft.AspNetCore.Mvc.JsonOptions>().Configure<IHttpContextAccessor>((o, accessor) =>
        o.JsonSerializerOptions.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver { Modifiers = { WireEnums.BodyModifier(accessor) } });
    builder.Services.AddScoped<IUser, HttpUser>();
    builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
        .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

    builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c => ProblemResponses.Shape(c.ProblemDetails, c.HttpContext));
    builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
    // ProblemExceptionHandler logs each server fault once; the middleware's own log would repeat it.
    builder.Services.Configure<ExceptionHandlerOptions>(o => o.SuppressDiagnosticsCallback = _ => true);
    builder.Services.AddCallerRateLimiting(builder.Configuration);
    builder.Services.AddConfiguredCors(builder.Configuration);
    // An id too large for 64 bits still reaches its action, whose binding answers 400 naming it (not a 404).
    builder.Services.Configure<RouteOptions>(o => o.ConstraintMap["long"] = typeof(WholeNumberRouteConstraint));
    // SIGTERM: stop accepting, let in-flight requests (uploads included) finish for up to this long.
    builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = builder.Configuration.GetValue("Milestones:ShutdownTimeout", TimeSpan.FromSeconds(30)));
    builder.Services.ConfigureHttpJsonOptions(o => JsonDefaults.Configure(o.SerializerOptions));
    builder.Services.AddMilestonesOpenApi();
    // Brotli or gzip for JSON answers, problems and the OpenAPI documents when the client accepts them (issue 25).
    // Over HTTPS too: API keys travel in a header the page cannot set, so a BREACH-style guessing attack has nothing to drive it.
    builder.Services.AddResponseCompression(o =>
    {
        o.EnableForHttps = true;
        o.MimeTypes = ["application/json", "application/problem+json"];
    });
    builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
    builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
    builder.Services
        .AddControllers(o =>
        {
            o.Conventions.Add(new ProblemResponsesConvention());
            o.ModelBinderProviders.Insert(0, new WireEnums.QueryBinderProvider());
            o.ModelBinderProviders.Insert(0, new IsoDateModelBinder.Provider());
            o.ModelBinderProviders.Insert(0, new PlainNumberModelBinder.Provider());
            o.Filters.Add<OneConnectionPerRequestFilter>();
            o.Filters.Add<StrictQueryFilter>();
            o.Filters.Add<NotNullWhenSentFilter>();
            o.InputFormatters.Add(new Milestones.Api.Compat.FormBodyInputFormatter()); // the buckets dialect's form bodies (SPEC 10) only
            o.OutputFormatters.RemoveType<Microsoft.AspNetCore.Mvc.Formatters.StringOutputFormatter>();
            foreach (var json in o.OutputFormatters.OfType<Microsoft.AspNetCore.Mvc.Formatters.SystemTextJsonOutputFormatter>())
            {
                json.SupportedMediaTypes.Remove("text/json");
            }

            foreach (var json in o.InputFormatters.OfType<Microsoft.AspNetCore.Mvc.Formatters.SystemTextJsonInputFormatter>())
            {
                json.SupportedMediaTypes.Remove("text/json");
                json.SupportedMediaTypes.Remove("application/*+json");
                // JSON in UTF-8 only (RequestBodyMiddleware answers any other charset with 415 before this).
                json.SupportedEncodings.Remove(System.Text.Encoding.Unicode);
            }
        })
        .AddJsonOptions(o =>
        {
            JsonDefaults.Configure(o.JsonSerializerOptions);
            o.JsonSerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
            o.AllowInputFormatterExceptionMessages = true;
        })
        .ConfigureApiBehaviorOptions(o => o.InvalidModelStateResponseFactory = BadRequestProblems.FromModelState);

    // The database's readiness check; Redis adds its own where it is configured (AddInfrastructure).
    builder.Services.AddHealthChecks()
        .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

    builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestBodyMiddleware.MaxBytes);

    var app = builder.Build();
    // Settings validated on start are checked here, before the host would log the failure with its stack trace.
    app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();

    using (var scope = app.Services.CreateScope())
    {
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
    }

    // `--migrate-only`: the privileged one-off step of a deployment (compose's `migrate` service) applies
    // the migrations and the bootstrap admin, then exits; the service itself runs with a login that cannot.
    if (args.Contains("--migrate-only"))
    {
        Console.WriteLine("Milestones: the database is migrated.");
        return 0;
    }

    app.UseMiddleware<RequestLogMiddleware>();
    app.UseResponseCompression(); // JSON answers and the documents, when the client accepts br or gzip
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.Use(HeadRequests.AsGet);
    app.Use(AcceptableResponses.RejectUnacceptable);
    app.UseRouting();
    app.UseCors();
    app.Use(MethodNotAllowed.OnlyWhereThePathExists);
    app.UseMiddleware<RequestBodyMiddleware>();
    app.UseAuthentication();
    app.UseCallerRateLimiting();
    app.Use(ApiKeyAuthenticationHandler.RejectBadCredentials);
    app.UseMiddleware<IdempotencyMiddleware>();

    app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync }).DisableRateLimiting();
    app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthReportWriter.WriteAsync }).DisableRateLimiting();
    app.MapControllers();
    app.Use(CompactDocuments.Serve);
    // The main document and one per seed dialect (SPEC 10); any other name is an unknown route with the usual problem 404.
    app.MapOpenApi($"/openapi/{OpenApiSetup.DocumentName}.json");
    app.MapOpenApi("/openapi/{documentName:regex(^compat-(artist|goals|projects|buckets)$)}.json");
    app.UseSwaggerUI(o =>
    {
        o.RoutePrefix = "docs";
        o.DocumentTitle = "Milestones API";
        o.SwaggerEndpoint($"/openapi/{OpenApiSetup.DocumentName}.json", "Milestones API v1");
        foreach (var (name, (title, _)) in OpenApiSetup.CompatDocuments)
        {
            o.SwaggerEndpoint($"/openapi/{name}.json", title);
        }
    });

    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is ConfigurationException or Microsoft.Extensions.Options.OptionsValidationException or DatabaseUnreachableException)
{
    // A bad setting, or a database still away after Database:StartupTimeout, is one clear line and exit code 1, not a stack trace.
    Console.Error.WriteLine($"Milestones cannot start: {e.Message}");
    return 1;
}

/// <summary>Entry point; public so the HTTP tests can host it.</summary>
public partial class Program;
