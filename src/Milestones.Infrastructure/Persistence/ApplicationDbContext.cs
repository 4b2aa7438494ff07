using System.Globalization;
using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Milestones.Application.Common.Counters;
using Milestones.Application.Common.Interfaces;
using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Infrastructure.Persistence;

/// <summary>
/// The EF Core unit of work. Provider-specific subclasses (<see cref="SqliteDbContext"/>,
/// <see cref="SqlServerDbContext"/>, <see cref="PostgreSqlDbContext"/>) exist so each provider keeps its
/// own migrations and its own variant of each provider-specific statement.
/// Contexts are pooled (<see cref="DbContextRegistration"/>): the request's publisher of domain events
/// is handed over at each lease, by <see cref="Lease"/>, and forgotten when the context goes back.
/// </summary>
public abstract class ApplicationDbContext : DbContext, IApplicationDbContext
{
    private const int MaxDispatchRounds = 8;

    protected ApplicationDbContext(DbContextOptions options)
        : base(options)
    {
        // No savepoint around each SaveChanges inside a transaction: EF Core's would let a failed save be
        // undone while the transaction goes on, but every failure here rolls the whole transaction back
        // (TransactionBehaviour, IdempotencyStore), so each save paid two statements (two round trips on a
        // server database) for nothing (docs/performance.md).
        Database.AutoSavepointsEnabled = false;
    }

    private IPublisher? _publisher;

    /// <summary>Binds a context just taken from the pool to the scope's publisher of domain events.</summary>
    public ApplicationDbContext Lease(IPublisher publisher)
    {
        _publisher = publisher;
        return this;
    }

    private IPublisher Publisher =>
        _publisher ?? throw new InvalidOperationException("This context has no publisher of domain events: take it from the container, whose registration leases it with the scope's publisher.");

    public override void Dispose()
    {
        _publisher = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _publisher = null;
        return base.DisposeAsync();
    }

    public DbSet<User> Users => Set<User>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectMember> ProjectMembers => Set<ProjectMember>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<MilestoneTrigram> MilestoneTrigrams => Set<MilestoneTrigram>();

    public DbSet<TaskItem> Tasks => Set<TaskItem>();

    public DbSet<Support> Supports => Set<Support>();

    public DbSet<ActivityEvent> Events => Set<ActivityEvent>();

