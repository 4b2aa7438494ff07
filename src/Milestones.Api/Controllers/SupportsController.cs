using Microsoft.AspNetCore.Mvc;
using Milestones.Api.Contracts;
using Milestones.Api.Infrastructure;
using Milestones.Application.Supports.Commands.PledgeSupport;
using Milestones.Application.Supports.Commands.WithdrawSupport;
using Milestones.Application.Supports.Queries.GetSupport;
using Milestones.Application.Supports.Queries.ListSupports;

namespace Milestones.Api.Controllers;

[Route("api/v1")]
public sealed class SupportsController : ApiControllerBase
{
    [HttpPost("milestones/{milestoneId:long}/supports")]
    public async Task<IActionResult> PledgeSupport(long milestoneId, PledgeSupportRequest body, CancellationToken ct)
    {
        var support = await Sender.Send(new PledgeSupportCommand(milestoneId, body.Amount, body.Message), ct);
        return CreatedResource($"/api/v1/supports/{support.Id}", support);
    }

    [HttpGet("milestones/{milestoneId:long}/supports")]
    public async Task<IActionResult> ListSupports(long milestoneId, [FromQuery] string? status, [FromQuery] int? limit, [FromQuery] int? offset, [FromQuery] int? page, CancellationToken ct) =>
        Page(await Sender.Send(new ListSupportsQuery(milestoneId, status, limit, offset, page), ct));

    [HttpGet("supports/{supportId:long}")]
    public async Task<IActionResult> GetSupport(long supportId, CancellationToken ct) =>
        Resource(await Sender.Send(new GetSupportQuery(supportId), ct));

    [HttpDelete("supports/{supportId:long}")]
    public async Task<IActionResult> WithdrawSupport(long supportId, CancellationToken ct) =>
        Deleted(await Sender.Send(new WithdrawSupportCommand(supportId), ct));
}
