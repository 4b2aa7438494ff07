using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentValidation;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>
/// The limits the OpenAPI document states are the limits the server enforces (issue 25): every length, range
/// and item count on a request body's property or a query parameter is tried at the limit (no complaint about
/// that field) and one past it (400 or 422 naming the field); and every rule the list queries' validators hold
/// for a query-string parameter is stated on each operation that takes that parameter.
/// </summary>
public sealed partial class DocumentedLimitsTests : IDisposable
{
    private readonly ApiFactory _factory = new(null, new Dictionary<string, string>
    {
        ["Milestones:Webhooks:AllowPrivateNetworks"] = "true", // a loopback URL of any length is a valid webhook
        ["Milestones:Webhooks:Enabled"] = "false",
    });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Every_documented_limit_of_a_body_or_a_query_parameter_is_enforced_exactly_there()
    {
        // Arrange: the served document, and one of each resource the operations' paths name.
        var admin = _factory.Admin();
        var given = new Scenario(_factory);
        var document = (await admin.Get("/openapi/v1.json")).Body!;
        var project = await given.ProjectAsync(admin);
        var milestone = await given.MilestoneAsync(admin, project.Id());
        var task = await given.TaskAsync(admin, milestone.Id());
        var webhook = (await admin.Post($"/api/v1/projects/{project.Id()}/webhooks", new { url = "http://127.0.0.1:9/hooks", events = new[] { "*" } })).Data(HttpStatusCode.Created);
        var ids = new Dictionary<string, string>
        {
            ["projectId"] = project.Id().ToString(), ["milestoneId"] = milestone.Id().ToString(), ["taskId"] = task.Id().ToString(),
            ["webhookId"] = webhook.Id().ToString(), ["userId"] = (await admin.Get("/api/v1/users/me")).Data().Id().ToString(),
        };
        // The smallest valid body of each operation that takes one; the limits are tried on top of it.
        var bodies = new Dictionary<string, Func<JsonObject>>
        {
            ["CreateProjectRequest"] = () => new JsonObject { ["name"] = Scenario.Unique("p") },
            ["NewMilestone"] = () => new JsonObject { ["title"] = Scenario.Unique("m") },
            ["CreateTaskRequest"] = () => new JsonObject { ["title"] = "t" },
            ["PledgeSupportRequest"] = () => new JsonObject { ["amount"] = 1 },
            ["CreateUserRequest"] = () => new JsonObject { ["username"] = ("u" + Guid.NewGuid().ToString("N"))[..12] },
            ["CreateApiKeyRequest"] = () => new JsonObject { ["name"] = "k" },
            ["CreateWebhookRequest"] = () => new JsonObject { ["url"] = "http://127.0.0.1:9/h", ["events"] = new JsonArray("*") },
            ["WebhookPatch"] = () => new JsonObject { ["url"] = "http://127.0.0.1:9/h" },
            ["ReorderMilestonesRequest"] = () => new JsonObject { ["milestoneIds"] = new JsonArray() },
        };
        var checkedLimits = new List<string>();
        var wrong = new List<string>();

        // Act and assert, for each operation: its body's limits, then its query parameters' limits.
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            var url = Placeholder().Replace(path, m => ids.TryGetValue(m.Groups[1].Value, out var id) ? id : "1");
            foreach (var (method, operation) in operations!.AsObject())
            {
                if (operation!["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>() is { } reference)
                {
                    var name = reference.Split('/')[^1];
                    var schema = document["components"]!["schemas"]![name]!;
                    foreach (var (property, rules) in schema["properties"]!.AsObject())
                    {
                        foreach (var (limit, atLimit, past) in Limits(rules!, Base(bodies, name)?[property]))
                        {
                            checkedLimits.Add($"{method} {path} {property} {limit}");
                            var over = Base(bodies, name) ?? [];
                            over[property] = past;
                            var answer = await Send(admin, method, url, over);
                            if (answer.Status is not (HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity) || !Names(answer.Body, property))
                            {
                                wrong.Add($"{method} {path}: {property} past {limit} got {(int)answer.Status} {answer.Body.Json()}");
                            }

                            // A position's real upper end is the list's length (its message says so); 1,000,000 is the cap.
                            if (atLimit is not null && !(property == "position" && limit.StartsWith("maximum", StringComparison.Ordinal)))
                            {
                                var at = Base(bodies, name) ?? [];
                                at[property] = atLimit;
                                var accepted = await Send(admin, method, url, at);
                                if (Names(accepted.Body, property) && (int)accepted.Status is 400 or 422)
                                {
                                    wrong.Add($"{method} {path}: {property} at {limit} got {(int)accepted.Status} {accepted.Body.Json()}");
                                }
                            }
                        }
                    }
                }

                foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
                {
                    if (parameter?["in"]?.GetValue<string>() != "query" || parameter["schema"] is not JsonObject rules)
                    {
                        continue;
                    }

                    var name = parameter["name"]!.GetValue<string>();
                    foreach (var (limit, atLimit, past) in Limits(rules, null))
                    {
                        checkedLimits.Add($"{method} {path} ?{name} {limit}");
                        var answer = await Send(admin, method, $"{url}?{name}={Uri.EscapeDataString(Plain(past))}", null);
                        if (answer.Status is not (HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity) || !Names(answer.Body, name))
                        {
                            wrong.Add($"{method} {path}: ?{name} past {limit} got {(int)answer.Status} {answer.Body.Json()}");
                        }

                        var accepted = await Send(admin, method, $"{url}?{name}={Uri.EscapeDataString(Plain(atLimit!))}", null);
                        if (Names(accepted.Body, name) && (int)accepted.Status is 400 or 422)
                        {
                            wrong.Add($"{method} {path}: ?{name} at {limit} got {(int)accepted.Status} {accepted.Body.Json()}");
                        }
                    }
                }
            }
        }

        Assert.True(checkedLimits.Count >= 60, $"Only {checkedLimits.Count} limits found in the document: {string.Join("; ", checkedLimits)}");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_rule_of_a_list_query_parameter_is_stated_on_each_operation_that_takes_it()
    {
        // Arrange: the paging rules and the lists' own, straight from the validators.
        var document = (await _factory.Admin().Get("/openapi/v1.json")).Body!;
        var expected = new Dictionary<string, (string Key, string Value)[]>
        {
            ["limit"] = [("minimum", "1"), ("maximum", Application.Common.Models.Paging.MaxLimit.ToString())],
            ["offset"] = [("minimum", "0")],
            ["page"] = [("minimum", "1"), ("maximum", (int.MaxValue / Application.Common.Models.Paging.MaxLimit).ToString())],
            ["search"] = [("maxLength", MaxLength(new Application.Milestones.Queries.ListMilestones.ListMilestonesValidator(), "Search"))],
            ["users"] = [("maxLength", MaxLength(new Application.Milestones.Queries.ListMilestones.ListMilestonesValidator(), "Users"))],
        };
        var missing = new List<string>();

        // Act: every query parameter of those names in the document.
        var seen = 0;
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                foreach (var parameter in operation!["parameters"]?.AsArray() ?? [])
                {
                    if (parameter?["in"]?.GetValue<string>() == "query" && expected.TryGetValue(parameter["name"]!.GetValue<string>(), out var rules))
                    {
                        seen++;
                        missing.AddRange(rules.Where(r => parameter["schema"]?[r.Key]?.ToJsonString() != r.Value)
                            .Select(r => $"{method} {path} ?{parameter["name"]}: {r.Key} {parameter["schema"]?[r.Key]?.ToJsonString() ?? "missing"}, the validator says {r.Value}"));
                    }
                }
            }
        }

        // Assert
        Assert.True(seen >= 30, $"only {seen} paging or search parameters found");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    private static string MaxLength(IValidator validator, string property) =>
        validator.CreateDescriptor().GetMembersWithValidators().Where(m => m.Key?.EndsWith(property, StringComparison.OrdinalIgnoreCase) == true).SelectMany(m => m.Select(c => c.Validator))
            .OfType<FluentValidation.Validators.ILengthValidator>().Single().Max.ToString();

    private static JsonObject? Base(Dictionary<string, Func<JsonObject>> bodies, string schema) =>
        bodies.TryGetValue(schema, out var make) ? make() : schema.EndsWith("Patch", StringComparison.Ordinal) ? [] : null;

    /// <summary>Each limit a property's schema states: its name, a value at it (null: not tried), and a value past it.</summary>
    private static IEnumerable<(string Limit, JsonNode? AtLimit, JsonNode Past)> Limits(JsonNode rules, JsonNode? example)
    {
        var prefix = example?.GetValueKind() == System.Text.Json.JsonValueKind.String ? example.GetValue<string>() : "";
        if (rules["maxLength"]?.GetValue<int>() is { } max)
        {
            yield return ($"maxLength {max}", prefix + new string('a', max - prefix.Length), prefix + new string('a', max + 1 - prefix.Length));
        }

        if (rules["minLength"]?.GetValue<int>() is > 1 and var min)
        {
            yield return ($"minLength {min}", new string('a', min), new string('a', min - 1));
        }

        if (rules["maximum"] is { } maximum)
        {
            var value = maximum.GetValue<decimal>();
            yield return ($"maximum {value}", value, value + 1);
        }

        if (rules["minimum"] is { } minimum)
        {
            var value = minimum.GetValue<decimal>();
            var step = value == decimal.Truncate(value) ? 1m : 0.01m;
            yield return ($"minimum {value}", value, value - step);
        }

        if (rules["maxItems"]?.GetValue<int>() is { } items)
        {
            var item = rules["items"]?["$ref"] is null && rules["items"]?["type"]?.GetValue<string>() == "integer" ? (Func<JsonNode>)(() => 1) : () => new JsonObject { ["title"] = "t" };
            yield return ($"maxItems {items}", null, new JsonArray(Enumerable.Range(0, items + 1).Select(_ => item()).ToArray()));
        }
    }

    private static string Plain(JsonNode value) => value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();

    /// <summary>Whether a problem's <c>errors</c> name the field (itself or one of its items).</summary>
    private static bool Names(JsonNode? problem, string field) =>
        problem?["errors"] is JsonObject errors && errors.Any(e => e.Key == field || e.Key.StartsWith(field + "[", StringComparison.Ordinal));

    private static Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Send(HttpClient client, string method, string url, JsonObject? body) =>
        Http.Send(client, new HttpMethod(method.ToUpperInvariant()), url, body?.ToJsonString());

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
