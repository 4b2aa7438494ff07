// The database floor of build/bench.sh: what this machine serves when a request does the database work
// of the API's hot workloads and nothing else. The same SQLite file and schema as the API (it runs on
// the API's own database), the same bearer check (an API key's SHA-256 looked up once, then cached),
// source-generated JSON, a pooled connection per request, plain SQL. No access check, no validation
// beyond the body's shape, no activity entry's webhook fan-out, no idempotency: the yardstick, not a
// second implementation.
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, FloorJson.Default));
var app = builder.Build();

var connectionString = new SqliteConnectionStringBuilder
{
    DataSource = Environment.GetEnvironmentVariable("FLOOR_DB") ?? throw new InvalidOperationException("FLOOR_DB is not set."),
    Pooling = true,
    DefaultTimeout = 30,
}.ToString();
var callers = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);

Task<SqliteConnection> OpenAsync() => Write.OpenAsync(connectionString);

// The bearer check: one lookup of the key's hash per key, then a dictionary read.
async Task<long?> CallerAsync(HttpContext context)
{
    var header = context.Request.Headers.Authorization.ToString();
    if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
    {
        return null;
    }

    if (callers.TryGetValue(header, out var known))
    {
        return known;
    }

    await using var connection = await OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT UserId FROM ApiKeys WHERE SecretHash = $hash AND RevokedAt IS NULL";
    command.Parameters.AddWithValue("$hash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..]))));
    if (await command.ExecuteScalarAsync() is long userId)
    {
        callers[header] = userId;
        return userId;
    }

    return null;
}

const string MilestoneColumns = "Id, ProjectId, Title, Description, Status, Type, Color, Position, DueDate, ReachedAt, GoalAmount, RaisedAmount, SupportersCount, TasksTotal, TasksCompleted, CreatedById, CreatedAt, UpdatedAt, DeletedAt";

static MilestoneRow ReadMilestone(SqliteDataReader r) => new(
    r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetInt32(7),
    r.IsDBNull(8) ? null : r.GetDateTime(8), r.IsDBNull(9) ? null : r.GetDateTime(9),
    r.IsDBNull(10) ? null : r.GetInt64(10) / 100m, r.GetInt64(11) / 100m, r.GetInt32(12), r.GetInt32(13), r.GetInt32(14),
    r.GetInt64(15), r.GetDateTime(16), r.GetDateTime(17), r.IsDBNull(18) ? null : r.GetDateTime(18));

static TaskRow ReadTask(SqliteDataReader r) => new(
    r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), r.GetBoolean(4), r.IsDBNull(5) ? null : r.GetDateTime(5), r.GetInt32(6), r.GetDateTime(7), r.GetDateTime(8));

static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);

app.MapGet("/api/v1/milestones/{id:long}", async (long id, HttpContext context) =>
{
    if (await CallerAsync(context) is null)
    {
        return Results.Unauthorized();
    }

    await using var connection = await OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = $"SELECT {MilestoneColumns} FROM Milestones WHERE Id = $id";
    command.Parameters.AddWithValue("$id", id);
    await using var reader = await command.ExecuteReaderAsync();
    return await reader.ReadAsync() ? Results.Ok(new One<MilestoneRow>(ReadMilestone(reader))) : Results.NotFound();
});

app.MapGet("/api/v1/projects/{id:long}/milestones", async (long id, int? limit, HttpContext context) =>
{
    if (await CallerAsync(context) is null)
    {
        return Results.Unauthorized();
    }

    await using var connection = await OpenAsync();
    await using var count = connection.CreateCommand();
    count.CommandText = "SELECT COUNT(*) FROM Milestones WHERE ProjectId = $p AND DeletedAt IS NULL";
    count.Parameters.AddWithValue("$p", id);
    var total = (long)(await count.ExecuteScalarAsync())!;
    await using var command = connection.CreateCommand();
    command.CommandText = $"SELECT {MilestoneColumns} FROM Milestones WHERE ProjectId = $p AND DeletedAt IS NULL ORDER BY Position, Id LIMIT $limit";
    command.Parameters.AddWithValue("$p", id);
    command.Parameters.AddWithValue("$limit", limit ?? 20);
    var page = new List<MilestoneRow>(limit ?? 20);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        page.Add(ReadMilestone(reader));
    }

    return Results.Ok(new Page<MilestoneRow>(page, total));
});

