using System.Net;
using System.Text.Json.Nodes;
using Milestones.Api.Tests.Support;
using Milestones.Application.Events;
using Milestones.Application.Users;
using Milestones.Application.Webhooks;

namespace Milestones.Api.Tests;

/// <summary>One document: what is served is what is committed, and what the client is generated from.</summary>
public sealed class OpenApiContractTests(ApiFactory factory) : ApiTestBase(factory)
{
    private async Task<(string Text, JsonNode Json)> ServedAsync()
    {
        var response = await Factory.Anonymous().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return (text, JsonNode.Parse(text)!);
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("compat-artist")]
    [InlineData("compat-goals")]
    [InlineData("compat-projects")]
    [InlineData("compat-buckets")]
    public async Task The_served_document_is_the_committed_one(string document)
    {
        var served = await Factory.Anonymous().GetStringAsync($"/openapi/{document}.json");

        var committed = await File.ReadAllTextAsync(Repository.File("clients", "openapi", $"{document}.json"));

        Assert.True(committed == served, $"clients/openapi/{document}.json differs from /openapi/{document}.json: run build/generate-client.sh and commit the result.");
    }

    [Theory]
    [InlineData("post", "/api/v1/users")]
    [InlineData("get", "/api/v1/users/me")]
    [InlineData("get", "/api/v1/users/{idOrUsername}")]
    [InlineData("post", "/api/v1/users/me/api-keys")]
    [InlineData("get", "/api/v1/users/me/api-keys")]
    [InlineData("delete", "/api/v1/users/me/api-keys/{keyId}")]
    [InlineData("post", "/api/v1/users/{userId}/api-keys")]
    [InlineData("post", "/api/v1/projects")]
    [InlineData("get", "/api/v1/projects")]
    [InlineData("get", "/api/v1/projects/{projectId}")]
    [InlineData("patch", "/api/v1/projects/{projectId}")]
    [InlineData("delete", "/api/v1/projects/{projectId}")]
    [InlineData("get", "/api/v1/projects/{projectId}/members")]
    [InlineData("put", "/api/v1/projects/{projectId}/members/{idOrUsername}")]
    [InlineData("delete", "/api/v1/projects/{projectId}/members/{idOrUsername}")]
    [InlineData("get", "/api/v1/projects/{projectId}/milestones")]
    [InlineData("post", "/api/v1/projects/{projectId}/milestones")]
    [InlineData("put", "/api/v1/projects/{projectId}/milestones/positions")]
    [InlineData("get", "/api/v1/milestones")]
    [InlineData("get", "/api/v1/milestones/{milestoneId}")]
    [InlineData("patch", "/api/v1/milestones/{milestoneId}")]
    [InlineData("delete", "/api/v1/milestones/{milestoneId}")]
    [InlineData("post", "/api/v1/milestones/{milestoneId}/restore")]
    [InlineData("get", "/api/v1/milestones/{milestoneId}/tasks")]
    [InlineData("post", "/api/v1/milestones/{milestoneId}/tasks")]
    [InlineData("get", "/api/v1/tasks/{taskId}")]
    [InlineData("patch", "/api/v1/tasks/{taskId}")]
    [InlineData("delete", "/api/v1/tasks/{taskId}")]
    [InlineData("get", "/api/v1/milestones/{milestoneId}/supports")]
    [InlineData("post", "/api/v1/milestones/{milestoneId}/supports")]
    [InlineData("delete", "/api/v1/supports/{supportId}")]
    [InlineData("get", "/api/v1/projects/{projectId}/events")]
    [InlineData("post", "/api/v1/projects/{projectId}/recount")]
    public async Task Every_spec_endpoint_is_documented_with_a_success_schema_and_problem_responses(string method, string path)
    {
        var (_, doc) = await ServedAsync();

        var operation = doc["paths"]?[path]?[method];

        Assert.NotNull(operation);
        Assert.Matches("^[A-Z][a-zA-Z]+_[A-Z][a-zA-Z]+$", operation!["operationId"]!.GetValue<string>());
        var responses = operation["responses"]!.AsObject();
        var success = responses.Single(r => r.Key is "200" or "201");
        Assert.NotNull(success.Value!["content"]?["application/json"]?["schema"]);
        Assert.NotNull(Resolve(doc, responses["404"])?["content"]?["application/problem+json"]);
        Assert.NotNull(Resolve(doc, responses["422"])?["content"]?["application/problem+json"]);
    }

    /// <summary>A node, or what its <c>$ref</c> (<c>#/components/…</c>) points at.</summary>
    private static JsonNode? Resolve(JsonNode doc, JsonNode? node) =>
        node?["$ref"]?.GetValue<string>() is { } reference
            ? reference.TrimStart('#', '/').Split('/').Aggregate((JsonNode?)doc, (at, part) => at?[part])
            : node;

