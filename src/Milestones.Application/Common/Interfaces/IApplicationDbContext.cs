using Milestones.Application.Common.Counters;

namespace Milestones.Application.Common.Interfaces;

/// <summary>The unit of work handlers use. No repository sits on top of it.</summary>
public interface IApplicationDbContext
{
    DbSet<User> Users { get; }

    DbSet<ApiKey> ApiKeys { get; }

    DbSet<Project> Projects { get; }

    DbSet<ProjectMember> ProjectMembers { get; }

    DbSet<Milestone> Milestones { get; }

    /// <summary>The search index (<see cref="Search.MilestoneSearchIndex"/>).</summary>
    DbSet<MilestoneTrigram> MilestoneTrigrams { get; }

    DbSet<TaskItem> Tasks { get; }

    DbSet<Support> Supports { get; }

    DbSet<ActivityEvent> Events { get; }

    DbSet<Webhook> Webhooks { get; }

    /// <summary>The webhook outbox: written with the events it delivers.</summary>
    DbSet<WebhookDelivery> WebhookDeliveries { get; }

    /// <summary>Saves, then dispatches the domain events raised by the saved entities (their handlers run in the same transaction).</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the search-index entries of one milestone with <paramref name="grams"/>: one statement
    /// clears them and one writes them all, however long the text (not tracked; in the open transaction).
    /// </summary>
    Task ReplaceSearchEntriesAsync(long projectId, long milestoneId, IReadOnlyCollection<long> grams, CancellationToken cancellationToken);

    /// <summary>
    /// Adds each change to its row's two counters and moves that row's <c>UpdatedAt</c> to <paramref name="now"/>,
    /// atomically in the database (<c>SET x = x + @delta</c>), all of them as one command in the open
    /// transaction; a change of zero is left out. Tracked entities are not refreshed.
    /// </summary>
    Task AddToCountersAsync(IReadOnlyList<CounterChange> changes, DateTime now, CancellationToken cancellationToken);

    /// <summary>
    /// <c>raisedAmount += <paramref name="raisedDelta"/></c> and <c>supportersCount</c> recounted as the distinct
    /// supporters of the milestone's supports that are not released, leaving out <paramref name="releasing"/>
    /// (supports released in this transaction whose new status is not saved yet); one atomic statement in the
    /// open transaction, however many supports it leaves out. Tracked entities are not refreshed.
    /// </summary>
    Task AdjustFundingAsync(long milestoneId, decimal raisedDelta, IReadOnlyCollection<long> releasing, DateTime now, CancellationToken cancellationToken);

    /// <summary>
    /// Writes an activity entry at once, as one <c>INSERT</c> that returns its id, in the open transaction; the
    /// entry is then tracked as saved (its <c>Id</c> set), so what refers to it (a webhook delivery) saves as usual.
    /// One statement instead of a second round of <c>SaveChanges</c> after the change it describes; the same
    /// statement answers whether the entry's project has an active webhook (true), so the outbox reads a
    /// project's subscribers only when there are some.
    /// </summary>
    Task<bool> RecordActivityAsync(ActivityEvent entry, CancellationToken cancellationToken);

    /// <summary>Begins a transaction, or joins the one already open (then disposing the returned scope does nothing).</summary>
    Task<ITransactionScope> BeginTransactionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes the open transaction the only writer of these projects until it ends, on every instance: a
    /// project's invariants (positions, unique titles, counters read before they are written, If-Match)
    /// are then checked and changed by one transaction at a time, while other projects' writes go on.
    /// Row locks taken in ascending id order (no deadlock between two such transactions); nothing to do
    /// where the provider already has one writer at a time (SQLite).
    /// </summary>
    Task LockProjectsAsync(IReadOnlyCollection<long> projectIds, CancellationToken cancellationToken);

    /// <summary>
    /// The database refused the transaction for a reason that says nothing about the request and passes when
    /// it runs again from the start: a deadlock victim or a serialization failure (not a lost connection, whose
    /// commit may or may not have happened).
    /// </summary>
    bool IsRetryableConflict(Exception exception);

    /// <summary>Forgets every tracked entity and the domain events they hold, so a command can run again from the start.</summary>
    void DiscardChanges();
}

public interface ITransactionScope : IAsyncDisposable
{
    /// <summary>True when this scope began the transaction (false when it joined one opened outside, which it cannot run again).</summary>
    bool Owned { get; }

    Task CommitAsync(CancellationToken cancellationToken);
}
