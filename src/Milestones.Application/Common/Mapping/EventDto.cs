using System.Text.Json;

namespace Milestones.Application.Common.Mapping;

public sealed record EventDto
{
    public long Id { get; init; }
    public long ProjectId { get; init; }
    public long? MilestoneId { get; init; }
    public long? TaskId { get; init; }
    public long? ActorId { get; init; }
    public string Type { get; init; } = "";
    public JsonElement Data { get; init; }
    public DateTime OccurredAt { get; init; }
}
