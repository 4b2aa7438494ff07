using Microsoft.AspNetCore.Mvc;
using Milestones.Api.Contracts;
using Milestones.Api.Infrastructure;
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
    [HttpGet]
    public async Task<IActionResult> ListMilestones([FromQuery] MilestoneListParameters query, [FromQuery] long? projectId, [FromQuery] string? users, CancellationToken ct) =>
        Page(await Sender.Send(query.ToQuery() with { ProjectId = projectId, Users = users }, ct));

    [HttpGet("{milestoneId:long}")]
    public async Task<IActionResult> GetMilestone(long milestoneId, CancellationToken ct) =>
        Resource(await Sender.Send(new GetMilestoneQuery(milestoneId), ct));

    [HttpPatch("{milestoneId:long}")]
    public async Task<IActionResult> UpdateMilestone(long milestoneId, UpdateMilestoneRequest body, CancellationToken ct) =>
        Resource(await Sender.Send(new UpdateMilestoneCommand(milestoneId)
        {
            Title = body.Title,
            Description = body.Description,
            Status = body.Status,
            Color = body.Color,
            Position = body.Position,
            DueDate = body.DueDate,
            GoalAmount = body.GoalAmount,
            IfMatch = IfMatch,
        }, ct));

    [HttpDelete("{milestoneId:long}")]
    public async Task<IActionResult> DeleteMilestone(long milestoneId, [FromQuery] string? tasks, [FromQuery] long? reassignTo, CancellationToken ct) =>
        Deleted(await Sender.Send(new DeleteMilestoneCommand(milestoneId, tasks, reassignTo, IfMatch), ct));

    [HttpPost("{milestoneId:long}/restore")]
    public async Task<IActionResult> RestoreMilestone(long milestoneId, CancellationToken ct) =>
        Resource(await Sender.Send(new RestoreMilestoneCommand(milestoneId), ct));

    [HttpGet("{milestoneId:long}/tasks")]
    public async Task<IActionResult> ListTasks(long milestoneId, [FromQuery] bool? completed, [FromQuery] int? limit, [FromQuery] int? offset, [FromQuery] int? page, CancellationToken ct) =>
        Page(await Sender.Send(new ListTasksQuery(milestoneId, completed, limit, offset, page), ct));

    [HttpPost("{milestoneId:long}/tasks")]
    public async Task<IActionResult> CreateTask(long milestoneId, CreateTaskRequest body, CancellationToken ct)
    {
        var task = await Sender.Send(new CreateTaskCommand(milestoneId, body.Title ?? "", body.Completed ?? false, body.Position), ct);
        return CreatedResource($"/api/v1/tasks/{task.Id}", task);
    }
}

/// <summary>The milestone list's query string, shared by both list endpoints.</summary>
public sealed record MilestoneListParameters
{
    public string? Status { get; init; }
    public string? Type { get; init; }
    public string? Search { get; init; }
    public bool? Overdue { get; init; }
    public DateTime? DueBefore { get; init; }
    public DateTime? DueAfter { get; init; }
    public string? Sort { get; init; }
    public string? Order { get; init; }
    public bool? IncludeDeleted { get; init; }
    public int? Limit { get; init; }
    public int? Offset { get; init; }
    public int? Page { get; init; }

    public ListMilestonesQuery ToQuery() => new()
    {
        Status = Status,
        Type = Type,
        Search = Search,
        Overdue = Overdue,
        DueBefore = DueBefore,
        DueAfter = DueAfter,
        Sort = Sort,
        Order = Order,
        IncludeDeleted = IncludeDeleted,
        Limit = Limit,
        Offset = Offset,
        Page = Page,
    };
}
