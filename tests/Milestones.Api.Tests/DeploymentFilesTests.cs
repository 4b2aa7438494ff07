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
    public void The_repository_and_the_client_package_are_MIT_licensed()
    {
        var licence = Read("LICENSE");
        var package = System.Text.Json.Nodes.JsonNode.Parse(Read("clients", "typescript", "package.json"))!;

        Assert.StartsWith("MIT License", licence, StringComparison.Ordinal);
        Assert.Equal("MIT", package["license"]!.GetValue<string>());
        Assert.Equal(licence, Read("clients", "typescript", "LICENSE")); // npm packs the package folder's own copy
    }

    private const string OwnImage = "milestones-api:local";

    [Theory]
    [InlineData("Server=db,1433;Database=M;User Id=app", "p@ss'; DROP--\n", "p@ss'; DROP--")]
    [InlineData("Host=db;Database=m;Username=app;Password=old", "new", "new")]
    public void A_password_given_apart_joins_the_connection_string_as_its_own_keyword(string connection, string secretFile, string expected)
    {
        var joined = Milestones.Infrastructure.DependencyInjection.ServerConnectionString("SqlServer", connection, secretFile);

        var parsed = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = joined };
        Assert.Equal(expected, parsed["Password"]);
        Assert.Equal(connection.Split(';')[0].Split('=')[1], parsed[connection.Split(';')[0].Split('=')[0]]);
    }

    [Fact]
    public void The_image_is_published_for_linux_x64_on_a_runtime_patch_no_older_than_the_one_running_here()
    {
        var dockerfile = Read("Dockerfile");

        Assert.Contains("-r linux-x64 --self-contained false", dockerfile); // no native libraries of other systems
        var patch = int.Parse(System.Text.RegularExpressions.Regex.Match(dockerfile, @"dotnet/aspnet:10\.0\.(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(patch >= Environment.Version.Build, $"aspnet:10.0.{patch} is older than the runtime running these tests ({Environment.Version}).");
        Assert.DoesNotContain("aspnet:10.0.0 ", dockerfile);
    }

    [Fact]
    public void Compose_builds_one_image_keeps_passwords_out_of_sql_text_and_puts_the_dashboard_behind_a_login_on_this_machine()
    {
        var compose = Read("docker-compose.yml");

        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(compose, @"\n    build: \.").Count); // api and api-postgres, one image
        Assert.All(new[] { "migrate", "api", "api-postgres" }, service => Assert.Contains($"\n  {service}:", compose));
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(compose, $"image: {OwnImage}").Count);
        Assert.DoesNotContain("'$$MILESTONES_DB_PASSWORD'", compose); // a ' in the password would end the T-SQL literal
        Assert.DoesNotContain("Password=", compose); // passwords travel as secret files, never in a connection string's text
        Assert.Contains("target: Database__Password", compose);
        Assert.Contains("target: Milestones__Bootstrap__ApiKey", compose);
        Assert.Contains("POSTGRES_PASSWORD_FILE: /run/secrets/postgres_password", compose);
        Assert.Contains("//\\'/\\'\\'}", compose);
        Assert.DoesNotContain("UNSECURED_ALLOW_ANONYMOUS", compose);
        Assert.Contains("\"127.0.0.1:18888:18888\"", compose);
    }

    [Fact]
    public void The_image_is_multi_stage_pinned_non_root_without_curl_and_probes_itself()
    {
        var dockerfile = Read("Dockerfile");

        Assert.Matches(@"FROM mcr\.microsoft\.com/dotnet/sdk:10\.0\.\d+ AS build", dockerfile);
        Assert.Matches(@"FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0\.\d+ AS runtime", dockerfile);
        Assert.Contains("USER $APP_UID", dockerfile);
        Assert.Contains("ASPNETCORE_HTTP_PORTS=8080", dockerfile);
        Assert.DoesNotContain("ASPNETCORE_URLS", dockerfile);
        Assert.Contains("Logging__Console__FormatterName=json", dockerfile);
        Assert.DoesNotContain("curl", dockerfile);
        Assert.Contains("CMD [\"dotnet\", \"Milestones.Api.dll\", \"--probe\", \"http://localhost:8080/health/ready\"]", dockerfile);
    }

    [Fact]
    public void Compose_pins_its_images_migrates_with_sa_once_and_runs_the_api_on_its_own_login()
    {
        var compose = Read("docker-compose.yml");

        Assert.DoesNotContain(":latest", compose);
        Assert.DoesNotContain("-latest", compose);
        Assert.All(System.Text.RegularExpressions.Regex.Matches(compose, @"image: (\S+)").Select(m => m.Groups[1].Value).Where(i => i != OwnImage),
            image => Assert.Matches(@":[0-9][^ ]*$", image));
        Assert.Contains("condition: service_healthy", compose);
        Assert.Contains("condition: service_completed_successfully", compose);
        Assert.Contains("command: [\"--migrate-only\"]", compose);
        Assert.Contains("User Id=milestones_app;", compose);
        Assert.Contains("db_datawriter", compose);
        Assert.Contains("profiles: [\"observability\"]", compose);
        Assert.Contains("${MSSQL_SA_PASSWORD:?", compose); // SQL Server's own container takes it as its environment
        foreach (var secret in new[] { "MSSQL_SA_PASSWORD", "MILESTONES_DB_PASSWORD", "POSTGRES_PASSWORD", "MILESTONES_BOOTSTRAP_API_KEY" })
        {
            Assert.Contains($"environment: {secret}", compose); // a compose secret, read from .env
        }

        var api = compose[compose.IndexOf("\n  api:", StringComparison.Ordinal)..compose.IndexOf("\n  aspire-dashboard:", StringComparison.Ordinal)];
        Assert.DoesNotContain("User Id=sa", api);
        Assert.Contains("Database__MigrateOnStartup: \"false\"", api);
    }

    [Fact]
    public void Every_secret_of_the_example_env_file_is_a_placeholder_production_refuses()
    {
        var values = Read(".env.example").Split('\n')
            .Where(l => l.StartsWith("MSSQL_SA_PASSWORD=", StringComparison.Ordinal) || l.StartsWith("MILESTONES_DB_PASSWORD=", StringComparison.Ordinal) || l.StartsWith("MILESTONES_BOOTSTRAP_API_KEY=", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim())
            .ToList();

        Assert.Equal(3, values.Count);
        Assert.All(values, v => Assert.Contains(v, Milestones.Api.Infrastructure.StartupChecks.Placeholders));
    }
}