// A task at the end of its milestone: the row, both counters and the activity entry, in one transaction.
app.MapPost("/api/v1/milestones/{id:long}/tasks", async (long id, NewTask body, HttpContext context) =>
{
    if (await CallerAsync(context) is not { } caller)
    {
        return Results.Unauthorized();
    }

    await using var write = await Write.BeginAsync(connectionString);
    var command = write.Command;
    if (await write.LiveMilestoneProjectAsync(id) is not { } projectId)
    {
        return Results.NotFound();
    }

    var now = Now();
    command.Parameters.AddWithValue("$p", projectId);
    command.Parameters.AddWithValue("$title", body.Title);
    command.Parameters.AddWithValue("$now", now);
    command.Parameters.AddWithValue("$actor", caller);
    command.CommandText = """
        INSERT INTO Tasks (ProjectId, MilestoneId, Title, Completed, Position, CreatedAt, UpdatedAt)
        VALUES ($p, $m, $title, 0, (SELECT COALESCE(MAX(Position), 0) + 1 FROM Tasks WHERE MilestoneId = $m AND DeletedAt IS NULL), $now, $now)
        RETURNING Id, ProjectId, MilestoneId, Title, Completed, CompletedAt, Position, CreatedAt, UpdatedAt;
        """;
    TaskRow task;
    await using (var reader = await command.ExecuteReaderAsync())
    {
        await reader.ReadAsync();
        task = ReadTask(reader);
    }

    command.Parameters.AddWithValue("$t", task.Id);
    command.CommandText = """
        UPDATE Milestones SET TasksTotal = TasksTotal + 1 WHERE Id = $m;
        UPDATE Projects SET TasksTotal = TasksTotal + 1 WHERE Id = $p;
        INSERT INTO Events (ProjectId, MilestoneId, TaskId, ActorId, Type, Data, OccurredAt) VALUES ($p, $m, $t, $actor, 'task.created', json_object('title', $title, 'completed', json('false')), $now);
        """;
    await command.ExecuteNonQueryAsync();
    await write.CommitAsync();
    return Results.Created($"/api/v1/tasks/{task.Id}", new One<TaskRow>(task));
});

// Completing or re-opening a task: the row, both completed counters when it changes, the activity entry.
app.MapPatch("/api/v1/tasks/{id:long}", async (long id, TaskPatch body, HttpContext context) =>
{
    if (await CallerAsync(context) is not { } caller)
    {
        return Results.Unauthorized();
    }

    await using var write = await Write.BeginAsync(connectionString);
    var command = write.Command;
    command.Parameters.AddWithValue("$t", id);
    command.Parameters.AddWithValue("$done", body.Completed);
    command.Parameters.AddWithValue("$now", Now());
    command.Parameters.AddWithValue("$actor", caller);
    command.CommandText = """
        UPDATE Tasks SET Completed = $done, CompletedAt = CASE WHEN $done THEN $now END, UpdatedAt = $now
        WHERE Id = $t AND DeletedAt IS NULL AND Completed <> $done
        RETURNING MilestoneId, ProjectId;
        """;
    long milestoneId = 0, projectId = 0;
    await using (var reader = await command.ExecuteReaderAsync())
    {
        if (await reader.ReadAsync())
        {
            (milestoneId, projectId) = (reader.GetInt64(0), reader.GetInt64(1));
        }
    }

    if (milestoneId != 0)
    {
        command.Parameters.AddWithValue("$m", milestoneId);
        command.Parameters.AddWithValue("$p", projectId);
        command.Parameters.AddWithValue("$delta", body.Completed ? 1 : -1);
        command.Parameters.AddWithValue("$type", body.Completed ? "task.completed" : "task.reopened");
        command.CommandText = """
            UPDATE Milestones SET TasksCompleted = TasksCompleted + $delta WHERE Id = $m;
            UPDATE Projects SET TasksCompleted = TasksCompleted + $delta WHERE Id = $p;
            INSERT INTO Events (ProjectId, MilestoneId, TaskId, ActorId, Type, Data, OccurredAt) VALUES ($p, $m, $t, $actor, $type, '{}', $now);
            """;
        await command.ExecuteNonQueryAsync();
    }

    command.CommandText = "SELECT Id, ProjectId, MilestoneId, Title, Completed, CompletedAt, Position, CreatedAt, UpdatedAt FROM Tasks WHERE Id = $t";
    TaskRow? task = null;
    await using (var reader = await command.ExecuteReaderAsync())
    {
        if (await reader.ReadAsync())
        {
            task = ReadTask(reader);
        }
    }

    await write.CommitAsync();
    return task is null ? Results.NotFound() : Results.Ok(new One<TaskRow>(task));
});

