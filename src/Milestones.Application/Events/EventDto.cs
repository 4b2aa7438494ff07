using System.Linq.Expressions;
using System.Text.Json;

namespace Milestones.Application.Events;

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

    /// <summary>The one map from an activity entry, its stored JSON data parsed (in memory: <see cref="From"/>).</summary>
    public static readonly Expression<Func<ActivityEvent, EventDto>> Projection = e => new EventDto
    {
        Id = e.Id,
        ProjectId = e.ProjectId,
        MilestoneId = e.MilestoneId,
        TaskId = e.TaskId,
        ActorId = e.ActorId,
        Type = e.Type,
        Data = JsonDocument.Parse(e.Data, default).RootElement.Clone(),
        OccurredAt = e.OccurredAt,
    };

    private static readonly Func<ActivityEvent, EventDto> InMemory = Projection.Compile();

    public static EventDto From(ActivityEvent activity) => InMemory(activity);
}
