using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Milestones.Api.Tests.Support;

/// <summary>Small JSON helpers so tests read as the HTTP exchange they check.</summary>
public static class Http
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Send(
        this HttpClient client, HttpMethod method, string url, object? body = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        configure?.Invoke(request);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        // A proxy's own error page (nginx's 502 while an instance dies) is not JSON: no body to read then.
        var json = response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true;
        return (response.StatusCode, string.IsNullOrEmpty(text) || !json ? null : JsonNode.Parse(text), response);
    }

    public static Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Get(this HttpClient client, string url, Action<HttpRequestMessage>? configure = null) =>
        client.Send(HttpMethod.Get, url, null, configure);

    public static Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Post(this HttpClient client, string url, object? body = null) =>
        client.Send(HttpMethod.Post, url, body ?? new { });

    public static Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Patch(this HttpClient client, string url, object body, Action<HttpRequestMessage>? configure = null) =>
        client.Send(HttpMethod.Patch, url, body, configure);

    public static Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Put(this HttpClient client, string url, object body) =>
        client.Send(HttpMethod.Put, url, body);

    public static Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Delete(this HttpClient client, string url, Action<HttpRequestMessage>? configure = null) =>
        client.Send(HttpMethod.Delete, url, null, configure);

    /// <summary>The <c>data</c> of a success envelope; fails the test with the body when the status is not the expected one.</summary>
    public static JsonNode Data(this (HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response) result, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(result.Status == expected, $"Expected {(int)expected} but got {(int)result.Status}: {result.Body?.ToJsonString()}");
        return result.Body!["data"]!;
    }

    public static long Id(this JsonNode? node) => node!["id"]!.GetValue<long>();

    public static int Int(this JsonNode? node, string name) => node![name]!.GetValue<int>();

    public static string? Str(this JsonNode? node, string name) => node![name]?.GetValue<string>();

    public static void AssertProblem(this (HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response) result, HttpStatusCode expected, string? detailContains = null)
    {
        Assert.True(result.Status == expected, $"Expected {(int)expected} but got {(int)result.Status}: {result.Body?.ToJsonString()}");
        Assert.Equal("application/problem+json", result.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, result.Body!["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(result.Body["title"]?.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(result.Body["traceId"]?.GetValue<string>()));
        if (detailContains is not null)
        {
            Assert.Contains(detailContains, result.Body["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        }
    }

    public static string[] ErrorsFor(this JsonNode problem, string field) =>
        problem["errors"]?[field]?.AsArray().Select(e => e!.GetValue<string>()).ToArray() ?? [];

    public static string Json(this JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";
}
