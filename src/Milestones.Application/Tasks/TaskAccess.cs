using FluentValidation;
using Milestones.Application.Common.Exceptions;
using Milestones.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Milestones.Application.Common.Interfaces;
using Milestones.Application.Common.Security;

using ValidationException = Milestones.Application.Common.Exceptions.ValidationException;

namespace Milestones.Application.Tasks;

internal static class TaskAccess
{
    /// <summary>The caller's permission in the project of a live task (404 when the task or its project is not visible).</summary>
    public static async Task<ProjectPermission> ForTaskAsync(this ProjectAccess access, IApplicationDbContext db, long taskId, CancellationToken ct)
    {
        var projectId = await db.Tasks.Where(t => t.Id == taskId).Select(t => (long?)t.ProjectId).FirstOrDefaultAsync(ct);
        return await access.ForProjectOfAsync(projectId, "Task", taskId, ct);
    }

    /// <summary>The position after the milestone's last task; 422 when there is no room left.</summary>
    public static async Task<int> NextTaskPositionAsync(this IApplicationDbContext db, long milestoneId, CancellationToken ct) =>
        Positions.After(await db.Tasks.Where(t => t.MilestoneId == milestoneId).MaxAsync(t => (int?)t.Position, ct))
        ?? throw new ValidationException("position", $"The milestone's tasks already reach position {Positions.Max}; give an explicit position.");

    public static IRuleBuilderOptions<T, int?> TaskPosition<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, Positions.Max).WithMessage($"position must be between 1 and {Positions.Max}.");
}
