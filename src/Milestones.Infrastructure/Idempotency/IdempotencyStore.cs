using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Milestones.Application.Common.Interfaces;
using Milestones.Infrastructure.Persistence;

namespace Milestones.Infrastructure.Idempotency;

/// <summary>What a request carrying an <c>Idempotency-Key</c> is to do.</summary>
public abstract record IdempotencyClaim
{
    private IdempotencyClaim()
    {
    }

    /// <summary>The key is new: run the request inside <see cref="Session"/>'s transaction, then complete it.</summary>
    public sealed record Started(IdempotencySession Session) : IdempotencyClaim;

    /// <summary>The same request already succeeded: answer with its stored response.</summary>
    public sealed record Replay(StoredResponse Response) : IdempotencyClaim;

    /// <summary>The key was used for a different request (another body): 422.</summary>
    public sealed record Mismatch : IdempotencyClaim;

    /// <summary>The first request with this key is still running and did not finish in time: 409, retry.</summary>
    public sealed record InProgress : IdempotencyClaim;
}

/// <summary>
/// Idempotency keys in the database, so every instance sees them. A new key is inserted at the start
/// of the request's own transaction, which the command then joins; the response is stored and
/// everything commits together. A repeat that races the first meets the unique index (or, on SQLite,
/// the write gate) and waits for it, then replays what it stored.
/// </summary>
public sealed class IdempotencyStore(ApplicationDbContext db, TimeProvider clock, IOptions<IdempotencyOptions> options)
{
    private const int Attempts = 3;

    private DbSet<IdempotencyRecord> Records => db.Set<IdempotencyRecord>();

    public async Task<IdempotencyClaim> ClaimAsync(long userId, string key, string route, string fingerprint, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (await FindAsync(userId, key, route, now, cancellationToken) is { } done)
            {
                return Decide(done, fingerprint);
            }

            var transaction = await db.BeginTransactionAsync(cancellationToken);
            try
            {
                // Inside the transaction (and on SQLite behind the write gate) a racing first request
                // has either committed, and is found here, or not begun.
                await Records.Where(r => r.UserId == userId && r.Key == key && r.Route == route && r.ExpiresAt <= now)
                    .ExecuteDeleteAsync(cancellationToken);
                if (await FindAsync(userId, key, route, now, cancellationToken) is { } committed)
                {
                    await transaction.DisposeAsync();
                    return Decide(committed, fingerprint);
                }

                var record = IdempotencyRecord.Start(userId, key, route, fingerprint, now, options.Value.Retention);
                Records.Add(record);
                await db.SaveChangesAsync(cancellationToken);
                return new IdempotencyClaim.Started(new IdempotencySession(db, record, transaction));
            }
            catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
            {
                // SQL Server: the insert waited on the first request's key and it committed; read it next round.
                await transaction.DisposeAsync();
                db.ChangeTracker.Clear();
            }
            catch (Exception ex) when (DatabaseErrors.IsLockTimeout(ex))
            {
                await transaction.DisposeAsync();
                db.ChangeTracker.Clear();
                return new IdempotencyClaim.InProgress();
            }
            catch
            {
                await transaction.DisposeAsync();
                throw;
            }
        }

        return new IdempotencyClaim.InProgress();
    }

    /// <summary>Removes the expired keys; returns how many.</summary>
    public async Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var removed = await Records.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    private Task<IdempotencyRecord?> FindAsync(long userId, string key, string route, DateTime now, CancellationToken cancellationToken) =>
        Records.AsNoTracking().FirstOrDefaultAsync(
            r => r.UserId == userId && r.Key == key && r.Route == route && r.ExpiresAt > now, cancellationToken);

    private static IdempotencyClaim Decide(IdempotencyRecord record, string fingerprint) =>
        record.Fingerprint != fingerprint ? new IdempotencyClaim.Mismatch()
        : record.IsComplete ? new IdempotencyClaim.Replay(record.ToResponse())
        : new IdempotencyClaim.InProgress();
}

/// <summary>The transaction of a request with a new key: its command joins it, and completing it stores the response and commits.</summary>
public sealed class IdempotencySession(ApplicationDbContext db, IdempotencyRecord record, ITransactionScope transaction) : IAsyncDisposable
{
    public async Task CompleteAsync(StoredResponse response, CancellationToken cancellationToken)
    {
        record.Complete(response);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Without <see cref="CompleteAsync"/>, rolls back: the key and every change of the request are gone.</summary>
    public ValueTask DisposeAsync() => transaction.DisposeAsync();
}
