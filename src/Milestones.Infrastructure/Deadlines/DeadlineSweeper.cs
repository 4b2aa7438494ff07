using Milestones.Application.Common.Telemetry;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milestones.Infrastructure.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Milestones.Application.Milestones.Commands.MissDeadline;
using Milestones.Application.Milestones.Queries.ListDueMilestones;

namespace Milestones.Infrastructure.Deadlines;

/// <summary><c>Milestones:Deadlines</c>.</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Milestones:Deadlines";

    public bool Enabled { get; set; } = true;

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    public int BatchSize { get; set; } = 100;
}

/// <summary>
/// Every <see cref="DeadlineOptions.SweepInterval"/> (first sweep one interval after start), fails
/// live pending / in-progress milestones whose due date has passed. Works in bounded batches;
/// each milestone fails in its own transaction by a conditional update, so several instances on
/// one database write exactly one <c>milestone.deadline_missed</c> per milestone.
/// </summary>
public sealed class DeadlineSweeper(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<DeadlineOptions> options,
    ILogger<DeadlineSweeper> logger) : PeriodicBackgroundService(clock, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override string JobName => "Deadline sweep";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var handled = await SweepOnceAsync(cancellationToken);
        Telemetry.DeadlineSweeps.Add(1);
        Telemetry.DeadlineMilestones.Add(handled);
        if (handled > 0)
        {
            logger.LogInformation("Deadline sweep handled {Count} overdue milestone(s)", handled);
        }
    }

    /// <summary>One sweep over every due milestone, batch by batch. Returns how many this instance touched (failed, or flagged under <c>flag</c>).</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var batchSize = options.Value.BatchSize; // 1..10000, validated at startup
        var failed = 0;
        long after = 0;
        while (true)
        {
            IReadOnlyList<long> ids;
            await using (var scope = scopes.CreateAsyncScope())
            {
                ids = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ListDueMilestonesQuery(after, batchSize), cancellationToken);
            }

            foreach (var id in ids)
            {
                failed += await FailOneAsync(id, cancellationToken) == DeadlineOutcome.NotDue ? 0 : 1;
            }

            if (ids.Count < batchSize)
            {
                return failed;
            }

            after = ids[^1];
        }
    }

    private async Task<DeadlineOutcome> FailOneAsync(long milestoneId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new MissDeadlineCommand(milestoneId), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance (or a person) changed its status between our read and our write.
            return DeadlineOutcome.NotDue;
        }
    }
}
