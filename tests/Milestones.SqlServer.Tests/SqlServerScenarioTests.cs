using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Testcontainers.MsSql;

namespace Milestones.SqlServer.Tests;

/// <summary>
/// Starts SQL Server once (Testcontainers) for the scenarios below; each scenario then gets a database
/// of its own. Docker is found the way Testcontainers finds it (DOCKER_HOST, its config file, the
/// default and rootless sockets, Docker Desktop, Colima or Podman); without one nothing starts and every
/// scenario is skipped with that reason printed.
/// </summary>
public sealed class SqlServerFixture : IAsyncLifetime
{
    private MsSqlContainer? _container;

    public static string? DockerUnavailableReason { get; } = DetectDocker();

    /// <summary>A connection string to a database no other scenario uses (migrations create it).</summary>
    public string NewDatabase() =>
        new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(_container!.GetConnectionString()) { InitialCatalog = $"milestones_{Guid.NewGuid():N}" }.ConnectionString;

    public async Task InitializeAsync()
    {
        if (DockerUnavailableReason is not null)
        {
            return;
        }

        _container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-CU16-ubuntu-22.04").Build();
        await _container.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private static string? DetectDocker()
    {
        try
        {
            return DotNet.Testcontainers.Configurations.TestcontainersSettings.OS.DockerEndpointAuthConfig is null
                ? "SKIPPED (not passed): Testcontainers found no Docker engine, so SQL Server cannot be started."
                : null;
        }
        catch (Exception e)
        {
            return $"SKIPPED (not passed): Testcontainers found no Docker engine ({e.GetType().Name}: {e.Message}), so SQL Server cannot be started.";
        }
    }
}

/// <summary>One API on one fresh database per scenario, disposed with it.</summary>
internal sealed class SqlServerApi : IAsyncDisposable
{
    internal const string AdminKey = "sk_live_sqlserver_tests_bootstrap_key_0123456789";
    private readonly WebApplicationFactory<Program> _factory;

    public SqlServerApi(string connectionString) =>
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", "SqlServer");
            b.UseSetting("ConnectionStrings:Milestones", connectionString);
            b.UseSetting("Milestones:Bootstrap:ApiKey", AdminKey);
            b.UseSetting("Milestones:Deadlines:Enabled", "false");
        });

    public IServiceProvider Services => _factory.Services;

    public HttpClient Client()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}

public sealed class SqlServerScenarioTests(SqlServerFixture fixture) : IClassFixture<SqlServerFixture>
{
    private static async Task<JsonNode> DataAsync(Task<HttpResponseMessage> call, HttpStatusCode? expected = null)
    {
        using var response = await call;
        var body = await response.Content.ReadFromJsonAsync<JsonNode>();
        Assert.True(expected is null ? response.IsSuccessStatusCode : response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return body!["data"]!;
    }

    private static async Task AssertStatusAsync(Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        using var response = await call;
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [SkippableFact]
    public async Task Concurrent_completions_and_pledges_keep_counters_and_money_exact_on_sql_server()
    {
        Skip.If(SqlServerFixture.DockerUnavailableReason is not null, SqlServerFixture.DockerUnavailableReason);
        await using var api = new SqlServerApi(fixture.NewDatabase());
        var client = api.Client();
        var project = await DataAsync(client.PostAsJsonAsync("/api/v1/projects", new { name = "Concurrency", visibility = "public" }));
        var milestone = await DataAsync(client.PostAsJsonAsync($"/api/v1/projects/{project["id"]}/milestones", new { title = "Load", goalAmount = 100m }));
        var taskIds = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            taskIds.Add((await DataAsync(client.PostAsJsonAsync($"/api/v1/milestones/{milestone["id"]}/tasks", new { title = $"t{i}" })))["id"]!.GetValue<long>());
        }

        await Task.WhenAll(taskIds.Select(id => AssertStatusAsync(api.Client().PatchAsJsonAsync($"/api/v1/tasks/{id}", new { completed = true }), HttpStatusCode.OK)));
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => AssertStatusAsync(api.Client().PostAsJsonAsync($"/api/v1/milestones/{milestone["id"]}/supports", new { amount = 0.05m }), HttpStatusCode.Created)));

