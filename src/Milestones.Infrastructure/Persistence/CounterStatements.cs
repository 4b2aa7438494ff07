using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Milestones.Application.Common.Counters;
using Milestones.Domain.Entities;

namespace Milestones.Infrastructure.Persistence;

/// <summary>
/// The SQL of <see cref="CounterChange"/>s: one <c>UPDATE … SET a = a + {d1}, b = b + {d2}, UpdatedAt = {now}
/// WHERE Id = {id}</c> per change, written once per context type from its model's table and column names and
/// its provider's quoting (so SQLite, PostgreSQL and SQL Server each get their variant of the one statement),
/// and joined into one command. Raw SQL, not <c>ExecuteUpdate</c>: EF Core's query pipeline was four fifths
/// of a counter update's time (docs/performance.md), and it cannot batch two updates in one command.
/// </summary>
public sealed class CounterStatements
{
    private const int ParametersPerChange = 4;

    private static readonly ConcurrentDictionary<Type, CounterStatements> ByContext = new();

    private readonly string[] _templates;

    private CounterStatements(DbContext context)
    {
        var quoting = context.GetService<ISqlGenerationHelper>();
        _templates = new string[Enum.GetValues<CounterPair>().Length];
        _templates[(int)CounterPair.MilestoneTasks] = Template<Milestone>(context.Model, quoting, nameof(Milestone.TasksTotal), nameof(Milestone.TasksCompleted));
        _templates[(int)CounterPair.ProjectTasks] = Template<Project>(context.Model, quoting, nameof(Project.TasksTotal), nameof(Project.TasksCompleted));
        _templates[(int)CounterPair.ProjectMilestones] = Template<Project>(context.Model, quoting, nameof(Project.MilestonesTotal), nameof(Project.MilestonesReached));
    }

    public static CounterStatements For(DbContext context) => ByContext.GetOrAdd(context.GetType(), _ => new CounterStatements(context));

    /// <summary>One command for every change that is not zero, with <c>{n}</c> placeholders for its arguments.</summary>
    public (string Sql, object[] Arguments) Batch(IReadOnlyList<CounterChange> changes, DateTime now)
    {
        var sql = new StringBuilder();
        var arguments = new List<object>(ParametersPerChange * changes.Count);
        foreach (var change in changes)
        {
            if (change.IsNone)
            {
                continue;
            }

            var first = arguments.Count;
            sql.AppendFormat(CultureInfo.InvariantCulture, _templates[(int)change.Pair], $"{{{first}}}", $"{{{first + 1}}}", $"{{{first + 2}}}", $"{{{first + 3}}}");
            arguments.AddRange([change.First, change.Second, now, change.Id]);
        }

        return (sql.ToString(), [.. arguments]);
    }

    /// <summary><c>UPDATE t SET a = a + {0}, b = b + {1}, UpdatedAt = {2} WHERE Id = {3};</c> with this provider's quoting.</summary>
    private static string Template<TEntity>(IModel model, ISqlGenerationHelper quoting, string first, string second)
    {
        var entity = model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) =>
            Literal(quoting.DelimitIdentifier(entity.FindProperty(property)?.GetColumnName(table) ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{property} is not mapped.")));

        string a = Column(first), b = Column(second);
        return $"UPDATE {Literal(quoting.DelimitIdentifier(table.Name, table.Schema))} SET {a} = {a} + {{0}}, {b} = {b} + {{1}}, "
            + $"{Column(nameof(Milestone.UpdatedAt))} = {{2}} WHERE {Column(nameof(Milestone.Id))} = {{3}};";
    }

    /// <summary>A name as it stands in a format string.</summary>
    private static string Literal(string name) => name.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
}
