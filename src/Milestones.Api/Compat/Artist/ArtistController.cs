using Microsoft.AspNetCore.Mvc;
using Milestones.Application.Common.Exceptions;
using Milestones.Application.Milestones;
using Milestones.Application.Milestones.Commands.AddPersonalMilestone;
using Milestones.Application.Milestones.Commands.DeleteMilestone;
using Milestones.Application.Milestones.Commands.UpdateMilestone;
using Milestones.Application.Milestones.Queries.ListMilestones;
using Milestones.Application.Projects.Queries.ListProjectOwners;
using Milestones.Domain.Enums;

namespace Milestones.Api.Compat.Artist;

/// <summary>Seed 000 (artist): a user's milestones at <c>/compat/artist/v1/milestones</c>.</summary>
[ArtistDialect]
[ApiExplorerSettings(GroupName = "compat-artist")]
[Route("compat/artist/v1/milestones")]
public sealed class ArtistController : CompatControllerBase
{
    public const int MaxLimit = 50;

    /// <summary>Adds a milestone to the caller's personal project (created on the first add: public, named after the username).</summary>
    [HttpPost("add")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<ArtistAdded>> AddMilestone(NewArtistMilestone body, CancellationToken ct)
    {
        var milestone = await ShapeAsync(await Sender.Send(new AddPersonalMilestoneCommand(body.Goal, body.Description), ct), ct);
        // The seed has no read of one milestone: the Location is /api/v1's, which reads the same milestone.
        return Created(Url.Action(nameof(Controllers.MilestonesController.GetMilestone), "Milestones", new { milestoneId = milestone.Id }), new ArtistAdded(milestone));
    }

    /// <summary>Milestones of public projects owned by the users named (ids or usernames, comma-separated); no key needed.</summary>
    [HttpGet]
    public async Task<ActionResult<ArtistList>> ListMilestones([FromQuery] string? users, [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new ValidationFailedException("limit", $"limit must be between 1 and {MaxLimit}.");
        }

        var page = await Sender.Send(new ListMilestonesQuery
        {
            Users = users,
            PublicOnly = true,
            Filter = new MilestoneFilter { Type = MilestoneType.Categorised },
            Limit = limit ?? 20,
            Offset = offset,
        }, ct);
        var owners = await Sender.Send(new ListProjectOwnersQuery(page.Items.Select(m => m.ProjectId).Distinct().ToList()), ct);
        return Ok(new ArtistList(page.Items.Select(m => ArtistMilestone.From(m, owners)).ToList()));
    }

    /// <summary>Changes the goal or the description (the project's admins).</summary>
    [HttpPut("{mid:long}/update")]
    public async Task<ActionResult<ArtistUpdated>> UpdateMilestone(long mid, ArtistMilestoneUpdate body, CancellationToken ct)
    {
        var changes = body.ToChanges();
        await CategorisedAsync(mid, ct);
        var milestone = await Sender.Send(new UpdateMilestoneCommand(mid, changes) { AdminsOnly = true }, ct);
        return Ok(new ArtistUpdated(true, await ShapeAsync(milestone, ct)));
    }

    /// <summary>Deletes the milestone (the project's admins); its tasks move to the project's default milestone.</summary>
    [HttpDelete("{mid:long}")]
    public async Task<ActionResult<ArtistDeleted>> DeleteMilestone(long mid, CancellationToken ct)
    {
        await CategorisedAsync(mid, ct);
        await Sender.Send(new DeleteMilestoneCommand(mid), ct);
        return Ok(new ArtistDeleted(true));
    }

    // A live categorised milestone (the default milestone has no place in this seed).
    private Task CategorisedAsync(long id, CancellationToken ct) => LiveMilestoneAsync(id, id, categorisedOnly: true, ct);

    private async Task<ArtistMilestone> ShapeAsync(MilestoneDto milestone, CancellationToken ct) =>
        ArtistMilestone.From(milestone, await Sender.Send(new ListProjectOwnersQuery([milestone.ProjectId]), ct));
}