    [Fact]
    public async Task Every_operation_declares_what_any_request_can_get_and_the_document_shares_its_parts()
    {
        var (text, doc) = await ServedAsync();

        var operations = doc["paths"]!.AsObject()
            .Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!)))
            .ToList();
        Assert.True(operations.Count > 40);
        foreach (var (path, method, operation) in operations)
        {
            var statuses = operation["responses"]!.AsObject().Select(r => r.Key).ToHashSet();
            foreach (var always in new[] { "400", "406", "429", "500", "503" })
            {
                Assert.True(statuses.Contains(always), $"{method} {path} does not declare {always}");
            }

            if (operation["requestBody"] is not null)
            {
                Assert.True(statuses.Contains("415") && statuses.Contains("413"), $"{method} {path} takes a body but declares no 413/415");
            }

            Assert.NotNull(Resolve(doc, operation["responses"]!["404"])?["headers"]?["X-Request-Id"]);
            Assert.NotNull(Resolve(doc, operation["responses"]!["401"])?["headers"]?["WWW-Authenticate"]);
        }

        Assert.True(text.Length < 150_000, $"The document is {text.Length} bytes; the goal is under 150 KB.");
        Assert.NotNull(doc["components"]!["headers"]!["RateLimit-Limit"]);
        Assert.NotNull(doc["components"]!["headers"]!["X-Request-Id"]);
        Assert.NotNull(doc["paths"]!["/health/live"]?["get"]);
        Assert.NotNull(doc["paths"]!["/health/ready"]?["get"]?["responses"]?["503"]);
        Assert.Equal("MIT", doc["info"]!["license"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Answers_are_open_to_new_fields_and_request_bodies_are_closed()
    {
        var (_, doc) = await ServedAsync();
        var schemas = doc["components"]!["schemas"]!;

        foreach (var answer in new[] { "MilestoneDto", "MilestoneResponse", "MilestoneList", "ProjectDto", "TaskDto" })
        {
            Assert.Null(schemas[answer]!["additionalProperties"]); // a field added later breaks no client that validates answers
        }

        foreach (var body in new[] { "NewMilestone", "MilestonePatch", "CreateTaskRequest" })
        {
            Assert.False(schemas[body]!["additionalProperties"]!.GetValue<bool>()); // an unknown property is a 400
        }
    }

    [Theory]
    [InlineData("/openapi/v1.json", "br")]
    [InlineData("/openapi/v1.json", "gzip")]
    [InlineData("/api/v1/projects?visibility=public", "gzip")]
    [InlineData("/api/v1/nothing-here", "br")]
    public async Task JSON_answers_and_the_documents_are_compressed_when_the_client_accepts_it(string path, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd(encoding);

        using var response = await Factory.Admin().SendAsync(request);

        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task The_document_declares_bearer_security_the_problem_shape_and_snake_case_enums()
    {
        var (_, doc) = await ServedAsync();

        Assert.Equal("bearer", doc["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>());
        var problem = doc["components"]!["schemas"]!["ValidationProblemDetails"]!["properties"]!;
        foreach (var field in new[] { "status", "title", "detail", "traceId", "errors" })
        {
            Assert.NotNull(problem[field]);
        }

        var statuses = doc["components"]!["schemas"]!["MilestoneStatus"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());
        Assert.Equal(["pending", "in_progress", "reached", "failed"], statuses);
        Assert.StartsWith("3.0", doc["openapi"]!.GetValue<string>());
    }

    [Fact]
    public async Task Scopes_and_event_types_are_enums_named_once_and_referenced_everywhere()
    {
        var (_, doc) = await ServedAsync();
        var schemas = doc["components"]!["schemas"]!;

        Assert.Equal(Domain.Common.Scopes.All, schemas["Scope"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(Domain.Events.EventTypes.All, schemas["EventType"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        foreach (var holder in new[] { "ApiKeyDto", "CreatedApiKeyDto", "CreateApiKeyRequest" })
        {
            Assert.Equal("#/components/schemas/Scope", schemas[holder]!["properties"]!["scopes"]!["items"]!["$ref"]!.GetValue<string>());
        }

        Assert.Equal("#/components/schemas/EventType", schemas["EventDto"]!["properties"]!["type"]!["$ref"]!.GetValue<string>());
        Assert.Equal(Domain.Events.EventTypes.All.Append("ping"), schemas["DeliveryEventType"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("#/components/schemas/DeliveryEventType", schemas["WebhookPayload"]!["properties"]!["type"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/DeliveryEventType", schemas["WebhookDeliveryDto"]!["properties"]!["eventType"]!["$ref"]!.GetValue<string>());
        var filter = doc["paths"]!["/api/v1/projects/{projectId}/events"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]?.GetValue<string>() == "type");
        Assert.Equal("#/components/schemas/EventType", filter!["schema"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task Interactive_docs_are_served_at_docs()
    {
        var response = await Factory.Anonymous().GetAsync("/docs/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
