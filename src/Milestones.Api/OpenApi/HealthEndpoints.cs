using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Milestones.Api.OpenApi;

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
