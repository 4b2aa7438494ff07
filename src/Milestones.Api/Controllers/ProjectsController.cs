using Microsoft.AspNetCore.Mvc;
using Milestones.Api.Contracts;
using Milestones.Api.Infrastructure;
using Milestones.Application.Events.Queries.ListEvents;
using Milestones.Application.Members.Commands.RemoveMember;
using Milestones.Application.Members.Commands.SetMember;
using Milestones.Application.Members.Queries.ListMembers;
using Milestones.Application.Milestones.Commands.CreateMilestone;
using Milestones.Application.Milestones.Commands.ReorderMilestones;
using Milestones.Application.Milestones.Queries.ListMilestones;
using Milestones.Application.Projects.Commands.CreateProject;
using Milestones.Application.Projects.Commands.DeleteProject;
using Milestones.Application.Projects.Commands.RecountProject;
using Milestones.Application.Projects.Commands.UpdateProject;
using Milestones.Application.Projects.Queries.GetProject;
using Milestones.Application.Projects.Queries.ListProjects;

namespace Milestones.Api.Controllers;

[Route("api/v1/projects")]
public sealed class ProjectsController : ApiControllerBase
{
    [HttpPost]
    public async Task<IActionResult> CreateProject(CreateProjectRequest body, CancellationToken ct)
    {
        var project = await Sender.Send(new CreateProjectCommand(body.Name ?? "", body.Description, body.Visibility), ct);
        return CreatedResource($"/api/v1/projects/{project.Id}", project);
    }

    [HttpGet]
    public async Task<IActionResult> ListProjects([FromQuery] string? visibility, [FromQuery] int? limit, [FromQuery] int? offset, [FromQuery] int? page, CancellationToken ct) =>
        Page(await Sender.Send(new ListProjectsQuery(visibility, limit, offset, page), ct));

    [HttpGet("{projectId:long}")]
    public async Task<IActionResult> GetProject(long projectId, CancellationToken ct) =>
        Resource(await Sender.Send(new GetProjectQuery(projectId), ct));

    [HttpPatch("{projectId:long}")]
    public async Task<IActionResult> UpdateProject(long projectId, UpdateProjectRequest body, CancellationToken ct) =>
        Resource(await Sender.Send(new UpdateProjectCommand(projectId, body.Name, body.Description, body.Visibility, IfMatch), ct));

    [HttpDelete("{projectId:long}")]
    public async Task<IActionResult> DeleteProject(long projectId, CancellationToken ct) =>
        Deleted(await Sender.Send(new DeleteProjectCommand(projectId, IfMatch), ct));

    [HttpGet("{projectId:long}/members")]
    public async Task<IActionResult> ListMembers(long projectId, [FromQuery] int? limit, [FromQuery] int? offset, [FromQuery] int? page, CancellationToken ct) =>
        Page(await Sender.Send(new ListMembersQuery(projectId, limit, offset, page), ct));

    [HttpPut("{projectId:long}/members/{idOrUsername}")]
    public async Task<IActionResult> SetMember(long projectId, string idOrUsername, SetMemberRequest body, CancellationToken ct) =>
        Resource(await Sender.Send(new SetMemberCommand(projectId, idOrUsername, body.Role), ct));

    [HttpDelete("{projectId:long}/members/{idOrUsername}")]
    public async Task<IActionResult> RemoveMember(long projectId, string idOrUsername, CancellationToken ct) =>
        Deleted(await Sender.Send(new RemoveMemberCommand(projectId, idOrUsername), ct));

    [HttpGet("{projectId:long}/milestones")]
    public async Task<IActionResult> ListProjectMilestones(long projectId, [FromQuery] MilestoneListParameters query, CancellationToken ct) =>
        Page(await Sender.Send(query.ToQuery() with { InProject = projectId }, ct));

    [HttpPost("{projectId:long}/milestones")]
    public async Task<IActionResult> CreateMilestone(long projectId, CreateMilestoneRequest body, CancellationToken ct)
    {
        var milestone = await Sender.Send(new CreateMilestoneCommand(
            projectId, body.Title ?? "", body.Description, body.Status, body.Color, body.DueDate, body.Position, body.GoalAmount,
            body.Tasks?.Select(t => new NewTask(t?.Title ?? "", t?.Completed ?? false)).ToList()), ct);
        return CreatedResource($"/api/v1/milestones/{milestone.Id}", milestone);
    }

    [HttpPut("{projectId:long}/milestones/positions")]
    public async Task<IActionResult> ReorderMilestones(long projectId, ReorderMilestonesRequest body, CancellationToken ct)
    {
        var milestones = await Sender.Send(new ReorderMilestonesCommand(projectId, body.MilestoneIds), ct);
        return Ok(new ListEnvelope<Application.Common.Mapping.MilestoneDto>(milestones, milestones.Count, milestones.Count, 0));
    }

    [HttpGet("{projectId:long}/events")]
    public async Task<IActionResult> ListEvents(long projectId, [FromQuery] string? type, [FromQuery] long? milestoneId, [FromQuery] long? before,
        [FromQuery] int? limit, [FromQuery] int? offset, [FromQuery] int? page, CancellationToken ct) =>
        Page(await Sender.Send(new ListEventsQuery(projectId, type, milestoneId, before, limit, offset, page), ct));

    [HttpPost("{projectId:long}/recount")]
    public async Task<IActionResult> Recount(long projectId, CancellationToken ct) =>
        Ok(new DataEnvelope<RecountResult>(await Sender.Send(new RecountProjectCommand(projectId), ct)));
}
