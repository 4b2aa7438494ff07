using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Milestones.Api.Tests.Support;
using Xunit.Abstractions;

namespace Milestones.Api.Tests;

/// <summary>
/// SPEC 5 and 7: whatever a client sends, the answer is never a 5xx, and every 4xx is a problem
/// document. A seeded generator sends malformed and hostile requests to every endpoint the app maps.
/// </summary>
public sealed class FuzzTests(ApiFactory factory, ITestOutputHelper output) : ApiTestBase(factory)
{
    private const int Seed = 20261124;
    private const int Requests = 1500;

    private static readonly string[] PropertyNames =
    [
        "title", "name", "description", "status", "color", "dueDate", "position", "goalAmount", "tasks", "amount", "message",
        "role", "scopes", "expiresAt", "username", "displayName", "isAdmin", "visibility", "completed", "milestoneId",
        "milestoneIds", "deadlinePolicy", "NAME", "unknown", "",
        // the seed dialects' own names (SPEC 10)
        "content", "deadline", "order", "subtasks", "goal", "projectId", "milestone_projectid", "milestone_title", "milestone_color",
        "milestones", "delete_tasks", "id", "createdAt",
    ];

    private static readonly string[] QueryNames =
    [
        "limit", "offset", "page", "status", "type", "search", "sort", "order", "overdue", "dueBefore", "dueAfter",
        "includeDeleted", "tasks", "reassignTo", "visibility", "completed", "before", "milestoneId", "users", "projectId",
        "delete_tasks", "x", "project_id", "limit", "milestones[]",
    ];

    /// <summary>Content-Type headers as clients get them wrong: charsets, parameters, casing and garbage (SPEC 7).</summary>
    private static readonly string[] ContentTypes =
    [
        "application/json; charset=utf-16", "application/json; charset=UTF-16LE", "application/json;charset=unicode",
        "application/json; charset=utf-32", "application/json; charset=\"utf-16be\"", "application/json; charset=",
        "application/json; charset=ascii", "application/json; charset=x-unknown-🚀", "APPLICATION/JSON; CHARSET=UTF-8",
        "application/json; foo=bar", "application/json;;;", "application/json; charset=utf-8; charset=utf-16",
        "application/merge-patch+json; charset=utf-16", "application/problem+json", "text/json; charset=utf-16",
        "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/", "/json", "garbage",
        "*/*", "application/*", "application/json\u0000", "application/json; charset=\"", "",
    ];

