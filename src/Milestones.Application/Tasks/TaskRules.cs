using FluentValidation;
using Milestones.Application.Common.Exceptions;
using Milestones.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Milestones.Application.Common.Interfaces;

using ValidationException = Milestones.Application.Common.Exceptions.ValidationException;

namespace Milestones.Application.Tasks;

internal static class TaskRules
{
    /// <summary>The position after the milestone's last task; 422 when there is no room left.</summary>
    public static async Task<int> NextTaskPositionAsync(this IApplicationDbContext db, long milestoneId, CancellationToken ct) =>
        Positions.After(await db.Tasks.Where(t => t.MilestoneId == milestoneId).MaxAsync(t => (int?)t.Position, ct))
        ?? throw new ValidationException("position", $"The milestone's tasks already reach position {Positions.Max}; give an explicit position.");

    public static IRuleBuilderOptions<T, int?> TaskPosition<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, Positions.Max).WithMessage($"position must be between 1 and {Positions.Max}.");
}
