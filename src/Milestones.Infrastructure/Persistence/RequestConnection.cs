using Microsoft.EntityFrameworkCore;

namespace Milestones.Infrastructure.Persistence;

/// <summary>
/// Holds the request's database connection open from the first to the last query. Without it EF Core
/// opens and closes (and, on SQLite, re-initializes) a pooled connection around every query, which
/// docs/performance.md measured as the largest cost of a read after the key lookup. On SQLite the connection
/// stays open beyond the request as well (decision record 21); there this hold costs nothing.
/// </summary>
public sealed class RequestConnection(ApplicationDbContext db)
{
    public async Task<IAsyncDisposable> HoldAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return new Release(db);
    }

    private sealed class Release(ApplicationDbContext db) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(db.Database.CloseConnectionAsync());
    }
}
