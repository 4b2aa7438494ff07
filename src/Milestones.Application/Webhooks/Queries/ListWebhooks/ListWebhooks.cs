using Milestones.Application.Common.Models;

namespace Milestones.Application.Webhooks.Queries.ListWebhooks;

/// <summary>A project's webhooks, oldest first (project admins).</summary>
[RequiresScope(Scopes.Read)]
public sealed record ListWebhooksQuery(long ProjectId, int? Limit, int? Offset, int? Page) : IQuery<PagedList<WebhookDto>>, IPagedQuery, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForProjectAsync(ProjectId, cancellationToken)).RequireAdmin("manage webhooks");
}

public sealed class ListWebhooksValidator : AbstractValidator<ListWebhooksQuery>
{
    public ListWebhooksValidator()
    {
        Include(new PagingValidator<ListWebhooksQuery>());
    }
}

public sealed class ListWebhooksHandler(IApplicationDbContext db) : IQueryHandler<ListWebhooksQuery, PagedList<WebhookDto>>
{
    public async ValueTask<PagedList<WebhookDto>> Handle(ListWebhooksQuery query, CancellationToken cancellationToken)
    {
        // Mapped in memory: the event list is one column, split by the entity.
        var page = await db.Webhooks.AsNoTracking().Where(w => w.ProjectId == query.ProjectId).OrderBy(w => w.Id).ToPagedListAsync(query, cancellationToken);
        return page.Map(rows => rows.Select(WebhookDto.From).ToList());
    }
}
