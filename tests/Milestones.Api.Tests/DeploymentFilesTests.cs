using Milestones.Api.Tests.Support;

namespace Milestones.Api.Tests;

/// <summary>
/// No Docker engine runs here, so the compose stack cannot be started in CI; these guard the
/// properties the README promises of the files themselves.
/// </summary>
public sealed class DeploymentFilesTests
{
    private static string Read(params string[] parts) => File.ReadAllText(Repository.File(parts));

    [Fact]
    public void The_image_is_multi_stage_non_root_and_health_checked()
    {
        var dockerfile = Read("Dockerfile");

        Assert.Contains("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", dockerfile);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime", dockerfile);
        Assert.Contains("USER $APP_UID", dockerfile);
        Assert.Contains("HEALTHCHECK", dockerfile);
        Assert.Contains("/health/ready", dockerfile);
    }

    [Fact]
    public void Compose_runs_health_checked_sql_server_and_the_api_on_it_with_secrets_from_the_env_file()
    {
        var compose = Read("docker-compose.yml");

        Assert.Contains("image: mcr.microsoft.com/mssql/server", compose);
        Assert.Contains("condition: service_healthy", compose);
        Assert.Contains("Database__Provider: SqlServer", compose);
        Assert.Contains("${MILESTONES_BOOTSTRAP_API_KEY:?", compose);
        Assert.Contains("${MSSQL_SA_PASSWORD:?", compose);
        Assert.Contains("sqlcmd", compose);
    }

    [Fact]
    public void The_example_env_file_holds_a_bootstrap_key_the_service_accepts()
    {
        var line = Read(".env.example").Split('\n').Single(l => l.StartsWith("MILESTONES_BOOTSTRAP_API_KEY=", StringComparison.Ordinal));
        var key = line["MILESTONES_BOOTSTRAP_API_KEY=".Length..].Trim();

        Assert.StartsWith("sk_", key);
        Assert.True(key.Length >= 32);
    }
}
