using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Milestones.Application.Common.Counters;
using Milestones.Domain.Common;
using Milestones.Infrastructure.Persistence;

namespace Milestones.SqlServer.Tests;

/// <summary>SQL Server correctness that needs no server: these run everywhere, CI included.</summary>
public sealed class ModelGuardTests
{
    private static SqlServerDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<SqlServerDbContext>().UseSqlServer("Server=unused;Database=unused;Encrypt=false").Options);

    private static SqliteDbContext SqliteContext() =>
        new(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite("Data Source=:memory:").Options);

    private static PostgreSqlDbContext PostgreSqlContext() =>
        new(new DbContextOptionsBuilder<PostgreSqlDbContext>().UseNpgsql("Host=unused;Database=unused").Options);

    [Fact]
    public void Every_enum_column_on_every_provider_stores_the_enum_name_as_text()
    {
        using DbContext sqlServer = SqlServerContext(), sqlite = SqliteContext(), postgres = PostgreSqlContext();

        var enumColumns = new[] { sqlServer, sqlite, postgres }
            .SelectMany(c => c.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Select(p => (Context: c.GetType().Name, Property: p)))
            .Where(x => (Nullable.GetUnderlyingType(x.Property.ClrType) ?? x.Property.ClrType).IsEnum)
            .ToList();

        Assert.NotEmpty(enumColumns);
        Assert.All(enumColumns, x => Assert.True(
            x.Property.GetTypeMapping().Converter?.ProviderClrType == typeof(string) && x.Property.GetMaxLength() == 16,
            $"{x.Context}: {x.Property.DeclaringType.DisplayName()}.{x.Property.Name} is not stored as its name"));
    }

    [Fact]
    public void The_idempotent_sql_server_migration_script_parses_without_error()
    {
        using var context = SqlServerContext();
        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        Assert.Contains("CREATE TABLE [Milestones]", script, StringComparison.Ordinal);
        Assert.Contains("decimal(18,2)", script, StringComparison.Ordinal);
        Assert.Contains("WHERE [DeletedAt] IS NULL", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_search_index_bulk_insert_is_valid_t_sql_for_the_search_index_table()
    {
        var sql = string.Format(SqlServerDbContext.InsertSearchEntries, "@p0", "@p1", "@p2");

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        var insert = Assert.IsType<InsertStatement>(Assert.Single(Assert.IsType<TSqlScript>(fragment).Batches.Single().Statements));
        var table = Assert.IsType<NamedTableReference>(insert.InsertSpecification.Target);
        using var context = SqlServerContext();
        var entity = context.Model.FindEntityType(typeof(Milestones.Domain.Entities.MilestoneTrigram))!;
        Assert.Equal(entity.GetTableName(), table.SchemaObject.BaseIdentifier.Value);
        Assert.Equal(["ProjectId", "Gram", "MilestoneId"], insert.InsertSpecification.Columns.Select(c => c.MultiPartIdentifier.Identifiers.Last().Value));
        Assert.All(insert.InsertSpecification.Columns, c => Assert.NotNull(entity.FindProperty(c.MultiPartIdentifier.Identifiers.Last().Value)));
    }

    [Fact]
    public void The_activity_entry_insert_is_valid_t_sql_that_fills_mapped_columns_then_selects_the_new_id_and_whether_the_project_has_an_active_webhook()
    {
        // Arrange
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, SqlServerDbContext.InsertActivity, [.. Enumerable.Range(0, 7).Select(i => (object)$"@p{i}")]);

        // Act
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);

        // Assert
        Assert.True(errors.Count == 0, sql + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        var statements = Assert.IsType<TSqlScript>(fragment).Batches.Single().Statements;
        Assert.Equal(2, statements.Count);
        var insert = Assert.IsType<InsertStatement>(statements[0]);
        using var context = SqlServerContext();
        var entity = context.Model.FindEntityType(typeof(Milestones.Domain.Entities.ActivityEvent))!;
        Assert.Equal(entity.GetTableName(), Assert.IsType<NamedTableReference>(insert.InsertSpecification.Target).SchemaObject.BaseIdentifier.Value);
        var columns = insert.InsertSpecification.Columns.Select(c => c.MultiPartIdentifier.Identifiers.Last().Value).ToList();
        Assert.Equal(entity.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => p.GetColumnName()).Order(), columns.Order());
        Assert.Equal(7, Assert.IsType<ValuesInsertSource>(insert.InsertSpecification.InsertSource).RowValues.Single().ColumnValues.Count);

        // The id of the row just inserted in this scope, then the flag, read from the mapped webhook table and columns.
        var select = Assert.IsType<QuerySpecification>(Assert.IsType<SelectStatement>(statements[1]).QueryExpression);
        Assert.Equal(["Id", "Subscribed"], select.SelectElements.Select(e => Assert.IsType<SelectScalarExpression>(e).ColumnName.Value));
        Assert.Contains("SCOPE_IDENTITY()", sql, StringComparison.Ordinal);
        var webhook = context.Model.FindEntityType(typeof(Milestones.Domain.Entities.Webhook))!;
        Assert.Contains($"FROM [{webhook.GetTableName()}] WHERE [{webhook.FindProperty("ProjectId")!.GetColumnName()}] = @p0 AND [{webhook.FindProperty("Active")!.GetColumnName()}] = CAST(1 AS bit)", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void The_project_write_lock_is_valid_t_sql_that_locks_the_projects_table_for_update()
    {
        var sql = string.Format(SqlServerDbContext.LockProject, "@p0");

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        var select = Assert.IsType<SelectStatement>(Assert.Single(Assert.IsType<TSqlScript>(fragment).Batches.Single().Statements));
        var table = Assert.IsType<NamedTableReference>(Assert.Single(((QuerySpecification)select.QueryExpression).FromClause.TableReferences));
        using var context = SqlServerContext();
        Assert.Equal(context.Model.FindEntityType(typeof(Milestones.Domain.Entities.Project))!.GetTableName(), table.SchemaObject.BaseIdentifier.Value);
        Assert.Equal(
            [TableHintKind.UpdLock, TableHintKind.Rowlock, TableHintKind.HoldLock],
            table.TableHints.Select(h => h.HintKind));
    }

    [Fact]
    public void The_search_piece_count_query_translates_to_valid_t_sql()
    {
        using var context = SqlServerContext();
        var postings = context.MilestoneTrigrams.Where(t => t.ProjectId == 7);

        var sql = Milestones.Application.Common.Search.MilestoneSearchIndex.PieceCounts(postings, [1L, 2L, 3L], Milestones.Application.Common.Search.MilestoneSearchIndex.RareEnough).ToQueryString();

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, sql + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        Assert.Equal(3, sql.Split("UNION ALL").Length);
    }

    [Fact]
    public void The_counter_updates_are_one_valid_t_sql_batch_that_adds_to_mapped_columns_and_leaves_out_changes_of_zero()
    {
        // Arrange
        using var context = SqlServerContext();
        CounterChange[] changes =
        [
            CounterChange.MilestoneTasks(1, new TaskTally(1, 0)),
            CounterChange.ProjectTasks(2, new TaskTally(0, 0)),
            CounterChange.ProjectTasks(3, new TaskTally(-1, -1)),
            CounterChange.ProjectMilestones(4, 1, 1),
        ];

        // Act
        var (sql, arguments) = CounterStatements.For(context).Batch(changes, new DateTime(2026, 12, 3, 0, 0, 0, DateTimeKind.Utc));
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, [.. Enumerable.Range(0, arguments.Length).Select(i => (object)$"@p{i}")]);
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(text), out var errors);

        // Assert
        Assert.True(errors.Count == 0, text + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        var updates = Assert.IsType<TSqlScript>(fragment).Batches.Single().Statements.Select(Assert.IsType<UpdateStatement>).ToList();
        Assert.Equal(3, updates.Count);
        Assert.Equal(12, arguments.Length);
        Assert.Equal([1L, 3L, 4L], [arguments[3], arguments[7], arguments[11]]);
        var expected = new[] { (typeof(Milestones.Domain.Entities.Milestone), "TasksTotal", "TasksCompleted"), (typeof(Milestones.Domain.Entities.Project), "TasksTotal", "TasksCompleted"), (typeof(Milestones.Domain.Entities.Project), "MilestonesTotal", "MilestonesReached") };
        foreach (var (update, (type, first, second)) in updates.Zip(expected))
        {
            var entity = context.Model.FindEntityType(type)!;
            Assert.Equal(entity.GetTableName(), Assert.IsType<NamedTableReference>(update.UpdateSpecification.Target).SchemaObject.BaseIdentifier.Value);
            var columns = update.UpdateSpecification.SetClauses.Cast<AssignmentSetClause>().Select(c => c.Column.MultiPartIdentifier.Identifiers.Last().Value).ToList();
            Assert.Equal([first, second, "UpdatedAt"], columns);
            Assert.All(columns, c => Assert.NotNull(entity.FindProperty(c)));
            Assert.IsType<BinaryExpression>(update.UpdateSpecification.SetClauses.Cast<AssignmentSetClause>().First().NewValue);
        }
    }

    [Fact]
    public void The_funding_update_is_one_valid_t_sql_update_that_leaves_out_released_supports_from_one_json_parameter()
    {
        // Arrange
        using var context = SqlServerContext();

        // Act
        var (sql, arguments) = CounterStatements.For(context).Funding(7, -40m, [1, 2, 3], new DateTime(2026, 12, 3, 0, 0, 0, DateTimeKind.Utc));
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, [.. Enumerable.Range(0, arguments.Length).Select(i => (object)$"@p{i}")]);
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(text), out var errors);

        // Assert
        Assert.True(errors.Count == 0, text + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        var update = Assert.IsType<UpdateStatement>(Assert.Single(Assert.IsType<TSqlScript>(fragment).Batches.Single().Statements));
        Assert.Equal("Milestones", Assert.IsType<NamedTableReference>(update.UpdateSpecification.Target).SchemaObject.BaseIdentifier.Value);
        Assert.Equal(
            ["RaisedAmount", "SupportersCount", "UpdatedAt"],
            update.UpdateSpecification.SetClauses.Cast<AssignmentSetClause>().Select(c => c.Column.MultiPartIdentifier.Identifiers.Last().Value));
        Assert.Contains("OPENJSON(@p2)", text, StringComparison.Ordinal);
        Assert.Equal([-40m, 7L, "[1,2,3]", "Released"], arguments[..4]);
    }

    [Fact]
    public void The_funding_update_on_sqlite_moves_money_as_cents_and_reads_the_left_out_supports_with_json_each()
    {
        using var context = SqliteContext();

        var (sql, arguments) = CounterStatements.For(context).Funding(7, 40.25m, [], DateTime.UtcNow);

        Assert.Equal([4025L, 7L, "[]", "Released"], arguments[..4]);
        Assert.Contains("json_each({2})", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Counter_changes_that_are_all_zero_send_no_statement()
    {
        using var context = SqlServerContext();

        var (sql, arguments) = CounterStatements.For(context).Batch([CounterChange.MilestoneTasks(1, default), CounterChange.ProjectMilestones(2, 0, 0)], DateTime.UtcNow);

        Assert.Equal("", sql);
        Assert.Empty(arguments);
    }

    [Fact]
    public void The_sql_server_model_has_no_multiple_cascade_paths()
    {
        using var context = SqlServerContext();
        var cascades = context.Model.GetEntityTypes()
            .SelectMany(e => e.GetForeignKeys())
            .Where(fk => fk.DeleteBehavior == DeleteBehavior.Cascade)
            .ToList();

        foreach (var dependent in context.Model.GetEntityTypes())
        {
            foreach (var principal in context.Model.GetEntityTypes())
            {
                var paths = CountPaths(principal, dependent, cascades, []);
                Assert.True(paths <= 1, $"{paths} cascade paths from {principal.ClrType.Name} to {dependent.ClrType.Name}");
            }
        }
    }

    [Fact]
    public void Every_money_column_is_decimal_18_2_on_sql_server()
    {
        using var context = SqlServerContext();
        var money = context.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => p.ClrType == typeof(decimal) || p.ClrType == typeof(decimal?))
            .ToList();

        Assert.NotEmpty(money);
        Assert.All(money, p => Assert.Equal("decimal(18,2)", p.GetColumnType()));
    }

    [Fact]
    public void The_sql_server_snapshot_has_no_pending_model_changes()
    {
        using var context = SqlServerContext();

        Assert.False(context.Database.HasPendingModelChanges(), "Run `dotnet ef migrations add` for SqlServerDbContext.");
    }

    [Fact]
    public void The_sqlite_snapshot_has_no_pending_model_changes()
    {
        using var context = SqliteContext();

        Assert.False(context.Database.HasPendingModelChanges(), "Run `dotnet ef migrations add` for SqliteDbContext.");
    }

    [Fact]
    public void The_postgresql_snapshot_has_no_pending_model_changes()
    {
        using var context = PostgreSqlContext();

        Assert.False(context.Database.HasPendingModelChanges(), "Run `dotnet ef migrations add` for PostgreSqlDbContext.");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlServer = SqlServerContext();
        using var sqlite = SqliteContext();

        static IEnumerable<string> Names(DbContext c) => c.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    private static int CountPaths(IEntityType from, IEntityType to, List<IForeignKey> cascades, HashSet<IEntityType> seen)
    {
        if (from == to)
        {
            return 1;
        }

        if (!seen.Add(from))
        {
            return 0;
        }

        var total = cascades.Where(fk => fk.PrincipalEntityType == from)
            .Sum(fk => CountPaths(fk.DeclaringEntityType, to, cascades, [.. seen]));
        return total;
    }
}