    [Fact]
    public async Task Fifteen_hundred_hostile_requests_across_every_endpoint_get_no_5xx_and_problem_json_on_every_4xx()
    {
        // Arrange: real ids to aim at, and every route the app maps.
        var project = await Given.ProjectAsync(Admin, "public");
        var milestone = await Given.MilestoneAsync(Admin, project.Id(), new { title = "target", goalAmount = 100 });
        var task = await Given.TaskAsync(Admin, milestone.Id());
        var (userId, username, supporter) = await Given.UserAsync();
        var support = (await supporter.Post($"/api/v1/milestones/{milestone.Id()}/supports", new { amount = 5 })).Data(HttpStatusCode.Created);
        // The fuzzer's own admin key: revoking it would turn the rest of the run into 401s, so it is never aimed at.
        var fuzzer = (await Admin.Post("/api/v1/users", new { username = Scenario.Unique("fuzzer"), displayName = "Fuzzer", isAdmin = true })).Data(HttpStatusCode.Created);
        var fuzzKey = (await Admin.Post($"/api/v1/users/{fuzzer.Id()}/api-keys", new { name = "fuzz", scopes = new[] { "milestones:read", "milestones:write", "admin" } })).Data(HttpStatusCode.Created);
        await Given.AddMemberAsync(Admin, project.Id(), fuzzer.Str("username")!, "admin"); // so its own key can recount at the end
        long[] ids = [.. new[] { project.Id(), milestone.Id(), task.Id(), userId, support.Id(), 1, 2, 0, -1, long.MaxValue }.Where(id => id != fuzzKey.Id())];
        string[] names = [username, "me", "admin"];
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, e.RoutePattern)))
            .ToList();
        Assert.True(endpoints.Count > 30, $"Only {endpoints.Count} endpoints were found.");
        var random = new Random(Seed);
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var compatHits = 0;

        // Act
        for (var i = 0; i < Requests; i++)
        {
            var (method, pattern) = endpoints[random.Next(endpoints.Count)];
            compatHits += pattern.RawText?.StartsWith("compat/", StringComparison.Ordinal) == true ? 1 : 0;
            using var request = new HttpRequestMessage(RandomMethod(random, method), Url(random, pattern, ids, names));
            Decorate(random, request, fuzzKey.Str("key")!);
            using var response = await Factory.CreateClient().SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var problem = Problem(response, body);
            if (status >= 500 || (status >= 400 && request.Method != HttpMethod.Head && problem is null))
            {
                failures.Add($"{request.Method} {request.RequestUri} → {status} {response.Content.Headers.ContentType}: {body[..Math.Min(body.Length, 300)]}");
            }
        }

        // Assert
        output.WriteLine($"{Requests} requests over {endpoints.Count} endpoints: " + string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(failures.Count == 0, $"{failures.Count} bad answers:\n" + string.Join("\n", failures.Take(15)));
        Assert.True(statuses.Keys.Count(s => s >= 400) >= 5, "The fuzzer reached too few kinds of error to be worth much.");
        // The fuzzer's own key recounts: the bootstrap admin's key is one of the ids it may have revoked.
        Assert.Empty((await Factory.WithKey(fuzzKey.Str("key")!).Post($"/api/v1/projects/{project.Id()}/recount")).Data()["fixed"]!.AsArray());
        Assert.True(statuses.Count > 0 && compatHits > 100, $"Only {compatHits} requests reached the seed dialects' routes.");
    }

    private static JsonNode? Problem(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }

        var node = JsonNode.Parse(body);
        return node?["status"]?.GetValue<int>() == (int)response.StatusCode && node["title"] is not null && node["traceId"] is not null ? node : null;
    }

    private static HttpMethod RandomMethod(Random random, string mapped) => random.Next(12) switch
    {
        0 => HttpMethod.Put,
        1 => HttpMethod.Delete,
        2 => HttpMethod.Post,
        _ => new HttpMethod(mapped),
    };

    private static string Url(Random random, Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern, long[] ids, string[] names)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => Uri.EscapeDataString(RouteValue(random, parameter, ids, names)),
                    _ => "",
                });
            }
        }

        var query = Enumerable.Range(0, random.Next(4))
            .Select(_ => $"{QueryNames[random.Next(QueryNames.Length)]}={Uri.EscapeDataString(Scalar(random))}");
        var text = string.Join('&', query);
        return text.Length == 0 ? path.ToString() : $"{path}?{text}";
    }

    private static string RouteValue(Random random, Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter, long[] ids, string[] names)
    {
        var numeric = parameter.ParameterPolicies.Any(p => p.Content == "long");
        return random.Next(10) switch
        {
            < 6 when numeric => ids[random.Next(ids.Length)].ToString(CultureInfo.InvariantCulture),
            < 6 => names[random.Next(names.Length)],
            6 => "99999999999999999999999",
            7 => "-9223372036854775809",
            8 => "abc",
            _ => Scalar(random),
        };
    }

    private static string Scalar(Random random) => random.Next(16) switch
    {
        0 => "",
        1 => "-1",
        2 => "0",
        3 => "2147483648",
        4 => "99999999999999999999999999",
        5 => "9999-12-31",
        6 => "0001-01-01T00:00:00Z",
        7 => "2026-02-30",
        8 => "école ÉCOLE 🚀",
        9 => "%_\\'\"",
        10 => new string('x', 3000),
        11 => "true",
        12 => "1,2,alice,,",
        13 => "reached,bogus",
        14 => "1.5e300",
        _ => random.Next().ToString(CultureInfo.InvariantCulture),
    };

    private static JsonNode? Value(Random random, int depth) => random.Next(depth > 2 ? 12 : 16) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(int.MinValue, int.MaxValue)),
        2 => JsonValue.Create(long.MaxValue),
        3 => JsonValue.Create(1e300),
        4 => JsonValue.Create(-0.001m),
        5 => JsonValue.Create(true),
        6 => JsonValue.Create(Scalar(random)),
        7 => JsonValue.Create("9999-12-31"),
        8 => JsonValue.Create(new string('y', random.Next(2) == 0 ? 201 : 10_001)),
        9 => JsonValue.Create("\u0000\uFFFF"),
        10 => JsonValue.Create(123.456m),
        11 => JsonValue.Create("pending"),
        12 => new JsonArray(Enumerable.Range(0, random.Next(4)).Select(_ => Value(random, depth + 1)).ToArray()),
        _ => RandomObject(random, depth + 1),
    };

    private static JsonObject RandomObject(Random random, int depth)
    {
        var obj = new JsonObject();
        foreach (var name in Enumerable.Range(0, random.Next(5)).Select(_ => PropertyNames[random.Next(PropertyNames.Length)]).Distinct())
        {
            obj[name] = Value(random, depth);
        }

        return obj;
    }

    private static void Decorate(Random random, HttpRequestMessage request, string key)
    {
        byte[]? body = random.Next(14) switch
        {
            0 => null,
            1 => [],
            2 => "{"u8.ToArray(),
            3 => "null"u8.ToArray(),
            4 => "[1,2,3]"u8.ToArray(),
            5 => Encoding.UTF8.GetBytes(new string('[', 40) + new string(']', 40)),
            6 => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40)),
            7 => [0x7B, 0x22, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D], // {"title":"<invalid UTF-8>"}
            8 => "{\"visibility\":\"private\",\"visibility\":\"public\",\"name\":\"dup\"}"u8.ToArray(),
            9 => "{\"amount\":1e400,\"position\":99999999999999999999}"u8.ToArray(),
            10 when random.Next(10) == 0 => new byte[(1024 * 1024) + 10],
            _ => Encoding.UTF8.GetBytes(RandomObject(random, 0).ToJsonString()),
        };

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = null;
            if (random.Next(3) == 0)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentTypes[random.Next(ContentTypes.Length)]);
            }
            else
            {
                request.Content.Headers.ContentType = random.Next(10) switch
                {
                    0 => new MediaTypeHeaderValue("text/plain"),
                    1 => null,
                    2 => new MediaTypeHeaderValue("application/xml"),
                    _ => new MediaTypeHeaderValue("application/json"),
                };
            }
        }

        switch (random.Next(20))
        {
            case 0:
                break; // anonymous
            case 1:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer sk_live_not_a_real_key_000000000000000000");
                break;
            case 2:
                request.Headers.TryAddWithoutValidation("Authorization", "Basic " + Scalar(random));
                break;
            default:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
                break;
        }

        if (random.Next(6) == 0)
        {
            request.Headers.TryAddWithoutValidation("If-Match", random.Next(3) switch { 0 => "*", 1 => "\"stale\"", _ => Scalar(random) });
        }

        if (random.Next(8) == 0)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", random.Next(2) == 0 ? "W/\"x\"" : Scalar(random));
        }

        if (random.Next(5) == 0)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", random.Next(4) == 0 ? new string('k', 300) : $"fuzz-{random.Next(20)}");
        }
    }
}
