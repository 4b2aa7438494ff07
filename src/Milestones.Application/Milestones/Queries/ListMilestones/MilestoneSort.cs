using System.Text.Json.Serialization;

namespace Milestones.Application.Milestones.Queries.ListMilestones;

/// <summary>What a milestone list is sorted by (<c>position</c> by default); ties go by id.</summary>
public enum MilestoneSort
{
    Position,
    Title,
    [JsonStringEnumMemberName("createdAt")]
    CreatedAt,
    [JsonStringEnumMemberName("updatedAt")]
    UpdatedAt,
    [JsonStringEnumMemberName("dueDate")]
    DueDate,
}
