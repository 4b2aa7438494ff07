using Milestones.Application.Common.Models;

namespace Milestones.Application.Events.Queries.ListEvents;

/// <summary>
/// A project's activity log, newest first. <c>before</c> is a cursor: an event id; only older events follow.
/// A deleted milestone and everything under it stay out of the log for everyone but the project's admins
/// (SPEC 4): <c>milestoneId</c> of a deleted milestone, or of one in another project, is 404 to them.
/// </summary>
[RequiresScope(Scopes.Read, AllowAnonymous = true)]
public sealed record ListEventsQuery(long ProjectId, string? Type, long? MilestoneId, long? Before, int? Limit, int? Offset, int? Page)
    : IQuery<PagedList<EventDto>>, IPagedQuery, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken)
    {
        await access.ForProjectAsync(ProjectId, cancellationToken);
        if (MilestoneId is { } milestoneId && (await access.ForMilestoneAsync(milestoneId, cancellationToken)).ProjectId != ProjectId)
        {
            throw new NotFoundException("Milestone", milestoneId);
        }
    }
}

public sealed class ListEventsValidator : AbstractValidator<ListEventsQuery>
{
    public ListEventsValidator()
    {
        Include(new PagingValidator<ListEventsQuery>());
        RuleFor(x => x.Type)
            .Must(type => EventTypes.IsKnown(type!))
            .When(x => !string.IsNullOrEmpty(x.Type))
            .WithMessage($"type must be one of: {string.Join(", ", EventTypes.All)}.");
        RuleFor(x => x.Before).GreaterThan(0).WithMessage("before must be an event id (a positive integer).");
    }
}

public sealed class ListEventsHandler(IApplicationDbContext db, ProjectAccess access)
    : IQueryHandler<ListEventsQuery, PagedList<EventDto>>
{
    public async ValueTask<PagedList<EventDto>> Handle(ListEventsQuery query, CancellationToken cancellationToken)
    {
        var events = db.Events.Where(e => e.ProjectId == query.ProjectId);
        if (!(await access.ForProjectAsync(query.ProjectId, cancellationToken)).IsAdmin)
        {
            // Events of a deleted milestone, and of the tasks now under one, are the admins' only.
            var deleted = db.Milestones.IgnoreQueryFilters()
                .Where(m => m.ProjectId == query.ProjectId && m.DeletedAt != null)
                .Select(m => m.Id);
            events = events.Where(e => (e.MilestoneId == null || !deleted.Contains(e.MilestoneId.Value))
                && (e.TaskId == null || !db.Tasks.IgnoreQueryFilters().Any(t => t.Id == e.TaskId && deleted.Contains(t.MilestoneId))));
        }

        if (!string.IsNullOrEmpty(query.Type))
        {
            events = events.Where(e => e.Type == query.Type);
        }

        if (query.MilestoneId is { } milestoneId)
        {
            events = events.Where(e => e.MilestoneId == milestoneId);
        }

        if (query.Before is { } before)
        {
            events = events.Where(e => e.Id < before);
        }

        // Mapped in memory: the stored JSON text becomes a JSON object in the answer.
        var page = await events.AsNoTracking().OrderByDescending(e => e.Id).ToPagedListAsync(query, cancellationToken);
        return page.Map(rows => rows.Select(EventDto.From).ToList());
    }
}