// A pledge: the row, the milestone's raised amount and distinct supporters, the activity entry.
app.MapPost("/api/v1/milestones/{id:long}/supports", async (long id, NewPledge body, HttpContext context) =>
{
    if (await CallerAsync(context) is not { } caller)
    {
        return Results.Unauthorized();
    }

    await using var write = await Write.BeginAsync(connectionString);
    var command = write.Command;
    if (await write.LiveMilestoneProjectAsync(id) is not { } projectId)
    {
        return Results.NotFound();
    }

    var now = Now();
    var cents = (long)(body.Amount * 100);
    command.Parameters.AddWithValue("$p", projectId);
    command.Parameters.AddWithValue("$u", caller);
    command.Parameters.AddWithValue("$cents", cents);
    command.Parameters.AddWithValue("$now", now);
    command.CommandText = """
        INSERT INTO Supports (MilestoneId, ProjectId, SupporterId, Amount, Message, Status, CreatedAt)
        VALUES ($m, $p, $u, $cents, '', 'Pledged', $now)
        RETURNING Id;
        """;
    var supportId = (long)(await command.ExecuteScalarAsync())!;
    command.Parameters.AddWithValue("$s", supportId);
    command.CommandText = """
        UPDATE Milestones SET RaisedAmount = RaisedAmount + $cents,
            SupportersCount = (SELECT COUNT(DISTINCT SupporterId) FROM Supports WHERE MilestoneId = $m AND Status = 'Pledged')
        WHERE Id = $m;
        INSERT INTO Events (ProjectId, MilestoneId, ActorId, Type, Data, OccurredAt) VALUES ($p, $m, $u, 'support.pledged', json_object('supportId', $s, 'amount', $cents / 100.0), $now);
        """;
    await command.ExecuteNonQueryAsync();
    await write.CommitAsync();
    return Results.Created($"/api/v1/supports/{supportId}", new One<PledgeRow>(new PledgeRow(supportId, projectId, id, caller, body.Amount, "", "pledged", DateTime.UtcNow, null)));
});

app.Run();

/// <summary>A write: one connection, one <c>BEGIN IMMEDIATE</c> transaction (writers queue, never deadlock), one command.</summary>
internal sealed class Write(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
{
    public SqliteCommand Command { get; } = new() { Connection = connection, Transaction = transaction };

    // As the API opens its connections (decision record 14): WAL (set on the file) with synchronous=NORMAL.
    public static async Task<SqliteConnection> OpenAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=NORMAL;";
        await pragma.ExecuteNonQueryAsync();
        return connection;
    }

    public static async Task<Write> BeginAsync(string connectionString)
    {
        var connection = await OpenAsync(connectionString);
        return new Write(connection, connection.BeginTransaction(deferred: false));
    }

    /// <summary>The project of live milestone <paramref name="id"/> (bound as <c>$m</c> for the statements after), or null.</summary>
    public async Task<long?> LiveMilestoneProjectAsync(long id)
    {
        Command.Parameters.AddWithValue("$m", id);
        Command.CommandText = "SELECT ProjectId FROM Milestones WHERE Id = $m AND DeletedAt IS NULL";
        return await Command.ExecuteScalarAsync() as long?;
    }

    public Task CommitAsync() => transaction.CommitAsync();

    public async ValueTask DisposeAsync()
    {
        await Command.DisposeAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}

internal sealed record MilestoneRow(
    long Id, long ProjectId, string Title, string Description, string Status, string Type, string Color, int Position,
    DateTime? DueDate, DateTime? ReachedAt, decimal? GoalAmount, decimal RaisedAmount, int SupportersCount, int TasksTotal, int TasksCompleted,
    long CreatedById, DateTime CreatedAt, DateTime UpdatedAt, DateTime? DeletedAt);

internal sealed record TaskRow(long Id, long ProjectId, long MilestoneId, string Title, bool Completed, DateTime? CompletedAt, int Position, DateTime CreatedAt, DateTime UpdatedAt);

internal sealed record PledgeRow(long Id, long ProjectId, long MilestoneId, long SupporterId, decimal Amount, string Message, string Status, DateTime CreatedAt, DateTime? ResolvedAt);

internal sealed record NewTask(string Title);

internal sealed record TaskPatch(bool Completed);

internal sealed record NewPledge(decimal Amount);

internal sealed record One<T>(T Data);

internal sealed record Page<T>(IReadOnlyList<T> Data, long Count);

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(One<MilestoneRow>))]
[JsonSerializable(typeof(Page<MilestoneRow>))]
[JsonSerializable(typeof(One<TaskRow>))]
[JsonSerializable(typeof(One<PledgeRow>))]
[JsonSerializable(typeof(NewTask))]
[JsonSerializable(typeof(TaskPatch))]
[JsonSerializable(typeof(NewPledge))]
internal sealed partial class FloorJson : JsonSerializerContext;
