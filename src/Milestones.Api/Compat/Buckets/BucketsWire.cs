using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Milestones.Application.Common.Exceptions;
using Milestones.Application.Common.Models;
using Milestones.Application.Milestones;
using Milestones.Application.Milestones.Queries.ListMilestones;
using Milestones.Domain.Entities;
using Milestones.Domain.Enums;

namespace Milestones.Api.Compat.Buckets;

// Seed 003's wire: integer ids, snake_case names, the project's default milestone shown as type
// uncategorised, bodies as JSON or as forms (milestones[]=12&milestones[]=10), validation as 422.

public sealed record BucketsEnvelope<T>(T Data);

public sealed record BucketsList(IReadOnlyList<BucketsMilestone> Data, int Count, int Limit, int Page);

public sealed record BucketsDates(DateTime Created, DateTime Updated);

public sealed record BucketsMilestone(
    long Id, string Title,
    [property: JsonPropertyName("project_id")] long ProjectId,
    MilestoneType Type, MilestoneColor Color, int Position,
    [property: JsonPropertyName("creator_id")] long CreatorId,
    [property: JsonPropertyName("tasks_count")] int TasksCount,
    BucketsDates Dates)
{
    public static BucketsMilestone From(MilestoneDto m) =>
        new(m.Id, m.Title, m.ProjectId, m.Type, m.Color, m.Position, m.CreatedById, m.TasksTotal, new BucketsDates(m.CreatedAt, m.UpdatedAt));
}

public sealed record BucketsDeleted(long Id, bool Deleted, string Tasks, int Count);

/// <summary>The seed's sort keys.</summary>
public enum BucketsSort { MilestoneTitle, MilestonePosition, MilestoneCreated }

public static class BucketsFields
{
    public const string Project = "milestone_projectid";
    public const string Title = "milestone_title";
    public const string Color = "milestone_color";
    public const string Milestones = "milestones[]";

    public static T Required<T>(T? value, string field) where T : struct =>
        value ?? throw new ValidationFailedException(field, $"{field} is required.");

    public static string Required(string? value, string field) =>
        value ?? throw new ValidationFailedException(field, $"{field} is required.");

    public static MilestoneColor RequiredColor(MilestoneColor? value, HttpContext context) =>
        // An unknown colour is already noted for the 422 (WireEnums); only a missing one is ours to name.
        value ?? (Infrastructure.EdgeInputErrors.Of(context).Errors.ContainsKey(Color) ? default : throw new ValidationFailedException(Color, $"{Color} is required."));

    public static MilestoneSort Sort(BucketsSort sort) => sort switch
    {
        BucketsSort.MilestoneTitle => MilestoneSort.Title,
        BucketsSort.MilestoneCreated => MilestoneSort.CreatedAt,
        _ => MilestoneSort.Position,
    };
}

// A new milestone, as a form (the seed's curl -d lines) or as JSON.
public sealed record NewBucket
{
    [JsonPropertyName(BucketsFields.Project)]
    public long? ProjectId { get; init; }

    [JsonPropertyName(BucketsFields.Title)]
    [DisallowNull]
    public string? Title { get; init; }

    [JsonPropertyName(BucketsFields.Color)]
    [DisallowNull]
    public MilestoneColor? Color { get; init; }
}

// PATCH: both the title and the colour are required (the project and the type are immutable).
public sealed record BucketChanges
{
    [JsonPropertyName(BucketsFields.Title)]
    [DisallowNull]
    public string? Title { get; init; }

    [JsonPropertyName(BucketsFields.Color)]
    [DisallowNull]
    public MilestoneColor? Color { get; init; }
}

// PUT positions: every categorised milestone's id, in the new order.
public sealed record BucketPositions
{
    [JsonPropertyName("milestones")]
    [DisallowNull]
    public long[]? Milestones { get; init; }
}

// DELETE's option, as a form field (or the query parameter of the same name).
public sealed record BucketDeletion
{
    [JsonPropertyName("delete_tasks")]
    public string? DeleteTasks { get; init; }
}
