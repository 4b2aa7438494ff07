using Microsoft.AspNetCore.Mvc;
using Milestones.Api.Contracts;
using Milestones.Api.Infrastructure;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;
using Milestones.Application.Events;
using Milestones.Application.Members;
using Milestones.Application.Milestones;
using Milestones.Application.Projects;
using Milestones.Application.Common.Models;
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
    /// <summary>Creates a project; the caller becomes its admin and its default "Uncategorised" milestone is created.</summary>
    [HttpPost]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<DataEnvelope<ProjectDto>>> CreateProject(CreateProjectRequest body, CancellationToken ct)
    {
        var project = await Sender.Send(new CreateProjectCommand(body.Name ?? "", body.Description, body.Visibility, body.DeadlinePolicy), ct);
        return CreatedAt<ProjectsController, ProjectDto>(nameof(GetProject), new { projectId = project.Id }, project);
    }

    /// <summary>The caller's projects; `visibility=public` for every public project.</summary>
    [HttpGet]
    public async Task<ActionResult<ListEnvelope<ProjectDto>>> ListProjects([FromQuery] Visibility? visibility, [FromQuery] int? limit, [FromQuery] int? offset, [FromQuery] int? page, CancellationToken ct) =>
        Page(await Sender.Send(new ListProjectsQuery(visibility, limit, offset, page), ct));

    [HttpGet("{projectId:long}")]
    public async Task<ActionResult<DataEnvelope<ProjectDto>>> GetProject(long projectId, CancellationToken ct) =>
        Resource(await Sender.Send(new GetProjectQuery(projectId), ct));

    /// <summary>Partial update (admins). Honours If-Match.</summary>
    [HttpPatch("{projectId:long}")]
    public async Task<ActionResult<DataEnvelope<ProjectDto>>> UpdateProject(long projectId, ProjectPatch body, CancellationToken ct) =>
        Resource(await Sender.Send(body.ToCommand(projectId, IfMatch), ct));

    /// <summary>Soft-deletes the project (admins). Honours If-Match.</summary>
    [HttpDelete("{projectId:long}")]
    public async Task<ActionResult<DataEnvelope<DeletedResult>>> DeleteProject(long projectId, CancellationToken ct) =>
        Data(await Sender.Send(new DeleteProjectCommand(projectId, IfMatch), ct));

    [HttpGet("{projectId:long}/members")]
    public async Task<ActionResult<ListEnvelope<MemberDto>>> ListMembers(long projectId, [FromQuery] int? limit, [FromQuery] int? offset, [FromQuery] int? page, CancellationToken ct) =>
        Page(await Sender.Send(new ListMembersQuery(projectId, limit, offset, page), ct));

    /// <summary>Adds a member or changes their role (admins). The last admin cannot be demoted: 409.</summary>
    [HttpPut("{projectId:long}/members/{idOrUsername}")]
    public async Task<ActionResult<DataEnvelope<MemberDto>>> SetMember(long projectId, string idOrUsername, SetMemberRequest body, CancellationToken ct) =>
        Resource(await Sender.Send(new SetMemberCommand(projectId, idOrUsername, body.Role), ct));

    /// <summary>Removes a member (admins). The last admin cannot be removed: 409.</summary>
    [HttpDelete("{projectId:long}/members/{idOrUsername}")]
    public async Task<ActionResult<DataEnvelope<DeletedResult>>> RemoveMember(long projectId, string idOrUsername, CancellationToken ct) =>
        Data(await Sender.Send(new RemoveMemberCommand(projectId, idOrUsername), ct));

    [HttpGet("{projectId:long}/milestones")]
    public async Task<ActionResult<ListEnvelope<MilestoneDto>>> ListProjectMilestones(long projectId, [FromQuery] MilestoneListParameters query, CancellationToken ct) =>
        Page(await Sender.Send(query.ToQuery() with { InProject = projectId }, ct));

    /// <summary>Creates a milestone (admins, achievers), optionally with its tasks.</summary>
    [HttpPost("{projectId:long}/milestones")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<DataEnvelope<MilestoneDto>>> CreateMilestone(long projectId, NewMilestone body, CancellationToken ct)
    {
        var milestone = await Sender.Send(body.ToCommand(projectId), ct);
        return CreatedAt<MilestonesController, MilestoneDto>(nameof(MilestonesController.GetMilestone), new { milestoneId = milestone.Id }, milestone);
    }

    /// <summary>Sets positions 1..N in the order given; the body lists every live categorised milestone once.</summary>
    [HttpPut("{projectId:long}/milestones/positions")]
    public async Task<ActionResult<ListEnvelope<MilestoneDto>>> ReorderMilestones(long projectId, ReorderMilestonesRequest body, CancellationToken ct) =>
        List(await Sender.Send(new ReorderMilestonesCommand(projectId, body.MilestoneIds), ct));

    /// <summary>The activity log, newest first; `before` is an event id cursor.</summary>
    [HttpGet("{projectId:long}/events")]
    public async Task<ActionResult<ListEnvelope<EventDto>>> ListEvents(long projectId, [FromQuery] string? type, [FromQuery] long? milestoneId, [FromQuery] long? before,
        [FromQuery] int? limit, [FromQuery] int? offset, [FromQuery] int? page, CancellationToken ct) =>
        Page(await Sender.Send(new ListEventsQuery(projectId, type, milestoneId, before, limit, offset, page), ct));

    /// <summary>Recomputes every counter of the project (admins) and reports what had drifted.</summary>
    [HttpPost("{projectId:long}/recount")]
    public async Task<ActionResult<DataEnvelope<RecountResult>>> Recount(long projectId, CancellationToken ct) =>
        Data(await Sender.Send(new RecountProjectCommand(projectId), ct));
}
