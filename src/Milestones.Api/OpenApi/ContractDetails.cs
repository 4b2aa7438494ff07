using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Milestones.Api.Infrastructure;
using Milestones.Application.Events;
using Milestones.Application.Webhooks;

namespace Milestones.Api.OpenApi;

/// <summary>
/// What the generator cannot know from the controllers: the headers the edge reads and writes
/// (conditional requests, idempotency, rate limits, links), the 429 and 500 problems every
/// operation can give, a summary for every operation, and clean schema names.
/// </summary>
internal static class ContractDetails
{
    private static OpenApiSchema Text(string? format = null) => new() { Type = JsonSchemaType.String, Format = format };

    private static OpenApiSchema Whole() => new() { Type = JsonSchemaType.Integer, Format = "int32" };

    /// <summary>Schema ids without .NET names: envelopes named for their payload, PATCH wrappers and JSON values inlined.</summary>
    public static string? SchemaId(System.Text.Json.Serialization.Metadata.JsonTypeInfo info)
    {
        var type = info.Type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Domain.Common.Optional<>) || type == typeof(System.Text.Json.JsonElement))
        {
            return null;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(DataEnvelope<>) || definition == typeof(ListEnvelope<>)))
        {
            var payload = Payload(type.GetGenericArguments()[0]);
            return definition == typeof(ListEnvelope<>) ? $"{payload}List" : $"{payload}Response";
        }

        return OpenApiOptions.CreateDefaultSchemaReferenceId(info);
    }

    private static string Payload(Type type) => type.Name.EndsWith("Dto", StringComparison.Ordinal) ? type.Name[..^3] : type.Name;

    /// <summary>
    /// An envelope always holds its resource, and a required field is never null: such a property is
    /// the reference alone, not "null or the reference" (a <c>nullable</c> without a type is invalid in OAS 3.0).
    /// </summary>
    public static Task Envelopes(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            foreach (var (name, property) in schema.Properties?.ToList() ?? [])
            {
                if (property is OpenApiSchema { OneOf: { Count: > 1 } choices } && (name == "data" || schema.Required?.Contains(name) == true)
                    && choices.OfType<OpenApiSchemaReference>().FirstOrDefault() is { } resource)
                {
                    schema.Properties![name] = resource;
                }
            }
        }

        return Task.CompletedTask;
    }

    public static Task Operation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var method = context.Description.HttpMethod ?? "GET";
        if (context.Description.ActionDescriptor is ControllerActionDescriptor action)
        {
            // The action's XML comment is the description; the summary is its short name ("Update milestone").
            var comment = operation.Summary;
            operation.Summary = Humanize(action.ActionName);
            operation.Description = string.IsNullOrWhiteSpace(comment) ? operation.Summary + "." : comment;
        }

        operation.Parameters ??= [];
        var compat = context.Description.ActionDescriptor is ControllerActionDescriptor { ControllerTypeInfo: var controller } && Compat.CompatControllerBase.Serves(controller);
        var single = !compat && method == "GET" && context.Description.ActionDescriptor is ControllerActionDescriptor { ActionName: var name } && name.StartsWith("Get", StringComparison.Ordinal);
        if (single)
        {
            operation.Parameters.Add(Header("If-None-Match", "An ETag from an earlier answer: 304 with no body while the resource is unchanged."));
        }

        if (method is "PATCH" or "DELETE" && !compat)
        {
            operation.Parameters.Add(Header("If-Match", "The ETag the change was based on: 412 if the resource changed since (exactly one of two racing writes wins)."));
        }

        if (method == "POST")
        {
            operation.Parameters.Add(Header("Idempotency-Key", "Up to 255 characters. The first answer is stored for 24 h and replayed to a repeat of the same request (with Idempotent-Replayed: true); the same key with another body is 422."));
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            concrete.Headers["RateLimit-Limit"] = ResponseHeader("Requests allowed per window for this caller.", Whole());
            concrete.Headers["RateLimit-Remaining"] = ResponseHeader("Requests left in the current window.", Whole());
            concrete.Headers["RateLimit-Reset"] = ResponseHeader("Seconds until the window resets.", Whole());
            if (status is "200" or "201" && !compat && (single || method is "PATCH" or "POST" or "PUT"))
            {
                concrete.Headers["ETag"] = ResponseHeader("The version of the representation, for If-None-Match and If-Match.", Text());
            }

            if (status == "201")
            {
                concrete.Headers["Location"] = ResponseHeader("The URL of the created resource.", Text("uri"));
            }

            if (status is "200" or "201" && method == "POST")
            {
                concrete.Headers["Idempotent-Replayed"] = ResponseHeader("true when this is the stored answer to an earlier request with the same Idempotency-Key.", Text());
            }

            if (status == "200" && method == "GET" && !single)
            {
                concrete.Headers["Link"] = ResponseHeader("RFC 8288 links to the first, prev, next and last pages, keeping the query.", Text());
            }

            if (status is "429" or "503")
            {
                concrete.Headers["Retry-After"] = ResponseHeader("Seconds to wait before retrying.", Whole());
            }

            if (status == "401")
            {
                concrete.Headers["WWW-Authenticate"] = ResponseHeader("Bearer: send an API key as `Authorization: Bearer sk_live_…`.", Text());
            }

            // Sent by the client or not (it is not a parameter of any operation, so generated clients keep their
            // signatures), every answer carries it.
            concrete.Headers["X-Request-Id"] = ResponseHeader("The request's own X-Request-Id header when it sent one (visible ASCII, up to 128 characters), otherwise the id the service gave it; the same id is in the logs.", Text());
        }


        return Task.CompletedTask;
    }

    private static OpenApiParameter Header(string name, string description) =>
        new() { Name = name, In = ParameterLocation.Header, Required = false, Description = description, Schema = Text() };

    private static OpenApiHeader ResponseHeader(string description, OpenApiSchema schema) => new() { Description = description, Schema = schema };

    /// <summary>"ListProjectMilestones" → "List project milestones".</summary>
    private static string Humanize(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>
    /// Every operation's document lists the problems any of them can give: an unknown or repeated query
    /// parameter (400), an Accept that admits no JSON (406), the rate limit (429), our fault (500), and a
    /// database that is away (503).
    /// </summary>
    public static readonly int[] EveryOperationCan =
    [
        StatusCodes.Status400BadRequest, StatusCodes.Status406NotAcceptable, StatusCodes.Status429TooManyRequests,
        StatusCodes.Status500InternalServerError, StatusCodes.Status503ServiceUnavailable,
    ];

    /// <summary>
    /// A closed set that travels as a plain string, listed as an enum from its one source: what a
    /// milestone deletion did with its tasks (<see cref="Domain.Events.MilestoneDeleted.TasksReassigned"/>,
    /// <see cref="Domain.Events.MilestoneDeleted.TasksDeleted"/>).
    /// </summary>
    public static Task ClosedSets(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo?.Name == "tasks" && context.JsonPropertyInfo.DeclaringType == typeof(Application.Milestones.Commands.DeleteMilestone.DeleteMilestoneResult))
        {
            schema.Enum = [JsonValue.Create(Domain.Events.MilestoneDeleted.TasksReassigned)!, JsonValue.Create(Domain.Events.MilestoneDeleted.TasksDeleted)!];
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Closed string sets used in several places, each named once in the components so a client gets
    /// one type for it (not <c>Scopes</c>, <c>Scopes2</c>, <c>Scopes3</c>): API key scopes
    /// (<see cref="Domain.Common.Scopes.All"/>), activity event types, what a delivery carries (those and
    /// <c>ping</c>) and a webhook's event filters (<see cref="Domain.Events.EventTypes"/>).
    /// </summary>
    public static async Task NamedSets(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();

        // What a webhook delivery POSTs: no operation returns it, so it is added by name.
        var payload = await context.GetOrCreateSchemaAsync(typeof(Application.Webhooks.WebhookPayload), null, cancellationToken);
        payload.Description = "The JSON body of a webhook delivery (headers Milestones-Event, Milestones-Delivery, Milestones-Signature). A ping has id null.";
        document.Components.Schemas["WebhookPayload"] = payload;
        var sets = new (string Name, IReadOnlyList<string> Values, string Description)[]
        {
            ("Scope", Domain.Common.Scopes.All, "An API key scope."),
            ("EventType", Domain.Events.EventTypes.All, "The type of an activity event."),
            ("DeliveryEventType", Domain.Events.EventTypes.Delivered, "What a webhook delivery carries: an activity event's type, or `ping`."),
            ("WebhookEventFilter", Domain.Events.EventTypes.Filters, "An event type, or a family of them (`milestone.*`, `task.*`, `support.*`, ..., `*` for every event)."),
        };
        foreach (var (name, values, description) in sets)
        {
            document.Components.Schemas[name] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = description,
                Enum = values.Select(v => (JsonNode)JsonValue.Create(v)!).ToList(),
            };
        }

        foreach (var (id, schema) in document.Components.Schemas.Where(s => s.Value is OpenApiSchema).Select(s => (s.Key, (OpenApiSchema)s.Value)).ToList())
        {
            foreach (var (property, value) in schema.Properties?.ToList() ?? [])
            {
                var set = (property, id) switch
                {
                    ("scopes", _) => "Scope",
                    ("type", "EventDto") => "EventType",
                    ("type", "WebhookPayload") or ("eventType", "WebhookDeliveryDto") => "DeliveryEventType",
                    ("events", _) when id.Contains("Webhook", StringComparison.Ordinal) => "WebhookEventFilter",
                    _ => null,
                };
                if (set is null || value is not OpenApiSchema concrete)
                {
                    continue;
                }

                var reference = new OpenApiSchemaReference(set, document);
                if (concrete.Type?.HasFlag(JsonSchemaType.Array) == true)
                {
                    concrete.Items = reference;
                }
                else
                {
                    schema.Properties![property] = reference;
                }
            }
        }

        // The event log's ?type= filter takes the same values.
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            if (operation.OperationId == "Projects_ListEvents"
                && operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == "type") is { } type)
            {
                type.Schema = new OpenApiSchemaReference("EventType", document);
            }
        }
    }

    /// <summary>Examples of the main request bodies.</summary>
    public static System.Text.Json.Nodes.JsonNode? ExampleOf(Type type) => type.Name switch
    {
        "CreateProjectRequest" => new System.Text.Json.Nodes.JsonObject { ["name"] = "Website relaunch", ["description"] = "The new site, in three steps.", ["visibility"] = "private" },
        "NewMilestone" => new System.Text.Json.Nodes.JsonObject
        {
            ["title"] = "Beta", ["description"] = "Feature-complete, open to testers.", ["dueDate"] = "2026-12-31T23:59:59.999Z", ["goalAmount"] = 5000,
            ["tasks"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["title"] = "Invite testers" }),
        },
        "MilestonePatch" => new System.Text.Json.Nodes.JsonObject { ["status"] = "reached" },
        "CreateTaskRequest" => new System.Text.Json.Nodes.JsonObject { ["title"] = "Write the release notes" },
        "TaskPatch" => new System.Text.Json.Nodes.JsonObject { ["completed"] = true },
        "PledgeSupportRequest" => new System.Text.Json.Nodes.JsonObject { ["amount"] = 25.5, ["message"] = "Good luck!" },
        "SetMemberRequest" => new System.Text.Json.Nodes.JsonObject { ["role"] = "achiever" },
        _ => null,
    };

    /// <summary>The tags (one per controller), described.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>
    {
        ["Projects"] = "Projects, their members, milestones and activity log.",
        ["Milestones"] = "Milestones across projects, and one milestone's tasks.",
        ["Webhooks"] = "Subscriptions that push a project's events to a URL, signed and retried, and their deliveries.",
        ["Tasks"] = "One task.",
        ["Supports"] = "Pledges of support for a milestone's money goal.",
        ["Users"] = "Users and their API keys.",
        ["Health"] = "Liveness and readiness, for load balancers and orchestrators (no key needed, no rate limit).",
    };
}
