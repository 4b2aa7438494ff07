using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Milestones.Infrastructure.Persistence;

namespace Milestones.Api.Tests.Support;

/// <summary>Every command, and every savepoint (EF Core creates those through the transaction, not as commands).</summary>
public sealed class StatementRecorder : DbCommandInterceptor, IDbTransactionInterceptor
{
    public ConcurrentQueue<string> Commands { get; } = new();

    /// <summary>The commands so far, less the key cache's own poll for revoked keys (it runs on a timer, not for a request).</summary>
    public string[] QueriesOfRequests() => [.. Commands.Where(c => !c.Contains("\"ApiKeys\"", StringComparison.Ordinal))];

    /// <summary>A service on the test database (SQLite or PostgreSQL) whose every context reports here.</summary>
    public ApiFactory Factory(Dictionary<string, string>? settings = null) => new(null, settings ?? [], services: s =>
    {
        s.ConfigureDbContext<SqliteDbContext>(o => o.AddInterceptors(this));
        s.ConfigureDbContext<PostgreSqlDbContext>(o => o.AddInterceptors(this));
    });

    public InterceptionResult CreatingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Commands.Enqueue("SAVEPOINT (created by the transaction)");
        return result;
    }

    public ValueTask<InterceptionResult> CreatingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Commands.Enqueue("SAVEPOINT (created by the transaction)");
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Commands.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }
}
