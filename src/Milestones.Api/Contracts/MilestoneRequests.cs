using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Mvc;
using Milestones.Application.Milestones.Commands.CreateMilestone;
using Milestones.Application.Milestones.Commands.UpdateMilestone;
using Milestones.Application.Common.Models;
using Milestones.Application.Milestones.Queries.ListMilestones;
using Milestones.Domain.Common;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Api.Contracts;

// The milestone's wire shapes, in one file: the POST body, the PATCH body and the list's query string,
// each with its map to the Application's request. [ContractRequired] and [DisallowNull] are the
// contract (the OpenAPI document and the edge's 422 for a null that cannot be); the Domain and the
// Application know nothing of them. (Plain comments: a <summary> here would become a description in
// the OpenAPI document.)

// A task created with its milestone.
public sealed record NewTask
{
    [ContractRequired]
    public string? Title { get; init; }

    [DisallowNull]
    public bool? Completed { get; init; }
}

// The request body of a new milestone: a left-out field takes its default (pending, default colour,
// at the end); dueDate and goalAmount take null as "none".
public sealed record NewMilestone
{
    [ContractRequired]
    public string? Title { get; init; }

    [DisallowNull]
    public string? Description { get; init; }

    [DisallowNull]
    public MilestoneStatus? Status { get; init; }

    [DisallowNull]
    public MilestoneColor? Color { get; init; }

    public DateTime? DueDate { get; init; }

    [DisallowNull]
    public int? Position { get; init; }

    public decimal? GoalAmount { get; init; }

    [DisallowNull]
    public IReadOnlyList<NewTask>? Tasks { get; init; }

    public CreateMilestoneCommand ToCommand(long projectId) => new(
        projectId,
        new MilestoneDraft { Title = Title, Description = Description, Status = Status, Color = Color, DueDate = DueDate, GoalAmount = GoalAmount },
        Position,
        Tasks?.Select(t => t is null ? null! : new TaskDraft(t.Title, t.Completed)).ToList()); // a null task stays null, for validation to name
}

// A partial milestone update: an absent field is left unchanged; [DisallowNull] fields cannot be
// cleared (null is refused), dueDate and goalAmount are cleared by null.
public sealed record MilestonePatch
{
    [DisallowNull]
    public string? Title { get; init; }

    [DisallowNull]
    public string? Description { get; init; }

    [DisallowNull]
    public MilestoneStatus? Status { get; init; }

    [DisallowNull]
    public MilestoneColor? Color { get; init; }

    [DisallowNull]
    public int? Position { get; init; }

    public Optional<DateTime?> DueDate { get; init; }

    public Optional<decimal?> GoalAmount { get; init; }

    public UpdateMilestoneCommand ToCommand(long milestoneId, IReadOnlyList<string>? expectedVersions) => new(
        milestoneId,
        new MilestoneChanges { Title = Title, Description = Description, Status = Status, Color = Color, Position = Position, DueDate = DueDate, GoalAmount = GoalAmount },
        expectedVersions);
}

/// <summary>The milestone list's query string, shared by both list endpoints.</summary>
public sealed record MilestoneListParameters
{
    /// <summary>A comma list of statuses: any of them.</summary>
    [FromQuery(Name = "status")]
    public MilestoneStatus[]? Status { get; init; }
    [FromQuery(Name = "type")]
    public MilestoneType? Type { get; init; }
    [FromQuery(Name = "search")]
    public string? Search { get; init; }
    [FromQuery(Name = "overdue")]
    public bool? Overdue { get; init; }
    [FromQuery(Name = "dueBefore")]
    public DateTime? DueBefore { get; init; }
    [FromQuery(Name = "dueAfter")]
    public DateTime? DueAfter { get; init; }
    [FromQuery(Name = "sort")]
    public MilestoneSort? Sort { get; init; }
    [FromQuery(Name = "order")]
    public SortOrder? Order { get; init; }
    [FromQuery(Name = "includeDeleted")]
    public bool? IncludeDeleted { get; init; }
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }
    [FromQuery(Name = "offset")]
    public int? Offset { get; init; }
    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    public ListMilestonesQuery ToQuery() => new()
    {
        Filter = new MilestoneFilter { Status = Status, Type = Type, Search = Search, Overdue = Overdue, DueBefore = DueBefore, DueAfter = DueAfter },
        Sort = Sort,
        Order = Order,
        IncludeDeleted = IncludeDeleted,
        Limit = Limit,
        Offset = Offset,
        Page = Page,
    };
}
