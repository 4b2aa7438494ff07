using System.Net.Http.Json;
using System.Net;
using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>Issue 12's operability promises, on the published API as operators start it.</summary>
public sealed class OperabilityTests : IDisposable
{
    private readonly TempDatabase _database = new();


    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData("Milestones:Bootstrap:ApiKey", "too_short_but_not_sk", "must start with 'sk_' and be at least 32 characters")]
    [InlineData("Milestones:Bootstrap:ApiKey", "pk_live_0123456789012345678901234567890123", "must start with 'sk_' and be at least 32 characters")]
    [InlineData("Milestones:Bootstrap:ApiKey", "sk_short", "must start with 'sk_' and be at least 32 characters")]
    [InlineData("Milestones:Deadlines:SweepInterval", "00:00:00", "SweepInterval must be a positive TimeSpan")]
    [InlineData("Database:Provider", "Oracle", "Database:Provider 'Oracle' is not supported")]
    public async Task A_bad_setting_stops_startup_with_one_clear_line_and_exit_code_1(string setting, string value, string message)
    {
        var (exitCode, output) = await ApiProcess.RunToExitAsync(_database, new Dictionary<string, string> { [setting] = value });

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output, l => l.Contains("Milestones cannot start", StringComparison.Ordinal));
        Assert.Contains(message, line);
        Assert.DoesNotContain(output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Unhandled exception", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_database_that_stays_unreachable_is_retried_with_one_line_per_attempt_then_one_line_naming_provider_and_host_and_exit_1()
    {
        // Arrange: PostgreSQL on a loopback port nothing listens on, a short wait, a password that must never show.
        var port = LoopbackPorts.Free();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        // Act
        var (exitCode, output) = await ApiProcess.RunToExitAsync(_database, new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Milestones"] = $"Host=127.0.0.1;Port={port};Database=m;Username=u;Password=never-print-this;Timeout=2",
            ["Database:StartupTimeout"] = "00:00:08",
            ["Logging:Console:FormatterName"] = "json",
        });

        // Assert
        Assert.Equal(1, exitCode);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(45));
        var last = Assert.Single(output, l => l.Contains("Milestones cannot start", StringComparison.Ordinal));
        Assert.Contains("PostgreSql", last);
        Assert.Contains($"127.0.0.1:{port}", last);
        Assert.True(output.Count(l => l.Contains("not reachable yet", StringComparison.Ordinal)) >= 2, string.Join('\n', output));
        Assert.DoesNotContain(output, l => l.Contains("never-print-this", StringComparison.Ordinal));
        Assert.DoesNotContain(output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Unhandled exception", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Milestones:Bootstrap:ApiKey", "sk_live_change_me_to_a_long_random_secret_000")]
    [InlineData("ConnectionStrings:Milestones", "Server=db;User Id=milestones;Password=Change_me_Str0ng!")]
    public async Task In_production_the_placeholders_of_env_example_are_refused(string setting, string value)
    {
        var (exitCode, output) = await ApiProcess.RunToExitAsync(_database, new Dictionary<string, string> { [setting] = value });

        Assert.Equal(1, exitCode);
        Assert.Contains(output, l => l.Contains("placeholder", StringComparison.Ordinal) && l.Contains(setting, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Started_from_another_directory_it_still_reads_its_own_appsettings_and_logs_one_line_per_request()
    {
        await using var api = await ApiProcess.StartAsync(_database, workingDirectory: _database.Directory);
        using var client = api.Admin();

        var response = await client.GetAsync(new Uri(api.BaseAddress, "/api/v1/projects?limit=5"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(300);
        // appsettings.json keeps EF Core's SQL at Warning: no statement is logged.
        Assert.DoesNotContain(api.Output, l => l.Contains("Executed DbCommand", StringComparison.Ordinal));
        var line = Assert.Single(api.Output, l => l.Contains("GET api/v1/projects 200", StringComparison.Ordinal));
        Assert.Matches("trace [0-9a-f]{32} user 1 request ", line);
        Assert.DoesNotContain(ApiFactory.AdminKey, string.Join('\n', api.Output));
    }

    [Fact]
    public async Task X_request_id_is_echoed_and_made_up_from_the_trace_when_none_is_sent()
    {
        await using var api = await ApiProcess.StartAsync(_database);
        using var client = api.Admin();
        using var sent = new HttpRequestMessage(HttpMethod.Get, new Uri(api.BaseAddress, "/health/live"));
        sent.Headers.Add("X-Request-Id", "abc-123");

        var echoed = await client.SendAsync(sent);
        var made = await client.GetAsync(new Uri(api.BaseAddress, "/health/live"));

        Assert.Equal("abc-123", echoed.Headers.GetValues("X-Request-Id").Single());
        Assert.Matches("^[0-9a-f]{32}$", made.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task The_container_health_probe_exits_0_on_a_ready_api_and_1_when_nothing_answers()
    {
        await using var api = await ApiProcess.StartAsync(_database);

        Assert.Equal(0, await ApiProcess.RunCommandAsync("--probe", new Uri(api.BaseAddress, "/health/ready").ToString()));
        await api.KillAsync();
        Assert.Equal(1, await ApiProcess.RunCommandAsync("--probe", new Uri(api.BaseAddress, "/health/ready").ToString()));
    }

    [Fact]
    public async Task Every_json_log_line_carries_its_utc_timestamp()
    {
        // Arrange: the container's log format.
        await using var api = await ApiProcess.StartAsync(_database, new Dictionary<string, string> { ["Logging:Console:FormatterName"] = "json" });
        using var client = api.Admin();

        // Act: a request that logs its line.
        await client.GetAsync(new Uri(api.BaseAddress, "/api/v1/projects"));
        await Task.Delay(300);

        // Assert: each JSON line has a Timestamp, ISO 8601 in UTC.
        var lines = api.Output.Where(l => l.StartsWith('{')).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", line["Timestamp"]?.GetValue<string>() ?? "(none)"));
    }

    [Fact]
    public async Task A_failed_request_logs_its_route_template_and_the_docs_files_log_nothing()
    {
        // Arrange
        await using var api = await ApiProcess.StartAsync(_database);
        using var client = api.Admin();
        var project = await (await client.PostAsJsonAsync(new Uri(api.BaseAddress, "/api/v1/projects"), new { name = "logged" })).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>();
        var milestones = new Uri(api.BaseAddress, $"/api/v1/projects/{project!["data"]!["id"]}/milestones");

        // Act: a 201, a 409 (duplicate title), a 422 (no title) and the interactive docs.
        await client.PostAsJsonAsync(milestones, new { title = "twice" });
        var conflict = await client.PostAsJsonAsync(milestones, new { title = "twice" });
        var invalid = await client.PostAsJsonAsync(milestones, new { title = "" });
        await client.GetAsync(new Uri(api.BaseAddress, "/docs/index.html"));
        await Task.Delay(300);

        // Assert: every status names the template, never the raw path; nothing for /docs.
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity), (conflict.StatusCode, invalid.StatusCode));
        foreach (var status in new[] { 201, 409, 422 })
        {
            Assert.Single(api.Output, l => l.Contains($"POST api/v1/projects/{{projectId:long}}/milestones {status}", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(api.Output, l => l.Contains("/docs", StringComparison.Ordinal));
    }
}
