using Microsoft.AspNetCore.Mvc;
using Milestones.Api.Contracts;
using Milestones.Api.Infrastructure;
using Milestones.Domain.Enums;
using Milestones.Application.Supports;
using Milestones.Application.Supports.Commands.PledgeSupport;
using Milestones.Application.Supports.Commands.WithdrawSupport;
using Milestones.Application.Supports.Queries.GetSupport;
using Milestones.Application.Supports.Queries.ListSupports;

namespace Milestones.Api.Controllers;

[Route("api/v1")]
public sealed class SupportsController : ApiControllerBase
{
    /// <summary>Pledges toward a pending or in-progress milestone (anyone who can read the project, with milestones:write).</summary>
    [HttpPost("milestones/{milestoneId:long}/supports")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<DataEnvelope<SupportDto>>> PledgeSupport(long milestoneId, PledgeSupportRequest body, CancellationToken ct)
    {
        var support = await Sender.Send(new PledgeSupportCommand(milestoneId, body.Amount, body.Message), ct);
        return CreatedAt<SupportsController, SupportDto>(nameof(GetSupport), new { supportId = support.Id }, support);
    }

    [HttpGet("milestones/{milestoneId:long}/supports")]
    public async Task<ActionResult<ListEnvelope<SupportDto>>> ListSupports(long milestoneId, [FromQuery] SupportStatus? status, [FromQuery] int? limit, [FromQuery] int? offset, [FromQuery] int? page, CancellationToken ct) =>
        Page(await Sender.Send(new ListSupportsQuery(milestoneId, status, limit, offset, page), ct));

    [HttpGet("supports/{supportId:long}")]
    public async Task<ActionResult<DataEnvelope<SupportDto>>> GetSupport(long supportId, CancellationToken ct) =>
        Resource(await Sender.Send(new GetSupportQuery(supportId), ct));

    /// <summary>The supporter withdraws a pledged support, which releases it.</summary>
    [HttpDelete("supports/{supportId:long}")]
    public async Task<ActionResult<DataEnvelope<WithdrawnSupportResult>>> WithdrawSupport(long supportId, CancellationToken ct) =>
        Data(await Sender.Send(new WithdrawSupportCommand(supportId), ct));
}
