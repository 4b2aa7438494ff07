using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>SPEC 7: per-user (anonymous: per-address) limits, shared by all of a user's keys, 429 with Retry-After, RateLimit-* headers, health exempt.</summary>
public sealed class RateLimitTests : IDisposable
{
    private const int Limit = 5;
    private readonly ApiFactory _factory = new(null, new Dictionary<string, string> { ["Milestones:RateLimit:PermitsPerMinute"] = $"{Limit}" });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_key_over_its_limit_gets_429_with_Retry_After_and_every_response_carries_the_headers()
    {
        var admin = _factory.Admin();
        // Start the window at a known second: 20 s into a minute, so 40 s remain.
        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 12, 0, 20, TimeSpan.Zero));

        var allowed = new List<HttpResponseMessage>();
        for (var i = 0; i < Limit; i++)
        {
            allowed.Add((await admin.Get("/api/v1/users/me")).Response);
        }

        var refused = await admin.Get("/api/v1/users/me");

        Assert.All(allowed, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(Enumerable.Range(0, Limit).Select(i => $"{Limit - 1 - i}"), allowed.Select(r => r.Headers.GetValues("RateLimit-Remaining").Single()));
        Assert.All(allowed, r => Assert.Equal($"{Limit}", r.Headers.GetValues("RateLimit-Limit").Single()));
        Assert.All(allowed, r => Assert.Equal("40", r.Headers.GetValues("RateLimit-Reset").Single()));
        refused.AssertProblem(HttpStatusCode.TooManyRequests, "5 requests a minute");
        Assert.Equal(TimeSpan.FromSeconds(40), refused.Response.Headers.RetryAfter?.Delta);
        Assert.Equal("0", refused.Response.Headers.GetValues("RateLimit-Remaining").Single());
    }

    [Fact]
    public async Task The_next_window_lets_the_key_through_again()
    {
        var admin = _factory.Admin();
        for (var i = 0; i < Limit; i++)
        {
            await admin.Get("/api/v1/users/me");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await admin.Get("/api/v1/users/me")).Status);

        _factory.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.OK, (await admin.Get("/api/v1/users/me")).Status);
    }

    [Fact]
    public async Task Each_user_has_its_own_budget_and_anonymous_callers_share_their_address()
    {
        var scenario = new Scenario(_factory);
        var (_, _, other) = await scenario.UserAsync(); // the admin spent 2 requests on this
        var admin = _factory.Admin();
        for (var i = 0; i < Limit; i++)
        {
            await admin.Get("/api/v1/users/me");
        }

        var anonymous = _factory.Anonymous();
        var anonymousResults = new List<HttpStatusCode>();
        for (var i = 0; i <= Limit; i++)
        {
            anonymousResults.Add((await anonymous.Get("/api/v1/projects?visibility=public")).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await admin.Get("/api/v1/users/me")).Status);
        Assert.Equal(HttpStatusCode.OK, (await other.Get("/api/v1/users/me")).Status);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, Limit), HttpStatusCode.TooManyRequests], anonymousResults);
    }

    [Fact]
    public async Task Every_key_of_one_user_draws_on_the_same_budget_so_a_new_key_buys_no_new_requests()
    {
        // Arrange: a user with one key, who mints a new key with each key it holds (issue 20: 425 requests against a limit of 5).
        var scenario = new Scenario(_factory);
        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 12, 5, 0, TimeSpan.Zero));
        var (_, _, first) = await scenario.UserAsync();
        var clients = new List<HttpClient> { first };
        var statuses = new List<HttpStatusCode>();

        // Act: each key in turn creates the next key, then reads.
        for (var i = 0; i < 4 * Limit; i++)
        {
            var current = clients[^1];
            var minted = await current.Post("/api/v1/users/me/api-keys", new { name = $"k{i}", scopes = new[] { "milestones:read", "milestones:write" } });
            statuses.Add(minted.Status);
            if (minted.Status == HttpStatusCode.Created)
            {
                clients.Add(_factory.WithKey(minted.Data(HttpStatusCode.Created).Str("key")!));
            }
        }

        var reads = new List<HttpStatusCode>();
        foreach (var client in clients)
        {
            reads.Add((await client.Get("/api/v1/users/me")).Status);
        }

        // Assert: the user's budget of 5 is spent once, whichever key spends it.
        Assert.Equal(Limit, statuses.Count(s => s != HttpStatusCode.TooManyRequests));
        Assert.All(reads, s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task Health_endpoints_are_never_limited_and_carry_no_limit_headers()
    {
        var anonymous = _factory.Anonymous();
        for (var i = 0; i < Limit; i++)
        {
            await anonymous.Get("/api/v1/projects?visibility=public");
        }

        var live = await anonymous.GetAsync("/health/live");
        var ready = await anonymous.GetAsync("/health/ready");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (live.StatusCode, ready.StatusCode));
        Assert.False(live.Headers.Contains("RateLimit-Limit"));
    }

    [Fact]
    public async Task Zero_permits_turns_the_limiter_off()
    {
        using var unlimited = new ApiFactory(null, new Dictionary<string, string> { ["Milestones:RateLimit:PermitsPerMinute"] = "0" });
        var admin = unlimited.Admin();

        var results = new List<HttpResponseMessage>();
        for (var i = 0; i < 3 * Limit; i++)
        {
            results.Add((await admin.Get("/api/v1/users/me")).Response);
        }

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(results, r => Assert.False(r.Headers.Contains("RateLimit-Limit")));
    }

    [RedisFact]
    public async Task With_redis_configured_two_instances_share_one_budget_and_ready_reports_redis()
    {
        // Arrange: two instances on one database and one Redis, a limit of 5 a minute.
        using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Milestones:RateLimit:PermitsPerMinute"] = $"{Limit}",
            ["Milestones:Redis:Configuration"] = redis.Configuration,
        };
        using var first = new ApiFactory(null, settings);
        using var second = new ApiFactory(first.Database, settings, first.Clock);
        var one = first.Admin();
        var two = second.Admin();

        // Act: the admin's requests alternate between the two instances.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Limit + 2; i++)
        {
            statuses.Add((await (i % 2 == 0 ? one : two).Get("/api/v1/users/me")).Status);
        }

        var ready = System.Text.Json.Nodes.JsonNode.Parse(await first.Anonymous().GetStringAsync("/health/ready"))!;

        // Assert: five in all, not five each.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, Limit), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("healthy", ready["checks"]!["redis"]!["status"]!.GetValue<string>());
        Assert.Equal("healthy", ready["checks"]!["database"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task With_redis_unreachable_each_instance_counts_alone_and_ready_reports_redis_degraded_but_still_200()
    {
        // Arrange: a Redis address nothing answers on.
        var port = LoopbackPorts.Free();
        using var factory = new ApiFactory(null, new Dictionary<string, string>
        {
            ["Milestones:RateLimit:PermitsPerMinute"] = $"{Limit}",
            ["Milestones:Redis:Configuration"] = $"127.0.0.1:{port},connectTimeout=200",
        });
        var admin = factory.Admin();

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Limit; i++)
        {
            statuses.Add((await admin.Get("/api/v1/users/me")).Status);
        }

        var ready = await factory.Anonymous().GetAsync("/health/ready");
        var report = System.Text.Json.Nodes.JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;

        // Assert
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, Limit), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("degraded", report["checks"]!["redis"]!["status"]!.GetValue<string>());
    }
}
