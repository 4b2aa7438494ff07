using System.Data.Common;
using Npgsql;

namespace Milestones.Api.Tests.Support;

/// <summary>
/// A throwaway database for one test host (or for several that share it): a SQLite file in a temporary
/// folder by default, or, when <c>MILESTONES_TEST_POSTGRES</c> holds a PostgreSQL server's connection string
/// (as <c>.ci/run</c> sets it), a new database on that server, dropped on dispose.
/// </summary>
public sealed class TempDatabase : IDisposable
{
    public const string PostgresVariable = "MILESTONES_TEST_POSTGRES";

    private static readonly string? PostgresServer = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server : null;

    /// <summary>True when this test run's databases are PostgreSQL.</summary>
    public static bool IsPostgres => PostgresServer is not null;

    /// <summary><c>Database:Provider</c> for the service.</summary>
    public static string Provider => IsPostgres ? "PostgreSql" : "Sqlite";

    private readonly string? _name;

    public TempDatabase()
    {
        if (PostgresServer is null)
        {
            Directory = System.IO.Directory.CreateDirectory(
                System.IO.Path.Combine(System.IO.Path.GetTempPath(), "milestones-tests", Guid.NewGuid().ToString("N"))).FullName;
            ConnectionString = $"Data Source={System.IO.Path.Combine(Directory, "milestones.db")}";
            return;
        }

        _name = "milestones_" + Guid.NewGuid().ToString("N");
        Directory = System.IO.Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "milestones-tests", _name)).FullName;
        using (var server = new NpgsqlConnection(PostgresServer))
        {
            server.Open();
            using var create = server.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{_name}\"";
            create.ExecuteNonQuery();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _name }.ConnectionString;
    }

    /// <summary>A folder of its own (the SQLite file's, or a working folder for a process on PostgreSQL).</summary>
    public string Directory { get; }

    public string ConnectionString { get; }

    /// <summary>The SQLite file; a test that needs it is SQLite-only (see <see cref="SqliteOnlyFactAttribute"/>).</summary>
    public string Path => IsPostgres
        ? throw new InvalidOperationException("This test reads the SQLite file directly; mark it SqliteOnly.")
        : System.IO.Path.Combine(Directory, "milestones.db");

    /// <summary>An open connection beside the service, for SQL a test runs on its own (quote identifiers: "Milestones").</summary>
    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(ConnectionString) : new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs SQL beside the service and returns the first column of every row, as text.</summary>
    public async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_name is not null)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                using var server = new NpgsqlConnection(PostgresServer);
                server.Open();
                using var drop = server.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)";
                drop.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // The server is gone already (the end of a CI run): the cluster is thrown away with it.
            }
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A test that holds only on SQLite; on a PostgreSQL run it is skipped with <paramref name="why"/>.</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string why)
    {
        if (TempDatabase.IsPostgres)
        {
            Skip = "SQLite only: " + why;
        }
    }
}

/// <summary>A theory that holds only on SQLite; on a PostgreSQL run it is skipped with <paramref name="why"/>.</summary>
public sealed class SqliteOnlyTheoryAttribute : TheoryAttribute
{
    public SqliteOnlyTheoryAttribute(string why)
    {
        if (TempDatabase.IsPostgres)
        {
            Skip = "SQLite only: " + why;
        }
    }
}

/// <summary>A test of a server database (it goes away and comes back, say); on a SQLite run it is skipped with <paramref name="why"/>.</summary>
public sealed class PostgresOnlyFactAttribute : FactAttribute
{
    public PostgresOnlyFactAttribute(string why)
    {
        if (!TempDatabase.IsPostgres)
        {
            Skip = $"PostgreSQL only (set {TempDatabase.PostgresVariable}; .ci/run does): " + why;
        }
    }
}
