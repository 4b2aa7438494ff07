using System.Net;
using System.Text.Json.Nodes;

namespace Milestones.Api.Tests.Support;

/// <summary>Builds the people and projects a test needs, through the public API itself.</summary>
public sealed class Scenario(ApiFactory factory)
{
    private static int _sequence;

    public ApiFactory Factory { get; } = factory;

    public HttpClient Admin { get; } = factory.Admin();

    public static string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref _sequence)}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A new user and a client holding a key with the given scopes.</summary>
    public async Task<(long UserId, string Username, HttpClient Client)> UserAsync(params string[] scopes)
    {
        var username = Unique("user").ToLowerInvariant();
        var user = (await Admin.Post("/api/v1/users", new { username, displayName = "Test " + username })).Data(HttpStatusCode.Created);
        var grant = scopes.Length == 0 ? ["milestones:read", "milestones:write"] : scopes;
        var key = (await Admin.Post($"/api/v1/users/{user.Id()}/api-keys", new { name = "test", scopes = grant })).Data(HttpStatusCode.Created);
        return (user.Id(), username, Factory.WithKey(key.Str("key")!));
    }

    public async Task<JsonNode> ProjectAsync(HttpClient owner, string visibility = "private", string? name = null) =>
        (await owner.Post("/api/v1/projects", new { name = name ?? Unique("project"), visibility })).Data(HttpStatusCode.Created);

    public async Task<JsonNode> MilestoneAsync(HttpClient client, long projectId, object? body = null) =>
        (await client.Post($"/api/v1/projects/{projectId}/milestones", body ?? new { title = Unique("milestone") })).Data(HttpStatusCode.Created);

    public async Task<JsonNode> TaskAsync(HttpClient client, long milestoneId, string? title = null, bool completed = false) =>
        (await client.Post($"/api/v1/milestones/{milestoneId}/tasks", new { title = title ?? Unique("task"), completed })).Data(HttpStatusCode.Created);

    public async Task AddMemberAsync(HttpClient admin, long projectId, string username, string role) =>
        (await admin.Put($"/api/v1/projects/{projectId}/members/{username}", new { role })).Data();

    public async Task<long> DefaultMilestoneIdAsync(HttpClient client, long projectId)
    {
        var list = (await client.Get($"/api/v1/projects/{projectId}/milestones?type=uncategorised")).Data();
        return list.AsArray().Single()!.Id();
    }

    public async Task<JsonNode> GetAsync(HttpClient client, string url) => (await client.Get(url)).Data();
}
