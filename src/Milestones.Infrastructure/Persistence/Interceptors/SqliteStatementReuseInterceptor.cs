using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Milestones.Infrastructure.Persistence.Interceptors;

/// <summary>
/// SQLite statements compiled once per connection and reused: EF Core builds a new command for every
/// execution, and Microsoft.Data.Sqlite compiles a new command's SQL again (a fifth of a GET's CPU,
/// docs/performance.md). This swaps each command EF Core has just built for the connection's own command
/// of the same text, whose statements stay compiled, handing it EF Core's parameters and transaction.
/// Connections stay open across requests (<see cref="Sqlite.KeptOpenSqliteConnection"/>), so the statements
/// outlive a request. A connection keeps at most <see cref="MaxStatementsPerConnection"/> texts; a command
/// whose text is already running on the connection (a nested query) gets EF Core's own command.
/// </summary>
public sealed class SqliteStatementReuseInterceptor : DbCommandInterceptor
{
    public const int MaxStatementsPerConnection = 128;

    private readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, ReusedCommand>> _commands = [];

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (result is not SqliteCommand { Connection: { State: ConnectionState.Open } connection } built)
        {
            return result;
        }

        var commands = _commands.GetOrCreateValue(connection);
        if (!commands.TryGetValue(built.CommandText, out var reused) || reused.Retired)
        {
            if (commands.Count >= MaxStatementsPerConnection)
            {
                Forget(commands);
            }

            reused = new ReusedCommand(built.CommandText, connection);
            commands[built.CommandText] = reused;
        }
        else if (reused.InUse)
        {
            return result;
        }

        reused.Take(built);
        return reused;
    }

    /// <summary>Drops a full connection's commands that are not running; they compile again when next used.</summary>
    private static void Forget(Dictionary<string, ReusedCommand> commands)
    {
        foreach (var (text, command) in commands)
        {
            if (!command.InUse)
            {
                commands.Remove(text);
                command.Dispose(); // not lent, so this releases its statements
            }
        }
    }

    /// <summary>
    /// A command EF Core disposes after each use: that disposal gives it back, still compiled, to its
    /// connection; a disposal while it is not lent (its connection closing) releases its statements.
    /// </summary>
    private sealed class ReusedCommand : SqliteCommand
    {
        public ReusedCommand(string text, SqliteConnection connection)
            : base(text, connection)
        {
        }

        public bool InUse { get; private set; }

        public bool Retired { get; private set; }

        public void Take(SqliteCommand built)
        {
            InUse = true;
            Transaction = built.Transaction;
            CommandTimeout = built.CommandTimeout;
            var parameters = new SqliteParameter[built.Parameters.Count];
            built.Parameters.CopyTo(parameters, 0);
            built.Parameters.Clear();
            built.Dispose();
            Parameters.AddRange(parameters);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && InUse && !Retired)
            {
                InUse = false;
                Parameters.Clear();
                Transaction = null;
                return;
            }

            Retired = true;
            base.Dispose(disposing);
        }
    }
}
