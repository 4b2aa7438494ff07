using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Testcontainers.MsSql;

namespace Milestones.SqlServer.Tests;

/// <summary>Starts SQL Server once (Testcontainers) for the scenarios below; absent a Docker engine it starts nothing.</summary>
public sealed class SqlServerFixture : IAsyncLifetime
{
    private MsSqlContainer? _container;

    public static string? DockerUnavailableReason { get; } = DetectDocker();

    public string ConnectionString => _container!.GetConnectionString();

    public async Task InitializeAsync()
    {
        if (DockerUnavailableReason is not null)
        {
            return;
        }

        _container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
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
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrEmpty(host))
        {
            return null;
        }

        return File.Exists("/var/run/docker.sock") || OperatingSystem.IsWindows()
            ? null
            : "SKIPPED (not passed): no Docker engine here (no DOCKER_HOST, no /var/run/docker.sock), so SQL Server cannot be started by Testcontainers.";
    }
}

internal static class FactoryExtensions
{
    public static HttpClient CreateAuthorizedClient(this WebApplicationFactory<Program> factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SqlServerScenarioTests.AdminKey);
        return client;
    }
}

public sealed class SqlServerScenarioTests(SqlServerFixture fixture) : IClassFixture<SqlServerFixture>
{
    internal const string AdminKey = "sk_live_sqlserver_tests_bootstrap_key_0123456789";

    private HttpClient Client() => Factory().CreateAuthorizedClient();

    private WebApplicationFactory<Program> Factory() =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", "SqlServer");
            b.UseSetting("ConnectionStrings:Milestones", fixture.ConnectionString);
            b.UseSetting("Milestones:Bootstrap:ApiKey", AdminKey);
            b.UseSetting("Milestones:Deadlines:Enabled", "false");
        });

    private static async Task<JsonNode> DataAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadFromJsonAsync<JsonNode>();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return body!["data"]!;
    }

    [SkippableFact]
    public async Task Concurrent_completions_and_pledges_keep_counters_and_money_exact_on_sql_server()
    {
        Skip.If(SqlServerFixture.DockerUnavailableReason is not null, SqlServerFixture.DockerUnavailableReason);
        var client = Client();
        var project = await DataAsync(client.PostAsJsonAsync("/api/v1/projects", new { name = "Concurrency", visibility = "public" }));
        var milestone = await DataAsync(client.PostAsJsonAsync($"/api/v1/projects/{project["id"]}/milestones", new { title = "Load", goalAmount = 100m }));
        var taskIds = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            taskIds.Add((await DataAsync(client.PostAsJsonAsync($"/api/v1/milestones/{milestone["id"]}/tasks", new { title = $"t{i}" })))["id"]!.GetValue<long>());
        }

        await Task.WhenAll(taskIds.Select(id => Client().PatchAsJsonAsync($"/api/v1/tasks/{id}", new { completed = true })));
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Client().PostAsJsonAsync($"/api/v1/milestones/{milestone["id"]}/supports", new { amount = 0.05m })));

        var after = await DataAsync(client.GetAsync($"/api/v1/milestones/{milestone["id"]}"));
        Assert.Equal((20, 20), (after["tasksTotal"]!.GetValue<int>(), after["tasksCompleted"]!.GetValue<int>()));
        Assert.Equal(1.00m, after["raisedAmount"]!.GetValue<decimal>());
        Assert.Equal(1, after["progress"]!["fundingPercent"]!.GetValue<int>());
        var recount = await DataAsync(client.PostAsync($"/api/v1/projects/{project["id"]}/recount", null));
        Assert.Empty(recount["fixed"]!.AsArray());
    }

    [SkippableFact]
    public async Task Two_sweepers_on_one_sql_server_write_one_deadline_event_per_milestone()
    {
        Skip.If(SqlServerFixture.DockerUnavailableReason is not null, SqlServerFixture.DockerUnavailableReason);
        using var first = Factory();
        using var second = Factory();
        var client = first.CreateAuthorizedClient();
        second.CreateClient();
        var project = await DataAsync(client.PostAsJsonAsync("/api/v1/projects", new { name = "Sweep" }));
        for (var i = 0; i < 12; i++)
        {
            await DataAsync(client.PostAsJsonAsync($"/api/v1/projects/{project["id"]}/milestones", new { title = $"late {i}", dueDate = "2020-01-01" }));
        }

        var sweepers = new[] { first, second, first }
            .Select(f => Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<Milestones.Infrastructure.Deadlines.DeadlineSweeper>(f.Services))
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

        var response = await Client().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableFact]
    public async Task Project_milestone_task_and_delete_with_reassignment_work_on_sql_server()
    {
        Skip.If(SqlServerFixture.DockerUnavailableReason is not null, SqlServerFixture.DockerUnavailableReason);
        var client = Client();

        var project = (await (await client.PostAsJsonAsync("/api/v1/projects", new { name = "On SQL Server" })).Content.ReadFromJsonAsync<JsonNode>())!["data"]!;
        var projectId = project["id"]!.GetValue<long>();
        var milestone = (await (await client.PostAsJsonAsync($"/api/v1/projects/{projectId}/milestones",
            new { title = "Funded", goalAmount = 1234.56m, dueDate = "2026-12-31", tasks = new[] { new { title = "t", completed = true } } }))
            .Content.ReadFromJsonAsync<JsonNode>())!["data"]!;
        var deleted = await client.DeleteAsync($"/api/v1/milestones/{milestone["id"]}");
        var after = (await client.GetFromJsonAsync<JsonNode>($"/api/v1/projects/{projectId}"))!["data"]!;
        var recount = (await (await client.PostAsync($"/api/v1/projects/{projectId}/recount", null)).Content.ReadFromJsonAsync<JsonNode>())!["data"]!;

        Assert.Equal(1234.56m, milestone["goalAmount"]!.GetValue<decimal>());
        Assert.Equal("2026-12-31T23:59:59.999Z", milestone["dueDate"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal((0, 1, 1), (after["milestonesTotal"]!.GetValue<int>(), after["tasksTotal"]!.GetValue<int>(), after["tasksCompleted"]!.GetValue<int>()));
        Assert.Empty(recount["fixed"]!.AsArray());
    }

    [SkippableFact]
    public async Task A_duplicate_live_title_is_409_on_sql_server_and_a_deleted_one_is_free()
    {
        Skip.If(SqlServerFixture.DockerUnavailableReason is not null, SqlServerFixture.DockerUnavailableReason);
        var client = Client();
        var project = (await (await client.PostAsJsonAsync("/api/v1/projects", new { name = "Titles" })).Content.ReadFromJsonAsync<JsonNode>())!["data"]!;
        var url = $"/api/v1/projects/{project["id"]}/milestones";

        var first = (await (await client.PostAsJsonAsync(url, new { title = "Same" })).Content.ReadFromJsonAsync<JsonNode>())!["data"]!;
        var duplicate = await client.PostAsJsonAsync(url, new { title = "SAME" });
        await client.DeleteAsync($"/api/v1/milestones/{first["id"]}");
        var reused = await client.PostAsJsonAsync(url, new { title = "Same" });

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.Created, reused.StatusCode);
    }
}
