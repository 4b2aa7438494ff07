using System.Linq.Expressions;

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
/// A request about something inside a project. The pipeline authorizes it before validation, so the
/// checks run in SPEC 4's order: visibility (404), role (403), then validation (422), If-Match (412).
/// </summary>
public interface IProjectRequest
{
    ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken);
}

/// <summary>
/// Resolves the caller's permission in a project. A private project is reported as not found to
/// anyone who is not a member, so its existence never leaks; a deleted milestone, and the tasks and
/// supports under it, are not found to anyone but the project's admins. Answers are remembered for
/// the request, so the pipeline's check and the handler's own lookup cost one query.
/// </summary>
public sealed class ProjectAccess(IApplicationDbContext db, IUser user)
{
    private readonly Dictionary<(string Kind, long Id), ProjectPermission> _known = [];

    public Task<ProjectPermission> ForProjectAsync(long projectId, CancellationToken ct) =>
        RememberAsync("Project", projectId, async () =>
            Inside(await ProjectLocation(Compiled.Context(db), projectId, user.Id, ct), "Project", projectId));

    /// <summary>A live project's visibility and the caller's role there, compiled once (every list of a project starts here).</summary>
    private static readonly Func<DbContext, long, long?, CancellationToken, Task<Located?>> ProjectLocation =
        EF.CompileAsyncQuery((DbContext db, long projectId, long? userId, CancellationToken ct) =>
            db.Set<Project>()
                .Where(p => p.Id == projectId)
                .Select(p => new Located(
                    p.Id,
                    false,
                    (Visibility?)p.Visibility,
                    p.Members.Where(m => m.UserId == userId).Select(m => (ProjectRole?)m.Role).FirstOrDefault()))
                .FirstOrDefault());

    /// <summary>The permission in the project of a milestone; a deleted one only for the project's admins (to see and restore it).</summary>
    public Task<ProjectPermission> ForMilestoneAsync(long milestoneId, CancellationToken ct) =>
        RememberAsync("Milestone", milestoneId, async () =>
            Inside(await MilestoneLocation(Compiled.Context(db), milestoneId, user.Id, ct), "Milestone", milestoneId));

    /// <summary>The milestone of a live project (deleted or not: <see cref="Inside"/> judges that).</summary>
    private static readonly Expression<Func<DbContext, long, IQueryable<Milestone>>> MilestoneOfLiveProject = (db, milestoneId) =>
        db.Set<Milestone>().IgnoreQueryFilters().Where(m => m.Id == milestoneId && m.Project!.DeletedAt == null);

    /// <summary>What decides the caller's (<c>userId</c>) access to a milestone.</summary>
    private static readonly Expression<Func<Milestone, long?, Located>> MilestoneFacts = (m, userId) => new Located(
        m.ProjectId,
        m.DeletedAt != null,
        (Visibility?)m.Project!.Visibility,
        m.Project.Members.Where(x => x.UserId == userId).Select(x => (ProjectRole?)x.Role).FirstOrDefault());

