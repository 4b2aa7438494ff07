using Microsoft.EntityFrameworkCore;
using Milestones.Application.Common.Exceptions;
using Milestones.Application.Common.Interfaces;
using Milestones.Domain.Enums;

namespace Milestones.Application.Common.Security;

/// <summary>What the caller may do in one project.</summary>
public sealed record ProjectPermission(long ProjectId, Visibility Visibility, ProjectRole? Role)
{
    public bool IsAdmin => Role == ProjectRole.Admin;

    public bool CanEdit => Role is ProjectRole.Admin or ProjectRole.Achiever;

    public void RequireAdmin(string action)
    {
        if (!IsAdmin)
        {
            throw new ForbiddenAccessException($"Only admins can {action}.");
        }
    }

    public void RequireEditor(string action)
    {
        if (!CanEdit)
        {
            throw new ForbiddenAccessException($"Only admins and achievers can {action}.");
        }
    }
}

/// <summary>
/// Resolves the caller's permission in a project. A private project is reported as not found to
/// anyone who is not a member, so its existence never leaks.
/// </summary>
public sealed class ProjectAccess(IApplicationDbContext db, IUser user)
{
    public async Task<ProjectPermission> ForProjectAsync(long projectId, CancellationToken ct)
    {
        var userId = user.Id;
        var found = await db.Projects
            .Where(p => p.Id == projectId)
            .Select(p => new
            {
                p.Visibility,
                Role = p.Members.Where(m => m.UserId == userId).Select(m => (ProjectRole?)m.Role).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);

        if (found is null || (found.Visibility == Visibility.Private && found.Role is null))
        {
            throw new NotFoundException("Project", projectId);
        }

        return new ProjectPermission(projectId, found.Visibility, found.Role);
    }

    /// <summary>The permission in the project of a milestone (deleted ones included, for admins to restore).</summary>
    public async Task<ProjectPermission> ForMilestoneAsync(long milestoneId, CancellationToken ct)
    {
        var projectId = await db.Milestones.IgnoreQueryFilters()
            .Where(m => m.Id == milestoneId && m.Project!.DeletedAt == null)
            .Select(m => (long?)m.ProjectId)
            .FirstOrDefaultAsync(ct);

        return await ForProjectOfAsync(projectId, "Milestone", milestoneId, ct);
    }

    /// <summary>
    /// The permission in the project that owns a resource (<paramref name="projectId"/> null: no
    /// such resource). Whatever is not visible is reported as the resource itself not being found,
    /// so a child never reveals its private parent.
    /// </summary>
    public async Task<ProjectPermission> ForProjectOfAsync(long? projectId, string resource, object key, CancellationToken ct)
    {
        if (projectId is null)
        {
            throw new NotFoundException(resource, key);
        }

        try
        {
            return await ForProjectAsync(projectId.Value, ct);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException(resource, key);
        }
    }

    /// <summary>Project ids the caller may read: the ones they belong to, and every public one.</summary>
    public IQueryable<long> ReadableProjectIds()
    {
        var userId = user.Id;
        return db.Projects
            .Where(p => p.Visibility == Visibility.Public || p.Members.Any(m => m.UserId == userId))
            .Select(p => p.Id);
    }

    /// <summary>Project ids where the caller is an admin.</summary>
    public IQueryable<long> AdministeredProjectIds()
    {
        var userId = user.Id;
        return db.ProjectMembers
            .Where(m => m.UserId == userId && m.Role == ProjectRole.Admin)
            .Select(m => m.ProjectId);
    }
}
