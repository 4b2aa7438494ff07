using Milestones.Application.Common.Models;

namespace Milestones.Application.Webhooks.Queries.ListDeliveries;

/// <summary>A webhook's deliveries, newest first; <c>status</c> filters. Kept 30 days.</summary>
[RequiresScope(Scopes.Read)]
public sealed record ListDeliveriesQuery(long WebhookId, DeliveryStatus? Status, int? Limit, int? Offset, int? Page)
    : IQuery<PagedList<WebhookDeliveryDto>>, IPagedQuery, IProjectRequest
{
    public async ValueTask AuthorizeAsync(ProjectAccess access, CancellationToken cancellationToken) =>
        (await access.ForWebhookAsync(WebhookId, cancellationToken)).RequireAdmin("manage webhooks");
}

public sealed class ListDeliveriesValidator : AbstractValidator<ListDeliveriesQuery>
{
    public ListDeliveriesValidator()
    {
        Include(new PagingValidator<ListDeliveriesQuery>());
    }
}

public sealed class ListDeliveriesHandler(IApplicationDbContext db) : IQueryHandler<ListDeliveriesQuery, PagedList<WebhookDeliveryDto>>
{
    public async ValueTask<PagedList<WebhookDeliveryDto>> Handle(ListDeliveriesQuery query, CancellationToken cancellationToken)
    {
        var deliveries = db.WebhookDeliveries.Where(d => d.WebhookId == query.WebhookId);
        if (query.Status is { } status)
        {
            deliveries = deliveries.Where(d => d.Status == status);
        }

        return await deliveries.OrderByDescending(d => d.Id)
            .Select(WebhookDeliveryDto.Projection)
            .ToPagedListAsync(query, cancellationToken);
    }
}
