using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Milestones.Infrastructure.Persistence.Interceptors;

/// <summary>
/// A span per SQLite or PostgreSQL command (SQL Server's come from the SqlClient instrumentation): named after the
/// statement's verb, with <c>db.system</c> and the statement text (parameters only as placeholders).
/// </summary>
public sealed class DatabaseTracingInterceptor : DbCommandInterceptor
{
    public const string SourceName = "Milestones.Database";
    private static readonly ActivitySource Source = new(SourceName);
    private readonly ConcurrentDictionary<Guid, Activity> _open = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) => Stop(eventData, result);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Stop(eventData, result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Stop(eventData, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Stop(eventData, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => Stop(eventData, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Stop(eventData, result));

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Fail(eventData);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Fail(eventData);
        return Task.CompletedTask;
    }

    private void Start(DbCommand command, CommandEventData eventData)
    {
        if (!Source.HasListeners())
        {
            return;
        }

        var text = command.CommandText.TrimStart();
        var end = text.IndexOfAny([' ', '\n', '\r', '\t']);
        var verb = (end > 0 ? text[..end] : text).ToUpperInvariant();
        var activity = Source.StartActivity(verb.Length == 0 ? "SQL" : verb, ActivityKind.Client);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("db.system", command.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal) ? "postgresql" : "sqlite");
        activity.SetTag("db.statement", command.CommandText);
        _open[eventData.CommandId] = activity;
    }

    private T Stop<T>(CommandEventData eventData, T result)
    {
        if (_open.TryRemove(eventData.CommandId, out var activity))
        {
            activity.Dispose();
        }

        return result;
    }

    private void Fail(CommandErrorEventData eventData)
    {
        if (_open.TryRemove(eventData.CommandId, out var activity))
        {
            activity.SetStatus(ActivityStatusCode.Error, eventData.Exception.GetType().Name);
            activity.Dispose();
        }
    }
}
