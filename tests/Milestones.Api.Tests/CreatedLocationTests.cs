using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>SPEC 5: a POST that creates answers 201 with a Location that answers, with the same ETag.</summary>
public sealed class CreatedLocationTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task Every_created_resource_is_readable_at_its_relative_Location_with_the_same_ETag()
    {
        var (_, _, supporter) = await Given.UserAsync();

        var projectId = await CreatedAndReadableAsync(Admin, Admin.Post("/api/v1/projects", new { name = Scenario.Unique("loc"), visibility = "public" }));
        var milestoneId = await CreatedAndReadableAsync(Admin, Admin.Post($"/api/v1/projects/{projectId}/milestones", new { title = "m", goalAmount = 10 }));
        await CreatedAndReadableAsync(Admin, Admin.Post($"/api/v1/milestones/{milestoneId}/tasks", new { title = "t" }));
        await CreatedAndReadableAsync(supporter, supporter.Post($"/api/v1/milestones/{milestoneId}/supports", new { amount = 1 }));
        var userId = await CreatedAndReadableAsync(Admin, Admin.Post("/api/v1/users", new { username = Scenario.Unique("someone").ToLowerInvariant() }));
        await CreatedAndReadableAsync(Admin, Admin.Post("/api/v1/users/me/api-keys", new { name = "mine", scopes = new[] { "milestones:read" } }));
        await CreatedAndReadableAsync(Admin, Admin.Post($"/api/v1/users/{userId}/api-keys", new { name = "theirs", scopes = new[] { "milestones:read" } }));
    }

    [Fact]
    public async Task A_task_written_a_fraction_of_a_microsecond_before_a_millisecond_answers_what_a_later_read_returns()
    {
        // Arrange: the clock 999.5 µs past a whole second (were it rounded to the microseconds PostgreSQL keeps, a read would say 1 ms).
        var now = Factory.Clock.GetUtcNow();
        Factory.Clock.SetUtcNow(new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(1).AddTicks(9_995));
        var projectId = (await Admin.Post("/api/v1/projects", new { name = Scenario.Unique("tick") })).Data(HttpStatusCode.Created).Id();
        var milestoneId = (await Admin.Post($"/api/v1/projects/{projectId}/milestones", new { title = "m" })).Data(HttpStatusCode.Created).Id();

        // Act: a task created, then completed, each answered from what the write saved.
        var created = await Admin.Post($"/api/v1/milestones/{milestoneId}/tasks", new { title = "t" });
        var completed = await Admin.Patch($"/api/v1/tasks/{created.Data(HttpStatusCode.Created).Id()}", new { completed = true });
        var read = await Admin.Get($"/api/v1/tasks/{created.Data(HttpStatusCode.Created).Id()}");

        // Assert: the same timestamps (to the millisecond the contract shows) and the same version.
        Assert.EndsWith(".000Z", created.Data(HttpStatusCode.Created).Str("createdAt"), StringComparison.Ordinal);
        Assert.Equal(completed.Data().ToJsonString(), read.Data().ToJsonString());
        Assert.Equal(completed.Response.Headers.ETag, read.Response.Headers.ETag);
        Assert.Equal(created.Data(HttpStatusCode.Created).Str("createdAt"), read.Data().Str("createdAt"));
    }

    private static async Task<long> CreatedAndReadableAsync(HttpClient reader, Task<(HttpStatusCode Status, System.Text.Json.Nodes.JsonNode? Body, HttpResponseMessage Response)> create)
    {
        var (status, body, response) = await create;
        Assert.Equal(HttpStatusCode.Created, status);
        var location = response.Headers.Location!;
        Assert.False(location.IsAbsoluteUri, $"{location} should be a path");

        var read = await reader.Get(location.OriginalString);

        Assert.True(read.Status == HttpStatusCode.OK, $"{location} answered {(int)read.Status}");
        Assert.Equal(body!["data"].Id(), read.Body!["data"].Id());
        if (body["data"]!["key"] is null) // a new key's one-time secret is in the 201 only
        {
            Assert.Equal(response.Headers.ETag, read.Response.Headers.ETag);
        }

        return body["data"].Id();
    }
}