    public DbSet<Webhook> Webhooks => Set<Webhook>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    /// <summary>
    /// Saves, then publishes the domain events of the saved entities; handlers may change more
    /// (counters, log entries), which are saved in the next round, all inside the caller's transaction.
    /// </summary>
    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        var written = 0;
        for (var round = 0; ; round++)
        {
            var (saved, events) = await SaveLookingForChangesOnceAsync(cancellationToken);
            written += saved;

            if (events.Count == 0)
            {
                return written;
            }

            if (round == MaxDispatchRounds)
            {
                throw new InvalidOperationException("Domain event handlers kept raising events; giving up to avoid an endless loop.");
            }

            foreach (var domainEvent in events)
            {
                await Publisher.Publish((object)domainEvent, cancellationToken);
            }
        }
    }

    /// <summary>
    /// One save, and the domain events of the entities it saved. EF Core would look for changes in every
    /// tracked entity three times here: in the auditing interceptor's walk, in <c>SaveChanges</c>, and in
    /// the walk that collects the events. Once, before the save, is enough: nothing changes in between,
    /// and the interceptor's own stamps go through the change tracker (docs/performance.md).
    /// </summary>
    private async Task<(int Saved, List<DomainEvent> Events)> SaveLookingForChangesOnceAsync(CancellationToken cancellationToken)
    {
        ChangeTracker.DetectChanges();
        var automatic = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // Nothing to write (the reactions wrote by statement): no save to go through.
            var saved = ChangeTracker.HasChanges() ? await base.SaveChangesAsync(cancellationToken) : 0;
            var events = ChangeTracker.Entries<BaseEntity>()
                .SelectMany(e =>
                {
                    var raised = e.Entity.DomainEvents.ToList();
                    e.Entity.ClearDomainEvents();
                    return raised;
                })
                .ToList();
            return (saved, events);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = automatic;
        }
    }

    public async Task ReplaceSearchEntriesAsync(long projectId, long milestoneId, IReadOnlyCollection<long> grams, CancellationToken cancellationToken)
    {
        await MilestoneTrigrams.Where(t => t.MilestoneId == milestoneId).ExecuteDeleteAsync(cancellationToken);
        if (grams.Count > 0)
        {
            await Database.ExecuteSqlRawAsync(InsertSearchEntriesSql, [projectId, milestoneId, JsonSerializer.Serialize(grams)], cancellationToken);
        }
    }

    /// <summary>
    /// This provider's one way to read a JSON array of numbers sent as one parameter (<c>{2}</c>): a
    /// <c>SELECT</c> of one column, <c>Number</c>. The search index's bulk insert and the funding update's
    /// supports left out both read their lists through it, however long the list.
    /// </summary>
    protected internal abstract string NumbersOfJsonArraySql { get; }

    /// <summary>
    /// One <c>INSERT … SELECT</c> of the rows (<c>{0}</c> the project, <c>{1}</c> the milestone) for each
    /// number of the JSON array <c>{2}</c>: EF Core would send one statement per tracked row.
    /// </summary>
    protected abstract string InsertSearchEntriesSql { get; }

    public Task AddToCountersAsync(IReadOnlyList<CounterChange> changes, DateTime now, CancellationToken cancellationToken)
    {
        var (sql, arguments) = CounterStatements.For(this).Batch(changes, now);
        return arguments.Length == 0 ? Task.CompletedTask : Database.ExecuteSqlRawAsync(sql, arguments, cancellationToken);
    }

    public Task AdjustFundingAsync(long milestoneId, decimal raisedDelta, IReadOnlyCollection<long> releasing, DateTime now, CancellationToken cancellationToken)
    {
        var (sql, arguments) = CounterStatements.For(this).Funding(milestoneId, raisedDelta, releasing, now);
        return Database.ExecuteSqlRawAsync(sql, arguments, cancellationToken);
    }

    public async Task<bool> RecordActivityAsync(ActivityEvent entry, CancellationToken cancellationToken)
    {
        var insert = this.GetService<IRawSqlCommandBuilder>().Build(
            InsertActivitySql,
            [entry.ProjectId, entry.MilestoneId, entry.TaskId, entry.ActorId, entry.Type, entry.Data, entry.OccurredAt]);
        long id;
        bool subscribed;
        await using (var reader = await insert.RelationalCommand.ExecuteReaderAsync(
            new RelationalCommandParameterObject(
                this.GetService<IRelationalConnection>(),
                insert.ParameterValues,
                null,
                this,
                this.GetService<IRelationalCommandDiagnosticsLogger>(),
                CommandSource.ExecuteSqlRaw),
            cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException("The activity entry's INSERT returned no row.");
            }

            id = Convert.ToInt64(reader.DbDataReader.GetValue(0), CultureInfo.InvariantCulture);
            subscribed = Convert.ToBoolean(reader.DbDataReader.GetValue(1), CultureInfo.InvariantCulture);
        }

        var saved = Entry(entry);
        saved.Property(e => e.Id).CurrentValue = id;
        saved.State = EntityState.Unchanged;
        return subscribed;
    }

    /// <summary>
    /// One statement that inserts an activity entry (<c>{0}</c>…<c>{6}</c>: project, milestone, task, actor,
    /// type, data, time) and answers one row: the new entry's <c>Id</c>, and whether project <c>{0}</c> has
    /// an active webhook (1 or 0), so a project without one is not asked for its subscribers:
    /// <c>RETURNING</c>, or an <c>INSERT</c> then a <c>SELECT</c> in one batch, by provider.
    /// </summary>
    protected abstract string InsertActivitySql { get; }

    public async Task<ITransactionScope> BeginTransactionAsync(CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is not null)
        {
            return JoinedTransaction.Instance;
        }

        var gate = await EnterWriteGateAsync(cancellationToken);
        try
        {
            return new OwnedTransaction(await Database.BeginTransactionAsync(cancellationToken), gate);
        }
        catch
        {
            gate?.Dispose();
            throw;
        }
    }

    public bool IsRetryableConflict(Exception exception) => DatabaseErrors.IsRetryableConflict(exception);

    public void DiscardChanges() => ChangeTracker.Clear();

    public async Task LockProjectsAsync(IReadOnlyCollection<long> projectIds, CancellationToken cancellationToken)
    {
        if (LockProjectSql is not { } sql)
        {
            return;
        }

        foreach (var projectId in projectIds.Distinct().Order())
        {
            await Database.ExecuteSqlRawAsync(sql, [projectId], cancellationToken);
        }
    }

    /// <summary>One statement that takes the write lock of project <c>{0}</c> until the transaction ends; null where writers are already one at a time.</summary>
    protected virtual string? LockProjectSql => null;

    /// <summary>
    /// A provider may make write transactions of this process wait their turn in memory before
    /// they begin; null when the database itself coordinates writers well (SQL Server).
    /// </summary>
    protected virtual Task<IDisposable?> EnterWriteGateAsync(CancellationToken cancellationToken) => Task.FromResult<IDisposable?>(null);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Ignore<DomainEvent>();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
    }

    /// <summary>The enums of <c>Milestones.Domain.Enums</c>: each column of one of them holds its name.</summary>
    public static readonly IReadOnlyList<Type> DomainEnums =
        [.. typeof(Visibility).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace == typeof(Visibility).Namespace)];

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeValueConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeValueConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);

        // Every enum of the domain is stored as its name (≤ 16 characters), so a new one needs no line here.
        foreach (var type in DomainEnums)
        {
            configurationBuilder.Properties(type).HaveConversion<string>().HaveMaxLength(16);
        }
    }

    private sealed class JoinedTransaction : ITransactionScope
    {
        public static readonly JoinedTransaction Instance = new();

        public bool Owned => false;

        public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class OwnedTransaction(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, IDisposable? gate) : ITransactionScope
    {
        public bool Owned => true;

        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                await transaction.DisposeAsync();
            }
            finally
            {
                gate?.Dispose();
            }
        }
    }
}

