using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Milestones.Application.Common.Search;
using Milestones.Domain.Common;
using Milestones.Domain.Entities;

namespace Milestones.Infrastructure.Persistence;

/// <summary>
/// Runs once at startup: applies migrations (unless <c>Database:MigrateOnStartup=false</c>),
/// then makes sure someone can call the API — the bootstrap key from configuration, or, on a
/// database with no user at all, a first-run admin whose key is written once to the console
/// (<see cref="IFirstRunKeyConsole"/>), never to a logger.
/// </summary>
public sealed class DatabaseInitializer(
    ApplicationDbContext db,
    IConfiguration configuration,
    TimeProvider clock,
    IFirstRunKeyConsole console,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        await WaitUntilReachableAsync(ct);
        if (configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await db.Database.MigrateAsync(ct);
        }

        if (db.Database.IsSqlite())
        {
            // Readers never block the single writer.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        await BackfillSearchTextAsync(ct);
        await BackfillSearchIndexAsync(ct);

        var bootstrap = BootstrapOptions.From(configuration);
        if (bootstrap.ApiKey is not null)
        {
            await EnsureBootstrapAdminAsync(bootstrap, ct);
        }
        else if (!await db.Users.AnyAsync(ct))
        {
            await CreateFirstRunAdminAsync(ct);
        }
    }

    /// <summary>
    /// Milestones written before the search column existed have it empty (never the case otherwise: a
    /// title is never empty); the folding is the application's, so it is filled here, in batches.
    /// </summary>
    private async Task BackfillSearchTextAsync(CancellationToken ct)
    {
        while (true)
        {
            var batch = await db.Milestones.IgnoreQueryFilters().Where(m => m.SearchText == "")
                .OrderBy(m => m.Id).Select(m => new { m.Id, m.Title, m.Description }).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var m in batch)
            {
                var text = SearchText.ForMilestone(m.Title, m.Description);
                await db.Milestones.IgnoreQueryFilters().Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.SearchText, text), ct);
            }

            logger.LogInformation("Filled the search text of {Count} milestone(s)", batch.Count);
        }
    }

    /// <summary>
    /// Milestones written before the search index existed (or emptied by a migration that changed what
    /// it holds) have no entries in it. Every text has at least one (it is padded to three characters
    /// and more), so those without any are exactly the ones to index;
    /// they get them from the index's own writer (<see cref="MilestoneSearchIndex.ReplaceAsync"/>), in batches.
    /// </summary>
    private async Task BackfillSearchIndexAsync(CancellationToken ct)
    {
        while (true)
        {
            var batch = await db.Milestones.IgnoreQueryFilters().AsNoTracking()
                .Where(m => !db.MilestoneTrigrams.Any(t => t.MilestoneId == m.Id))
                .OrderBy(m => m.Id).Take(200).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }

            await using var transaction = await db.BeginTransactionAsync(ct);
            foreach (var milestone in batch)
            {
                await db.ReplaceAsync(milestone, ct);
            }

            await transaction.CommitAsync(ct);
            logger.LogInformation("Indexed the search text of {Count} milestone(s)", batch.Count);
        }
    }

    private async Task EnsureBootstrapAdminAsync(BootstrapOptions bootstrap, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var normalized = User.Normalize(bootstrap.Username);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUsername == normalized, ct);
        if (user is null)
        {
            user = User.Create(bootstrap.Username, "Administrator", isAdmin: true, now);
            db.Users.Add(user);
            await db.SaveChangesAsync(ct);
        }
        else if (!user.IsAdmin)
        {
            user.PromoteToAdmin();
        }

        var hash = ApiKey.Hash(bootstrap.ApiKey!);
        if (!await db.ApiKeys.AnyAsync(k => k.SecretHash == hash, ct))
        {
            db.ApiKeys.Add(ApiKey.FromSecret(user.Id, "bootstrap", Scopes.All, null, now, bootstrap.ApiKey!));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// SPEC 6: a database that is not reachable yet (the server is still starting, the network is not up) is
    /// retried with backoff (1, 2, 4 … 10 s) for <c>Database:StartupTimeout</c> (default 60 s), one log line per
    /// attempt; then startup fails with <see cref="DatabaseUnreachableException"/>, whose one line names the
    /// provider and the host, never the password.
    /// </summary>
    private async Task WaitUntilReachableAsync(CancellationToken ct)
    {
        var timeout = configuration.GetValue("Database:StartupTimeout", TimeSpan.FromSeconds(60));
        var started = TimeProvider.System.GetTimestamp();
        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            string reason;
            try
            {
                await db.Database.OpenConnectionAsync(ct); // SQLite creates its file here
                await db.Database.CloseConnectionAsync();
                return;
            }
            catch (Exception ex) when (DatabaseErrors.IsMissingDatabase(ex))
            {
                return; // the server answers; the migrations create the database
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                reason = ex.GetBaseException().Message;
            }

            var elapsed = TimeProvider.System.GetElapsedTime(started);
            if (elapsed + delay > timeout)
            {
                throw new DatabaseUnreachableException(
                    $"the {ProviderName} database at {Host} is not reachable after {attempt} attempts in {elapsed.TotalSeconds:0} s ({reason}); " +
                    "check ConnectionStrings:Milestones and that the server is up (Database:StartupTimeout sets how long to wait).");
            }

            logger.LogWarning("The {Provider} database at {Host} is not reachable yet (attempt {Attempt}: {Reason}); retrying in {Delay} s",
                ProviderName, Host, attempt, reason, delay.TotalSeconds);
            await Task.Delay(delay, ct);
            delay = TimeSpan.FromSeconds(Math.Min(10, delay.TotalSeconds * 2));
        }
    }

    private string ProviderName => db switch
    {
        PostgreSqlDbContext => "PostgreSql",
        SqlServerDbContext => "SqlServer",
        _ => "Sqlite",
    };

    /// <summary>Where the database is, as the driver names it (host and port, or the file): never the credentials.</summary>
    private string Host => db.Database.GetDbConnection().DataSource is { Length: > 0 } source ? source : "(unknown host)";

    private async Task CreateFirstRunAdminAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var user = User.Create("admin", "Administrator", isAdmin: true, now);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        db.ApiKeys.Add(ApiKey.Issue(user.Id, "first-run", Scopes.All, null, now, out var secret));
        await db.SaveChangesAsync(ct);

        console.Show(user.Username, secret);
        logger.LogWarning("First run: created global admin '{Username}'; its API key was written to the console, once", user.Username);
    }
}

public sealed record BootstrapOptions(string? ApiKey, string Username)
{
    public static BootstrapOptions From(IConfiguration configuration)
    {
        var key = configuration["Milestones:Bootstrap:ApiKey"];
        var username = configuration["Milestones:Bootstrap:Username"] ?? "admin";
        if (string.IsNullOrEmpty(key))
        {
            return new BootstrapOptions(null, username);
        }

        if (!key.StartsWith("sk_", StringComparison.Ordinal) || key.Length < 32)
        {
            throw new ConfigurationException(
                "Milestones:Bootstrap:ApiKey (env Milestones__Bootstrap__ApiKey) must start with 'sk_' and be at least 32 characters long.");
        }

        if (!User.IsValidUsername(username))
        {
            throw new ConfigurationException(
                "Milestones:Bootstrap:Username must be 3–39 characters of a-z, 0-9, '-' and '_'.");
        }

        return new BootstrapOptions(key, username);
    }
}

/// <summary>Startup gave up waiting for the database; the message is the one line to print.</summary>
public sealed class DatabaseUnreachableException(string message) : Exception(message);
