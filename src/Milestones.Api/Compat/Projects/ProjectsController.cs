using Microsoft.AspNetCore.Mvc;
using Milestones.Application.Common.Exceptions;
using Milestones.Application.Milestones;
using Milestones.Application.Milestones.Commands.CreateMilestone;
using Milestones.Application.Milestones.Commands.DeleteMilestone;
using Milestones.Application.Milestones.Commands.UpdateMilestone;
using Milestones.Application.Milestones.Queries.ListMilestones;
using Milestones.Domain.Enums;

namespace Milestones.Api.Compat.Projects;

/// <summary>Seed 002 (projects): milestones at <c>/compat/projects/api/milestones</c>.</summary>
[ProjectsDialect]
[ApiExplorerSettings(GroupName = "compat-projects")]
[Route("compat/projects/api/milestones")]
public sealed class ProjectsDialectController : CompatControllerBase
{
    /// <summary>The milestones of every project the caller may read (anonymous: public ones), every match up to 1,000; `limit` and `offset` page them (an extension).</summary>
    [HttpGet]
    public async Task<ActionResult<ProjectsList>> ListMilestones([FromQuery] string? projectId, [FromQuery] MilestoneStatus? status, [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct)
    {
        var query = new ListMilestonesQuery
        {
            ProjectId = projectId is null ? null : IdOrNotFound(projectId, "Project", ProjectsMilestone.ProjectPrefix),
            Filter = new MilestoneFilter { Type = MilestoneType.Categorised, Status = status is { } s ? [s] : null },
        };
        if (limit is not null || offset is not null)
        {
            var page = await Sender.Send(query with { Limit = limit, Offset = offset }, ct);
            return Ok(new ProjectsList(page.Items.Select(ProjectsMilestone.From).ToList(), page.Count));
        }

        var all = await AllAsync(query, ct);
        return Ok(new ProjectsList(all.Select(ProjectsMilestone.From).ToList(), all.Count));
    }

    [HttpGet("{id}")]
    public async Task<ActionResult<ProjectsEnvelope<ProjectsMilestone>>> GetMilestone(string id, CancellationToken ct) =>
        Ok(new ProjectsEnvelope<ProjectsMilestone>(ProjectsMilestone.From(await CategorisedAsync(id, ct))));

    /// <summary>Creates a milestone (admins and achievers of the project); 201 with `reachedAt` set when it is created reached.</summary>
    [HttpPost]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<ProjectsEnvelope<ProjectsMilestone>>> CreateMilestone(NewProjectsMilestone body, CancellationToken ct)
    {
        if (body.ProjectId is null)
        {
            throw new ValidationFailedException("projectId", "projectId is required.");
        }

        var milestone = ProjectsMilestone.From(await Sender.Send(new CreateMilestoneCommand(IdOrNotFound(body.ProjectId, "Project", ProjectsMilestone.ProjectPrefix), body.ToDraft()), ct));
        return CreatedAtAction(nameof(GetMilestone), new { id = milestone.Id }, new ProjectsEnvelope<ProjectsMilestone>(milestone));
    }

    /// <summary>Partial update (admins and achievers); entering `reached` sets `reachedAt` once.</summary>
    [HttpPatch("{id}")]
    public async Task<ActionResult<ProjectsEnvelope<ProjectsMilestone>>> UpdateMilestone(string id, ProjectsMilestonePatch body, CancellationToken ct)
    {
        var changes = body.ToChanges();
        var milestone = await CategorisedAsync(id, ct);
        return Ok(new ProjectsEnvelope<ProjectsMilestone>(ProjectsMilestone.From(await Sender.Send(new UpdateMilestoneCommand(milestone.Id, changes), ct))));
    }

    /// <summary>Soft-deletes the milestone (admins); its tasks move to the project's default milestone.</summary>
    [HttpDelete("{id}")]
    public async Task<ActionResult<ProjectsEnvelope<ProjectsDeleted>>> DeleteMilestone(string id, CancellationToken ct)
    {
        var milestone = await CategorisedAsync(id, ct);
        var deleted = await Sender.Send(new DeleteMilestoneCommand(milestone.Id), ct);
        return Ok(new ProjectsEnvelope<ProjectsDeleted>(new ProjectsDeleted(ProjectsMilestone.MilestoneId(deleted.Id), true)));
    }

    // A live categorised milestone (the default milestone has no place in this seed).
    private Task<MilestoneDto> CategorisedAsync(string id, CancellationToken ct) =>
        LiveMilestoneAsync(IdOrNotFound(id, "Milestone", ProjectsMilestone.MilestonePrefix), id, categorisedOnly: true, ct);
}