/// <summary>SQLite: money is stored as whole cents (INTEGER), so sums, comparisons and atomic increments are exact.</summary>
public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : ApplicationDbContext(options)
{
    /// <summary>
    /// SQLite has one writer at a time. Writers of this process queue here, in memory, instead of
    /// racing for the file lock, where a loser backs off and retries (a latency tail of hundreds of
    /// milliseconds under load; see build/bench.sh). Other processes still meet at the file lock.
    /// </summary>
    protected override async Task<IDisposable?> EnterWriteGateAsync(CancellationToken cancellationToken)
    {
        var gate = SqliteWriteGates.For(Database.GetConnectionString() ?? "");
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    /// <summary>The numbers of the JSON array <c>{2}</c>, by SQLite's <c>json_each</c>.</summary>
    public const string NumbersOfJsonArray = "SELECT \"value\" AS \"Number\" FROM json_each({2})";

    /// <summary>The rows of the search index from a JSON array.</summary>
    public const string InsertSearchEntries =
        "INSERT INTO \"MilestoneTrigrams\" (\"ProjectId\", \"Gram\", \"MilestoneId\") SELECT {0}, \"Number\", {1} FROM (" + NumbersOfJsonArray + ") AS \"n\"";

    protected override string InsertSearchEntriesSql => InsertSearchEntries;

    protected internal override string NumbersOfJsonArraySql => NumbersOfJsonArray;

    /// <summary>An activity entry, returning its id and whether its project has an active webhook (SQLite 3.35 or later).</summary>
    public const string InsertActivity =
        "INSERT INTO \"Events\" (\"ProjectId\", \"MilestoneId\", \"TaskId\", \"ActorId\", \"Type\", \"Data\", \"OccurredAt\") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}) " +
        "RETURNING \"Id\", EXISTS (SELECT 1 FROM \"Webhooks\" WHERE \"ProjectId\" = {0} AND \"Active\")";

    protected override string InsertActivitySql => InsertActivity;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<decimal>().HaveConversion<CentsConverter>();
        configurationBuilder.Properties<decimal?>().HaveConversion<CentsConverter>();
    }
}

/// <summary>SQL Server: money is decimal(18,2).</summary>
public sealed class SqlServerDbContext(DbContextOptions<SqlServerDbContext> options) : ApplicationDbContext(options)
{
    /// <summary>The numbers of the JSON array <c>{2}</c>, by SQL Server's <c>OPENJSON</c> (compatibility level 130 or later).</summary>
    public const string NumbersOfJsonArray = "SELECT CAST([value] AS bigint) AS [Number] FROM OPENJSON({2})";

