using Microsoft.EntityFrameworkCore;
using Milestones.Application.Common.Interfaces;
using Milestones.Application.Common.Security;

namespace Milestones.Application.Tasks;

internal static class TaskAccess
{
    /// <summary>The caller's permission in the project of a live task (404 when the task or its project is not visible).</summary>
    public static async Task<ProjectPermission> ForTaskAsync(this ProjectAccess access, IApplicationDbContext db, long taskId, CancellationToken ct)
    {
        var projectId = await db.Tasks.Where(t => t.Id == taskId).Select(t => (long?)t.ProjectId).FirstOrDefaultAsync(ct);
        return await access.ForProjectOfAsync(projectId, "Task", taskId, ct);
    }

    public static async Task<int> NextTaskPositionAsync(this IApplicationDbContext db, long milestoneId, CancellationToken ct) =>
        1 + (await db.Tasks.Where(t => t.MilestoneId == milestoneId).MaxAsync(t => (int?)t.Position, ct) ?? 0);
}
