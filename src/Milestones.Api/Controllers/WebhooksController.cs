using Microsoft.AspNetCore.Mvc;
using Milestones.Api.Contracts;
using Milestones.Api.Infrastructure;
using Milestones.Application.Webhooks;
using Milestones.Application.Common.Models;
using Milestones.Application.Webhooks.Commands.CreateWebhook;
using Milestones.Application.Webhooks.Commands.DeleteWebhook;
using Milestones.Application.Webhooks.Commands.PingWebhook;
using Milestones.Application.Webhooks.Commands.RedeliverDelivery;
using Milestones.Application.Webhooks.Commands.UpdateWebhook;
using Milestones.Application.Webhooks.Queries.GetWebhook;
using Milestones.Application.Webhooks.Queries.ListDeliveries;
using Milestones.Application.Webhooks.Queries.ListWebhooks;
using Milestones.Domain.Enums;

namespace Milestones.Api.Controllers;

/// <summary>Webhooks: a project's events pushed to subscribers, signed, retried (project admins).</summary>
[Route("api/v1")]
public sealed class WebhooksController : ApiControllerBase
{
    /// <summary>Subscribes a URL to the project's events. The answer holds the signing secret, the only time it is shown.</summary>
    [HttpPost("projects/{projectId:long}/webhooks")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<DataEnvelope<CreatedWebhookDto>>> CreateWebhook(long projectId, CreateWebhookRequest body, CancellationToken ct)
    {
        var webhook = await Sender.Send(new CreateWebhookCommand(projectId, body.Url, body.Events, body.Secret, body.Active), ct);
        return CreatedAt<WebhooksController, CreatedWebhookDto>(nameof(GetWebhook), new { webhookId = webhook.Id }, webhook);
    }

    /// <summary>The project's webhooks (without their secrets).</summary>
    [HttpGet("projects/{projectId:long}/webhooks")]
    public async Task<ActionResult<ListEnvelope<WebhookDto>>> ListWebhooks(long projectId, [FromQuery] int? limit, [FromQuery] int? offset, [FromQuery] int? page, CancellationToken ct) =>
        Page(await Sender.Send(new ListWebhooksQuery(projectId, limit, offset, page), ct));

    [HttpGet("webhooks/{webhookId:long}")]
    public async Task<ActionResult<DataEnvelope<WebhookDto>>> GetWebhook(long webhookId, CancellationToken ct) =>
        Resource(await Sender.Send(new GetWebhookQuery(webhookId), ct));

    /// <summary>Changes the URL, the events, the secret (rotation), or pauses (active false) and resumes it.</summary>
    [HttpPatch("webhooks/{webhookId:long}")]
    public async Task<ActionResult<DataEnvelope<WebhookDto>>> UpdateWebhook(long webhookId, WebhookPatch body, CancellationToken ct) =>
        Resource(await Sender.Send(body.ToCommand(webhookId, IfMatch), ct));

    /// <summary>Unsubscribes; its deliveries are deleted with it.</summary>
    [HttpDelete("webhooks/{webhookId:long}")]
    public async Task<ActionResult<DataEnvelope<DeletedResult>>> DeleteWebhook(long webhookId, CancellationToken ct) =>
        Data(await Sender.Send(new DeleteWebhookCommand(webhookId, IfMatch), ct));

    /// <summary>Sends a ping delivery now: 202 with the delivery, whose outcome the deliveries list shows.</summary>
    [HttpPost("webhooks/{webhookId:long}/ping")]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    public async Task<ActionResult<DataEnvelope<WebhookDeliveryDto>>> PingWebhook(long webhookId, CancellationToken ct) =>
        Accepted(new DataEnvelope<WebhookDeliveryDto>(await Sender.Send(new PingWebhookCommand(webhookId), ct)));

    /// <summary>The webhook's deliveries, newest first, with their last attempt; kept 30 days.</summary>
    [HttpGet("webhooks/{webhookId:long}/deliveries")]
    public async Task<ActionResult<ListEnvelope<WebhookDeliveryDto>>> ListDeliveries(long webhookId, [FromQuery] DeliveryStatus? status, [FromQuery] int? limit, [FromQuery] int? offset, [FromQuery] int? page, CancellationToken ct) =>
        Page(await Sender.Send(new ListDeliveriesQuery(webhookId, status, limit, offset, page), ct));

    /// <summary>Sends a delivery again now, with the same delivery id: 202 with the delivery.</summary>
    [HttpPost("webhooks/{webhookId:long}/deliveries/{deliveryId:long}/redeliver")]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    public async Task<ActionResult<DataEnvelope<WebhookDeliveryDto>>> RedeliverDelivery(long webhookId, long deliveryId, CancellationToken ct) =>
        Accepted(new DataEnvelope<WebhookDeliveryDto>(await Sender.Send(new RedeliverDeliveryCommand(webhookId, deliveryId), ct)));
}
