namespace Milestones.Application.Projects.Commands.RecountProject;

[RequiresScope(Scopes.Write)]
public sealed record RecountProjectCommand(long ProjectId) : ICommand<RecountResult>, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForProjectAsync(ProjectId, cancellationToken)).RequireAdmin("recount a project");
}

public sealed record CounterFix(string Entity, long Id, string Field, decimal Was, decimal Now);

public sealed record RecountResult(long ProjectId, IReadOnlyList<CounterFix> Fixed);

/// <summary>
/// Recomputes every counter of a project and its milestones from the rows themselves, fixes what
/// drifted and reports each fix. Runs in the command's transaction, so it sees one consistent state.
/// </summary>
public sealed class RecountProjectHandler(IApplicationDbContext db)
    : ICommandHandler<RecountProjectCommand, RecountResult>
{
    public async ValueTask<RecountResult> Handle(RecountProjectCommand command, CancellationToken cancellationToken)
    {
        var fixes = new List<CounterFix>();
        var milestones = await db.Milestones.IgnoreQueryFilters()
            .Where(m => m.ProjectId == command.ProjectId)
            .Select(m => new
            {
                m.Id,
                m.TasksTotal,
                m.TasksCompleted,
                m.SupportersCount,
                m.RaisedAmount,
                // IgnoreQueryFilters reaches these subqueries too, so "live" is spelled out.
                ActualTotal = db.Tasks.Count(t => t.MilestoneId == m.Id && t.DeletedAt == null),
                ActualCompleted = db.Tasks.Count(t => t.MilestoneId == m.Id && t.DeletedAt == null && t.Completed),
                ActualSupporters = db.Supports.Where(s => s.MilestoneId == m.Id && s.Status != SupportStatus.Released)
                    .Select(s => s.SupporterId).Distinct().Count(),
            })
            .ToListAsync(cancellationToken);

        // Money is summed in memory: SQLite keeps decimals as cents, which SQL SUM cannot see through.
        var raisedByMilestone = (await db.Supports
                .Where(s => s.ProjectId == command.ProjectId && s.Status != SupportStatus.Released)
                .Select(s => new { s.MilestoneId, s.Amount })
                .ToListAsync(cancellationToken))
            .GroupBy(s => s.MilestoneId)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Amount));

        foreach (var m in milestones)
        {
            var raised = raisedByMilestone.GetValueOrDefault(m.Id);
            Check(fixes, "milestone", m.Id, "tasksTotal", m.TasksTotal, m.ActualTotal);
            Check(fixes, "milestone", m.Id, "tasksCompleted", m.TasksCompleted, m.ActualCompleted);
            Check(fixes, "milestone", m.Id, "supportersCount", m.SupportersCount, m.ActualSupporters);
            Check(fixes, "milestone", m.Id, "raisedAmount", m.RaisedAmount, raised);
            if (m.TasksTotal != m.ActualTotal || m.TasksCompleted != m.ActualCompleted || m.SupportersCount != m.ActualSupporters || m.RaisedAmount != raised)
            {
                await db.Milestones.IgnoreQueryFilters().Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.TasksTotal, m.ActualTotal)
                    .SetProperty(x => x.TasksCompleted, m.ActualCompleted)
                    .SetProperty(x => x.SupportersCount, m.ActualSupporters)
                    .SetProperty(x => x.RaisedAmount, raised), cancellationToken);
            }
        }

        var project = await db.Projects
            .Where(p => p.Id == command.ProjectId)
            .Select(p => new
            {
                p.MilestonesTotal,
                p.MilestonesReached,
                p.TasksTotal,
                p.TasksCompleted,
                ActualMilestones = db.Milestones.Count(m => m.ProjectId == p.Id && m.Type == MilestoneType.Categorised),
                ActualReached = db.Milestones.Count(m => m.ProjectId == p.Id && m.Type == MilestoneType.Categorised && m.Status == MilestoneStatus.Reached),
                ActualTasks = db.Tasks.Count(t => t.ProjectId == p.Id && t.Milestone!.DeletedAt == null),
                ActualCompleted = db.Tasks.Count(t => t.ProjectId == p.Id && t.Milestone!.DeletedAt == null && t.Completed),
            })
            .FirstAsync(cancellationToken);

        Check(fixes, "project", command.ProjectId, "milestonesTotal", project.MilestonesTotal, project.ActualMilestones);
        Check(fixes, "project", command.ProjectId, "milestonesReached", project.MilestonesReached, project.ActualReached);
        Check(fixes, "project", command.ProjectId, "tasksTotal", project.TasksTotal, project.ActualTasks);
        Check(fixes, "project", command.ProjectId, "tasksCompleted", project.TasksCompleted, project.ActualCompleted);
        if (fixes.Any(f => f.Entity == "project"))
        {
            await db.Projects.Where(p => p.Id == command.ProjectId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.MilestonesTotal, project.ActualMilestones)
                .SetProperty(p => p.MilestonesReached, project.ActualReached)
                .SetProperty(p => p.TasksTotal, project.ActualTasks)
                .SetProperty(p => p.TasksCompleted, project.ActualCompleted), cancellationToken);
        }

        return new RecountResult(command.ProjectId, fixes);
    }

    private static void Check(List<CounterFix> fixes, string entity, long id, string field, decimal was, decimal now)
    {
        if (was != now)
        {
            fixes.Add(new CounterFix(entity, id, field, was, now));
        }
    }
}
