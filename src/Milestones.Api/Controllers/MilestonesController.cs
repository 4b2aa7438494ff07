using Microsoft.AspNetCore.Mvc;
using Milestones.Api.Contracts;
using Milestones.Api.Infrastructure;
using Milestones.Application.Common.Models;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;
using Milestones.Application.Milestones;
using Milestones.Application.Tasks;
using Milestones.Application.Milestones.Commands.DeleteMilestone;
using Milestones.Application.Milestones.Commands.RestoreMilestone;
using Milestones.Application.Milestones.Commands.UpdateMilestone;
using Milestones.Application.Milestones.Queries.GetMilestone;
using Milestones.Application.Milestones.Queries.ListMilestones;
using Milestones.Application.Tasks.Commands.CreateTask;
using Milestones.Application.Tasks.Queries.ListTasks;

namespace Milestones.Api.Controllers;

[Route("api/v1/milestones")]
public sealed class MilestonesController : ApiControllerBase
{
    /// <summary>Milestones across every project the caller may read (anonymous: public projects).</summary>
    [HttpGet]
    public async Task<ActionResult<ListEnvelope<MilestoneDto>>> ListMilestones([FromQuery] MilestoneListParameters query, [FromQuery] long? projectId, [FromQuery] string? users, CancellationToken ct) =>
        Page(await Sender.Send(query.ToQuery() with { ProjectId = projectId, Users = users }, ct));

    [HttpGet("{milestoneId:long}")]
    public async Task<ActionResult<DataEnvelope<MilestoneDto>>> GetMilestone(long milestoneId, CancellationToken ct) =>
        Resource(await Sender.Send(new GetMilestoneQuery(milestoneId), ct));

    /// <summary>Partial update (admins, achievers): only the properties sent change. Honours If-Match.</summary>
    [HttpPatch("{milestoneId:long}")]
    public async Task<ActionResult<DataEnvelope<MilestoneDto>>> UpdateMilestone(long milestoneId, MilestonePatch body, CancellationToken ct) =>
        Resource(await Sender.Send(body.ToCommand(milestoneId, IfMatch), ct));

    /// <summary>Soft-deletes (admins): tasks move to the default milestone (or `reassignTo`), or `tasks=delete`. Honours If-Match.</summary>
    [HttpDelete("{milestoneId:long}")]
    public async Task<ActionResult<DataEnvelope<DeleteMilestoneResult>>> DeleteMilestone(long milestoneId, [FromQuery] TaskDisposal? tasks, [FromQuery] long? reassignTo, CancellationToken ct) =>
        Data(await Sender.Send(new DeleteMilestoneCommand(milestoneId, tasks, reassignTo, IfMatch), ct));

    /// <summary>Brings a deleted milestone back (admins); 409 when its title was taken meanwhile.</summary>
    [HttpPost("{milestoneId:long}/restore")]
    public async Task<ActionResult<DataEnvelope<MilestoneDto>>> RestoreMilestone(long milestoneId, CancellationToken ct) =>
        Resource(await Sender.Send(new RestoreMilestoneCommand(milestoneId), ct));

    [HttpGet("{milestoneId:long}/tasks")]
    public async Task<ActionResult<ListEnvelope<TaskDto>>> ListTasks(long milestoneId, [FromQuery] bool? completed, [FromQuery] int? limit, [FromQuery] int? offset, [FromQuery] int? page, CancellationToken ct) =>
        Page(await Sender.Send(new ListTasksQuery(milestoneId, completed, limit, offset, page), ct));

    [HttpPost("{milestoneId:long}/tasks")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<DataEnvelope<TaskDto>>> CreateTask(long milestoneId, CreateTaskRequest body, CancellationToken ct)
    {
        var task = await Sender.Send(new CreateTaskCommand(milestoneId, body.Title, body.Completed ?? false, body.Position), ct);
        return CreatedAt<TasksController, TaskDto>(nameof(TasksController.GetTask), new { taskId = task.Id }, task);
    }
}
