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

public sealed class SqlServerScenarioTests(SqlServerFixture fixture) : IClassFixture<SqlServerFixture>
{
    private const string AdminKey = "sk_live_sqlserver_tests_bootstrap_key_0123456789";

    private HttpClient Client()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", "SqlServer");
            b.UseSetting("ConnectionStrings:Milestones", fixture.ConnectionString);
            b.UseSetting("Milestones:Bootstrap:ApiKey", AdminKey);
            b.UseSetting("Milestones:Deadlines:Enabled", "false");
        });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
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
