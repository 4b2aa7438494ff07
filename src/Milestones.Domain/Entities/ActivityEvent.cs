namespace Milestones.Domain.Entities;

/// <summary>One entry of a project's activity log. Written in the transaction of the change it describes.</summary>
public sealed class ActivityEvent
{
    private ActivityEvent() { }

    public long Id { get; private set; }

    public long ProjectId { get; private set; }

    public long? MilestoneId { get; private set; }

    public long? TaskId { get; private set; }

    /// <summary>Null when the system acted (the deadline sweeper).</summary>
    public long? ActorId { get; private set; }

    public string Type { get; private set; } = "";

    /// <summary>A JSON object.</summary>
    public string Data { get; private set; } = "{}";

    public DateTime OccurredAt { get; private set; }

    public static ActivityEvent Record(string type, long projectId, long? milestoneId, long? taskId, long? actorId, string data, DateTime now) => new()
    {
        Type = type,
        ProjectId = projectId,
        MilestoneId = milestoneId,
        TaskId = taskId,
        ActorId = actorId,
        Data = data,
        OccurredAt = now,
    };
}