    /// <summary>The rows of the search index from a JSON array.</summary>
    public const string InsertSearchEntries =
        "INSERT INTO [MilestoneTrigrams] ([ProjectId], [Gram], [MilestoneId]) SELECT {0}, [Number], {1} FROM (" + NumbersOfJsonArray + ") AS [n]";

    protected override string InsertSearchEntriesSql => InsertSearchEntries;

    protected internal override string NumbersOfJsonArraySql => NumbersOfJsonArray;

    /// <summary>
    /// An activity entry, then its id and whether its project has an active webhook (an <c>OUTPUT</c>
    /// clause cannot hold a subquery, so the <c>SELECT</c> that follows in the batch answers both).
    /// </summary>
    public const string InsertActivity =
        "INSERT INTO [Events] ([ProjectId], [MilestoneId], [TaskId], [ActorId], [Type], [Data], [OccurredAt]) VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}); " +
        "SELECT CAST(SCOPE_IDENTITY() AS bigint) AS [Id], CAST(CASE WHEN EXISTS (SELECT 1 FROM [Webhooks] WHERE [ProjectId] = {0} AND [Active] = CAST(1 AS bit)) THEN 1 ELSE 0 END AS bit) AS [Subscribed]";

    protected override string InsertActivitySql => InsertActivity;

    /// <summary>The project's row, locked for update until the transaction ends.</summary>
    public const string LockProject = "SELECT [Id] FROM [Projects] WITH (UPDLOCK, ROWLOCK, HOLDLOCK) WHERE [Id] = {0}";

    protected override string LockProjectSql => LockProject;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Milestone>().HasIndex(m => new { m.ProjectId, m.NormalizedTitle }).HasFilter("[DeletedAt] IS NULL");

        // Lengths are counted in characters (SPEC 7), and nvarchar(n) counts UTF-16 units: a character
        // outside the Basic Multilingual Plane (an emoji) takes two. Room for n such characters, then;
        // the validators hold the limit in characters.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(string) && property.GetMaxLength() is { } max && property.IsUnicode() != false && property.IsFixedLength() != true)
            {
                property.SetMaxLength(2 * max <= 4000 ? 2 * max : null);
            }
        }
    }
}

/// <summary>PostgreSQL: money is numeric(18,2), timestamps are <c>timestamp with time zone</c> (UTC).</summary>
public sealed class PostgreSqlDbContext(DbContextOptions<PostgreSqlDbContext> options) : ApplicationDbContext(options)
{
    /// <summary>The numbers of the JSON array <c>{2}</c>, by PostgreSQL's <c>json_array_elements_text</c>.</summary>
    public const string NumbersOfJsonArray = "SELECT CAST(g AS bigint) AS \"Number\" FROM json_array_elements_text(CAST({2} AS json)) AS g";

    /// <summary>The rows of the search index from a JSON array.</summary>
    public const string InsertSearchEntries =
        "INSERT INTO \"MilestoneTrigrams\" (\"ProjectId\", \"Gram\", \"MilestoneId\") SELECT {0}, \"Number\", {1} FROM (" + NumbersOfJsonArray + ") AS \"n\"";

    protected override string InsertSearchEntriesSql => InsertSearchEntries;

    protected internal override string NumbersOfJsonArraySql => NumbersOfJsonArray;

    /// <summary>An activity entry, returning its id and whether its project has an active webhook.</summary>
    public const string InsertActivity =
        "INSERT INTO \"Events\" (\"ProjectId\", \"MilestoneId\", \"TaskId\", \"ActorId\", \"Type\", \"Data\", \"OccurredAt\") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}) " +
        "RETURNING \"Id\", EXISTS (SELECT 1 FROM \"Webhooks\" WHERE \"ProjectId\" = {0} AND \"Active\")";

    protected override string InsertActivitySql => InsertActivity;

    /// <summary>The project's row, locked for update until the transaction ends.</summary>
    public const string LockProject = "SELECT \"Id\" FROM \"Projects\" WHERE \"Id\" = {0} FOR UPDATE";

    protected override string LockProjectSql => LockProject;
}
