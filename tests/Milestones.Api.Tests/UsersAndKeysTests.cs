using System.Net;
using System.Text.Json.Nodes;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

public sealed class UsersAndKeysTests(ApiFactory factory) : ApiTestBase(factory)
{
    [Fact]
    public async Task A_global_admin_creates_a_user_with_location()
    {
        var username = Scenario.Unique("new").ToLowerInvariant();

        var result = await Admin.Post("/api/v1/users", new { username, displayName = "New Person" });

        var user = result.Data(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/users/{user.Id()}", result.Response.Headers.Location?.ToString());
        Assert.Equal("New Person", user.Str("displayName"));
        Assert.False(user["isAdmin"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Usernames_are_unique_case_insensitively()
    {
        var (_, name, _) = await Given.UserAsync();

        (await Admin.Post("/api/v1/users", new { username = name.ToUpperInvariant() })).AssertProblem(HttpStatusCode.UnprocessableEntity);
        (await Admin.Post("/api/v1/users", new { username = name })).AssertProblem(HttpStatusCode.Conflict, "taken");
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("has space")]
    [InlineData("UPPER")]
    [InlineData("this-username-is-far-too-long-for-the-rule")]
    public async Task A_username_outside_the_rules_is_422(string username)
    {
        (await Admin.Post("/api/v1/users", new { username })).AssertProblem(HttpStatusCode.UnprocessableEntity, "username");
    }

    [Fact]
    public async Task Only_global_admins_create_users()
    {
        var (_, _, ordinary) = await Given.UserAsync("milestones:read", "milestones:write");

        (await ordinary.Post("/api/v1/users", new { username = "sneaky-user" })).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Users_me_answers_the_caller_and_users_by_id_or_username_work()
    {
        var (id, name, client) = await Given.UserAsync();

        Assert.Equal(name, (await Given.GetAsync(client, "/api/v1/users/me")).Str("username"));
        Assert.Equal(name, (await Given.GetAsync(client, $"/api/v1/users/{id}")).Str("username"));
        Assert.Equal(id, (await Given.GetAsync(client, $"/api/v1/users/{name.ToUpperInvariant()}")).Id());
        (await client.Get("/api/v1/users/no-such-user")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_new_api_key_shows_its_secret_once_and_never_again()
    {
        var (_, _, client) = await Given.UserAsync();

        var created = await client.Post("/api/v1/users/me/api-keys", new { name = "ci", scopes = new[] { "milestones:read" } });

        var key = created.Data(HttpStatusCode.Created);
        var secret = key.Str("key")!;
        Assert.StartsWith("sk_live_", secret);
        Assert.True(secret.Length >= 40);
        Assert.Equal(secret[..12], key.Str("prefix"));
        var listed = (await client.Get("/api/v1/users/me/api-keys")).Body!.Json();
        Assert.DoesNotContain(secret, listed);
        var fetched = await Given.GetAsync(client, created.Response.Headers.Location!.ToString());
        Assert.Null(fetched["key"]);
    }

    [Fact]
    public async Task Using_a_key_records_when_it_was_last_used()
    {
        var (_, _, client) = await Given.UserAsync();
        var key = (await client.Post("/api/v1/users/me/api-keys", new { name = "probe", scopes = new[] { "milestones:read" } })).Data(HttpStatusCode.Created);
        Assert.Null(key["lastUsedAt"]);

        await Factory.WithKey(key.Str("key")!).Get("/api/v1/users/me");

        var after = await Given.GetAsync(client, $"/api/v1/users/me/api-keys/{key.Id()}");
        var now = Factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(now, after.Str("lastUsedAt"));
    }

    [Fact]
    public async Task A_key_works_until_it_is_revoked_and_then_is_401()
    {
        var (_, _, client) = await Given.UserAsync();
        var key = (await client.Post("/api/v1/users/me/api-keys", new { name = "temp", scopes = new[] { "milestones:read" } })).Data(HttpStatusCode.Created);
        var other = Factory.WithKey(key.Str("key")!);
        Assert.Equal(HttpStatusCode.OK, (await other.Get("/api/v1/users/me")).Status);

        var revoked = (await client.Delete($"/api/v1/users/me/api-keys/{key.Id()}")).Data();

        Assert.True(revoked["deleted"]!.GetValue<bool>());
        var rejected = await other.Get("/api/v1/users/me");
        rejected.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", rejected.Response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task An_expired_key_is_401()
    {
        var (_, _, client) = await Given.UserAsync();
        var key = (await client.Post("/api/v1/users/me/api-keys", new { name = "short", scopes = new[] { "milestones:read" }, expiresAt = "2026-06-01T13:00:00Z" })).Data(HttpStatusCode.Created);
        var shortLived = Factory.WithKey(key.Str("key")!);
        Assert.Equal(HttpStatusCode.OK, (await shortLived.Get("/api/v1/users/me")).Status);

        // This class asserts no absolute times, so moving its clock forward is safe.
        Factory.Clock.Advance(TimeSpan.FromHours(2));

        (await shortLived.Get("/api/v1/users/me")).AssertProblem(HttpStatusCode.Unauthorized, "expired");
    }

    [Fact]
    public async Task A_key_cannot_grant_a_scope_its_creator_lacks()
    {
        var (_, _, readOnly) = await Given.UserAsync("milestones:read", "milestones:write");
        var key = (await readOnly.Post("/api/v1/users/me/api-keys", new { name = "r", scopes = new[] { "milestones:read" } })).Data(HttpStatusCode.Created);
        var narrow = Factory.WithKey(key.Str("key")!);

        (await narrow.Post("/api/v1/users/me/api-keys", new { name = "w", scopes = new[] { "milestones:write" } })).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_admin_scope_is_only_for_global_admins()
    {
        var (_, _, client) = await Given.UserAsync();

        (await client.Post("/api/v1/users/me/api-keys", new { name = "x", scopes = new[] { "admin" } })).AssertProblem(HttpStatusCode.UnprocessableEntity, "admin");
    }

    [Theory]
    [InlineData("{\"name\":\"x\",\"scopes\":[]}", "scopes")]
    [InlineData("{\"name\":\"x\",\"scopes\":[\"milestones:delete\"]}", "milestones:read, milestones:write, admin")]
    [InlineData("{\"scopes\":[\"milestones:read\"]}", "name")]
    [InlineData("{\"name\":\"x\",\"scopes\":[\"milestones:read\"],\"expiresAt\":\"2020-01-01T00:00:00Z\"}", "future")]
    public async Task A_bad_key_request_is_422(string body, string mentions)
    {
        var (_, _, client) = await Given.UserAsync();

        (await client.Post("/api/v1/users/me/api-keys", body)).AssertProblem(HttpStatusCode.UnprocessableEntity, mentions);
    }

    [Fact]
    public async Task Only_global_admins_create_keys_for_other_users()
    {
        var (_, _, client) = await Given.UserAsync();
        var (otherId, _, _) = await Given.UserAsync();

        (await client.Post($"/api/v1/users/{otherId}/api-keys", new { name = "x", scopes = new[] { "milestones:read" } })).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Revoking_someone_elses_key_is_404()
    {
        var (_, _, alice) = await Given.UserAsync();
        var (_, _, bob) = await Given.UserAsync();
        var key = (await alice.Post("/api/v1/users/me/api-keys", new { name = "a", scopes = new[] { "milestones:read" } })).Data(HttpStatusCode.Created);

        (await bob.Delete($"/api/v1/users/me/api-keys/{key.Id()}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_global_admin_revokes_another_users_key_and_that_key_is_401_at_once()
    {
        // Arrange
        var (userId, _, alice) = await Given.UserAsync();
        var key = (await alice.Post("/api/v1/users/me/api-keys", new { name = "laptop", scopes = new[] { "milestones:read" } })).Data(HttpStatusCode.Created);
        var laptop = Factory.WithKey(key.Str("key")!);
        Assert.Equal(HttpStatusCode.OK, (await laptop.Get("/api/v1/users/me")).Status);

        // Act
        var revoked = (await Admin.Delete($"/api/v1/users/{userId}/api-keys/{key.Id()}")).Data();

        // Assert
        Assert.Equal(key.Id(), revoked.Id());
        Assert.True(revoked["deleted"]!.GetValue<bool>());
        Assert.NotNull(revoked.Str("revokedAt"));
        (await laptop.Get("/api/v1/users/me")).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.NotNull((await Admin.Get($"/api/v1/users/{userId}/api-keys/{key.Id()}")).Data().Str("revokedAt"));
        Assert.Equal(HttpStatusCode.OK, (await alice.Get("/api/v1/users/me")).Status);
    }

    [Fact]
    public async Task Only_a_global_admin_revokes_another_users_key_and_a_key_of_someone_else_is_404_there()
    {
        var (aliceId, _, alice) = await Given.UserAsync();
        var (bobId, _, bob) = await Given.UserAsync();
        var key = (await alice.Post("/api/v1/users/me/api-keys", new { name = "a", scopes = new[] { "milestones:read" } })).Data(HttpStatusCode.Created);

        (await bob.Delete($"/api/v1/users/{aliceId}/api-keys/{key.Id()}")).AssertProblem(HttpStatusCode.Forbidden);
        (await Admin.Delete($"/api/v1/users/{bobId}/api-keys/{key.Id()}")).AssertProblem(HttpStatusCode.NotFound);
        Assert.Null((await alice.Get($"/api/v1/users/me/api-keys/{key.Id()}")).Data().Str("revokedAt"));
    }

    [Fact]
    public async Task A_user_holds_at_most_twenty_active_keys_and_a_revoked_or_expired_one_frees_its_place()
    {
        // Arrange: one key from the scenario, 19 more of the user's own, one of them short-lived.
        var (_, _, alice) = await Given.UserAsync();
        var keys = new List<JsonNode>();
        for (var i = 0; i < 18; i++)
        {
            keys.Add((await alice.Post("/api/v1/users/me/api-keys", new { name = $"k{i}", scopes = new[] { "milestones:read" } })).Data(HttpStatusCode.Created));
        }

        var expiresAt = Factory.Clock.GetUtcNow().UtcDateTime.AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        (await alice.Post("/api/v1/users/me/api-keys", new { name = "short", scopes = new[] { "milestones:read" }, expiresAt })).Data(HttpStatusCode.Created);

        // Act
        var twentyFirst = await alice.Post("/api/v1/users/me/api-keys", new { name = "one too many", scopes = new[] { "milestones:read" } });
        await alice.Delete($"/api/v1/users/me/api-keys/{keys[0].Id()}");
        var afterRevoke = await alice.Post("/api/v1/users/me/api-keys", new { name = "replacement", scopes = new[] { "milestones:read" } });
        var full = await alice.Post("/api/v1/users/me/api-keys", new { name = "full again", scopes = new[] { "milestones:read" } });
        Factory.Clock.Advance(TimeSpan.FromHours(2));
        var afterExpiry = await alice.Post("/api/v1/users/me/api-keys", new { name = "after expiry", scopes = new[] { "milestones:read" } });

        // Assert
        twentyFirst.AssertProblem(HttpStatusCode.Conflict, "most allowed (20)");
        Assert.Equal(HttpStatusCode.Created, afterRevoke.Status);
        full.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, afterExpiry.Status);
        Assert.Equal(22, (await alice.Get("/api/v1/users/me/api-keys?limit=100")).Body!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_key_revoked_through_one_instance_is_refused_by_another_on_the_same_database_within_two_seconds()
    {
        // Arrange: a second instance on the same database file; both have the key in their cache.
        using var other = new ApiFactory(Factory.Database, new Dictionary<string, string>(), Factory.Clock);
        var (_, _, alice) = await Given.UserAsync();
        var key = (await alice.Post("/api/v1/users/me/api-keys", new { name = "shared", scopes = new[] { "milestones:read" } })).Data(HttpStatusCode.Created);
        var here = Factory.WithKey(key.Str("key")!);
        var there = other.WithKey(key.Str("key")!);
        Assert.Equal(HttpStatusCode.OK, (await here.Get("/api/v1/users/me")).Status);
        Assert.Equal(HttpStatusCode.OK, (await there.Get("/api/v1/users/me")).Status);
        await Task.Delay(1_500); // the other instance's watcher has looked at least once since the key was made

        // Act
        (await alice.Delete($"/api/v1/users/me/api-keys/{key.Id()}")).Data();
        var revoked = System.Diagnostics.Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = (await there.Get("/api/v1/users/me")).Status) == HttpStatusCode.OK && revoked.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(25);
        }

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(revoked.Elapsed < TimeSpan.FromSeconds(2), $"The other instance refused the key after {revoked.ElapsedMilliseconds} ms.");
        Assert.Equal(HttpStatusCode.Unauthorized, (await here.Get("/api/v1/users/me")).Status);
    }
}
