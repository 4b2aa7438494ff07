using Microsoft.AspNetCore.Mvc;
using Milestones.Application.Common.Exceptions;
using Milestones.Application.Common.Models;
using Milestones.Application.Milestones;
using Milestones.Application.Milestones.Commands.CreateMilestone;
using Milestones.Application.Milestones.Commands.DeleteMilestone;
using Milestones.Application.Milestones.Commands.ReorderMilestones;
using Milestones.Application.Milestones.Commands.UpdateMilestone;
using Milestones.Application.Milestones.Queries.ListMilestones;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Api.Compat.Buckets;

/// <summary>
/// Seed 003 (buckets): milestones at <c>/compat/buckets/api/milestones</c>, bodies as JSON or as forms.
/// Each body-bearing route has a JSON action and a form action over the same code.
/// </summary>
[BucketsDialect]
[ApiExplorerSettings(GroupName = "compat-buckets")]
[Route("compat/buckets/api/milestones")]
public sealed class BucketsController : CompatControllerBase
{
    private const string Form = "application/x-www-form-urlencoded";
    private const string Json = "application/json";

    /// <summary>A project's milestones, its default milestone included; `project_id` is required.</summary>
    [HttpGet]
    public async Task<ActionResult<BucketsList>> ListMilestones(
        [FromQuery(Name = "project_id")] long? projectId, [FromQuery] MilestoneType? type, [FromQuery] string? search,
        [FromQuery] BucketsSort? sort, [FromQuery] SortOrder? order, [FromQuery] int? limit, [FromQuery] int? page, CancellationToken ct)
    {
        var project = BucketsFields.Required(projectId, "project_id");
        var list = await Sender.Send(new ListMilestonesQuery
        {
            InProject = project,
            Filter = new MilestoneFilter { Type = type, Search = search },
            Sort = sort is { } s ? BucketsFields.Sort(s) : null,
            Order = order,
            Limit = limit,
            Page = page ?? 1,
        }, ct);
        return Ok(new BucketsList(list.Items.Select(BucketsMilestone.From).ToList(), list.Count, list.Limit, list.Offset / list.Limit + 1));
    }

    [HttpGet("{id:long}")]
    public async Task<ActionResult<BucketsEnvelope<BucketsMilestone>>> GetMilestone(long id, CancellationToken ct) =>
        Ok(Shape(await LiveAsync(id, ct)));

    /// <summary>Creates a categorised milestone (admins and achievers): 201; a title already in the project is 409.</summary>
    [HttpPost]
    [Consumes(Json, Form)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public Task<ActionResult<BucketsEnvelope<BucketsMilestone>>> CreateMilestone(NewBucket body, CancellationToken ct) => CreateAsync(body, ct);

    /// <summary>Renames and recolours a milestone (admins and achievers): both fields are required.</summary>
    [HttpPatch("{id:long}")]
    [Consumes(Json, Form)]
    public Task<ActionResult<BucketsEnvelope<BucketsMilestone>>> UpdateMilestone(long id, BucketChanges body, CancellationToken ct) => UpdateAsync(id, body, ct);

    /// <summary>Deletes a milestone (admins): its tasks move to the default milestone, or are deleted with `delete_tasks=yes` (a query parameter or a form field); the default milestone is 409.</summary>
    [HttpDelete("{id:long}")]
    [Consumes(Json, Form)]
    public Task<ActionResult<BucketsEnvelope<BucketsDeleted>>> DeleteMilestone(long id, [FromQuery(Name = "delete_tasks")] string? deleteTasks,
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] BucketDeletion? body, CancellationToken ct) =>
        DeleteAsync(id, deleteTasks ?? body?.DeleteTasks, ct); // an empty body binds null (EmptyBodyBehavior.Allow)

    /// <summary>Sets positions 1..N in the order given (admins and achievers): every categorised milestone of the project, once.</summary>
    [HttpPut("positions")]
    [Consumes(Json, Form)]
    public Task<ActionResult<BucketsEnvelope<IReadOnlyList<BucketsMilestone>>>> ReorderMilestones(
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] BucketPositions? body, CancellationToken ct) => ReorderAsync(body, ct);

    private async Task<ActionResult<BucketsEnvelope<BucketsMilestone>>> CreateAsync(NewBucket body, CancellationToken ct)
    {
        var project = BucketsFields.Required(body.ProjectId, BucketsFields.Project);
        var draft = new MilestoneDraft { Title = BucketsFields.Required(body.Title, BucketsFields.Title), Color = BucketsFields.RequiredColor(body.Color, HttpContext) };
        var milestone = await Sender.Send(new CreateMilestoneCommand(project, draft), ct);
        return CreatedAtAction(nameof(GetMilestone), new { id = milestone.Id }, Shape(milestone));
    }

    private async Task<ActionResult<BucketsEnvelope<BucketsMilestone>>> UpdateAsync(long id, BucketChanges body, CancellationToken ct)
    {
        var changes = new MilestoneChanges { Title = BucketsFields.Required(body.Title, BucketsFields.Title), Color = BucketsFields.RequiredColor(body.Color, HttpContext) };
        return Ok(Shape(await Sender.Send(new UpdateMilestoneCommand(id, changes), ct)));
    }

    private async Task<ActionResult<BucketsEnvelope<BucketsDeleted>>> DeleteAsync(long id, string? deleteTasks, CancellationToken ct)
    {
        var disposal = deleteTasks switch
        {
            null or "" or "no" => TaskDisposal.Reassign,
            "yes" => TaskDisposal.Delete,
            _ => throw new ValidationFailedException("delete_tasks", "delete_tasks must be yes (delete the tasks) or no (reassign them to the default milestone)."),
        };
        var deleted = await Sender.Send(new DeleteMilestoneCommand(id, disposal), ct);
        return Ok(new BucketsEnvelope<BucketsDeleted>(new BucketsDeleted(deleted.Id, true, deleted.Tasks, deleted.Count)));
    }

    private async Task<ActionResult<BucketsEnvelope<IReadOnlyList<BucketsMilestone>>>> ReorderAsync(BucketPositions? body, CancellationToken ct)
    {
        if (body?.Milestones is not { Length: > 0 } ids)
        {
            throw new ValidationFailedException(BucketsFields.Milestones, $"{BucketsFields.Milestones} is required: every categorised milestone id of the project, in the new order.");
        }

        var project = (await LiveAsync(ids[0], ct)).ProjectId;
        var ordered = await Sender.Send(new ReorderMilestonesCommand(project, ids), ct);
        return Ok(new BucketsEnvelope<IReadOnlyList<BucketsMilestone>>(ordered.Select(BucketsMilestone.From).ToList()));
    }

    // Any live milestone: this seed has a default milestone too.
    private Task<MilestoneDto> LiveAsync(long id, CancellationToken ct) => LiveMilestoneAsync(id, id, categorisedOnly: false, ct);

    private static BucketsEnvelope<BucketsMilestone> Shape(MilestoneDto milestone) => new(BucketsMilestone.From(milestone));
}
