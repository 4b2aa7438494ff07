using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Milestones.Api.OpenApi;

/// <summary>
/// What every operation repeats is written once: each response header (<c>RateLimit-*</c>, <c>ETag</c>…)
/// as a <c>components/headers</c> entry, each header parameter (<c>If-Match</c>, <c>Idempotency-Key</c>…)
/// as a <c>components/parameters</c> entry, and each answer that is not a success (304, and the
/// problems 400 … 503), which is the same with the same headers wherever it occurs, as a
/// <c>components/responses</c> entry; operations refer to them. The document says the same and is a fraction of the size (issue 25: 545 KB, with the
/// three <c>RateLimit-*</c> headers written out in 396 responses).
/// </summary>
public static class SharedComponents
{
    public static Task Apply(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        var headers = document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        var responses = document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        var parameters = document.Components.Parameters ??= new Dictionary<string, IOpenApiParameter>();
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            for (var i = 0; i < (operation.Parameters?.Count ?? 0); i++)
            {
                if (operation.Parameters![i] is OpenApiParameter { In: ParameterLocation.Header, Name: { } name } header)
                {
                    parameters.TryAdd(name, header);
                    operation.Parameters[i] = new OpenApiParameterReference(name, document);
                }
            }

            foreach (var (status, response) in operation.Responses?.ToList() ?? [])
            {
                if (response is not OpenApiResponse concrete)
                {
                    continue;
                }

                foreach (var (name, header) in concrete.Headers?.ToList() ?? [])
                {
                    if (header is OpenApiHeader described)
                    {
                        headers.TryAdd(name, described);
                        concrete.Headers![name] = new OpenApiHeaderReference(name, document);
                    }
                }

                if (int.TryParse(status, out var code) && code >= 300)
                {
                    var key = code >= 400 ? ProblemResponseName(code) : "NotModified";
                    responses.TryAdd(key, concrete);
                    operation.Responses![status] = new OpenApiResponseReference(key, document);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>"Problem404NotFound": the status first, so the shared answers sort in order.</summary>
    private static string ProblemResponseName(int status) =>
        $"Problem{status}" + string.Concat(Infrastructure.ProblemResponses.TitleFor(status).Split(' ').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}

/// <summary>
/// The health endpoints are not MVC actions, so the generator does not see them; they are described
/// here by hand from <see cref="Infrastructure.HealthReportWriter"/>'s shape (issue 25).
/// </summary>
public static class HealthEndpoints
{
    public static Task Describe(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var status = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("healthy")!, System.Text.Json.Nodes.JsonValue.Create("degraded")!, System.Text.Json.Nodes.JsonValue.Create("unhealthy")!] };
        var check = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["status"] = status,
                ["description"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["durationMs"] = new OpenApiSchema { Type = JsonSchemaType.Number },
            },
        };
        var report = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "status", "checks" },
            Properties = new Dictionary<string, IOpenApiSchema> { ["status"] = status, ["checks"] = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = check } },
        };
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas["HealthReport"] = report;

        foreach (var (path, summary, description) in new[]
        {
            ("/health/live", "Liveness", "200 while the process runs; checks nothing else."),
            ("/health/ready", "Readiness", "200 when every dependency (the database, and Redis when configured) answers; 503 with the failing check otherwise."),
        })
        {
            var operation = new OpenApiOperation
            {
                OperationId = $"Health_{summary}",
                Summary = summary,
                Description = description,
                Tags = new HashSet<OpenApiTagReference> { new("Health", document) },
                Security = [],
                Responses = new OpenApiResponses
                {
                    ["200"] = Answer("Healthy (or degraded: Redis away, each instance counting its own rate limit).", document),
                    ["503"] = Answer("A dependency is away.", document),
                },
            };
            document.Paths[path] = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation } };
        }

        return Task.CompletedTask;
    }

    private static OpenApiResponse Answer(string description, OpenApiDocument document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchemaReference("HealthReport", document) } },
    };
}
