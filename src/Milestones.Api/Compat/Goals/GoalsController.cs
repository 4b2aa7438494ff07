using Microsoft.AspNetCore.Mvc;
using Milestones.Application.Common.Exceptions;
using Milestones.Application.Milestones;
using Milestones.Application.Milestones.Commands.DeleteMilestone;
using Milestones.Application.Milestones.Queries.ListMilestones;
using Milestones.Application.Tasks.Queries.ListProjectTasks;
using Milestones.Domain.Enums;

namespace Milestones.Api.Compat.Goals;

/// <summary>Seed 001 (goals): a goal's milestones at <c>/compat/goals/api/v1/goals/{goalId}/milestones</c>.</summary>
[GoalsDialect]
[ApiExplorerSettings(GroupName = "compat-goals")]
[Route("compat/goals/api/v1/goals/{goalId}/milestones")]
public sealed class GoalsController : CompatControllerBase
{
    /// <summary>Every live milestone of the goal, by `order`.</summary>
    [HttpGet]
    public async Task<ActionResult<GoalsEnvelope<IReadOnlyList<GoalsMilestone>>>> ListMilestones(string goalId, CancellationToken ct)
    {
        var goal = IdOrNotFound(goalId, "Project");
        var milestones = await AllAsync(new ListMilestonesQuery { InProject = goal, Filter = new MilestoneFilter { Type = MilestoneType.Categorised } }, ct);
        var tasks = await Sender.Send(new ListProjectTasksQuery(goal), ct);
        return Ok(new GoalsEnvelope<IReadOnlyList<GoalsMilestone>>(milestones.Select(m => GoalsMilestone.From(m, tasks)).ToList()));
    }

    [HttpGet("{milestoneId}")]
    public async Task<ActionResult<GoalsEnvelope<GoalsMilestone>>> GetMilestone(string goalId, string milestoneId, CancellationToken ct) =>
        Ok(await ShapeAsync(await InGoalAsync(goalId, milestoneId, ct), ct));

    /// <summary>Creates a milestone (admins and achievers), with its optional subtasks.</summary>
    [HttpPost]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<GoalsEnvelope<GoalsMilestone>>> CreateMilestone(string goalId, NewGoalsMilestone body, CancellationToken ct)
    {
        var milestone = await Sender.Send(body.ToCommand(IdOrNotFound(goalId, "Project")), ct);
        return CreatedAtAction(nameof(GetMilestone), new { goalId, milestoneId = milestone.Id }, await ShapeAsync(milestone, ct));
    }

    /// <summary>Partial update (admins and achievers): only the fields sent change; `subtasks` is the whole list (listed ones change, new ones are added, left-out ones are deleted).</summary>
    [HttpPatch("{milestoneId}")]
    public async Task<ActionResult<GoalsEnvelope<GoalsMilestone>>> UpdateMilestone(string goalId, string milestoneId, GoalsMilestonePatch body, CancellationToken ct)
    {
        var milestone = await InGoalAsync(goalId, milestoneId, ct);
        return Ok(await ShapeAsync(await Sender.Send(body.ToCommand(milestone.Id), ct), ct));
    }

    /// <summary>Soft-deletes the milestone and its subtasks (admins).</summary>
    [HttpDelete("{milestoneId}")]
    public async Task<ActionResult<GoalsEnvelope<GoalsDeleted>>> DeleteMilestone(string goalId, string milestoneId, CancellationToken ct)
    {
        var milestone = await InGoalAsync(goalId, milestoneId, ct);
        var deleted = await Sender.Send(new DeleteMilestoneCommand(milestone.Id, TaskDisposal.Delete), ct);
        return Ok(new GoalsEnvelope<GoalsDeleted>(new GoalsDeleted(milestoneId, deleted.Id == milestone.Id)));
    }

    // The milestone, when it is one of this goal's categorised milestones (the default milestone has no place in this seed).
    private async Task<MilestoneDto> InGoalAsync(string goalId, string milestoneId, CancellationToken ct)
    {
        var goal = IdOrNotFound(goalId, "Project");
        var milestone = await LiveMilestoneAsync(IdOrNotFound(milestoneId, "Milestone"), milestoneId, categorisedOnly: true, ct);
        return milestone.ProjectId == goal ? milestone : throw new NotFoundException("Milestone", milestoneId);
    }

    private async Task<GoalsEnvelope<GoalsMilestone>> ShapeAsync(MilestoneDto milestone, CancellationToken ct) =>
        new(GoalsMilestone.From(milestone, await Sender.Send(new ListProjectTasksQuery(milestone.ProjectId, [milestone.Id]), ct)));
}