    /// <summary>
    /// The query <c>milestone <paramref name="milestoneId"/> of a live project, as <paramref name="shape"/> makes it
    /// from the row and the caller's access facts</c>: the one statement of the milestone access rule, for the
    /// check below and for a read that fetches a milestone with its access in one round trip (judged then by
    /// <see cref="ForMilestone"/>). The arguments are parameters of the compiled query being built.
    /// </summary>
    public static MethodCallExpression MilestoneWithFacts<T>(Expression db, Expression milestoneId, Expression userId, Expression<Func<Milestone, Located, T>> shape)
    {
        var milestone = Expression.Parameter(typeof(Milestone), "m");
        var row = Expression.Lambda<Func<Milestone, T>>(shape.Inline(milestone, MilestoneFacts.Inline(milestone, userId)), milestone);
        return Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Milestone), typeof(T)], MilestoneOfLiveProject.Inline(db, milestoneId), Expression.Quote(row));
    }

    /// <summary>The hottest check (every read and write of a milestone), compiled once (docs/performance.md).</summary>
    private static readonly Func<DbContext, long, long?, CancellationToken, Task<Located?>> MilestoneLocation =
        EF.CompileAsyncQuery(LocateMilestone());

    private static Expression<Func<DbContext, long, long?, CancellationToken, Located?>> LocateMilestone()
    {
        var (db, milestoneId, userId) = (Expression.Parameter(typeof(DbContext), "db"), Expression.Parameter(typeof(long), "milestoneId"), Expression.Parameter(typeof(long?), "userId"));
        var located = MilestoneWithFacts(db, milestoneId, userId, (Milestone _, Located facts) => facts);
        return Expression.Lambda<Func<DbContext, long, long?, CancellationToken, Located?>>(
            Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(Located)], located),
            db, milestoneId, userId, Expression.Parameter(typeof(CancellationToken), "ct"));
    }

    /// <summary>
    /// The permission in the project of a milestone from the facts a read fetched with it
    /// (<see cref="MilestoneWithFacts"/>; null: no such milestone), judged and remembered as
    /// <see cref="ForMilestoneAsync"/> judges and remembers them.
    /// </summary>
    public ProjectPermission ForMilestone(long milestoneId, Located? found)
    {
        var permission = Inside(found, "Milestone", milestoneId);
        _known[("Milestone", milestoneId)] = permission;
        return permission;
    }

    /// <summary>The permission in the project of a live task; one under a deleted milestone only for admins.</summary>
    public Task<ProjectPermission> ForTaskAsync(long taskId, CancellationToken ct) =>
        RememberAsync("Task", taskId, async () =>
            Inside(await TaskLocation(Compiled.Context(db), taskId, user.Id, ct), "Task", taskId));

    /// <summary>Every change of a task starts here, compiled once like the milestone's (docs/performance.md).</summary>
    private static readonly Func<DbContext, long, long?, CancellationToken, Task<Located?>> TaskLocation =
        EF.CompileAsyncQuery((DbContext db, long taskId, long? userId, CancellationToken ct) =>
            db.Set<TaskItem>().IgnoreQueryFilters()
                .Where(t => t.Id == taskId && t.DeletedAt == null)
                .Select(t => new Located(
                    t.ProjectId,
                    db.Set<Milestone>().IgnoreQueryFilters().Any(m => m.Id == t.MilestoneId && m.DeletedAt != null),
                    db.Set<Project>().Where(p => p.Id == t.ProjectId).Select(p => (Visibility?)p.Visibility).FirstOrDefault(),
                    db.Set<ProjectMember>().Where(x => x.ProjectId == t.ProjectId && x.UserId == userId).Select(x => (ProjectRole?)x.Role).FirstOrDefault()))
                .FirstOrDefault());

    /// <summary>The permission in the project of a support; one on a deleted milestone only for admins.</summary>
    public Task<ProjectPermission> ForSupportAsync(long supportId, CancellationToken ct) =>
        RememberAsync("Support", supportId, async () =>
        {
            var userId = user.Id;
            var found = await db.Supports.IgnoreQueryFilters()
                .Where(s => s.Id == supportId)
                .Select(s => new Located(
                    s.ProjectId,
                    db.Milestones.IgnoreQueryFilters().Any(m => m.Id == s.MilestoneId && m.DeletedAt != null),
                    db.Projects.Where(p => p.Id == s.ProjectId).Select(p => (Visibility?)p.Visibility).FirstOrDefault(),
                    db.ProjectMembers.Where(x => x.ProjectId == s.ProjectId && x.UserId == userId).Select(x => (ProjectRole?)x.Role).FirstOrDefault()))
                .FirstOrDefaultAsync(ct);
            return Inside(found, "Support", supportId);
        });

    /// <summary>The permission in the project of a webhook (of a live project).</summary>
    public Task<ProjectPermission> ForWebhookAsync(long webhookId, CancellationToken ct) =>
        RememberAsync("Webhook", webhookId, async () =>
        {
            var userId = user.Id;
            var found = await db.Webhooks
                .Where(w => w.Id == webhookId)
                .Select(w => new Located(
                    w.ProjectId,
                    false,
                    db.Projects.Where(p => p.Id == w.ProjectId).Select(p => (Visibility?)p.Visibility).FirstOrDefault(),
                    db.ProjectMembers.Where(x => x.ProjectId == w.ProjectId && x.UserId == userId).Select(x => (ProjectRole?)x.Role).FirstOrDefault()))
                .FirstOrDefaultAsync(ct);
            return Inside(found, "Webhook", webhookId);
        });

    /// <summary>The projects this request was authorized in (a command locks them for its transaction).</summary>
    public IReadOnlyCollection<long> AuthorizedProjectIds => [.. _known.Keys.Where(k => k.Kind == "Project").Select(k => k.Id)];

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

    /// <summary>A resource found with its project's visibility and the caller's role there, in one round trip.</summary>
    public sealed record Located(long ProjectId, bool Deleted, Visibility? Visibility, ProjectRole? Role);

    /// <summary>
    /// The permission in the project that owns a resource (<paramref name="found"/> null: no such
    /// live resource). Whatever is not visible is reported as the resource itself not being found, so
    /// a child never reveals its private parent, nor a non-admin a deleted milestone. The project's
    /// answer is remembered too, for the handler's own checks.
    /// </summary>
    private ProjectPermission Inside(Located? found, string resource, long key)
    {
        // No visibility: the project is deleted (its query filter hid it).
        if (found?.Visibility is not { } visibility || (visibility == Visibility.Private && found.Role is null))
        {
            throw new NotFoundException(resource, key);
        }

        var permission = new ProjectPermission(found.ProjectId, visibility, found.Role);
        _known.TryAdd(("Project", found.ProjectId), permission);
        return found.Deleted && !permission.IsAdmin ? throw new NotFoundException(resource, key) : permission;
    }

    private async Task<ProjectPermission> RememberAsync(string kind, long id, Func<Task<ProjectPermission>> resolve)
    {
        if (!_known.TryGetValue((kind, id), out var permission))
        {
            permission = await resolve();
            _known[(kind, id)] = permission;
        }

        return permission;
    }
}
