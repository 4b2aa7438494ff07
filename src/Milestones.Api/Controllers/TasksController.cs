using Milestones.Api.Contracts;
using Microsoft.AspNetCore.Mvc;
using Milestones.Api.Infrastructure;
using Milestones.Application.Tasks;
using Milestones.Application.Common.Models;
using Milestones.Application.Tasks.Commands.DeleteTask;
using Milestones.Application.Tasks.Commands.UpdateTask;
using Milestones.Application.Tasks.Queries.GetTask;

namespace Milestones.Api.Controllers;

[Route("api/v1/tasks")]
public sealed class TasksController : ApiControllerBase
{
    [HttpGet("{taskId:long}")]
    public async Task<ActionResult<DataEnvelope<TaskDto>>> GetTask(long taskId, CancellationToken ct) =>
        Resource(await Sender.Send(new GetTaskQuery(taskId), ct));

    /// <summary>Renames, completes / re-opens, repositions, or moves (`milestoneId`) a task. Honours If-Match.</summary>
    [HttpPatch("{taskId:long}")]
    public async Task<ActionResult<DataEnvelope<TaskDto>>> UpdateTask(long taskId, TaskPatch body, CancellationToken ct) =>
        Resource(await Sender.Send(body.ToCommand(taskId, IfMatch), ct));

    [HttpDelete("{taskId:long}")]
    public async Task<ActionResult<DataEnvelope<DeletedResult>>> DeleteTask(long taskId, CancellationToken ct) =>
        Data(await Sender.Send(new DeleteTaskCommand(taskId, IfMatch), ct));
}
