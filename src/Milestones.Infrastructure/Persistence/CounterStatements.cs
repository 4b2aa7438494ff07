using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Milestones.Application.Common.Counters;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Infrastructure.Persistence;

/// <summary>
/// The SQL of the counters. <see cref="CounterChange"/>s: one <c>UPDATE … SET a = a + {d1}, b = b + {d2},
/// UpdatedAt = {now} WHERE Id = {id}</c> per change, joined into one command; funding: one <c>UPDATE</c> that adds
/// to the raised amount and recounts distinct supporters. Written once per context type from its model's
/// table and column names, value conversions and its provider's quoting (so SQLite, PostgreSQL and SQL Server
/// each get their variant of the one statement). Raw SQL, not <c>ExecuteUpdate</c>: EF Core's query pipeline
/// was four fifths of a counter update's time (docs/performance.md), and it cannot batch two updates in one
/// command.
/// </summary>
public sealed class CounterStatements
{
    private const int ParametersPerChange = 4;

    private static readonly ConcurrentDictionary<Type, CounterStatements> ByContext = new();

    private readonly string[] _templates;

    private readonly string _funding;

    private readonly IProperty _raisedAmount;

    private readonly object _released;

    private CounterStatements(ApplicationDbContext context)
    {
        var quoting = context.GetService<ISqlGenerationHelper>();
        _templates = new string[Enum.GetValues<CounterPair>().Length];
        _templates[(int)CounterPair.MilestoneTasks] = Template<Milestone>(context.Model, quoting, nameof(Milestone.TasksTotal), nameof(Milestone.TasksCompleted));
        _templates[(int)CounterPair.ProjectTasks] = Template<Project>(context.Model, quoting, nameof(Project.TasksTotal), nameof(Project.TasksCompleted));
        _templates[(int)CounterPair.ProjectMilestones] = Template<Project>(context.Model, quoting, nameof(Project.MilestonesTotal), nameof(Project.MilestonesReached));

        var milestones = Table<Milestone>(context.Model, quoting);
        var supports = Table<Support>(context.Model, quoting);
        _funding = $"UPDATE {milestones.Name} SET {milestones[nameof(Milestone.RaisedAmount)]} = {milestones[nameof(Milestone.RaisedAmount)]} + {{0}}, "
            + $"{milestones[nameof(Milestone.SupportersCount)]} = (SELECT COUNT(DISTINCT {supports.Qualified(nameof(Support.SupporterId))}) FROM {supports.Name} "
            + $"WHERE {supports.Qualified(nameof(Support.MilestoneId))} = {{1}} AND {supports.Qualified(nameof(Support.Status))} <> {{3}} "
            + $"AND {supports.Qualified(nameof(Support.Id))} NOT IN ({context.NumbersOfJsonArraySql})), "
            + $"{milestones[nameof(Milestone.UpdatedAt)]} = {{4}} WHERE {milestones[nameof(Milestone.Id)]} = {{1}}";
        _raisedAmount = context.Model.FindEntityType(typeof(Milestone))!.FindProperty(nameof(Milestone.RaisedAmount))!;
        _released = ProviderValue(context.Model.FindEntityType(typeof(Support))!.FindProperty(nameof(Support.Status))!, SupportStatus.Released);
    }

    public static CounterStatements For(ApplicationDbContext context) => ByContext.GetOrAdd(context.GetType(), _ => new CounterStatements(context));

    /// <summary>
    /// <c>raisedAmount += delta</c> and <c>supportersCount</c> = the distinct supporters of the milestone's
    /// supports that are not released, leaving out <paramref name="releasing"/> (released in this transaction,
    /// not saved yet), which goes as one JSON array: one parameter however many there are.
    /// </summary>
    public (string Sql, object[] Arguments) Funding(long milestoneId, decimal raisedDelta, IReadOnlyCollection<long> releasing, DateTime now) =>
        (_funding, [ProviderValue(_raisedAmount, raisedDelta), milestoneId, JsonSerializer.Serialize(releasing), _released, now]);

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
        var table = Table<TEntity>(model, quoting);
        string a = table[first], b = table[second];
        return $"UPDATE {table.Name} SET {a} = {a} + {{0}}, {b} = {b} + {{1}}, {table[nameof(Milestone.UpdatedAt)]} = {{2}} WHERE {table[nameof(Milestone.Id)]} = {{3}};";
    }

    /// <summary>A table's delimited name, and its columns' delimited names by property, as they stand in a format string.</summary>
    private sealed record TableNames(string Name, Func<string, string> Column)
    {
        public string this[string property] => Column(property);

        public string Qualified(string property) => $"{Name}.{Column(property)}";
    }

    private static TableNames Table<TEntity>(IModel model, ISqlGenerationHelper quoting)
    {
        var entity = model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return new TableNames(
            Literal(quoting.DelimitIdentifier(table.Name, table.Schema)),
            property => Literal(quoting.DelimitIdentifier(entity.FindProperty(property)?.GetColumnName(table) ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{property} is not mapped."))));
    }

    /// <summary>A value as the column stores it (money as cents on SQLite, an enum as its name).</summary>
    private static object ProviderValue(IProperty property, object value) =>
        property.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;

    /// <summary>A name as it stands in a format string.</summary>
    private static string Literal(string name) => name.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
}