        var after = await DataAsync(client.GetAsync($"/api/v1/milestones/{milestone["id"]}"));
        Assert.Equal((20, 20), (after["tasksTotal"]!.GetValue<int>(), after["tasksCompleted"]!.GetValue<int>()));
        Assert.Equal(1.00m, after["raisedAmount"]!.GetValue<decimal>());
        Assert.Equal(1, after["progress"]!["fundingPercent"]!.GetValue<int>());
        var recount = await DataAsync(client.PostAsync($"/api/v1/projects/{project["id"]}/recount", null));
        Assert.Empty(recount["fixed"]!.AsArray());
    }

    [SkippableFact]
    public async Task A_storm_of_mixed_writes_from_16_clients_leaves_no_drift_on_sql_server()
    {
        Skip.If(SqlServerFixture.DockerUnavailableReason is not null, SqlServerFixture.DockerUnavailableReason);
        await using var api = new SqlServerApi(fixture.NewDatabase());
        var admin = api.Client();
        var project = await DataAsync(admin.PostAsJsonAsync("/api/v1/projects", new { name = "Storm", visibility = "public" }));
        var projectId = project["id"]!.GetValue<long>();
        var milestones = new System.Collections.Concurrent.ConcurrentBag<long>();
        for (var i = 0; i < 3; i++)
        {
            milestones.Add((await DataAsync(admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/milestones", new { title = $"storm {i}", goalAmount = 1_000_000 })))["id"]!.GetValue<long>());
        }

        var tasks = new System.Collections.Concurrent.ConcurrentBag<long>();
        var faults = new System.Collections.Concurrent.ConcurrentBag<string>();
        var created = 0;

        // Act: 16 clients with one admin key (the database sees 16 writers), each a seeded mix of writes.
        await Task.WhenAll(Enumerable.Range(0, 16).Select(seed => Task.Run(async () =>
        {
            var client = api.Client();
            var random = new Random(seed);
            for (var op = 0; op < 40; op++)
            {
                var milestoneId = milestones.ElementAt(random.Next(milestones.Count));
                var taskId = tasks.IsEmpty ? 0 : tasks.ElementAt(random.Next(tasks.Count));
                using var response = random.Next(100) switch
                {
                    < 35 => await client.PostAsJsonAsync($"/api/v1/milestones/{milestoneId}/tasks", new { title = $"t{random.Next()}", completed = random.Next(3) == 0 }),
                    < 55 when taskId != 0 => await client.PatchAsJsonAsync($"/api/v1/tasks/{taskId}", new { completed = random.Next(2) == 0 }),
                    < 65 when taskId != 0 => await client.PatchAsJsonAsync($"/api/v1/tasks/{taskId}", new { milestoneId }),
                    < 72 when taskId != 0 => await client.DeleteAsync($"/api/v1/tasks/{taskId}"),
                    < 85 => await client.PostAsJsonAsync($"/api/v1/milestones/{milestoneId}/supports", new { amount = random.Next(1, 500) + 0.25m }),
                    < 93 => await client.PostAsJsonAsync($"/api/v1/projects/{projectId}/milestones", new { title = $"m{random.Next()}" }),
                    _ => await client.PatchAsJsonAsync($"/api/v1/milestones/{milestoneId}", new { status = new[] { "pending", "in_progress", "reached" }[random.Next(3)] }),
                };
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500)
                {
                    faults.Add($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {body}");
                }
                else if (response.StatusCode == HttpStatusCode.Created && JsonNode.Parse(body)?["data"] is JsonObject data)
                {
                    Interlocked.Increment(ref created);
                    if (data.ContainsKey("completed"))
                    {
                        tasks.Add(data["id"]!.GetValue<long>());
                    }
                    else if (data.ContainsKey("tasksTotal"))
                    {
                        milestones.Add(data["id"]!.GetValue<long>());
                    }
                }
            }
        })));

        // Assert: no 5xx (deadlock victims are retried inside the request), and recount finds nothing to fix.
        Assert.True(faults.IsEmpty, string.Join('\n', faults.Take(5)));
        Assert.True(created > 150, $"only {created} writes succeeded");
        var recount = await DataAsync(admin.PostAsync($"/api/v1/projects/{projectId}/recount", null));
        Assert.Empty(recount["fixed"]!.AsArray());
    }

    [SkippableFact]
    public async Task Six_racing_posts_with_one_idempotency_key_create_one_task_on_sql_server()
    {
        Skip.If(SqlServerFixture.DockerUnavailableReason is not null, SqlServerFixture.DockerUnavailableReason);
        await using var api = new SqlServerApi(fixture.NewDatabase());
        var project = await DataAsync(api.Client().PostAsJsonAsync("/api/v1/projects", new { name = "Keys" }));
        var milestone = await DataAsync(api.Client().PostAsJsonAsync($"/api/v1/projects/{project["id"]}/milestones", new { title = "Once" }));
        var url = $"/api/v1/milestones/{milestone["id"]}/tasks";

        var ids = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { title = "once" }) };
            request.Headers.Add("Idempotency-Key", "race-sql-server");
            return (await DataAsync(api.Client().SendAsync(request), HttpStatusCode.Created))["id"]!.GetValue<long>();
        }));

        Assert.Single(ids.Distinct());
        var after = await DataAsync(api.Client().GetAsync($"/api/v1/milestones/{milestone["id"]}"));
        Assert.Equal(1, after["tasksTotal"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Ten_racing_patches_with_one_If_Match_have_one_winner_on_sql_server()
    {
        Skip.If(SqlServerFixture.DockerUnavailableReason is not null, SqlServerFixture.DockerUnavailableReason);
        await using var api = new SqlServerApi(fixture.NewDatabase());
        var project = await DataAsync(api.Client().PostAsJsonAsync("/api/v1/projects", new { name = "Match" }));
        var milestone = await DataAsync(api.Client().PostAsJsonAsync($"/api/v1/projects/{project["id"]}/milestones", new { title = "Contended" }));
        var url = $"/api/v1/milestones/{milestone["id"]}";
        using var current = await api.Client().GetAsync(url);
        var etag = current.Headers.ETag!.Tag;

        var statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(new { description = $"writer {i}" }) };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            using var response = await api.Client().SendAsync(request);
            return response.StatusCode;
        }));

        Assert.Single(statuses, s => s == HttpStatusCode.OK);
        Assert.All(statuses.Where(s => s != HttpStatusCode.OK), s => Assert.Contains(s, new[] { HttpStatusCode.PreconditionFailed, HttpStatusCode.Conflict }));
    }

    [SkippableFact]
    public async Task Two_sweepers_on_one_sql_server_write_one_deadline_event_per_milestone()
    {
        Skip.If(SqlServerFixture.DockerUnavailableReason is not null, SqlServerFixture.DockerUnavailableReason);
        var database = fixture.NewDatabase();
        await using var first = new SqlServerApi(database);
        await using var second = new SqlServerApi(database);
        var client = first.Client();
        second.Client().Dispose();
        var project = await DataAsync(client.PostAsJsonAsync("/api/v1/projects", new { name = "Sweep" }));
        for (var i = 0; i < 12; i++)
        {
            await DataAsync(client.PostAsJsonAsync($"/api/v1/projects/{project["id"]}/milestones", new { title = $"late {i}", dueDate = "2020-01-01" }));
        }

        var sweepers = new[] { first, second, first }
            .Select(a => Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<Milestones.Infrastructure.Deadlines.DeadlineSweeper>(a.Services))
            .ToList();
        var failed = await Task.WhenAll(sweepers.Select(s => s.SweepOnceAsync(CancellationToken.None)));

        Assert.Equal(12, failed.Sum());
        var events = await client.GetFromJsonAsync<JsonNode>($"/api/v1/projects/{project["id"]}/events?type=milestone.deadline_missed&limit=100");
        Assert.Equal(12, events!["count"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Migrations_apply_and_the_service_is_ready_on_sql_server()
    {
        Skip.If(SqlServerFixture.DockerUnavailableReason is not null, SqlServerFixture.DockerUnavailableReason);
        await using var api = new SqlServerApi(fixture.NewDatabase());

        await AssertStatusAsync(api.Client().GetAsync("/health/ready"), HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task Project_milestone_task_and_delete_with_reassignment_work_on_sql_server()
    {
        Skip.If(SqlServerFixture.DockerUnavailableReason is not null, SqlServerFixture.DockerUnavailableReason);
        await using var api = new SqlServerApi(fixture.NewDatabase());
        var client = api.Client();

        var project = await DataAsync(client.PostAsJsonAsync("/api/v1/projects", new { name = "On SQL Server" }), HttpStatusCode.Created);
        var projectId = project["id"]!.GetValue<long>();
        var milestone = await DataAsync(client.PostAsJsonAsync($"/api/v1/projects/{projectId}/milestones",
            new { title = "Funded", goalAmount = 1234.56m, dueDate = "2026-12-31", tasks = new[] { new { title = "t", completed = true } } }), HttpStatusCode.Created);
        await DataAsync(client.DeleteAsync($"/api/v1/milestones/{milestone["id"]}"), HttpStatusCode.OK);
        var after = await DataAsync(client.GetAsync($"/api/v1/projects/{projectId}"));
        var recount = await DataAsync(client.PostAsync($"/api/v1/projects/{projectId}/recount", null));

        Assert.Equal(1234.56m, milestone["goalAmount"]!.GetValue<decimal>());
        Assert.Equal("2026-12-31T23:59:59.999Z", milestone["dueDate"]!.GetValue<string>());
        Assert.Equal((0, 1, 1), (after["milestonesTotal"]!.GetValue<int>(), after["tasksTotal"]!.GetValue<int>(), after["tasksCompleted"]!.GetValue<int>()));
        Assert.Empty(recount["fixed"]!.AsArray());
    }

    [SkippableFact]
    public async Task A_duplicate_live_title_is_409_on_sql_server_and_a_deleted_one_is_free()
    {
        Skip.If(SqlServerFixture.DockerUnavailableReason is not null, SqlServerFixture.DockerUnavailableReason);
        await using var api = new SqlServerApi(fixture.NewDatabase());
        var client = api.Client();
        var project = await DataAsync(client.PostAsJsonAsync("/api/v1/projects", new { name = "Titles" }), HttpStatusCode.Created);
        var url = $"/api/v1/projects/{project["id"]}/milestones";

        var first = await DataAsync(client.PostAsJsonAsync(url, new { title = "Same" }), HttpStatusCode.Created);
        await AssertStatusAsync(client.PostAsJsonAsync(url, new { title = "SAME" }), HttpStatusCode.Conflict);
        await DataAsync(client.DeleteAsync($"/api/v1/milestones/{first["id"]}"), HttpStatusCode.OK);
        await AssertStatusAsync(client.PostAsJsonAsync(url, new { title = "Same" }), HttpStatusCode.Created);
    }

    [SkippableFact]
    public async Task Search_reads_its_index_on_sql_server_and_finds_a_renamed_milestone_under_its_new_name()
    {
        Skip.If(SqlServerFixture.DockerUnavailableReason is not null, SqlServerFixture.DockerUnavailableReason);
        await using var api = new SqlServerApi(fixture.NewDatabase());
        var client = api.Client();
        var project = await DataAsync(client.PostAsJsonAsync("/api/v1/projects", new { name = "Search" }), HttpStatusCode.Created);
        var url = $"/api/v1/projects/{project["id"]}/milestones";
        var milestone = await DataAsync(client.PostAsJsonAsync(url, new { title = "École d'été", description = "Straße 17" }), HttpStatusCode.Created);
        await DataAsync(client.PostAsJsonAsync(url, new { title = "Other" }), HttpStatusCode.Created);
        await DataAsync(client.PatchAsJsonAsync($"/api/v1/milestones/{milestone["id"]}", new { title = "Summer school" }), HttpStatusCode.OK);

        var byNewTitle = await DataAsync(client.GetAsync($"{url}?search=SUMMER"));
        var byOldTitle = await DataAsync(client.GetAsync($"{url}?search=ecole"));
        var byDescription = await DataAsync(client.GetAsync($"{url}?search=strasse"));
        var byExactDescription = await DataAsync(client.GetAsync($"{url}?search=STRAẞE%2017"));

        Assert.Equal([milestone["id"]!.GetValue<long>()], byNewTitle.AsArray().Select(m => m!["id"]!.GetValue<long>()));
        Assert.Empty(byOldTitle.AsArray());
        Assert.Empty(byDescription.AsArray()); // folding never turns one letter into two, on SQL Server either
        Assert.Single(byExactDescription.AsArray());
    }
}
